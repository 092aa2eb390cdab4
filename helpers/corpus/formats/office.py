"""Word files: ``.docx`` (python-docx), ``.odt`` (its content.xml, read with lxml) and ``.rtf``
(striprtf).

The text is one line per paragraph with a blank line between: headings by their style become
Markdown headings (``## ...``), list paragraphs ``- ...``, each table row one line with its
cells joined by `` | ``; footnotes follow the text, hinted as metadata. The archive of a DOCX or
ODT is checked before anything is unpacked: a broken archive, or one whose members would expand
past MAX_UNZIPPED_BYTES (a zip bomb), is skipped with one line.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
DC = "http://purl.org/dc/elements/1.1/"
TABLE_ROW = ("paragraph", "table row (cells joined by ' | ')")
HEADING_STYLE_RE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


@dataclass
class OfficeText:
    """A document's paragraphs as lines, role hints per line (1-based), metadata, problems."""

    lines: list[str] = field(default_factory=list)
    hints: dict[int, tuple[str, str]] = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    encoding: str = ""

    def add(self, line: str, hint: tuple[str, str] | None = None) -> None:
        """Append a paragraph (after a blank line), with an optional role hint."""
        line = re.sub(r"\s+", " ", line).strip()
        if not line:
            return
        if self.lines:
            self.lines.append("")
        self.lines.append(line)
        if hint:
            self.hints[len(self.lines)] = hint


def read_office(data: bytes, fmt: str) -> OfficeText:
    """Read a DOCX, ODT or RTF file's bytes (see the module docstring); never raises on bad content."""
    if fmt == "rtf":
        return read_rtf(data)
    label = fmt.upper()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return OfficeText(problems=[f"not a readable {label} (broken zip archive: {exc}); skipped"])
    if unpacked > MAX_UNZIPPED_BYTES:
        return OfficeText(problems=[f"{label} would expand to {unpacked / 1e6:,.0f} MB (over the "
                                    f"{MAX_UNZIPPED_BYTES / 1e6:,.0f} MB cap: a zip bomb?); skipped"])
    try:
        return read_docx(data) if fmt == "docx" else read_odt(archive)
    except Exception as exc:  # noqa: BLE001 - damaged parts raise many kinds
        first = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__
        return OfficeText(problems=[f"not a readable {label} ({type(exc).__name__}: {first}); skipped"])


def read_docx(data: bytes) -> OfficeText:
    """A DOCX's body in order (paragraphs and tables), then its footnotes."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    out = OfficeText()
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            add_docx_paragraph(out, Paragraph(element, document))
        elif tag == "tbl":
            for row in Table(element, document).rows:
                out.add(" | ".join(_unique_cells(cell.text for cell in row.cells)), TABLE_ROW)
    for number, note in read_docx_footnotes(document):
        out.add(f"{number} {note}", ("metadata", f"footnote {number}"))
    props = document.core_properties
    out.metadata = {"title": props.title or "", "author": props.author or "",
                    "language": props.language or "", "source": "docx"}
    return out


def _unique_cells(cells) -> list[str]:
    """Cell texts, a merged cell (repeated by python-docx) once."""
    found: list[str] = []
    for text in cells:
        if not found or text != found[-1]:
            found.append(text.strip())
    return found


def add_docx_paragraph(out: OfficeText, paragraph) -> None:
    """One DOCX paragraph: a heading, a list item or running text, by its style."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    text = paragraph.text
    heading = HEADING_STYLE_RE.match(style)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if heading:
        out.add("#" * (int(heading.group(1)) + 1) + " " + text)
    elif style.lower() == "title":
        out.add(text)
    elif numbered or style.lower().startswith("list"):
        out.add("- " + text)
    else:
        out.add(text)


def read_docx_footnotes(document) -> list[tuple[str, str]]:
    """The DOCX's footnotes as (number, text), separators left out."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob, parser=_safe_parser())
            notes = []
            for note in root.iter(f"{{{W_NS}}}footnote"):
                if note.get(f"{{{W_NS}}}type") in ("separator", "continuationSeparator"):
                    continue
                text = "".join(t.text or "" for t in note.iter(f"{{{W_NS}}}t")).strip()
                if text:
                    notes.append((note.get(f"{{{W_NS}}}id", ""), text))
            return notes
    return []


def _safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read_odt(archive: zipfile.ZipFile) -> OfficeText:
    """An ODT's headings, paragraphs, list items and table rows in order, then its notes."""
    from lxml import etree

    root = etree.fromstring(archive.read("content.xml"), parser=_safe_parser())
    out, notes = OfficeText(), []
    for note in list(root.iter(f"{{{ODF_TEXT}}}note")):
        citation = note.findtext(f"{{{ODF_TEXT}}}note-citation") or str(len(notes) + 1)
        body = note.find(f"{{{ODF_TEXT}}}note-body")
        notes.append((citation, " ".join("".join(p.itertext()) for p in body) if body is not None else ""))
        note.getparent().remove(note)
    for element in root.iter(f"{{{ODF_TEXT}}}h", f"{{{ODF_TEXT}}}p", f"{{{ODF_TABLE}}}table-row"):
        text = "".join(element.itertext())
        parent = element.getparent()
        if element.tag.endswith("}h"):
            level = int(element.get(f"{{{ODF_TEXT}}}outline-level", "1"))
            out.add("#" * (level + 1) + " " + text)
        elif element.tag.endswith("table-row"):
            out.add(" | ".join("".join(c.itertext()).strip() for c in element
                               if c.tag.endswith("table-cell")), TABLE_ROW)
        elif parent is not None and parent.tag.endswith("list-item"):
            out.add("- " + text)
        elif not _inside(element, ("table-cell",)):
            out.add(text)
    for citation, text in notes:
        out.add(f"{citation} {text}", ("metadata", f"footnote {citation}"))
    out.metadata = {**read_odt_meta(archive), "source": "odt"}
    return out


def _inside(element, names: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag.rsplit("}", 1)[-1] in names:
            return True
        parent = parent.getparent()
    return False


def read_odt_meta(archive: zipfile.ZipFile) -> dict:
    """Title, author and language from an ODT's meta.xml ('' where absent)."""
    from lxml import etree

    if "meta.xml" not in archive.namelist():
        return {"title": "", "author": "", "language": ""}
    root = etree.fromstring(archive.read("meta.xml"), parser=_safe_parser())
    return {"title": root.findtext(f".//{{{DC}}}title") or "",
            "author": root.findtext(f".//{{{DC}}}creator") or "",
            "language": root.findtext(f".//{{{DC}}}language") or ""}


def read_rtf(data: bytes) -> OfficeText:
    """An RTF file's text (striprtf); the bytes are 7-bit RTF, non-ASCII text is escaped inside."""
    from striprtf.striprtf import rtf_to_text

    raw = data.decode("latin-1")
    if not raw.lstrip().startswith("{\\rtf"):
        return OfficeText(problems=["not an RTF file (it does not start with '{\\rtf'); skipped"])
    match = re.search(r"\\ansicpg(\d+)", raw[:2000])
    codepage = f"cp{match.group(1)}" if match else "cp1252"
    try:
        text = rtf_to_text(raw, encoding=codepage, errors="replace")
    except (LookupError, ValueError, IndexError) as exc:
        return OfficeText(problems=[f"not a readable RTF ({type(exc).__name__}: {exc}); skipped"])
    out = OfficeText(encoding=codepage, metadata={"source": "rtf"})
    for paragraph in text.splitlines():
        out.add(paragraph)
    return out
