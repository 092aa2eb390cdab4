"""How often the stance score gets the sign right: the cue-based score against hand-coded articles.

Two hand-coded sets (data/validation/README.md): the sample in every language
(helpers.corpus.samples, data/validation/languages/, split into ``dev`` and ``heldout``) and the
stance test set (data/validation/stance_test.csv, split ``test``: articles with titles and
paragraphs, written before the rules for reading sentences were changed and never tuned on).

In the sample, an article's hand stance is the sign of (sentences coded ``ahead`` - sentences coded
``behind``); in the test set it is the article's own label (``ahead``, ``behind``, ``mixed``,
``none``). The coder's is the sign of its stance score (score_stance). Only articles the hand
coding places ahead or behind are counted: the sign is right, wrong, or missing (no cue read).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from helpers import paths
from helpers.compare import entities
from helpers.compare.stance import StanceCues, find_stance_cues, load_stance_cues, score_stance
from helpers.corpus import samples as samples_module

STANCE_TEST_PATH = paths.DATA_DIR / "validation" / "stance_test.csv"
STANCE_TEST_2_PATH = paths.DATA_DIR / "validation" / "stance_test_2.csv"
STANCE_TEST_3_PATH = paths.DATA_DIR / "validation" / "stance_test_3.csv"
TEST_COLUMNS = ["language", "doc", "para", "sent", "role", "stance", "article", "text"]
ARTICLE_LABELS = ("ahead", "behind", "mixed", "none")
SPLITS = ("dev", "heldout", "test", "test2", "test3")


class StanceTestError(ValueError):
    """The stance test file is malformed; one line naming the file, the row and the fix."""


def load_stance_test(path: str | Path | None = None, split: str = "test") -> pd.DataFrame:
    """Read and check a stance test set (default data/validation/stance_test.csv).

    Args:
        path: the CSV file (STANCE_TEST_2_PATH, STANCE_TEST_3_PATH for the later sets).
        split: the name its articles get in the ``split`` column (``test2``, ``test3``).

    Returns:
        language, doc_id, para_id (``de-t02-p03``), sent_id (``de-t02-s03``), role (title or
        paragraph), split, stance (per sentence), article (per article), text.
    Raises:
        StanceTestError: a missing file or column, a bad label or role, a number that is not a
            positive integer, a sentence given twice, an article with two labels, an empty text.
    """
    path = paths.resolve_path(path, STANCE_TEST_PATH)
    name = paths.display_path(path)
    rows = samples_module.read_csv_rows(path, StanceTestError)
    if not rows or any(c not in rows[0] for c in TEST_COLUMNS):
        raise StanceTestError(f"{name}: the header must name {','.join(TEST_COLUMNS)}")
    samples_module.check_row_lengths(rows, name, StanceTestError)
    t = pd.DataFrame(rows[1:], columns=rows[0], dtype="str")
    checks = [(~t["stance"].isin(samples_module.STANCES), "stance must be ahead, behind or neutral"),
              (~t["article"].isin(ARTICLE_LABELS), "article must be ahead, behind, mixed or none"),
              (~t["role"].isin(["title", "paragraph"]), "role must be title or paragraph"),
              (~(t["para"].str.fullmatch(r"[1-9]\d*") & t["sent"].str.fullmatch(r"[1-9]\d*")),
               "para and sent must be whole numbers from 1"),
              (t.duplicated(["doc", "sent"]), "sentence given twice; number it anew"),
              (t["text"].str.strip() == "", "empty text; write the sentence"),
              (t.groupby("doc")["article"].transform("nunique") > 1,
               "article labelled two ways; give all its rows one label")]
    samples_module.raise_first_problem(t, checks, name, StanceTestError)
    return pd.DataFrame({
        "language": t["language"], "doc_id": t["doc"], "para_id": t["doc"] + "-p" + t["para"].str.zfill(2),
        "sent_id": t["doc"] + "-s" + t["sent"].str.zfill(2), "role": t["role"], "split": split,
        "stance": t["stance"], "article": t["article"], "text": t["text"]})


def _sample_tables(sample: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corpus tables for a hand-coded set: with its own paragraphs and titles where it has them."""
    if "para_id" not in sample.columns:
        return samples_module.sample_tables(sample)
    sentences = sample[["doc_id", "para_id", "sent_id", "role", "language", "text"]].reset_index(drop=True)
    documents = sample.drop_duplicates("doc_id")[["doc_id", "language"]].reset_index(drop=True)
    return sentences, documents


def compare_stance(sample: pd.DataFrame, cues: StanceCues | None = None,
                   gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Hand and coder stance per article of a hand-coded set (the sample, the test set or both).

    Returns:
        language, doc_id, split, hand (ahead/behind, else neutral, mixed or none), score (the
        coder's, NaN without cues), coder (ahead/behind/none), is_right (hand and coder agree on
        ahead or behind).
    """
    cues = load_stance_cues() if cues is None else cues
    sentences, documents = _sample_tables(sample)
    mentions = entities.find_mentions(sentences, gazetteer)
    hits = find_stance_cues(sentences, cues, mentions)
    scores = score_stance(hits, sentences, documents).set_index("doc_id")["score"]
    balance = (sample["stance"] == "ahead").astype(int) - (sample["stance"] == "behind").astype(int)
    article = sample["article"] if "article" in sample.columns else pd.Series("", index=sample.index)
    per = sample.assign(balance=balance, article=article.fillna("")).groupby("doc_id", sort=False).agg(
        language=("language", "first"), split=("split", "first"), balance=("balance", "sum"),
        article=("article", "first"))
    out = per.reset_index()
    by_sentences = np.select([out["balance"] > 0, out["balance"] < 0], ["ahead", "behind"], "neutral")
    out["hand"] = np.where(out["article"] != "", out["article"], by_sentences)
    out["score"] = out["doc_id"].map(scores).astype("float64")
    out["coder"] = np.select([out["score"] > 0, out["score"] < 0], ["ahead", "behind"], "none")
    out["is_right"] = out["hand"].isin(["ahead", "behind"]) & (out["hand"] == out["coder"])
    return out[["language", "doc_id", "split", "hand", "score", "coder", "is_right"]]


def score_stance_accuracy(compared: pd.DataFrame, split: str = "heldout") -> pd.DataFrame:
    """Per language: of the articles placing Russia ahead or behind, how many got the right sign.

    Args:
        compared: from compare_stance.
        split: 'test', 'test2' or 'test3' (the stance test sets), 'heldout', 'dev' (what the
            cues were written from) or 'all'.
    Returns:
        language, n_signed (articles hand-coded ahead or behind), n_right, n_wrong, n_missing
        (no score), accuracy (n_right / n_signed), plus a last row language = "all".
    """
    if split not in (*SPLITS, "all"):
        raise ValueError(f"split: '{split}' is not one of dev, heldout, test, test2, test3, all")
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


def tabulate_stance_accuracy(compared: pd.DataFrame) -> pd.DataFrame:
    """Sign accuracy per language and split, side by side: ``right/signed`` and the share.

    Returns:
        language (the ten and "all"), then per split present in ``compared`` (dev, heldout,
        test, test2, test3) a column ``<split>`` ("7/9") and ``<split>_accuracy`` (0.78).
    """
    out = None
    for split in [s for s in SPLITS if (compared["split"] == s).any()]:
        t = score_stance_accuracy(compared, split)
        part = pd.DataFrame({"language": t["language"],
                             split: t["n_right"].astype(str) + "/" + t["n_signed"].astype(str),
                             f"{split}_accuracy": t["accuracy"].round(2)})
        out = part if out is None else out.merge(part, on="language", how="outer")
    out = out.assign(_last=out["language"].eq("all")).sort_values(["_last", "language"])
    return out.drop(columns="_last").reset_index(drop=True)
