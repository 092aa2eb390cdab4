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
    "гривень": "UAH", "гривні": "UAH", "гривня": "UAH", "грн": "UAH", "грн.": "UAH",
}
# Number words read before a scale or a currency ("zwei Milliarden Euro", "два миллиарда рублей");
# alone they are not amounts (see claims). Compounds ("zweihundert", "двадцать пять") are not read.
NUMBER_WORDS_MORE = {
    # German
    "ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50,
    # Spanish
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "cien": 100,
    # Italian
    "due": 2, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100, "tre": 3,
    # Portuguese
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "sete": 7, "oito": 8, "dez": 10,
    "vinte": 20, "cem": 100,
    # Russian (nominative and genitive: "два миллиарда", "двух миллиардов")
    "один": 1, "одна": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3,
    "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6,
    "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
    "десять": 10, "десяти": 10, "двадцать": 20, "тридцать": 30, "сто": 100,
    # Ukrainian
    "дві": 2, "двох": 2, "трьох": 3, "чотири": 4, "п'ять": 5, "п’ять": 5,
    "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "дев’ять": 9,
    # Arabic (a dual scale is a number of its own: ملياري دولار, two billion dollars)
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5,
    "خمس": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10, "عشر": 10, "مائة": 100,
    "مئة": 100,
}
DUAL_SCALES = {"ألفي": 2e3, "ألفا": 2e3, "مليوني": 2e6, "مليونا": 2e6, "ملياري": 2e9, "مليارا": 2e9}
HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
HAN_NUMBER = "[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
DOT_THOUSANDS_LANGUAGES = frozenset({"de", "es", "it", "pt", "tr", "nl", "id"})
UNSPACED_AMOUNT_LANGUAGES = frozenset({"zh", "ja"})
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_KEEP_HAN = set("千万百亿十卢布美元欧人民币") | set(HAN_DIGITS)
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


def parse_han_number(text: str) -> float:
    """A number written in Chinese numerals ("两千亿" -> 2e11, "三亿五千万" -> 3.5e8); NaN if
    ``text`` holds anything else.

    Digits multiply the unit after them (十 百 千); 万 multiplies the section before it by 10^4
    and 亿 everything before it by 10^8.
    """
    total, section, number = 0.0, 0.0, 0.0
    for ch in text:
        if ch in HAN_DIGITS:
            number = HAN_DIGITS[ch]
        elif ch in HAN_UNITS:
            section += (number or 1) * HAN_UNITS[ch]
            number = 0
        elif ch == "万":
            section = (section + number) * 1e4
            number = 0
        elif ch == "亿":
            total = (total + section + number) * 1e8
            section = number = 0
        else:
            return float("nan")
    return total + section + number
