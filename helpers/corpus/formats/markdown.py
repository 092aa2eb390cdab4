"""Markdown files (``.md``): headings (#) and lists stay as structure; links become their text
and bold markers go. The expressions run on RE2 (through Arrow), in time linear in the text: a
line of 200,000 ``[`` or of unclosed ``**`` costs one pass."""

from __future__ import annotations

from helpers.corpus.formats.plain import replace_re2

# Python's \S (Unicode) in RE2 syntax: RE2's own \S counts a no-break space as a letter.
NOT_SPACE = r"[^\pZ\t\n\v\f\r\x{1c}-\x{1f}\x{85}]"
_MD_LINK = r"!?\[([^\]\n]*)\]\([^)\n]*\)"
# Bold: ** or __ around text that starts and ends with a non-space (the shortest such span).
_MD_EMPHASIS = rf"\*\*({NOT_SPACE}(?:.*?{NOT_SPACE})??)\*\*|__({NOT_SPACE}(?:.*?{NOT_SPACE})??)__"


def unwrap_markdown(text: str) -> str:
    """Markdown links become their text, bold/strong markers go; headings and lists stay.

    Args:
        text: the Markdown text.
    Returns:
        The text without link targets and bold markers.
    """
    return replace_re2(replace_re2(text, _MD_LINK, r"\1"), _MD_EMPHASIS, r"\1\2")
