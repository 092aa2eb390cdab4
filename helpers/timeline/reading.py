"""Reading one match of the timeline grammar: checks, value, anchoring and kind.

Used by :func:`helpers.timeline.find_dates`, which finds where matches start with one RE2 pass;
everything here runs once per match (never per sentence). The checks and rules are documented
in the docstring of :mod:`helpers.timeline`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import re2

from helpers.timeline import anchoring, grammar, kinds

_METADATA_CUE = re.compile(
    r"(?i)(?:\bretrieved(?: on)?|\baccessed(?: on)?|\barchived(?: from the original)?(?: on)?"
    r"|\blast (?:updated|modified|accessed|reviewed)(?: on)?|\bupdated on|\bupdated:|\bposted on"
    r"|\bposted:|©|\bcopyright)[\s:,]*$")
_METADATA_HINT = re.compile("retriev|access|archiv|updated|modified|reviewed|posted|©|copyright")
_CURRENCY_BEFORE = frozenset("$€£₽¥№#")
_NEXT_WORD = re.compile(r"[\s\-]*([^\W\d_]+)")
_WORD_BEFORE_BY = re.compile(r"(\w+)\s+by\s+$", re.IGNORECASE)
_GROUPS = ("prep", "sig", "the", "part")
_WITH_THE = frozenset({"decade", "vague", "span", "quarter", "half", "season", "rel", "earlier"})
_NEEDS_CONTEXT = frozenset({"year"})
_CJK = frozenset({"cjk", "cjk_md"})
_CUE_DIRECTED = frozenset({"weekday", "month_of_year", "month_day"})


@lru_cache(maxsize=1)
def compiled_patterns() -> tuple[re2._Regexp, re.Pattern]:
    """The grammar compiled twice: a capture-free RE2 scanner and a Python matcher with groups.

    RE2 finds where expressions start (a DFA pass, hundreds of MB/s); Python's ``re`` then reads
    the named groups of each match at that position, which only costs per match.
    """
    options = re2.Options()
    options.max_mem = 256 << 20
    scanner = re2.compile(re.sub(r"\(\?P<\w+>", "(?:", grammar.PATTERN), options)
    return scanner, re.compile(grammar.PATTERN)


def read_all(found: list[int], where: list[int], text: tuple, doc_ids: list[str], sent_ids: list[str],
             anchors: dict) -> list[tuple]:
    """Read every RE2 match (byte offset ``found``, sentence index ``where``) into a row."""
    joined, starts, ascii_rows, texts = text
    _, matcher = compiled_patterns()
    rows = []
    for pos, i in zip(found, where):
        sentence = texts[i]
        offset = pos - starts[i]
        if not ascii_rows[i]:
            offset = len(joined[starts[i]:pos].decode("utf-8"))
        m = matcher.match(sentence, offset)
        row = _read_match(m, sentence, anchors.get(doc_ids[i], ("", ""))) if m else None
        if row is not None:
            rows.append((doc_ids[i], sent_ids[i], *row))
    return rows


class _Groups:
    """Named groups of a match, read on demand (cheaper than groupdict over ~100 groups)."""

    __slots__ = ("group",)

    def __init__(self, m: re.Match):
        self.group = m.group

    def __getitem__(self, name: str) -> str | None:
        return self.group(name)

    def get(self, name: str, default: str | None = None) -> str | None:
        value = self.group(name)
        return default if value is None else value


def _read_match(m: re.Match, sentence: str, anchor: tuple[str, str]) -> tuple | None:
    """Check one match, read its value and kind; None when it is not a temporal expression."""
    groups = _Groups(m)
    family = m.lastgroup[2:]
    words = {g: v.strip().lower() for g in _GROUPS if (v := m.group(g)) is not None}
    spans = {g: m.span(g) for g in words}
    body_start, end = m.start(m.lastgroup), m.end()
    for g in ("prep", "sig"):  # a Cyrillic prefix must start a word
        if g in words and spans[g][0] > 0 and sentence[spans[g][0] - 1].isalnum():
            del words[g], spans[g]
    end = _trim_suffix(sentence, groups, end)
    if not _bounded(sentence, family, body_start, end):
        return None
    if not _in_context(sentence, family, groups, words, body_start, end):
        return None
    reading = grammar.interpret_match(family, groups)
    if reading is None:
        return None
    first = [g for g in ("sig", "the", "part") if g in spans
             and (g != "the" or family in _WITH_THE or "part" in spans)]
    start = spans[first[0]][0] if first else body_start
    window = sentence[max(0, start - 40):start].lower()
    if _METADATA_HINT.search(window) and _METADATA_CUE.search(window):
        return None
    return (sentence[start:end], start, end, *_describe(reading, words, sentence, (start, end), anchor))


def _trim_suffix(sentence: str, groups: dict, end: int) -> int:
    """Drop a Russian "г" suffix that is really the start of the next word."""
    suffix = next((groups[g] for g in ("yr_suf", "rud_suf", "rumy_suf") if groups.get(g)), None)
    if suffix == "г" and end < len(sentence) \
            and sentence[end].isalpha():
        return len(sentence[:end - 1].rstrip())
    return end


def _bounded(sentence: str, family: str, start: int, end: int) -> bool:
    """The expression is a whole word: no letter or digit glued to either side (CJK exempt)."""
    if family in _CJK:
        return start == 0 or not sentence[start - 1].isdigit()
    before = sentence[start - 1] if start > 0 else " "
    after = sentence[end] if end < len(sentence) else " "
    return not (before.isalnum() or after.isalnum())


def _in_context(sentence: str, family: str, g: dict, words: dict, start: int, end: int) -> bool:
    """Year-context and amount checks for bare years and month names."""
    has_cue = bool(words.keys() & {"prep", "sig", "part"})
    if family == "my" and g["my_y"] is None or family == "ru_my" and g["rumy_y"] is None:
        return has_cue
    if family not in _NEEDS_CONTEXT:
        return True
    if not (has_cue or g["yr_suf"]):
        return False
    before = sentence[:start].rstrip()
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


def _describe(reading: grammar.Reading, words: dict, sentence: str, span: tuple[int, int],
              anchor: tuple[str, str]) -> tuple:
    """value, granularity, mod, kind, is_anchored, anchor of one reading."""
    part = words.get("part", "").replace("-", " ").split()
    sig = words.get("sig", "")
    mod = grammar.PARTS.get(part[0], "") if part else grammar.SIGNALS.get(sig, ("", ""))[0]
    role = grammar.SIGNALS.get(sig, ("", ""))[1]
    cue = kinds.LazyCue(sentence, *span)
    value, granularity, is_anchored = reading.value, reading.granularity, False
    if reading.relative is not None:
        resolved = _resolve(reading.relative, anchor, cue)
        if resolved is not None:
            (value, granularity), is_anchored = resolved, True
        else:
            value = reading.unresolved
    kind = kinds.decide_kind(reading, role, value, anchor[0], cue)
    return value, granularity, mod, kind, is_anchored, anchor[0] if is_anchored else ""


def _resolve(rel: tuple, anchor: tuple[str, str], cue: kinds.LazyCue) -> tuple[str, str] | None:
    """Resolve a relative rule; a bare weekday, month or month-day takes the nearest cue's direction
    (future: the next one after publication; past: the latest before), when the anchor allows."""
    # A past cue leaves a bare weekday as it is (the latest one on or before publication: a
    # Thursday paper's "announced on Thursday" is that day); only "last Thursday" skips it.
    if rel[0] == "weekday" and cue.get() == "past":
        return anchoring.resolve_relative(rel, *anchor)
    if rel[0] in _CUE_DIRECTED and not rel[-1] and anchor[0] and cue.get():
        directed = anchoring.resolve_relative((*rel[:-1], cue.get()), *anchor)
        if directed is not None:
            return directed
    return anchoring.resolve_relative(rel, *anchor)
