"""One place for figure style and saving, so every figure in the workbook looks and files alike."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from helpers import paths

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "svg.hashsalt": "workbook",
}
SOURCE_COLORS = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057",
                 "#c36f09", "#5c946e", "#a23b72"]


def use_style() -> None:
    """Apply the workbook's matplotlib style (call once per notebook)."""
    mpl.rcParams.update(STYLE)


def decorate(ax: plt.Axes, title: str = "", xlabel: str | None = None,
             ylabel: str | None = None, legend: bool | None = None) -> plt.Axes:
    """Title and label an axes in one call; return it."""
    if title:
        ax.set_title(title, loc="left")
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if legend is True or (legend is None and ax.get_legend_handles_labels()[0]):
        ax.legend(frameon=False)
    return ax


def figure_name(name: str) -> str:
    """A file-safe figure name: lower case, words joined by underscores."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def figure_path(name: str) -> Path:
    """Where save_figure writes the figure called ``name``."""
    return paths.figures_dir() / f"{figure_name(name)}.png"


def table_path(name: str) -> Path:
    """Where save_table writes the table called ``name``."""
    return paths.tables_dir() / f"{figure_name(name)}.csv"


def save_figure(fig: plt.Figure, name: str) -> None:
    """Save a figure as PNG under reports/figures/<name>.png (byte-stable: no timestamps).

    Returns nothing, so a notebook cell ending with it displays only the figure; see figure_path.
    """
    path = figure_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, bbox_inches="tight", metadata={"Software": None})


def save_table(table: pd.DataFrame, name: str) -> None:
    """Save a table as CSV under reports/tables/<name>.csv (UTF-8, no index); see table_path."""
    path = table_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=False, lineterminator="\n")


def plot_document_sizes(documents: pd.DataFrame) -> plt.Figure:
    """Two bar charts side by side: words and sentences of article content per document."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), sharey=True)
    publisher = documents["publisher"].str.replace(r"\s*\(.*\)\s*$", "", regex=True)
    labels = documents["doc_id"] + "  " + publisher.where(publisher != "",
                                                          "(publisher unknown)").str.slice(0, 28)
    for ax, column, label in zip(axes, ["n_words", "n_sentences"], ["words", "sentences"]):
        ax.barh(labels, documents[column], color=SOURCE_COLORS[0])
        for y, value in enumerate(documents[column]):
            ax.annotate(f"{value:,}", (value, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=8)
        decorate(ax, title=f"Article {label}", xlabel=f"{label} of content")
        ax.grid(axis="y", visible=False)
    axes[0].invert_yaxis()
    fig.tight_layout()
    return fig
