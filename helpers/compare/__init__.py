"""Comparisons: how the sources differ in their words, whom they mention, which figures they cite,
how they place Russia in the race, and which of them tell the same story.

Owns distinctive terms (distinctive: log-odds with a Dirichlet prior), document and sentence
similarity (similarity), the gazetteer (gazetteer: ``data/gazetteer.csv``) with mentions and the
discovery of unknown names (entities), amounts and their agreement across sources (claims), and
the cue-based stance score (stance: ``data/stance_cues.yaml``; which sentences it reads and whom
each cue is about: stance_reading; its accuracy on hand-coded articles: stance_check).

In: ``sentences`` (doc_id, sent_id, role, language, text) and ``documents`` (doc_id and any column
to group by) from helpers.corpus.
Out:
    distinctive terms   group, term, count, z (one row per term and group)
    similarity          document x document cosine; shared sentences: doc_a, sent_a, doc_b, sent_b, cosine
    mentions            doc_id, sent_id, entity, type, alias, start, end
    claims              doc_id, sent_id, kind, value, currency, unit, year, text
    stance hits         doc_id, sent_id, cue, weight, is_negated, is_hedged, contribution, read_because,
                        compared_with; scores per document

    from helpers import compare
    from helpers.compare import claims, entities, stance
"""

from helpers.compare import claims, entities, gazetteer, scripts, stance, stance_check, stance_reading
from helpers.compare.distinctive import (
    DEFAULT_ALPHA0,
    count_group_terms,
    describe_groups,
    plot_distinctive_terms,
    score_log_odds,
    tabulate_top_terms,
    top_distinctive_terms,
)
from helpers.compare.similarity import (
    DOC_THRESHOLD,
    MIN_MATCHED_SENTENCES,
    MIN_SHARED_WORDS,
    SENTENCE_THRESHOLD,
    find_same_story,
    list_shared_sentences,
    list_similar_pairs,
    match_sentences,
    plot_similarity,
    score_similarity,
)

__all__ = [
    "DEFAULT_ALPHA0", "DOC_THRESHOLD", "MIN_MATCHED_SENTENCES", "MIN_SHARED_WORDS", "SENTENCE_THRESHOLD",
    "claims", "count_group_terms", "describe_groups", "entities", "find_same_story", "gazetteer",
    "list_shared_sentences", "list_similar_pairs", "match_sentences", "plot_distinctive_terms",
    "plot_similarity", "score_log_odds", "score_similarity", "scripts", "stance", "stance_check",
    "stance_reading",
    "tabulate_top_terms",
    "top_distinctive_terms",
]
