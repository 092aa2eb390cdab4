"""The context pass: blocks whose own evidence is weak take the class of their neighbours.

After jusText's idea (Pomikálek 2011): article text comes in runs, so a short block between two
blocks of prose is article text (a heading, a short paragraph), a short block among furniture is
furniture, a short sentence next to prose is prose. Prose far from any other prose in the head
or tail of a page (a cookie banner, a legal notice) is furniture.

Anchors are the blocks with a firm class: 'good' (prose, or content decided by a rule) and 'bad'
(furniture by its evidence or by a rule); the edge of the page counts as 'bad'. Short sentences
('near') are resolved first and then serve as anchors for the remaining short lines.
Where the neighbours disagree and the block is kept, it is marked ``is_uncertain``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.corpus.furniture import ISOLATED_BLOCKS, ISOLATED_WORDS, select_first
from helpers.corpus.rules import CONTENT_ROLES

TITLE_BLOCKS = 10  # a title sits at most this many blocks before the article text


def _neighbours(anchor: pd.Series, doc_id: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Class of the nearest anchor before and after each block ('bad' at the page's edges)."""
    anchor = anchor.astype(object)
    prev = anchor.groupby(doc_id).shift(1).groupby(doc_id).ffill()
    after = anchor.groupby(doc_id).shift(-1).groupby(doc_id).bfill()
    return prev.where(prev.notna(), "bad").astype(str), after.where(after.notna(), "bad").astype(str)


def _distances(good: pd.Series, b: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Blocks from each block to the nearest other good block before and after (inf if none)."""
    pos = b["position"].astype(float).where(good)
    prev = pos.groupby(b["doc_id"]).shift(1).groupby(b["doc_id"]).ffill()
    after = pos.groupby(b["doc_id"]).shift(-1).groupby(b["doc_id"]).bfill()
    return (b["position"] - prev).fillna(np.inf), (after - b["position"]).fillna(np.inf)


def decide_by_context(b: pd.DataFrame, decided: pd.Series, decided_role: pd.Series) -> pd.DataFrame:
    """Decide the blocks no rule decided, from their evidence and their neighbours.

    Metadata and duplicates (decided by a rule, or a timestamp or byline) are transparent: a title
    separated from the article text by a byline and a date still sits next to it.

    Args:
        b: blocks with doc_id, position, n_tokens, is_heading_like, repeats, stamp, evidence,
            evidence_reason (helpers.corpus.furniture.compute_furniture_evidence).
        decided: blocks a rule of the rules file already decided.
        decided_role: the role those rules gave ('' elsewhere).
    Returns:
        A frame on b's index: verdict ('content', 'metadata', 'boilerplate'), verdict_reason,
        is_uncertain (kept, but the neighbours disagree).
    """
    doc = b["doc_id"]
    ev = b["evidence"].where(~decided, np.where(decided_role.isin(CONTENT_ROLES), "good", "bad"))
    ev = ev.mask(decided_role.isin(["metadata", "duplicate"]) | (~decided & b["is_meta"]), "meta")
    good = ev == "good"
    before, after = _distances(good, b)
    isolated = (good & ~decided & np.isinf(after) & np.isfinite(before) & (before >= ISOLATED_BLOCKS)
                & (b["n_tokens"] < ISOLATED_WORDS))
    ev = ev.mask(isolated, "bad")
    no_prose = ~(ev == "good").groupby(doc).transform("any") & ev.isin(["near", "short", "date"])
    anchor = ev.where(ev.isin(["good", "bad"]))
    prev, nxt = _neighbours(anchor, doc)
    near_ok = (ev == "near") & ((prev == "good") | (nxt == "good"))
    ev = ev.mask(ev == "near", np.where(near_ok, "good", "bad"))
    anchor = ev.where(ev.isin(["good", "bad"]))
    prev, nxt = _neighbours(anchor, doc)
    next_is_good = ev.groupby(doc).shift(-1) == "good"
    short = ev.isin(["short", "date"])
    date = ev == "date"
    both_good = short & (prev == "good") & (nxt == "good")
    repeated = short & b["repeats"] & ~both_good
    title_like = _mark_title_lines(b, ev, b["evidence"].isin(["short", "near"]) & ~decided & ~repeated)
    lead_in = short & ~date & (prev == "bad") & (nxt == "good") & ~repeated
    long_lead = lead_in & (b["n_tokens"] >= 3)
    tiny_lead = lead_in & (b["n_tokens"] < 3) & next_is_good
    rules = [
        (decided, "", ""),
        (no_prose, "content", "no prose on the page to compare with: kept"),
        (isolated, "boilerplate", "isolated prose in the page's tail: "
         + before.clip(upper=99).astype(int).astype(str) + " blocks after other article text"),
        (b["evidence"].isin(["bad"]) | (ev == "meta"), np.where(b["is_meta"], "metadata", "boilerplate"),
         b["evidence_reason"]),
        (good & ~decided, "content", "running text"),
        ((b["evidence"] == "near") & near_ok, "content", "short sentence next to article text"),
        (title_like, "content", "heading-like line just before the article text starts"),
        (b["evidence"] == "near", "boilerplate", "short sentence among furniture"),
        (both_good, "content", "short line between article paragraphs"),
        (repeated, "boilerplate", "short line repeated on the page (a menu shown twice)"),
        (long_lead, "content", "short line just before article text (a heading)"),
        (tiny_lead, "content", "one or two words just before article text"),
        (date, "metadata", "date line outside the article text"),
        (short & (prev == "good"), "boilerplate", "short line after article text, before furniture"),
    ]
    conditions = [np.asarray(c, dtype=bool) for c, _, _ in rules]
    verdict = select_first(conditions, [r for _, r, _ in rules], default="boilerplate")
    reason = select_first(conditions, [r for _, _, r in rules], default="short line among furniture")
    uncertain = (no_prose | tiny_lead | (long_lead & ~title_like)) & ~decided & ~both_good
    return pd.DataFrame({"verdict": verdict, "verdict_reason": reason,
                         "is_uncertain": uncertain.to_numpy(dtype=bool)}, index=b.index)


def _mark_title_lines(b: pd.DataFrame, ev: pd.Series, open_: pd.Series) -> pd.Series:
    """The title (and a kicker or standfirst next to it) before the article text starts.

    The article starts at the first prose block that is not itself heading-like; the title is the
    longest heading-like line of at least three words (or a heading-like prose block) at most
    TITLE_BLOCKS before it, and a candidate of six words or more right next to it goes with it.
    """
    doc = b["doc_id"]
    pos = b["position"]
    heading = b["is_heading_like"] & (b["n_tokens"] >= 3)
    start = pos.where((ev == "good") & ~b["is_heading_like"]).groupby(doc).transform("min")
    candidate = heading & (open_ | (ev == "good")) & (pos < start) & (start - pos <= TITLE_BLOCKS)
    size = b["n_tokens"].where(candidate)
    longest = size.groupby(doc).transform("max")
    title_pos = pos.where(candidate & (size == longest)).groupby(doc).transform("min")
    standfirst = (pos - title_pos).abs().eq(1) & (b["n_tokens"] >= 6)
    return candidate & open_ & ((pos == title_pos) | standfirst)
