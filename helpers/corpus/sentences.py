"""Sentence splitting over the paragraphs table.

Splitting runs one regular expression over all paragraphs at once (joined with newlines) and maps
the boundaries back, so it serves a hundred thousand articles as well as five. A boundary is
terminal punctuation (. ! ? … 。 ！ ？ ؟), with any closing quotes or brackets, followed by white
space and a character that can start a sentence (not a lower-case letter), except after a known
abbreviation (U.S., e.g., Mr., No. 34, ...). CJK terminal punctuation needs no space.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

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
MAX_SENTENCE_CHARS = 2000  # longer stretches without sentence punctuation are cut at a space


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
