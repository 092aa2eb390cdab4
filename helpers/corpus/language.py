"""Detect the language of documents and paragraphs, offline.

Detection uses lingua (models ship inside the package; nothing is downloaded) restricted to the
languages in ``LANGUAGES``, on the first ``SAMPLE_CHARS`` characters of a document's content. It
runs for documents whose manifest gives no language (or one not in ``LANGUAGE_SCRIPTS``) and for
those whose writing system contradicts the manifest (Cyrillic text declared ``en``); a declared
language that its writing system confirms is trusted without running the detector, which keeps
loading 100,000 documents fast.
A paragraph gets its own detection only when its writing system differs from its document's
(a Russian quotation in an English article); otherwise it inherits the document's language.
Languages are ISO 639-1 codes (``en``, ``ru``); ``''`` means too little text to tell.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

LANGUAGES = ("en", "ru", "uk", "be", "kk", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sr",
             "bg", "ar", "fa", "he", "tr", "zh", "ja", "ko", "hi")
SAMPLE_CHARS = 400
DEFAULT_LANGUAGE = "en"  # what an unknown language ('') is analysed as, everywhere
MIN_LETTERS = 12

# The writing systems a declared language may be written in (used to trust or check a manifest).
LANGUAGE_SCRIPTS = {
    **{code: {"latin"} for code in ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "tr")},
    **{code: {"cyrillic"} for code in ("ru", "uk", "be", "kk", "bg")},
    "sr": {"cyrillic", "latin"}, "ar": {"arabic"}, "fa": {"arabic"}, "he": {"hebrew"},
    "zh": {"han"}, "ja": {"kana", "han"}, "ko": {"hangul"}, "hi": {"devanagari"},
}

# Writing systems, as character classes; the dominant one is the one with most letters. Written
# with the characters themselves (not \u escapes), which RE2 behind pandas' Arrow strings reads.
SCRIPTS = {
    "latin": "[A-Za-z\u00c0-\u024f]",
    "cyrillic": "[\u0400-\u04ff]",
    "arabic": "[\u0600-\u06ff\u0750-\u077f]",
    "hebrew": "[\u0590-\u05ff]",
    "greek": "[\u0370-\u03ff]",
    "devanagari": "[\u0900-\u097f]",
    "kana": "[\u3040-\u30ff]",
    "han": "[\u4e00-\u9fff]",
    "hangul": "[\uac00-\ud7af]",
}
_NON_LATIN_LETTER = "[" + "".join(c.strip("[]") for name, c in SCRIPTS.items() if name != "latin") + "]"


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


def detect_document_languages(paragraphs: pd.DataFrame,
                              declared: pd.Series | None = None) -> pd.DataFrame:
    """Language and writing system of each document, from a sample of its content.

    Args:
        paragraphs: doc_id, text (content paragraphs, in order).
        declared: the manifest's language per doc_id ('' or missing when not given).
    Returns:
        doc_id, script, language_detected (the detector's answer; '' where it did not run because
        the declared language's writing system matched the text's).
    """
    sample = paragraphs.groupby("doc_id", sort=True)["text"].agg(lambda t: " ".join(t)[:SAMPLE_CHARS])
    out = pd.DataFrame({"doc_id": sample.index.astype("str"),
                        "script": dominant_script(sample.reset_index(drop=True))})
    given = out["doc_id"].map(declared).fillna("") if declared is not None else ""
    trusted = pd.Series([lang in LANGUAGE_SCRIPTS and script in LANGUAGE_SCRIPTS[lang]
                         for lang, script in zip(pd.Series(given, index=out.index), out["script"])],
                        index=out.index, dtype=bool)
    out["language_detected"] = ""
    if (~trusted).any():
        out.loc[~trusted, "language_detected"] = detect_languages(
            sample.reset_index(drop=True)[~trusted].tolist())
    out["language_detected"] = out["language_detected"].astype("str")
    return out


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
    doc_script = paragraphs["doc_id"].map(doc_scripts).fillna("")
    # Only paragraphs holding letters of another writing system than their document's can differ.
    latin_doc = doc_script == "latin"
    maybe = pd.Series(True, index=paragraphs.index)
    maybe[latin_doc] = paragraphs.loc[latin_doc, "text"].str.contains(_NON_LATIN_LETTER, regex=True)
    script = pd.Series("", index=paragraphs.index, dtype="str")
    script[maybe] = dominant_script(paragraphs.loc[maybe, "text"])
    differs = (script != "") & (script != doc_script)
    out = inherited.copy()
    if differs.any():
        detected = detect_languages(paragraphs.loc[differs, "text"].tolist())
        out.loc[differs] = [d or i for d, i in zip(detected, inherited[differs])]
    return out.astype("str")


def language_or_default(language: pd.Series) -> pd.Series:
    """Language codes as analysed: lower case, an unknown one ('') counted as DEFAULT_LANGUAGE."""
    return language.fillna("").astype("str").str.strip().str.lower().replace("", DEFAULT_LANGUAGE)


def list_documents_outside(documents: pd.DataFrame, languages: tuple[str, ...],
                           problem: str) -> pd.DataFrame:
    """The documents whose language (unknown counts as DEFAULT_LANGUAGE) is not in ``languages``.

    Args:
        documents: doc_id, language.
        languages: the languages an analysis covers.
        problem: the message for each, with ``{language}`` where the document's language goes.
    Returns:
        doc_id, language, problem (one line each; empty when every document is covered).
    """
    outside = ~language_or_default(documents["language"]).isin(languages)
    out = documents.loc[outside, ["doc_id", "language"]].astype("str").reset_index(drop=True)
    out["problem"] = [problem.format(language=lang) for lang in out["language"]]
    return out.astype("str")
