"""Matching names and cue words in languages whose words are not separated by spaces alone.

Whole-word matching (helpers.patterns.scan_texts) needs a non-letter before a word. Chinese and
Japanese write words without spaces (普京 inside 普京指责), so in their sentences a phrase is
found wherever it occurs. Arabic attaches clitics to the word: the conjunctions و ف, the
prepositions ب ك ل and the article ال (لل after ل): وروسيا, لروسيا, الكرملين, بالصين. In Arabic
sentences a phrase is found after any of these prefixes, and with any ending (a phrase is a stem:
روسي finds روسيا, الروسية). Other languages are left to scan_texts.
"""

from __future__ import annotations

import re

import pandas as pd

SUBSTRING_LANGUAGES = frozenset({"zh", "ja"})
CLITIC_LANGUAGES = {"ar": "[وف]?(?:لل|[بك]?ال|[بكل])?"}
UNSPACED_LANGUAGES = SUBSTRING_LANGUAGES | set(CLITIC_LANGUAGES)
HIT_COLUMNS = ["row", "start", "end", "match", "phrase_text"]


def is_unspaced(language: pd.Series | None, index: pd.Index) -> pd.Series:
    """Whether each row's language is one this module matches (False without a language column)."""
    if language is None:
        return pd.Series(False, index=index)
    return language.fillna("").astype("str").isin(UNSPACED_LANGUAGES)


def _phrase_re(phrase: str) -> str:
    """A phrase as a Python regex: literal, ``*`` at a word end for any ending, spaces as spaces."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in phrase.split(" ")]
    return r"[ \t\u00a0]+".join(words)


def scan_unspaced(texts: pd.Series, languages: pd.Series, phrases: list[str],
                  ignore_case: bool = False) -> pd.DataFrame:
    """Every match of the phrases in Chinese, Japanese and Arabic texts (see the module doc).

    Args:
        texts, languages: aligned Series (rows in other languages are skipped).
        phrases: names or cues as written (``*`` at a word end: any ending).
        ignore_case: match case-insensitively (Latin names inside such texts).
    Returns:
        row (position in ``texts``), start, end (offsets of the phrase, clitics left out;
        in Arabic the end includes the word's ending), match (the text matched),
        phrase_text (the part that matched the phrase itself, for resolving it); leftmost-longest
        phrase first at each position.
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p.replace("*", "")), p))
    if not ordered:
        return pd.DataFrame(columns=HIT_COLUMNS)
    core = "|".join(_phrase_re(p) for p in ordered)
    flags = re.IGNORECASE if ignore_case else 0
    compiled = {lang: re.compile(f"(?<!\\w){prefix}(?P<p>{core})\\w*", flags)
                for lang, prefix in CLITIC_LANGUAGES.items()}
    substring = re.compile(f"(?P<p>{core})", flags)
    langs = languages.fillna("").astype("str").to_numpy()
    rows = []
    for i, (text, lang) in enumerate(zip(texts.tolist(), langs, strict=True)):
        pattern = compiled.get(lang) or (substring if lang in SUBSTRING_LANGUAGES else None)
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            rows.append((i, m.start("p"), m.end(), text[m.start("p"):m.end()], m.group("p")))
    return pd.DataFrame(rows, columns=HIT_COLUMNS).astype(
        {"row": "int64", "start": "int64", "end": "int64", "match": "str", "phrase_text": "str"})
