"""How often the stance score gets the sign right: the cue-based score against the hand-coded
sample in every language (helpers.corpus.samples, data/validation/languages/).

An article's hand stance is the sign of (sentences coded ``ahead`` - sentences coded ``behind``);
the coder's is the sign of its stance score (score_stance). Only articles the hand coding places
ahead or behind are counted: the sign is right, wrong, or missing (no cue in a sentence about
Russia, so no score).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.compare import entities
from helpers.compare.stance import StanceCues, find_stance_cues, load_stance_cues, score_stance
from helpers.corpus import samples as samples_module


def compare_stance(sample: pd.DataFrame, cues: StanceCues | None = None,
                   gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Hand and coder stance per article of the sample.

    Returns:
        language, doc_id, split, hand (ahead/behind/neutral), score (the coder's, NaN without
        cues), coder (ahead/behind/none), is_right (hand and coder agree on ahead or behind).
    """
    cues = load_stance_cues() if cues is None else cues
    sentences, documents = samples_module.sample_tables(sample)
    mentions = entities.find_mentions(sentences, gazetteer)
    hits = find_stance_cues(sentences, cues, mentions)
    scores = score_stance(hits, sentences, documents).set_index("doc_id")["score"]
    balance = (sample["stance"] == "ahead").astype(int) - (sample["stance"] == "behind").astype(int)
    per = sample.assign(balance=balance).groupby("doc_id", sort=False).agg(
        language=("language", "first"), split=("split", "first"), balance=("balance", "sum"))
    out = per.reset_index()
    out["hand"] = np.select([out["balance"] > 0, out["balance"] < 0], ["ahead", "behind"], "neutral")
    out["score"] = out["doc_id"].map(scores).astype("float64")
    out["coder"] = np.select([out["score"] > 0, out["score"] < 0], ["ahead", "behind"], "none")
    out["is_right"] = out["hand"].isin(["ahead", "behind"]) & (out["hand"] == out["coder"])
    return out[["language", "doc_id", "split", "hand", "score", "coder", "is_right"]]


def score_stance_accuracy(compared: pd.DataFrame, split: str = "heldout") -> pd.DataFrame:
    """Per language: of the articles placing Russia ahead or behind, how many got the right sign.

    Args:
        compared: from compare_stance.
        split: 'heldout' (report this), 'dev' (what the cues were written from) or 'all'.
    Returns:
        language, n_signed (articles hand-coded ahead or behind), n_right, n_wrong, n_missing
        (no score), accuracy (n_right / n_signed), plus a last row language = "all".
    """
    if split not in (*samples_module.SPLITS, "all"):
        raise ValueError(f"split: '{split}' is not one of dev, heldout, all")
    part = compared if split == "all" else compared[compared["split"] == split]
    signed = part[part["hand"].isin(["ahead", "behind"])]

    def tally(part: pd.DataFrame) -> dict:
        right = int(part["is_right"].sum())
        missing = int((part["coder"] == "none").sum())
        return {"n_signed": len(part), "n_right": right, "n_wrong": len(part) - right - missing,
                "n_missing": missing, "accuracy": right / len(part) if len(part) else np.nan}
    rows = [{"language": lang, **tally(part)} for lang, part in signed.groupby("language", sort=True)]
    rows.append({"language": "all", **tally(signed)})
    return pd.DataFrame(rows).astype({"n_signed": "int64", "n_right": "int64", "n_wrong": "int64",
                                      "n_missing": "int64", "accuracy": "float64"})
