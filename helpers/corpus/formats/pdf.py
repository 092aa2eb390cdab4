"""PDF files with a text layer (``.pdf``), read with pypdf page by page.

Each text fragment comes with its position and font size; fragments are grouped into lines, lines
into paragraphs (one output line per paragraph, a blank line between), and:

- two-column pages (several lines starting right of the page's middle) are read column by column;
- running headers and footers (the same top or bottom line, digits aside, on several pages) and
  page numbers (``12``, ``Page 12``, ``12 of 40``, ``xii``) are marked as page furniture;
- footnotes (lines in a smaller font at the foot of a page, starting with their number) are
  marked as metadata;
- a word hyphenated across a line end is joined (``intelli-`` + ``gence``);
- a paragraph that runs over a page break is joined to its start;
- headings (a larger font than the body) become Markdown headings.

Every output line records its page. Embedded JavaScript is never run (pypdf only reads text) and
is reported; an encrypted PDF that opens without a password is read, any other is skipped; a PDF
without a text layer is skipped with the advice to run OCR first.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from helpers import progress

PAGE_NUMBER_RE = re.compile(
    r"^(?:page|p\.|стр\.?|с\.)?\s*(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/|из)\s*\d{1,4})?$", re.IGNORECASE)
HYPHEN_END_RE = re.compile(r"(\w)[-\u00ad]$")
TERMINAL_RE = re.compile(r"[.!?…:;\"”»)]$")
NO_TEXT_LAYER = "no text layer: run OCR first, e.g. ocrmypdf"


@dataclass
class Line:
    """One line of a page: its text, vertical position (top = larger), left edge, font size."""

    text: str
    y: float
    x: float
    size: float
    column: int = 0
    role: str = "body"  # body, heading, footnote, furniture


@dataclass
class PdfText:
    """A PDF's text: lines (one per paragraph) with their page and a role hint per line."""

    lines: list[str]
    pages: list[int]
    hints: dict[int, tuple[str, str]]
    metadata: dict
    problems: list[str]
    n_pages: int = 0


def read_pdf(data: bytes, max_pages: int = 5000) -> PdfText:
    """Extract the text of a PDF (see the module docstring); never raises on bad content.

    Args:
        data: the file's bytes.
        max_pages: pages beyond this are not read (reported).
    Returns:
        PdfText; ``lines`` is empty when nothing could be read (the reason is in ``problems``).
    """
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damage is reported once, below
    empty = PdfText([], [], {}, {}, [])
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            empty.problems.append("encrypted PDF (needs a password); skipped — save an unprotected copy")
            return empty
        pages = reader.pages
        n_pages = len(pages)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged files
        kind = "encrypted PDF that cannot be opened" if "crypt" in str(exc).lower() else "not a readable PDF"
        empty.problems.append(f"{kind} ({type(exc).__name__}: {_first_line(exc)}); skipped")
        return empty
    problems = []
    if has_javascript(reader):
        problems.append("the PDF holds JavaScript: never run, only its text is read")
    if n_pages > max_pages:
        problems.append(f"{n_pages:,} pages: only the first {max_pages:,} read")
    page_lines = []
    for number in progress.track(range(min(n_pages, max_pages)), total=min(n_pages, max_pages),
                                 desc="reading PDF pages", min_items=50):
        try:
            page_lines.append(read_page_lines(pages[number]))
        except Exception as exc:  # noqa: BLE001
            problems.append(f"page {number + 1} could not be read ({type(exc).__name__}); left out")
            page_lines.append([])
    result = assemble_text(page_lines)
    result.problems = problems + result.problems
    result.n_pages = n_pages
    result.metadata = read_info(reader)
    if not any(line.strip() for line in result.lines):
        result.problems.append(NO_TEXT_LAYER)
        result.lines = []
    return result


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else "damaged file"


def has_javascript(reader) -> bool:
    """Whether the document catalogue names JavaScript (in /Names or an /OpenAction)."""
    try:
        root = reader.trailer["/Root"]
        names = root.get("/Names")
        if names is not None and "/JavaScript" in names.get_object():
            return True
        action = root.get("/OpenAction")
        action = action.get_object() if action is not None else None
        return isinstance(action, dict) and "/JS" in action
    except Exception:  # noqa: BLE001
        return False


def read_info(reader) -> dict:
    """The PDF's own title and author ('' where absent)."""
    try:
        info = reader.metadata or {}
        return {"title": str(info.get("/Title", "") or "").strip(),
                "author": str(info.get("/Author", "") or "").strip()}
    except Exception:  # noqa: BLE001
        return {"title": "", "author": ""}


def read_page_lines(page) -> list[Line]:
    """The lines of one page, in reading order (columns left to right, each top to bottom)."""
    fragments: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(font_size * (tm[3] or 1) * (cm[3] or 1))
        fragments.append((round(y, 1), x, size, text.replace("\n", " ")))

    page.extract_text(visitor_text=visit)
    width = float(page.mediabox.width)
    return order_lines(group_lines(fragments), width)


def group_lines(fragments: list[tuple[float, float, float, str]]) -> list[Line]:
    """Fragments on the same baseline (within 2 points) and in the same half-page run become one
    line; a fragment far to the right of the previous one on a baseline starts a new line."""
    lines: list[Line] = []
    for y, x, size, text in sorted(fragments, key=lambda f: (-f[0], f[1])):
        last = lines[-1] if lines else None
        end = last.x + 0.5 * last.size * len(last.text) if last else 0
        if last and abs(last.y - y) <= 2 and x - end < 3 * size:
            last.text = (last.text + " " + text.strip()) if not last.text.endswith(" ") else last.text + text
            last.size = max(last.size, size)
        else:
            lines.append(Line(text.strip(), y, x, size))
    for line in lines:
        line.text = re.sub(r"\s+", " ", line.text).strip()
    return [line for line in lines if line.text]


def order_lines(lines: list[Line], width: float) -> list[Line]:
    """Reading order: on a two-column page (at least 4 lines starting past 45% of the width, and
    4 more starting before it) the left column, then the right; full-width lines above the columns
    come first and those below them last."""
    split = 0.45 * width
    right = [ln for ln in lines if ln.x >= split]
    left = [ln for ln in lines if ln.x < split]
    if len(right) < 4 or len(left) < 4:
        return lines
    wide = [ln for ln in left if ln.x + 0.45 * ln.size * len(ln.text) > split + ln.size]
    top = min(ln.y for ln in right) - 1, max(ln.y for ln in right) + 1
    above = [ln for ln in wide if ln.y > top[1]]
    below = [ln for ln in wide if ln.y < top[0]]
    column_left = [ln for ln in left if ln not in above and ln not in below]
    for ln in right:
        ln.column = 1
    return above + column_left + right + below


def assemble_text(page_lines: list[list[Line]]) -> PdfText:
    """Mark furniture and footnotes, then join lines into paragraphs with their pages."""
    body_size = _body_size(page_lines)
    mark_furniture(page_lines)
    for lines in page_lines:
        mark_footnotes(lines, body_size)
        for ln in lines:
            if ln.role == "body" and ln.size > 1.15 * body_size and len(ln.text) <= 120:
                ln.role = "heading"
    out, pages, hints = [], [], {}
    last_body = -1  # index in out of the last body paragraph
    for page_no, lines in enumerate(page_lines, start=1):
        previous: Line | None = None
        first_body = True
        for ln in lines:
            if (first_body and ln.role == "body" and last_body >= 0 and _is_open(out[last_body])
                    and ln.text[:1].islower()):
                out[last_body] = join_lines(out[last_body], ln.text)
            elif (previous is None or ln.role != "body" or previous.role != "body"
                  or ln.column != previous.column or previous.y - ln.y > 1.9 * ln.size):
                if out:
                    out.append("")
                    pages.append(page_no)
                out.append(("## " if ln.role == "heading" else "") + ln.text)
                pages.append(page_no)
                if ln.role in ("furniture", "footnote"):
                    hints[len(out)] = _hint(ln, page_no)
                elif ln.role == "body":
                    last_body = len(out) - 1
            else:
                out[last_body] = join_lines(out[last_body], ln.text)
            first_body = first_body and ln.role != "body"
            previous = ln
    return PdfText(out, pages, hints, {}, [])


def _is_open(paragraph: str) -> bool:
    return bool(paragraph) and not TERMINAL_RE.search(paragraph) and not paragraph.startswith("## ")


def _hint(line: Line, page_no: int) -> tuple[str, str]:
    if line.role == "footnote":
        return "metadata", f"footnote (PDF page {page_no})"
    kind = "page number" if PAGE_NUMBER_RE.match(line.text) else "running header or footer"
    return "boilerplate", f"PDF {kind} (page {page_no})"


def join_lines(paragraph: str, line: str) -> str:
    """Append a line to a paragraph, joining a word hyphenated across the line end."""
    if HYPHEN_END_RE.search(paragraph) and line[:1].islower():
        return paragraph[:-1] + line
    return paragraph + " " + line


def _body_size(page_lines: list[list[Line]]) -> float:
    sizes = Counter()
    for lines in page_lines:
        for ln in lines:
            sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold()).strip()


def mark_furniture(page_lines: list[list[Line]], band: int = 2) -> None:
    """Mark page numbers and running headers/footers among the top and bottom ``band`` lines of
    each page that stand apart (a gap over 1.5 line heights towards the body): a line is running
    when its shape (digits as '#') recurs on at least 3 pages, or on both pages of a 2-page
    document."""
    edges = []
    for lines in page_lines:
        by_y = sorted(lines, key=lambda ln: -ln.y)
        gaps = [a.y - b.y for a, b in zip(by_y, by_y[1:])]
        top = [ln for i, ln in enumerate(by_y[:band]) if i < len(gaps) and gaps[i] > 1.5 * ln.size]
        bottom = [ln for i, ln in enumerate(by_y[-band:], start=len(by_y) - len(by_y[-band:]))
                  if i > 0 and gaps[i - 1] > 1.5 * ln.size and ln not in top]
        edges.append(top + bottom)
    counts = Counter(shape for edge in edges for shape in {_shape(ln.text) for ln in edge})
    needed = 2 if len(page_lines) == 2 else 3
    for edge in edges:
        for ln in edge:
            running = counts[_shape(ln.text)] >= needed and len(ln.text) <= 150
            if running or PAGE_NUMBER_RE.match(ln.text):
                ln.role = "furniture"


def mark_footnotes(lines: list[Line], body_size: float) -> None:
    """Mark footnotes: from the lowest body lines up, lines in a font under 90% of the body size,
    the first of them starting with a number or a note sign."""
    candidates = [ln for ln in lines if ln.role == "body"]
    if not candidates:
        return
    lowest_body = min((ln.y for ln in candidates if ln.size >= 0.9 * body_size), default=None)
    for ln in candidates:
        small = ln.size < 0.9 * body_size
        if small and (lowest_body is None or ln.y < lowest_body):
            ln.role = "footnote"
    notes = [ln for ln in lines if ln.role == "footnote"]
    if notes and not re.match(r"^\s*(?:\d{1,3}|[*†‡])", max(notes, key=lambda ln: ln.y).text):
        for ln in notes:
            ln.role = "body"
