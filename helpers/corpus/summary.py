"""Short accounts of a loaded corpus for the notebooks: the sources and where their metadata came
from, what cleaning removed and why, and the problems met while loading."""

from __future__ import annotations

import html

import pandas as pd

from helpers.corpus import words
from helpers.corpus.rules import CONTENT_ROLES, ROLES


def summarise_cleaning(blocks: pd.DataFrame) -> pd.DataFrame:
    """Words per document and role, with the share of the page that cleaning removed.

    Returns:
        One row per document: words_<role> for each role present (content roles first),
        words_kept, words_removed, share_removed (0-1, rounded to 3 places).
    """
    b = blocks.assign(n_words=words.count_words(blocks["text"]))
    wide = b.pivot_table(index="doc_id", columns="role", values="n_words", aggfunc="sum",
                         fill_value=0)
    roles = [r for r in ROLES if r in wide.columns]
    wide = wide[roles].astype("int64")
    kept = wide[[r for r in roles if r in CONTENT_ROLES]].sum(axis=1)
    removed = wide[[r for r in roles if r not in CONTENT_ROLES]].sum(axis=1)
    out = wide.add_prefix("words_")
    out["words_kept"], out["words_removed"] = kept, removed
    out["share_removed"] = (removed / (kept + removed).where(lambda s: s > 0)).round(3).fillna(0.0)
    out.columns.name = None
    return out.reset_index()


def summarise_problems(problems: pd.DataFrame) -> str:
    """A short Markdown account of what could not be loaded or looked wrong (text escaped)."""
    if problems.empty:
        return "No problems: every listed file loaded, and every recorded sha256 matched."
    lines = [f"**{len(problems)} problem(s)** while loading; the affected files are named:", ""]
    lines += [f"- {p.level}: {html.escape(p.problem)}" for p in problems.itertuples(index=False)]
    return "\n".join(lines)


def list_sources(documents: pd.DataFrame) -> pd.DataFrame:
    """The sources with their metadata and where each date, title and language came from."""
    cols = ["doc_id", "title", "title_source", "publisher", "author", "source_type", "language",
            "language_source", "format", "published", "date_precision", "date_source",
            "date_evidence"]
    return documents[cols].replace("", "—")


def removed_blocks(blocks: pd.DataFrame, max_chars: int = 90) -> pd.DataFrame:
    """The blocks cleaning removed, with where they were and why (text shortened for display)."""
    out = blocks.loc[~blocks["is_content"], ["doc_id", "line_start", "role", "reason", "text"]].copy()
    long = out["text"].str.len() > max_chars
    out.loc[long, "text"] = out.loc[long, "text"].str.slice(0, max_chars - 1) + "…"
    return out.reset_index(drop=True)


def uncertain_blocks(blocks: pd.DataFrame, max_chars: int = 90) -> pd.DataFrame:
    """The blocks kept as article content although cleaning was unsure (``is_uncertain``): where
    they are, their role and the evidence, so a researcher can confirm them or add an override."""
    out = blocks.loc[blocks["is_uncertain"], ["doc_id", "line_start", "role", "reason", "text"]].copy()
    long = out["text"].str.len() > max_chars
    out.loc[long, "text"] = out.loc[long, "text"].str.slice(0, max_chars - 1) + "…"
    return out.reset_index(drop=True)
