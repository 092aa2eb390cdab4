"""The one pattern language of the files a researcher edits, compiled to RE2 in one place.

Owns: the syntax below, its compilation to RE2 (``syntax``), the checks every loader runs on
every pattern with one kind of message (``checks``), and the one-pass scan of a column of texts
(``scan``). In: patterns as written in data/codebook.yaml, data/gazetteer.csv (aliases),
data/stance_cues.yaml (cues, negations, hedges) and data/cleaning_rules.yaml (phrases); a
column of texts. Out: RE2 expressions; matches (row, start, end, match).

SYNTAX (always case-insensitive in the codebook and the stance cues)

    chip            the whole word: chip, Chip, CHIP; not chipset, not microchip
    sanction*       ``*`` at the end of a word: any ending (sanction, sanctions, sanctioned)
    data cent*      a phrase: words in this order, separated by spaces (in the codebook also by
                    hyphens: data-centres)
    U.S.            other punctuation is literal; in the codebook ' matches both ' and ’
    C\\*           a backslash makes the next character literal: ``\\*`` a star, ``\\~`` a
                    tilde, ``\\\\`` a backslash
    санкция~        codebook only: ``~`` at the end of a word stands for every inflection of it,
                    by Snowball stemming in the pattern's language (``санкц*``)
    re:\\bAI\\b       codebook only: a raw RE2 expression, used as written

Gazetteer aliases and stance cues use words, phrases and ``*``; cleaning phrases are literal
(no ``*``). Every file refuses, with one line (``<file>: <entry>: pattern '<p>': <what is wrong>;
<how to fix>``): an empty pattern, one that matches the empty string (``re:\\b``, ``re:x?``),
one that matches single characters of many kinds (``re:.``, ``re:[a-z]``), one made only of
punctuation or of a single letter or digit (``*``, ``a*``), ``*`` inside a word, and RE2 errors,
also those that only appear when a theme's patterns are combined (``re:\\pL{1,1000}x``).
"""

from helpers.patterns.checks import (
    PatternError,
    check_combined,
    check_pattern,
    check_phrase,
    check_phrases_together,
    describe_problem,
)
from helpers.patterns.scan import (
    SPACE,
    WORD_PY,
    WORD_RE2,
    compile_scan,
    escape_phrase,
    is_wildcard_phrase,
    literal_alternation,
    phrase_alternation,
    resolve_phrases,
    scan_texts,
    split_phrase,
    unescape_phrase,
)
from helpers.patterns.syntax import (
    MARKER_REWRITE,
    RAW_PREFIX,
    STEMMERS,
    check_regex,
    compile_pattern,
    filter_regex,
    is_raw,
    join_patterns,
    marker_regex,
    order_patterns,
    pattern_body,
    re2_options,
    stem_pattern,
)

__all__ = [
    "check_combined", "check_pattern", "check_phrase", "check_phrases_together", "check_regex",
    "compile_pattern", "compile_scan", "describe_problem", "escape_phrase", "filter_regex",
    "is_raw", "is_wildcard_phrase", "join_patterns", "literal_alternation", "marker_regex",
    "order_patterns", "pattern_body", "phrase_alternation", "re2_options", "resolve_phrases",
    "scan_texts", "split_phrase", "stem_pattern", "unescape_phrase", "MARKER_REWRITE",
    "PatternError", "RAW_PREFIX", "SPACE", "STEMMERS", "WORD_PY", "WORD_RE2",
]
