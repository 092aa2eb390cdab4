"""The date words of the workbook's other languages: German, French, Spanish, Italian, Portuguese,
Ukrainian, Arabic and Chinese (English and Russian are in :mod:`helpers.timeline.grammar`).

Families (their place in the order is in :data:`PLACES`):

* ``x_dmy``: a day and a month name, with or without a year: 14. Februar 2025, 1er janvier 2025,
  12 de diciembre de 2023, 7 dicembre 2023, 15 січня 2024 року, 12 ديسمبر 2023.
* ``x_my``: a month name with a year (März 2024, marzo de 2024), or alone after a preposition of
  the same language (im Januar, en septiembre, a ottobre, у грудні, في نوفمبر).
* ``x_rel``: yesterday/today/tomorrow and last/this/next year or week, word for word: gestern,
  heute, im vergangenen Jahr, l'année dernière, el año pasado, l'anno scorso, ano passado,
  минулому році, العام الماضي, 去年, 今年, 明年, 昨天, 今天, 明天.
* ``x_weekday``: weekdays (Freitag, vendredi, martes, martedì, segunda-feira, п'ятницю; and the
  Russian пятницу), read like an English weekday.
* ``x_quarter``: dritten Quartal, deuxième trimestre, третий квартал, первом полугодии,
  2023年第三季度.
* ``ar_year``: عام 2030 (the year with its word).

Signal words of these languages (bis, seit, d'ici, depuis, para, desde, entro, dal, até, з,
بحلول, منذ, 到) are in :data:`helpers.timeline.grammar.SIGNALS`. Month names of the Latin-script
languages are read in any case after a day or before a year, but alone only after a preposition
of their language, so "on Mars" is not March.
"""

from __future__ import annotations

import re

from helpers.timeline.grammar import OSP, SP, YEAR, Reading

MONTHS_X = {}
for _names in (
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні",
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
):
    MONTHS_X.update({name: i for i, name in enumerate(_names.split(), 1)})
WEEKDAYS_X = {}
for _names in (
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "понеділок вівторок середу четвер п'ятницю суботу неділю",
    "понедельник вторник среду четверг пятницу субботу воскресенье",
):
    WEEKDAYS_X.update({name: i for i, name in enumerate(_names.split())})
RELATIVE_X = {  # words -> (unit, offset)
    "gestern": ("day", -1), "heute": ("day", 0), "aujourd'hui": ("day", 0), "demain": ("day", 1),
    "ayer": ("day", -1), "hoy": ("day", 0), "ieri": ("day", -1), "oggi": ("day", 0),
    "domani": ("day", 1), "ontem": ("day", -1), "hoje": ("day", 0), "amanhã": ("day", 1),
    "вчора": ("day", -1), "сьогодні": ("day", 0), "أمس": ("day", -1), "اليوم": ("day", 0),
    "昨天": ("day", -1), "今天": ("day", 0), "明天": ("day", 1), "去年": ("year", -1),
    "今年": ("year", 0), "明年": ("year", 1),
    "vergangenen jahr": ("year", -1), "letzten jahr": ("year", -1), "nächsten jahr": ("year", 1),
    "kommenden jahr": ("year", 1), "diesem jahr": ("year", 0), "vergangene woche": ("week", -1),
    "letzte woche": ("week", -1), "nächste woche": ("week", 1),
    "l'année dernière": ("year", -1), "l'an dernier": ("year", -1), "l'an passé": ("year", -1),
    "l'année prochaine": ("year", 1), "l'an prochain": ("year", 1), "cette année": ("year", 0),
    "la semaine dernière": ("week", -1), "la semaine prochaine": ("week", 1),
    "el año pasado": ("year", -1), "el próximo año": ("year", 1), "el año que viene": ("year", 1),
    "este año": ("year", 0), "la semana pasada": ("week", -1),
    "l'anno scorso": ("year", -1), "l'anno prossimo": ("year", 1), "il prossimo anno": ("year", 1),
    "quest'anno": ("year", 0), "la settimana scorsa": ("week", -1),
    "ano passado": ("year", -1), "próximo ano": ("year", 1), "este ano": ("year", 0),
    "минулому році": ("year", -1), "минулого року": ("year", -1), "цьому році": ("year", 0),
    "цього року": ("year", 0), "наступному році": ("year", 1), "наступного року": ("year", 1),
    "минулого тижня": ("week", -1), "прошлой неделе": ("week", -1), "следующей неделе": ("week", 1),
    "этой неделе": ("week", 0), "العام الماضي": ("year", -1), "العام المقبل": ("year", 1),
    "هذا العام": ("year", 0),
}
ORDINALS_X = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "premier": 1, "deuxième": 2,
              "troisième": 3, "quatrième": 4, "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4,
              "четвертый": 4, "первом": 1, "втором": 2, "третьем": 3, "четвёртом": 4, "четвертом": 4,
              "一": 1, "二": 2, "三": 3, "四": 4}
HALF_WORDS = {"первом": 1, "втором": 2, "первое": 1, "второе": 2}
# A month name alone counts after one of these (the preposition group of the pattern).
PREPOSITIONS_X = frozenset({"im", "en", "em", "a", "ad", "у", "в", "во", "في", "no", "na", "nel"})

def _phrase(words: str) -> str:
    """A phrase as a pattern: any spaces between its words, either apostrophe; an ASCII letter at
    either end gets a word boundary (RE2's \\b only knows ASCII), so "mai" is not in "domain"."""
    body = SP.join(re.escape(w).replace("'", "['’]") for w in words.split())
    head = r"\b" if words[0].isascii() and words[0].isalpha() else ""
    tail = r"\b" if words[-1].isascii() and words[-1].isalpha() else ""
    return head + body + tail


def _words(words) -> str:
    return "(?i:" + "|".join(_phrase(w) for w in sorted(words, key=len, reverse=True)) + ")"


XMON = _words(MONTHS_X)


_SUFFIX = r"(?:року|році|рік|р\.)"
FAMILIES = {
    "x_dmy": rf"\b(?P<xd_d>[0-3]?\d)(?:\.|er|º)?(?:{SP}(?i:de|del){SP}|{SP})(?P<xd_m>{XMON})"
             rf"(?:(?:,?{SP}|{SP}(?i:de|del){SP})(?P<xd_y>{YEAR})(?:{SP}{_SUFFIX})?)?",
    "x_my": rf"(?P<xm_m>{XMON})(?:(?:{SP}|{SP}(?i:de|del){SP})(?P<xm_y>{YEAR})(?:{SP}{_SUFFIX})?)?",
    "x_rel": rf"(?P<xr>{_words(RELATIVE_X)})",
    "x_weekday": rf"(?P<xw>{_words(WEEKDAYS_X)})",
    "x_quarter": rf"(?:(?P<xq_y>{YEAR})年)?第(?P<xq_zh>[一二三四])季度"
                 rf"|(?P<xq_ord>{_words(ORDINALS_X)}){SP}(?P<xq_u>(?i:quartal|trimestre"
                 rf"|квартал|квартале|полугодии|полугодие))",
    "ar_year": rf"(?:عام|العام){OSP}(?P<ary>{YEAR})",
}
PLACES = {"x_quarter": "cjk", "x_dmy": "ago", "x_my": "ago", "x_rel": "rel",
          "x_weekday": "weekday", "ar_year": "year"}


def read_multi(fam: str, g: dict) -> Reading | None:
    """A Reading for one match of a family of :data:`FAMILIES` (None for any other family)."""
    if fam == "x_dmy":
        m, d = MONTHS_X[g["xd_m"].lower()], int(g["xd_d"])
        return _dated(g["xd_y"], m, d)
    if fam == "x_my":
        return _dated(g["xm_y"], MONTHS_X[g["xm_m"].lower()], None)
    if fam == "x_rel":
        unit, offset = RELATIVE_X[" ".join(g["xr"].lower().replace("’", "'").split())]
        way = {-1: "past", 0: "present", 1: "future"}[offset]
        return Reading("relative", granularity=unit, relative=(unit, offset), direction=way)
    if fam == "x_weekday":
        return Reading("relative", granularity="day", relative=("weekday", WEEKDAYS_X[g["xw"].lower()], ""))
    if fam == "x_quarter":
        if g["xq_zh"]:
            q = ORDINALS_X[g["xq_zh"]]
            if g["xq_y"]:
                return Reading("quarter", value=f"{g['xq_y']}-Q{q}", granularity="quarter")
            return Reading("partial", granularity="quarter", unresolved=f"XXXX-Q{q}",
                           relative=("quarter_of_year", q, ""))
        n, unit = ORDINALS_X[g["xq_ord"].lower()], g["xq_u"].lower()
        if unit.startswith("полугод"):
            return Reading("partial", granularity="half", unresolved=f"XXXX-H{n}",
                           relative=("half_of_year", n, ""))
        return Reading("partial", granularity="quarter", unresolved=f"XXXX-Q{n}",
                       relative=("quarter_of_year", n, ""))
    if fam == "ar_year":
        return Reading("year", value=g["ary"], granularity="year")
    return None


def _dated(year: str | None, m: int, d: int | None) -> Reading | None:
    from helpers.timeline.grammar import _full, _partial
    return _full(year, m, d) if year else _partial(m, d)
