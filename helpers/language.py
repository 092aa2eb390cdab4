"""Detect the language of documents and paragraphs, offline.

Detection uses lingua (models ship inside the package; nothing is downloaded) restricted to the
languages in ``LANGUAGES``, on the first ``SAMPLE_CHARS`` characters of a document's content.
A paragraph gets its own detection only when its writing system differs from its document's
(a Russian quotation in an English article); otherwise it inherits the document's language.
Languages are ISO 639-1 codes (``en``, ``ru``); ``''`` means too little text to tell.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

LANGUAGES = ("en", "ru", "uk", "be", "kk", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sr",
             "bg", "ar", "fa", "he", "tr", "zh", "ja", "ko", "hi")
SAMPLE_CHARS = 1000
MIN_LETTERS = 12

# Writing systems, as character classes; the dominant one is the one with most letters.
SCRIPTS = {
    "latin": r"[A-Za-z\u00c0-\u024f]",
    "cyrillic": r"[\u0400-\u04ff]",
    "arabic": r"[\u0600-\u06ff\u0750-\u077f]",
    "hebrew": r"[\u0590-\u05ff]",
    "greek": r"[\u0370-\u03ff]",
    "devanagari": r"[\u0900-\u097f]",
    "kana": r"[\u3040-\u30ff]",
    "han": r"[\u4e00-\u9fff]",
    "hangul": r"[\uac00-\ud7af]",
}


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_languages(texts: list[str]) -> list[str]:
    """ISO 639-1 code for each text ('' when it has fewer than MIN_LETTERS letters)."""
    if not texts:
        return []
    letters = pd.Series(texts, dtype="str").str.count(r"[^\W\d_]")
    enough = [i for i, n in enumerate(letters) if n >= MIN_LETTERS]
    found = _detector().detect_languages_in_parallel_of([texts[i] for i in enough]) if enough else []
    out = [""] * len(texts)
    for i, lang in zip(enough, found):
        out[i] = lang.iso_code_639_1.name.lower() if lang is not None else ""
    return out


def dominant_script(text: pd.Series) -> pd.Series:
    """The writing system with most letters in each text ('' for none)."""
    counts = pd.DataFrame({name: text.str.count(pattern) for name, pattern in SCRIPTS.items()},
                          index=text.index)
    best = counts.idxmax(axis=1).where(counts.max(axis=1) > 0, "")
    has_kana = counts["kana"] > 0
    return best.where(~(has_kana & (best == "han")), "kana").astype("str")


def detect_document_languages(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Language and writing system of each document, from a sample of its content.

    Args:
        paragraphs: doc_id, text (content paragraphs, in order).
    Returns:
        doc_id, language_detected, script.
    """
    sample = paragraphs.groupby("doc_id", sort=True)["text"].agg(lambda t: " ".join(t)[:SAMPLE_CHARS])
    return pd.DataFrame({
        "doc_id": sample.index.astype("str"),
        "language_detected": pd.Series(detect_languages(sample.tolist()), dtype="str"),
        "script": dominant_script(sample.reset_index(drop=True)),
    })


def assign_paragraph_languages(paragraphs: pd.DataFrame, doc_languages: pd.Series,
                               doc_scripts: pd.Series) -> pd.Series:
    """Each paragraph's language: its document's, unless its writing system differs (then detected).

    Args:
        paragraphs: doc_id, text.
        doc_languages: language per doc_id (the manifest's or the detected one).
        doc_scripts: dominant writing system per doc_id.
    Returns:
        A Series of ISO 639-1 codes aligned with ``paragraphs``.
    """
    inherited = paragraphs["doc_id"].map(doc_languages).fillna("")
    script = dominant_script(paragraphs["text"])
    differs = (script != "") & (script != paragraphs["doc_id"].map(doc_scripts).fillna(""))
    out = inherited.copy()
    if differs.any():
        detected = detect_languages(paragraphs.loc[differs, "text"].tolist())
        out.loc[differs] = [d or i for d, i in zip(detected, inherited[differs])]
    return out.astype("str")
