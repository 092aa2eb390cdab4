"""The small date grammar the loader needs: partial ISO values, and a date in a byline.

A date is kept as ISO 8601 truncated to what is known (``2025``, ``2025-09``, ``2025-09-29``) with
its precision (year/month/day), never padded with an invented day or month. The timeline module
builds its fuller grammar on the month tables defined here.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

PRECISIONS = ("day", "month", "year", "unknown")

MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Russian month names in the genitive ("19 ноября 2025") and nominative ("ноябрь 2025").
MONTHS_RU = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}

_MONTH_EN = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_MONTH_RU = "|".join(sorted(MONTHS_RU, key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d\d)"

# Ordered most specific first; each names its groups y, m (number or name), d.
_BYLINE_PATTERNS = [
    re.compile(rf"{_YEAR}\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"),
    re.compile(rf"\b{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.{_YEAR}\b"),
    re.compile(rf"\b(?P<m>{_MONTH_EN})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_EN})\.?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"(?<!\w)(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RU})\s+{_YEAR}(?:\s*г\.?)?", re.I),
    re.compile(rf"{_YEAR}\s*年\s*(?P<m>\d{{1,2}})\s*月"),
    re.compile(rf"\b(?P<m>{_MONTH_EN})\.?\s+{_YEAR}\b", re.I),
    re.compile(rf"(?<!\w)(?P<m>{_MONTH_RU})\s+{_YEAR}", re.I),
]

_ISO_PARTIAL = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


class DateValueError(ValueError):
    """A date value that is not a real (partial) ISO date."""


def _month_number(token: str) -> int:
    if token.isdigit():
        return int(token)
    key = token.lower().rstrip(".")
    return MONTHS_EN.get(key) or MONTHS_RU[key]


def format_partial_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """Return the ISO text for a date known to the year, month or day; raise if it is not real."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise DateValueError(f"{year}-{month}-{day} is not a calendar date ({exc})") from None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_partial_date(value: str) -> tuple[str, str]:
    """Validate a manifest date (``2025``, ``2025-09``, ``2025-09-29``).

    Returns:
        (iso value, precision). An empty value gives ("", "unknown").
    Raises:
        DateValueError: the text is not a partial ISO date or not a calendar date.
    """
    text = (value or "").strip()
    if not text:
        return "", "unknown"
    m = _ISO_PARTIAL.match(text)
    if not m:
        raise DateValueError(f"'{text}' is not an ISO date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    try:
        iso = format_partial_date(int(y), int(mo) if mo else None, int(d) if d else None)
    except DateValueError as exc:
        reason = str(exc).split("(", 1)[-1].rstrip(")")
        raise DateValueError(f"'{text}' is not a calendar date ({reason})") from None
    return iso, "day" if d else "month" if mo else "year"


def find_date(text: str) -> tuple[str, str, str] | None:
    """Find the first full or month-precision calendar date in a short text such as a byline.

    Returns:
        (iso value, precision, the matched text), or None when no valid date is found.
    """
    for pattern in _BYLINE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            try:
                month = _month_number(groups["m"])
                day = int(groups["d"]) if groups.get("d") else None
                iso = format_partial_date(int(groups["y"]), month, day)
            except (DateValueError, KeyError):
                continue
            return iso, "day" if day else "month", m.group(0)
    return None


def find_byline_dates(blocks: pd.DataFrame) -> pd.DataFrame:
    """Return the first calendar date found in each document's bylines.

    Returns:
        doc_id, published (ISO, truncated), date_precision, date_text, line (where it was found).
    """
    rows = []
    bylines = blocks[(blocks["role"] == "metadata") & (blocks["byline"].str.len() > 1)]
    first = bylines.drop_duplicates("doc_id").sort_values("doc_id", kind="stable")
    for doc_id, byline, line in zip(first["doc_id"], first["byline"], first["line_start"]):
        found = find_date(byline)
        if found:
            rows.append({"doc_id": doc_id, "published": found[0], "date_precision": found[1],
                         "date_text": found[2], "line": int(line)})
    return pd.DataFrame(rows, columns=["doc_id", "published", "date_precision", "date_text", "line"])
