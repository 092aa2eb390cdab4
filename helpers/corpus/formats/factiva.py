"""Factiva exports (RTF, HTML or TXT, saved with the display option "Full Article/Report plus
Indexing", which labels every field).

Each article is a run of two-letter field codes, each alone on its line with its value on the
lines after it: HD (headline), BY (byline), WC (``523 words``), PD (``12 March 2024``), SN
(source name), SC (source code), SE (section), LA (language), CY (copyright), LP (lead
paragraphs), TD (the rest of the text), then indexing codes (CO, IN, NS, RE, IPC, PUB, AN); the
article ends with its accession line ``Document SOURCE0020240312ek3c0000x``.
"""

from __future__ import annotations

import re

from helpers.corpus.formats.exports import Record, language_code, parse_export_date, parse_word_count

DOCUMENT_RE = re.compile(r"^\s*(?:Document|Dokument|Документ)\s+([A-Za-z0-9]{12,})\s*$")
CODE_RE = re.compile(r"^\s*(HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|SE|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB|AN|"
                     r"RF|ART|CLM|HLP)\s*$")
TEXT_CODES = ("LP", "TD")


def is_factiva(lines: list[str]) -> bool:
    """An export when a 'Document <accession number>' line and the HD and PD codes appear."""
    codes = {m.group(1) for m in map(CODE_RE.match, lines) if m}
    return {"HD", "PD"} <= codes and any(DOCUMENT_RE.match(ln) for ln in lines)


def split_factiva(lines: list[str]) -> tuple[list[Record], list[str]]:
    """Split at 'Document …' lines; text after the last one is reported and loaded as a record."""
    chunks, current, ids = [], [], []
    for line in lines:
        m = DOCUMENT_RE.match(line)
        if m:
            chunks.append(current)
            ids.append(m.group(1))
            current = []
        else:
            current.append(line)
    problems = []
    if any(CODE_RE.match(ln) for ln in current):
        problems.append("text after the last 'Document …' line: an article without its accession line "
                        "(a truncated export?), loaded as the last record")
        chunks.append(current)
        ids.append("")
    chunks, ids, problems = split_run_together(chunks, ids, problems)
    records = [parse_article(chunk, number, accession)
               for number, (chunk, accession) in enumerate(zip(chunks, ids), start=1)]
    return records, problems


def split_run_together(chunks: list[list[str]], ids: list[str],
                       problems: list[str]) -> tuple[list[list[str]], list[str], list[str]]:
    """Split a chunk holding several HD fields (a 'Document …' line missing between articles) at
    each HD after the first, and report it."""
    out_chunks, out_ids = [], []
    for chunk, accession in zip(chunks, ids):
        starts = [i for i, ln in enumerate(chunk) if CODE_RE.match(ln) and ln.strip() == "HD"]
        if len(starts) > 1:
            problems.append(f"record {len(out_chunks) + 1}: {len(starts)} articles run together (a "
                            f"'Document …' line is missing); split at each HD field")
            bounds = [0] + starts[1:] + [len(chunk)]
            out_chunks += [chunk[a:b] for a, b in zip(bounds, bounds[1:])]
            out_ids += [""] * (len(starts) - 1) + [accession]
        else:
            out_chunks.append(chunk)
            out_ids.append(accession)
    return out_chunks, out_ids, problems


def read_fields(lines: list[str]) -> dict[str, list[str]]:
    """The field codes of one article with their lines (blank lines dropped)."""
    fields: dict[str, list[str]] = {}
    code = ""
    for line in lines:
        m = CODE_RE.match(line)
        if m:
            code = m.group(1)
            fields.setdefault(code, [])
        elif code and line.strip():
            fields[code].append(line.strip())
    return fields


def parse_article(lines: list[str], number: int, accession: str) -> Record:
    """One Factiva article: its fields and its text (HD, then LP and TD paragraphs)."""
    record = Record(number)
    fields = read_fields(lines)
    if "HD" not in fields:
        record.problems.append(f"record {number}: no HD (headline) field: two articles run together "
                               f"(a 'Document …' line missing?) or a damaged export")
    one = {code: " ".join(values) for code, values in fields.items()}
    record.fields["title"] = one.get("HD", "")
    record.fields["author"] = re.sub(r"^By\s+", "", one.get("BY", ""), flags=re.IGNORECASE)
    record.fields["publisher"] = one.get("SN", "")
    record.fields["section"] = one.get("SE", "")
    record.fields["language"] = language_code(one.get("LA", ""))
    record.fields["accession"] = accession or one.get("AN", "").removeprefix("Document ").strip()
    if "PD" in one:
        parse_export_date(one["PD"], record, "PD")
    else:
        record.problems.append(f"record {number}: no PD (date) field; published left empty")
    if "WC" in one:
        parse_word_count(one["WC"], record, "WC")
    body = [line for code in TEXT_CODES for line in fields.get(code, [])]
    record.lines = [record.fields["title"]] + body
    return record
