"""The hand-coded validation sample in every language (data/validation/languages/<lang>.csv).

Each file holds short articles written in the style of real news on Russia and AI, one row per
sentence, coded by hand for the themes of the codebook and for Russia's standing (see
data/validation/README.md). This module only reads and checks the files and turns them into the
corpus's own tables, so that the themes and comparisons stages can score their coders on them.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import paths

SAMPLES_DIR = paths.DATA_DIR / "validation" / "languages"
SAMPLE_COLUMNS = ["doc", "sent", "split", "stance", "themes", "text"]
SPLITS = ("dev", "heldout")
STANCES = ("ahead", "behind", "neutral")
_FILE_RE = re.compile(r"[a-z]{2,3}")


class LanguageSampleError(ValueError):
    """A sample file is malformed; the message names the file, the row and the fix."""


def load_language_samples(folder: str | Path | None = None) -> pd.DataFrame:
    """Read and check every ``<lang>.csv`` of the sample folder.

    Args:
        folder: the folder (default data/validation/languages).
    Returns:
        language, doc_id, sent_id (``ru-01-s03``), split (dev/heldout), stance
        (ahead/behind/neutral), themes (space-separated theme ids, '' for none), text; files in
        name order, rows in file order.
    Raises:
        LanguageSampleError: a missing folder or column, an unknown split or stance, a sentence
            given twice, an article split across dev and heldout, an empty text.
    """
    folder = paths.resolve_path(folder, SAMPLES_DIR)
    if not folder.is_dir():
        raise LanguageSampleError(f"{paths.display_path(folder)}: sample folder not found")
    frames = [_read_sample(path) for path in sorted(folder.glob("*.csv")) if _FILE_RE.fullmatch(path.stem)]
    if not frames:
        raise LanguageSampleError(f"{paths.display_path(folder)}: no <language>.csv files (e.g. ru.csv)")
    return pd.concat(frames, ignore_index=True)


def _read_sample(path: Path) -> pd.DataFrame:
    """One checked sample file as the rows of load_language_samples."""
    name = paths.display_path(path)
    rows = read_csv_rows(path, LanguageSampleError)
    if not rows:
        raise LanguageSampleError(f"{name}: empty file; start with the header {','.join(SAMPLE_COLUMNS)}")
    check_row_lengths(rows, name, LanguageSampleError)
    table = pd.DataFrame(rows[1:], columns=rows[0], dtype="str")
    missing = [c for c in SAMPLE_COLUMNS if c not in table.columns]
    if missing:
        raise LanguageSampleError(f"{name}: missing column '{missing[0]}' "
                                  f"(needs {', '.join(SAMPLE_COLUMNS)})")
    for column, allowed in (("split", SPLITS), ("stance", STANCES)):
        bad = ~table[column].isin(allowed)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise LanguageSampleError(f"{name}: row {row + 2}: {column} '{table[column].iloc[row]}' "
                                      f"is not one of {', '.join(allowed)}")
    checks = [(table.duplicated(["doc", "sent"]), "sentence given twice; number it anew"),
              (table["text"].str.strip() == "", "empty text; write the sentence"),
              (table.groupby("doc")["split"].transform("nunique") > 1,
               "article split across dev and heldout; give all its sentences one split")]
    raise_first_problem(table, checks, name, LanguageSampleError)
    return pd.DataFrame({
        "language": path.stem, "doc_id": table["doc"],
        "sent_id": table["doc"] + "-s" + table["sent"].str.zfill(2),
        "split": table["split"], "stance": table["stance"],
        "themes": table["themes"].str.split().str.join(" "), "text": table["text"],
    })


def read_csv_rows(path: Path, error: type[Exception]) -> list[list[str]]:
    """The rows of a hand-written UTF-8 CSV file, or ``error`` in one line naming the file.

    Args:
        path: the file.
        error: the exception class to raise (the caller's own).
    Returns:
        Every row as a list of strings, the header first.
    """
    name = paths.display_path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))
    except FileNotFoundError:
        raise error(f"{name}: file not found") from None
    except UnicodeDecodeError:
        raise error(f"{name}: not UTF-8; save it as UTF-8") from None


def check_row_lengths(rows: list[list[str]], name: str, error: type[Exception]) -> None:
    """Raise ``error`` naming the first row whose number of fields differs from the header's."""
    wrong = [i for i, row in enumerate(rows) if len(row) != len(rows[0])]
    if wrong:
        raise error(f"{name}: row {wrong[0] + 1} has {len(rows[wrong[0]])} fields, the header "
                    f"{len(rows[0])}; quote texts that contain commas")


def raise_first_problem(table: pd.DataFrame, checks: list[tuple[pd.Series, str]], name: str,
                        error: type[Exception]) -> None:
    """Raise ``error`` for the first check, in order, that flags a row: file, row, article, problem.

    Args:
        table: the file's rows (header excluded), with a ``doc`` column.
        checks: (boolean Series aligned with ``table``: the row is wrong, what to fix).
        name: the file as shown to the researcher.
        error: the exception class to raise.
    """
    for bad, problem in checks:
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise error(f"{name}: row {row + 2} ({table['doc'].iloc[row]}): {problem}")


def sample_tables(sample: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sample as corpus tables: each sentence its own paragraph.

    Returns:
        (sentences, documents): sentences with doc_id, para_id, sent_id, role, language, text,
        start, end; documents with doc_id, language.
    """
    sentences = pd.DataFrame({
        "doc_id": sample["doc_id"], "para_id": sample["sent_id"], "sent_id": sample["sent_id"],
        "role": "paragraph", "language": sample["language"], "text": sample["text"],
        "start": 0, "end": sample["text"].str.len(),
    }).reset_index(drop=True)
    documents = sample.drop_duplicates("doc_id")[["doc_id", "language"]].reset_index(drop=True)
    return sentences, documents


def summarise_samples(sample: pd.DataFrame) -> pd.DataFrame:
    """Sentences and articles per language and split.

    Returns:
        language, split, n_articles, n_sentences, n_coded (sentences with at least one theme).
    """
    coded = sample.assign(coded=sample["themes"] != "")
    out = coded.groupby(["language", "split"]).agg(
        n_articles=("doc_id", "nunique"), n_sentences=("sent_id", "size"), n_coded=("coded", "sum"))
    return out.reset_index().astype({"n_coded": "int64"})
