"""Files holding many articles (news-database exports): one document per article.

A file's manifest rows may name its articles by ``record`` number (1, 2, ...); a row without
a record number gives the defaults (publisher, source_type, language) of every article of the
file that has no row of its own. An article without a row gets the doc_id ``<file id>-001``,
``-002``, ... where the file id is the file-level row's doc_id (by default the file's stem, or
its leading number: ``007_nexis.docx`` → ``007-001``). Empty manifest fields are filled from the
export's own fields (``date_source = export``); the manifest's values win.
"""

from __future__ import annotations

import pandas as pd

from helpers.corpus.sources import _problem

FILLED = ("title", "publisher", "author", "language", "url")
EXTRA_COLUMNS = ("section", "word_count")


def record_doc_id(file_id: str, number: int) -> str:
    """``<file id>-001``: the file's own doc_id (its stem, or its leading number) and the record."""
    return f"{file_id}-{number:03d}"


def expand_records(rows: pd.DataFrame, records: list, file_facts: dict,
                   folder_name: str) -> tuple[list[dict], dict[str, str], dict[str, dict], list[dict]]:
    """The documents of one multi-article file.

    Args:
        rows: the file's manifest rows (with ``path``; ``record`` empty for a file-level row).
        records: one formats.Ingested per article (metadata holds the export's fields).
        file_facts: what reading the file found (sha256_actual, is_sha256_ok, encoding, format).
        folder_name: the article folder as shown in messages.
    Returns:
        (document rows, text per doc_id, facts per doc_id, problems).
    """
    file = rows["file"].iloc[0]
    name = f"{folder_name}/{file}"
    numbered = {str(r).strip(): i for i, r in zip(rows.index, rows["record"]) if str(r).strip()}
    file_level = [i for i in rows.index if not str(rows.at[i, "record"]).strip()]
    base = rows.loc[file_level or [rows.index[0]]].iloc[0]
    out, texts, facts, problems, seen = [], {}, {}, [], set()
    for rec in _until_error(records, problems, file, name):
        number = rec.metadata["record"]
        seen.add(str(number))
        own_id = rec.metadata.get("id", "")
        row = rows.loc[numbered[str(number)]].to_dict() if str(number) in numbered else {
            **base.to_dict(), "title": "", "author": "",
            "doc_id": f"{base['doc_id']}-{own_id}" if own_id else record_doc_id(base["doc_id"], number),
            "published": "", "date_precision": "", "date_source": "", "date_evidence": "",
            "url": "", "sha256": base["sha256"]}
        row["record"] = str(number)
        problems += [_problem(file, row["doc_id"], f"{name}: {p}") for p in rec.problems]
        if rec.text is None:
            if not any("skipped" in p for p in rec.problems):
                problems.append(_problem(file, row["doc_id"], f"{name}: record {number}: no article "
                                                              f"text; skipped"))
            continue
        out.append(fill_from_export(row, rec.metadata, file_facts["format"]))
        texts[row["doc_id"]] = rec.text
        facts[row["doc_id"]] = {**file_facts, "metadata": {}, "problems": [], "pages": rec.pages,
                                "hints": rec.hints, "format": rec.format or file_facts["format"],
                                "encoding": rec.encoding or file_facts["encoding"],
                                "content_sha256": rec.metadata["content_sha256"]}
    for number in sorted(set(numbered) - seen, key=_as_int):
        problems.append(_problem(file, rows.at[numbered[number], "doc_id"],
                                 f"{name}: the manifest lists record {number} but the file holds "
                                 f"{len(seen)} article(s); skipped"))
    return out, texts, facts, problems


def _until_error(records, problems: list[dict], file: str, name: str):
    """The records, stopping at a read error in the middle of a table (reported in one line)."""
    count = 0
    try:
        for rec in records:
            count += 1
            yield rec
    except ValueError as exc:
        problems.append(_problem(file, "", f"{name}: {exc}; the rows after row {count} were not read"))


def _as_int(value: str) -> int:
    return int(value) if value.isdigit() else 0


def fill_from_export(row: dict, fields: dict, fmt: str) -> dict:
    """A manifest row with its empty fields filled from the export's (the manifest wins)."""
    row = dict(row)
    for column in FILLED:
        if not row.get(column) and fields.get(column):
            row[column] = fields[column]
    for column in EXTRA_COLUMNS:
        row[column] = str(fields.get(column, ""))
    source = fields.get("source", "export")
    if row.get("title") and fields.get("title") == row["title"] and not row.get("title_source"):
        row["title_source"] = source
    if not row.get("published") and fields.get("published"):
        row["published"], row["date_precision"] = fields["published"], fields["date_precision"]
        row["date_source"] = source
        row["date_evidence"] = f"the {source}'s date field ({fmt}, record {fields['record']})"
    return row
