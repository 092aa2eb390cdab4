"""Where a sentence, paragraph or block sits in its source: the page of a PDF (``p. 12``), the
article's place in a multi-article file (``record 7``), or both (``record 3, p. 2`` for a PDF
attached to a library item); empty for a single-article text file."""

from __future__ import annotations

import pandas as pd


def describe_locations(blocks: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    """The location of every block, indexed by block_id ('' where there is nothing to say).

    Args:
        blocks: block_id, doc_id, page (Int64, NA outside PDFs).
        documents: doc_id, record ('' for single-article files).
    """
    record = blocks["doc_id"].map(documents.set_index("doc_id")["record"]).fillna("").astype("str")
    page = blocks["page"].astype("Int64").astype("str").where(blocks["page"].notna(), "")
    parts = pd.DataFrame({"record": ("record " + record).where(record != "", ""),
                          "page": ("p. " + page).where(page != "", "")})
    joined = parts["record"].str.cat(parts["page"], sep=", ").str.strip(", ")
    return pd.Series(joined.to_numpy(), index=blocks["block_id"].to_numpy(), dtype="str")


def add_locations(table: pd.DataFrame, blocks: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table of sentences, paragraphs, matches or evidence (any with ``sent_id``,
    ``para_id`` or ``block_id``) with a ``where`` column: ``p. 12``, ``record 7``, or ''."""
    where = describe_locations(blocks, documents)
    key = next(c for c in ("block_id", "para_id", "sent_id") if c in table.columns)
    block = table[key].str.replace(r"^(.*)-p(\d+)(?:-s\d+)?$", r"\1-b\2", regex=True)
    out = table.copy()
    out["where"] = block.map(where).fillna("").astype("str")
    return out
