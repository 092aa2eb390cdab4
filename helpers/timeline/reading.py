"""Reading one match of the timeline grammar: checks, value, anchoring and kind.

Used by :func:`helpers.timeline.find_dates`, which finds where matches start with one RE2 pass;
everything here runs once per match (never per sentence). The checks and rules are documented
in the docstring of :mod:`helpers.timeline`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import re2

from helpers.timeline import anchoring, checks, grammar, grammar_multi, grammar_news, kinds

_GROUPS = ("prep", "sig", "the", "part")
_WITH_THE = frozenset({"decade", "vague", "span", "quarter", "half", "season", "rel", "earlier",
                       "quarter_x", "the_unit", "duration", "ref", "weekend"})
_CUE_DIRECTED = frozenset({"weekday", "month_of_year", "month_day", "quarter_of_year", "half_of_year",
                           "season"})
_PERIODS = ("quarter_of_year", "half_of_year")
_YEAR_VALUE = re.compile(r"\d{4}")


def ordered_families() -> dict[str, str]:
    """Every family of the grammar in the order they are tried (news and other-language families
    go just before the core family named in their PLACES)."""
    extra = {}
    for module in (grammar_news, grammar_multi):
        for name, place in module.PLACES.items():
            extra.setdefault(place, []).append((name, module.FAMILIES[name]))
    out = {}
    for name, body in grammar.FAMILIES.items():
        out.update(extra.pop(name, []))
        out[name] = body
    return out


def full_pattern() -> str:
    """:data:`helpers.timeline.grammar.PREFIX` followed by every family, in order."""
    bodies = "|".join(f"(?P<f_{name}>{body})" for name, body in ordered_families().items())
    return grammar.PREFIX + "(?:" + bodies + ")"


@lru_cache(maxsize=1)
def compiled_patterns() -> tuple[re2._Regexp, re.Pattern]:
    """The grammar compiled twice: a capture-free RE2 scanner and a Python matcher with groups.

    RE2 finds where expressions start (a DFA pass, hundreds of MB/s); Python's ``re`` then reads
    the named groups of each match at that position, which only costs per match.
    """
    options = re2.Options()
    options.max_mem = 256 << 20
    pattern = full_pattern()
    scanner = re2.compile(re.sub(r"\(\?P<\w+>", "(?:", pattern), options)
    return scanner, re.compile(pattern)


def interpret(family: str, groups) -> grammar.Reading | None:
    """The Reading of one match, from whichever part of the grammar owns its family."""
    if family in grammar_news.FAMILIES:
        return grammar_news.read_news(family, groups)
    if family in grammar_multi.FAMILIES:
        return grammar_multi.read_multi(family, groups)
    return grammar.interpret_match(family, groups)


def read_all(found: list[int], where: list[int], text: tuple, doc_ids: list[str], sent_ids: list[str],
             anchors: dict) -> list[tuple]:
    """Read every RE2 match (byte offset ``found``, sentence index ``where``) into a row."""
    joined, starts, ascii_rows, texts = text
    _, matcher = compiled_patterns()
    rows = []
    quarter_of: dict[str, str] = {}  # doc_id -> the last quarter it named (a year-ago comparison)
    year_in: dict[int, str] = {}  # sentence index -> the last year it named ("five years earlier")
    for pos, i in zip(found, where):
        sentence = texts[i]
        offset = pos - starts[i]
        if not ascii_rows[i]:
            offset = len(joined[starts[i]:pos].decode("utf-8"))
        m = matcher.match(sentence, offset)
        context = (quarter_of.get(doc_ids[i], ""), year_in.get(i, ""))
        row = _read_match(m, sentence, anchors.get(doc_ids[i], ("", "")), context) if m else None
        if row is not None:
            rows.append((doc_ids[i], sent_ids[i], *row))
            if row[-3].partition("-")[2][:1] == "Q":  # timex_value of a quarter
                quarter_of[doc_ids[i]] = row[-3]
            elif _YEAR_VALUE.fullmatch(row[-3]):
                year_in[i] = row[-3]
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


def _read_match(m: re.Match, sentence: str, anchor: tuple[str, str], context: tuple[str, str]
                ) -> tuple | None:
    """Check one match, read its value and kind; None when it is not a temporal expression."""
    groups = _Groups(m)
    family = m.lastgroup[2:]
    words = {g: v.strip().lower() for g in _GROUPS if (v := m.group(g)) is not None}
    spans = {g: m.span(g) for g in words}
    body_start, end = m.start(m.lastgroup), m.end()
    for g in ("prep", "sig"):  # a Cyrillic prefix must start a word
        if g in words and spans[g][0] > 0 and sentence[spans[g][0] - 1].isalnum():
            del words[g], spans[g]
    end = checks.trim_suffix(sentence, groups, end)
    if not checks.is_bounded(sentence, family, body_start, end):
        return None
    if not checks.is_in_context(sentence, family, groups, words, (body_start, end)):
        return None
    reading = interpret(family, groups)
    if reading is None:
        return None
    first = [g for g in ("sig", "the", "part") if g in spans
             and (g != "the" or family in _WITH_THE or "part" in spans)]
    start = spans[first[0]][0] if first else body_start
    if checks.is_metadata(sentence, start):
        return None
    signal = words.get("sig", "")
    outside = signal in grammar.OUTSIDE_SIGNALS or signal.startswith(("d'", "d’", "dall"))
    timex_start = ([spans[g][0] for g in ("the", "part") if g in first] or [body_start])[0] \
        if outside else start
    if family == "duration" and reading.timex_value.startswith("P1") and groups["du_n"] in ("a", "an") \
            and checks.counts_before(sentence, timex_start):
        reading.timex_type = "SET"  # "100,000 specialists a year"
    if family == "duration" and "the" in first and groups["du_sep"] == "-":
        timex_start = body_start  # "the 10-year note": the article is not part of the duration
    described = _describe(reading, words, sentence, (start, end), anchor, context)
    return (sentence[start:end], start, end, *described[:7], sentence[timex_start:end], timex_start,
            end, described[7], m.group("sig").strip() if outside and signal else "", described[8])


def _describe(reading: grammar.Reading, words: dict, sentence: str, span: tuple[int, int],
              anchor: tuple[str, str], context: tuple[str, str]) -> tuple:
    """value, granularity, mod, kind, is_anchored, anchor, type, timex_value, rule of one reading."""
    part = words.get("part", "").replace("-", " ").split()
    sig = words.get("sig", "")
    mod = grammar.PARTS.get(part[0], "") if part else grammar.SIGNALS.get(sig, ("", ""))[0]
    mod = mod or reading.timex_mod
    role = grammar.SIGNALS.get(sig, ("", ""))[1]
    cue = kinds.LazyCue(sentence, *span)
    value, granularity, is_anchored, rule = reading.value, reading.granularity, False, "explicit"
    if reading.relative is not None:
        resolved, rule = _resolve(reading.relative, anchor, cue)
        if resolved is not None:
            (value, granularity), is_anchored = resolved, True
            value, granularity, rule = _compared(reading.relative, context, (value, granularity, rule))
        else:
            value = reading.unresolved
    elif reading.timex_type in ("DURATION", "SET") or reading.timex_value.endswith("_REF"):
        rule = reading.timex_type.lower() if not reading.timex_value.endswith("_REF") else "reference"
    kind = kinds.decide_kind(reading, role, value, anchor[0], cue)
    timex_type = reading.timex_type
    timex_value = reading.timex_value or value
    if reading.time_suffix and value and is_anchored:
        timex_value = value + reading.time_suffix
    elif reading.timex_type == "TIME" and not is_anchored:
        timex_type, timex_value = "TIME", ""
    return (value, granularity, mod, kind, is_anchored, anchor[0] if is_anchored else "", timex_type,
            timex_value, rule)


def _compared(rel: tuple, context: tuple[str, str], resolved: tuple[str, str, str]) -> tuple[str, str, str]:
    """"a year ago"/"a year earlier" after a quarter of the document is that quarter a year before
    (a results comparison); "five years earlier" after a year of the sentence counts from it."""
    quarter, year = context
    if rel[0] != "ago" or rel[2] != "year":
        return resolved
    if quarter and rel[1] == 1:
        head, _, q = quarter.partition("-")
        return f"{int(head) - 1}-{q}", "quarter", "a year before the quarter reported"
    if year and rel[3] == "earlier":
        return str(int(year) - rel[1]), "year", "counted from the year named"
    return resolved


_RULE_OF_CUE = {"past": "nearest past (past tense)", "future": "next (future cue)"}


def _resolve(rel: tuple, anchor: tuple[str, str], cue: kinds.LazyCue) -> tuple[tuple | None, str]:
    """Resolve a relative rule, and say which rule decided.

    A bare weekday, month, month-day or quarter takes the nearest cue's direction (past tense:
    the latest one before publication; a future cue: the next one), when the anchor allows; with
    no cue a month or month-day is the occurrence nearest to publication and a weekday or quarter
    the latest one begun on or before it.
    """
    if not anchor[0]:
        return None, "unresolved: no publication date"
    if rel[0] in _CUE_DIRECTED and not rel[-1]:
        way = cue.get_governing()
        if rel[0] == "weekday" and way != "future":
            resolved = anchoring.resolve_relative(rel, *anchor)
            return resolved, ("latest on or before publication" if resolved else
                              "unresolved: publication date too coarse")
        label = _RULE_OF_CUE.get(way, "publication year" if rel[0] == "season" else
                                 "latest begun by publication")
        if not way and rel[0] in ("month_of_year", "month_day"):
            way, label = "nearest", "nearest to publication (no tense cue)"
        elif way == "past" and rel[0] == "month_of_year":
            way = "latest"  # "sales in October were" in an October report: this October
        elif way == "past" and rel[0] in _PERIODS:
            label = "latest over by publication (past tense)"
        directed = anchoring.resolve_relative((*rel[:-1], way), *anchor)
        if directed is not None:
            return directed, label
    resolved = anchoring.resolve_relative(rel, *anchor)
    if resolved is None:
        return None, "unresolved: publication date too coarse"
    partial = rel[0] in ("month_of_year", "month_day", "quarter_of_year", "half_of_year")
    return resolved, "publication year" if partial else "publication date"
