"""The timeline's tables: publication dates, every temporal expression with its value, kind and
anchor, and the selections and counts the notebook shows (the rules are described in the package
docstring, helpers.timeline)."""

from __future__ import annotations

import datetime as dt
import gc

import numpy as np
import pandas as pd

from helpers.corpus import dates, language
from helpers.timeline import anchoring
from helpers.timeline import reading as reader

DATE_COLUMNS = ["doc_id", "sent_id", "text", "start", "end", "value", "granularity", "mod", "kind",
                "is_anchored", "anchor", "type", "timex_text", "timex_start", "timex_end", "timex_value",
                "signal", "rule"]
KINDS = ("past", "present", "target", "vague")
# Languages whose month names, signals, relative words and tense cues the grammar reads; in
# WORD_LANGUAGES it reads month names, signals and relative words but no tense cues (a bare weekday
# is the latest one by publication); in others only numeric and ISO dates (24.11.2023,
# 2023-11-24), CJK dates (2025年9月29日) and bare years in digits are found.
GRAMMAR_LANGUAGES = ("en", "ru")
WORD_LANGUAGES = ("de", "fr", "es", "it", "pt", "uk", "ar", "zh")


def publication_dates(corpus) -> pd.DataFrame:
    """When each document was published, how precisely, and where that date comes from.

    Args:
        corpus: a loaded corpus (uses ``corpus.documents``).
    Returns:
        doc_id, value (ISO truncated, '' unknown), precision (day/month/year/unknown),
        source (manifest/text/''), evidence: one row per document.
    """
    docs = corpus.documents
    out = pd.DataFrame({"doc_id": docs["doc_id"].astype(str)})
    for name, column in [("value", "published"), ("precision", "date_precision"),
                         ("source", "date_source"), ("evidence", "date_evidence")]:
        out[name] = docs[column].fillna("").astype(str) if column in docs else ""
    out.loc[out["value"] == "", "precision"] = "unknown"
    return out.astype("str").reset_index(drop=True)


def extract_dates(corpus) -> pd.DataFrame:
    """Every temporal expression in the article content (``corpus.sentences``).

    Args:
        corpus: a loaded corpus (uses ``sentences`` and, for anchoring, ``documents``).
    Returns:
        One row per expression, columns DATE_COLUMNS, in corpus order (see the module docstring).
    """
    return find_dates(corpus.sentences, corpus.documents)


def _anchors(documents: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    """doc_id -> (publication date, its precision) for the documents whose date is known."""
    if documents is None or "published" not in documents:
        return {}
    known = documents[documents["published"].fillna("").astype(str) != ""]
    out = {}
    for doc_id, value in zip(known["doc_id"].astype(str), known["published"].astype(str)):
        try:
            out[doc_id] = dates.parse_partial_date(value)
        except dates.DateValueError:
            continue  # the loader reports a bad manifest date; here it just anchors nothing
    return out


def find_dates(sentences: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every temporal expression in a sentences table, anchored to the documents' dates.

    Args:
        sentences: doc_id, sent_id, text (a newline inside a text is read as a space).
        documents: doc_id, published, date_precision (optional: without it nothing is anchored).
    Returns:
        DATE_COLUMNS, one row per expression.
    """
    # a newline separates sentences below: one inside a text becomes a space (same offsets)
    texts = sentences["text"].astype(str).str.replace("\n", " ", regex=False).tolist()
    joined = "\n".join(texts).encode("utf-8")
    newlines = np.flatnonzero(np.frombuffer(joined, dtype=np.uint8) == 10)
    starts = np.concatenate([[0], newlines + 1]).astype(np.int64)
    ends = np.concatenate([newlines, [len(joined)]]).astype(np.int64)
    scanner, _ = reader.compiled_patterns()
    found = np.fromiter((m.start() for m in scanner.finditer(joined)), np.int64) if texts else \
        np.zeros(0, np.int64)
    where = np.searchsorted(starts, found, side="right") - 1
    ascii_rows = (ends - starts) == np.fromiter(map(len, texts), np.int64, count=len(texts))
    doc_ids = sentences["doc_id"].astype(str).tolist()
    sent_ids = sentences["sent_id"].astype(str).tolist()
    anchors = _anchors(documents)
    collecting = gc.isenabled()
    gc.disable()  # many small tuples: the cyclic collector would rescan them all, to no use
    try:
        located = (joined, starts.tolist(), ascii_rows.tolist(), texts)
        rows = reader.read_all(found.tolist(), where.tolist(), located, doc_ids, sent_ids, anchors)
    finally:
        if collecting:
            gc.enable()
    out = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return out.astype({"doc_id": "str", "sent_id": "str", "text": "str", "start": "int64",
                       "end": "int64", "value": "str", "granularity": "str", "mod": "str",
                       "kind": "str", "is_anchored": "bool", "anchor": "str", "type": "str",
                       "timex_text": "str", "timex_start": "int64", "timex_end": "int64",
                       "timex_value": "str", "signal": "str", "rule": "str"})


def parse_date_range(date_from: str, date_to: str) -> tuple[dt.date, dt.date]:
    """First day of ``date_from`` and last day of ``date_to`` (partial ISO: 1990, 2025-09, ...).

    Raises:
        ValueError: one line naming the parameter and the fix.
    """
    bounds = []
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        try:
            iso, _ = dates.parse_partial_date(str(value))
        except dates.DateValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
        if not iso:
            raise ValueError(f"{name}: empty; give a partial ISO date such as 1990 or 2025-09")
        bounds.append(anchoring.value_span(iso))
    if bounds[0][0] > bounds[1][1]:
        raise ValueError(f"date_from {date_from} is after date_to {date_to}; swap them")
    return bounds[0][0], bounds[1][1]


def _check_kinds(kinds: list[str] | tuple[str, ...] | None) -> list[str]:
    chosen = list(KINDS if kinds is None else kinds)
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise ValueError(f"kinds: unknown {unknown}; choose from {list(KINDS)}")
    return chosen


def select_dates(found: pd.DataFrame, date_from: str = "1000", date_to: str = "2099",
                 kinds: list[str] | None = None) -> pd.DataFrame:
    """The expressions with a resolved value that overlaps [date_from, date_to], of the given kinds.

    Args:
        found: rows of extract_dates.
        date_from, date_to: partial ISO dates (inclusive: "2025" runs to 31 December 2025).
        kinds: kinds to keep (default all).
    Returns:
        The selected rows plus ``first`` and ``last`` (ISO days the value covers).
    """
    low, high = parse_date_range(date_from, date_to)
    spans = [anchoring.value_span(v) for v in found["value"]]
    first = pd.Series([s[0].isoformat() if s else "" for s in spans], index=found.index, dtype="str")
    last = pd.Series([s[1].isoformat() if s else "" for s in spans], index=found.index, dtype="str")
    keep = (first != "") & (first <= high.isoformat()) & (last >= low.isoformat()) \
        & found["kind"].isin(_check_kinds(kinds))
    return found.assign(first=first, last=last)[keep].reset_index(drop=True)


def select_unresolved(found: pd.DataFrame, kinds: list[str] | None = None) -> pd.DataFrame:
    """The expressions that cannot be placed on a time line (value '' or XXXX-...), of these kinds."""
    keep = (found["value"].eq("") | found["value"].str.startswith("X")) \
        & found["kind"].isin(_check_kinds(kinds))
    return found[keep].reset_index(drop=True)


def list_statements(found: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Each expression with the sentence it comes from.

    Returns:
        doc_id, sent_id, expression, value, mod, kind, is_anchored, sentence.
    """
    merged = found.merge(sentences[["sent_id", "text"]].rename(columns={"text": "sentence"}),
                         on="sent_id", how="left")
    merged = merged.rename(columns={"text": "expression"})
    return merged[["doc_id", "sent_id", "expression", "value", "mod", "kind", "is_anchored",
                   "sentence"]].reset_index(drop=True)


def count_dates(found: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Expressions per document and kind, every document listed (zeros included).

    Returns:
        doc_id, publisher, n_past, n_present, n_target, n_vague, n_unresolved (no value on a
        time line), earliest and latest (first/last year a resolved value covers, '' if none).
    """
    out = documents[["doc_id"]].astype(str).copy()
    out["publisher"] = documents["publisher"].fillna("").astype(str).values \
        if "publisher" in documents else ""
    counts = found.groupby(["doc_id", "kind"]).size().unstack(fill_value=0)
    for kind in KINDS:
        out[f"n_{kind}"] = out["doc_id"].map(counts.get(kind, {})).fillna(0)
    unresolved = select_unresolved(found).groupby("doc_id").size()
    out["n_unresolved"] = out["doc_id"].map(unresolved).fillna(0)
    placed = select_dates(found)
    out["earliest"] = out["doc_id"].map(placed.groupby("doc_id")["first"].min().str[:4]).fillna("")
    out["latest"] = out["doc_id"].map(placed.groupby("doc_id")["last"].max().str[:4]).fillna("")
    ints = {c: "int64" for c in out.columns if c.startswith("n_")}
    return out.astype(ints | {"earliest": "str", "latest": "str"}).reset_index(drop=True)


def list_partial_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents in a language whose month names and cue words the grammar does not read.

    Returns:
        doc_id, language, problem (one line each; empty when every document is fully read).
    """
    read = ", ".join(GRAMMAR_LANGUAGES)
    unread = language.list_documents_outside(
        documents, GRAMMAR_LANGUAGES + WORD_LANGUAGES, "partly read: only numeric, ISO and CJK dates "
        "and digit years; no month names or cue words for language '{language}' (read: " + read + ")")
    words = language.list_documents_outside(
        documents, GRAMMAR_LANGUAGES, "partly read: month names, signals and relative words but no "
        "tense cues for language '{language}' (fully read: " + read + ")")
    words = words[~words["doc_id"].isin(unread["doc_id"])]
    order = {d: i for i, d in enumerate(documents["doc_id"].astype(str))}
    both = pd.concat([unread, words], ignore_index=True)
    return both.sort_values("doc_id", key=lambda s: s.map(order)).reset_index(drop=True)
