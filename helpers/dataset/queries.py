"""Aggregate tables computed from the dataset without loading its text.

Each query reads only the columns it needs, partition by partition, aggregates each partition
with pyarrow and adds the partial results up; a document lives in exactly one partition, so
counts of documents add up exactly. Memory is bounded by one partition's columns, however many
partitions there are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from helpers.dataset.storage import DatasetError, list_parts

MONTH_PRECISIONS = ("day", "month")


def aggregate_parts(out_dir: str | Path, table: str, columns: list[str], keys: list[str],
                    prepare: Callable[[pa.Table, Path], pa.Table] | None = None) -> pd.DataFrame:
    """Count rows (n) and distinct documents (n_docs) per ``keys``, summed over partitions.

    Args:
        out_dir: the dataset folder.
        table: the table to read.
        columns: the columns to read (must include doc_id).
        keys: the columns to group by (after ``prepare``).
        prepare: an optional function of (one partition's columns, its file) adding key columns.
    Returns:
        keys..., n, n_docs, sorted by keys.
    Raises:
        DatasetError: the dataset has no such table.
    """
    parts = list_parts(out_dir, table)
    if not parts:
        raise DatasetError(f"{out_dir}: no table '{table}' (build it with dataset.build_dataset)")
    partial = []
    for path in parts:
        data = pq.read_table(path, columns=columns)
        if prepare is not None:
            data = prepare(data, path)
        if data.num_rows:
            partial.append(data.group_by(keys).aggregate([("doc_id", "count"), ("doc_id", "count_distinct")]))
    if not partial:
        return pd.DataFrame({**{k: pd.Series(dtype="str") for k in keys},
                             "n": pd.Series(dtype="int64"), "n_docs": pd.Series(dtype="int64")})
    total = pa.concat_tables(partial).group_by(keys).aggregate(
        [("doc_id_count", "sum"), ("doc_id_count_distinct", "sum")])
    frame = total.to_pandas().rename(columns={"doc_id_count_sum": "n", "doc_id_count_distinct_sum": "n_docs"})
    return frame[[*keys, "n", "n_docs"]].sort_values(keys, ignore_index=True)


def count_document_themes(out_dir: str | Path) -> pd.DataFrame:
    """The document x theme table: how many matches of each theme each document has.

    Returns:
        doc_id, theme, n_matches (long form; pivot with ``pivot(index="doc_id", columns="theme")``).
    """
    counts = aggregate_parts(out_dir, "matches", ["doc_id", "theme"], ["doc_id", "theme"])
    return counts.rename(columns={"n": "n_matches"}).drop(columns=["n_docs"])


def count_matches_by_month(out_dir: str | Path) -> pd.DataFrame:
    """Theme matches per month of publication (documents dated to the month or the day only).

    Returns:
        month (``2024-03``), theme, n_matches, n_docs (documents with at least one match).
    """
    def add_month(matches: pa.Table, path: Path) -> pa.Table:
        documents = pq.read_table(path.parent.parent / "documents" / path.name,
                                  columns=["doc_id", "published", "date_precision"])
        dated = documents.filter(pc.is_in(documents["date_precision"], pa.array(MONTH_PRECISIONS)))
        dated = dated.append_column("month", pc.utf8_slice_codeunits(dated["published"], 0, 7))
        return matches.join(dated.select(["doc_id", "month"]), "doc_id", join_type="inner")

    counts = aggregate_parts(out_dir, "matches", ["doc_id", "theme"], ["month", "theme"], add_month)
    return counts.rename(columns={"n": "n_matches"})


def count_entity_mentions(out_dir: str | Path) -> pd.DataFrame:
    """How often each gazetteer entity is mentioned, and in how many documents.

    Returns:
        entity, type, n_mentions, n_docs; most mentioned first.
    """
    counts = aggregate_parts(out_dir, "mentions", ["doc_id", "entity", "type"], ["entity", "type"])
    counts = counts.rename(columns={"n": "n_mentions"})
    return counts.sort_values(["n_mentions", "entity"], ascending=[False, True], ignore_index=True)
