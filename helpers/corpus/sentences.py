"""Sentence splitting over the paragraphs table.

Splitting runs one regular expression over all paragraphs at once (joined with newlines) and maps
the boundaries back, so it serves a hundred thousand articles as well as five. A boundary is
terminal punctuation (. ! ? … 。 ！ ？ ؟), with any closing quotes or brackets, followed by white
space and a character that can start a sentence (not a lower-case letter), except after a known
abbreviation of the paragraph's language (helpers.corpus.abbreviations: U.S., z. B., проф., кв. 234,
Ago. 1984), after initials (В.В. Путин), after an item number (1. … 2. …), inside a spaced
ellipsis (. . .) and before a dialogue dash followed by lower case (? — спросил он). "the U.S."
ends a sentence when the next word typically opens one. CJK terminal punctuation needs no space,
but does not end a sentence inside 《…》 or 「…」.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.corpus.abbreviations import (
    SENTENCE_FINAL,
    abbreviations_for,
)

# Candidate boundaries (a run is tried from its first character only, so a run of 100,000 dots
# costs linear time): terminal punctuation (with closing quotes/brackets, and a French closing
# guillemet after a space) followed by spaces and something that is not a common lower-case
# letter, or CJK terminal punctuation; _is_boundary then rules out abbreviations, initials,
# numbered items, spaced ellipses, dialogue dashes and other scripts' lower case.
_TERMINAL = re.compile(r"(?<![.!?…؟।])[.!?…؟।]+(?:[ \u00a0\u202f][»›])?[\"'”’“»›)\]]*"
                       r"(?=[ \t\u00a0]+[^\sa-zà-ÿа-яё])"
                       r"|[。！？]+[\"'”’」』)）]*")
_CJK_TERMINAL = frozenset("。！？")
_CJK_OPEN, _CJK_CLOSE = "《「『（“", "》」』）”"
_DASHES = "—–-"
_TOKEN_BEFORE = re.compile(r"([\w.№°-]+)$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
MAX_SENTENCE_CHARS = 2000  # longer stretches without sentence punctuation are cut at a space


def _is_boundary(joined: str, m: re.Match, language: str = "en") -> bool:
    """Decide whether a run of terminal punctuation ends a sentence (in the paragraph's language)."""
    end = m.end()
    if end >= len(joined) or joined[end] == "\n":
        return False  # the paragraph's end is a boundary anyway
    if m.group(0)[0] in _CJK_TERMINAL:
        return not _inside_cjk_title(joined, m.start())
    if not joined[end].isspace():
        return False
    rest = joined[end:end + 40].lstrip(" \t\u00a0")
    if not rest or rest[0] == "\n" or rest[0].islower() or rest[0] in "»›”)":
        return False  # lower case, or a closing quote the sentence goes on after ("? » a-t-il")
    if rest[0] in _DASHES and rest[1:2].isspace() and rest[2:3].islower():
        return False  # "— Ты придёшь? — спросил он."
    if m.group(0) == ".":
        return _is_full_stop(joined, m.start(), rest, language)
    return True


def _inside_cjk_title(joined: str, at: int) -> bool:
    """Whether position ``at`` lies inside an unclosed 《…》, 「…」 or （…） of its paragraph."""
    line_start = joined.rfind("\n", 0, at) + 1
    head = joined[line_start:at]
    return any(head.rfind(o) > head.rfind(c) for o, c in zip(_CJK_OPEN, _CJK_CLOSE, strict=True))


def _is_full_stop(joined: str, at: int, rest: str, language: str) -> bool:
    """Whether a single '.' at ``at``, followed by spaces and ``rest``, ends a sentence."""
    if rest[0] == ".":
        return False  # inside a spaced ellipsis ". . ."
    if joined[max(0, at - 4):at] == ". . ":
        return joined[max(0, at - 6):at - 4] == ". "  # ". . . ." ends one; ". . ." alone does not
    before = _TOKEN_BEFORE.search(joined, max(0, at - 24), at)
    token = before.group(1) if before else ""
    never, numbers, starters = abbreviations_for(language)
    next_word = rest.split(None, 1)[0].strip("\"'“„«(") if rest.split() else ""
    if token in SENTENCE_FINAL:
        return next_word in starters
    if token in never or token.rstrip(".") in never:
        return False
    if token in numbers and rest[0].isdigit():
        return False
    if _INITIALS.fullmatch(token) and token[-1].isupper() and len(token.replace(".", "")) <= 3:
        return False  # an initial or compound initials: "J. Nocetti", "В.В. Путин"
    return not (len(token) <= 3 and token.isdigit() and _is_item_number(joined, at - len(token)))


def _is_item_number(joined: str, at: int) -> bool:
    """Whether the number starting at ``at`` opens a numbered item: at the paragraph's start or
    after a colon or a sentence's end ("Steps: 1. Chips. 2. Talent.")."""
    line_start = joined.rfind("\n", 0, at) + 1
    head = joined[max(line_start, at - 200):at].rstrip(" \t\u00a0")
    return head == "" or head[-1] in ":;.!?"


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


def _find_cuts(joined: str, para_start: np.ndarray, language: pd.Series | None) -> np.ndarray:
    """Offsets in ``joined`` where a sentence ends inside a paragraph."""
    candidates = list(_TERMINAL.finditer(joined))
    if not candidates:
        return np.array([], dtype=np.int64)
    if language is None:
        langs = ["en"] * len(candidates)
    else:
        para_langs = language.fillna("").astype("str").to_numpy()
        where = np.searchsorted(para_start, [m.start() for m in candidates], side="right") - 1
        langs = para_langs[where].tolist()
    return np.fromiter((m.end() for m, lang in zip(candidates, langs, strict=True)
                        if _is_boundary(joined, m, lang)), dtype=np.int64)


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
    cuts = _find_cuts(joined, para_start, paragraphs.get("language"))
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
