"""Abbreviations after which a full stop does not end a sentence, per language.

Compared case-sensitively with the word before the stop, without its final dot (``проф``,
``z.B``, ``EE.UU``). ``TITLES_AND_WORDS`` never end a sentence (a title before a name, a Latin or
local short form); ``BEFORE_NUMBERS`` only when a number follows (``кв. 234``, ``Ago. 1984``,
``нояб. 2025``, ``No. 34``); ``SENTENCE_FINAL`` may end one (``the U.S.``): they do when the next
word is one that typically opens a sentence (``SENTENCE_STARTERS``). Every language also gets
the ``COMMON`` set. Lists written for this workbook from each language's usage (news style).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


COMMON = _words(
    "Mr Mrs Ms Dr Prof Sr Jr St Gen Col Lt Sgt Capt Cmdr Adm Gov Sen Rep Pres Rev Hon "
    "Inc Ltd Co Corp Bros Dept Univ Assn Est e.g i.e etc vs cf al approx ca viz resp "
    "U.S U.K U.N E.U U.S.A U.S.S.R D.C a.m p.m")

TITLES_AND_WORDS = {
    "en": _words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Messrs Mmes Sens Reps Gens"),
    "ru": _words("т.е т.д т.п т.к т.н т.о др им г гг ул д стр см напр проф акад доц ген полк "
                 "ст мл ср тов г-н г-жа англ рус нем франц кит млн млрд трлн тыс руб долл коп "
                 "лит ред изд пер прим вкл рис табл"),
    "uk": _words("т.б т.д т.п т.зв ім р рр вул д стор див напр проф акад доц ген полк ст "
                 "пан пані млн млрд трлн тис грн руб дол англ рос"),
    "de": _words("z z.B d.h u.a u.ä usw bzw ca vgl evtl ggf inkl Hr Hrn Fr Frl Dipl Ing "
                 "Mio Mrd Bio Tsd bspw sog etw ebd Abs Jh Jhd St Std Min Dr Prof Str ff f"),
    "fr": _words("M MM Mme Mmes Mlle Mlles Me Pr Dr St Ste av apr J.-C env cf etc éd coll "
                 "vol chap p.ex c.-à-d mds Mds md mrd Md"),
    "es": _words("Sr Sra Srta Sres Srs Dr Dra Lic Ing Ud Uds Vd Vds Excmo Excma Ilmo Sto Sta "
                 "EE UU EE.UU FF.AA CC.OO etc aprox pág págs núm cap vol ej p.ej a.C d.C"),
    "it": _words("Dott Dott.ssa Dr Sig Sig.ra Sig.na Sigg Prof Prof.ssa Ing Avv Arch Geom On "
                 "Mons Rag ecc pag pagg cfr ca sec"),
    "pt": _words("Sr Sra Srta Srs Dr Dra Prof Profa Eng Exmo Exma Ilmo V.Exa pág págs etc "
                 "aprox ex cap vol núm"),
    "zh": frozenset(),
    "ar": frozenset(),
}

BEFORE_NUMBERS = {
    "en": _words("No Nos no p pp vol Vol Art art Fig fig ch Ch sec Sec №"),
    "ru": _words("№ кв д стр с т п пп рис табл гл ч ст разд янв фев февр мар апр июн июл авг "
                 "сен сент окт ноя нояб дек"),
    "uk": _words("№ кв д стор с т п пп рис табл гл ч ст січ лют бер квіт трав черв лип серп "
                 "вер жовт лист груд"),
    "de": _words("Nr S Bd Abs Art Kap Abb Tab Jan Feb Febr Mär Apr Jun Jul Aug Sep Sept Okt "
                 "Nov Dez"),
    "fr": _words("n° no No p pp vol art Art chap fig janv févr avr juil sept oct nov déc"),
    "es": _words("Ene Feb Mar Abr May Jun Jul Ago Sep Sept Oct Nov Dic ene feb mar abr may jun "
                 "jul ago sep sept oct nov dic núm No no art Art pág p"),
    "it": _words("Gen Feb Mar Apr Mag Giu Lug Ago Set Ott Nov Dic gen feb mar apr mag giu lug "
                 "ago set ott nov dic n N art Art pag p"),
    "pt": _words("Jan Fev Mar Abr Mai Jun Jul Ago Set Out Nov Dez jan fev mar abr mai jun jul "
                 "ago set out nov dez n nº N art Art pág p"),
    "zh": frozenset(),
    "ar": frozenset(),
}

SENTENCE_FINAL = _words("U.S U.K U.N E.U U.S.A U.S.S.R D.C etc Inc Ltd Co Corp EE.UU UU "
                        "a.m p.m т.д т.п т.б usw etc ecc")

SENTENCE_STARTERS = {
    "en": _words("The This That These Those It Its In On At But And Yet So He She They We I You "
                 "A An Its Their There Then However Meanwhile Still Now Some Many Most Russia "
                 "Moscow Putin China Washington Officials Analysts Experts"),
    "ru": _words("В На Но И А Это Эти Он Она Они Мы По При После Однако Тем Так Как Сейчас "
                 "Россия Москва Путин Китай"),
    "uk": _words("В У На Але І А Це Ці Він Вона Вони Ми За При Після Однак Проте Так Зараз "
                 "Росія Москва Путін Китай"),
    "de": _words("Der Die Das Dies Diese Er Sie Es Wir Ich In Im Am Aber Und Doch Auch Damit "
                 "Russland Moskau Putin China"),
    "fr": _words("Le La Les Ce Cette Ces Il Elle Ils Elles On Nous En Au Mais Et Pourtant "
                 "Cependant La Russie Moscou Poutine"),
    "es": _words("El La Los Las Este Esta Estos Esto Él Ella Ellos En Pero Y Sin Sin Además "
                 "Rusia Moscú Putin China"),
    "it": _words("Il Lo La I Gli Le Questo Questa Questi Egli Lei Loro In Ma E Però Inoltre "
                 "Russia Mosca Putin Cina"),
    "pt": _words("O A Os As Este Esta Isto Ele Ela Eles Em No Na Mas E Porém Além "
                 "Rússia Moscou Moscovo Putin China"),
    "zh": frozenset(),
    "ar": frozenset(),
}


def abbreviations_for(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(never final, before numbers, sentence starters) for a language; unknown languages get
    the English lists."""
    key = language if language in TITLES_AND_WORDS else "en"
    return (COMMON | TITLES_AND_WORDS[key], BEFORE_NUMBERS[key] | BEFORE_NUMBERS["en"],
            SENTENCE_STARTERS[key] | SENTENCE_STARTERS["en"])
