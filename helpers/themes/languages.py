"""Theme coding scored against the hand-coded sample in every language.

The sample (helpers.corpus.samples, data/validation/languages/) gives, for each sentence of short
articles in ten languages, the themes a reader finds in it. The coder is run on those sentences
with the codebook's patterns for each language, and compared with the hand coding at two levels:
the sentence (is the theme in this sentence?) and the document (is the theme anywhere in this
article?). Report the ``heldout`` split: the patterns were written looking only at ``dev``.
"""

from __future__ import annotations

import pandas as pd

from helpers.corpus import samples as samples_module
from helpers.themes.codebook import Codebook
from helpers.themes.coding import code_sentences
from helpers.themes.validation import MICRO, score_agreement

LEVELS = ("sentence", "document")
SCORE_COLUMNS = ["language", "level", "theme", "n", "n_hand", "n_coder", "tp", "fp", "fn",
                 "precision", "recall", "f1", "kappa"]


def code_samples(sample: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Hand and coder decisions for every sample sentence and theme.

    Returns:
        language, doc_id, sent_id, split, theme, hand (0/1), coder (0/1): one row per sentence x
        theme of the codebook.
    """
    sentences, documents = samples_module.sample_tables(sample)
    matches = code_sentences(sentences, codebook, documents)
    found = set(zip(matches["sent_id"], matches["theme"], strict=True))
    hand = sample["themes"].str.split()
    rows = sample[["language", "doc_id", "sent_id", "split"]].merge(
        pd.DataFrame({"theme": codebook.ids}), how="cross")
    present = dict(zip(sample["sent_id"], hand.map(set), strict=True))
    rows["hand"] = [int(t in present[s]) for s, t in zip(rows["sent_id"], rows["theme"], strict=True)]
    rows["coder"] = [int((s, t) in found) for s, t in zip(rows["sent_id"], rows["theme"], strict=True)]
    return rows


def score_languages(sample: pd.DataFrame, codebook: Codebook, split: str = "heldout") -> pd.DataFrame:
    """Precision, recall, F1 and kappa per language, level and theme, plus all themes pooled.

    Args:
        sample: from helpers.corpus.samples.load_language_samples.
        codebook: from load_codebook.
        split: 'heldout' (report this), 'dev' (what the patterns were written from) or 'all'.
    Returns:
        language, level (sentence/document), theme, n, n_hand, n_coder, tp, fp, fn, precision,
        recall, f1, kappa; per language and level the themes in codebook order, then the row
        theme = "all themes (micro)".
    """
    if split not in (*samples_module.SPLITS, "all"):
        raise ValueError(f"split: '{split}' is not one of dev, heldout, all")
    part = sample if split == "all" else sample[sample["split"] == split]
    decisions = code_samples(part, codebook)
    documents = decisions.groupby(["language", "doc_id", "theme"], sort=False)[["hand", "coder"]].max()
    rows = []
    for level, table in (("sentence", decisions), ("document", documents.reset_index())):
        for language, group in table.groupby("language", sort=True):
            for theme in codebook.ids:
                one = group[group["theme"] == theme]
                rows.append({"language": language, "level": level, "theme": theme,
                             **score_agreement(one["hand"], one["coder"])})
            rows.append({"language": language, "level": level, "theme": MICRO,
                         **score_agreement(group["hand"], group["coder"])})
    out = pd.DataFrame(rows)
    out["n_hand"], out["n_coder"] = out["tp"] + out["fn"], out["tp"] + out["fp"]
    return out[SCORE_COLUMNS]


def summarise_languages(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per language: pooled precision, recall, F1 and kappa at both levels.

    Returns:
        language, sentence_precision, sentence_recall, sentence_f1, sentence_kappa,
        document_precision, ..., document_kappa.
    """
    pooled = scores[scores["theme"] == MICRO].pivot(index="language", columns="level",
                                                    values=["precision", "recall", "f1", "kappa"])
    pooled.columns = [f"{level}_{metric}" for metric, level in pooled.columns]
    order = [f"{level}_{m}" for level in LEVELS for m in ("precision", "recall", "f1", "kappa")]
    return pooled[order].reset_index()


def pivot_language_scores(scores: pd.DataFrame, level: str = "document", metric: str = "f1",
                          decimals: int = 2) -> pd.DataFrame:
    """One metric as a theme x language table (themes in codebook order, the pooled row last).

    Args:
        scores: from score_languages.
        level: 'sentence' or 'document'.
        metric: precision, recall, f1 or kappa.
    """
    if level not in LEVELS:
        raise ValueError(f"level: '{level}' is not one of {', '.join(LEVELS)}")
    part = scores[scores["level"] == level]
    table = part.pivot(index="theme", columns="language", values=metric)
    order = list(dict.fromkeys(part["theme"]))
    return table.reindex(order).round(decimals).rename_axis(columns=None)
