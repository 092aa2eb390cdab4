"""Helpers for the research workbook on Russia's place in the global AI race.

One package per stage of the analysis, in the order the data flows; a lower stage never imports a
higher one (corpus < themes, timeline, compare < report):

    corpus/     articles and manifest into tidy tables: input formats, decoding, language, page
                furniture (cleaning), sentences, words and KWIC, publication dates, manifest
                drafting, the Parquet cache
    themes/     the codebook, coding sentences or paragraphs, topics, validation against hand coding
    timeline/   temporal expressions: grammar, reading, anchoring, kinds, tables and figure
    compare/    distinctive terms, similarity, entities, amounts (claims), stance
    report/     executing and rendering the notebooks

and the shared plumbing every stage may use:

    paths       where the project's files live (computed from this file, never from the cwd)
    config      reading the files researchers edit (YAML and CSV), bounded, with one-line errors
    patterns/   the one pattern language of those files: compiled to RE2, checked, scanned over
                a column of texts in one pass
    plots       figure style, saving figures and tables
    progress    progress bars for long steps (silent in reports and tests)

Each package's ``__init__`` says what it owns, which tables come in and which go out.
"""
