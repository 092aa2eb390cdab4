"""Evidence that a block of a saved page is page furniture or article text, for every block at once.

Read by the context pass (helpers.corpus.context) for the blocks the researcher's rules leave
undecided. Per block:

    n_tokens      words (a run of Chinese or Japanese characters counts one word per two)
    stop_share    share of the words that are function words ("the", "и", "der", "的", ...) of
                  any supported language: data/stopwords/<lang>.txt where the file exists, else
                  the list of the ``stop-words`` package
    cap_share     share of the words that start with a capital letter
    stamp         a timestamp or counter: "20 minutes ago", "3 Mins Read", "1,560 Views", "12:45"
    is_date_line  a short line that carries a calendar date
    n_parts       items in a row split by separators (» › | • · ∙ / >): breadcrumbs, share rows
    furniture_word  a site word (cookie, ©, "all rights reserved", ...) from the rules file
    tiny_run      length of the run of tiny lines (at most 3 words, no sentence end) it sits in
    repeats       a tiny line that occurs more than once on the page (a menu shown twice)
    evidence      'good' (prose), 'near' (a short sentence), 'short' (undecided) or 'bad'
    evidence_reason  the readable reason of a 'bad' verdict
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from helpers.corpus.rules import CleaningRules
from helpers.corpus.words import load_stopwords

LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "pt", "uk", "zh", "ar")
_PACKAGE_NAMES = {"de": "german", "fr": "french", "es": "spanish", "it": "italian",
                  "pt": "portuguese", "uk": "ukrainian", "zh": "chinese", "ar": "arabic",
                  "en": "english", "ru": "russian"}
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN_RE = re.compile(rf"[^\W\d_{CJK}]+(?:['’\-][^\W\d_{CJK}]+)*")
TINY_WORDS = 3       # a menu item or button: at most this many words
MENU_RUN = 3         # this many tiny lines in a row are a menu
GOOD_WORDS = 10      # prose: at least this many words ...
PROSE_STOP_SHARE = 0.2  # ... ending a sentence or with this share of function words
LONG_WORDS = 25      # prose whatever its punctuation
ISOLATED_BLOCKS = 6  # prose this many blocks away from any other prose, in head or tail
ISOLATED_WORDS = 40  # ... and shorter than this, is a banner or a notice

_AGO = (
    r"\d+\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago"
    r"|(?:vor|il y a|hace|há|منذ)\s+\d+\s*\w+"
    r"|\d+\s*(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет"
    r"|хвилин\w*|годин\w*|днів)\s+(?:назад|тому)"
    r"|\d+\s*(?:minut[io]|or[ae]|giorn[io])\s+fa|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前"
)
_READ = (
    r"\d+\s*(?:mins?\.?|minutes?|min\.)\s*(?:read|de lecture|de lectura|di lettura|de leitura)"
    r"|(?:lesezeit|temps de lecture|tiempo de lectura|reading time)\b"
    r"|\d+\s*(?:минут\w*|мин\.?)\s+(?:на\s+)?чтени\w*|\d+\s*min\.?\s+lesezeit"
    r"|\d+\s*(?:minutos?|minuti)\s+de\s+lectura"
)
_COUNT = (
    r"[\d.,]+\s*[kkкк]?\s*(?:views?|comments?|likes?|shares?|restacks?|просмотр\w*|комментари\w*"
    r"|aufrufe|vues|vistas|visualizzazioni)\b|(?:阅读|评论|浏览)\s*[\d,]+"
)
_CLOCK = r"(?<![\d.,])\d{1,2}[:h]\d{2}(?![\d.,])"
STAMP_RE = re.compile(rf"(?:{_AGO}|{_READ}|{_COUNT}|{_CLOCK})", re.IGNORECASE)
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[йя]|июн|июл"
    r"|август|сентябр|октябр|ноябр|декабр|ноя|januar|februar|märz|mai|juni|juli|oktober|dezember"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero"
    r"|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|листопад|грудн"
    r"|січн|лютого|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|يناير|فبراير|مارس|أبريل|مايو"
    r"|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
)
DATE_RE = re.compile(
    rf"\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}年\d{{1,2}}月|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+"
    rf"(?:{_MONTHS})\w*\.?(?:\s+\d{{4}})?|(?:{_MONTHS})\w*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
BYLINE_RE = re.compile(
    r"^(?:by|par|por|von|di|da|door|av|от|автор:?|авторы:?|作者[:：]?|بقلم|ein kommentar von"
    r"|publicado por|posted by|written by|reporting by)\s+\S", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"\s*(?:[»›|•·∙>]|\s/\s)\s*")


@functools.lru_cache(maxsize=1)
def load_function_words() -> tuple[frozenset[str], frozenset[str]]:
    """Return (function words of every supported language, single Chinese function characters).

    A language's list is data/stopwords/<lang>.txt where that file exists, else the list the
    ``stop-words`` package ships for it.
    """
    from stop_words import get_stop_words

    words: set[str] = set()
    for lang in LANGUAGES:
        own = load_stopwords((lang,))
        words |= own if own else {w.casefold() for w in get_stop_words(_PACKAGE_NAMES[lang])}
    return frozenset(words), frozenset(w for w in words if len(w) == 1 and re.match(f"[{CJK}]", w))


def count_tokens(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Return (words, function words, capitalised words, CJK characters) per text.

    Words are runs of letters; a run of CJK characters counts one word per two characters, and its
    function words are its function characters.
    """
    function_words, cjk_function = load_function_words()
    tokens = text.str.findall(TOKEN_RE.pattern).explode().dropna()
    folded = tokens.str.casefold()
    n_words = tokens.groupby(level=0).size().reindex(text.index, fill_value=0)
    n_stop = folded.isin(function_words).groupby(level=0).sum().reindex(text.index, fill_value=0)
    n_caps = tokens.str[:1].str.isupper().groupby(level=0).sum().reindex(text.index, fill_value=0)
    n_cjk = text.str.count(f"[{CJK}]")
    has_cjk = n_cjk > 0
    if has_cjk.any():
        cjk_pattern = "[" + "".join(sorted(cjk_function)) + "]"
        n_words = n_words + n_cjk // 2
        n_stop = n_stop + text.where(has_cjk, "").str.count(cjk_pattern)
    return (n_words.astype("int64"), n_stop.astype("int64"), n_caps.astype("int64"),
            n_cjk.astype("int64"))


def _fold_words(items: tuple[str, ...]) -> str:
    """An alternation of the given words or phrases, longest first, as whole words."""
    folded = sorted({re.escape(w.casefold()) for w in items}, key=len, reverse=True)
    return rf"(?<!\w)(?:{'|'.join(folded)})(?!\w)" if folded else r"(?!x)x"


def _run_length(flag: pd.Series, doc_id: pd.Series) -> pd.Series:
    """For each flagged block, how many flagged blocks in a row (same document) it belongs to."""
    run_id = (~flag).groupby(doc_id).cumsum()
    return flag.groupby([doc_id, run_id]).transform("sum").where(flag, 0).astype("int64")


def compute_furniture_evidence(b: pd.DataFrame, rules: CleaningRules) -> pd.DataFrame:
    """Add the evidence columns listed in the module docstring (vectorised over all documents).

    Args:
        b: blocks with doc_id, line_start, text, key, n_words, is_short, has_words,
            ends_sentence, is_bullet (see cleaning.compute_block_features).
        rules: the cleaning rules (furniture words and one-word furniture phrases).
    Returns:
        A copy with the evidence columns.
    """
    b = b.copy()
    short = b["is_short"]
    st = b.loc[short, "text"]
    n_words, n_stop, n_caps, _ = count_tokens(st)
    b["n_tokens"] = b["n_words"]
    b.loc[short, "n_tokens"] = n_words
    b["stop_share"] = 1.0
    b.loc[short, "stop_share"] = (n_stop / n_words.clip(lower=1)).astype(float)
    b["cap_share"] = 0.0
    b.loc[short, "cap_share"] = (n_caps / n_words.clip(lower=1)).astype(float)
    small = short & (b["n_tokens"] <= 20)
    sm = b.loc[small, "text"]
    b["stamp"] = ""
    found = sm.str.extract(f"({STAMP_RE.pattern})", flags=re.IGNORECASE)[0]
    b.loc[small, "stamp"] = found.fillna("").str.strip()
    b["is_byline"] = False
    b.loc[small, "is_byline"] = sm.str.match(BYLINE_RE.pattern, flags=re.IGNORECASE) & (
        b.loc[small, "n_tokens"] <= 8)
    b["is_date_line"] = False
    b.loc[small, "is_date_line"] = sm.str.contains(DATE_RE.pattern, flags=re.IGNORECASE) & (
        b.loc[small, "n_tokens"] <= 8)
    separators = sm.str.replace("«[^»]*»", "", regex=True)
    b["n_parts"] = 1
    b.loc[small, "n_parts"] = separators.str.split(SEPARATOR_RE.pattern, regex=True).map(
        lambda parts: sum(bool(p.strip()) for p in parts))
    b["furniture_word"] = ""
    medium = short & (b["n_tokens"] <= 40)
    b.loc[medium, "furniture_word"] = b.loc[medium, "text"].str.casefold().str.extract(
        f"({_fold_words(rules.furniture_words)})")[0].fillna("")
    buttons = [p for p in rules.furniture_phrases if len(p.split()) == 1]
    b["n_buttons"] = 0
    b.loc[small, "n_buttons"] = sm.str.casefold().str.count(_fold_words(tuple(buttons)))
    tiny = (~b["has_words"] | (b["n_tokens"] <= TINY_WORDS)) & ~b["ends_sentence"] & ~b["is_bullet"]
    b["tiny_run"] = _run_length(tiny, b["doc_id"])
    key_count = b.groupby(["doc_id", "key"])["key"].transform("size")
    b["repeats"] = tiny & b["has_words"] & (key_count > 1)
    return classify_evidence(b)


def classify_evidence(b: pd.DataFrame) -> pd.DataFrame:
    """Set ``evidence`` (good, near, short, date, bad) and ``evidence_reason`` from the columns."""
    b = b.copy()
    quoted = "'" + b["stamp"] + "'"
    stamp = (b["stamp"] != "") & (~b["ends_sentence"] | (b["n_tokens"] <= 6))
    b["is_meta"] = stamp | b["is_byline"]
    checks = [
        (b["furniture_word"] != "", "site furniture word '" + b["furniture_word"] + "'"),
        (stamp, "timestamp or counter " + quoted),
        (b["is_byline"], pd.Series("byline-like line", index=b.index)),
        ((b["n_parts"] >= 3) | ((b["n_parts"] == 2) & ~b["ends_sentence"]),
         "row of " + b["n_parts"].astype(str) + " items split by separators (» | • /)"),
        ((b["n_buttons"] >= 2) & (b["n_tokens"] <= 8), "row of share buttons or site links"),
        (b["tiny_run"] >= MENU_RUN, "menu run: " + b["tiny_run"].astype(str)
         + " short lines in a row"),
    ]
    conditions = [c.to_numpy(dtype=bool) for c, _ in checks]
    reasons = [np.asarray(r, dtype=object) for _, r in checks]
    b["evidence_reason"] = np.select(conditions, reasons, default="")
    prose = (b["n_tokens"] >= LONG_WORDS) | ((b["n_tokens"] >= GOOD_WORDS) & (
        b["ends_sentence"] | (b["stop_share"] >= PROSE_STOP_SHARE)))
    near = (b["n_tokens"] >= 3) & b["ends_sentence"] & (b["stop_share"] > 0)
    b["evidence"] = np.select(
        [b["evidence_reason"] != "", prose, near, b["is_date_line"]],
        ["bad", "good", "near", "date"], default="short")
    return b
