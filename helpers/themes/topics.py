"""Topics found without a codebook (TF-IDF + NMF over paragraphs) and how they line up with it.

A topic the codebook themes do not cover (much of its weight on paragraphs no theme codes, or
spread thinly over many themes) points at something the codebook misses. NMF starts from the
deterministic 'nndsvd' initialisation, so the same paragraphs always give the same topics.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer

from helpers.corpus import words
from helpers.themes.codebook import Codebook

TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"  # words of two letters or more, no digits


@dataclass(frozen=True, eq=False)
class Topics:
    """A fitted topic model.

    Attributes:
        terms: topic ('T1', ...), rank (1 = heaviest), term, weight: the top terms per topic.
        weights: doc_id, para_id, topic, weight: how much of each paragraph each topic explains.
    """

    terms: pd.DataFrame
    weights: pd.DataFrame


def fit_topics(paragraphs: pd.DataFrame, n_topics: int = 6, n_terms: int = 8,
               min_df: int = 2, stopwords: frozenset[str] | None = None) -> Topics:
    """Fit TF-IDF + NMF topics over paragraphs.

    Args:
        paragraphs: doc_id, para_id, text (c.paragraphs).
        n_topics: number of topics (at most the number of paragraphs).
        n_terms: top terms kept per topic.
        min_df: a word must appear in at least this many paragraphs.
        stopwords: words left out; default words.load_stopwords() (English and Russian lists).
    Returns:
        Topics (terms and paragraph weights).
    """
    if not 1 <= n_topics <= len(paragraphs):
        raise ValueError(f"n_topics: {n_topics} must be between 1 and the number of paragraphs "
                         f"({len(paragraphs)})")
    stop = sorted(words.load_stopwords() if stopwords is None else stopwords)
    vectorizer = TfidfVectorizer(lowercase=True, token_pattern=TOKEN_PATTERN, stop_words=stop or None,
                                 min_df=min(min_df, len(paragraphs)), sublinear_tf=True)
    matrix = vectorizer.fit_transform(paragraphs["text"].tolist())
    model = NMF(n_components=n_topics, init="nndsvd", max_iter=1000, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        doc_topic = model.fit_transform(matrix)
    vocab = vectorizer.get_feature_names_out()
    names = [f"T{i + 1}" for i in range(n_topics)]
    # Rank on weights rounded to 10 decimals: terms tied in exact arithmetic (words that always
    # occur together) then keep alphabetical order whatever the float noise of a machine's BLAS.
    top = np.argsort(-np.round(model.components_, 10), axis=1, kind="stable")[:, :n_terms]
    terms = pd.DataFrame({
        "topic": np.repeat(names, top.shape[1]),
        "rank": np.tile(np.arange(1, top.shape[1] + 1), n_topics),
        "term": vocab[top.ravel()],
        "weight": np.take_along_axis(model.components_, top, axis=1).ravel(),
    })
    weights = pd.DataFrame({
        "doc_id": np.repeat(paragraphs["doc_id"].to_numpy(), n_topics),
        "para_id": np.repeat(paragraphs["para_id"].to_numpy(), n_topics),
        "topic": np.tile(names, len(paragraphs)),
        "weight": doc_topic.ravel(),
    })
    return Topics(terms=terms.astype({"topic": "str", "term": "str"}),
                  weights=weights.astype({"doc_id": "str", "para_id": "str", "topic": "str"}))


def align_topics(topics: Topics, para_matches: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Share of each topic's weight that falls on paragraphs coded with each theme.

    Args:
        topics: from fit_topics.
        para_matches: paragraph-level matches (code_sentences on c.paragraphs, id_column="para_id").
    Returns:
        topic, theme, share: one row per topic x theme (codebook order), plus theme "(no theme)"
        for the share on paragraphs no theme codes. Shares of one topic can add up to more than 1
        because a paragraph can carry several themes.
    """
    coded = para_matches[["para_id", "theme"]].drop_duplicates()
    onehot = pd.crosstab(coded["para_id"], coded["theme"]).reindex(columns=codebook.ids, fill_value=0)
    w = topics.weights.pivot(index="para_id", columns="topic", values="weight")
    w = w[pd.unique(topics.weights["topic"])]
    onehot = onehot.reindex(w.index, fill_value=0).clip(upper=1)
    onehot["(no theme)"] = (onehot.sum(axis=1) == 0).astype("int64")
    totals = w.sum(axis=0).replace(0, np.nan)
    share = (w.T.to_numpy() @ onehot.to_numpy()) / totals.to_numpy()[:, None]
    out = pd.DataFrame(share, index=w.columns, columns=onehot.columns).stack().rename("share")
    out.index.names = ["topic", "theme"]
    return out.reset_index().astype({"topic": "str", "theme": "str"})


def summarise_topics(topics: Topics, alignment: pd.DataFrame, n_terms: int = 6,
                     decimals: int = 2) -> pd.DataFrame:
    """One line per topic: its top terms, weight share, best-aligned theme and uncovered share.

    Returns:
        topic, top_terms, weight_share (the topic's share of all paragraph weight), best_theme,
        best_share (share of the topic's weight on paragraphs with that theme), no_theme_share;
        values rounded to ``decimals``.
    """
    top = topics.terms[topics.terms["rank"] <= n_terms]
    top_words = top.groupby("topic", sort=False)["term"].agg(", ".join)
    total = topics.weights.groupby("topic", sort=False)["weight"].sum()
    themed = alignment[alignment["theme"] != "(no theme)"]
    best = themed.loc[themed.groupby("topic", sort=False)["share"].idxmax()].set_index("topic")
    none = alignment[alignment["theme"] == "(no theme)"].set_index("topic")["share"]
    out = pd.DataFrame({"topic": top_words.index, "top_terms": top_words.to_numpy()})
    out["weight_share"] = out["topic"].map(total / total.sum() if total.sum() else total)
    out["best_theme"] = out["topic"].map(best["theme"]).fillna("")
    out["best_share"] = out["topic"].map(best["share"])
    out["no_theme_share"] = out["topic"].map(none)
    return out.round(decimals)


def pivot_alignment(alignment: pd.DataFrame, decimals: int = 2) -> pd.DataFrame:
    """Topics as rows, themes (then "(no theme)") as columns, shares rounded for display."""
    wide = alignment.pivot(index="topic", columns="theme", values="share")
    wide = wide.reindex(index=pd.unique(alignment["topic"]), columns=pd.unique(alignment["theme"]))
    wide.index.name, wide.columns.name = None, None
    return wide.round(decimals)
