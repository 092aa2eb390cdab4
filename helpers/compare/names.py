"""Language knowledge for name discovery (entities.discover_names).

German capitalises every noun, so a capitalised word in German text is a name only if it is not a
common noun: single words with a common-noun ending (-ung, -heit, -keit, -schaft, -tion, -tät,
-ismus, -nis, ...) or in GERMAN_COMMON_NOUNS (frequent nouns in news on technology and politics)
are dropped. Russian and Ukrainian names are inflected (Путина, Путину, Мишустина): the case ending
of each word of a Cyrillic name is removed so that its forms are counted as one name, reported in its most
frequent form. Chinese and Japanese have no capital letters, and Arabic script has none either:
discovery cannot work there, and list_undiscoverable says so.
"""

from __future__ import annotations

import re

import pandas as pd

GERMAN_NOUN_ENDINGS = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse|"
    r"tum|ment|ments|ik|ie|ien|ur|uren|enz|anz|ling|chen|lein|er|ern|en)$")
GERMAN_COMMON_NOUNS = frozenset(
    "Land Länder Jahr Jahre Jahren Markt Staat Staaten Welt Zeit Teil Daten Modell Modelle Chips "
    "Geld Bank Banken Firma Firmen Rolle Ziel Ziele Frage Fragen Grund Plan Pläne Weg Wert Werte "
    "Krieg Kreml Präsident Regierung Zugang Angaben Bereich Branche Rubel Dollar Euro Prozent "
    "Milliarden Millionen Billionen KI".split())
UNDISCOVERABLE = {"zh": "Chinese has no capital letters", "ja": "Japanese has no capital letters",
                  "ar": "Arabic script has no capital letters", "fa": "Arabic script has no capital letters",
                  "he": "Hebrew script has no capital letters", "ko": "Korean has no capital letters"}
_CYRILLIC_ENDINGS = re.compile(
    r"(?<=[а-яёіїєґ]{3})(?:ого|ому|ыми|ими|ым|им|ом|ем|ой|ей|ою|ею|ам|ям|ах|ях|а|я|у|ю|е|ы|и|і|й|ь)"
    r"(?![а-яёіїєґА-ЯЁІЇЄҐ])")
GERMAN_CONNECTORS = frozenset("der die das des dem den von und für im am zur zum".split())
_CYRILLIC = re.compile(r"[А-ЯЁІЇЄҐа-яёіїєґ]")


def is_german_common_noun(names: pd.Series) -> pd.Series:
    """Whether each name is made of German common nouns only (by their endings or the list),
    joined by articles or prepositions ("Entwicklung der Unternehmen")."""
    def common(name: str) -> bool:
        words = [w for w in name.split() if w not in GERMAN_CONNECTORS]
        return bool(words) and all(w in GERMAN_COMMON_NOUNS or GERMAN_NOUN_ENDINGS.search(w) for w in words)
    return names.map(common).astype("bool")


def lemmatise_cyrillic(names: pd.Series) -> pd.Series:
    """Each name with the case ending of every Cyrillic word removed (Путина -> Путин, Германа
    Грефа -> Герман Греф), a stem rule (a dictionary lemmatiser was measured and not adopted,
    see benchmarks/bench_morphology.py); other names unchanged. Used as a grouping key, not shown."""
    cyrillic = names.str.contains(_CYRILLIC.pattern, regex=True)
    # twice, so that Андрей (-ей), Андрея (-я, then -е) and Андреем (-ем, then -е) meet at Андр
    stripped = names.str.replace(_CYRILLIC_ENDINGS.pattern, "", regex=True)
    stripped = stripped.str.replace(_CYRILLIC_ENDINGS.pattern, "", regex=True)
    return stripped.where(cyrillic, names)


def list_undiscoverable(sentences: pd.DataFrame) -> pd.DataFrame:
    """The languages in the sentences where capitalisation cannot find names.

    Returns:
        language, n_sentences, reason; empty when every sentence is in a language with capitals.
    """
    if "language" not in sentences:
        return pd.DataFrame(columns=["language", "n_sentences", "reason"])
    counts = sentences["language"].fillna("").astype("str").value_counts()
    rows = [{"language": lang, "n_sentences": int(n), "reason": UNDISCOVERABLE[lang]}
            for lang, n in sorted(counts.items()) if lang in UNDISCOVERABLE]
    return pd.DataFrame(rows, columns=["language", "n_sentences", "reason"]).astype({"n_sentences": "int64"})
