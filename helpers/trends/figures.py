"""Over-time figures, each with the events of data/events.csv drawn on it (a dashed line at the
event's first day, numbered; the numbers are listed under the figure)."""

from __future__ import annotations

import math

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plots

EVENT_COLOR = "#6c757d"


def _middle(table: pd.DataFrame) -> pd.Series:
    """The middle day of each row's period (where its point is drawn)."""
    return table["period_start"] + (table["period_end"] - table["period_start"]) / 2


def _limits(table: pd.DataFrame, events: pd.DataFrame | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range: every period of the table and every event, with a small margin."""
    days = events["first"] if events is not None else pd.Series([], dtype="datetime64[s]")
    starts = [table["period_start"].min()] + ([days.min()] if len(days) else [])
    ends = [table["period_end"].max()] + ([days.max()] if len(days) else [])
    low, high = min(s for s in starts if pd.notna(s)), max(e for e in ends if pd.notna(e))
    margin = max((high - low) * 0.03, pd.Timedelta(days=15))
    return low - margin, high + margin


def draw_events(ax: plt.Axes, events: pd.DataFrame | None, numbers: bool = True) -> None:
    """A dashed vertical line at each event's first day, with its number at the top of the axes."""
    if events is None:
        return
    for i, day in enumerate(events["first"], start=1):
        ax.axvline(day, color=EVENT_COLOR, linestyle="--", linewidth=0.9, zorder=0)
        if numbers:
            ax.annotate(str(i), (day, 1.0), xycoords=("data", "axes fraction"), xytext=(2, -10),
                        textcoords="offset points", fontsize=7, color=EVENT_COLOR)


def _caption(fig: plt.Figure, events: pd.DataFrame | None) -> None:
    """List the numbered events under the figure."""
    if events is None or events.empty:
        return
    lines = [f"{i}  {d}  {label}" for i, (d, label) in enumerate(zip(events["date"], events["label"]), 1)]
    fig.text(0.01, 0.0, "Events:\n" + "\n".join(lines), fontsize=7, va="top", color=EVENT_COLOR)


def _frame_axes(fig: plt.Figure, axes: list[plt.Axes], table: pd.DataFrame, events) -> None:
    """Same x range, date ticks, events on every panel; the event list under the figure."""
    if table.empty:
        return
    low, high = _limits(table, events)
    for ax in axes:
        ax.set_xlim(low, high)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        draw_events(ax, events)
    fig.tight_layout()
    _caption(fig, events)


def _draw_groups(ax: plt.Axes, table: pd.DataFrame, value: str, low: str | None, high: str | None) -> None:
    """One series per group: points with their interval, joined only across consecutive periods
    (an empty period breaks the line)."""
    for i, (group, part) in enumerate(table.groupby("group", sort=True)):
        part = part.sort_values("period_start")
        color = plots.SOURCE_COLORS[i % len(plots.SOURCE_COLORS)]
        ax.plot(_middle(part), part[value], "-", color=color, linewidth=1)
        part = part[part[value].notna()]
        if part.empty:
            continue
        x, y = _middle(part), part[value]
        errors = None
        if low and high:
            errors = np.vstack([(y - part[low]).clip(lower=0).fillna(0),
                                (part[high] - y).clip(lower=0).fillna(0)])
        ax.errorbar(x, y, yerr=errors, fmt="o", color=color, markersize=4, capsize=2, label=str(group))


def plot_counts(counts: pd.DataFrame, events: pd.DataFrame | None = None) -> plt.Figure:
    """Articles per period (bars stacked by group), with the events."""
    fig, ax = plt.subplots(figsize=(9, 3.4))
    bottom = None
    width = (counts["period_end"] - counts["period_start"] + pd.Timedelta(days=1)) * 0.85
    for i, (group, part) in enumerate(counts.groupby("group", sort=True)):
        values = part["n_docs"].to_numpy()
        ax.bar(part["period_start"], values, width=width.loc[part.index], align="edge",
               bottom=bottom, color=plots.SOURCE_COLORS[i % len(plots.SOURCE_COLORS)], label=str(group))
        bottom = values if bottom is None else bottom + values
    plots.decorate(ax, title="Articles per period", ylabel="articles",
                   legend=counts["group"].nunique() > 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _frame_axes(fig, [ax], counts, events)
    return fig


def plot_coverage(coverage: pd.DataFrame, events: pd.DataFrame | None = None,
                  value: str = "share", ncols: int = 3) -> plt.Figure:
    """One panel per theme: the share of articles coded with it per period (95 % interval), one
    series per group, with the events."""
    low, high = ("ci_low", "ci_high") if value == "share" else ("sent_ci_low", "sent_ci_high")
    themes = list(dict.fromkeys(coverage["theme"]))
    ncols = max(1, min(ncols, len(themes)))
    nrows = max(1, math.ceil(len(themes) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 2.6 * nrows), squeeze=False,
                             sharey=True)
    flat = list(axes.ravel())
    for ax, theme in zip(flat, themes):
        _draw_groups(ax, coverage[coverage["theme"] == theme], value, low, high)
        plots.decorate(ax, title=theme, legend=False)
        ax.set_ylim(-0.02, 1.02)
    for ax in flat[len(themes):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("share of articles" if value == "share" else "share of sentences")
    if coverage["group"].nunique() > 1:
        flat[0].legend(frameon=False, fontsize=7)
    _frame_axes(fig, flat[:len(themes)], coverage, events)
    return fig


def plot_stance_over_time(table: pd.DataFrame, events: pd.DataFrame | None = None) -> plt.Figure:
    """Mean stance of the documents per period (95 % t interval), one series per group, with the
    events; 0 (as many cues for as against) is marked."""
    fig, ax = plt.subplots(figsize=(9, 3.4))
    _draw_groups(ax, table, "mean_score", "ci_low", "ci_high")
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylim(-1.05, 1.05)
    plots.decorate(ax, title="Mean stance of the articles per period",
                   ylabel="stance (−1 behind … +1 ahead)", legend=table["group"].nunique() > 1)
    _frame_axes(fig, [ax], table, events)
    return fig


def plot_mentions_over_time(table: pd.DataFrame, events: pd.DataFrame | None = None) -> plt.Figure:
    """Mentions of each chosen entity per period (all groups together; no point where a period
    has no article), with the events."""
    total = table.groupby(["period", "period_start", "period_end", "entity"], as_index=False)[
        ["n_mentions", "n_docs"]].sum()
    total["n_mentions"] = total["n_mentions"].where(total["n_docs"] > 0)
    fig, ax = plt.subplots(figsize=(9, 3.4))
    for i, (entity, part) in enumerate(total.groupby("entity", sort=True)):
        ax.plot(_middle(part), part["n_mentions"], "o-", markersize=4, linewidth=1,
                color=plots.SOURCE_COLORS[i % len(plots.SOURCE_COLORS)], label=str(entity))
    plots.decorate(ax, title="Mentions per period", ylabel="mentions")
    _frame_axes(fig, [ax], total, events)
    return fig
