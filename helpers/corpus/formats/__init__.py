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

from dataclasses import dataclass, field

from helpers.corpus.formats.encoding import decode_bytes, is_binary, looks_like_json, repair_mojibake
from helpers.corpus.formats.html import html_to_text
from helpers.corpus.formats.markdown import unwrap_markdown
from helpers.corpus.formats.plain import has_markup, strip_markup

__all__ = ["ARTICLE_SUFFIXES", "Ingested", "decode_bytes", "file_format", "html_to_text", "ingest_bytes",
           "is_binary", "looks_like_json", "repair_mojibake", "strip_markup", "unwrap_markdown"]

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES


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
    if has_markup(text):
        text, tags = strip_markup(text)
        result.problems.append(f"HTML markup in a text file: tags removed ({', '.join(tags)}); "
                               f"save the page as .html to have it extracted")
    if result.format == "md":
        text = unwrap_markdown(text)
    return text
