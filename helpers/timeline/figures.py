"""The timeline figure: each source's dated statements on one time axis, by kind, with its
publication date marked."""

from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from helpers import plots
from helpers.timeline import anchoring
from helpers.timeline.tables import parse_date_range, select_dates

KIND_STYLE = {  # kind -> (marker, colour, legend label)
    "past": ("o", "#1b6ca8", "event (past)"),
    "present": ("s", "#00798c", "present"),
    "target": ("D", "#d1495b", "target or projection"),
}


def _decimal_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / (dt.date(day.year + 1, 1, 1) - start).days


def _position(first: dt.date, last: dt.date, mod: str) -> float:
    """Where a marker goes inside the period its value covers (early 2025 → the first months)."""
    a, b = _decimal_year(first), _decimal_year(last + dt.timedelta(days=1))
    early, late = a + (b - a) / 6, b - (b - a) / 6
    return {"START": early, "AFTER": early, "END": late, "BEFORE": late}.get(mod, (a + b) / 2)


def _row_labels(documents: pd.DataFrame) -> list[str]:
    publisher = documents["publisher"].fillna("").astype(str) if "publisher" in documents \
        else pd.Series("", index=documents.index)
    short = publisher.str.replace(r"\s*\(.*\)$", "", regex=True).str.slice(0, 24)
    return [f"{d}  {p}" if p else f"{d}  (publisher unknown)" for d, p in zip(documents["doc_id"], short)]


def plot_timeline(found: pd.DataFrame, documents: pd.DataFrame, publications: pd.DataFrame | None = None,
                  date_from: str = "1990", date_to: str = "2035") -> plt.Figure:
    """One row per source: events and targets as distinct markers, ranges as spans.

    A value covering more than about a year (a range, a decade, "the next five years") is drawn
    as a bar over its span; any other value as a marker in its period (early in it for early/
    AFTER, late in it for late/BEFORE, else the middle), "×n" when it is stated n times.

    Args:
        found: rows of extract_dates (already filtered by kind if wanted).
        documents: the documents to draw a row for (doc_id, publisher), in order.
        publications: publication_dates rows to mark (None: no publication marks).
        date_from, date_to: the x range (partial ISO dates).
    Returns:
        The figure (save it with plots.save_figure).
    """
    low, high = parse_date_range(date_from, date_to)
    rows = {d: i for i, d in enumerate(documents["doc_id"].astype(str))}
    placed = select_dates(found, date_from, date_to)
    placed = placed[placed["doc_id"].isin(rows)]
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(rows) + 1.9))
    groups = placed.groupby(["doc_id", "value", "mod", "kind", "first", "last"], sort=True).size()
    drawn: set[tuple[str, bool]] = set()
    for (doc_id, _value, mod, kind, first, last), n in groups.items():
        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        is_span = (b - a).days > 400
        drawn.add((kind, is_span))
        _draw_value(ax, (a, b), rows[doc_id], mod, kind, n, is_span)
    handles = [_legend_handle(kind, is_span) for is_span in (False, True) for kind in KIND_STYLE
               if (kind, is_span) in drawn]
    if _mark_publications(ax, publications, rows, (low, high)):
        handles.append(Line2D([], [], marker="|", color="black", markersize=12, markeredgewidth=2,
                              linestyle="none", label="published"))
    ax.set_yticks(range(len(rows)), _row_labels(documents))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(_decimal_year(low), _decimal_year(high + dt.timedelta(days=1)))
    ax.grid(axis="y", visible=False)
    plots.decorate(ax, title="Dated statements by source", xlabel="year", legend=False)
    if handles:
        ax.legend(handles=handles, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  ncol=3, fontsize=8)
    fig.tight_layout()
    return fig


def _draw_value(ax: plt.Axes, span: tuple[dt.date, dt.date], y: int, mod: str, kind: str, n: int,
                is_span: bool) -> None:
    """One value of one source: a bar over a long span, else a marker (with ×n if repeated)."""
    marker, colour, _ = KIND_STYLE.get(kind, KIND_STYLE["past"])
    a, b = span
    if is_span:
        ax.plot([_decimal_year(a), _decimal_year(b + dt.timedelta(days=1))], [y, y], color=colour,
                linewidth=5, alpha=0.55, solid_capstyle="butt")
        return
    x = _position(a, b, mod)
    ax.plot([x], [y], marker=marker, color=colour, markersize=8, linestyle="none",
            markerfacecolor="white" if kind == "target" else colour, markeredgewidth=1.8)
    if n > 1:
        ax.annotate(f"×{n}", (x, y), xytext=(6, 5), textcoords="offset points", fontsize=8)


def _legend_handle(kind: str, is_span: bool) -> Line2D:
    marker, colour, label = KIND_STYLE[kind]
    if is_span:
        return Line2D([], [], color=colour, linewidth=5, alpha=0.55, label=f"{label}, span")
    return Line2D([], [], marker=marker, color=colour, markersize=8, linestyle="none",
                  markerfacecolor="white" if kind == "target" else colour, markeredgewidth=1.8,
                  label=label)


def _mark_publications(ax: plt.Axes, publications: pd.DataFrame | None, rows: dict[str, int],
                       bounds: tuple[dt.date, dt.date]) -> bool:
    """A black tick at each known publication date (the middle of its day, month or year).

    Returns:
        Whether any date was marked.
    """
    if publications is None:
        return False
    labelled = False
    for doc_id, value in zip(publications["doc_id"], publications["value"]):
        span = anchoring.value_span(value) if value else None
        if doc_id not in rows or span is None or span[1] < bounds[0] or span[0] > bounds[1]:
            continue
        x = (_decimal_year(span[0]) + _decimal_year(span[1] + dt.timedelta(days=1))) / 2
        ax.plot([x], [rows[doc_id]], marker="|", color="black", markersize=16, markeredgewidth=2,
                linestyle="none")
        labelled = True
    return labelled
