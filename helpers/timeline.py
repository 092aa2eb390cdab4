"""What happened when, what was announced when, and what targets are set for when, per source.

    from helpers import corpus, timeline
    c = corpus.load_corpus()
    pubs = timeline.publication_dates(c)    # doc_id, value, precision, source, evidence
    found = timeline.extract_dates(c)       # one row per temporal expression in c.sentences

``extract_dates`` returns doc_id, sent_id, text (the expression), start, end (offsets in the
sentence text), value, granularity, mod, kind, is_anchored, anchor. The grammar (which
expressions, which values) is documented in :mod:`helpers.timeline_grammar`. Title and heading
sentences are article content and are searched like paragraphs.

Speed: one capture-free RE2 pattern scans all sentences at once (joined with newlines, as UTF-8
bytes, a DFA pass); matches are mapped back to their sentence with ``numpy.searchsorted`` and
Python's ``re`` reads the named groups of each match at its position (:mod:`helpers.timeline_read`).
Python runs per match (checks and normalisation), never per sentence. See
benchmarks/bench_timeline.py.

What is not an event: a match preceded by a metadata cue ("Retrieved", "Accessed", "Archived",
"Last updated", "Posted on", "©") is dropped: it dates a web page, not a statement. Four-digit
numbers are years only in year context (after in/since/by/until/before/after/during/from/
throughout/as of, early/mid/late, the end of..., or followed by 年 / году / г.), never after
$ € £ ₽ ¥ № or a past change verb + "by" ("grew by 2000"; "will grow by 2030" is a deadline),
nor before a counted noun ("2000 jobs"), "%", a thousands separator or a decimal point. "may",
"now", "second", "to" are never dates on their own; month names count only when capitalised
(May, MAY). A byline that reaches the sentences table would be read as a date: the loader
removes bylines before this runs.

Anchoring (``is_anchored``/``anchor``): a relative or partial expression is resolved against its
document's publication date when that date is precise enough (see
:func:`helpers.timeline_anchor.resolve_relative`): with a day, everything resolves ("yesterday",
"next week", "on Wednesday"); with a month, year- and month-level expressions resolve ("last
year", "next month", "last March") but day-level ones do not ("yesterday", "on Wednesday");
with a year, only year-level ones ("last year", "September 28", "in March"). A bare weekday,
month or month-day takes the direction of the nearest cue word (see :mod:`helpers.timeline_kind`)
when the anchor is precise enough to tell: "Putin will speak on Wednesday" is the next Wednesday
after publication, "Putin spoke on Wednesday" the latest one on or before it, "results are
expected in January" the next January; with no cue, the publication year (and, for a weekday,
the latest one on or before publication). Unresolved expressions keep is_anchored False and
anchor '', with value '' for relatives and ``XXXX-MM-DD`` / ``XXXX-MM`` / ``XXXX-Qn`` /
``XXXX-Hn`` for a partial date (TimeML's form for an unknown year). Nothing is ever filled in
from today's date.

kind (past / present / target / vague) follows the transparent rules documented in
:mod:`helpers.timeline_kind`.
"""

from __future__ import annotations

import datetime as dt
import gc

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from helpers import dates, language, plots
from helpers import timeline_anchor as anchoring
from helpers import timeline_read as reader

DATE_COLUMNS = ["doc_id", "sent_id", "text", "start", "end", "value", "granularity", "mod", "kind",
                "is_anchored", "anchor"]
KINDS = ("past", "present", "target", "vague")
# Languages whose month names and cue words the grammar reads; in others only numeric and ISO
# dates (24.11.2023, 2023-11-24), CJK dates (2025年9月29日) and bare years in digits are found.
GRAMMAR_LANGUAGES = ("en", "ru")

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
                       "kind": "str", "is_anchored": "bool", "anchor": "str"})


# --- tables and the figure for the notebook ----------------------------------------------------

KIND_STYLE = {  # kind -> (marker, colour, legend label)
    "past": ("o", "#1b6ca8", "event (past)"),
    "present": ("s", "#00798c", "present"),
    "target": ("D", "#d1495b", "target or projection"),
}


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


def _decimal_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / (dt.date(day.year + 1, 1, 1) - start).days


def _position(first: dt.date, last: dt.date, mod: str) -> float:
    """Where a marker goes inside the period its value covers (early 2025 → the first months)."""
    a, b = _decimal_year(first), _decimal_year(last + dt.timedelta(days=1))
    early, late = a + (b - a) / 6, b - (b - a) / 6
    return {"START": early, "AFTER": early, "END": late, "BEFORE": late}.get(mod, (a + b) / 2)


def _row_labels(documents: pd.DataFrame) -> list[str]:
    publisher = documents["publisher"].fillna("").astype(str) if "publisher" in documents \
        else pd.Series("", index=documents.index)
    short = publisher.str.replace(r"\s*\(.*\)$", "", regex=True).str.slice(0, 24)
    return [f"{d}  {p}" if p else f"{d}  (publisher unknown)" for d, p in zip(documents["doc_id"], short)]


def plot_timeline(found: pd.DataFrame, documents: pd.DataFrame, publications: pd.DataFrame | None = None,
                  date_from: str = "1990", date_to: str = "2035") -> plt.Figure:
    """One row per source: events and targets as distinct markers, ranges as spans.

    A value covering more than about a year (a range, a decade, "the next five years") is drawn
    as a bar over its span; any other value as a marker in its period (early in it for early/
    AFTER, late in it for late/BEFORE, else the middle), "×n" when it is stated n times.

    Args:
        found: rows of extract_dates (already filtered by kind if wanted).
        documents: the documents to draw a row for (doc_id, publisher), in order.
        publications: publication_dates rows to mark (None: no publication marks).
        date_from, date_to: the x range (partial ISO dates).
    Returns:
        The figure (save it with plots.save_figure).
    """
    low, high = parse_date_range(date_from, date_to)
    rows = {d: i for i, d in enumerate(documents["doc_id"].astype(str))}
    placed = select_dates(found, date_from, date_to)
    placed = placed[placed["doc_id"].isin(rows)]
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(rows) + 1.9))
    groups = placed.groupby(["doc_id", "value", "mod", "kind", "first", "last"], sort=True).size()
    drawn: set[tuple[str, bool]] = set()
    for (doc_id, _value, mod, kind, first, last), n in groups.items():
        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        is_span = (b - a).days > 400
        drawn.add((kind, is_span))
        _draw_value(ax, (a, b), rows[doc_id], mod, kind, n, is_span)
    handles = [_legend_handle(kind, is_span) for is_span in (False, True) for kind in KIND_STYLE
               if (kind, is_span) in drawn]
    if _mark_publications(ax, publications, rows, (low, high)):
        handles.append(Line2D([], [], marker="|", color="black", markersize=12, markeredgewidth=2,
                              linestyle="none", label="published"))
    ax.set_yticks(range(len(rows)), _row_labels(documents))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(_decimal_year(low), _decimal_year(high + dt.timedelta(days=1)))
    ax.grid(axis="y", visible=False)
    plots.decorate(ax, title="Dated statements by source", xlabel="year", legend=False)
    if handles:
        ax.legend(handles=handles, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  ncol=3, fontsize=8)
    fig.tight_layout()
    return fig


def _draw_value(ax: plt.Axes, span: tuple[dt.date, dt.date], y: int, mod: str, kind: str, n: int,
                is_span: bool) -> None:
    """One value of one source: a bar over a long span, else a marker (with ×n if repeated)."""
    marker, colour, _ = KIND_STYLE.get(kind, KIND_STYLE["past"])
    a, b = span
    if is_span:
        ax.plot([_decimal_year(a), _decimal_year(b + dt.timedelta(days=1))], [y, y], color=colour,
                linewidth=5, alpha=0.55, solid_capstyle="butt")
        return
    x = _position(a, b, mod)
    ax.plot([x], [y], marker=marker, color=colour, markersize=8, linestyle="none",
            markerfacecolor="white" if kind == "target" else colour, markeredgewidth=1.8)
    if n > 1:
        ax.annotate(f"×{n}", (x, y), xytext=(6, 5), textcoords="offset points", fontsize=8)


def _legend_handle(kind: str, is_span: bool) -> Line2D:
    marker, colour, label = KIND_STYLE[kind]
    if is_span:
        return Line2D([], [], color=colour, linewidth=5, alpha=0.55, label=f"{label}, span")
    return Line2D([], [], marker=marker, color=colour, markersize=8, linestyle="none",
                  markerfacecolor="white" if kind == "target" else colour, markeredgewidth=1.8,
                  label=label)


def _mark_publications(ax: plt.Axes, publications: pd.DataFrame | None, rows: dict[str, int],
                       bounds: tuple[dt.date, dt.date]) -> bool:
    """A black tick at each known publication date (the middle of its day, month or year).

    Returns:
        Whether any date was marked.
    """
    if publications is None:
        return False
    labelled = False
    for doc_id, value in zip(publications["doc_id"], publications["value"]):
        span = anchoring.value_span(value) if value else None
        if doc_id not in rows or span is None or span[1] < bounds[0] or span[0] > bounds[1]:
            continue
        x = (_decimal_year(span[0]) + _decimal_year(span[1] + dt.timedelta(days=1))) / 2
        ax.plot([x], [rows[doc_id]], marker="|", color="black", markersize=16, markeredgewidth=2,
                linestyle="none")
        labelled = True
    return labelled


def list_partial_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents in a language whose month names and cue words the grammar does not read.

    Returns:
        doc_id, language, problem (one line each; empty when every document is fully read).
    """
    return language.list_documents_outside(
        documents, GRAMMAR_LANGUAGES, "partly read: only numeric, ISO and CJK dates and digit years; "
        "no month names or cue words for language '{language}' (read: " + ", ".join(GRAMMAR_LANGUAGES) + ")")
