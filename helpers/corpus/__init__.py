"""The corpus: articles and their manifest read into tidy tables a researcher can trust.

Owns everything from a raw file to a sentence: the manifest and its checks (sources), one module
per kind of input file (formats/: text, Markdown, HTML, PDF, Word, news-database exports, tables
of articles, reference libraries), files holding many articles (records), where a sentence sits
in its source (locations), decoding, language detection (language), the classification of
page furniture (cleaning, with the researcher's rules in rules, evidence per block in furniture
and the neighbours' say in context), sentence splitting (sentences),
word counts and keyword-in-context (words), publication dates in bylines and manifest values
(dates), the hand-coded sample in every language (samples), drafting manifest rows for new files
(manifest) and the Parquet cache (cache).

In: a folder of article files and ``data/manifest.csv`` (doc_id, file, metadata columns).
Out: a Corpus (``load_corpus()``) with these tables:
    documents   one row per article, key ``doc_id``: manifest columns (with ``record``, the
                article's number in a multi-article file) + title_source, language_source,
                language_detected, format, encoding, section, word_count (from an export),
                sha256, is_sha256_ok, n_blocks, n_content_blocks, n_sentences, n_words
    blocks      every non-blank block, key ``block_id`` (``003-b07``): doc_id, line_start,
                line_end, raw, page (PDF only), text, role, is_content, is_uncertain, reason
    paragraphs  content blocks, key ``para_id`` (``003-p07``): doc_id, block_id, role, text, language
    sentences   content sentences, key ``sent_id`` (``003-p07-s02``): doc_id, para_id, role,
                language, text, start, end
    problems    what could not be loaded or looked wrong: file, doc_id, level, problem

    from helpers import corpus
    c = corpus.load_corpus()
    corpus.format_kwic(c.sentences, corpus.find_term(c.sentences, "sanction*"))
    corpus.add_locations(kwic, c.blocks, c.documents)   # a 'where' column: "p. 12", "record 7"

Check a corpus from the command line with ``python -m helpers.corpus``; draft manifest rows for
new files with ``python -m helpers.corpus.manifest FOLDER``.
"""

from helpers.corpus.load import TABLES, Corpus, load_corpus
from helpers.corpus.locations import add_locations, describe_locations
from helpers.corpus.rules import CleaningRulesError, load_cleaning_rules
from helpers.corpus.samples import LanguageSampleError, load_language_samples, summarise_samples
from helpers.corpus.sentences import split_sentences
from helpers.corpus.sources import MANIFEST_COLUMNS, CorpusError, derive_doc_id, read_manifest
from helpers.corpus.summary import (
    list_sources,
    removed_blocks,
    summarise_cleaning,
    summarise_problems,
    uncertain_blocks,
)
from helpers.corpus.words import (
    count_matches,
    count_terms,
    count_words,
    find_term,
    format_kwic,
    load_stopwords,
    tokenize_words,
    top_terms,
    top_terms_table,
)

__all__ = [
    "MANIFEST_COLUMNS", "TABLES", "CleaningRulesError", "Corpus", "CorpusError", "LanguageSampleError",
    "add_locations", "count_matches", "count_terms", "count_words", "derive_doc_id", "describe_locations",
    "find_term", "format_kwic", "list_sources", "load_cleaning_rules", "load_corpus", "load_language_samples",
    "load_stopwords", "read_manifest", "removed_blocks", "split_sentences", "summarise_cleaning",
    "summarise_problems", "summarise_samples", "tokenize_words", "top_terms", "top_terms_table",
    "uncertain_blocks",
]
