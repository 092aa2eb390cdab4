"""Nexis Uni exports (DOCX, RTF or TXT, several documents in one file).

Each document reads, from its top: the title, the publication, the date line (``March 12, 2024
Tuesday``), a copyright line, then labelled fields (``Section:``, ``Length: 812 words``,
``Byline:``, ``Dateline:``, ``Highlight:``), the line ``Body``, the article's paragraphs, then
``Classification`` with ``Language:``, ``Load-Date:`` and more, and finally ``End of Document``.
A cover list before the first document (the export's table of contents) is skipped: the three
lines before the first field or copyright line are the title, publication and date.
"""

from __future__ import annotations

import re

from helpers.corpus.formats.exports import Record, language_code, parse_export_date, parse_word_count

END_RE = re.compile(r"^\s*End of Document\s*$", re.IGNORECASE)
FIELD_RE = re.compile(r"^\s*(Section|Length|Byline|Dateline|Highlight|Language|Load-Date|"
                      r"Publication-Type|Subject|Geographic|Copyright|Journal Code|Graphic|Notes)"
                      r"\s*:\s*(.*)$", re.IGNORECASE)
BODY_RE = re.compile(r"^\s*Body\s*$", re.IGNORECASE)
COPYRIGHT_RE = re.compile(r"^\s*(Copyright\b|©)", re.IGNORECASE)
CLASSIFICATION_RE = re.compile(r"^\s*Classification\s*$", re.IGNORECASE)


def is_nexis(lines: list[str]) -> bool:
    """An export when an 'End of Document' line and a 'Length:' or 'Load-Date:' field appear."""
    return any(END_RE.match(ln) for ln in lines) and any(
        re.match(r"^\s*(Length|Load-Date)\s*:", ln, re.IGNORECASE) for ln in lines)


def split_nexis(lines: list[str]) -> tuple[list[Record], list[str]]:
    """Split at 'End of Document' lines; text after the last one that is not blank is reported
    (a document without its end line: a damaged or truncated export)."""
    chunks, current = [], []
    for line in lines:
        if END_RE.match(line):
            chunks.append(current)
            current = []
        else:
            current.append(line)
    problems = []
    if any(ln.strip() for ln in current):
        n_lines = sum(1 for ln in current if ln.strip())
        problems.append(f"text after the last 'End of Document' line ({n_lines} line(s)): a document "
                        f"without its end marker, loaded as the last record")
        chunks.append(current)
    records = [parse_document(chunk, number) for number, chunk in enumerate(chunks, start=1)]
    return records, problems


def parse_document(lines: list[str], number: int) -> Record:
    """One Nexis document: the head (title, publication, date), its fields, its body."""
    record = Record(number)
    head, body, tail = _sections(lines)
    first_field = next((i for i, ln in enumerate(head) if FIELD_RE.match(ln) or COPYRIGHT_RE.match(ln)),
                       len(head))
    plain = [ln.strip() for ln in head[:first_field] if ln.strip()][-3:]  # a cover list comes before
    fields = {}
    for line in head[first_field:] + tail:
        m = FIELD_RE.match(line)
        if m:
            fields.setdefault(m.group(1).lower(), m.group(2).strip())
    record.fields["title"] = plain[0] if plain else ""
    record.fields["publisher"] = plain[1] if len(plain) > 1 else ""
    if len(plain) > 2:
        parse_export_date(plain[2], record, "date line")
    elif "load-date" in fields:
        parse_export_date(fields["load-date"], record, "Load-Date")
    else:
        record.problems.append(f"record {number}: no date line; published left empty")
    record.fields["author"] = re.sub(r"^By\s+", "", fields.get("byline", ""), flags=re.IGNORECASE)
    record.fields["section"] = fields.get("section", "")
    if "length" in fields:
        parse_word_count(fields["length"], record, "Length")
    record.fields["language"] = language_code(fields.get("language", ""))
    if not body:
        record.problems.append(f"record {number}: no 'Body' line; the article text is empty")
    record.lines = [record.fields["title"]] + body
    return record


def _sections(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    starts = [i for i, ln in enumerate(lines) if BODY_RE.match(ln)]
    if not starts:
        return lines, [], []
    start = starts[0]
    ends = [i for i, ln in enumerate(lines) if i > start and CLASSIFICATION_RE.match(ln)]
    end = ends[0] if ends else len(lines)
    return lines[:start], [ln.strip() for ln in lines[start + 1:end]], lines[end:]

