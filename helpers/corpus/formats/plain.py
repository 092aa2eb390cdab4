"""Plain text files (``.txt``): HTML left in a saved page is removed from the text (never from
the file). The expressions run on RE2 (through Arrow), in time linear in the text: 100,000
unclosed ``<script>`` tags cost one pass."""

from __future__ import annotations

import html

import pyarrow as pa
import pyarrow.compute as pc

_TAG_NAMES = ("a", "p", "div", "span", "br", "b", "i", "em", "strong", "img", "script", "style",
              "iframe", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td",
              "font", "section", "article", "nav", "header", "footer")
# After the name: '>' or a character that is not a letter, digit or '_' (Python's \b), then the
# rest of the tag.
_TAG_END = r"(?:>|[^\p{L}\p{N}_>][^>]*>)"
MARKUP_RE2 = rf"(?i)</?(?:{'|'.join(_TAG_NAMES)}){_TAG_END}"
_SPACE = r"[\pZ\t\n\v\f\r\x{1c}-\x{1f}\x{85}]"
_SCRIPT_RE2 = rf"(?is)<script{_TAG_END}.*?</script{_SPACE}*>|<style{_TAG_END}.*?</style{_SPACE}*>"


def replace_re2(text: str, pattern: str, replacement: str) -> str:
    """Replace every match of an RE2 pattern (one linear pass; ``\\1`` in ``replacement`` is
    group 1, empty when the group did not take part)."""
    return pc.replace_substring_regex(pa.array([text], pa.large_string()), pattern,
                                      replacement)[0].as_py()


def contains_re2(text: str, pattern: str) -> bool:
    """Whether an RE2 pattern matches anywhere in the text (one linear pass)."""
    return pc.match_substring_regex(pa.array([text], pa.large_string()), pattern)[0].as_py()


def strip_markup(text: str) -> tuple[str, list[str]]:
    """Remove HTML left in a text file.

    Entities are unescaped first, so markup written as entities (``&lt;script&gt;``) is markup
    too and never reaches the analysed text; then script/style elements go whole and other tags
    go keeping their text.

    Args:
        text: the file's text.
    Returns:
        (text, the tag names removed, sorted).
    """
    unescaped = html.unescape(text)
    found = sorted(name for name in _TAG_NAMES if contains_re2(unescaped, rf"(?i)</?{name}{_TAG_END}"))
    cleaned = replace_re2(unescaped, _SCRIPT_RE2, "")
    stripped = replace_re2(cleaned, MARKUP_RE2, "")
    if has_markup(stripped):  # removing a tag joined two halves of another ("<<b>b>")
        stripped = replace_re2(cleaned, MARKUP_RE2, " ")  # a space joins nothing: no tag is left
    return stripped, found


def has_markup(text: str) -> bool:
    """True when the text holds HTML tags, written as such or as entities (``&lt;p&gt;``).

    A tag starts with '<', so a text without one (after unescaping) is answered without the
    regular expression (compiling it costs more than reading an article)."""
    if "<" in text and contains_re2(text, MARKUP_RE2):
        return True
    if "&" not in text:
        return False
    unescaped = html.unescape(text)
    return "<" in unescaped and contains_re2(unescaped, MARKUP_RE2)
