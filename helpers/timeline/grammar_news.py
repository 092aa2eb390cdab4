"""The newswire families of the grammar: what TimeML marks in reports besides calendar dates.

Each family is one more alternative of :data:`helpers.timeline.grammar.PATTERN` (its place in the
order is set in :data:`PLACES`), read by :func:`read_news` into a
:class:`~helpers.timeline.grammar.Reading` with its TimeML type and value:

* ``ref``: now, currently, recently, nowadays, at present, these days, the future, the past
  (and сейчас, недавно, ныне, в будущем) → ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``.
* ``quarter_x``: quarters without a year, as reports write them: third-quarter (profit),
  fiscal first quarter, the quarter, the latest quarter, the year-ago quarter, the year-earlier
  period; the second half/quarter of next year.
* ``fiscal``: fiscal 2025, fiscal year 2025, FY2025 → the year.
* ``tod``: a day with a part of it (Wednesday night, yesterday morning, this morning, tonight)
  → TIME ``2025-11-19TNI``.
* ``clock``: 9 a.m., 8:30 p.m. → TIME ``2025-11-20T09:00`` (the publication day).
* ``weekend``: this/last/next weekend → ``2025-W47-WE``.
* ``the_unit``: the year, the month, the week (the current one) and, after a part word only,
  "the end of the year".
* ``duration``: (about|nearly|more than ...) five years, 18 months, 24 hours, a decade, the
  first nine months, the past year, 10-year (note), within weeks → DURATION ``P5Y``, ``PT24H``,
  ``PXW``; "a year" after a counted amount ("100,000 a year") is a SET.
* ``set``: every year, each month, every four years, annually, monthly, weekly, daily,
  quarterly, per year, каждый год → SET ``P1Y``, ``P4Y``, ``P1M``.
* ``spelled``: nineteen ninety-six, two thousand and five → the year.
"""

from __future__ import annotations

from helpers.timeline.grammar import NUM, OSP, SP, WEEKDAY, WEEKDAYS, YEAR, Reading, number_value

UNIT_CODES = {"year": "Y", "decade": "Y", "century": "Y", "month": "M", "week": "W", "day": "D",
              "hour": "H", "minute": "M", "год": "Y", "года": "Y", "лет": "Y", "месяц": "M",
              "месяца": "M", "месяцев": "M", "неделю": "W", "недели": "W", "недель": "W",
              "день": "D", "дня": "D", "дней": "D"}
UNIT_SIZE = {"decade": 10, "century": 100}
ADVERB_SETS = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D",
               "quarterly": "P3M", "hourly": "PT1H", "ежегодно": "P1Y", "ежемесячно": "P1M",
               "еженедельно": "P1W", "ежедневно": "P1D"}
REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "at present": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF",
        "future": "FUTURE_REF", "past": "PAST_REF", "сейчас": "PRESENT_REF", "ныне": "PRESENT_REF",
        "в настоящее время": "PRESENT_REF", "недавно": "PAST_REF", "будущем": "FUTURE_REF"}
REF_DIRECTION = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
QUALIFIERS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
              "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
              "under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
              "at least": "MORE_THAN", "up to": "LESS_THAN"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_TENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty" \
        "|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
SPELLED = {w: i for i, w in enumerate(_ONES.split("|"), 1)} | {
    w: v for w, v in zip(_TENS.split("|"), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50,
                                             60, 70, 80, 90])}
_UNITS_EN = r"(?i:years?|months?|weeks?|days?|hours?|minutes?|decades?|century|centuries)"
_QUALIFIER = r"(?i:about|around|roughly|some|nearly|almost|less than|under|more than|at least|up to)"

RU_NUMBERS = {"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
              "девять": 9, "десять": 10}
_UNITS_RU = r"(?i:года|год|лет|месяцев|месяца|месяц|неделю|недели|недель|дней|день|дня)"
FAMILIES = {
    "ref": rf"\b(?P<ref>(?i:currently|recently|nowadays|at{SP}present|these{SP}days)|now|Now|NOW"
           rf"|(?i:the){SP}(?i:future|past))\b|(?P<ref_ru>(?i:в{SP}настоящее{SP}время|сейчас|ныне|недавно"
           rf"|будущем))",
    "quarter_x": rf"\b(?:(?P<qx_adj>(?i:first|second|third|fourth|1st|2nd|3rd|4th))-(?i:quarter)"
                 rf"|(?i:fiscal){SP}(?P<qx_fis>(?i:first|second|third|fourth)){SP}(?i:quarter)"
                 rf"|(?P<qx_rel>(?i:latest|most{SP}recent|current|same|year-ago|year-earlier"
                 rf"|prior-year|previous|past|just-ended|just{SP}ended)){SP}(?i:quarter|period)"
                 rf"|(?P<qx_hq>(?i:first|second|third|fourth)){SP}(?P<qx_u>(?i:half|quarter)){SP}"
                 rf"(?i:of){SP}(?P<qx_dir>(?i:next|last|this)){SP}(?i:year)"
                 rf"|(?P<qx_the>(?i:the){SP}(?i:quarter)))\b",
    "fiscal": rf"\b(?:(?i:fiscal)(?:{SP}(?i:year))?{SP}(?P<fy>{YEAR})|FY{OSP}(?P<fy2>{YEAR}|\d\d))\b",
    "tod": rf"(?:(?P<tod_d>{WEEKDAY}|\b(?i:yesterday|today|tomorrow|this|last))"
           rf"{SP}(?P<tod_p>(?i:morning|afternoon|evening|night))|\b(?P<tonight>(?i:tonight)))\b",
    "clock": rf"\b(?P<clk_h>1[0-2]|0?[1-9])(?::(?P<clk_m>[0-5]\d))?{OSP}"
             rf"(?P<clk_ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))",
    "weekend": rf"\b(?P<we_dir>(?i:this|last|next)){SP}(?i:weekend)\b",
    "the_unit": rf"\b(?i:the){SP}(?:(?P<tu>(?i:year|month|week))|(?P<tu_s>(?i:spring|summer|autumn"
                rf"|fall|winter)))\b",
    "spelled": rf"\b(?P<sp_c>(?i:nineteen|twenty)){SP}(?P<sp_t>(?i:{_TENS}))(?:-(?P<sp_o>(?i:{_ONES})))?\b"
               rf"|\b(?i:two{SP}thousand)(?:{SP}(?i:and))?{SP}(?P<sp_k>(?i:{_ONES}|{_TENS}))\b",
    "set": rf"\b(?:(?i:every|each){SP}(?:(?P<set_n>{NUM}|other){SP})?(?P<set_u>{_UNITS_EN})"
           rf"|(?i:every|each){SP}(?P<set_q>(?i:quarter))"
           rf"|(?P<set_adv>(?i:annually|yearly|monthly|weekly|daily|quarterly|hourly))"
           rf"|(?i:per){SP}(?P<set_per>(?i:year|month|week|day|hour)))\b"
           rf"|(?P<set_ru>(?i:каждый{SP}год|каждый{SP}месяц|каждую{SP}неделю|каждый{SP}день"
           rf"|ежегодно|ежемесячно|еженедельно|ежедневно))",
    "duration": rf"\b(?i:past){SP}(?P<du_pu>(?i:year|decade|month|week|century))\b"
                rf"|(?:\b(?P<du_q>{_QUALIFIER}){SP})?(?:(?P<du_ord>(?i:first|last|past)){SP})?"
                rf"(?:\b(?P<du_n>{NUM})(?P<du_sep>{SP}|-)(?P<du_u>{_UNITS_EN})(?P<du_old>-old)?\b"
                rf"|(?P<du_bare>(?i:years|months|weeks|days|hours|decades))\b"
                rf"|(?P<du_rn>\d{{1,3}}|(?i:{'|'.join(RU_NUMBERS)})){SP}(?P<du_ru>{_UNITS_RU}))",
}
# family -> the core family it is tried before (see helpers.timeline.reading.full_pattern)
PLACES = {"duration": "day", "ref": "day", "quarter_x": "quarter", "fiscal": "quarter", "tod": "rel",
          "clock": "quarter", "weekend": "rel", "the_unit": "ago", "spelled": "year", "set": "ago"}


def _duration_value(n: int | None, unit: str) -> str:
    unit = unit.lower().rstrip("s") if unit.isascii() else unit.lower()
    unit = "century" if unit.startswith("centur") else unit
    code = UNIT_CODES.get(unit, "Y")
    count = "X" if n is None else str(n * UNIT_SIZE.get(unit, 1))
    return f"PT{count}{code}" if unit in ("hour", "minute") else f"P{count}{code}"


def _read_quarter(g: dict) -> Reading:
    if g["qx_hq"]:
        n, unit = ORDINALS[g["qx_hq"].lower()], g["qx_u"].lower()
        offset = {"next": 1, "last": -1, "this": 0}[g["qx_dir"].lower()]
        rel = ("year_part", "Q" if unit == "quarter" else "H", n, offset)
        return Reading("relative", granularity=unit, relative=rel)
    if g["qx_adj"] or g["qx_fis"]:
        q = ORDINALS[(g["qx_adj"] or g["qx_fis"]).lower()]
        return Reading("partial", granularity="quarter", unresolved=f"XXXX-Q{q}",
                       relative=("quarter_of_year", q, ""))
    word = (g["qx_rel"] or "").lower()
    offset = -5 if word in ("year-ago", "year-earlier", "prior-year") else 0 if word == "current" else -1
    return Reading("relative", granularity="quarter", relative=("quarter", offset), direction="past"
                   if offset < 0 else "present")


def _read_duration(g: dict) -> Reading:
    if g["du_bare"]:
        return Reading("duration", granularity="", timex_type="DURATION",
                       timex_value=_duration_value(None, g["du_bare"]), is_vague=True)
    if g["du_pu"]:  # the past year, the past decade
        return Reading("duration", granularity="", timex_type="DURATION",
                       timex_value=_duration_value(1, g["du_pu"]))
    if g["du_rn"]:
        n = int(g["du_rn"]) if g["du_rn"].isdigit() else RU_NUMBERS[g["du_rn"].lower()]
        return Reading("duration", granularity="", timex_type="DURATION",
                       timex_value=_duration_value(n, g["du_ru"]))
    n = number_value(g["du_n"])
    mod = QUALIFIERS.get(" ".join(g["du_q"].lower().split()), "") if g["du_q"] else ""
    return Reading("duration", granularity="", timex_type="DURATION",
                   timex_value=_duration_value(n, g["du_u"]), timex_mod=mod)


def _read_set(g: dict) -> Reading:
    if g["set_adv"] or g["set_ru"]:
        word = (g["set_adv"] or g["set_ru"]).lower()
        value = ADVERB_SETS.get(word) or {"год": "P1Y", "месяц": "P1M", "неделю": "P1W",
                                          "день": "P1D"}[word.split()[-1]]
    elif g["set_q"]:
        value = "P3M"
    elif g["set_per"]:
        value = _duration_value(1, g["set_per"])
    else:
        n = 2 if (g["set_n"] or "").lower() == "other" else number_value(g["set_n"] or "1")
        value = _duration_value(n, g["set_u"])
    return Reading("set", granularity="", timex_type="SET", timex_value=value, is_vague=True)


def read_news(fam: str, g: dict) -> Reading | None:
    """A Reading for one match of a family of :data:`FAMILIES` (None for any other family)."""
    if fam == "ref":
        word = " ".join((g["ref"] or g["ref_ru"]).lower().split()).removeprefix("the ")
        ref = REFS[word]
        return Reading("ref", granularity="", timex_value=ref, direction=REF_DIRECTION[ref],
                       is_vague=ref != "PRESENT_REF")
    if fam == "quarter_x":
        return _read_quarter(g) if not g["qx_the"] else Reading(
            "relative", granularity="quarter", relative=("quarter", -1), direction="past")
    if fam == "fiscal":
        year = g["fy"] or ("20" + g["fy2"] if len(g["fy2"]) == 2 else g["fy2"])
        return Reading("year", value=year, granularity="year")
    if fam == "tod":
        part = "NI" if g["tonight"] else DAY_PARTS[g["tod_p"].lower()]
        day = (g["tod_d"] or "today").lower()
        if day in WEEKDAYS:
            rel = ("weekday", WEEKDAYS.index(day), "")
        else:
            rel = ("day", {"yesterday": -1, "last": -1, "tomorrow": 1}.get(day, 0))
        return Reading("relative", granularity="day", relative=rel, timex_type="TIME", time_suffix=f"T{part}")
    if fam == "clock":
        hour = int(g["clk_h"]) % 12 + (12 if g["clk_ap"].lower().startswith("p") else 0)
        return Reading("relative", granularity="day", relative=("day", 0), timex_type="TIME",
                       time_suffix=f"T{hour:02d}:{g['clk_m'] or '00'}")
    if fam == "weekend":
        offset = {"this": 0, "last": -1, "next": 1}[g["we_dir"].lower()]
        return Reading("relative", granularity="week", relative=("week", offset), time_suffix="-WE")
    if fam == "the_unit":
        if g["tu_s"]:
            code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
            return Reading("relative", granularity="season", relative=("season", code[g["tu_s"].lower()], ""))
        return Reading("relative", granularity=g["tu"].lower(), relative=(g["tu"].lower(), 0))
    if fam == "spelled":
        if g["sp_k"]:
            return Reading("year", value=str(2000 + SPELLED[g["sp_k"].lower()]), granularity="year")
        century = SPELLED[g["sp_c"].lower()] * 100
        return Reading("year", value=str(century + SPELLED[g["sp_t"].lower()]
                                         + (SPELLED[g["sp_o"].lower()] if g["sp_o"] else 0)),
                       granularity="year")
    if fam == "set":
        return _read_set(g)
    if fam == "duration":
        return _read_duration(g)
    return None
