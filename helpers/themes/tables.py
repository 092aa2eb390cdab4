"""Tables and figures over coded units: share of units per document and theme, co-occurrence,
the pairs that co-occur most, retrieval of a theme's passages, and their heatmaps."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy import sparse

from helpers import plots
from helpers.corpus import words
from helpers.themes.codebook import (
    Codebook,
)


def tabulate_themes(matches: pd.DataFrame, units: pd.DataFrame, codebook: Codebook,
                    id_column: str = "sent_id") -> pd.DataFrame:
    """How much each document raises each theme (every document x theme, zeros included).

    Returns:
        doc_id, theme, n_units (units in the document), n_coded (units with at least one match),
        share_coded (n_coded / n_units), n_matches, n_words (words in the document's units),
        per_1k_words (n_matches per 1,000 words).
    """
    docs = pd.unique(units["doc_id"])
    sizes = pd.DataFrame({"n_units": units.groupby("doc_id", sort=False).size(),
                          "n_words": words.count_words(units["text"])
                          .groupby(units["doc_id"], sort=False).sum()}).reindex(docs)
    key = ["doc_id", "theme"]
    n_matches = matches.groupby(key, sort=False).size()
    n_coded = matches.drop_duplicates([id_column, "theme"]).groupby(key, sort=False).size()
    grid = pd.MultiIndex.from_product([docs, codebook.ids], names=key)
    out = pd.DataFrame({"n_coded": n_coded.reindex(grid, fill_value=0),
                        "n_matches": n_matches.reindex(grid, fill_value=0)}).reset_index()
    out = out.join(sizes, on="doc_id")
    out["share_coded"] = out["n_coded"] / out["n_units"]
    out["per_1k_words"] = 1000 * out["n_matches"] / out["n_words"].where(out["n_words"] > 0)
    cols = ["doc_id", "theme", "n_units", "n_coded", "share_coded", "n_matches", "n_words", "per_1k_words"]
    return out[cols].astype({"doc_id": "str", "theme": "str", "n_units": "int64", "n_coded": "int64",
                             "n_matches": "int64", "n_words": "int64"})


def pivot_themes(table: pd.DataFrame, value: str = "share_coded", decimals: int = 2) -> pd.DataFrame:
    """Themes as rows (codebook order), documents as columns, one value rounded for display."""
    wide = table.pivot(index="theme", columns="doc_id", values=value)
    wide = wide.reindex(pd.unique(table["theme"])).round(decimals)
    wide.columns.name = None
    return wide


def cooccur_themes(matches: pd.DataFrame, codebook: Codebook, id_column: str = "sent_id") -> pd.DataFrame:
    """How often two themes are coded in the same unit (every ordered pair, diagonal included).

    Returns:
        theme_a, theme_b, n_both (units with both), n_a, n_b (units with each), jaccard
        (n_both / units with either; NaN when neither occurs).
    """
    ids = codebook.ids
    theme_code = pd.Categorical(matches["theme"], categories=ids).codes
    unit_code = pd.factorize(matches[id_column])[0]
    keep = theme_code >= 0
    onehot = sparse.csr_matrix((np.ones(keep.sum(), dtype="int64"), (unit_code[keep], theme_code[keep])),
                               shape=(max(unit_code.max(initial=-1) + 1, 0), len(ids)))
    onehot.data = np.minimum(onehot.data, 1)  # duplicates summed: count each unit once
    both = (onehot.T @ onehot).toarray()
    n = np.diag(both)
    a, b = np.meshgrid(np.arange(len(ids)), np.arange(len(ids)), indexing="ij")
    union = n[a] + n[b] - both
    out = pd.DataFrame({"theme_a": np.array(ids, dtype=object)[a.ravel()],
                        "theme_b": np.array(ids, dtype=object)[b.ravel()],
                        "n_both": both.ravel(), "n_a": n[a].ravel(), "n_b": n[b].ravel()})
    out["jaccard"] = np.where(union.ravel() > 0, both.ravel() / np.maximum(union.ravel(), 1), np.nan)
    return out.astype({"theme_a": "str", "theme_b": "str"})


def pivot_cooccurrence(cooc: pd.DataFrame, value: str = "jaccard", decimals: int = 2) -> pd.DataFrame:
    """The co-occurrence table as a square theme x theme matrix (codebook order), rounded."""
    wide = cooc.pivot(index="theme_a", columns="theme_b", values=value)
    order = pd.unique(cooc["theme_a"])
    wide = wide.reindex(index=order, columns=order)
    wide.index.name, wide.columns.name = None, None
    return wide.round(decimals) if value == "jaccard" else wide.astype("int64")


def rank_pairs(cooc: pd.DataFrame, n: int = 10, decimals: int = 2) -> pd.DataFrame:
    """The ``n`` pairs of different themes most often coded in the same unit.

    Returns:
        theme_a, theme_b (each pair once, in codebook order), n_both, jaccard (rounded), sorted by
        n_both then jaccard, largest first.
    """
    order = {t: i for i, t in enumerate(pd.unique(cooc["theme_a"]))}
    pairs = cooc[cooc["theme_a"].map(order) < cooc["theme_b"].map(order)]
    pairs = pairs[pairs["n_both"] > 0].sort_values(["n_both", "jaccard"], ascending=False, kind="stable")
    return pairs[["theme_a", "theme_b", "n_both", "jaccard"]].head(n).round(decimals).reset_index(drop=True)


def label_documents(documents: pd.DataFrame, width: int = 22) -> pd.Series:
    """Short labels for documents, indexed by doc_id: '002 Ifri' (publisher without its
    parenthesis, cut to ``width`` characters; 'publisher unknown' when empty)."""
    publisher = documents.get("publisher", pd.Series("", index=documents.index)).fillna("")
    publisher = publisher.str.replace(r"\s*\(.*$", "", regex=True).str.strip()
    publisher = publisher.where(publisher != "", "publisher unknown")
    labels = documents["doc_id"] + " " + publisher.str.slice(0, width)
    return pd.Series(labels.to_numpy(), index=documents["doc_id"].to_numpy(), dtype="str")


def retrieve_theme(units: pd.DataFrame, matches: pd.DataFrame, theme: str,
                   documents: pd.DataFrame | None = None, id_column: str = "sent_id",
                   width: int = 60) -> pd.DataFrame:
    """The units coded with a theme, each with its first match highlighted in context (KWIC).

    Returns:
        doc_id, source (document label), ``id_column``, terms (every term matched in the unit,
        '; '-joined), left, match, right (words.format_kwic around the first match).
    """
    hits = matches[matches["theme"] == theme]
    terms = hits.groupby(id_column, sort=False)["term"].agg(lambda t: "; ".join(pd.unique(t)))
    first = hits.drop_duplicates(id_column).rename(columns={id_column: "sent_id"})
    view = units.rename(columns={id_column: "sent_id"})
    kwic = words.format_kwic(view, first[["doc_id", "sent_id", "start", "end"]], width=width)
    kwic = kwic.rename(columns={"sent_id": id_column})
    labels = label_documents(documents) if documents is not None else pd.Series(dtype="str")
    kwic.insert(1, "source", kwic["doc_id"].map(labels).fillna(kwic["doc_id"]).astype("str"))
    kwic.insert(3, "terms", kwic[id_column].map(terms).astype("str"))
    return kwic.reset_index(drop=True)


def plot_theme_heatmap(table: pd.DataFrame, codebook: Codebook, documents: pd.DataFrame | None = None,
                       value: str = "share_coded", title: str = "Themes by document") -> plt.Figure:
    """Heatmap of one tabulate_themes value: themes (labels) down, documents across, annotated."""
    wide = table.pivot(index="theme", columns="doc_id", values=value).reindex(codebook.ids)
    labels = codebook.themes.set_index("theme")["label"]
    names = label_documents(documents) if documents is not None else pd.Series(dtype="str")
    fig, ax = plt.subplots(figsize=(1.6 * wide.shape[1] + 3.2, 0.38 * len(wide) + 1.6))
    image = ax.imshow(wide.to_numpy(dtype=float), cmap="Blues", aspect="auto", vmin=0)
    _annotate(ax, wide.to_numpy(dtype=float), "{:.2f}" if value == "share_coded" else "{:.1f}")
    ax.set_xticks(range(wide.shape[1]), [names.get(d, d) for d in wide.columns], rotation=30, ha="right")
    ax.set_yticks(range(len(wide)), [labels.get(t, t) for t in wide.index])
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.8, label=value)
    plots.decorate(ax, title=title)
    fig.tight_layout()
    return fig


def plot_cooccurrence(cooc: pd.DataFrame, codebook: Codebook, value: str = "jaccard",
                      title: str = "Themes coded in the same unit") -> plt.Figure:
    """Heatmap of theme co-occurrence (Jaccard by default); the diagonal is left blank."""
    wide = pivot_cooccurrence(cooc, value=value, decimals=6).astype(float)
    values = wide.to_numpy(copy=True)
    np.fill_diagonal(values, np.nan)
    labels = codebook.themes.set_index("theme")["label"]
    names = [labels.get(t, t) for t in wide.index]
    fig, ax = plt.subplots(figsize=(0.5 * len(wide) + 3.5, 0.45 * len(wide) + 1.5))
    image = ax.imshow(values, cmap="Purples", vmin=0)
    _annotate(ax, values, "{:.2f}" if value == "jaccard" else "{:.0f}", skip_zero=True)
    ax.set_xticks(range(len(names)), names, rotation=60, ha="right")
    ax.set_yticks(range(len(names)), names)
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.7, label=value)
    plots.decorate(ax, title=title)
    fig.tight_layout()
    return fig


def _annotate(ax: plt.Axes, values: np.ndarray, fmt: str, skip_zero: bool = False) -> None:
    """Write each finite cell value on a heatmap (white on dark cells)."""
    finite = values[np.isfinite(values)]
    top = finite.max() if finite.size else 0
    for (i, j), v in np.ndenumerate(values):
        if np.isfinite(v) and not (skip_zero and v == 0):
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                    color="white" if top and v > 0.6 * top else "black")
