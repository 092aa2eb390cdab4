"""Coverage per period and group: articles and sentences, the share coded with each theme, the
mentions of chosen entities, the mean stance and the figures cited.

Intervals: a share of articles gets a 95 % Wilson score interval (Wilson 1927), which stays inside
[0, 1] and behaves with the small counts of a thin period:

    centre = (p + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · sqrt(p(1 − p)/n + z²/4n²),  z = 1.96

The share of sentences gets the same formula with sentences as the unit; sentences of one article
are not independent, so that interval is too narrow and the article interval is the one to read.
The mean stance is the mean of the documents' scores ((positive − negative) / (positive +
negative) of their cues) with a 95 % t interval over documents (none with fewer than two).

Every function works on whole tables with integer codes (numpy bincount), never a loop per
document: the same call serves five articles and 100,000.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from helpers.compare import stance
from helpers.trends import codes
from helpers.trends.periods import span_periods

Z95 = 1.959963984540054
CELL_COLUMNS = ["period", "period_start", "period_end", "group"]


def wilson_interval(k, n, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """The Wilson score interval of k successes in n trials (arrays; NaN where n is 0)."""
    k = np.asarray(k, dtype="float64")
    n = np.asarray(n, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z / denom * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    low = np.where(k == 0, 0.0, np.clip(centre - half, 0.0, 1.0))  # exact at the ends (no float dust)
    high = np.where(k == n, 1.0, np.clip(centre + half, 0.0, 1.0))
    nan = n == 0
    return np.where(nan, np.nan, low), np.where(nan, np.nan, high)


def _cells(placed: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every period × group, with n_docs and n_sentences, group by group in date order; the placed
    documents with the row number of their cell in ``cell``)."""
    docs = placed.loc[placed["period"] != "", ["doc_id", "group", "period_start", "n_sentences"]]
    docs = docs.reset_index(drop=True)
    periods = span_periods(placed)
    groups = pd.Index(sorted(docs["group"].unique()), dtype="str")
    grid = periods.iloc[np.tile(np.arange(len(periods)), len(groups))].reset_index(drop=True)
    grid["group"] = pd.Series(np.repeat(groups.to_numpy(), len(periods)), dtype="str")
    period_code = pd.Index(periods["period_start"]).get_indexer(docs["period_start"])
    docs["cell"] = groups.get_indexer(docs["group"]) * len(periods) + period_code
    grid["n_docs"] = np.bincount(docs["cell"], minlength=len(grid)).astype("int64")
    grid["n_sentences"] = np.bincount(docs["cell"], weights=docs["n_sentences"],
                                      minlength=len(grid)).astype("int64")
    return grid, docs


def count_by_period(placed: pd.DataFrame) -> pd.DataFrame:
    """Articles and sentences per period and group (every period of the span, empty ones as 0).

    Args:
        placed: from place_documents.
    Returns:
        period, period_start, period_end, group, n_docs, n_sentences.
    """
    return _cells(placed)[0]


def _tabulate_items(placed: pd.DataFrame, rows: pd.DataFrame, column: str, items: list[str],
                    counts: tuple[str, ...] = ("n_rows", "n_with", "n_sents")) -> pd.DataFrame:
    """Per cell and item, beside the cell sizes of _cells, the ``counts`` asked for: n_rows (rows),
    n_with (documents with the item), n_sents (sentences with it). A sentence belongs to the
    document of its first row; without a sent_id column each row stands for itself and n_sents
    is 0."""
    grid, docs = _cells(placed)
    n_cells, n_docs, n_items = len(grid), len(docs), max(len(items), 1)
    t = codes.index_codes(rows[column], pd.Series(items, dtype="str"))
    if "sent_id" in rows:
        s, first = codes.encode_sentences(rows["sent_id"])
        sent_doc = codes.codes_by_runs(codes.as_arrow(rows["doc_id"]).take(first), docs["doc_id"])
    else:
        s, sent_doc = np.arange(len(rows)), codes.codes_by_runs(rows["doc_id"], docs["doc_id"])
    sent_doc[sent_doc < 0] = n_docs  # one more slot for the documents not placed, in no cell
    doc_cell = np.append(docs["cell"].to_numpy(), -1).astype(codes.code_type(n_cells))
    sent_cell = doc_cell[sent_doc]
    known = t >= 0
    if not known.all():
        s, t = s[known], t[known]
    found = {}
    if "n_rows" in counts:
        found["n_rows"] = _count_pairs(sent_cell[s], t, n_cells, n_items)
    pair_sent, pair_item = codes.distinct_pairs(s, t, len(sent_doc), n_items)
    del s, t
    if "n_sents" in counts:
        found["n_sents"] = _count_pairs(sent_cell[pair_sent], pair_item, n_cells, n_items) \
            if "sent_id" in rows else np.zeros(n_cells * n_items, dtype="int64")
    if "n_with" in counts:
        pair_doc, pair_item = codes.distinct_pairs(sent_doc[pair_sent], pair_item, n_docs + 1, n_items)
        found["n_with"] = _count_pairs(doc_cell[pair_doc], pair_item, n_cells, n_items)
    out = grid.loc[grid.index.repeat(len(items))].reset_index(drop=True)
    out.insert(4, column, pd.Series(np.tile(np.asarray(items, dtype=object), len(grid)), dtype="str"))
    return out.assign(**{name: found[name][:len(out)] for name in counts})


def _count_pairs(cell: np.ndarray, item: np.ndarray, n_cells: int, n_items: int) -> np.ndarray:
    """How many (cell, item) pairs fall on each cell × item (cell -1 is left out), as int64."""
    keys = codes.pair_codes(cell, item, n_items, n_cells)
    if len(cell) and cell.min() < 0:
        keys = keys[cell >= 0]
    return np.bincount(keys, minlength=n_cells * n_items).astype("int64")


def coverage_by_period(placed: pd.DataFrame, matches: pd.DataFrame,
                       themes: list[str] | None = None) -> pd.DataFrame:
    """The share of articles (and of sentences) coded with each theme, per period and group.

    Args:
        placed: from place_documents (only documents with a period count).
        matches: themes.code_sentences output: doc_id, sent_id, theme.
        themes: the themes to tabulate (default every theme in ``matches``); a theme with no match
            gets rows of zeros.
    Returns:
        period, period_start, period_end, group, theme, n_docs, n_coded, share, ci_low, ci_high
        (95 % Wilson, over articles), n_sentences, n_sent_coded, sent_share, sent_ci_low,
        sent_ci_high; one row per period × group × theme (empty periods: n_docs 0, share NaN).
    """
    items = sorted(matches["theme"].unique()) if themes is None else list(themes)
    t = _tabulate_items(placed, matches, "theme", items, counts=("n_with", "n_sents"))
    out = t[CELL_COLUMNS + ["theme", "n_docs"]].assign(n_coded=t["n_with"].astype("int64"))
    out["share"] = out["n_coded"] / out["n_docs"].where(out["n_docs"] > 0)
    out["ci_low"], out["ci_high"] = wilson_interval(out["n_coded"], out["n_docs"])
    out["n_sentences"] = t["n_sentences"]
    out["n_sent_coded"] = t["n_sents"].astype("int64")
    out["sent_share"] = out["n_sent_coded"] / out["n_sentences"].where(out["n_sentences"] > 0)
    out["sent_ci_low"], out["sent_ci_high"] = wilson_interval(out["n_sent_coded"], out["n_sentences"])
    return out


def mentions_by_period(placed: pd.DataFrame, mentions: pd.DataFrame,
                       entities: list[str] | None = None) -> pd.DataFrame:
    """Mentions of chosen entities per period and group.

    Args:
        placed: from place_documents.
        mentions: compare.entities.find_mentions output: doc_id, sent_id, entity.
        entities: the entities to count (default every entity mentioned).
    Returns:
        period, period_start, period_end, group, entity, n_docs, n_mentions, n_docs_mentioning,
        share (of the period's articles that mention it), ci_low, ci_high (95 % Wilson).
    """
    items = sorted(mentions["entity"].unique()) if entities is None else list(entities)
    t = _tabulate_items(placed, mentions, "entity", items, counts=("n_rows", "n_with"))
    out = t[CELL_COLUMNS + ["entity", "n_docs"]].assign(
        n_mentions=t["n_rows"].astype("int64"), n_docs_mentioning=t["n_with"].astype("int64"))
    out["share"] = out["n_docs_mentioning"] / out["n_docs"].where(out["n_docs"] > 0)
    out["ci_low"], out["ci_high"] = wilson_interval(out["n_docs_mentioning"], out["n_docs"])
    return out


def score_documents(hits: pd.DataFrame) -> pd.DataFrame:
    """Each document's stance from its cues: doc_id, positive, negative, score (NaN when they
    cancel out to nothing)."""
    per = stance.score_sentences(hits).groupby("doc_id", sort=True)[["positive", "negative"]].sum()
    total = per["positive"] + per["negative"]
    per["score"] = (per["positive"] - per["negative"]) / total.where(total > 0)
    return per.reset_index()


def stance_by_period(placed: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Mean stance of the documents per period and group, with a 95 % t interval over documents.

    Args:
        placed: from place_documents.
        hits: compare.stance.find_stance_cues output (doc_id, sent_id, cue, contribution).
    Returns:
        period, period_start, period_end, group, n_docs, n_scored (documents with cues),
        mean_score, ci_low, ci_high (NaN with fewer than two scored documents).
    """
    grid, docs = _cells(placed)
    scores = docs["doc_id"].map(score_documents(hits).set_index("doc_id")["score"])
    scored = docs.assign(score=scores)[scores.notna()]
    agg = scored.groupby("cell")["score"].agg(["size", "mean", "std"])
    out = grid.drop(columns="n_sentences")
    out["n_scored"] = agg["size"].reindex(out.index).fillna(0).astype("int64")
    out["mean_score"] = agg["mean"].reindex(out.index)
    sd = agg["std"].reindex(out.index)
    n = out["n_scored"].where(out["n_scored"] >= 2)
    half = stats.t.ppf(0.975, n - 1) * sd / np.sqrt(n)
    out["ci_low"], out["ci_high"] = out["mean_score"] - half, out["mean_score"] + half
    return out


def claims_by_period(placed: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The figures cited per period and group, by kind (money, percent, count, ...).

    Args:
        placed: from place_documents.
        claims: compare.claims.find_claims output: doc_id, sent_id, kind.
    Returns:
        period, period_start, period_end, group, n_docs, kind, n_claims, n_docs_citing.
    """
    kinds = sorted(claims["kind"].unique()) if len(claims) else []
    t = _tabulate_items(placed, claims, "kind", kinds, counts=("n_rows", "n_with"))
    return t[CELL_COLUMNS + ["n_docs", "kind"]].assign(
        n_claims=t["n_rows"].astype("int64"), n_docs_citing=t["n_with"].astype("int64"))


def attach_periods(table: pd.DataFrame, placed: pd.DataFrame) -> pd.DataFrame:
    """Any table with a doc_id (claims, mentions, ...) with each row's period and group in front;
    rows of documents not placed are left out."""
    cols = placed.loc[placed["period"] != "", ["doc_id", "period", "group"]]
    out = cols.merge(table, on="doc_id", how="inner", sort=False)
    return out.sort_values(["period", "group", "doc_id"], kind="stable", ignore_index=True)
