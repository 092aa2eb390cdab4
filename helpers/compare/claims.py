"""Quantitative claims: amounts of money, percentages and counts, and whether sources agree on them.

    from helpers.compare import claims
    found = claims.find_claims(c.sentences)   # one row per amount, with its normalised value
    claims.compare_claims(found)              # the same claim across sentences and sources

What is read (English and Russian, and through helpers.compare.amount_words the scale and
currency words of German, French, Spanish, Italian, Portuguese, Ukrainian, Chinese and Arabic:
"11 Billionen Rubel", "11 000 milliards de roubles", "110亿卢布", "11 تريليون روبل"):
    money       a currency symbol or code before the number ($, US$, €, £, ₽, ¥, USD, EUR, RUB, GBP,
                CNY) or a currency word after it (dollars, euros, rubles/roubles, pounds, yuan,
                руб., рублей, долл.); ``currency`` is the ISO code (¥ is read as CNY).
    percent     20%, 20 per cent, 20 percent, 20 percentage points, 20 процентов.
    count       a number followed, within three words and before any stop word, by a plural noun
                (users, GPUs, models; people, staff, personnel), a measure (GW, MW, TWh, km) or,
                in Russian, any word: "10,000 GPUs", "2.5 million users", "Two Russian AI models".
    number      a number with a scale word but nothing else ("11 trillion").
Numbers: digits with "," or space thousands separators ("10,000", "10 000"), "." decimals, a
decimal comma when not followed by three digits ("1,5 трлн"); number words one to twenty, the
tens and hundred ("five billion dollars"; not "a billion", not compounds like "twenty-five");
in the nine other languages number words before a scale word ("zwei Milliarden Euro", "два
миллиарда рублей", "trois milliards", "dos mil millones"; alone they are not amounts), Arabic
duals (ملياري دولار: two billion) and Chinese numerals (两千亿 = 2 × 10^11; helpers.compare.amount_words);
scales thousand/million/billion/trillion, k, m, mn, bn, tn attached to the number ("€3bn"), тыс.,
млн, млрд, трлн. Ranges ("$10–20 billion", "10 to 20%") give ``value`` (low) and ``value_high``.
Qualifiers before the number (more than, over, approximately, up to, около, более ...) are kept.

Not amounts: years (a four-digit number from 1800 to 2100 with no currency, percent or scale;
also both ends of "1993-2022"), version numbers (GPT-4, 4o, 2.0.1, "version 3"), numbers after
No./№/#/p./vol., days next to a month name (February 24, 24 February), and numbers glued to
letters (5G, 3D, 1st). ``target_year`` is the year after by/until/till/through/before/к/до in the
same sentence ("by 2030"), the first one after the amount if any, else the first in the sentence.

Everything is found in one RE2 pass over all sentences (patterns.scan_texts).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from helpers import patterns
from helpers.compare import amount_words
from helpers.corpus import dates
from helpers.corpus.words import load_stopwords

THIN_SPACES = "\u00a0\u202f"  # the characters themselves: RE2 does not read \u escapes
SP = f"[ \t{THIN_SPACES}]"
RU_SCALE_ENDINGS = ("", "а", "ов", "ах", "ами", "ам", "ом", "е", "у")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
SCALES = {"thousand": 1e3, "тыс": 1e3, "тыс.": 1e3, "k": 1e3, "million": 1e6, "млн": 1e6, "m": 1e6,
          "mn": 1e6, "billion": 1e9, "млрд": 1e9, "bn": 1e9, "trillion": 1e12, "трлн": 1e12, "tn": 1e12,
          # Russian scale words in every form a number takes (тысяча, две тысячи, пять тысяч)
          **{f"{stem}{end}": value for stem, value in
             (("миллион", 1e6), ("миллиард", 1e9), ("триллион", 1e12)) for end in RU_SCALE_ENDINGS},
          "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3}
SCALES.update(amount_words.SCALES_MORE)
CURRENCIES = {  # lower-cased symbol, code or word -> ISO code
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "долл": "USD",
    "долл.": "USD", "долларов": "USD", "доллара": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR",
    "euros": "EUR", "евро": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "₽": "RUB", "rub": "RUB", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "руб": "RUB", "руб.": "RUB", "рублей": "RUB", "рубля": "RUB", "рубль": "RUB", "¥": "CNY",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "юаней": "CNY",
}
CURRENCIES.update(amount_words.CURRENCIES_MORE)
ALL_NUMBER_WORDS = {**amount_words.NUMBER_WORDS_MORE, **amount_words.DUAL_SCALES, **NUMBER_WORDS}
PERCENT = r"%|％|per" + SP + r"cent|percent(?:age" + SP + r"points?)?|процент(?:ов|а)?"
QUALIFIERS = ["more than", "less than", "up to", "at least", "an estimated", "approximately", "about",
              "around", "nearly", "almost", "roughly", "over", "under", "some", "около", "более",
              "почти", "свыше", "примерно", "до"]
IRREGULAR_PLURALS = ("people", "staff", "personnel", "children", "men", "women")
MEASURES = ("GW", "MW", "kW", "TWh", "GWh", "MWh", "km", "kg", "tonnes")
TARGET_YEAR = (r"(?i)(?:^|[^\p{L}\p{N}_])(?:by|until|till|through|before|к|до)\s+(?:the\s+end\s+of\s+)?"
               r"(?P<year>(?:18|19|20)\d\d)(?:[^\p{N}]|$)")  # RE2 (pyarrow)
CLAIM_COLUMNS = ["doc_id", "sent_id", "kind", "value", "value_high", "currency", "unit", "qualifier",
                 "target_year", "text", "start", "end"]


def _alternation(words) -> str:
    return "|".join(patterns.escape_phrase(w, patterns.WORD_PY) for w in sorted(words, key=len, reverse=True))


def claim_pattern() -> str:
    """The amount pattern, written so RE2 and Python re read it alike (no look-around, no \\p)."""
    num = (r"\d{1,3}(?:[ ," + THIN_SPACES + r"]\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
           r"|\d+(?:[.,]\d+)?")
    words = _alternation(NUMBER_WORDS)
    cur_pre = r"US\$|[$€£₽¥]|USD|EUR|RUB|GBP|CNY|RMB"
    scale = (_alternation(amount_words.SCALES_MORE)
             + r"|thousand|million|billion|trillion|(?:миллиард|миллион|триллион)(?:ами|ах|ам|ов|ом|а|е|у)?"
             r"|тысяч[аи]?|трлн|млрд|млн|тыс\.?")
    attached = r"tn|bn|mn|m|k"
    cur_post = _alternation([w for w in CURRENCIES if w[0].isalpha() and (len(w) > 2 or not w.isascii())])
    cur_post += r"|[$€£₽¥]"
    words_more = _alternation(amount_words.NUMBER_WORDS_MORE)
    alone = _alternation(amount_words.DUAL_SCALES) + "|" + amount_words.HAN_NUMBER
    amount = (rf"(?:(?P<num>{num}|{words})(?:(?P<abbr>{attached})|{SP}*(?P<scale>{scale}))?"
              rf"|(?P<wnum>{words_more}){SP}+(?P<wscale>{scale})|(?P<alone>{alone}))")
    second = (rf"(?:{SP}*(?:-|–|—|to|до){SP}*(?:{cur_pre})?{SP}?(?P<num2>{num})"
              rf"(?:(?P<abbr2>{attached})|{SP}*(?P<scale2>{scale}))?)?")
    return (rf"(?:(?P<qual>{_alternation(QUALIFIERS)}){SP}+)?(?:(?P<cur>{cur_pre}){SP}?)?{amount}{second}"
            rf"(?:{SP}*(?:(?:de|di){SP}+|d['’])?(?P<post>{PERCENT}|{cur_post}))?")


def parse_number(value: pd.Series) -> pd.Series:
    """Numbers as written ("10,000", "1.5", "1,5", "10 000", "five", "zwei", "两千亿") -> float."""
    folded = value.str.casefold()
    words = folded.map(ALL_NUMBER_WORDS)
    han = folded.str.fullmatch(amount_words.HAN_NUMBER)
    if han.any():
        words = words.where(~han, folded[han].map(amount_words.parse_han_number))
    digits = folded.str.replace(r"[ \u00a0\u202f]", "", regex=True)
    thousands = digits.str.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
    digits = digits.where(~thousands, digits.str.replace(",", "", regex=False))
    digits = digits.str.replace(",", ".", regex=False)
    numeric = pd.to_numeric(digits.where(words.isna()), errors="coerce")
    return words.astype("float64").fillna(numeric).astype("float64")


def find_claims(sentences: pd.DataFrame) -> pd.DataFrame:
    """Every amount of money, percentage and count in the sentences (see the module docstring).

    Args:
        sentences: doc_id, sent_id, text.
    Returns:
        doc_id, sent_id, kind (money/percent/count/number), value (float; the low end of a
        range), value_high (the high end, = value if no range), currency (ISO code or ""), unit
        ("%" for percent, the counted noun, or ""), qualifier, target_year (Int64), text (as
        written), start, end (offsets in the sentence); in text order.
    """
    pattern = claim_pattern()
    languages = sentences.get("language", pd.Series("", index=sentences.index))
    scanned = amount_words.blank_han(sentences["text"], languages)
    hits = patterns.scan_texts(scanned, pattern, pattern, ignore_case=True)
    texts = sentences["text"].iloc[hits["row"].to_numpy()].to_numpy(dtype=object)  # the rows hit only
    hits["match"] = [t[a:z] for t, a, z in zip(texts, hits["start"], hits["end"])]
    before = pd.Series([t[max(0, s - 12):s] for t, s in zip(texts, hits["start"])], dtype="str")
    after = pd.Series([t[e:e + 60] for t, e in zip(texts, hits["end"])], dtype="str")
    hit_languages = languages.iloc[hits["row"].to_numpy()].fillna("").astype("str").to_numpy()
    found = _classify(hits, before, after, hit_languages)
    kept = (found["kind"] != "").to_numpy()
    found = found[kept].reset_index(drop=True)
    found["target_year"] = _target_years(texts[kept], found["end"].to_numpy())
    out = pd.concat([sentences[["doc_id", "sent_id"]].iloc[found["row"]].reset_index(drop=True),
                     found.reset_index(drop=True)], axis=1)
    return out[CLAIM_COLUMNS].astype({"value": "float64", "value_high": "float64", "target_year": "Int64",
                                      "start": "int64", "end": "int64"})


def _classify(hits: pd.DataFrame, before: pd.Series, after: pd.Series, languages) -> pd.DataFrame:
    """Values, currency, unit and kind of each candidate ("" kind = not an amount)."""
    out = hits.rename(columns={"match": "text", "qual": "qualifier"}).copy()
    out["num"] = out["num"].fillna(out["wnum"]).fillna(out["alone"])
    scale = out["abbr"].fillna(out["scale"]).fillna(out["wscale"]).str.casefold()
    scale = scale.str.replace(r"\s+", " ", regex=True).map(SCALES)
    # an Arabic dual (ملياري) and a Chinese number with 万 or 亿 carry their scale
    carries_scale = out["alone"].fillna("").str.contains("[^零〇一二两三四五六七八九十百千]", regex=True)
    scale = scale.mask(carries_scale, 1.0)
    scale2 = out["abbr2"].fillna(out["scale2"]).str.casefold().map(SCALES)
    langs = pd.Series(languages, index=out.index, dtype="str")
    num = amount_words.reparse_dot_thousands(out["num"], parse_number(out["num"].fillna("")), langs)
    num2 = amount_words.reparse_dot_thousands(out["num2"], parse_number(out["num2"].fillna("")), langs)
    out["value"] = num * scale.fillna(scale2).fillna(1.0)
    out["value_high"] = (num2 * scale2.fillna(scale).fillna(1.0)).fillna(out["value"])
    post = out["post"].fillna("").str.casefold()
    before_number = out["cur"].fillna("").str.casefold().map(CURRENCIES)
    out["currency"] = before_number.fillna(post.map(CURRENCIES)).fillna("")
    is_percent = post.str.contains(r"^(?:%|％|per|percent|процент)", regex=True)
    out["unit"] = np.where(is_percent, "%", "")
    no_unit = (out["currency"] == "") & ~is_percent
    unscaled = scale.isna() & scale2.isna()
    # a bare year is never an amount (see _not_an_amount): its unit is not looked for
    to_count = no_unit & ~(unscaled & _is_year(out["num"]) & (out["num2"].isna() | _is_year(out["num2"])))
    out.loc[to_count, "unit"] = _count_units(after[to_count])
    out["qualifier"] = out["qualifier"].fillna("").str.casefold()
    out["kind"] = np.select(
        [out["currency"] != "", is_percent, out["unit"] != "", scale.notna() | scale2.notna()],
        ["money", "percent", "count", "number"], default="")
    maybe = out["kind"] != ""
    out.loc[maybe[maybe].index[_not_an_amount(out[maybe], before[maybe], after[maybe],
                                               unscaled[maybe]).to_numpy()], "kind"] = ""
    return out


def _count_units(after: pd.Series) -> pd.Series:
    """The counted noun after a number: within three words, before any stop word or punctuation."""
    words = after.str.extract(r"^[ \u00a0]+([\w\-’']+)(?:[ \u00a0]+([\w\-’']+))?(?:[ \u00a0]+([\w\-’']+))?")
    stop = load_stopwords(("en",))
    unit = pd.Series("", index=after.index, dtype="str")
    open_ = pd.Series(True, index=after.index)
    for col in words.columns:
        w = words[col].fillna("")
        is_stop = w.str.casefold().isin(stop)
        plural = (w.str.contains(r"^[^\W\d_][\w\-]*(?<![sui’'])s$", regex=True)
                  | w.str.casefold().isin(IRREGULAR_PLURALS) | w.isin(MEASURES)
                  | (w.str.contains(r"^[а-яё]", regex=True) & (col == 0)))
        hit = open_ & (unit == "") & plural & ~is_stop
        unit = unit.where(~hit, w)
        open_ &= (w != "") & ~is_stop
    return unit


def _not_an_amount(out: pd.DataFrame, before: pd.Series, after: pd.Series, unscaled: pd.Series) -> pd.Series:
    """Years, version numbers, numbered items, dates (see the module docstring)."""
    months = "|".join(sorted(set(dates.MONTHS_EN) | set(dates.MONTHS_RU), key=len, reverse=True))
    bare = (out["currency"] == "") & (out["unit"] != "%") & unscaled
    year = _is_year(out["num"])
    year2 = out["num2"].isna() | _is_year(out["num2"])
    version = (before.str.contains(r"[^\W\d_][\-‑]$", regex=True)
               | before.str.contains(r"(?i)(?:\b(?:v|version|no|nos|p|pp|vol|art|ch|sec|fig)\.?|[№#])\s?$",
                                     regex=True)
               | after.str.contains(r"^\.\d", regex=True))
    day = bare & (before.str.contains(rf"(?i)\b(?:{months})\.?\s$", regex=True)
                  | after.str.contains(rf"(?i)^\s(?:{months})\b", regex=True))
    return (bare & year & year2) | version | day | out["value"].isna()


def _is_year(numbers: pd.Series) -> pd.Series:
    """Whether each number as written is a year from 1800 to 2099 (four digits)."""
    return numbers.fillna("").str.fullmatch(r"(?:18|19|20)\d\d").astype(bool)


def _target_years(texts: np.ndarray, ends: np.ndarray) -> pd.Series:
    """The target year ("by 2030") of each amount's sentence: first after the amount, else first."""
    def first_year(values: list[str]) -> pd.Series:
        found = pc.extract_regex(pa.array(values, pa.string()), TARGET_YEAR).field("year")
        return pd.to_numeric(pd.Series(found.to_pylist(), dtype="object"), errors="coerce")
    later = first_year([t[e:] for t, e in zip(texts, ends)])
    return later.fillna(first_year(list(texts))).astype("Int64")


def tabulate_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims for reading: doc_id, sent_id, kind, amount (formatted, e.g. "136 billion USD"),
    qualifier, target_year, text (as written)."""
    amount = [format_amount(v, k, c, u, h) for v, k, c, u, h in
              zip(claims["value"], claims["kind"], claims["currency"], claims["unit"], claims["value_high"])]
    out = claims[["doc_id", "sent_id", "kind"]].assign(amount=amount)
    out = out.join(claims[["qualifier", "target_year", "text"]])
    return out.reset_index(drop=True).astype({"amount": "str"})


EQUIVALENCE_GAP = r"^[\s—–\-(,:/=≈~]*(?:or|i\.e\.|that is|или|то есть)?[\s—–\-(,:/=≈~]*$"


def compare_claims(claims: pd.DataFrame, sentences: pd.DataFrame, tolerance: float = 0.1) -> pd.DataFrame:
    """The same claim across sentences and sources, and whether they agree.

    Claims are the same when they have the same kind, currency, unit and target year and values
    within ``tolerance`` of each other (sorted values; a new claim starts where a value exceeds the
    previous one by more than ``tolerance``). Two amounts in different currencies that follow each
    other in one sentence, separated only by punctuation or "or"/"i.e." ("11 trillion
    rubles—approximately $136 billion"), state one claim twice: their groups are merged and the
    exchange rate they imply is shown.

    Args:
        claims: from find_claims.
        sentences: the sentences table (to read what stands between two amounts).
        tolerance: relative difference still counted as the same value (0.1 = 10%).
    Returns:
        One row per claim: claim (its amounts, 3 significant digits, " = " between currencies),
        kind, target_year, n_mentions, n_docs, doc_ids, sent_ids, spread (largest relative
        difference between amounts in one currency or unit, 3 decimals), agrees (spread <=
        tolerance), implied_rate (e.g. "80.9 RUB/USD", or ""); most mentioned first.
    """
    c = claims.reset_index(drop=True).assign(unit_key=claims["unit"].str.casefold().to_numpy(),
                                               year_key=claims["target_year"].fillna(-1).to_numpy())
    keys = ["kind", "currency", "unit_key", "year_key"]
    s = c.sort_values([*keys, "value"])
    same = s[keys].eq(s[keys].shift()).all(axis=1) & (s["value"] <= s["value"].shift() * (1 + tolerance))
    c.loc[s.index, "cluster"] = (~same).cumsum().to_numpy() - 1
    links = _equivalent_pairs(c, sentences)
    n = int(c["cluster"].max()) + 1 if len(c) else 0
    a = c.loc[links["a"], "cluster"].to_numpy(dtype=int)
    b = c.loc[links["b"], "cluster"].to_numpy(dtype=int)
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    component = connected_components(graph, directed=False)[1] if n else np.array([], dtype=int)
    c["group"] = component[c["cluster"].to_numpy(dtype=int)]
    links["group"] = c.loc[links["a"], "group"].to_numpy()
    return _summarise_groups(c, links, tolerance)


def _equivalent_pairs(c: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Consecutive money amounts of one sentence, in two currencies, stated as equivalent; with the
    rate they imply (quoted per USD, else per EUR, else per the second currency)."""
    c = c.assign(idx=c.index).sort_values(["sent_id", "start"])
    nxt = c.shift(-1)
    pair = ((c["sent_id"] == nxt["sent_id"]) & (c["kind"] == "money") & (nxt["kind"] == "money")
            & (c["currency"] != nxt["currency"]))
    a, b = c[pair], nxt[pair]
    texts = a["sent_id"].map(sentences.drop_duplicates("sent_id").set_index("sent_id")["text"])
    gaps = pd.Series([t[int(e):int(s)] for t, e, s in zip(texts, a["end"], b["start"])], dtype="str")
    ok = gaps.str.contains(EQUIVALENCE_GAP, regex=True).to_numpy()
    a, b = a[ok], b[ok]
    base_is_b = b["currency"].map(_base_rank).to_numpy() <= a["currency"].map(_base_rank).to_numpy()
    va, vb = a["value"].to_numpy(dtype=float), b["value"].to_numpy(dtype=float)
    return pd.DataFrame({
        "a": a["idx"].to_numpy(dtype=int), "b": b["idx"].to_numpy(dtype=int),
        "rate": np.where(base_is_b, va / vb, vb / va),
        "pair": np.where(base_is_b, a["currency"] + "/" + b["currency"], b["currency"] + "/" + a["currency"]),
    })


def _base_rank(currency: str) -> int:
    """Which currency a rate is quoted against: USD, then EUR, then any other."""
    return {"USD": 0, "EUR": 1}.get(currency, 2)


def _summarise_groups(c: pd.DataFrame, links: pd.DataFrame, tolerance: float) -> pd.DataFrame:
    """One row per claim group (see compare_claims)."""
    per_unit = c.groupby(["group", "kind", "currency", "unit"], sort=False).agg(
        value=("value", "median"), high=("value_high", "median"), lo=("value", "min"),
        hi=("value", "max")).reset_index()
    per_unit["amount"] = [format_amount(v, k, cur, u, h) for v, k, cur, u, h in zip(
        per_unit["value"], per_unit["kind"], per_unit["currency"], per_unit["unit"], per_unit["high"])]
    per_unit["spread"] = per_unit["hi"] / per_unit["lo"] - 1
    rates = links.groupby("group").agg(rate=("rate", "median"), pair=("pair", "first"))
    out = c.groupby("group").agg(
        kind=("kind", "first"), target_year=("target_year", "first"), n_mentions=("sent_id", "size"),
        n_docs=("doc_id", "nunique"), doc_ids=("doc_id", lambda s: ", ".join(sorted(set(s)))),
        sent_ids=("sent_id", lambda s: ", ".join(dict.fromkeys(sorted(s)))))
    out.insert(0, "claim", per_unit.groupby("group")["amount"].agg(" = ".join))
    out["spread"] = per_unit.groupby("group")["spread"].max().round(3)
    out["agrees"] = out["spread"] <= tolerance
    out["implied_rate"] = [f"{r:.1f} {p}" if isinstance(p, str) else "" for r, p in
                           zip(rates["rate"].reindex(out.index), rates["pair"].reindex(out.index))]
    out = out.sort_values(["n_mentions", "claim"], ascending=[False, True], ignore_index=True)
    return out.astype({"target_year": "Int64", "n_mentions": "int64", "n_docs": "int64"})


def format_amount(value: float, kind: str, currency: str = "", unit: str = "",
                  high: float | None = None) -> str:
    """A readable amount, 3 significant digits: 1.36e11 USD -> "136 billion USD"; 20 percent ->
    "20%"; 10000 GPUs -> "10,000 GPUs"; a range (``high`` > value) -> "10–20 billion USD"."""
    size, word = next((s, w) for s, w in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"),
                                           (1.0, "")) if abs(value) >= s or s == 1.0)
    numbers = [value] if high is None or not high > value else [value, high]
    number = "–".join(f"{v:,.0f}" if size == 1.0 and float(v).is_integer() else f"{v / size:.3g}"
                      for v in numbers) + word
    if kind == "percent":
        return f"{number}%"
    return " ".join(p for p in (number, currency or unit) if p)
