"""The key dates of the topic a researcher edits (data/events.csv), read and checked with one-line
errors, and chosen for a date range.

Columns: ``date`` (partial ISO: 2019, 2019-10, 2019-10-10), ``precision`` (day, month or year; may
be left empty, and is then read off the date; when given it must agree with it), ``label`` (what
happened, short: it is printed on the figures) and ``source`` (a URL where the date can be
checked; may be empty).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import paths, timeline
from helpers.corpus import dates
from helpers.trends.periods import date_spans

EVENTS_PATH = paths.DATA_DIR / "events.csv"
EVENT_COLUMNS = ("date", "precision", "label", "source")


class EventsError(ValueError):
    """The events file cannot be used; the message is one line naming the file, the row and the fix."""


def load_events(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the events file.

    Args:
        path: a CSV file; default data/events.csv (relative paths start at the project root).
    Returns:
        date, precision, label, source, row (the line in the file), first, last (the days the
        date covers), in date order.
    Raises:
        EventsError: missing file or column, a date that does not parse, a precision that
            disagrees with the date, an empty label, a source that is not a URL.
    """
    path = paths.resolve_path(path, EVENTS_PATH)
    name = paths.display_path(path)
    if not path.is_file():
        raise EventsError(f"{name}: events file not found (columns: {', '.join(EVENT_COLUMNS)})")
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise EventsError(f"{name}: cannot read the events as UTF-8 CSV ({first})") from None
    missing = [col for col in EVENT_COLUMNS if col not in table.columns]
    if missing:
        raise EventsError(f"{name}: missing column '{missing[0]}' (needs {', '.join(EVENT_COLUMNS)})")
    table = table[list(EVENT_COLUMNS)].apply(lambda col: col.str.strip()).assign(row=table.index + 2)
    table["precision"] = [_check_row(row, name) for row in table.itertuples()]
    table["first"], table["last"] = date_spans(table["date"], table["precision"])
    table = table.sort_values(["first", "row"], ignore_index=True)
    return table.astype({"date": "str", "precision": "str", "label": "str", "source": "str",
                         "row": "int64"})


def _check_row(row, name: str) -> str:
    """The row's precision (read off its date when empty); raise EventsError for a bad row."""
    where = f"{name} row {row.row}"
    try:
        iso, precision = dates.parse_partial_date(row.date)
    except dates.DateValueError as exc:
        raise EventsError(f"{where}: date {exc}") from None
    if not iso:
        raise EventsError(f"{where}: empty date; write it as YYYY, YYYY-MM or YYYY-MM-DD")
    if iso != row.date:
        raise EventsError(f"{where}: date '{row.date}' should be written '{iso}'")
    if row.precision and row.precision != precision:
        raise EventsError(f"{where}: precision '{row.precision}' does not match the date '{row.date}' "
                          f"({precision}); fix one of them or leave precision empty")
    if not row.label:
        raise EventsError(f"{where} ({row.date}): empty label; say in a few words what happened")
    if row.source and not row.source.startswith(("http://", "https://")):
        raise EventsError(f"{where} ({row.date}): source '{row.source}' is not a URL; give an "
                          f"http(s) address or leave it empty")
    return precision


def select_events(events: pd.DataFrame, date_from: str = "", date_to: str = "") -> pd.DataFrame:
    """The events whose date overlaps [date_from, date_to] (partial ISO dates, "" for no bound)."""
    if not date_from and not date_to:
        return events.reset_index(drop=True)
    low, high = timeline.parse_date_range(date_from or "1000", date_to or "2999")
    keep = (events["last"] >= pd.Timestamp(low)) & (events["first"] <= pd.Timestamp(high))
    return events[keep].reset_index(drop=True)
