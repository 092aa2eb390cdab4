"""The dataset on disk: one folder per table, one Parquet file per partition.

    <out>/_index.parquet             which file is in which partition (see helpers.dataset.partitions)
    <out>/<table>/part-00007.parquet  partition 7 of a table, carrying its stage key in its metadata
    <out>/problems/part-corpus.parquet  problems of the corpus as a whole (manifest, folder)

A partition's files are written under temporary names and renamed into place only once all of
them are written, and each file records the key it was computed for (schema metadata
``workbook_key``): an interrupted run leaves either the old file or the new, never half a file,
and a file whose key differs from today's is simply redone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

KEY_FIELD = b"workbook_key"
CORPUS_PART = "corpus"


class DatasetError(ValueError):
    """The dataset folder or a request on it is unusable; the message is one line naming it."""


def part_name(partition: int | str) -> str:
    """``part-00007.parquet`` for partition 7, ``part-corpus.parquet`` for the corpus-wide part."""
    return f"part-{partition:05d}.parquet" if isinstance(partition, int) else f"part-{partition}.parquet"


def to_arrow(frame: pd.DataFrame, key: str) -> pa.Table:
    """A table ready to store: the frame without its index, its key in the schema metadata."""
    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[KEY_FIELD] = key.encode()
    return table.replace_schema_metadata(meta)


def write_partition(out_dir: str | Path, partition: int | str, tables: dict[str, pa.Table]) -> list[Path]:
    """Write one partition's tables: every file under a temporary name first, then renamed.

    Returns:
        the files written.
    """
    out = Path(out_dir)
    staged = []
    for name, table in tables.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / part_name(partition)
        tmp = folder / f".{target.name}.{os.getpid()}.tmp"
        pq.write_table(table, tmp, compression="zstd")
        staged.append((tmp, target))
    for tmp, target in staged:
        os.replace(tmp, target)
    return [target for _, target in staged]


def stored_key(out_dir: str | Path, table: str, partition: int | str) -> str:
    """The key a stored partition file was computed for ('' when there is none or it is unreadable)."""
    path = Path(out_dir) / table / part_name(partition)
    if not path.is_file():
        return ""
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return ""
    return meta.get(KEY_FIELD, b"").decode()


def remove_partition(out_dir: str | Path, partition: int | str, tables: list[str]) -> None:
    """Delete a partition's files (a partition left without files)."""
    for name in tables:
        (Path(out_dir) / name / part_name(partition)).unlink(missing_ok=True)


def list_parts(out_dir: str | Path, name: str) -> list[Path]:
    """The partition files of a table, in partition order (temporary files left out)."""
    folder = Path(out_dir) / name
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("part-*.parquet"))


def open_table(out_dir: str | Path, name: str) -> ds.Dataset:
    """A pyarrow dataset over a table's partitions, with one schema that fits all of them.

    Raises:
        DatasetError: the folder holds no such table.
    """
    parts = list_parts(out_dir, name)
    if not parts:
        folder = Path(out_dir)
        known = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
        raise DatasetError(f"{out_dir}: no table '{name}' (known: {', '.join(known) or 'none'}; "
                           f"build it with dataset.build_dataset)")
    schemas = [pq.read_schema(p) for p in parts]
    schema = pa.unify_schemas([s.remove_metadata() for s in schemas], promote_options="permissive")
    schema = schema.with_metadata({k: v for k, v in (schemas[0].metadata or {}).items() if k == b"pandas"})
    return ds.dataset([str(p) for p in parts], schema=schema, format="parquet")


def read_table(out_dir: str | Path, name: str, columns: list[str] | None = None,
               filters: ds.Expression | None = None) -> pd.DataFrame:
    """Read a table (or some of its columns and rows) from the dataset.

    Args:
        out_dir: the dataset folder (from build_dataset).
        name: documents, blocks, paragraphs, sentences, problems, matches, dates, mentions,
            claims or stance.
        columns: the columns to read (None: all); only these are read from disk.
        filters: a pyarrow expression, e.g. ``pyarrow.dataset.field("doc_id") == "003"``;
            only matching rows are kept (row groups that cannot match are skipped).
    Returns:
        the rows, in partition order.
    Raises:
        DatasetError: no such table, or a column it lacks.
    """
    data = open_table(out_dir, name)
    missing = [c for c in columns or [] if c not in data.schema.names]
    if missing:
        raise DatasetError(f"{out_dir}/{name}: no column '{missing[0]}' (columns: "
                           f"{', '.join(data.schema.names)})")
    return data.to_table(columns=columns, filter=filters).to_pandas()
