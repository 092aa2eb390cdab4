"""The checks RE2 cannot express, made in Python on each match of the grammar.

Word boundaries around non-ASCII words, year context (a four-digit number is a year only after a
year word or before a noun, never as an amount or a count), words that count only after "the"
or a preposition of their language, and metadata cues ("Retrieved", "Accessed") before a date.
Used by :mod:`helpers.timeline.reading`; the rules are listed in :mod:`helpers.timeline`.
"""

from __future__ import annotations

import re

from helpers.timeline import grammar, grammar_multi

_METADATA_CUE = re.compile(
    r"(?i)(?:\bretrieved(?: on)?|\baccessed(?: on)?|\barchived(?: from the original)?(?: on)?"
    r"|\blast (?:updated|modified|accessed|reviewed)(?: on)?|\bupdated on|\bupdated:|\bposted on"
    r"|\bposted:|©|\bcopyright)[\s:,]*$")
_METADATA_HINT = re.compile("retriev|access|archiv|updated|modified|reviewed|posted|©|copyright")
_CURRENCY_BEFORE = frozenset("$€£₽¥№#")
_NEXT_WORD = re.compile(r"[\s\-]*([^\W\d_]+)")
_WORD_BEFORE_BY = re.compile(r"(\w+)\s+by\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s\u00a0]*$")
_YEAR_BEFORE = re.compile(r"(?:1[89]|20)\d\d\s*$")
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:once|twice|times)\b)[^.;,]{0,40}$", re.IGNORECASE)
# A bare year counts after these words ("the 1996 campaign", "for 1988", "bonds due 1993").
YEAR_WORDS = frozenset("the a an its his her their this that our due both than of through s".split())
_NO_BOUNDARY = frozenset({"cjk", "cjk_md", "x_rel", "x_quarter", "ar_year"})
_CYRILLIC_WEEKDAYS = frozenset(w for w in grammar_multi.WEEKDAYS_X if not w.isascii() and w[0] > "Ѐ")


def is_metadata(sentence: str, start: int) -> bool:
    """A cue such as "Retrieved" or "Last updated on" just before the expression."""
    window = sentence[max(0, start - 40):start].lower()
    return bool(_METADATA_HINT.search(window) and _METADATA_CUE.search(window))


def trim_suffix(sentence: str, groups, end: int) -> int:
    """Drop a Russian "г" suffix that is really the start of the next word."""
    suffix = next((groups[g] for g in ("yr_suf", "rud_suf", "rumy_suf") if groups.get(g)), None)
    if suffix == "г" and end < len(sentence) and sentence[end].isalpha():
        return len(sentence[:end - 1].rstrip())
    return end


def is_bounded(sentence: str, family: str, start: int, end: int) -> bool:
    """The expression is a whole word: no letter or digit glued to either side (CJK exempt)."""
    if family in _NO_BOUNDARY and (family != "x_rel" or sentence[start] >= "\u2e80"):
        return start == 0 or not sentence[start - 1].isdigit()
    before = sentence[start - 1] if start > 0 else " "
    after = sentence[end] if end < len(sentence) else " "
    return not (before.isalnum() or after.isalnum())


def counts_before(sentence: str, start: int) -> bool:
    """A number (or once, twice, times) shortly before: "100,000 specialists a year" is a rate."""
    return bool(_COUNTED_BEFORE.search(sentence[max(0, start - 48):start]))


def _word_before(sentence: str, start: int) -> str:
    m = _WORD_BEFORE.search(sentence[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _needs_more(sentence: str, family: str, g, words: dict, start: int) -> bool:
    """Words that only count with "the", a preposition of their language, or within/for."""
    if family == "duration" and g["du_bare"] and words.get("sig") != "within" \
            and words.get("prep") != "for":
        return True
    if family == "x_my" and g["xm_y"] is None:
        return words.get("prep") not in grammar_multi.PREPOSITIONS_X
    if family == "x_weekday" and g["xw"].lower() in _CYRILLIC_WEEKDAYS:
        return words.get("prep") not in ("в", "во", "у")
    return False


def is_in_context(sentence: str, family: str, g, words: dict, span: tuple[int, int]) -> bool:
    """Context checks: year context and amounts for bare years, cues for bare month names."""
    start, end = span
    if _needs_more(sentence, family, g, words, start):
        return False
    has_cue = bool(words.keys() & {"prep", "sig", "part"})
    if family == "my" and g["my_y"] is None or family == "ru_my" and g["rumy_y"] is None:
        return has_cue
    if family != "year":
        return True
    before = sentence[:start].rstrip()
    if not (has_cue or g["yr_suf"] or _year_context(sentence, start, words)):
        return False
    if before[-1:] in _CURRENCY_BEFORE or before.endswith(("No.", "no.")):
        return False
    rest = sentence[end:]
    if re.match(r"\s*(?:%|[.,]\d|per ?cent)", rest):
        return False
    nxt = _NEXT_WORD.match(rest)
    if nxt and nxt.group(1).lower() in grammar.COUNT_NOUNS:
        return False
    if words.get("sig") == "by":
        prev = _WORD_BEFORE_BY.search(sentence[max(0, start - 40):start])
        if prev and prev.group(1).lower() in grammar.CHANGE_VERBS:
            return False
    return True


def _year_context(sentence: str, start: int, words: dict) -> bool:
    """A year word just before a bare year, or "and"/"or"/"to" right after another year."""
    word = _word_before(sentence, start)
    if word in ("and", "or", "to"):
        return bool(_YEAR_BEFORE.search(sentence[max(0, start - 12):start - len(word) - 1]))
    return word in YEAR_WORDS or "the" in words
