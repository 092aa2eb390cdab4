"""The timeline: what happened when, what was announced when, and what targets are set for when.

Owns the date grammar (grammar: English and Russian; grammar_news: what TimeML marks in news
reports; grammar_multi: other languages), the checks and reading of each match (checks, reading),
anchoring relative expressions to publication dates (anchoring), the kind of each expression
(kinds), the tables (tables) and figure (figures) built from them, and TimeML (timeml).

In: a Corpus from helpers.corpus (sentences: doc_id, sent_id, text, language; documents:
doc_id, published, date_precision).
Out:
    publication dates   doc_id, value, precision, source, evidence
    dates               one row per temporal expression: doc_id, sent_id, text, start, end, value,
                        granularity, mod, kind, is_anchored, anchor, type, timex_text, timex_start,
                        timex_end, timex_value, signal, rule
    timexes             one row per TIMEX3 (list_timexes): doc_id, sent_id, text, start, end, type,
                        value, mod, signal, is_anchored
    TimeML files        <doc_id>.tml per document (to_timeml)

    from helpers import corpus, timeline
    c = corpus.load_corpus()
    pubs = timeline.publication_dates(c)    # doc_id, value, precision, source, evidence
    found = timeline.extract_dates(c)       # one row per temporal expression in c.sentences

``extract_dates`` returns doc_id, sent_id, text (the expression), start, end (offsets in the
sentence text), value, granularity, mod, kind, is_anchored, anchor, and the TimeML reading: type
(DATE, TIME, DURATION, SET), timex_text/timex_start/timex_end (the span without its signal word),
timex_value (``2024-Q3``, ``P3M``, ``PRESENT_REF``, ``2025-11-19TNI``), signal ("by") and rule
(the anchoring rule that decided the value). The grammar (which
expressions, which values) is documented in :mod:`helpers.timeline.grammar`. Title and heading
sentences are article content and are searched like paragraphs.

Speed: one capture-free RE2 pattern scans all sentences at once (joined with newlines, as UTF-8
bytes, a DFA pass); matches are mapped back to their sentence with ``numpy.searchsorted`` and
Python's ``re`` reads the named groups of each match at its position (:mod:`helpers.timeline.reading`).
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
:func:`helpers.timeline.anchoring.resolve_relative`): with a day, everything resolves ("yesterday",
"next week", "on Wednesday"); with a month, year- and month-level expressions resolve ("last
year", "next month", "last March") but day-level ones do not ("yesterday", "on Wednesday");
with a year, only year-level ones ("last year", "September 28", "in March"). A bare weekday,
month or month-day takes the direction of the nearest cue word (see :mod:`helpers.timeline.kinds`)
when the anchor is precise enough to tell: "Putin will speak on Wednesday" is the next Wednesday
after publication, "Putin spoke on Wednesday" the latest one on or before it, "results are
expected in January" the next January; with no cue, the publication year (and, for a weekday,
the latest one on or before publication). Unresolved expressions keep is_anchored False and
anchor '', with value '' for relatives and ``XXXX-MM-DD`` / ``XXXX-MM`` / ``XXXX-Qn`` /
``XXXX-Hn`` for a partial date (TimeML's form for an unknown year). Nothing is ever filled in
from today's date.

kind (past / present / target / vague) follows the transparent rules documented in
:mod:`helpers.timeline.kinds`.
"""

from helpers.timeline.figures import plot_timeline
from helpers.timeline.tables import (
    DATE_COLUMNS,
    KINDS,
    count_dates,
    extract_dates,
    find_dates,
    list_partial_documents,
    list_statements,
    parse_date_range,
    publication_dates,
    select_dates,
    select_unresolved,
)
from helpers.timeline.timeml import TIMEX_COLUMNS, list_timexes, to_timeml

__all__ = [
    "DATE_COLUMNS", "KINDS", "count_dates", "extract_dates", "find_dates", "list_partial_documents",
    "list_statements", "parse_date_range", "plot_timeline", "publication_dates", "select_dates",
    "select_unresolved", "TIMEX_COLUMNS", "list_timexes", "to_timeml",
]
