"""What changed between two periods, or before and after an event: distinctive terms, themes that
rose or fell, names that appeared; and who raised each theme and name first.

Sides follow the precision rule: a document is on a side only when its whole date lies there. With
an event, "before" means its date ends before the event's date begins, "after" that it begins
after the event's date ends; an article dated to the event's own day (or month, for a
month-precision date such as 2020-12 against an event on 2020-12-10) cannot be told apart and is
left out. Undated documents are on no side.

Themes: the share of documents coded with the theme on each side, compared with Fisher's exact
test (two-sided) on the 2 × 2 table of documents (coded or not, side A or B): documents, not
sentences, are the independent units. A theme "rose" or "fell" when p < ``alpha`` (default 0.05,
no correction for the number of themes: read a small p among sixteen themes with care).

Terms: the log-odds ratio with an informative Dirichlet prior of compare.score_log_odds (the same
as the comparisons notebook), with the side as the group.

First mentions: a document can be the first to raise an item unless another document that raises
it is surely earlier (its date ends before this one's begins). Several documents can therefore
share the first place: a month-precision article of December 2020 and one of 5 December 2020 both
count as first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from helpers import compare, timeline

SIDE_COLUMNS = ["doc_id", "group", "publisher", "published", "precision", "side"]


def split_documents(placed: pd.DataFrame, event: str = "", a: tuple[str, str] | None = None,
                    b: tuple[str, str] | None = None, labels: tuple[str, str] | None = None) -> pd.DataFrame:
    """Put each dated document on side A or B: before/after an event, or in one of two ranges.

    Args:
        placed: from place_documents (uses date_first, date_last, in_range).
        event: a partial ISO date ("2022-02-24", "2022-02"); or give ``a`` and ``b`` instead.
        a, b: two ranges (date_from, date_to) of partial ISO dates, e.g. ("2019", "2021").
        labels: names of the two sides (default "before"/"after", or "2019–2021"/"2022–2026").
    Returns:
        SIDE_COLUMNS for the documents on a side (side is the label), in date order.
    Raises:
        ValueError: one line, for a bad date, no split given, or a side with no document.
    """
    dated = placed[placed["is_dated"] & placed["in_range"]]
    if event:
        low, high = timeline.parse_date_range(event, event)
        first = dated["date_last"] < pd.Timestamp(low)
        second = dated["date_first"] > pd.Timestamp(high)
        names = labels or ("before", "after")
    elif a and b:
        first, second = (_inside(dated, rng, name) for rng, name in ((a, "a"), (b, "b")))
        names = labels or tuple(f"{lo}–{hi}" if lo != hi else str(lo) for lo, hi in (a, b))
    else:
        raise ValueError("compare: give an event date (event=\"2022-02-24\") or two ranges (a=, b=)")
    side = np.select([first, second], list(names), "")
    out = dated.assign(side=side)[side != ""]
    for name in names:
        if not (out["side"] == name).any():
            raise ValueError(f"compare: no dated article on the side '{name}'; choose another "
                             f"{'event' if event else 'range'}")
    return out.sort_values(["date_first", "doc_id"], ignore_index=True)[SIDE_COLUMNS]


def _inside(dated: pd.DataFrame, rng: tuple[str, str], name: str) -> pd.Series:
    try:
        low, high = timeline.parse_date_range(*map(str, rng))
    except ValueError as exc:
        raise ValueError(f"compare range {name}: {exc}") from None
    return (dated["date_first"] >= pd.Timestamp(low)) & (dated["date_last"] <= pd.Timestamp(high))


def _sides(sides: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(sides["side"]))


def compare_themes(sides: pd.DataFrame, matches: pd.DataFrame, themes: list[str] | None = None,
                   alpha: float = 0.05) -> pd.DataFrame:
    """Which themes rose or fell from side A to side B (Fisher's exact test on documents).

    Returns:
        theme, n_docs_a, n_coded_a, share_a, n_docs_b, n_coded_b, share_b, difference (share_b −
        share_a), p_value, change ("rose", "fell" or "no clear change"); sides in ``sides`` order.
    """
    a_name, b_name = _sides(sides)
    items = sorted(matches["theme"].unique()) if themes is None else list(themes)
    n = sides["side"].value_counts()
    coded = matches[["doc_id", "theme"]].drop_duplicates().merge(sides[["doc_id", "side"]], on="doc_id")
    counts = coded.groupby(["theme", "side"]).size().unstack(fill_value=0).reindex(
        index=items, columns=[a_name, b_name], fill_value=0)
    out = pd.DataFrame({"theme": pd.Series(items, dtype="str"),
                        "n_docs_a": int(n[a_name]), "n_coded_a": counts[a_name].to_numpy()})
    out["share_a"] = out["n_coded_a"] / out["n_docs_a"]
    out["n_docs_b"] = int(n[b_name])
    out["n_coded_b"] = counts[b_name].to_numpy()
    out["share_b"] = out["n_coded_b"] / out["n_docs_b"]
    out["difference"] = out["share_b"] - out["share_a"]
    out["p_value"] = [stats.fisher_exact([[ca, na - ca], [cb, nb - cb]]).pvalue for ca, na, cb, nb in
                      out[["n_coded_a", "n_docs_a", "n_coded_b", "n_docs_b"]].itertuples(index=False)]
    out["change"] = np.where(out["p_value"] >= alpha, "no clear change",
                             np.where(out["difference"] > 0, "rose", "fell"))
    return out.sort_values(["p_value", "theme"], ignore_index=True).astype({"n_coded_a": "int64",
                                                                             "n_coded_b": "int64"})


def compare_terms(sides: pd.DataFrame, sentences: pd.DataFrame, n: int = 10, min_count: int = 2,
                  alpha0: float = compare.DEFAULT_ALPHA0, bigrams: bool = False) -> pd.DataFrame:
    """The most distinctive terms of each side (log-odds with a prior, as compare.score_log_odds).

    Returns:
        side, rank, term, n, n_rest, log_odds, z (compare.top_distinctive_terms, by side).
    """
    docs = sides[["doc_id", "side"]]
    sents = sentences[sentences["doc_id"].isin(docs["doc_id"])]
    counts = compare.count_group_terms(sents, docs, by="side", bigrams=bigrams)
    scores = compare.score_log_odds(counts, by="side", alpha0=alpha0, min_count=min_count)
    top = compare.top_distinctive_terms(scores, by="side", n=n)
    order = {name: i for i, name in enumerate(_sides(sides))}
    return top.sort_values(["side", "rank"], key=lambda c: c.map(order) if c.name == "side" else c,
                           ignore_index=True)


def list_new_names(sides: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """The entities mentioned on side B and in no document of side A.

    Returns:
        entity, type, n_mentions, n_docs (on side B), first_doc, first_published (its earliest
        document on side B), most mentioned first.
    """
    a_name, b_name = _sides(sides)
    m = mentions.merge(sides[["doc_id", "side", "published"]], on="doc_id")
    seen_before = set(m.loc[m["side"] == a_name, "entity"])
    new = m[(m["side"] == b_name) & ~m["entity"].isin(seen_before)]
    order = sides.reset_index(drop=True).reset_index().set_index("doc_id")["index"]
    new = new.assign(_order=new["doc_id"].map(order)).sort_values(["_order", "sent_id"])
    out = new.groupby("entity", sort=False).agg(
        type=("type", "first"), n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique"),
        first_doc=("doc_id", "first"), first_published=("published", "first")).reset_index()
    return out.sort_values(["n_mentions", "entity"], ascending=[False, True], ignore_index=True)


@dataclass
class PeriodChange:
    """What changed from side A to side B: the sides, distinctive terms, themes, new names."""

    sides: pd.DataFrame
    terms: pd.DataFrame
    themes: pd.DataFrame
    names: pd.DataFrame


def compare_periods(sides: pd.DataFrame, sentences: pd.DataFrame, matches: pd.DataFrame,
                    mentions: pd.DataFrame, themes: list[str] | None = None,
                    n_terms: int = 10) -> PeriodChange:
    """compare_terms, compare_themes and list_new_names for one split (see split_documents)."""
    return PeriodChange(sides=sides, terms=compare_terms(sides, sentences, n=n_terms),
                        themes=compare_themes(sides, matches, themes), names=list_new_names(sides, mentions))


def first_mentions(placed: pd.DataFrame, matches: pd.DataFrame, mentions: pd.DataFrame,
                   themes: list[str] | None = None, entities: list[str] | None = None) -> pd.DataFrame:
    """For each theme and entity, the dated document(s) that raised it first, and when.

    Args:
        placed: from place_documents (dated documents in the range count, at any precision).
        matches: theme matches (doc_id, sent_id, theme).
        mentions: entity mentions (doc_id, sent_id, entity).
        themes, entities: the items to list (default all found).
    Returns:
        kind (theme/entity), item, first_published, precision, first_docs (every document that
        may be first, see module doc), publishers, sent_id (the first sentence raising it in the
        earliest document), n_docs (dated documents raising it), is_tied.
    """
    rows = pd.concat([
        matches[["doc_id", "sent_id", "theme"]].rename(columns={"theme": "item"}).assign(kind="theme"),
        mentions[["doc_id", "sent_id", "entity"]].rename(columns={"entity": "item"}).assign(kind="entity")])
    if themes is not None:
        rows = rows[(rows["kind"] == "entity") | rows["item"].isin(themes)]
    if entities is not None:
        rows = rows[(rows["kind"] == "theme") | rows["item"].isin(entities)]
    dated = placed[placed["is_dated"] & placed["in_range"]]
    per_doc = rows.groupby(["kind", "item", "doc_id"], sort=False)["sent_id"].min().reset_index()
    per_doc = per_doc.merge(dated[["doc_id", "publisher", "published", "precision", "date_first",
                                   "date_last"]], on="doc_id")
    per_doc = per_doc.sort_values(["kind", "item", "date_first", "date_last", "doc_id"], ignore_index=True)
    cutoff = per_doc.groupby(["kind", "item"])["date_last"].transform("min")
    first = per_doc[per_doc["date_first"] <= cutoff]
    out = first.groupby(["kind", "item"], sort=False).agg(
        first_published=("published", "first"), precision=("precision", "first"),
        first_docs=("doc_id", ", ".join), publishers=("publisher", lambda p: ", ".join(dict.fromkeys(p))),
        sent_id=("sent_id", "first"), n_tied=("doc_id", "size")).reset_index()
    out["n_docs"] = out.set_index(["kind", "item"]).index.map(per_doc.groupby(["kind", "item"]).size())
    out["is_tied"] = out.pop("n_tied") > 1
    out = out.sort_values(["kind", "first_published", "item"], ascending=[False, True, True],
                          ignore_index=True)
    return out.astype({"n_docs": "int64", "is_tied": "bool"})
