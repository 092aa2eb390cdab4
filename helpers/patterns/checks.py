"""Checks every pattern of a researcher's file the way it will be used, with one kind of message.

A problem is reported as ``<file>: <entry>: pattern '<p>': <what is wrong>; <how to fix>``
(``describe_problem``), raised by each loader as its own error class. Refused everywhere: an
empty pattern, one that matches the empty string (or an empty string inside a text, as ``\\b``
does), one that matches single characters of many kinds (``re:.``, ``re:[a-z]``), one letter or
digit with any ending (``a*``), one without a letter or digit (``*``, ``...``), and in phrase files
the codebook-only forms (``~``, ``re:``).
"""

from __future__ import annotations

import re
import unicodedata

import pyarrow as pa
import pyarrow.compute as pc
import re2

from helpers.patterns.scan import WORD_RE2, compile_scan, phrase_alternation, split_phrase
from helpers.patterns.syntax import (
    MARKER_REWRITE,
    filter_regex,
    is_raw,
    join_patterns,
    marker_regex,
    pattern_body,
    re2_options,
    split_words,
)

# Single characters of different kinds: a pattern matching two of them is a character class.
_SINGLE_CHARACTERS = ("a", "q", "Z", "7", "ж", "é", " ", ".", ",", "-")
_PROBE_TEXT = "The 2 quick brown foxes, Über Ärger; быстрая лиса 3 — x. 你好"
_UNESCAPE_RE = re.compile(r"\\(.)|[*~]")  # an escaped character stays, a wildcard goes
_ALPHABETIC_LIMIT = 0x2E80  # below: alphabets, where one letter is not a word; above: CJK and kana


class PatternError(ValueError):
    """A pattern cannot be used; the message is ``what is wrong; how to fix it``."""


def describe_problem(where: str, pattern: str, problem: str) -> str:
    """The one-line message for a pattern: ``<where>: pattern '<p>': <problem>``.

    Args:
        where: the file and the entry (``data/codebook.yaml: theme 'chips' include (en)``).
        pattern: the pattern as written in the file.
        problem: what is wrong and how to fix it, separated by '; '.
    """
    shown = pattern if len(pattern) <= 80 else pattern[:77] + "..."
    return f"{where}: pattern '{shown}': {problem}"


def check_pattern(pattern: str) -> None:
    """Check one codebook pattern (after ``~`` stemming) on its own.

    A plain pattern is checked by its words (its expression is literal apart from ``*``); a raw
    one is compiled by RE2 and tried on single characters and a sample text.

    Raises:
        PatternError: not valid syntax, not valid RE2, or too broad (see module docstring).
    """
    try:
        body, raw = pattern_body(pattern)
    except ValueError as exc:
        raise PatternError(str(exc)) from None
    if raw:
        _check_breadth(_compile(f"(?i)(?:{body})"))
    else:
        _check_plain_words(pattern)


def check_phrase(phrase: str, wildcards: bool = True) -> None:
    """Check one phrase of a phrase file (gazetteer alias, stance cue, cleaning phrase).

    Args:
        phrase: as written; words, ``*`` ending a word (when ``wildcards``), ``\\*`` a literal star.
        wildcards: whether a word-final ``*`` is allowed (cleaning phrases are literal).
    Raises:
        PatternError: empty, a form only the codebook has, a misplaced ``*``, or too broad.
    """
    text = phrase.strip()
    if not text:
        raise PatternError("empty; remove it or write a word")
    if is_raw(text):
        raise PatternError("'re:' patterns are for the codebook only; write the words themselves "
                           "(or '\\re:' for the literal text)")
    words = split_phrase(text)
    for word, (literal, wild) in zip(text.split(" "), words):
        bare = word.replace("\\\\", "").replace("\\*", "").replace("\\~", "")
        if "*" in bare[:-1] or (wild and not literal) or (wild and not wildcards):
            fix = "'*' may only end a word, after a letter" if wildcards else "these phrases are literal"
            raise PatternError(f"{fix}; write '\\*' for a literal star")
        if bare.endswith("~"):
            raise PatternError("'~' (every inflection) works in the codebook only; write 'stem*', "
                               "or '\\~' for a literal tilde")
    _check_plain_words(text)  # a phrase is literal but for '*': no empty or one-character match


def check_combined(patterns: list[str]) -> None:
    """Check that the expressions the coder builds from a list of patterns compile, with the same
    engines and limits (Arrow's RE2 kernels for the fast passes, re2 for the exact search).

    Raises:
        PatternError: RE2 refuses one of the combined expressions (e.g. 'pattern too large').
    """
    probe = pa.array([""], pa.large_string())
    try:
        pc.match_substring_regex(probe, filter_regex(patterns))
        pc.replace_substring_regex(probe, marker_regex(patterns), MARKER_REWRITE)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise PatternError(_first_line(str(exc)) + "; shorten it, or use fewer or simpler "
                           "repetitions") from None
    _compile(join_patterns(patterns)[0])


def check_phrases_together(phrases: list[str], ignore_case: bool = False) -> None:
    """Check that the alternation of all phrases compiles as scan_texts runs it (same options).

    Raises:
        PatternError: RE2 refuses the combined expression.
    """
    try:
        compile_scan(phrase_alternation(phrases, WORD_RE2), ignore_case)
    except re2.error as exc:
        raise PatternError(f"RE2 cannot run the {len(set(phrases))} of them together "
                           f"({_re2_message(exc)}); use fewer or shorter ones") from None


def _re2_message(exc: re2.error) -> str:
    arg = exc.args[0] if exc.args else ""
    message = arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg)
    return _first_line(message) or "does not compile"


def _compile(regex: str) -> re2._Regexp:
    """The compiled expression, with the options of the exact search."""
    try:
        return re2.compile(regex, re2_options())
    except re2.error as exc:
        raise PatternError(f"not a valid RE2 pattern ({_re2_message(exc)}); fix or remove it") from None


def _check_plain_words(text: str) -> None:
    """Refuse a plain pattern with no letter, digit or sign (© ® ™ № €: Unicode "other" and
    currency symbols), or a single letter or digit followed by ``*`` (every word starting with
    it); a single word ``x``, a sign ``©`` or an ideograph ``芯*`` is allowed."""
    words = split_words(text)
    literal = "".join(_UNESCAPE_RE.sub(lambda m: m.group(1) or "", w) for w in words)
    if not any(ch.isalnum() or unicodedata.category(ch) in ("So", "Sc") for ch in literal):
        raise PatternError("it has no letter or digit, so it would match punctuation anywhere; "
                           "write a word")
    wild = any(w.endswith("*") and not w.endswith("\\*") for w in words)
    if len(literal) == 1 and ord(literal) < _ALPHABETIC_LIMIT and wild:
        raise PatternError(f"'{literal}' with any ending matches nearly every text; write more of "
                           "the word")


def _check_breadth(compiled: re2._Regexp) -> None:
    """Refuse an expression that matches the empty string or single characters of many kinds."""
    if compiled.search("") is not None or any(m.end() == m.start() for m in compiled.finditer(_PROBE_TEXT)):
        raise PatternError("it matches the empty string, so it would match everywhere; make "
                           "every part of it match at least one character")
    singles = [ch for ch in _SINGLE_CHARACTERS if compiled.fullmatch(ch)]
    if len(singles) >= 2:
        raise PatternError(f"it matches single characters ({' '.join(map(repr, singles[:3]))} ...), so it "
                           "would match nearly everything; match a word")


def _first_line(message: str) -> str:
    return (message.strip().splitlines() or [""])[0]

