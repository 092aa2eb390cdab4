"""Tables of articles (``.csv``, ``.jsonl``, ``.parquet``): one row per article, a text column and
metadata columns, read in batches so a large table never sits in memory twice.

Which column is which comes from a YAML file next to the table, named after it
(``stories.csv`` → ``stories.csv.yaml``), mapping workbook fields to the table's columns:

    text: body              # required: the article text
    title: headline         # optional, like every other field
    published: publish_date # ISO date or datetime; kept to the day
    url: url
    publisher: media_name
    author: byline
    language: language
    id: stories_id          # a stable id: doc_id = <file id>-<value> (else the row number)

Without a YAML file the columns named like the fields (``text``, ``title``, ...) are used.
A table without the text column is skipped with one line listing the columns it has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from helpers.corpus import dates

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
FIELDS = ("text", "title", "published", "url", "publisher", "author", "language", "id")
BATCH_ROWS = 5000


class TableError(ValueError):
    """The table cannot be read (one line naming the problem)."""


def mapping_path(path: Path) -> Path:
    """Where a table's column mapping lives: ``<table file name>.yaml`` beside it."""
    return path.with_name(path.name + ".yaml")


def read_mapping(path: Path) -> dict[str, str]:
    """The table's column mapping (fields to column names); the field names themselves by default.

    Raises:
        TableError: the YAML is not a mapping of known fields to column names.
    """
    from helpers.config import read_yaml_mapping

    file = mapping_path(path)
    if not file.is_file():
        return {f: f for f in FIELDS}
    raw, _ = read_yaml_mapping(file, file, TableError, "column mapping")
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise TableError(f"{file.name}: unknown field '{unknown[0]}' (fields: {', '.join(FIELDS)})")
    if not all(isinstance(v, str) and v for v in raw.values()):
        raise TableError(f"{file.name}: every field must name a column (a non-empty string)")
    return {"text": "text", **raw}


def iter_batches(path: Path, columns: list[str]) -> Iterator[list[dict]]:
    """The table's rows in batches of BATCH_ROWS, as dicts holding ``columns`` (all as text).

    Raises:
        TableError: the file cannot be read as its suffix says, or lacks the text column.
    """
    import pyarrow as pa

    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            table = pq.ParquetFile(path)
            _check_columns(path, table.schema_arrow.names, columns)
            batches = table.iter_batches(batch_size=BATCH_ROWS, columns=_present(table.schema_arrow.names,
                                                                                columns))
            for batch in batches:
                yield _as_text(batch.to_pylist())
            return
        import pandas as pd

        reader = (pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=BATCH_ROWS,
                              encoding="utf-8-sig") if suffix == ".csv"
                  else pd.read_json(path, lines=True, dtype=False, chunksize=BATCH_ROWS))
        with reader:
            for number, chunk in enumerate(reader):
                if number == 0:
                    _check_columns(path, list(chunk.columns), columns)
                yield _as_text(chunk[_present(list(chunk.columns), columns)].to_dict("records"))
    except TableError:
        raise
    except (ValueError, OSError, UnicodeDecodeError, pa.ArrowException) as exc:
        first = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__
        raise TableError(f"cannot read the table as {suffix[1:].upper()} ({first})") from None


def _present(names: list[str], columns: list[str]) -> list[str]:
    return [c for c in dict.fromkeys(columns) if c in names]


def _check_columns(path: Path, names: list[str], columns: list[str]) -> None:
    if columns[0] not in names:
        where = f"mapped in {mapping_path(path).name}" if mapping_path(path).is_file() else (
            f"map it in {mapping_path(path).name}")
        raise TableError(f"no text column '{columns[0]}' ({where}); the table's columns are: "
                         f"{', '.join(map(str, names[:12]))}")


def _as_text(rows: list[dict]) -> list[dict]:
    return [{k: "" if v is None or v != v else str(v) for k, v in row.items()} for row in rows]


def read_table_records(path: Path) -> tuple[Iterator[dict] | None, list[str]]:
    """The table's articles, one dict per row: number (1-based), id, text and the mapped fields.

    Returns:
        (an iterator of records, or None when the table cannot be used; problems).
    """
    try:
        mapping = read_mapping(path)
    except TableError as exc:
        return None, [str(exc) + "; skipped"]
    wanted = [mapping["text"]] + [mapping[f] for f in FIELDS if f != "text" and f in mapping]
    try:
        batches = iter_batches(path, wanted)
        first = next(batches, [])
    except TableError as exc:
        return None, [str(exc) + "; skipped"]

    def records() -> Iterator[dict]:
        number = 0
        for batch in _chain(first, batches):
            for row in batch:
                number += 1
                yield {"number": number, **{f: row.get(mapping.get(f, ""), "") for f in FIELDS}}
    return records(), []


def _chain(first: list[dict], rest: Iterator[list[dict]]) -> Iterator[list[dict]]:
    yield first
    yield from rest


def table_date(value: str) -> tuple[str, str]:
    """A table's date value as (ISO truncated to the day, precision); ('', 'unknown') when it
    does not read as one."""
    value = value.strip()
    m = re.match(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]|$)", value)
    if m:
        try:
            return dates.parse_partial_date(m.group(1))
        except dates.DateValueError:
            return "", "unknown"
    found = dates.find_date(value)
    return (found[0], found[1]) if found else ("", "unknown")
