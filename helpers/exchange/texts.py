"""The text a QDA tool sees for each article, and where every sentence sits in it.

A source text is the article's content paragraphs (``c.paragraphs``, in order) joined by a blank
line. Page furniture is not part of it, so what a researcher codes in a QDA tool is exactly what
the workbook codes. Positions are counted in characters (Unicode code points), zero-based, end
exclusive, as in REFI-QDA's ``startPosition``/``endPosition``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PARAGRAPH_SEPARATOR = "\n\n"


def build_source_texts(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One text per document: its content paragraphs joined by a blank line.

    Args:
        paragraphs: doc_id, para_id, text (c.paragraphs), in document order.
    Returns:
        doc_id, text, n_chars; one row per document, in the order of ``paragraphs``.
    """
    grouped = paragraphs.groupby("doc_id", sort=False)["text"]
    out = grouped.agg(PARAGRAPH_SEPARATOR.join).rename("text").reset_index()
    out["n_chars"] = out["text"].str.len().astype("int64")
    return out


def locate_paragraphs(paragraphs: pd.DataFrame) -> pd.Series:
    """Where each paragraph starts in its document's source text (indexed by para_id)."""
    length = paragraphs["text"].str.len().to_numpy(dtype="int64") + len(PARAGRAPH_SEPARATOR)
    ends = pd.Series(length, index=paragraphs.index).groupby(paragraphs["doc_id"].to_numpy(),
                                                             sort=False).cumsum()
    return pd.Series((ends - length).to_numpy(), index=paragraphs["para_id"].to_numpy(), name="offset")


def locate_sentences(sentences: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Every sentence's span in its document's source text.

    Args:
        sentences: doc_id, para_id, sent_id, text, start, end (offsets in the paragraph).
        paragraphs: doc_id, para_id, text.
    Returns:
        doc_id, sent_id, start, end (in the source text), text; in the order of ``sentences``.
    """
    offset = sentences["para_id"].map(locate_paragraphs(paragraphs)).to_numpy(dtype="int64")
    return pd.DataFrame({
        "doc_id": sentences["doc_id"].to_numpy(), "sent_id": sentences["sent_id"].to_numpy(),
        "start": offset + sentences["start"].to_numpy(dtype="int64"),
        "end": offset + sentences["end"].to_numpy(dtype="int64"),
        "text": sentences["text"].to_numpy(),
    })


def locate_matches(matches: pd.DataFrame, sentences: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Every theme match's span in its document's source text.

    Args:
        matches: sentence-level matches (themes.code_sentences): doc_id, sent_id, theme, start, end.
    Returns:
        doc_id, sent_id, theme, start, end (in the source text).
    """
    spans = locate_sentences(sentences, paragraphs).set_index("sent_id")["start"]
    base = matches["sent_id"].map(spans).to_numpy(dtype="int64")
    return pd.DataFrame({
        "doc_id": matches["doc_id"].to_numpy(), "sent_id": matches["sent_id"].to_numpy(),
        "theme": matches["theme"].to_numpy(),
        "start": base + matches["start"].to_numpy(dtype="int64"),
        "end": base + matches["end"].to_numpy(dtype="int64"),
    })


def assign_sentences(segments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """The sentences each coded segment touches (shares at least one character with).

    Args:
        segments: doc_id, start, end (source-text positions) and any other columns.
        spans: locate_sentences output (doc_id, sent_id, start, end).
    Returns:
        The segments' columns plus sent_id, one row per segment x sentence it overlaps; a
        segment that covers only the blank line between paragraphs gives no row.
    """
    columns = [*segments.columns, "sent_id"]
    if segments.empty or spans.empty:
        return pd.DataFrame(columns=columns)
    pairs = segments.reset_index(drop=True).merge(
        spans[["doc_id", "sent_id", "start", "end"]].rename(columns={"start": "s_start", "end": "s_end"}),
        on="doc_id")
    overlap = np.minimum(pairs["end"], pairs["s_end"]) > np.maximum(pairs["start"], pairs["s_start"])
    return pairs.loc[overlap, columns].reset_index(drop=True)
