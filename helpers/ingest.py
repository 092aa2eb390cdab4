"""Turn one raw file into text the workbook can read, saying what was done to it.

Formats (by suffix):
    .txt        plain text (a page saved as text)
    .md         Markdown: headings (#) and lists kept as structure, links and emphasis unwrapped
    .html/.htm  the main text extracted with trafilatura (as Markdown), and its title, author,
                date (htmldate) and site name; block line numbers then refer to the extracted text

Decoding: UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are. Anything else
is detected with charset-normalizer and the detected encoding is recorded and reported; a file
whose lines mix UTF-8 and a legacy encoding is decoded line by line. Binary files and JSON data
are skipped. Repairs (mojibake such as "Ã©", markup left in a .txt file) are made to the text
only, never to the file, and each is reported in one line naming the file.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES

_MOJIBAKE_RE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf™œ“”˜]|Ð[\u0080-\u00bf]|Ñ[\u0080-\u00bf]")
_MARKUP_RE = re.compile(r"</?(a|p|div|span|br|b|i|em|strong|img|script|style|iframe|ul|ol|li|h[1-6]|"
                        r"table|tr|td|font|section|article|nav|header|footer)\b[^>]*>", re.IGNORECASE)
_SCRIPT_RE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_MD_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


@dataclass
class Ingested:
    """A file read into text, with what is known about how."""

    text: str | None
    encoding: str = ""
    format: str = "txt"
    metadata: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def file_format(name: str) -> str:
    """'txt', 'md' or 'html' from a file name's suffix."""
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "md"
    return "txt"


def is_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes (outside UTF-16) or many control bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.02 * max(1, len(sample))


def decode_bytes(data: bytes) -> tuple[str | None, str, list[str]]:
    """Decode a file's bytes.

    Returns:
        (text or None when undecodable, the encoding used, problems to report).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16", []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lines = data.splitlines(keepends=True)
    good, bad = [], []
    for line in lines:
        try:
            line.decode("utf-8")
            (good if any(b > 127 for b in line) else []).append(line)
        except UnicodeDecodeError:
            bad.append(line)
    legacy = _detect_legacy(b"".join(bad))
    if legacy is None:
        return None, "", [f"not UTF-8 (byte 0x{data[first_bad]:02X} at offset {first_bad}) and the "
                          f"encoding could not be detected; skipped — save the file as UTF-8"]
    if good:
        text = "".join(_decode_line(line, legacy) for line in lines)
        return text, f"utf-8+{legacy}", [f"mixed encodings: {len(bad)} line(s) in {legacy}, the rest "
                                         f"UTF-8; decoded line by line"]
    return data.decode(legacy), legacy, [f"not UTF-8: decoded as {legacy} (detected)"]


def _detect_legacy(data: bytes) -> str | None:
    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1", "cp1250",
                                          "iso8859_5", "mac_cyrillic", "cp1256", "gb18030",
                                          "shift_jis", "euc_jp", "big5"]).best()
    return best.encoding if best is not None else None


def _decode_line(line: bytes, legacy: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode(legacy, errors="replace")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 read as Windows-1252/Latin-1 ("Ã©" → "é", "â€™" → "’"), line by line, with
    ftfy; only lines holding a typical mojibake sequence are touched.

    Returns:
        (text, number of lines repaired).
    """
    if not _MOJIBAKE_RE.search(text):
        return text, 0
    import ftfy

    out, fixed = [], 0
    for line in text.split("\n"):
        if _MOJIBAKE_RE.search(line):
            repaired = ftfy.fix_encoding(line)
            if repaired != line:
                line, fixed = repaired, fixed + 1
        out.append(line)
    return "\n".join(out), fixed


def strip_markup(text: str) -> tuple[str, list[str]]:
    """Remove HTML left in a text file: script/style elements whole, other tags (keeping their
    text), entities unescaped. Returns (text, the tag names removed, sorted)."""
    found = sorted({m.group(1).lower() for m in _MARKUP_RE.finditer(text)})
    cleaned = _SCRIPT_RE.sub("", text)
    cleaned = _MARKUP_RE.sub("", cleaned)
    return html.unescape(cleaned), found


def unwrap_markdown(text: str) -> str:
    """Markdown links become their text, bold/strong markers go; headings and lists stay."""
    return _MD_EMPHASIS_RE.sub(r"\2", _MD_LINK_RE.sub(r"\1", text))


def html_to_text(page: str) -> tuple[str, dict]:
    """Extract an HTML page's main text (as Markdown) and its metadata with trafilatura.

    Returns:
        (text, {"title", "author", "published", "publisher"} with '' where unknown).
    """
    import trafilatura

    body = trafilatura.extract(page, output_format="markdown", include_comments=False,
                               include_tables=True, favor_precision=True, deduplicate=False) or ""
    meta = trafilatura.extract_metadata(page)
    found = {"title": "", "author": "", "published": "", "publisher": ""}
    if meta is not None:
        found = {"title": meta.title or "", "author": meta.author or "",
                 "published": meta.date or "", "publisher": meta.sitename or ""}
    return body, found


def looks_like_json(text: str) -> bool:
    """True when the whole text parses as a JSON object or array."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return False
    return True


def ingest_bytes(data: bytes, name: str) -> Ingested:
    """Read one file's bytes into text (see the module docstring); never raises on bad content."""
    fmt = file_format(name)
    if not data.strip():
        return Ingested(None, format=fmt, problems=["empty file; skipped"])
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
    if fmt == "html":
        result.text, result.metadata = html_to_text(text)
        if not result.text.strip():
            result.text = None
            result.problems.append("no main text found in the HTML page; skipped")
            return result
    else:
        result.text = _clean_plain_text(result, text)
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
    if _MARKUP_RE.search(text):
        text, tags = strip_markup(text)
        result.problems.append(f"HTML markup in a text file: tags removed ({', '.join(tags)}); "
                               f"save the page as .html to have it extracted")
    if result.format == "md":
        text = unwrap_markdown(text)
    return text
