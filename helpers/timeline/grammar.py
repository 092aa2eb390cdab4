"""The grammar of temporal expressions (English and Russian core): RE2 families and their meaning.

The full pattern is :data:`PREFIX` followed by every family of :data:`FAMILIES` and of the news
(:mod:`helpers.timeline.grammar_news`) and other-language (:mod:`helpers.timeline.grammar_multi`)
modules, in the order :func:`helpers.timeline.reading.full_pattern` sets; it runs once over all
sentences, and :func:`interpret_match` turns each match into a :class:`Reading`: an absolute value
or a relative rule to resolve against the publication date
(:func:`helpers.timeline.anchoring.resolve_relative`), with its granularity, modifier and TimeML
type and value. The pattern is written for RE2 (no look-arounds): the checks RE2 cannot express
are made in Python on each match (:mod:`helpers.timeline.checks`).

A match is ``[prep] [signal] [the] [part] body``:

* prep (in, on, during, from, for, into, through, as of; im, en, em, a, nel; в, на, у, في, 于)
  puts a bare year in year context; it is never part of the expression.
* signal (by, until, till, no later than, before, after, since, within, around, circa; bis, seit,
  d'ici, depuis, para, desde, hasta, entro, dal, até; к, до, с, после, з, після; بحلول, منذ; 到)
  sets the modifier (by/until/before → BEFORE, since/after → AFTER, around → APPROX). The column
  ``text`` includes it ("by 2030"); TimeML's ``timex_text`` leaves out all but the approximations
  (``signal`` = "by", ``timex_text`` = "2030"; "around 2030" stays whole).
* part (early, mid, late, the beginning/start/middle/end of; в начале/середине/конце) sets
  START/MID/END and wins over a signal ("by the end of 2025" → 2025 END). Part of the text.
* body: one family, tried in order at each position: ``cjk`` (2025年9月29日), ``cjk_md``
  (9月29日), ``iso``, ``dot`` (24.11.2023, day first), ``slash`` (11/24/2023), ``mdy``, ``dmy``,
  ``ru_dmy``, ``ru_my``, ``quarter`` (Q1 2025, the second quarter of 2024), ``half``, ``season``,
  ``decade`` (1990s, 1990-е), ``range`` (1993-2022, 2019 to 2022), ``between``, ``md``/``dm``/
  ``my`` (September 28, 5 March, December 2020; a month alone after a cue), ``ago`` (two years
  ago, a year earlier, два года назад), ``span`` (the next five years), ``vague`` (the coming
  years, recent years), ``earlier`` (earlier this year), ``rel`` (last year, next Friday),
  ``ru_rel``, ``day`` (yesterday), ``weekday``, ``year`` (1800-2099, only in year context).

Values (ISO 8601 truncated to the granularity, TimeML conventions where ISO has none): day
``2022-02-24``; month ``2025-09``; week ``2025-W40``; quarter ``2025-Q1``; half ``2025-H1``;
season ``2025-SP``; year ``2030``; decade ``199``; a range ``1993/2022`` (two TIMEX3 in TimeML).
An unanchored partial date keeps ``XXXX`` for the year (``XXXX-09-28``); an unanchored relative
one, and a vague one, has the value ``''`` (its ``timex_value`` says PAST_REF/FUTURE_REF).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from helpers.corpus import dates

SP = "[ \t\u00a0\u2009\u202f]+"   # spaces inside an expression (never the newline between sentences)
OSP = "[ \t\u00a0\u2009\u202f]*"
YEAR = r"(?:1[89]\d\d|20\d\d)"     # 1800-2099: anything else written as four digits is a number

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "several": None, "a few": None, "few": None,
    "many": None, "a couple of": None,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Russian month names in the locative ("в ноябре"), besides helpers.corpus.dates.MONTHS_RU.
MONTHS_RU_LOCATIVE = {
    "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7,
    "августе": 8, "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
}
MONTHS_RU_ALL = {**dates.MONTHS_RU, **MONTHS_RU_LOCATIVE}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                 "4th": 4, "final": 4}

SIGNALS = {  # signal word -> (modifier, role in the kind rules)
    "by": ("BEFORE", "deadline"), "until": ("BEFORE", "deadline"), "till": ("BEFORE", "deadline"),
    "no later than": ("BEFORE", "deadline"), "not later than": ("BEFORE", "deadline"),
    "к": ("BEFORE", "deadline"), "до": ("BEFORE", "deadline"),
    "before": ("BEFORE", ""), "after": ("AFTER", ""), "после": ("AFTER", ""),
    "since": ("AFTER", "since"), "с": ("AFTER", "since"), "со": ("AFTER", "since"),
    "начиная с": ("AFTER", "since"),
    "around": ("APPROX", ""), "circa": ("APPROX", ""), "approximately": ("APPROX", ""),
    "около": ("APPROX", ""), "within": ("", ""),
    "bis": ("BEFORE", "deadline"), "d'ici": ("BEFORE", "deadline"), "d’ici": ("BEFORE", "deadline"),
    "para": ("BEFORE", "deadline"), "entro": ("BEFORE", "deadline"), "até": ("BEFORE", "deadline"),
    "hasta": ("BEFORE", "deadline"), "到": ("BEFORE", "deadline"), "بحلول": ("BEFORE", "deadline"),
    "seit": ("AFTER", "since"), "depuis": ("AFTER", "since"), "desde": ("AFTER", "since"),
    "dal": ("AFTER", "since"), "dall'": ("AFTER", "since"), "з": ("AFTER", "since"),
    "منذ": ("AFTER", "since"), "після": ("AFTER", ""),
}
# Signals that TimeML leaves outside the TIMEX3 (approximations such as "around" stay inside).
OUTSIDE_SIGNALS = frozenset(w for w, (mod, _) in SIGNALS.items() if mod in ("BEFORE", "AFTER", "")
                            )
PARTS = {
    "early": "START", "beginning": "START", "start": "START", "начале": "START", "начала": "START",
    "mid": "MID", "middle": "MID", "середине": "MID", "середины": "MID",
    "late": "END", "end": "END", "close": "END", "конце": "END", "концу": "END", "конца": "END",
}
# A four-digit number followed by one of these counts things: it is not a year ("2000 jobs").
COUNT_NOUNS = frozenset("""
people persons pages words units companies firms jobs employees workers users customers gpus
chips servers processors tons tonnes dollars euros rubles roubles yuan km kilometres kilometers
miles metres meters hours minutes seconds times cases votes participants students specialists
engineers researchers scientists projects models papers patents startups programmers developers
experts members troops soldiers sanctions percent mw gw kw mwh gwh tb pb flops
""".split())
# Past forms after which "by <number>" is an amount ("grew by 2000"); the base forms are left out
# on purpose: "will grow by 2030", "to cut emissions by 2030" name a deadline.
CHANGE_VERBS = frozenset("""
grew grown increased rose risen fell fallen dropped declined reduced jumped climbed expanded shrank
shrunk up down
""".split())


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _capitalised(words) -> str:
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return _alternatives(forms)


_FULL_MONTHS = [m for m in dates.MONTHS_EN if len(m) > 4 or m in ("may", "june", "july")]
_ABBREVIATED = [m for m in dates.MONTHS_EN if m not in _FULL_MONTHS]
MON = rf"(?:(?:{_capitalised(_FULL_MONTHS)})\b|(?:{_capitalised(_ABBREVIATED)})\b\.?)"
WEEKDAY = rf"(?:{_capitalised(WEEKDAYS)})\b"
RU_MON = rf"(?i:{_alternatives(MONTHS_RU_ALL)})"
NUM = rf"(?:\d{{1,3}}|(?i:{_alternatives(NUMBER_WORDS)}))"
RU_YEAR_SUFFIX = r"(?:году|года|годах|годы|годов|год|гг\.|г\.|г|році|року|рік|р\.)"

PREFIX = (
    rf"(?P<prep>\b(?i:in|on|during|from|throughout|as of|starting in|beginning in|for|into|through"
    rf"|im|am|en|em|no|na|nel|a|ad){SP}|(?i:в|во|на|у|في){SP}|于)?"
    rf"(?P<sig>\b(?i:no later than|not later than|by|until|till|before|after|since|around|circa"
    rf"|approximately|within|bis|seit|d['’]ici|depuis|para|desde|hasta|entro|dal|até){SP}"
    rf"|\b(?i:dall['’])|(?i:начиная с|к|до|со|с|після|после|около|з|بحلول|منذ){SP}|到)?"
    rf"(?P<the>\b(?i:the|il|el){SP})?"
    rf"(?P<part>\b(?i:early|mid|late)(?:{OSP}-{OSP}|{SP})"
    rf"|\b(?i:beginning|start|middle|end|close){SP}(?i:of){SP}(?:(?i:the){SP})?"
    rf"|(?i:начале|середине|конце|концу|начала|середины|конца){SP})?"
)

# Each family is one alternative of the body, tried in this order at a given position.
FAMILIES = {
    "cjk": rf"(?P<cjk_y>{YEAR}){OSP}年(?:{OSP}(?P<cjk_m>\d{{1,2}}){OSP}月"
           rf"(?:{OSP}(?P<cjk_d>\d{{1,2}}){OSP}日)?)?",
    "cjk_md": rf"(?P<cjkmd_m>\d{{1,2}}){OSP}月{OSP}(?P<cjkmd_d>\d{{1,2}}){OSP}日",
    "iso": rf"(?P<iso_y>{YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b",
    "dot": rf"\b(?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>{YEAR})\b",
    "slash": rf"\b(?P<sl_a>[0-3]?\d)/(?P<sl_b>[0-3]?\d)/(?P<sl_y>{YEAR})\b",
    "mdy": rf"(?P<mdy_m>{MON}){SP}(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?(?:,{OSP}|{SP})"
           rf"(?P<mdy_y>{YEAR})\b",
    "dmy": rf"\b(?P<dmy_d>[0-3]?\d)(?:st|nd|rd|th)?{SP}(?:of{SP})?(?P<dmy_m>{MON}),?{SP}"
           rf"(?P<dmy_y>{YEAR})\b",
    "ru_dmy": rf"\b(?P<rud_d>[0-3]?\d){SP}(?P<rud_m>{RU_MON})(?:{SP}(?P<rud_y>{YEAR})\b"
              rf"(?:{OSP}(?P<rud_suf>{RU_YEAR_SUFFIX}))?)?",
    "ru_my": rf"(?P<rumy_m>{RU_MON})(?:{SP}(?P<rumy_y>{YEAR})\b(?:{OSP}(?P<rumy_suf>{RU_YEAR_SUFFIX}))?)?",
    "quarter": rf"(?:\bQ(?P<q_a>[1-4]){OSP}-?{OSP}(?P<q_ay>{YEAR})"
               rf"|(?P<q_by>{YEAR}){OSP}-?{OSP}Q(?P<q_b>[1-4])"
               rf"|\b(?P<q_ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)){SP}"
               rf"(?i:quarter)(?:{SP}(?:(?i:of){SP})?(?P<q_cy>{YEAR}))?)\b",
    "half": rf"(?:\bH(?P<h_a>[12]){OSP}-?{OSP}(?P<h_ay>{YEAR})|(?P<h_by>{YEAR}){OSP}-?{OSP}H(?P<h_b>[12])"
            rf"|\b(?P<h_ord>(?i:first|second|1st|2nd)){SP}(?i:half)(?:{SP}(?:(?i:of){SP})?(?P<h_cy>{YEAR}))?)\b",
    "season": rf"\b(?P<sea>(?i:spring|summer|autumn|fall|winter)){SP}(?:(?i:of){SP})?(?P<sea_y>{YEAR})\b",
    "decade": rf"\b(?P<dec>1[89]\d|20\d)0(?:['’]?s\b|-(?:е|х)(?:{SP}(?:годы|годах|годов))?)",
    "range": rf"\b(?P<r1>{YEAR})(?:{OSP}[-–—/]{OSP}|{SP}(?i:to|until|till|through){SP})"
             rf"(?P<r2>{YEAR}|\d\d)\b(?:{OSP}(?:гг\.|годах|годы|годов))?",
    "between": rf"\b(?i:between){SP}(?P<b1>{YEAR}){SP}(?i:and){SP}(?P<b2>{YEAR})\b",
    "md": rf"(?P<md_m>{MON}){SP}(?P<md_d>[0-3]?\d)(?:st|nd|rd|th)?\b",
    "dm": rf"\b(?P<dm_d>[0-3]?\d)(?:st|nd|rd|th)?{SP}(?:of{SP})?(?P<dm_m>{MON})",
    "my": rf"(?P<my_m>{MON})(?:,?{SP}(?:of{SP})?(?P<my_y>{YEAR})\b)?",
    "ago": rf"\b(?P<ago_n>{NUM}){SP}(?P<ago_u>(?i:years?|months?|weeks?|days?|decades?)){SP}"
           rf"(?P<ago_w>(?i:ago|earlier))\b|(?P<ago_ru>(?P<ago_rn>\d{{1,3}}|(?i:два|две|три|пять|десять))"
           rf"{SP}(?P<ago_ru_u>(?i:года|год|лет|месяца|месяцев)){SP}(?i:назад))",
    "span": rf"\b(?P<sp_dir>(?i:next|past|last|coming|previous)){SP}(?P<sp_n>{NUM}){SP}"
            rf"(?P<sp_u>(?i:years|months|decades|weeks|days))\b",
    "vague": rf"(?:\b(?P<vg_dir>(?i:coming|upcoming|recent)){SP}(?P<vg_u>(?i:years|months|decades|weeks))\b"
             rf"|\b(?i:years{SP}to{SP}come|near{SP}future)\b"
             rf"|(?i:ближайшие{SP}годы|ближайшие{SP}месяцы|последние{SP}годы|ближайшее{SP}время))",
    "earlier": rf"\b(?P<el>(?i:earlier|later)){SP}(?P<el_dir>(?i:this|last|next)){SP}"
               rf"(?P<el_u>(?i:year|month|week))\b",
    "rel": rf"\b(?P<rel_dir>(?i:last|next|this|coming)){SP}(?P<rel_u>(?i:year|month|week|quarter|decade"
           rf"|spring|summer|autumn|fall|winter)\b|{MON}|{WEEKDAY})",
    "ru_rel": rf"(?P<rurel_dir>(?i:прошлом|этом|следующем|будущем|текущем|прошлого|этого|следующего)){SP}"
              rf"(?P<rurel_u>(?i:году|года|месяце|месяца))",
    "day": r"\b(?P<dayw>(?i:yesterday|today|tomorrow))\b|(?P<dayru>(?i:вчера|сегодня|завтра))",
    "weekday": rf"(?P<wd>{WEEKDAY})",
    "year": rf"\b(?P<yr>{YEAR})\b(?:{OSP}(?P<yr_suf>{RU_YEAR_SUFFIX}))?",
}

PATTERN = PREFIX + "(?:" + "|".join(f"(?P<f_{name}>{body})" for name, body in FAMILIES.items()) + ")"


@dataclass
class Reading:
    """What one match means, before anchoring and before its kind is decided.

    value: absolute ISO value, or '' when it needs the publication date (see ``relative``).
    unresolved: the form kept when no anchor can resolve it (``XXXX-09-28``; '' for relatives).
    relative: a rule for resolve_relative, e.g. ("year", -1) for "last year"; None when absolute.
    direction: past / future / present when the words themselves say so ("ago", "next"), else ''.
    """

    family: str
    value: str = ""
    granularity: str = "year"
    unresolved: str = ""
    relative: tuple | None = None
    direction: str = ""
    is_vague: bool = False
    timex_type: str = "DATE"   # TimeML type: DATE, TIME, DURATION, SET
    timex_value: str = ""      # TimeML value where it differs from value (P3M, PRESENT_REF, ...)
    timex_mod: str = ""        # a modifier the words themselves give ("about" -> APPROX)
    time_suffix: str = ""      # appended to the resolved day for TIME ("T20:00", "TNI") or "-WE"


def month_number(token: str) -> int:
    """The month of an English or Russian month name (any case; trailing dot ignored)."""
    key = token.lower().rstrip(".")
    return dates.MONTHS_EN.get(key) or MONTHS_RU_ALL[key]


def number_value(token: str) -> int | None:
    """The number written as digits or a word ("five"); None for "several", "a few"."""
    key = " ".join(token.lower().split())
    return int(key) if key.isdigit() else NUMBER_WORDS.get(key)


def _day_value(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _partial(m: int, d: int | None = None) -> Reading | None:
    """A month(-day) without a year: resolved with the anchor's year."""
    if not 1 <= m <= 12 or (d is not None and not 1 <= d <= calendar.monthrange(2024, m)[1]):
        return None
    if d is None:
        return Reading("partial", granularity="month", unresolved=f"XXXX-{m:02d}",
                       relative=("month_of_year", m, ""))
    return Reading("partial", granularity="day", unresolved=f"XXXX-{m:02d}-{d:02d}",
                   relative=("month_day", m, d, ""))


def _full(y: str, m: int, d: int | None) -> Reading | None:
    if d is None:
        return Reading("date", value=f"{int(y):04d}-{m:02d}", granularity="month") if 1 <= m <= 12 else None
    value = _day_value(int(y), m, d)
    return Reading("date", value=value, granularity="day") if value else None


def _read_dates(fam: str, g: dict) -> Reading | None:
    """Calendar dates written with numbers or month names (absolute or month-day partial)."""
    if fam == "cjk":
        if g["cjk_m"] is None:
            return Reading("date", value=g["cjk_y"], granularity="year")
        return _full(g["cjk_y"], int(g["cjk_m"]), int(g["cjk_d"]) if g["cjk_d"] else None)
    if fam == "cjk_md":
        return _partial(int(g["cjkmd_m"]), int(g["cjkmd_d"]))
    if fam == "iso":
        return _full(g["iso_y"], int(g["iso_m"]), int(g["iso_d"]))
    if fam == "dot":
        return _full(g["dot_y"], int(g["dot_m"]), int(g["dot_d"]))
    if fam == "slash":  # month/day/year unless the first number cannot be a month
        a, b = int(g["sl_a"]), int(g["sl_b"])
        return _full(g["sl_y"], b, a) if a > 12 else _full(g["sl_y"], a, b)
    if fam == "mdy":
        return _full(g["mdy_y"], month_number(g["mdy_m"]), int(g["mdy_d"]))
    if fam == "dmy":
        return _full(g["dmy_y"], month_number(g["dmy_m"]), int(g["dmy_d"]))
    if fam == "ru_dmy":
        m, d = month_number(g["rud_m"]), int(g["rud_d"])
        return _full(g["rud_y"], m, d) if g["rud_y"] else _partial(m, d)
    if fam in ("ru_my", "my"):
        name, year = (g["rumy_m"], g["rumy_y"]) if fam == "ru_my" else (g["my_m"], g["my_y"])
        return _full(year, month_number(name), None) if year else _partial(month_number(name))
    if fam == "md":
        return _partial(month_number(g["md_m"]), int(g["md_d"]))
    if fam == "dm":
        return _partial(month_number(g["dm_m"]), int(g["dm_d"]))
    return None


def _read_periods(fam: str, g: dict) -> Reading | None:
    """Years, ranges, decades, quarters and seasons."""
    if fam == "year":
        return Reading("year", value=g["yr"], granularity="year")
    if fam in ("range", "between"):
        a, b = (g["r1"], g["r2"]) if fam == "range" else (g["b1"], g["b2"])
        if len(b) == 2:
            b = a[:2] + b
        return Reading("range", value=f"{a}/{b}", granularity="year") if int(b) > int(a) else None
    if fam == "decade":
        return Reading("decade", value=g["dec"], granularity="decade")
    if fam == "half":
        h = g["h_a"] or g["h_b"] or ("1" if g["h_ord"].lower() in ("first", "1st") else "2")
        year = g["h_ay"] or g["h_by"] or g["h_cy"]
        if year:
            return Reading("half", value=f"{year}-H{h}", granularity="half")
        return Reading("partial", granularity="half", unresolved=f"XXXX-H{h}",
                       relative=("half_of_year", int(h), ""))
    if fam == "season":
        return Reading("season", value=f"{g['sea_y']}-{SEASONS[g['sea'].lower()]}", granularity="season")
    if fam == "quarter":
        if g["q_a"] or g["q_b"]:
            return Reading("quarter", value=f"{g['q_ay'] or g['q_by']}-Q{g['q_a'] or g['q_b']}",
                           granularity="quarter")
        word = g["q_ord"].lower()
        if word == "last" and not g["q_cy"]:  # "last quarter": the quarter before publication
            return Reading("relative", granularity="quarter", relative=("quarter", -1), direction="past")
        q = QUARTER_WORDS.get(word, 4)
        if g["q_cy"]:
            return Reading("quarter", value=f"{g['q_cy']}-Q{q}", granularity="quarter")
        return Reading("partial", granularity="quarter", unresolved=f"XXXX-Q{q}",
                       relative=("quarter_of_year", q, ""))
    return None


DIRECTIONS = {"last": "past", "previous": "past", "past": "past", "next": "future",
              "coming": "future", "this": "present", "earlier": "past", "later": "future",
              "yesterday": "past", "today": "present", "tomorrow": "future", "вчера": "past",
              "сегодня": "present", "завтра": "future", "прошлом": "past", "прошлого": "past",
              "этом": "present", "этого": "present", "текущем": "present", "следующем": "future",
              "следующего": "future", "будущем": "future"}
OFFSETS = {"past": -1, "future": 1, "present": 0}


def _unit(word: str) -> str:
    w = word.lower().rstrip("s")
    return {"году": "year", "года": "year", "месяце": "month", "месяца": "month"}.get(w, w)


def _read_relative(fam: str, g: dict) -> Reading | None:
    """Expressions that need the publication date: last year, on Wednesday, two years ago, ..."""
    if fam == "ago":
        if g["ago_ru"]:
            rn = g["ago_rn"].lower()
            n = int(rn) if rn.isdigit() else {"два": 2, "две": 2, "три": 3, "пять": 5, "десять": 10}[rn]
            unit = "month" if g["ago_ru_u"].lower().startswith("мес") else "year"
            return Reading("relative", granularity=unit, relative=("ago", n, unit), direction="past")
        n, unit = number_value(g["ago_n"]), _unit(g["ago_u"])
        rel = ("ago", n, unit, g["ago_w"].lower()) if n is not None else None
        return Reading("relative", granularity=unit, relative=rel, direction="past")
    if fam == "span":
        n, unit, way = number_value(g["sp_n"]), _unit(g["sp_u"]), DIRECTIONS[g["sp_dir"].lower()]
        size = 10 if unit == "decade" else 1
        code = "Y" if unit in ("year", "decade") else unit[0].upper()
        duration = f"P{'X' if n is None else n * size}{code}"
        if n is None:  # "the next few years"
            return Reading("vague", granularity=unit, direction=way, is_vague=True,
                           timex_type="DURATION", timex_value=duration)
        return Reading("relative", granularity=unit, relative=("span", n, unit, way), direction=way,
                       timex_type="DURATION", timex_value=duration)
    if fam == "vague":
        unit = _unit(g["vg_u"]) if g["vg_u"] else "year"
        past = (g["vg_dir"] or "").lower() == "recent" or "последние" in g[f"f_{fam}"].lower()
        return Reading("vague", granularity=unit, is_vague=True,
                       timex_value="PAST_REF" if past else "FUTURE_REF")
    if fam == "earlier":
        unit, way = _unit(g["el_u"]), DIRECTIONS[g["el_dir"].lower()]
        return Reading("relative", granularity=unit, relative=(unit, OFFSETS[way]),
                       direction=DIRECTIONS[g["el"].lower()])
    if fam in ("rel", "ru_rel"):
        word, unit_word = (g["rel_dir"], g["rel_u"]) if fam == "rel" else (g["rurel_dir"], g["rurel_u"])
        way = DIRECTIONS[word.lower()]
        return _read_rel_unit(unit_word, way)
    if fam == "day":
        word = (g["dayw"] or g["dayru"]).lower()
        way = DIRECTIONS[word]
        return Reading("relative", granularity="day", relative=("day", OFFSETS[way]), direction=way)
    if fam == "weekday":
        weekday = WEEKDAYS.index(g["wd"].lower())
        return Reading("relative", granularity="day", relative=("weekday", weekday, ""))
    return None


def _read_rel_unit(unit_word: str, way: str) -> Reading:
    """"last year", "next month", "this summer", "last March", "next Wednesday"."""
    low = unit_word.lower()
    if low in WEEKDAYS:
        return Reading("relative", granularity="day", relative=("weekday", WEEKDAYS.index(low), way),
                       direction=way)
    if low.rstrip(".") in dates.MONTHS_EN:
        return Reading("relative", granularity="month",
                       relative=("month_of_year", month_number(low), way), direction=way)
    if low in SEASONS:
        return Reading("relative", granularity="season", relative=("season", SEASONS[low], way),
                       direction=way)
    unit = _unit(low)
    return Reading("relative", granularity=unit, relative=(unit, OFFSETS[way]), direction=way)


def interpret_match(family: str, groups: dict) -> Reading | None:
    """Turn one match of :data:`PATTERN` (its family and named groups) into a Reading.

    Returns None when the text only looks like a date (31 February, a range that runs backwards).
    """
    for reader in (_read_dates, _read_periods, _read_relative):
        reading = reader(family, groups)
        if reading is not None:
            return reading
    return None
