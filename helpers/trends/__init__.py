"""Trends: how the coverage itself moves over time, per period and group, against the key events.

Owns placing documents in periods at the precision of their date (periods), the over-time tables
of articles, themes, entity mentions, stance and figures cited with their intervals (coverage), the
events a researcher edits (events: ``data/events.csv``), what changed between two periods or
around an event and who raised each theme and name first (change), and the over-time figures with
the events drawn on them (figures). It sits above themes, timeline and compare and uses their
public APIs (publication dates, log-odds, stance scores), which may not import one another.

In: ``documents`` (doc_id, n_sentences, publisher, any grouping column) and publication dates
(timeline.publication_dates: doc_id, value, precision); theme ``matches`` (doc_id, sent_id, theme),
``mentions`` (doc_id, sent_id, entity, type), stance ``hits`` (doc_id, sent_id, cue, contribution),
``claims`` (doc_id, sent_id, kind), ``sentences`` (doc_id, text) for terms; data/events.csv.
Out:
    placed          one row per document: doc_id, group, published, precision, date_first,
                    date_last, period ('' when not placed), period_start, period_end, reason
    counts          period x group: n_docs, n_sentences
    coverage        period x group x theme: n_docs, n_coded, share, ci_low, ci_high (95 % Wilson,
                    articles), n_sentences, n_sent_coded, sent_share, sent_ci_low, sent_ci_high
    mentions        period x group x entity: n_mentions, n_docs_mentioning, share, ci_low, ci_high
    stance          period x group: n_docs, n_scored, mean_score, ci_low, ci_high (t, documents)
    claims          period x group x kind: n_claims, n_docs_citing
    events          date, precision, label, source, row, first, last
    change          side x term (log-odds z); theme: shares on both sides, Fisher p, rose/fell;
                    new names
    first mentions  kind, item, first_published, first_docs, publishers, sent_id, n_docs, is_tied

    from helpers import corpus, themes, timeline, trends
    c = corpus.load_corpus()
    matches = themes.code_sentences(c.sentences, themes.load_codebook(), c.documents)
    placed = trends.place_documents(timeline.publication_dates(c), c.documents, period="year")
    coverage = trends.coverage_by_period(placed, matches)
    trends.plot_coverage(coverage, trends.load_events())

The precision rule, the intervals and the tests are described in the modules: periods (a
month-precision article is placed in its month, quarter and year, never in a week or a day;
undated ones are listed apart), coverage (Wilson and t intervals), change (Fisher's exact test on
documents; sides and first places under uncertain dates), codes (the integer codes the tables
count with: sentence ids numbered by runs when sorted, hashed otherwise).
"""

from helpers.trends.change import (
    PeriodChange,
    compare_periods,
    compare_terms,
    compare_themes,
    first_mentions,
    list_new_names,
    split_documents,
)
from helpers.trends.coverage import (
    attach_periods,
    claims_by_period,
    count_by_period,
    coverage_by_period,
    mentions_by_period,
    score_documents,
    stance_by_period,
    wilson_interval,
)
from helpers.trends.events import EventsError, load_events, select_events
from helpers.trends.figures import (
    draw_events,
    plot_counts,
    plot_coverage,
    plot_mentions_over_time,
    plot_stance_over_time,
)
from helpers.trends.periods import (
    PERIODS,
    check_period,
    choose_period,
    describe_placement,
    list_unplaced,
    place_documents,
)

__all__ = [
    "PERIODS", "EventsError", "PeriodChange", "attach_periods", "check_period", "choose_period",
    "claims_by_period", "compare_periods", "compare_terms", "compare_themes", "count_by_period",
    "coverage_by_period", "describe_placement", "draw_events", "first_mentions", "list_new_names",
    "list_unplaced",
    "load_events", "mentions_by_period", "place_documents", "plot_counts", "plot_coverage",
    "plot_mentions_over_time", "plot_stance_over_time", "score_documents", "select_events",
    "split_documents", "stance_by_period", "wilson_interval",
]
