"""Sentences, words, term counts and keyword-in-context over the corpus tables.

Sentence splitting runs one regular expression over all paragraphs at once (joined with newlines)
and maps the boundaries back, so it serves a hundred thousand articles as well as five. A boundary
is terminal punctuation (. ! ? … 。 ！ ？ ؟), with any closing quotes or brackets, followed by
white space and a character that can start a sentence (not a lower-case letter), except after a
known abbreviation (U.S., e.g., Mr., No. 34, ...). CJK terminal punctuation needs no space.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers import paths

# Abbreviations after which a full stop does not end a sentence (compared case-sensitively
# without the final dot). Those in NUMBER_ABBREVIATIONS only when a number follows ("No. 34").
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof Sr Jr St Gen Col Lt Sgt Capt Cmdr Adm Gov Sen Rep Pres Rev Hon "
    "Inc Ltd Co Corp Bros Dept Univ Assn Est "
    "e.g i.e etc vs cf al approx ca viz resp "
    "U.S U.K U.N E.U U.S.A U.S.S.R D.C a.m p.m "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "т.е т.д т.п др им г гг ул д стр см напр".split()
)
NUMBER_ABBREVIATIONS = frozenset({"No", "Nos", "no", "p", "pp", "vol", "Vol", "Art", "art",
                                  "Fig", "fig", "ch", "Ch", "sec", "Sec", "№"})

# Candidate boundaries: terminal punctuation (with closing quotes/brackets) followed by spaces and
# something that is not a common lower-case letter, or CJK terminal punctuation; _is_boundary
# then rules out abbreviations and other scripts' lower case.
_TERMINAL = re.compile(r"[.!?…؟।]+[\"'”’»)\]]*(?=[ \t\u00a0]+[^\sa-zà-ÿа-яё])|[。！？]+[\"'”’»)\]]*")
_CJK_TERMINAL = frozenset("。！？")
_TOKEN_BEFORE = re.compile(r"([\w.№]+)$")
WORD_PATTERN = r"\w+(?:['’\-]\w+)*"
# The same words in RE2 syntax (RE2's \w is ASCII only): for pyarrow's regex kernels.
WORD_PATTERN_RE2 = r"[\pL\pN_]+(?:['’\-][\pL\pN_]+)*"
MAX_SENTENCE_CHARS = 2000  # longer stretches without sentence punctuation are cut at a space
_WORD_RE = re.compile(WORD_PATTERN)


def _is_boundary(joined: str, m: re.Match) -> bool:
    """Decide whether a run of terminal punctuation ends a sentence."""
    end = m.end()
    if end >= len(joined) or joined[end] == "\n":
        return False  # the paragraph's end is a boundary anyway
    if m.group(0)[0] in _CJK_TERMINAL:
        return True
    if not joined[end].isspace():
        return False
    rest = joined[end:end + 40].lstrip(" \t\u00a0")
    if not rest or rest[0] == "\n" or rest[0].islower():
        return False
    if m.group(0)[0] == "." and m.end() - m.start() == 1:
        before = _TOKEN_BEFORE.search(joined, max(0, m.start() - 24), m.start())
        token = before.group(1) if before else ""
        if token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS:
            return False
        if token in NUMBER_ABBREVIATIONS and rest[0].isdigit():
            return False
        if len(token) == 1 and token.isupper():
            return False  # an initial: "J. Nocetti"
    return True


def _cap_spans(starts: np.ndarray, ends: np.ndarray, joined: str,
               limit: int = MAX_SENTENCE_CHARS) -> tuple[np.ndarray, np.ndarray]:
    """Cut spans longer than ``limit`` into pieces, at the last space before the limit if any."""
    long = np.flatnonzero(ends - starts > limit)
    if not len(long):
        return starts, ends
    extra_a, extra_z = [], []
    for i in long:
        a, z = int(starts[i]), int(ends[i])
        while z - a > limit:
            space = joined.rfind(" ", a + limit // 2, a + limit)
            cut = space + 1 if space > a else a + limit
            extra_a.append(a)
            extra_z.append(cut)
            a = cut
        starts[i] = a
    all_a = np.concatenate([starts, np.array(extra_a, dtype=np.int64)])
    all_z = np.concatenate([ends, np.array(extra_z, dtype=np.int64)])
    order = np.argsort(all_a, kind="stable")
    return all_a[order], all_z[order]


def split_sentences(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Split paragraph text into sentences with their offsets in the paragraph.

    One regular-expression pass finds the candidate boundaries over all paragraphs joined with
    newlines; spans, trimming and numbering are then computed with numpy and Arrow for the whole
    table at once.

    Args:
        paragraphs: doc_id, para_id, role, text (text has no newlines); language if present.
    Returns:
        doc_id, para_id, sent_id, role, (language,) text, start, end, where
        ``paragraph_text[start:end] == text`` and sent_id is ``<para_id>-sNN`` (two digits, or
        more when the paragraph has 100 sentences or more). A stretch longer than
        MAX_SENTENCE_CHARS without sentence punctuation is cut at a space.
    """
    carried = [c for c in ("doc_id", "para_id", "role", "language") if c in paragraphs.columns]
    texts = paragraphs["text"].tolist()
    if not texts:
        columns = carried[:2] + ["sent_id"] + carried[2:] + ["text", "start", "end"]
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else "str")
                             for c in columns})
    joined = "\n".join(texts)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    para_start = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]).astype(np.int64)
    cuts = np.fromiter((m.end() for m in _TERMINAL.finditer(joined) if _is_boundary(joined, m)),
                       dtype=np.int64)
    points = np.concatenate([para_start, cuts])
    points.sort(kind="stable")
    para_of = np.searchsorted(para_start, points, side="right") - 1
    next_point = np.append(points[1:], len(joined))
    same_para = np.append(para_of[1:] == para_of[:-1], False)
    span_end = np.where(same_para, next_point, para_start[para_of] + lengths[para_of])
    span_start, span_end = _cap_spans(points, span_end, joined)
    para_of = np.searchsorted(para_start, span_start, side="right") - 1
    pieces = pd.Series([joined[a:z] for a, z in zip(span_start.tolist(), span_end.tolist())],
                       dtype="str")
    stripped = pieces.str.strip()
    keep = (stripped.str.len() > 0).to_numpy()
    lead = (pieces.str.len() - pieces.str.lstrip().str.len()).to_numpy()
    start = (span_start + lead - para_start[para_of])[keep]
    para_idx = para_of[keep]
    text = stripped[keep].reset_index(drop=True)
    number = pd.Series(para_idx).groupby(para_idx).cumcount().to_numpy() + 1
    count = np.bincount(para_idx, minlength=len(texts))[para_idx] if len(para_idx) else para_idx
    para_ids = paragraphs["para_id"].to_numpy()[para_idx]
    out = paragraphs[carried].iloc[para_idx].reset_index(drop=True).astype("str")
    out.insert(2, "sent_id", pd.Series(
        [f"{p}-s{n:0{max(2, len(str(k)))}d}" for p, n, k in zip(para_ids, number, count)],
        dtype="str"))
    out["text"] = text
    out["start"] = pd.Series(start, dtype="int64")
    out["end"] = pd.Series(start + text.str.len().to_numpy(), dtype="int64")
    return out


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
