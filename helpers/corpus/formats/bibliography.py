"""Reference libraries (a Zotero export): CSL JSON (``.json``), BibTeX (``.bib``) or RIS (``.ris``),
each item with its attached file (PDF, HTML snapshot, Word file, text) as the article.

Each item gives: title, author (``Family, Given; ...``), publisher (container title, else
publisher or institution), url, published (ISO with its precision), language and its item key
(``id``). Attachments are paths relative to the library file, as Zotero writes them when
exporting with "Export Files" (BibTeX ``file = {Full Text:files/12/report.pdf:application/pdf}``,
RIS ``L1  - files/12/report.pdf``); CSL JSON carries no attachment, so give each item a ``file``
key. An attachment that is missing, unreadable or outside the library's folder is reported with
its record, never read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers.corpus import dates

BIB_SUFFIXES = (".bib", ".ris", ".json")
RIS_LINE_RE = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")
CONTAINER_FIELDS = ("journaltitle", "journal", "booktitle", "publisher", "institution")
MONTHS = {m[:3]: i for m, i in dates.MONTHS_EN.items()}


def read_library(path: Path) -> tuple[list[dict], list[str]]:
    """The items of a library file: dicts with key, title, author, publisher, url, published,
    language, files (attachment paths as written); and problems with the whole file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as exc:
        return [], [f"cannot read the library as UTF-8 ({type(exc).__name__}); skipped"]
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_csl_json(text)
    if suffix == ".ris":
        return read_ris(text)
    return read_bibtex(text)


def read_csl_json(text: str) -> tuple[list[dict], list[str]]:
    """CSL JSON: a list of items (id, title, author, container-title, publisher, URL, issued, ...)."""
    try:
        items = json.loads(text)
    except ValueError as exc:
        return [], [f"not a CSL JSON library ({exc}); skipped"]
    if isinstance(items, dict) and isinstance(items.get("items"), list):
        items = items["items"]
    if not isinstance(items, list) or not all(isinstance(i, dict) and "title" in i for i in items):
        return [], ["not a CSL JSON library (expected a list of items with a title); skipped"]
    out = []
    for item in items:
        parts = (item.get("issued") or {}).get("date-parts") or [[]]
        issued = "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts[0] or []))
        names = [n.get("literal") or ", ".join(x for x in (n.get("family"), n.get("given")) if x)
                 for n in item.get("author") or [] if isinstance(n, dict)]
        out.append({"key": str(item.get("id", "")), "title": str(item.get("title", "")),
                    "author": "; ".join(names),
                    "publisher": str(item.get("container-title") or item.get("publisher") or ""),
                    "url": str(item.get("URL", "")), "published": issued,
                    "language": str(item.get("language", "")),
                    "files": [str(item["file"])] if item.get("file") else []})
    return out, []


def read_ris(text: str) -> tuple[list[dict], list[str]]:
    """RIS: tagged lines (``TY  - JOUR``) per item, each item closed by ``ER  -``."""
    items, current, problems = [], None, []
    for line in text.splitlines():
        m = RIS_LINE_RE.match(line.rstrip())
        if not m:
            continue
        tag, value = m.group(1), m.group(2).strip()
        if tag == "TY":
            if current is not None:
                problems.append(f"record {len(items) + 1}: no 'ER  -' line before the next item; "
                                f"closed there")
                items.append(current)
            current = {}
        elif tag == "ER":
            if current is not None:
                items.append(current)
            current = None
        elif current is not None:
            current.setdefault(tag, []).append(value)
    if current is not None:
        problems.append(f"record {len(items) + 1}: the last item has no 'ER  -' line; loaded as is")
        items.append(current)

    def first(item, *tags):
        return next((item[t][0] for t in tags if item.get(t)), "")
    out = [{"key": first(i, "ID", "AN"), "title": first(i, "TI", "T1", "CT"),
            "author": "; ".join(i.get("AU", []) + i.get("A1", [])),
            "publisher": first(i, "T2", "JO", "JF", "PB"), "url": first(i, "UR"),
            "published": _ris_date(first(i, "DA", "PY", "Y1")), "language": first(i, "LA"),
            "files": i.get("L1", []) + i.get("L4", [])} for i in items]
    return out, problems


def _ris_date(value: str) -> str:
    parts = [p for p in value.split("/") if p.strip().isdigit()]
    return "-".join(p.strip().zfill(2) if i else p.strip() for i, p in enumerate(parts[:3]))


def read_bibtex(text: str) -> tuple[list[dict], list[str]]:
    """BibTeX/BibLaTeX as Zotero writes it: ``@type{key, field = {value}, ...}``."""
    out, problems = [], []
    for number, (key, fields, error) in enumerate(split_bibtex(text), start=1):
        if error:
            problems.append(f"record {number}: {error}")
        year, month = fields.get("year", ""), fields.get("month", "").strip().lower()[:3]
        published = fields.get("date") or (
            f"{year}-{MONTHS[month]:02d}" if year and month in MONTHS else
            f"{year}-{int(month):02d}" if year and month.isdigit() else year)
        out.append({"key": key, "title": fields.get("title", ""),
                    "author": "; ".join(a.strip() for a in re.split(r"\s+and\s+", fields.get("author", ""))
                                        if a.strip()),
                    "publisher": next((fields[k] for k in CONTAINER_FIELDS if fields.get(k)), ""),
                    "url": fields.get("url", ""), "published": published,
                    "language": fields.get("langid") or fields.get("language", ""),
                    "files": _bibtex_files(fields.get("file", ""))})
    return out, problems


def split_bibtex(text: str):
    """Yield (key, fields, error) for each ``@entry{...}`` (comments and strings skipped)."""
    for m in re.finditer(r"@(\w+)\s*\{", text):
        if m.group(1).lower() in ("comment", "string", "preamble"):
            continue
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[m.end():i - 1]
        error = "" if depth == 0 else "unbalanced braces (the entry runs to the end of the file)"
        key, _, rest = body.partition(",")
        yield key.strip(), _bibtex_fields(rest), error


def _bibtex_fields(body: str) -> dict[str, str]:
    fields, i = {}, 0
    for m in re.finditer(r"(\w[\w-]*)\s*=\s*", body):
        if m.start() < i:
            continue
        j, value = m.end(), ""
        if j < len(body) and body[j] in "{\"":
            close, depth, k = "}" if body[j] == "{" else "\"", 0, j
            while k < len(body):
                depth += (body[k] == "{") - (body[k] == "}")
                closed = body[k] == "}" if close == "}" else (k > j and body[k] == "\"")
                if closed and depth == 0:
                    break
                k += 1
            value, i = body[j + 1:k], k + 1
        else:
            value = re.match(r"[^,}\s]*", body[j:]).group(0)
            i = j + len(value)
        fields[m.group(1).lower()] = re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()
    return fields


def _bibtex_files(value: str) -> list[str]:
    """Paths from Zotero's ``file`` field (``description:path:mime;...``)."""
    out = []
    for part in value.split(";"):
        pieces = part.split(":")
        path = pieces[1] if len(pieces) >= 3 else pieces[0]
        if path.strip():
            out.append(path.strip().replace("\\_", "_"))
    return out


def resolve_attachment(library: Path, written: str) -> tuple[Path | None, str]:
    """The attachment's path if it is inside the library's folder, else (None, the reason)."""
    folder = library.parent.resolve()
    written = written.removeprefix("file://")
    target = (library.parent / written).resolve()
    if not target.is_relative_to(folder):
        return None, f"attachment '{written}' points outside the folder {folder.name}/"
    if not target.is_file():
        return None, f"attachment '{written}' not found"
    return target, ""


def attachment_hashes(library: Path) -> list[str]:
    """The sha256 of every readable attachment of a library (for the cache key: an attachment
    that changes makes the library parse again)."""
    import hashlib

    items, _ = read_library(library)
    found = []
    for item in items:
        for written in item["files"]:
            target, _ = resolve_attachment(library, written)
            if target is not None:
                found.append(hashlib.sha256(target.read_bytes()).hexdigest())
    return found
