"""How far the automatic coding can be trusted: agreement with a hand-coded sample.

The sample (data/validation/hand_coded_sentences.csv, described in data/validation/README.md)
has one row per sentence x theme decision, made by reading the sentence and applying the
codebook's definitions. The coder says a theme is present in a sentence when it has at least one
match there. Agreement per theme: precision, recall, F1 and Cohen's kappa, plus all themes pooled
(micro average).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from helpers import config, paths
from helpers.themes.codebook import Codebook

VALIDATION_PATH = paths.DATA_DIR / "validation" / "hand_coded_sentences.csv"
VALIDATION_COLUMNS = ["sent_id", "theme", "is_present", "note", "text"]
MICRO = "all themes (micro)"


class ValidationSampleError(ValueError):
    """The hand-coded sample is malformed; the message names the file, the row and the fix."""


def load_validation(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check the hand-coded sample.

    Returns:
        doc_id (from the sent_id), sent_id, theme, is_present (0/1), note, text.
    Raises:
        ValidationSampleError: missing file or column, is_present not 0/1, a decision given twice.
    """
    path = paths.resolve_path(path, VALIDATION_PATH)
    name = paths.display_path(path)
    if not path.is_file():
        raise ValidationSampleError(f"{name}: hand-coded sample not found")
    sample = config.read_csv_table(path, name, ValidationSampleError, "hand-coded sample")
    missing = [c for c in VALIDATION_COLUMNS if c not in sample.columns]
    if missing:
        raise ValidationSampleError(f"{name}: missing column '{missing[0]}' "
                                    f"(needs {', '.join(VALIDATION_COLUMNS)})")
    bad = ~sample["is_present"].str.strip().isin(["0", "1"])
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise ValidationSampleError(f"{name}: row {row + 2}: is_present must be 0 or 1, "
                                    f"not '{sample['is_present'].iloc[row]}'")
    dup = sample.duplicated(["sent_id", "theme"])
    if dup.any():
        row = int(np.flatnonzero(dup)[0])
        raise ValidationSampleError(f"{name}: row {row + 2}: {sample['sent_id'].iloc[row]} x "
                                    f"{sample['theme'].iloc[row]} is coded twice; keep one row")
    sample["is_present"] = sample["is_present"].str.strip().astype("int64")
    sample.insert(0, "doc_id", sample["sent_id"].str.rsplit("-", n=2).str[0])
    return sample[["doc_id", *VALIDATION_COLUMNS]]


def check_validation(sample: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sample sentences that no longer match the corpus (of the documents loaded).

    Returns:
        sent_id, problem ("not in the corpus" or "text differs from the corpus"), one row per
        sentence; empty when every sampled sentence of a loaded document is found unchanged.
    """
    loaded = sample[sample["doc_id"].isin(sentences["doc_id"])].drop_duplicates("sent_id")
    current = loaded["sent_id"].map(sentences.set_index("sent_id")["text"])
    problem = np.where(current.isna(), "not in the corpus",
                       np.where(current != loaded["text"], "text differs from the corpus", ""))
    out = pd.DataFrame({"sent_id": loaded["sent_id"].to_numpy(), "problem": problem}, dtype="str")
    return out[out["problem"] != ""].reset_index(drop=True)


def select_sample(sample: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The sample rows that can be scored: sentences of loaded documents that check_validation
    finds unchanged in the corpus."""
    flagged = check_validation(sample, sentences)["sent_id"]
    keep = sample["doc_id"].isin(sentences["doc_id"]) & ~sample["sent_id"].isin(flagged)
    return sample[keep].reset_index(drop=True)


def score_agreement(hand: pd.Series | np.ndarray, coder: pd.Series | np.ndarray) -> dict[str, float]:
    """Agreement of two 0/1 codings of the same items (hand = the reference).

    Returns:
        n, tp, fp, fn, tn, precision (NaN with no coder positives), recall (NaN with no hand
        positives), f1 (NaN when both have none) and Cohen's kappa (NaN when chance agreement is 1,
        i.e. both codings give every item the same single value).
    """
    h = np.asarray(hand, dtype=bool)
    c = np.asarray(coder, dtype=bool)
    tp, fp = int(np.sum(h & c)), int(np.sum(~h & c))
    fn, tn = int(np.sum(h & ~c)), int(np.sum(~h & ~c))
    n = tp + fp + fn + tn
    observed = (tp + tn) / n if n else np.nan
    expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n**2 if n else np.nan
    return {
        "n": n, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else np.nan,
        "recall": tp / (tp + fn) if tp + fn else np.nan,
        "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else np.nan,
        "kappa": (observed - expected) / (1 - expected) if n and expected < 1 else np.nan,
    }


def compare_with_coder(sample: pd.DataFrame, matches: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The sample's decisions for the codebook's themes side by side with the coder's.

    Args:
        sample: from load_validation (only rows of themes in the codebook are kept).
        matches: sentence-level matches (code_sentences on c.sentences) covering the sample.
    Returns:
        The sample's columns plus coder (0/1) and terms (what the coder matched, '; '-joined).
    """
    terms = matches.groupby(["sent_id", "theme"])["term"].agg(lambda t: "; ".join(pd.unique(t)))
    rows = sample[sample["theme"].isin(codebook.ids)].copy()
    key = pd.MultiIndex.from_frame(rows[["sent_id", "theme"]])
    rows["terms"] = terms.reindex(key).fillna("").to_numpy()
    rows["coder"] = (rows["terms"] != "").astype("int64")
    return rows.reset_index(drop=True)


def score_validation(sample: pd.DataFrame, matches: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Precision, recall, F1 and kappa per theme (codebook order) and for all themes pooled.

    Only sample rows of themes in the codebook count; pass only the sentences to score (e.g.
    those of the loaded documents that check_validation did not flag).

    Returns:
        theme, n (sentences), n_hand (hand positives), n_coder (coder positives), tp, fp, fn,
        precision, recall, f1, kappa; the last row, theme = "all themes (micro)", pools every
        decision.
    """
    both = compare_with_coder(sample, matches, codebook)
    rows = []
    for theme in [t for t in codebook.ids if t in set(both["theme"])]:
        part = both[both["theme"] == theme]
        rows.append({"theme": theme, **score_agreement(part["is_present"], part["coder"])})
    if rows:
        rows.append({"theme": MICRO, **score_agreement(both["is_present"], both["coder"])})
    out = pd.DataFrame(rows, columns=["theme", "n", "tp", "fp", "fn", "tn", "precision", "recall",
                                      "f1", "kappa"])
    out.insert(2, "n_hand", out["tp"] + out["fn"])
    out.insert(3, "n_coder", out["tp"] + out["fp"])
    return out.drop(columns="tn").astype({c: "int64" for c in ["n", "n_hand", "n_coder", "tp", "fp", "fn"]})


def list_disagreements(sample: pd.DataFrame, matches: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Decisions where the hand coding and the coder differ, with what the coder matched.

    Returns:
        sent_id, theme, hand, coder, terms, note, text; misses (hand 1, coder 0) first.
    """
    both = compare_with_coder(sample, matches, codebook)
    diff = both[both["is_present"] != both["coder"]].rename(columns={"is_present": "hand"})
    diff = diff.sort_values(["coder", "theme", "sent_id"], kind="stable")
    return diff[["sent_id", "theme", "hand", "coder", "terms", "note", "text"]].reset_index(drop=True)
