"""Resolving relative and partial dates against a publication date, and the span of a value.

Used by :mod:`helpers.timeline`. Nothing here ever looks at today's date: without an anchor a
relative expression stays unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

NEEDS = {  # the anchor precision each relative rule needs (see resolve_relative)
    "year": "year", "decade": "year", "month_day": "year", "quarter_of_year": "year",
    "half_of_year": "year", "year_part": "year",
    "month": "month", "quarter": "month", "season": "month",
    "week": "day", "day": "day", "weekday": "day",
}
PRECISION_RANK = {"unknown": 0, "": 0, "year": 1, "month": 2, "day": 3}


def _needed(rel: tuple) -> str:
    kind = rel[0]
    if kind == "month_of_year":
        return "month" if rel[2] in ("past", "future", "nearest") else "year"
    if kind == "month_day":
        return "day" if rel[3] in ("past", "future", "nearest") else "year"
    if kind in ("ago", "span"):
        return {"decade": "year", "year": "year", "month": "month"}.get(rel[2], "day")
    return NEEDS[kind]


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _resolve_calendar(rel: tuple, y: int, m: int, d: int) -> tuple[str, str]:
    """Rules that name a calendar unit: year, decade, month, quarter, season, week, day."""
    kind = rel[0]
    if kind == "year":
        return str(y + rel[1]), "year"
    if kind == "decade":
        return str(y // 10 + rel[1]), "decade"
    if kind == "month":
        yy, mm = _add_months(y, m, rel[1])
        return f"{yy}-{mm:02d}", "month"
    if kind == "quarter":
        yy, mm = _add_months(y, m, 3 * rel[1])
        return f"{yy}-Q{(mm - 1) // 3 + 1}", "quarter"
    if kind in ("quarter_of_year", "half_of_year"):  # the latest one begun by then; past tense:
        n, way = rel[1], rel[2]                       # over by then; future: not yet over
        size, code = (3, "Q") if kind == "quarter_of_year" else (6, "H")
        yy = y if way == "year" else (y if size * n >= m else y + 1) if way == "future" else \
            (y if size * n < m else y - 1) if way == "past" else (y if size * (n - 1) + 1 <= m else y - 1)
        return f"{yy}-{code}{n}", "quarter" if code == "Q" else "half"
    if kind == "year_part":
        return f"{y + rel[3]}-{rel[1]}{rel[2]}", "quarter" if rel[1] == "Q" else "half"
    if kind == "month_day":
        month, day, way = rel[1], rel[2], rel[3]
        if way == "nearest":
            return _nearest_day(month, day, dt.date(y, m, d)), "day"
        yy = y - 1 if way == "past" and (month, day) > (m, d) else \
            y + 1 if way == "future" and (month, day) <= (m, d) else y
        return f"{yy}-{month:02d}-{day:02d}", "day"
    if kind == "month_of_year":
        month, way = rel[1], rel[2]
        if way == "latest":  # the latest one begun by publication (past tense: "in October")
            return f"{y if month <= m else y - 1}-{month:02d}", "month"
        if way == "nearest":  # the occurrence closest to publication (a tie goes to the past)
            yy = y + min((-1, 0, 1), key=lambda k: (abs(12 * k + month - m), 12 * k + month - m > 0))
            return f"{yy}-{month:02d}", "month"
        yy = y - 1 if way == "past" and month >= m else y + 1 if way == "future" and month <= m else y
        return f"{yy}-{month:02d}", "month"
    if kind == "season":
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rel[1]]
        way = rel[2]
        yy = y - 1 if way == "past" and first >= m else y + 1 if way == "future" and first <= m else y
        return f"{yy}-{rel[1]}", "season"
    day = dt.date(y, m, d)
    if kind == "week":
        return _iso_week(day + dt.timedelta(weeks=rel[1])), "week"
    if kind == "day":
        return (day + dt.timedelta(days=rel[1])).isoformat(), "day"
    weekday, way = rel[1], rel[2]  # weekday
    if way == "future":
        shift = (weekday - day.weekday()) % 7 or 7
    elif way == "present":
        shift = weekday - day.weekday()
    else:  # last, or a bare weekday read as the latest one on or before publication
        shift = -((day.weekday() - weekday) % 7) or (-7 if way == "past" else 0)
    return (day + dt.timedelta(days=shift)).isoformat(), "day"


def _resolve_counted(rel: tuple, y: int, m: int, d: int) -> tuple[str, str]:
    """"two years ago", "the next five years": a count of units from the publication date."""
    if rel[0] == "ago":
        n, unit = rel[1], rel[2]
        if unit == "decade":
            return str((y - 10 * n) // 10), "decade"
        if unit == "year":
            return str(y - n), "year"
        if unit == "month":
            yy, mm = _add_months(y, m, -n)
            return f"{yy}-{mm:02d}", "month"
        day = dt.date(y, m, d) - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return (_iso_week(day), "week") if unit == "week" else (day.isoformat(), "day")
    n, unit, way = rel[1], rel[2], rel[3]
    sign = -1 if way == "past" else 1
    if unit in ("year", "decade"):
        years = n * (10 if unit == "decade" else 1)
        ends = sorted([y, y + sign * years])
        return f"{ends[0]}/{ends[1]}", "year"
    if unit == "month":
        other = _add_months(y, m, sign * n)
        ends = sorted([(y, m), other])
        return f"{ends[0][0]}-{ends[0][1]:02d}/{ends[1][0]}-{ends[1][1]:02d}", "month"
    day = dt.date(y, m, d)
    other = day + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
    ends = sorted([day, other])
    return f"{ends[0].isoformat()}/{ends[1].isoformat()}", "day"


def resolve_relative(rel: tuple, anchor: str, precision: str) -> tuple[str, str] | None:
    """Resolve a relative rule against the publication date.

    Args:
        rel: the rule from a Reading (e.g. ("year", -1), ("weekday", 2, "past")).
        anchor: the publication date, ISO truncated ('2025-09-29', '2020-12', '2020').
        precision: its precision (day/month/year).
    Returns:
        (value, granularity), or None when the anchor is not precise enough: year-level rules
        (last year, two years ago, "September 28", "in March") need a year; month-level rules
        (next month, last quarter, "last March") a month; day-level rules (yesterday, on Wednesday,
        next week) a day.
    """
    if not anchor or PRECISION_RANK.get(precision, 0) < PRECISION_RANK[_needed(rel)]:
        return None
    parts = [int(p) for p in anchor.split("-")] + [1, 1]
    y, m, d = parts[0], parts[1], parts[2]
    if rel[0] in ("quarter_of_year", "half_of_year") and PRECISION_RANK.get(precision, 0) < 2:
        rel = (rel[0], rel[1], "year")  # only the year is known: that year's quarter
    if rel[0] in ("ago", "span"):
        return _resolve_counted(rel, y, m, d)
    return _resolve_calendar(rel, y, m, d)


# --- spans of values --------------------------------------------------------------------------

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter runs into the next year


@lru_cache(maxsize=65536)
def value_span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a value covers (None for '' and unresolved ``XXXX`` forms).

    ``2025`` → 2025-01-01..2025-12-31; ``199`` → 1990-01-01..1999-12-31; ``2025-WI`` →
    2025-12-01..2026-02-28; ``1993/2022`` → 1993-01-01..2022-12-31.
    """
    if not value or value.startswith("X"):
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        first, last = value_span(a), value_span(b)
        return (first[0], last[1]) if first and last else None
    y_text, _, rest = value.partition("-")
    if len(y_text) == 3:
        return dt.date(int(y_text) * 10, 1, 1), dt.date(int(y_text) * 10 + 9, 12, 31)
    y = int(y_text)
    if not rest:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if rest.startswith("H"):
        h = int(rest[1])
        return dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if rest.startswith("Q"):
        q = int(rest[1])
        return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if rest in _SEASON_MONTHS:
        a, b = _SEASON_MONTHS[rest]
        return dt.date(y, a, 1), _month_end(y + (b - 1) // 12, (b - 1) % 12 + 1)
    if rest.startswith("W"):
        monday = dt.date.fromisocalendar(y, int(rest[1:]), 1)
        return monday, monday + dt.timedelta(days=6)
    if len(rest) == 2:
        return dt.date(y, int(rest), 1), _month_end(y, int(rest))
    day = dt.date.fromisoformat(value)
    return day, day


def _nearest_day(month: int, day: int, anchor: dt.date) -> str:
    """The month-day closest to the anchor, in the year before, of or after it (ties: the past)."""
    options = []
    for yy in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            when = dt.date(yy, month, day)
        except ValueError:  # 29 February
            continue
        options.append((abs((when - anchor).days), when > anchor, when))
    return min(options)[2].isoformat()


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])
