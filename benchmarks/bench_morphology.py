"""Stems or lemmas? Theme F1 and coding speed of the codebook's Snowball stems (``word~``) against
a lemma-based variant, per language, on the hand-coded samples (data/validation/languages/).

    python -m benchmarks.bench_morphology            # dev and held-out, speed over 20 repeats
    python -m benchmarks.bench_morphology --quick    # speed over 2 repeats

The lemma variant lemmatises the distinct words of the sample once (pymorphy3 with its Russian
and Ukrainian dictionaries; simplemma for English, German, French, Spanish, Italian and
Portuguese), rewrites every sentence as the lemmas of its words, and codes it with the codebook's
patterns rewritten the same way: a ``word~`` or a plain word becomes the lemma of that word, a
``prefix*`` stays a prefix, a raw ``re:`` pattern is kept. Chinese and Arabic have no lemmatiser
here (substrings and clitic-aware prefixes already); they are coded alike in both variants.
Speed is the coding of each language's sample, repeated: for lemmas it includes lemmatising the
vocabulary (once) and rewriting the sentences. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
import sys
import time

import pandas as pd

from helpers import themes
from helpers.corpus import samples
from helpers.patterns import is_raw
from helpers.themes.codebook import Codebook
from helpers.themes.validation import MICRO

SIMPLEMMA = ("en", "de", "fr", "es", "it", "pt")
PYMORPHY = ("ru", "uk")
_WORD = re.compile(r"\w+")
_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def load_lemmatiser(language: str):
    """A function word -> lemma (lower case) for a language, or None when there is none here."""
    if language in PYMORPHY:
        import pymorphy3

        analyser = pymorphy3.MorphAnalyzer(lang=language)
        return lambda word: analyser.parse(word)[0].normal_form
    if language in SIMPLEMMA:
        import simplemma

        return lambda word: simplemma.lemmatize(word, lang=language).lower()
    return None


def lemmatise_texts(texts: pd.Series, lemma) -> tuple[pd.Series, int]:
    """Each text as the lemmas of its words (punctuation and spaces kept), the distinct words
    lemmatised once: (texts, number of distinct words)."""
    vocabulary = {w for t in texts for w in _WORD.findall(t.lower())}
    lemmas = {w: lemma(w) if _PLAIN_WORD.fullmatch(w) else w for w in vocabulary}
    return texts.map(lambda t: _WORD.sub(lambda m: lemmas[m.group(0).lower()], t)), len(vocabulary)


def lemmatise_pattern(written: str, pattern: str, lemma) -> str:
    """A codebook pattern for lemma text: ``word~`` and plain words become lemmas, ``x*`` stays."""
    if is_raw(written):
        return pattern
    out = []
    for word in written.split(" "):
        if word.endswith("~") and not word.endswith("\\~"):
            out.append(lemma(word[:-1].lower()))
        elif _PLAIN_WORD.fullmatch(word):
            out.append(lemma(word.lower()))
        else:
            out.append(word)
    return " ".join(out)


def lemma_codebook(codebook: Codebook, lemmatisers: dict) -> Codebook:
    """The codebook with every pattern of a language that has a lemmatiser rewritten for lemmas."""
    p = codebook.patterns.copy()
    rewritten = [lemmatise_pattern(w, pat, lemmatisers[lang]) if lemmatisers.get(lang) else pat
                 for w, pat, lang in zip(p["written"], p["pattern"], p["language"], strict=True)]
    return Codebook(themes=codebook.themes, patterns=p.assign(pattern=rewritten), source="lemmas")


def pooled_f1(sample: pd.DataFrame, codebook: Codebook, split: str) -> pd.DataFrame:
    """language, level, f1 (all themes pooled) on one split."""
    scores = themes.score_languages(sample, codebook, split=split)
    return scores.loc[scores["theme"] == MICRO, ["language", "level", "f1"]]


def time_coding(sample: pd.DataFrame, codebook: Codebook, lemma, repeats: int) -> float:
    """Seconds to code a language's sample ``repeats`` times (lemmatising included)."""
    start = time.perf_counter()
    texts = sample["text"]
    if lemma is not None:
        texts, _ = lemmatise_texts(texts, lemma)
    sentences, documents = samples.sample_tables(sample.assign(text=texts))
    for _ in range(repeats):
        themes.code_sentences(sentences, codebook, documents)
    return time.perf_counter() - start


def compare(repeats: int) -> pd.DataFrame:
    """One row per language: F1 of stems and lemmas (dev and held-out, document and sentence),
    coding seconds of each, distinct words lemmatised."""
    sample = samples.load_language_samples()
    codebook = themes.load_codebook()
    languages = sorted(sample["language"].unique())
    lemmatisers = {lang: load_lemmatiser(lang) for lang in languages}
    lemma_book = lemma_codebook(codebook, lemmatisers)
    lemma_sample = sample.copy()
    n_words = {}
    for lang in languages:
        rows = sample["language"] == lang
        if lemmatisers[lang] is not None:
            lemma_sample.loc[rows, "text"], n_words[lang] = lemmatise_texts(sample.loc[rows, "text"],
                                                                            lemmatisers[lang])
    rows = []
    for split in samples.SPLITS:
        for variant, book, data in (("stems", codebook, sample), ("lemmas", lemma_book, lemma_sample)):
            f1 = pooled_f1(data, book, split)
            for language, level, value in f1.itertuples(index=False):
                column = f"{variant} {level[:3]} {split}"
                rows.append({"language": language, "column": column, "value": value})
    table = pd.DataFrame(rows).pivot(index="language", columns="column", values="value")
    for lang in languages:
        part = sample[sample["language"] == lang]
        table.loc[lang, "stems s"] = time_coding(part, codebook, None, repeats)
        table.loc[lang, "lemmas s"] = time_coding(part, lemma_book, lemmatisers[lang], repeats)
        table.loc[lang, "words lemmatised"] = n_words.get(lang, 0)
    order = [f"{v} {lv} {s}" for s in samples.SPLITS for lv in ("doc", "sen") for v in ("stems", "lemmas")]
    return table[[*order, "stems s", "lemmas s", "words lemmatised"]].reset_index()


def format_markdown(table: pd.DataFrame) -> str:
    """The table as Markdown, numbers with two decimals (counts as integers)."""
    def cell(v) -> str:
        return v if isinstance(v, str) else f"{v:.0f}" if float(v).is_integer() and v != 1 else f"{v:.2f}"
    lines = ["| " + " | ".join(table.columns) + " |", "|---" * len(table.columns) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_morphology",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="time 2 repeats instead of 20")
    args = parser.parse_args(argv)
    repeats = 2 if args.quick else 20
    table = compare(repeats)
    print(format_markdown(table))
    print(f"\nF1 pooled over the 16 themes (doc = document level, sen = sentence level); seconds to "
          f"code each language's whole sample {repeats} times, one process. Chinese and Arabic have "
          f"no lemmatiser here: both columns code them alike.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
