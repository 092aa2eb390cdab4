"""Themes: code the corpus with a codebook, find topics the codebook misses, and score the coder
against hand coding.

Owns the codebook (codebook: ``data/codebook.yaml`` read and checked; its patterns are compiled
by helpers.patterns),
the coding of sentences or paragraphs (coding), the tables and figures over coded units (tables),
NMF topics aligned to the themes (topics), agreement with a hand-coded sample (validation) and
with the hand-coded sample in every language (languages).

In: ``sentences`` or ``paragraphs`` (doc_id, sent_id or para_id, text, language) and
``documents`` (doc_id, language) from helpers.corpus.
Out:
    matches         one row per theme match: doc_id, sent_id (or para_id), theme, term, start, end
    theme tables    document x theme: doc_id, theme, n_units, n_coded, share_coded, per_1k_words
    co-occurrence   theme x theme: theme_a, theme_b, n_both, jaccard
    validation      per theme: theme, n, precision, recall, f1, kappa

    from helpers import corpus, themes
    c = corpus.load_corpus()
    cb = themes.load_codebook()
    matches = themes.code_sentences(c.sentences, cb, c.documents)
    themes.tabulate_themes(matches, c.sentences, cb)
"""

from helpers.patterns import stem_pattern
from helpers.themes.codebook import (
    Codebook,
    CodebookError,
    describe_codebook,
    load_codebook,
    select_themes,
)
from helpers.themes.coding import (
    MATCH_COLUMNS,
    code_sentences,
    find_spans,
    list_uncoded_documents,
    search_spans,
    select_units,
)
from helpers.themes.languages import (
    code_samples,
    pivot_language_scores,
    score_languages,
    summarise_languages,
)
from helpers.themes.tables import (
    cooccur_themes,
    pivot_cooccurrence,
    pivot_themes,
    plot_cooccurrence,
    plot_theme_heatmap,
    rank_pairs,
    retrieve_theme,
    tabulate_themes,
)
from helpers.themes.topics import Topics, align_topics, fit_topics, pivot_alignment, summarise_topics
from helpers.themes.validation import (
    ValidationSampleError,
    check_validation,
    list_disagreements,
    load_validation,
    score_agreement,
    score_validation,
    select_sample,
)

__all__ = [
    "MATCH_COLUMNS", "Codebook", "CodebookError", "Topics", "ValidationSampleError", "align_topics",
    "check_validation", "code_samples", "code_sentences", "cooccur_themes", "describe_codebook", "find_spans",
    "fit_topics", "list_disagreements", "list_uncoded_documents", "load_codebook", "load_validation",
    "pivot_alignment", "pivot_cooccurrence",
    "pivot_language_scores", "pivot_themes", "plot_cooccurrence", "plot_theme_heatmap",
    "rank_pairs", "retrieve_theme", "score_agreement", "score_languages", "score_validation", "search_spans",
    "select_sample", "select_themes", "select_units", "stem_pattern", "summarise_languages",
    "summarise_topics",
    "tabulate_themes",
]
