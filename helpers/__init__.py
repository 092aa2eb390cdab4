"""Helpers for the research workbook on Russia's place in the global AI race.

Modules, one concern each:
    paths       where the project's files live (computed from this file, never from the cwd)
    config      reading the YAML files researchers edit, with one-line errors
    corpus      load the articles and manifest into tidy tables (documents, blocks, paragraphs,
                sentences, problems); parsed tables cached by cache
    ingest      turn one raw file (.txt, .md, .html; any encoding) into text, reporting repairs
    language    offline language detection for documents and paragraphs
    cleaning    classify each block of a saved page as article content or page furniture
    text        sentence splitting, word tokens, term counts, keyword-in-context
    dates       the small date grammar for bylines and manifest values
    manifest    draft manifest rows for a folder of new files
    cache       the Parquet cache of parsed corpus tables
    progress    progress bars for long steps (silent in reports and tests)
    themes, themes_codebook, themes_topics, themes_validation
                the codebook, sentence coding, topics, and agreement with hand coding
    timeline, timeline_grammar, timeline_anchor, timeline_kind, timeline_read
                temporal expressions as TIMEX-like rows, anchored to publication dates
    compare     distinctive terms (log-odds with a Dirichlet prior) and similarity
    entities    the gazetteer, mentions and discovery of unknown names
    claims      amounts of money, percentages and counts, and their agreement across sources
    stance      cue-based stance on Russia's standing in the race
    plots       one place for figure style and saving figures and tables
    report      execute the notebooks and render the HTML report
"""
