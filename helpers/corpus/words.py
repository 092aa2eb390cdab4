"""Words over the sentences table: word tokens and counts, stop words, term counts and top terms,
and keyword-in-context (find_term, format_kwic)."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers import paths

WORD_PATTERN = r"\w+(?:['’\-]\w+)*"
# The same words in RE2 syntax (RE2's \w is ASCII only): for pyarrow's regex kernels.
WORD_PATTERN_RE2 = r"[\pL\pN_]+(?:['’\-][\pL\pN_]+)*"
_WORD_RE = re.compile(WORD_PATTERN)


def count_words(text: pd.Series) -> pd.Series:
    """Number of word tokens in each text (letters/digits, with inner apostrophes or hyphens):
    WORD_PATTERN, counted in one pass by pyarrow's RE2 kernel (WORD_PATTERN_RE2)."""
    array = pa.array(text.astype("str").tolist(), type=pa.large_string())
    counts = pc.count_substring_regex(array, WORD_PATTERN_RE2).to_numpy(zero_copy_only=False)
    return pd.Series(counts, index=text.index, dtype="int64")


@lru_cache(maxsize=8)
def load_stopwords(languages: tuple[str, ...] = ("en", "ru")) -> frozenset[str]:
    """Read the stop-word lists in data/stopwords/<language>.txt (one word a line, # comments)."""
    words: set[str] = set()
    for lang in languages:
        path = paths.STOPWORDS_DIR / f"{lang}.txt"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                word = line.split("#", 1)[0].strip().casefold()
                if word:
                    words.add(word)
    return frozenset(words)


def tokenize_words(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per word token: doc_id, sent_id, token (case-folded, possessive 's removed)."""
    tokens = (
        sentences[["doc_id", "sent_id"]]
        .assign(token=sentences["text"].str.casefold().str.replace("’", "'").str.findall(WORD_PATTERN))
        .explode("token", ignore_index=True)
        .dropna(subset=["token"])
    )
    tokens["token"] = tokens["token"].str.replace(r"'s$", "", regex=True).astype("str")
    return tokens.reset_index(drop=True)


def count_terms(sentences: pd.DataFrame, by: str = "doc_id", stopwords: frozenset[str] | None = None,
                min_length: int = 3) -> pd.DataFrame:
    """Count content words per group.

    Args:
        sentences: the sentences table (or any table with doc_id, sent_id, text and ``by``).
        by: column to group by (default doc_id).
        stopwords: words to leave out; default the English and Russian lists in data/stopwords.
        min_length: shortest word counted (in characters).
    Returns:
        ``by``, term, n: one row per group and term, most frequent first, ties alphabetical.
    """
    stop = load_stopwords() if stopwords is None else stopwords
    keep = sentences[["sent_id", by]] if by != "doc_id" else sentences[["sent_id"]]
    tokens = tokenize_words(sentences)
    if by != "doc_id":
        tokens = tokens.merge(keep, on="sent_id", how="left")
    tokens = tokens[
        (tokens["token"].str.len() >= min_length)
        & tokens["token"].str.contains(r"[^\W\d_]", regex=True)
        & ~tokens["token"].isin(stop)
    ]
    counts = tokens.groupby([by, "token"]).size().rename("n").reset_index()
    counts = counts.rename(columns={"token": "term"})
    return counts.sort_values([by, "n", "term"], ascending=[True, False, True], ignore_index=True)


def top_terms(counts: pd.DataFrame, n: int = 10, by: str = "doc_id") -> pd.DataFrame:
    """The ``n`` most frequent terms per group, with their rank (1 = most frequent)."""
    top = counts.groupby(by, sort=True).head(n).copy()
    top["rank"] = top.groupby(by).cumcount() + 1
    return top[[by, "rank", "term", "n"]].reset_index(drop=True)


def term_pattern(term: str) -> str:
    """Regular expression for a researcher's search term.

    Words match whole words case-insensitively; a trailing ``*`` matches any ending
    (``sanction*`` finds sanction, sanctions, sanctioned); spaces match any run of white space.
    """
    words = term.strip().split()
    if not words:
        raise ValueError("term: empty search term")
    parts = []
    for w in words:
        stem = re.escape(w.rstrip("*"))
        parts.append(stem + (r"\w*" if w.endswith("*") else ""))
    return r"(?i)(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


def find_term(sentences: pd.DataFrame, term: str) -> pd.DataFrame:
    """Every match of a search term in the sentences.

    Returns:
        doc_id, sent_id, term, start, end (offsets in the sentence text), in corpus order.
    """
    pattern = re.compile(term_pattern(term))
    rows = [
        (doc_id, sent_id, m.group(0), m.start(), m.end())
        for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"])
        for m in pattern.finditer(text)
    ]
    out = pd.DataFrame(rows, columns=["doc_id", "sent_id", "term", "start", "end"])
    return out.astype({"doc_id": "str", "sent_id": "str", "term": "str",
                       "start": "int64", "end": "int64"})


def format_kwic(sentences: pd.DataFrame, matches: pd.DataFrame, width: int = 45) -> pd.DataFrame:
    """Keyword-in-context lines for matches (any table with doc_id, sent_id, start, end).

    Returns:
        The matches' doc_id, sent_id (and theme/term columns if present) with left, match, right:
        up to ``width`` characters of context either side, cut at a word and marked with "…".
    """
    merged = matches.merge(sentences[["sent_id", "text"]], on="sent_id", how="left")
    left = [t[max(0, s - width):s] for t, s in zip(merged["text"], merged["start"])]
    right = [t[e:e + width] for t, e in zip(merged["text"], merged["end"])]
    merged["left"] = [
        ("…" + re.sub(r"^\S*\s", "", lf, count=1)) if s > width else lf
        for lf, s in zip(left, merged["start"])
    ]
    merged["right"] = [
        (re.sub(r"\s\S*$", "", rt, count=1) + "…") if e + width < len(t) else rt
        for rt, e, t in zip(right, merged["end"], merged["text"])
    ]
    merged["match"] = [t[s:e] for t, s, e in zip(merged["text"], merged["start"], merged["end"])]
    keep = [c for c in matches.columns if c not in {"start", "end", "term"}]
    return merged[keep + ["left", "match", "right"]].astype({"left": "str", "match": "str",
                                                             "right": "str"})


def top_terms_table(counts: pd.DataFrame, n: int = 10, by: str = "doc_id") -> pd.DataFrame:
    """Top terms side by side: one row per rank, one column per group, cells "term (count)"."""
    top = top_terms(counts, n=n, by=by)
    top["cell"] = top["term"] + " (" + top["n"].astype(str) + ")"
    wide = top.pivot(index="rank", columns=by, values="cell").fillna("")
    wide.columns.name = None
    return wide


def count_matches(matches: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Matches per document (every document listed, zero included), with sentences matched."""
    per_doc = matches.groupby("doc_id").agg(n_matches=("sent_id", "size"),
                                           n_sentences=("sent_id", "nunique"))
    out = documents[["doc_id"]].join(per_doc, on="doc_id").fillna(0)
    return out.astype({"n_matches": "int64", "n_sentences": "int64"}).reset_index(drop=True)
