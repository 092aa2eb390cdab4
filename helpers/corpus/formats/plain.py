"""Plain text files (``.txt``): HTML left in a saved page is removed from the text (never from
the file)."""

from __future__ import annotations

import html
import re

MARKUP_RE = re.compile(r"</?(a|p|div|span|br|b|i|em|strong|img|script|style|iframe|ul|ol|li|h[1-6]|"
                        r"table|tr|td|font|section|article|nav|header|footer)\b[^>]*>", re.IGNORECASE)
_SCRIPT_RE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def strip_markup(text: str) -> tuple[str, list[str]]:
    """Remove HTML left in a text file: script/style elements whole, other tags (keeping their
    text), entities unescaped. Returns (text, the tag names removed, sorted)."""
    found = sorted({m.group(1).lower() for m in MARKUP_RE.finditer(text)})
    cleaned = _SCRIPT_RE.sub("", text)
    cleaned = MARKUP_RE.sub("", cleaned)
    return html.unescape(cleaned), found
