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
   to the expression decides ("will be held" is one future cue). A future cue (will, would,
   plans to, expected, projected, forecast, aims, target, goal, intends, scheduled, set to,
   envisages; будет, планирует, ожидается, прогноз, цель) → target; a past cue (was, were, had,
   did, ago, earlier, previously and common event verbs in the past: adopted, announced,
   launched, signed, ordered, said, held...; был, назад) → past.
7. otherwise: ``present`` when the value covers the publication date or the words say "this",
   "today"; else ``past`` (an undated news sentence about a dated event usually reports it).
"""

from __future__ import annotations

import re

from helpers import timeline_anchor as anchoring
from helpers import timeline_grammar as grammar

FUTURE_CUES = (r"(?:will|shall|would)(?:\s+not)?(?:\s+(?:be|have\s+been)\s+\w+)?|'ll"
               r"|plans? to|planning to|planned for|expects?|expected|expecting"
               r"|expectations?|projected|projecting|projections?|forecasts?|forecasted|aims?|aimed|aiming"
               r"|targets?|targeted|targeting|goals?|intends?|intended|scheduled|going to|set to"
               r"|envisages?|envisaged|seeks? to|upcoming|deadline"
               r"|будет|будут|планирует\w*|планируется|ожидается|прогноз\w*|намерен\w*|цел[ьи]\w*")
PAST_CUES = (r"was|were|had|did|ago|earlier|previously|formerly|used to|adopted|approved|announced"
             r"|launched|signed|introduced|established|ordered|created|founded|passed|released|began"
             r"|started|ended|took place|happened|occurred|invaded|imposed|unveiled|said|told|spoke"
             r"|met|visited|held|made|took|gave|went|came|became|won|lost|rose|fell|grew|saw|set up"
             r"|был[аио]?|назад|ранее|принят\w*|подписа\w*|объявил\w*")
_CUES = re.compile(rf"(?i)\b(?:(?P<future>{FUTURE_CUES})|(?P<past>{PAST_CUES}))\b")
_CLAUSE_EDGES = re.compile(r"[,;:()\[\]—–]| - ")
class LazyCue:
    """The nearest cue of an expression, looked for only when a kind rule needs it."""

    def __init__(self, sentence: str, start: int, end: int):
        self.args, self.value = (sentence, start, end), None

    def get(self) -> str:
        if self.value is None:
            self.value = nearest_cue(*self.args)
        return self.value


def clause_around(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause left and right of an expression (see rule 6 of the docstring)."""
    edges = [0, *(e.start() for e in _CLAUSE_EDGES.finditer(sentence)), len(sentence)]
    left_i = max(i for i, e in enumerate(edges) if e <= start)
    right_i = min(i for i, e in enumerate(edges) if e >= end)
    left, right = sentence[edges[left_i]:start], sentence[end:edges[right_i]]
    if len(re.findall(r"\w+", left + " " + right)) < 2:
        left = sentence[edges[max(left_i - 1, 0)]:start]
        right = sentence[end:edges[min(right_i + 1, len(edges) - 1)]]
    return left, right


def nearest_cue(sentence: str, start: int, end: int) -> str:
    """'future', 'past' or '': the cue word in the clause nearest to the expression."""
    left, right = clause_around(sentence, start, end)
    best, best_distance = "", len(sentence) + 1
    for m in _CUES.finditer(left):
        distance = len(left) - m.end()
        if distance < best_distance:
            best, best_distance = m.lastgroup, distance
    for m in _CUES.finditer(right):
        if m.start() < best_distance:
            best, best_distance = m.lastgroup, m.start()
        break
    return best


def decide_kind(reading: grammar.Reading, role: str, value: str, published: str, cue) -> str:
    """past / present / target / vague, by the rules in the module docstring (in that order).

    ``cue`` is the nearest cue ('future', 'past', '') or an object whose get() returns it.
    """
    cue_of = cue.get if hasattr(cue, "get") else (lambda: cue)
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
