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
import pyarrow as pa
import pyarrow.compute as pc

from helpers.corpus.rules import CleaningRules
from helpers.corpus.words import load_stopwords

LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "pt", "uk", "zh", "ar")
_PACKAGE_NAMES = {"de": "german", "fr": "french", "es": "spanish", "it": "italian",
                  "pt": "portuguese", "uk": "ukrainian", "zh": "chinese", "ar": "arabic",
                  "en": "english", "ru": "russian"}
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE2 = r"\x{3040}-\x{30ff}\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}\x{f900}-\x{faff}"
_LETTER_RE = rf"[^\P{{L}}{_CJK_RE2}]"  # a letter outside CJK (RE2)
_PUNCTUATION = "\"'«»“”„‘’()[]{}.,;:!?…—–-/|•·*#%&+=<>~^`@$\\"
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
_CLOCK = r"\b\d{1,2}[:h]\d{2}\b"
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
STAMP_WORDS = r"lesezeit|temps de lecture|tiempo de lectura|reading time"  # stamps without digits
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


def count_tokens(text: pd.Series, buttons: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Count words per text: n_words, n_stop (function words), n_caps (capitalised), n_cjk (CJK
    characters) and n_buttons (words that are one-word furniture phrases, case-folded).

    Words are the space-separated pieces of the (normalised) text that hold a letter, stripped of
    punctuation; CJK characters count one word per two, and their function words are the function
    characters. Runs on pyarrow (RE2) over the whole column.
    """
    function_words, cjk_function = load_function_words()
    values = pa.array(text.astype(str).tolist(), type=pa.string())
    pieces = pc.split_pattern(values, pattern=" ")
    row = pc.list_parent_indices(pieces).to_numpy()
    tokens = pc.utf8_trim(pc.list_flatten(pieces), characters=_PUNCTUATION)
    keep = pc.match_substring_regex(tokens, pattern=_LETTER_RE).to_numpy(zero_copy_only=False)
    tokens, row = pc.filter(tokens, pa.array(keep)), row[keep]
    folded = pc.utf8_lower(tokens)

    def per_text(flags) -> np.ndarray:
        weights = np.asarray(flags.to_numpy(zero_copy_only=False), dtype="int64")
        return np.bincount(row, weights=weights, minlength=len(text)).astype("int64")

    n_cjk = pc.count_substring_regex(values, pattern=f"[{_CJK_RE2}]").to_numpy().astype("int64")
    out = pd.DataFrame({
        "n_words": np.bincount(row, minlength=len(text)).astype("int64") + n_cjk // 2,
        "n_stop": per_text(pc.is_in(folded, value_set=pa.array(sorted(function_words)))),
        "n_caps": per_text(pc.utf8_is_upper(pc.utf8_slice_codeunits(tokens, 0, 1))),
        "n_cjk": n_cjk,
        "n_buttons": per_text(pc.is_in(folded, value_set=pa.array(sorted(buttons), type=pa.string()))),
    }, index=text.index)
    if (n_cjk > 0).any():
        cjk_pattern = "[" + "".join(sorted(cjk_function)) + "]"
        out["n_stop"] += pc.count_substring_regex(values, pattern=cjk_pattern).to_numpy().astype("int64")
    return out


def _re2_escape(word: str) -> str:
    """A literal word as a regular expression both RE2 and Python read the same way."""
    return re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", word)


def find_first_word(text: pd.Series, words: tuple[str, ...]) -> pd.Series:
    """The first of ``words`` (longest first, ignoring case) found anywhere in each text, or ''."""
    folded = text.str.casefold()
    out = pd.Series("", index=text.index, dtype=object)
    for word in sorted({w.casefold() for w in words}, key=len, reverse=True):
        hit = (out == "") & folded.str.contains(word, regex=False)
        out[hit] = word
    return out.astype(str)


def count_parts(text: pd.Series) -> pd.Series:
    """Items in a row split by separators (1 where there is none); «quoted» text is not split."""
    parts = pd.Series(1, index=text.index, dtype="int64")
    has_sep = text.str.contains(r"[»›|•·∙>]|\s/\s", regex=True)
    if has_sep.any():
        rows = text[has_sep].str.replace("«[^»]*»", "", regex=True).str.strip(" »›|•·∙>/")
        parts[has_sep] = rows.str.count(SEPARATOR_RE.pattern) + 1
    return parts


def _run_length(flag: pd.Series, doc_id: pd.Series) -> pd.Series:
    """For each flagged block, how many flagged blocks in a row (same document) it belongs to."""
    run_id = (~flag).groupby(doc_id).cumsum()
    return flag.groupby([doc_id, run_id]).transform("sum").where(flag, 0).astype("int64")


def compute_text_evidence(b: pd.DataFrame, rules: CleaningRules) -> pd.DataFrame:
    """Add the evidence that depends on a block's text alone (n_tokens, stop_share, cap_share,
    n_buttons, stamp, is_byline, is_date_line, n_parts, furniture_word); vectorised, and run once
    per distinct text by the caller.

    Args:
        b: texts with text, n_words, is_short (see cleaning.compute_block_features).
        rules: the cleaning rules (furniture words and one-word furniture phrases).
    Returns:
        A copy with those columns.
    """
    b = b.copy()
    short = b["is_short"]
    buttons = frozenset(p.casefold() for p in rules.furniture_phrases if len(p.split()) == 1)
    counts = count_tokens(b.loc[short, "text"], buttons)
    n_words = counts["n_words"]
    b["n_tokens"] = b["n_words"]
    b.loc[short, "n_tokens"] = n_words
    b["stop_share"] = 1.0
    b.loc[short, "stop_share"] = (counts["n_stop"] / n_words.clip(lower=1)).astype(float)
    b["cap_share"] = 0.0
    b.loc[short, "cap_share"] = (counts["n_caps"] / n_words.clip(lower=1)).astype(float)
    b["n_buttons"] = 0
    b.loc[short, "n_buttons"] = counts["n_buttons"]
    small = short & (b["n_tokens"] <= 20)
    sm = b.loc[small, "text"]
    digits = pd.Series(False, index=b.index)
    digits[small] = sm.str.contains(r"\d", regex=True)
    stamped = digits.copy()
    stamped[small] |= sm.str.contains(STAMP_WORDS, case=False, regex=True)
    b["stamp"] = ""
    found = b.loc[stamped, "text"].str.extract(f"({STAMP_RE.pattern})", flags=re.IGNORECASE)[0]
    b.loc[stamped, "stamp"] = found.fillna("").str.strip()
    b["is_byline"] = False
    b.loc[small, "is_byline"] = sm.str.match(BYLINE_RE.pattern, case=False) & (
        b.loc[small, "n_tokens"] <= 8)
    dated = digits & (b["n_tokens"] <= 8)
    b["is_date_line"] = False
    b.loc[dated, "is_date_line"] = b.loc[dated, "text"].str.contains(DATE_RE.pattern,
                                                                     flags=re.IGNORECASE)
    b["n_parts"] = 1
    b.loc[small, "n_parts"] = count_parts(b.loc[small, "text"])
    any_word = "|".join(_re2_escape(w) for w in rules.furniture_words) or r"[^\s\S]"
    medium = short & (b["n_tokens"] <= 40)
    medium[medium] = b.loc[medium, "text"].str.contains(any_word, case=False, regex=True)
    b["furniture_word"] = ""
    b.loc[medium, "furniture_word"] = find_first_word(b.loc[medium, "text"], rules.furniture_words)
    return b


def compute_furniture_evidence(b: pd.DataFrame) -> pd.DataFrame:
    """Add the evidence that depends on the page (tiny_run, repeats) and classify every block.

    Args:
        b: blocks with doc_id, key, has_words, ends_sentence, is_bullet (see
            cleaning.compute_block_features) and the columns of compute_text_evidence.
    Returns:
        b with the evidence columns listed in the module docstring (added in place).
    """
    tiny = (~b["has_words"] | (b["n_tokens"] <= TINY_WORDS)) & ~b["ends_sentence"] & ~b["is_bullet"]
    b["tiny_run"] = _run_length(tiny, b["doc_id"])
    candidates = tiny & b["has_words"]
    key_count = b.loc[candidates].groupby(["doc_id", "key"])["key"].transform("size")
    b["repeats"] = False
    b.loc[candidates, "repeats"] = key_count > 1
    return classify_evidence(b)


def select_first(conditions: list[np.ndarray], choices: list, default: str) -> np.ndarray:
    """numpy.select for text: per row, the choice of the first true condition, else ``default``.

    A choice is a string or one value per row; only the rows it is chosen for are read, so a
    long list of rules does not turn every rule's text into Python strings for every row.

    Returns:
        An object array of the chosen values.
    """
    n = len(conditions[0]) if conditions else 0
    first = np.full(n, len(conditions))
    for i in range(len(conditions) - 1, -1, -1):
        first[conditions[i]] = i
    out = np.full(n, default, dtype=object)
    for i, choice in enumerate(choices):
        rows = np.flatnonzero(first == i)
        if not rows.size:
            continue
        if isinstance(choice, str):
            out[rows] = choice
        elif isinstance(choice, pd.Series):
            out[rows] = choice.iloc[rows].to_numpy(dtype=object)
        else:
            out[rows] = np.asarray(choice)[rows].astype(object)
    return out


def classify_evidence(b: pd.DataFrame) -> pd.DataFrame:
    """Set ``evidence`` (good, near, short, date, bad) and ``evidence_reason`` from the columns
    (in place; returns b)."""
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
    b["evidence_reason"] = select_first(conditions, [r for _, r in checks], default="")
    prose = (b["n_tokens"] >= LONG_WORDS) | ((b["n_tokens"] >= GOOD_WORDS) & (
        b["ends_sentence"] | (b["stop_share"] >= PROSE_STOP_SHARE)))
    near = (b["n_tokens"] >= 3) & b["ends_sentence"] & (b["stop_share"] > 0)
    b["evidence"] = np.select(
        [b["evidence_reason"] != "", prose, near, b["is_date_line"]],
        ["bad", "good", "near", "date"], default="short")
    return b
