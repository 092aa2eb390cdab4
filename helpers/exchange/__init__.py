"""Exchange: the corpus and its coding out to the tools qualitative researchers use, and their
hand coding back in; quotations with full references for a paper.

Owns the REFI-QDA project (.qdpx) and codebook (.qdc) export (writing), reading a .qdpx safely
(reading), turning a hand-coded project into a validation sample (hand), the source texts a QDA
tool sees and where each sentence sits in them (texts), and references, quotations, BibTeX and CSL
JSON (citations). It combines the corpus and the themes, so it sits above both.

In: the corpus (documents, paragraphs, sentences from helpers.corpus), a Codebook and sentence
matches (helpers.themes), a .qdpx file from a QDA tool.
Out:
    project.qdpx    every article's content text as a source (metadata as variables), themes as
                    codes, every coded sentence (or match) as a coded segment
    hand codings    doc_id, start, end, theme, code, user, sent_id (list_hand_codings)
    sample          doc_id, sent_id, theme, is_present, note, text (build_validation), scored with
                    themes.score_validation; problems: doc_id, source, problem
    quotations      sent_id, doc_id, quotation, in_text, reference (quote_sentences)

    from helpers import corpus, exchange, themes
    c, cb = corpus.load_corpus(), themes.load_codebook()
    exchange.export_project("out/corpus.qdpx", c, cb, themes.code_sentences(c.sentences, cb, c.documents))
    sample, problems = exchange.import_validation("coded.qdpx", c, cb)

From the command line: ``python -m helpers.exchange export OUT.qdpx`` and ``import IN.qdpx``.
"""

from helpers.exchange.citations import (
    export_bibtex,
    export_csl_json,
    format_references,
    quote_sentences,
    split_authors,
)
from helpers.exchange.hand import (
    build_validation,
    check_sources,
    import_validation,
    list_hand_codings,
    match_codes,
    read_code_mapping,
)
from helpers.exchange.reading import QdaError, QdaProject, read_qdpx
from helpers.exchange.texts import assign_sentences, build_source_texts, locate_matches, locate_sentences
from helpers.exchange.writing import (
    build_codebook_xml,
    build_project_xml,
    describe_codes,
    export_codebook,
    export_project,
    make_guid,
    segment_codings,
)

__all__ = [
    "QdaError", "QdaProject", "assign_sentences", "build_codebook_xml", "build_project_xml",
    "build_source_texts", "build_validation", "check_sources", "describe_codes", "export_bibtex",
    "export_codebook", "export_csl_json", "export_project", "format_references", "import_validation",
    "list_hand_codings", "locate_matches", "locate_sentences", "make_guid", "match_codes",
    "quote_sentences", "read_code_mapping", "read_qdpx", "segment_codings", "split_authors",
]
