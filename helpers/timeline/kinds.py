"""How a dated statement is classed: past, present, target (deadlines, projections) or vague.

The rules are transparent on purpose: a researcher can read why each row got its kind.
The first rule that applies decides:

1. ``vague``: no definite time ("the coming years", "in recent years", "the next few years").
2. the expression's own direction: ago, last, yesterday, earlier this, the past N years → past;
   next, tomorrow, later this, the next N years → target.
3. "since" (and с, начиная с) → past.
4. a deadline signal (by, until, till, no later than; к, до) → target, unless the date ends before
   the publication date, or the nearest cue word (rule 6) is a past cue → past.
5. publication date known and the value resolved: the value ends before publication → past;
   it starts after publication → target.
6. cue words in the clause around the expression (between commas, semicolons, colons, dashes,
   brackets; a clause with fewer than two other words takes in its neighbours): the cue nearest
   to the expression, counted in words, decides (a tie goes to the word before it; a participle
   after "be" is no past cue: "will be held"). A future cue (will, would, plans to, expected,
   projected, forecast, aims, target, goal, intends, scheduled, set to, envisages; будет,
   планирует, ожидается, прогноз, цель) → target; a past cue (was, were, had, did, ago, earlier,
   previously and common event verbs in the past: adopted, announced, launched, signed,
   ordered, said, held...; был, назад) → past.
7. otherwise: ``present`` when the value covers the publication date or the words say "this",
   "today"; else ``past`` (an undated news sentence about a dated event usually reports it).
"""

from __future__ import annotations

import re

from helpers.timeline import anchoring, grammar

# Cue words, compared lower-cased token by token (no regular expression per clause).
FUTURE_WORDS = frozenset("""
will shall would expect expects expected expecting expectation expectations projected projecting
projection projections forecast forecasts forecasted aim aims aimed aiming target targets
targeted targeting goal goals intend intends intended scheduled envisage envisages envisaged
upcoming deadline due should будет будут планируется ожидается
""".split())
FUTURE_PAIRS = frozenset({("takes", "effect"), ("take", "effect"), ("comes", "into"),
                          ("enters", "into"), ("come", "into"), ("enter", "into"), ("plans", "to"),
                          ("plan", "to"), ("planning", "to"), ("planned", "for"), ("going", "to"),
                          ("set", "to"), ("seeks", "to"), ("seek", "to")})
FUTURE_PREFIXES = ("планир", "прогноз", "намерен", "цель", "цели")
PAST_WORDS = frozenset("""
was were had did ago earlier previously formerly adopted approved announced launched signed
introduced established ordered created founded passed released began started ended happened
occurred invaded imposed unveiled said told spoke met visited held made took gave went came became
won lost rose fell grew saw был была было были назад ранее
""".split())
NOT_PAST = frozenset("""based related owned backed listed needed called named limited united advanced
used indeed need feed speed seed breed proceed exceed succeed hundred""".split())
PAST_PAIRS = frozenset({("used", "to"), ("took", "place"), ("set", "up")})
PAST_PREFIXES = ("принят", "подписа", "объявил")
_ASCII_CUE_WORDS = FUTURE_WORDS | PAST_WORDS | {w for w, _ in FUTURE_PAIRS | PAST_PAIRS}
PASSIVE = frozenset({"be", "been", "being"})  # "will be held", "to be signed": not past cues
_DELIMITER_CHARS = (",", ";", ":", "(", ")", "[", "]", "—", "–", " - ")
_WORD = re.compile(r"\w+")
class LazyCue:
    """The nearest cue of an expression, looked for only when a kind rule needs it."""

    def __init__(self, sentence: str, start: int, end: int):
        self.args, self.value, self.left = (sentence, start, end), None, None

    def get(self) -> str:
        if self.value is None:
            self.value = nearest_cue(*self.args)
        return self.value

    def get_governing(self) -> str:
        """The cue before the expression if its clause has one ("announced on Tuesday and will
        ..."), else the nearest after it: the verb that governs a bare weekday or month."""
        if self.left is None:
            self.left = nearest_cue(*self.args, left_first=True)
        return self.left


def _edge_before(sentence: str, pos: int) -> int:
    """Where the clause that contains ``pos`` starts (just after the delimiter before it)."""
    return max([sentence.rfind(ch, 0, pos) for ch in _DELIMITER_CHARS]) + 1


def _edge_after(sentence: str, pos: int) -> int:
    """Where the clause that contains ``pos`` ends (at the delimiter after it)."""
    found = [i for i in [sentence.find(ch, pos) for ch in _DELIMITER_CHARS] if i >= 0]
    return min(found) if found else len(sentence)


def clause_around(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause left and right of an expression (see rule 6 of the docstring)."""
    a, b = _edge_before(sentence, start), _edge_after(sentence, end)
    left, right = sentence[a:start], sentence[end:b]
    if len(_WORD.findall(left)) + len(_WORD.findall(right)) < 2:
        left = sentence[_edge_before(sentence, a - 1) if a else 0:start]
        right = sentence[end:_edge_after(sentence, b + 1) if b < len(sentence) else b]
    return left, right


def cue_at(words: list[str], i: int) -> str:
    """'future', 'past' or '' for the (lower-case) word i of a clause, given its neighbours."""
    word = words[i]
    if word.isascii() and word not in _ASCII_CUE_WORDS:
        # a regular past form ("reported", "signaled") is a past cue, unless passive or adjectival
        if len(word) > 4 and word.endswith("ed") and word not in NOT_PAST \
                and not (i and words[i - 1] in PASSIVE | {"is", "are", "will"}):
            return "past"
        return ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if (word, after) in FUTURE_PAIRS:
        return "future"
    if (word, after) in PAST_PAIRS:
        return "past"
    if word in FUTURE_WORDS or (not word.isascii() and word.startswith(FUTURE_PREFIXES)):
        return "future"
    if word in PAST_WORDS or (not word.isascii() and word.startswith(PAST_PREFIXES)):
        return "" if i and words[i - 1] in PASSIVE else "past"
    return ""


def nearest_cue(sentence: str, start: int, end: int, left_first: bool = False) -> str:
    """'future', 'past' or '': the cue word in the clause nearest to the expression (in words;
    a tie goes to the word before it; with ``left_first`` any cue before it wins)."""
    left, right = clause_around(sentence, start, end)
    before, after = _WORD.findall(left.lower()), _WORD.findall(right.lower())
    found, distance = "", len(before) + len(after) + 1
    for i in range(len(before) - 1, -1, -1):
        if cue := cue_at(before, i):
            found, distance = cue, len(before) - 1 - i
            break
    if found and left_first:
        return found
    for i in range(min(len(after), distance)):
        if cue := cue_at(after, i):
            return cue
    return found


def decide_kind(reading: grammar.Reading, role: str, value: str, published: str, cue) -> str:
    """past / present / target / vague, by the rules in the module docstring (in that order).

    ``cue`` is the nearest cue ('future', 'past', '') or an object whose get() returns it.
    """
    cue_of = cue.get if hasattr(cue, "get") else (lambda: cue)
    if reading.family == "ref":  # now, recently, the future
        return {"PRESENT_REF": "present", "PAST_REF": "past"}.get(reading.timex_value, "target")
    if reading.is_vague:
        return "vague"
    if reading.direction in ("past", "future"):
        return "past" if reading.direction == "past" else "target"
    if role == "since":
        return "past"
    span = anchoring.value_span(value)
    pub = anchoring.value_span(published) if published else None
    if role == "deadline":
        return "past" if (span and pub and span[1] < pub[0]) or cue_of() == "past" else "target"
    if span and pub and span[1] < pub[0]:
        return "past"
    if span and pub and span[0] > pub[1]:
        return "target"
    if cue_of():
        return "target" if cue_of() == "future" else "past"
    covers = bool(span and pub and span[0] <= pub[1] and pub[0] <= span[1])
    return "present" if covers or reading.direction == "present" else "past"
