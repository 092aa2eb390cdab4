"""Placing documents in periods (day, week, month, quarter, year) at the precision of their date.

The rule: a document is placed in a period only when its publication date is at least as precise
as the period. A day-precision article goes in its day, ISO week, month, quarter and year; a
month-precision one in its month, quarter and year, never in a week or a day; a year-precision
one only in its year. Undated articles are never placed. Every document not placed keeps a
``reason`` so it can be counted and listed apart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import timeline
from helpers.trends import codes

PERIODS = ("day", "week", "month", "quarter", "year")
FREQ = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
# how precise a date must be to be placed in a period of this length (3 day, 2 month, 1 year)
NEEDED = {"day": 3, "week": 3, "month": 2, "quarter": 2, "year": 1}
RANK = {"day": 3, "month": 2, "year": 1}
MAX_AUTO_PERIODS = 16
PLACED_COLUMNS = ["doc_id", "group", "publisher", "published", "precision", "date_first", "date_last",
                  "n_sentences", "period", "period_start", "period_end", "period_kind", "is_dated",
                  "in_range", "reason"]


def check_period(period: str) -> str:
    """Return ``period`` if it is one of PERIODS (or "auto"); else raise a one-line ValueError."""
    if period not in PERIODS and period != "auto":
        raise ValueError(f"period: unknown '{period}'; use one of {', '.join(PERIODS)} or auto")
    return period


def date_spans(values: pd.Series, precision: pd.Series) -> tuple[pd.Series, pd.Series]:
    """First and last day (Timestamps, NaT when unknown) that each partial ISO date covers.

    Each distinct (value, precision) pair is parsed once, however many documents share it."""
    values = values.fillna("").astype("str")
    precision = pd.Series(precision, index=values.index).fillna("").astype("str")
    value_code, value_uniques = pd.factorize(values)
    prec_code, prec_uniques = pd.factorize(precision)
    pair_code, pairs = pd.factorize(value_code * max(len(prec_uniques), 1) + prec_code)
    first_row = np.zeros(len(pairs), dtype="int64")
    first_row[pair_code[::-1]] = np.arange(len(pair_code) - 1, -1, -1)
    u_values = pd.Series(np.asarray(value_uniques, dtype=object)[value_code[first_row]], dtype="str")
    u_prec = pd.Series(np.asarray(prec_uniques, dtype=object)[prec_code[first_row]], dtype="str")
    first = pd.Series(pd.NaT, index=u_values.index, dtype="datetime64[s]")
    last = first.copy()
    pads = {"day": "", "month": "-01", "year": "-01-01"}
    for prec, freq in (("day", "D"), ("month", "M"), ("year", "Y")):
        mask = (u_prec == prec) & (u_values != "")
        if mask.any():
            start = pd.to_datetime(u_values[mask] + pads[prec], format="%Y-%m-%d", errors="coerce")
            per = start.dt.to_period(freq)
            first[mask] = per.dt.start_time.astype("datetime64[s]")
            last[mask] = per.dt.end_time.dt.normalize().astype("datetime64[s]")
    return (pd.Series(first.to_numpy()[pair_code], index=values.index, dtype="datetime64[s]"),
            pd.Series(last.to_numpy()[pair_code], index=values.index, dtype="datetime64[s]"))


def choose_period(first: pd.Series, last: pd.Series) -> str:
    """The finest period that cuts the span from the earliest to the latest date into at most
    MAX_AUTO_PERIODS periods ("year" when nothing is dated)."""
    if first.isna().all():
        return "year"
    low, high = first.min(), last.max()
    for period in PERIODS:
        n = len(pd.period_range(low.to_period(FREQ[period]), high.to_period(FREQ[period])))
        if n <= MAX_AUTO_PERIODS:
            return period
    return "year"


def label_periods(periods: pd.Series | pd.PeriodIndex, period: str) -> pd.Series:
    """Readable labels: 2025-09-29, 2025-W40 (ISO week), 2025-09, 2025-Q3, 2025."""
    starts = pd.Series(pd.PeriodIndex(periods).start_time)
    if period == "week":
        iso = starts.dt.isocalendar()
        return iso["year"].astype("str") + "-W" + iso["week"].astype("str").str.zfill(2)
    if period == "quarter":
        return starts.dt.year.astype("str") + "-Q" + starts.dt.quarter.astype("str")
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[period]
    return starts.dt.strftime(fmt).astype("str")


def place_documents(publications: pd.DataFrame, documents: pd.DataFrame, period: str = "auto",
                    by: str | None = None, date_from: str = "", date_to: str = "") -> pd.DataFrame:
    """One row per document: its date, its group and the period it is placed in (if any).

    Args:
        publications: timeline.publication_dates(c): doc_id, value, precision.
        documents: the documents table (doc_id, n_sentences, publisher, and the ``by`` column).
        period: one of PERIODS, or "auto" (see choose_period; the choice is in column ``period_kind``).
        by: a documents column to group by; None or "" puts every document in the group "all".
        date_from, date_to: keep only documents whose whole date lies in this range (partial ISO
            dates, inclusive; "" for no bound).
    Returns:
        PLACED_COLUMNS; ``period`` is '' and ``reason`` says why for each document not placed
        (undated, not precise enough for the period, outside the range).
    Raises:
        ValueError: one line, for an unknown period or grouping column, a bad range, or a range
            with no dated article.
    """
    check_period(period)
    if by and by not in documents:
        raise ValueError(f"group_by: '{by}' is not a documents column; use one of "
                         f"{', '.join(map(str, documents.columns))}")
    pubs = publications.drop_duplicates("doc_id")
    out = pd.DataFrame({"doc_id": pubs["doc_id"].astype("str").to_numpy()})
    row = codes.index_codes(out["doc_id"], documents["doc_id"].astype("str"))  # first row, -1 if absent
    out["group"] = _take_column(documents, by, row, "") if by else "all"
    out["publisher"] = _take_column(documents, "publisher", row, "") if "publisher" in documents else ""
    out["published"] = pubs["value"].fillna("").astype("str").to_numpy()
    out["precision"] = pubs["precision"].fillna("unknown").astype("str").to_numpy()
    out["date_first"], out["date_last"] = date_spans(out["published"], out["precision"])
    out["n_sentences"] = _take_column(documents, "n_sentences", row, 0).astype("int64") \
        if "n_sentences" in documents else 0
    out["is_dated"] = out["date_first"].notna()
    out["in_range"] = _in_range(out, date_from, date_to)
    if period == "auto":
        kept = out["is_dated"] & out["in_range"]
        period = choose_period(out.loc[kept, "date_first"], out.loc[kept, "date_last"])
    out = _assign_periods(out, period)
    out["period_kind"] = period
    return out[PLACED_COLUMNS].reset_index(drop=True)


def _in_range(out: pd.DataFrame, date_from: str, date_to: str) -> pd.Series:
    """Whether each dated document's whole date lies in [date_from, date_to]; raise if none does."""
    if not date_from and not date_to:
        return pd.Series(True, index=out.index)
    low, high = timeline.parse_date_range(date_from or "1000", date_to or "2999")
    inside = (out["date_first"] >= pd.Timestamp(low)) & (out["date_last"] <= pd.Timestamp(high))
    if out["is_dated"].any() and not inside.any():
        dated = out[out["is_dated"]]
        raise ValueError(f"date_from/date_to: no dated article lies between {low} and {high} (the "
                         f"dated articles run from {dated['date_first'].min():%Y-%m-%d} to "
                         f"{dated['date_last'].max():%Y-%m-%d}); widen the range")
    return inside | ~out["is_dated"]


def _take_column(documents: pd.DataFrame, column: str, row: np.ndarray, fill) -> pd.Series:
    """documents[column] at each position of ``row`` (``fill`` where row is -1 or the value is
    missing); text columns come back as str."""
    values = documents[column]
    if fill == "":
        values = values.astype("str")
    taken = values.take(np.where(row >= 0, row, 0)).reset_index(drop=True)
    return taken.where(row >= 0).fillna(fill)


def _assign_periods(out: pd.DataFrame, period: str) -> pd.DataFrame:
    """Add period, period_start, period_end and the reason a document is not placed.

    Labels and bounds are computed once per distinct period and spread to its documents."""
    ok = (out["precision"].map(RANK).fillna(0) >= NEEDED[period]).to_numpy()
    placed = out["is_dated"].to_numpy() & out["in_range"].to_numpy() & ok
    code, uniques = pd.factorize(out.loc[placed, "date_first"].dt.to_period(FREQ[period]))
    labels = np.full(len(out), "", dtype=object)
    labels[placed] = label_periods(uniques, period).to_numpy(dtype=object)[code]
    out["period"] = pd.Series(labels, index=out.index, dtype="str")
    for name, bound in (("period_start", uniques.start_time),
                        ("period_end", uniques.end_time.normalize())):
        days = np.full(len(out), np.datetime64("NaT"), dtype="datetime64[s]")
        days[placed] = bound.to_numpy().astype("datetime64[s]")[code]
        out[name] = days
    precisions = out["precision"].unique()
    not_precise = out["precision"].map(dict(zip(precisions, [
        f"dated only to the {p}: not placed in a {period}" for p in precisions], strict=True)))
    out["reason"] = np.select([~out["is_dated"], ~out["in_range"], ~ok],
                              ["undated", "outside the date range", not_precise], "")
    return out


def list_unplaced(placed: pd.DataFrame) -> pd.DataFrame:
    """The documents not placed in any period, with why: doc_id, group, publisher, published,
    precision, reason."""
    rows = placed[placed["period"] == ""]
    return rows[["doc_id", "group", "publisher", "published", "precision", "reason"]].reset_index(drop=True)


def span_periods(placed: pd.DataFrame) -> pd.DataFrame:
    """Every period from the first to the last placed document (empty ones included):
    period, period_start, period_end."""
    kept = placed[placed["period"] != ""]
    period = period_kind(placed)
    if kept.empty:
        return pd.DataFrame({"period": pd.Series([], dtype="str"),
                             "period_start": pd.Series([], dtype="datetime64[s]"),
                             "period_end": pd.Series([], dtype="datetime64[s]")})
    freq = FREQ[period]
    idx = pd.period_range(kept["period_start"].min().to_period(freq),
                          kept["period_end"].max().to_period(freq))
    return pd.DataFrame({"period": label_periods(idx, period).to_numpy(),
                         "period_start": idx.start_time.astype("datetime64[s]"),
                         "period_end": idx.end_time.normalize().astype("datetime64[s]")})


def period_kind(placed: pd.DataFrame) -> str:
    """The period (day, week, ...) a table from place_documents was placed in."""
    kinds = placed["period_kind"].unique() if "period_kind" in placed else []
    return str(kinds[0]) if len(kinds) else "year"


def describe_placement(placed: pd.DataFrame) -> str:
    """One Markdown sentence: how many documents are placed, in which periods, and how many are
    not (by reason)."""
    period = period_kind(placed)
    kept = placed[placed["period"] != ""]
    text = (f"{len(kept):,} of {len(placed):,} documents are placed in {period}s"
            + (f", from {kept['period'].min()} to {kept['period'].max()}" if len(kept) else "") + ".")
    reasons = placed.loc[placed["period"] == "", "reason"].value_counts()
    if len(reasons):
        text += " Not placed (listed below): " + "; ".join(
            f"{n:,} {reason}" for reason, n in reasons.items()) + "."
    return text
