"""Turn one raw file into text the workbook can read, saying what was done to it.

Formats (by suffix):
    .txt        plain text (a page saved as text)
    .md         Markdown: headings (#) and lists kept as structure, links and emphasis unwrapped
    .html/.htm  the main text extracted with trafilatura (as Markdown), and its title, author,
                date (htmldate) and site name; block line numbers then refer to the extracted text
    .pdf        the text layer read with pypdf (see pdf.py): one line per paragraph, each with
                its page; running headers, footers and page numbers hinted as furniture,
                footnotes as metadata
    .docx .odt  Word and OpenDocument text (see office.py): headings by style, lists, table rows,
                footnotes as metadata; archives that expand past a size cap are refused
    .rtf        Rich Text Format (striprtf)
    .csv .jsonl .parquet  tables of articles, one per row (see tables.py), read by path in
                batches (ingest_table) into ``records``
    .bib .ris .json  reference libraries (Zotero; see bibliography.py): one record per item, its
                attached file read as the article (ingest_library)

News-database exports (Nexis Uni as .docx/.rtf/.txt, Factiva as .rtf/.html/.txt; see
exports.py) are recognised by their markers whatever the suffix, and come back as ``records``:
one Ingested per article, with the export's fields as metadata.

A binary format's line numbers refer to its extracted text. ``pages`` gives each extracted line's
page (PDF only) and ``hints`` a role and reason for some lines, applied after cleaning.

Decoding: UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are. Anything else
is detected with charset-normalizer and the detected encoding is recorded and reported; a file
whose lines mix UTF-8 and a legacy encoding is decoded line by line. Binary files and JSON data
are skipped. Repairs (mojibake such as "Ã©", markup left in a .txt file) are made to the text
only, never to the file, and each is reported in one line naming the file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from helpers.corpus.formats.bibliography import BIB_SUFFIXES
from helpers.corpus.formats.encoding import decode_bytes, is_binary, looks_like_json, repair_mojibake
from helpers.corpus.formats.exports import split_export
from helpers.corpus.formats.html import html_to_lines, html_to_text
from helpers.corpus.formats.markdown import unwrap_markdown
from helpers.corpus.formats.plain import has_markup, strip_markup
from helpers.corpus.formats.tables import TABLE_SUFFIXES, mapping_path, read_table_records

__all__ = ["ARTICLE_SUFFIXES", "TABLE_SUFFIXES", "Ingested", "decode_bytes", "file_format", "html_to_text",
           "ingest_bytes", "ingest_path", "mapping_path", "is_binary", "looks_like_json",
           "repair_mojibake", "strip_markup", "unwrap_markdown"]

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
FACTIVA_HTML_RE = re.compile(r">\s*HD\s*<")
BINARY_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".odt": "odt", ".rtf": "rtf"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + tuple(BINARY_SUFFIXES)
PATH_SUFFIXES = TABLE_SUFFIXES + BIB_SUFFIXES  # read by path, not as bytes
ARTICLE_SUFFIXES = DOCUMENT_SUFFIXES + PATH_SUFFIXES


@dataclass
class Ingested:
    """A file read into text, with what is known about how."""

    text: str | None
    encoding: str = ""
    format: str = "txt"
    metadata: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    pages: list[int] | None = None
    hints: dict[int, tuple[str, str]] = field(default_factory=dict)
    records: list[Ingested] | None = None  # a news-database export: one entry per article


def file_format(name: str) -> str:
    """'txt', 'md', 'html', 'pdf', 'docx', 'odt' or 'rtf' from a file name's suffix."""
    lower = name.lower()
    for suffix, fmt in BINARY_SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    for suffix in PATH_SUFFIXES:
        if lower.endswith(suffix):
            return suffix[1:]
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "md"
    return "txt"


def ingest_bytes(data: bytes, name: str) -> Ingested:
    """Read one file's bytes into text (see the module docstring); never raises on bad content."""
    fmt = file_format(name)
    if not data.strip():
        return Ingested(None, format=fmt, problems=["empty file; skipped"])
    if fmt in BINARY_SUFFIXES.values():
        return as_export(ingest_document(data, fmt))
    if is_binary(data):
        return Ingested(None, format=fmt, problems=["binary data, not text; skipped"])
    text, encoding, problems = decode_bytes(data)
    result = Ingested(text, encoding=encoding, format=fmt, problems=problems)
    if text is None:
        return result
    if looks_like_json(text):
        result.text = None
        result.problems.append("JSON data, not article text; skipped")
        return result
    if fmt == "html" and FACTIVA_HTML_RE.search(text):
        exported = as_export(Ingested(html_to_lines(text), encoding=encoding, format=fmt))
        if exported.records is not None:
            return exported
    if fmt == "html":
        result.text, result.metadata = html_to_text(text)
        if not result.text.strip():
            result.text = None
            result.problems.append("no main text found in the HTML page; skipped")
            return result
    else:
        result.text = _clean_plain_text(result, text)
        if fmt == "txt":
            result = as_export(result)
            if result.records is not None:
                return result
    if "\ufffd" in result.text:
        n = result.text.count("\ufffd")
        result.problems.append(f"{n} replacement character(s) (U+FFFD): the text was damaged before "
                               f"it was saved; kept as is")
    return result


def _clean_plain_text(result: Ingested, text: str) -> str:
    text, n_fixed = repair_mojibake(text)
    if n_fixed:
        result.problems.append(f"mojibake repaired in {n_fixed} line(s) (UTF-8 read as Windows-1252, "
                               f"e.g. 'Ã©' for 'é')")
    if has_markup(text):
        text, tags = strip_markup(text)
        result.problems.append(f"HTML markup in a text file: tags removed ({', '.join(tags)}); "
                               f"save the page as .html to have it extracted")
    if result.format == "md":
        text = unwrap_markdown(text)
    return text


def ingest_document(data: bytes, fmt: str) -> Ingested:
    """Read a PDF, DOCX, ODT or RTF file's bytes into text with page numbers and role hints."""
    if fmt == "pdf":
        from helpers.corpus.formats.pdf import read_pdf

        found = read_pdf(data)
        text = "\n".join(found.lines) if found.lines else None
        return Ingested(text, format="pdf", metadata={**found.metadata, "source": "pdf"},
                        problems=found.problems, pages=found.pages if text else None,
                        hints=found.hints)
    from helpers.corpus.formats import office

    found = office.read_office(data, fmt)
    text = "\n".join(found.lines) if found.lines else None
    return Ingested(text, format=fmt, encoding=found.encoding, metadata=found.metadata,
                    problems=found.problems, hints=found.hints)


def as_export(result: Ingested) -> Ingested:
    """The same result with ``records`` when its text is a news-database export (else unchanged).

    Each record's metadata holds the export's fields, ``record`` (its number), ``source`` =
    'export' and ``content_sha256`` (of its text, to find the same article in two exports)."""
    if not result.text:
        return result
    lines = [re.sub(r"^#{1,6}\s+|^-\s+", "", line) for line in result.text.split("\n")]
    found = split_export(lines)
    if found is None:
        return result
    kind, records, problems = found
    result.format = f"{kind}-{result.format}"
    result.problems += problems
    result.records = []
    for record in records:
        text = record.text()
        meta = {**record.fields, "record": record.number, "source": "export",
                "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
        result.records.append(Ingested(text if text.strip() else None, encoding=result.encoding,
                                       format=result.format, metadata=meta, problems=record.problems))
    return result


def ingest_table(path) -> Ingested:
    """A table of articles (CSV, JSON Lines, Parquet) as ``records``, produced lazily row by row."""
    fmt = file_format(path.name)
    rows, problems = read_table_records(path)
    result = Ingested(None, format=fmt, problems=problems)
    if rows is None:
        return result
    result.records = (_table_record(row, fmt) for row in rows)
    return result


def _table_record(row: dict, fmt: str) -> Ingested:
    from helpers.corpus.formats.tables import table_date

    text = row["text"].replace("\r\n", "\n").strip()
    problems = []
    published, precision = table_date(row["published"]) if row["published"] else ("", "unknown")
    if row["published"] and not published:
        problems.append(f"record {row['number']}: published '{row['published'][:40]}' is not a date "
                        f"I can read; left empty")
    meta = {"title": row["title"].strip(), "publisher": row["publisher"].strip(),
            "author": row["author"].strip(), "language": row["language"].strip().lower(),
            "url": row["url"].strip(), "published": published, "date_precision": precision,
            "record": row["number"], "id": row["id"].strip(), "source": "table",
            "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    body = "\n\n".join([meta["title"], text]) if meta["title"] else text
    return Ingested(body if text else None, format=fmt, metadata=meta, problems=problems)


def ingest_path(path) -> Ingested:
    """A table of articles or a reference library, read from its path into ``records``."""
    if path.suffix.lower() in TABLE_SUFFIXES:
        return ingest_table(path)
    return ingest_library(path)


def ingest_library(path) -> Ingested:
    """A reference library as ``records``: one per item, its attachment read as the article."""
    from helpers.corpus.formats.bibliography import read_library

    items, problems = read_library(path)
    result = Ingested(None, format=file_format(path.name), problems=problems)
    if items or not problems:
        result.records = (_library_record(path, number, item, result.format)
                          for number, item in enumerate(items, start=1))
    return result


def _library_record(path, number: int, item: dict, fmt: str) -> Ingested:
    from helpers.corpus.dates import DateValueError, parse_partial_date
    from helpers.corpus.formats.bibliography import resolve_attachment

    where = f"record {number}" + (f" ({item['key']})" if item["key"] else "")
    from helpers.corpus.formats.exports import language_code

    meta = {k: item[k].strip() for k in ("title", "author", "publisher", "url")}
    meta["language"] = language_code(item["language"])
    meta.update(record=number, source="library", id=re.sub(r"[^\w-]+", "_", item["key"]).strip("_"),
                published="", date_precision="unknown")
    problems = []
    if item["published"]:
        try:
            meta["published"], meta["date_precision"] = parse_partial_date(item["published"][:10])
        except DateValueError:
            problems.append(f"{where}: date '{item['published'][:40]}' is not a date I can read; left empty")
    readable = [f for f in item["files"] if f.lower().endswith(DOCUMENT_SUFFIXES)]
    if not readable:
        return Ingested(None, format=fmt, metadata=meta, problems=problems + [
            f"{where}: no attached file the workbook reads ({', '.join(item['files']) or 'none'}); skipped"])
    target, why = resolve_attachment(path, readable[0])
    if target is None:
        return Ingested(None, format=fmt, metadata=meta, problems=problems + [f"{where}: {why}; skipped"])
    data = target.read_bytes()
    inner = ingest_bytes(data, target.name)
    meta["content_sha256"] = hashlib.sha256(data).hexdigest()
    problems += [f"{where}: {target.name}: {p}" for p in inner.problems]
    text = inner.text if inner.records is None else None
    return Ingested(text, encoding=inner.encoding, format=f"{fmt}+{inner.format}", metadata=meta,
                    problems=problems, pages=inner.pages, hints=inner.hints)
