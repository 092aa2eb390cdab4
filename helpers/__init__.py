"""Helpers for the research workbook on Russia's place in the global AI race.

Modules, one concern each:
    paths     where the project's files live (computed from this file, never from the cwd)
    corpus    load the articles and manifest into tidy tables (documents, blocks, paragraphs, sentences)
    cleaning  classify each block of a saved page as article content or page furniture, with a reason
    text      sentence splitting, word tokens, term counts, keyword-in-context
    dates     the small date grammar used for bylines and manifest values
    plots     one place for figure style and saving
    report    execute the notebooks and render the HTML report
"""
