"""How sources differ in their words, and which of them tell the same story.

    from helpers import compare
    counts = compare.count_group_terms(c.sentences, c.documents, by="source_type")
    scores = compare.score_log_odds(counts, by="source_type")       # every term, every group
    top = compare.top_distinctive_terms(scores, by="source_type", n=10)
    sim = compare.score_similarity(c.sentences)                       # document x document cosine
    compare.find_same_story(c.sentences, sim)                         # pairs reporting one story
    compare.match_sentences(c.sentences, "003", "004")                # the sentences they share

Distinctive terms: the log-odds ratio with an informative Dirichlet prior, z-scored (Monroe,
Colaresi & Quinn 2008, "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
the Content of Political Conflict", Political Analysis 16(4), eq. 16-22). Each group i is compared
with the rest of the corpus j (all other groups together), so any number of groups works. For a
term w with count y_w^i in the group (n^i terms in all) and y_w^j in the rest (n^j):

    prior       alpha_w = alpha_0 * y_w / n       (corpus counts scaled to a total of alpha_0)
    delta_w     = log((y_w^i + alpha_w) / (n^i + alpha_0 - y_w^i - alpha_w))
                - log((y_w^j + alpha_w) / (n^j + alpha_0 - y_w^j - alpha_w))
    variance    ~ 1 / (y_w^i + alpha_w) + 1 / (y_w^j + alpha_w)
    z_w         = delta_w / sqrt(variance)

alpha_0 defaults to DEFAULT_ALPHA0 = 1000 pseudo-counts, chosen on the seed corpus (about 3,100
terms): at 100, words a short source uses twice ("scientific", "two" in the Ifri summary) top its
list; at the corpus size the prior flattens every z below about 2.3; 1000 keeps the words each
source repeats. The same 1000 pseudo-counts weigh less in a larger corpus (the estimate moves
towards the plain log-odds ratio): raise alpha0 if rare words start to dominate.
Terms are the content words of words.count_terms (stop words out, three letters or more), and
optionally bigrams of two adjacent content words ("task force", "brain drain").

Similarity: TF-IDF vectors (stop words out) of whole documents compared by cosine; for a pair of
documents, the sentences whose TF-IDF vectors (idf over all sentences) have a cosine of at least
SENTENCE_THRESHOLD and share at least MIN_SHARED_WORDS content words. Two documents tell the same
story when their cosine is at least DOC_THRESHOLD and they share at least MIN_MATCHED_SENTENCES
such sentences.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plots
from helpers.corpus import words

DEFAULT_ALPHA0 = 1000.0
TOKEN_PATTERN = r"(?u)\b\w[\w'’-]*\w\b"


class GroupingError(ValueError):
    """The grouping column is not in the documents table; the message lists the ones that are."""


def check_group_column(documents: pd.DataFrame, by: str) -> None:
    """Raise GroupingError (one line naming group_by and the columns one can group by) when
    ``by`` is not a column of the documents table."""
    if by not in documents.columns:
        raise GroupingError(f"group_by: no documents column '{by}'; group by one of: "
                            f"{', '.join(map(str, documents.columns))}")


def _group_of(sentences: pd.DataFrame, documents: pd.DataFrame, by: str) -> pd.DataFrame:
    """The sentences with a ``by`` column taken from the documents table (as text)."""
    check_group_column(documents, by)
    if by == "doc_id":
        return sentences
    groups = documents[["doc_id", by]].drop_duplicates("doc_id").astype({by: "str"})
    return sentences.drop(columns=[by], errors="ignore").merge(groups, on="doc_id", how="left")


def describe_groups(documents: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """The groups being compared: ``by``, n_docs, doc_ids, n_words (of article content).

    Raises:
        GroupingError: ``by`` is not a documents column.
    """
    check_group_column(documents, by)
    docs = documents.assign(_group=documents[by].astype("str"))
    out = docs.groupby("_group", sort=True).agg(
        n_docs=("doc_id", "size"), doc_ids=("doc_id", lambda d: ", ".join(sorted(d))),
        n_words=("n_words", "sum")).reset_index().rename(columns={"_group": by})
    return out.astype({"n_docs": "int64", "n_words": "int64"})


def count_group_terms(sentences: pd.DataFrame, documents: pd.DataFrame, by: str = "doc_id",
                      bigrams: bool = False, stopwords: frozenset[str] | None = None,
                      min_length: int = 3) -> pd.DataFrame:
    """Content-word counts per group of documents (optionally with bigrams).

    Args:
        sentences: the sentences table.
        documents: the documents table; ``by`` is one of its columns.
        by: the grouping column (doc_id, publisher, source_type, or a researcher's own column).
        bigrams: also count pairs of adjacent words that are both content words.
        stopwords: words left out (default the English and Russian lists).
        min_length: shortest single word counted; bigram words need two letters.
    Returns:
        ``by``, term, n: one row per group and term.
    """
    stop = words.load_stopwords() if stopwords is None else stopwords
    grouped = _group_of(sentences, documents, by)
    counts = words.count_terms(grouped, by=by, stopwords=stop, min_length=min_length)
    if not bigrams:
        return counts
    tokens = words.tokenize_words(grouped)
    tokens = tokens.merge(grouped[["sent_id", by]], on="sent_id") if by != "doc_id" else tokens
    content = ((tokens["token"].str.len() >= 2) & tokens["token"].str.contains(r"[^\W\d_]", regex=True)
               & ~tokens["token"].isin(stop))
    nxt = tokens.shift(-1)
    pair = content & content.shift(-1, fill_value=False) & (tokens["sent_id"] == nxt["sent_id"])
    pairs = tokens[pair].assign(term=tokens["token"][pair] + " " + nxt["token"][pair])
    two = pairs.groupby([by, "term"]).size().rename("n").reset_index()
    out = pd.concat([counts, two], ignore_index=True)
    return out.sort_values([by, "n", "term"], ascending=[True, False, True], ignore_index=True)


def score_log_odds(counts: pd.DataFrame, by: str = "doc_id", alpha0: float = DEFAULT_ALPHA0,
                   min_count: int = 1) -> pd.DataFrame:
    """Each term's log-odds ratio (informative Dirichlet prior) and z-score, group vs the rest.

    Args:
        counts: ``by``, term, n (from count_group_terms).
        by: the grouping column.
        alpha0: the prior's total size (see the module docstring); the prior is the corpus counts
            scaled to this total.
        min_count: leave out terms seen fewer times in the whole corpus (after scoring, so the
            totals n^i, n^j count every term).
    Returns:
        ``by``, term, n (in the group), n_rest (in the other groups), log_odds (delta), z; one row
        per group and term of the corpus, highest z first within each group.
    """
    wide = counts.pivot_table(index="term", columns=by, values="n", aggfunc="sum", fill_value=0)
    y = wide.to_numpy(dtype="float64")
    y_all = y.sum(axis=1, keepdims=True)
    n_group = y.sum(axis=0, keepdims=True)
    n_all = y.sum()
    alpha = alpha0 * y_all / n_all
    y_rest, n_rest = y_all - y, n_all - n_group
    delta = (np.log((y + alpha) / (n_group + alpha0 - y - alpha))
             - np.log((y_rest + alpha) / (n_rest + alpha0 - y_rest - alpha)))
    z = delta / np.sqrt(1.0 / (y + alpha) + 1.0 / (y_rest + alpha))
    out = pd.DataFrame({
        by: np.tile(wide.columns.to_numpy(), len(wide)),
        "term": np.repeat(wide.index.to_numpy(), wide.shape[1]),
        "n": y.ravel().astype("int64"), "n_rest": y_rest.ravel().astype("int64"),
        "log_odds": delta.ravel(), "z": z.ravel(), "_total": np.repeat(y_all.ravel(), wide.shape[1]),
    })
    out = out[out["_total"] >= min_count].drop(columns="_total")
    return out.sort_values([by, "z", "term"], ascending=[True, False, True], ignore_index=True)


def top_distinctive_terms(scores: pd.DataFrame, by: str = "doc_id", n: int = 10) -> pd.DataFrame:
    """The ``n`` terms with the highest z per group (z > 0 only), with rank; log_odds, z rounded."""
    top = scores[scores["z"] > 0].groupby(by, sort=True).head(n).copy()
    top["rank"] = top.groupby(by).cumcount() + 1
    top[["log_odds", "z"]] = top[["log_odds", "z"]].round(3)
    return top[[by, "rank", "term", "n", "n_rest", "log_odds", "z"]].reset_index(drop=True)


def tabulate_top_terms(top: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """Top terms side by side: one row per rank, one column per group, cells "term (z)"."""
    cells = top.assign(cell=top["term"] + " (" + top["z"].map("{:.2f}".format).astype("str") + ")")
    wide = cells.pivot(index="rank", columns=by, values="cell").fillna("")
    wide.columns.name = None
    return wide


def plot_distinctive_terms(top: pd.DataFrame, by: str = "doc_id", ncols: int = 3) -> plt.Figure:
    """One panel per group: horizontal bars of the z-scores of its most distinctive terms."""
    groups = list(dict.fromkeys(top[by]))
    ncols = max(1, min(ncols, len(groups)))
    nrows = max(1, math.ceil(len(groups) / ncols))
    per = max(top.groupby(by).size().max() if len(top) else 1, 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 0.28 * per * nrows + 1.2 * nrows),
                             squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        if i >= len(groups):
            ax.set_visible(False)
            continue
        part = top[top[by] == groups[i]]
        ax.barh(part["term"], part["z"], color=plots.SOURCE_COLORS[i % len(plots.SOURCE_COLORS)])
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=8)
        plots.decorate(ax, title=f"{by} = {groups[i]}", xlabel="z (log-odds vs the rest)")
    fig.tight_layout()
    return fig
