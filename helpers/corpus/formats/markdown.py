"""Markdown files (``.md``): headings (#) and lists stay as structure; links become their text
and bold markers go."""

from __future__ import annotations

import re

_MD_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def unwrap_markdown(text: str) -> str:
    """Markdown links become their text, bold/strong markers go; headings and lists stay."""
    return _MD_EMPHASIS_RE.sub(r"\2", _MD_LINK_RE.sub(r"\1", text))
