"""Scale and currency words for amounts in ten languages, and the language-specific number forms.

Added to the English and Russian words of helpers.compare.claims. Long scales where the language
uses them: German Billion(en) and Spanish billón/billones are 10^12 (written here only in forms
English does not share: "Billionen", "billones"; a German singular "Billion" is read as English
10^9), Italian "mila miliardi" 10^12, Spanish "mil millones" and Portuguese "mil milhões" 10^9,
Chinese 万 10^4 and 亿 10^8. Decimal comma with dot thousands ("11.000", "1.500.000,5") is read
in DOT_THOUSANDS_LANGUAGES; elsewhere "1.500" stays one and a half.
"""

from __future__ import annotations

import re

import pandas as pd

SCALES_MORE = {
    # German
    "tausend": 1e3, "mio": 1e6, "mio.": 1e6, "millionen": 1e6, "mrd": 1e9, "mrd.": 1e9,
    "milliarde": 1e9, "milliarden": 1e9, "billionen": 1e12,
    # French
    "mille": 1e3, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9,
    # Spanish
    "mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12, "billones": 1e12,
    # Italian
    "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
    "mila miliardi": 1e12,
    # Portuguese
    "milhão": 1e6, "milhões": 1e6, "mil milhões": 1e9, "bilhão": 1e9, "bilhões": 1e9,
    "trilhão": 1e12, "trilhões": 1e12,
    # Ukrainian
    "тис.": 1e3, "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "мільйон": 1e6, "мільйони": 1e6,
    "мільйонів": 1e6, "мільярд": 1e9, "мільярди": 1e9, "мільярдів": 1e9, "трильйон": 1e12,
    "трильйони": 1e12, "трильйонів": 1e12,
    # Chinese
    "千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "十亿": 1e9, "万亿": 1e12,
    # Arabic
    "ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9,
    "تريليون": 1e12, "تريليونات": 1e12,
}
CURRENCIES_MORE = {
    "rubel": "RUB", "rubeln": "RUB", "rublos": "RUB", "rublo": "RUB", "rubli": "RUB", "rublo.": "RUB",
    "рублів": "RUB", "рублі": "RUB", "卢布": "RUB", "روبل": "RUB", "روبلات": "RUB",
    "dólares": "USD", "dólar": "USD", "dollari": "USD", "доларів": "USD", "долари": "USD",
    "美元": "USD", "دولار": "USD", "دولارات": "USD",
    "欧元": "EUR", "يورو": "EUR", "євро": "EUR",
    "人民币": "CNY", "元": "CNY", "юанів": "CNY",
}
DOT_THOUSANDS_LANGUAGES = frozenset({"de", "es", "it", "pt", "tr", "nl", "id"})
UNSPACED_AMOUNT_LANGUAGES = frozenset({"zh", "ja"})
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_KEEP_HAN = set("千万百亿十卢布美元欧人民币")
_HAN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def reparse_dot_thousands(num: pd.Series, value: pd.Series, languages: pd.Series) -> pd.Series:
    """Values of numbers written with dot thousands ("11.000") in languages that write them so."""
    text = num.fillna("")
    fix = (languages.isin(DOT_THOUSANDS_LANGUAGES).to_numpy()
           & text.str.fullmatch(_DOT_THOUSANDS.pattern).to_numpy())
    fixed = pd.to_numeric(text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False),
                          errors="coerce")
    return value.where(~fix, fixed)


def blank_han(texts: pd.Series, languages: pd.Series) -> pd.Series:
    """Chinese and Japanese texts with every CJK character that is not a scale or currency word
    replaced by a space (one for one, so offsets stay), so that 增加11万亿卢布 reads as an amount
    between word edges; other texts unchanged."""
    mask = languages.fillna("").astype("str").isin(UNSPACED_AMOUNT_LANGUAGES).to_numpy()
    if not mask.any():
        return texts
    out = texts.copy()
    out[mask] = [_HAN.sub(lambda m: m.group(0) if m.group(0) in _KEEP_HAN else " ", t)
                 for t in texts[mask].tolist()]
    return out
