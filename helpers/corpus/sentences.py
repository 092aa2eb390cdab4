"""Sentence splitting over the paragraphs table.

Splitting finds the candidate boundaries over all paragraphs at once (joined with newlines; numpy
over the code points, in linear time) and maps them back, so it serves a hundred thousand
articles as well as five. A boundary is
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
# Candidate boundaries: a run of terminal punctuation, with any closing quotes or brackets, then
# spaces and a character that can start a sentence; or CJK terminal punctuation. Found with numpy
# over the code points of all paragraphs at once (linear time: a run of 100,000 dots included).
_TERMINAL_CHARS = ".!?…؟।"
_CJK_TERMINAL = "。！？"
_CLOSING = "\"'”’»)]"
_SPACES = " \t\u00a0"
_NOT_START = re.compile(r"[\sa-zà-ÿа-яё]")  # cannot follow a boundary's spaces
_TOKEN_CHAR = re.compile(r"[\w.№]")  # the word before a full stop ("U.S", "No", "J")
MAX_SENTENCE_CHARS = 2000  # longer stretches without sentence punctuation are cut at a space


def _codes(chars: str) -> np.ndarray:
    return np.array([ord(c) for c in chars], dtype=np.uint32)


def _next_outside(inside: np.ndarray) -> np.ndarray:
    """For each position (and one past the end), the first position at or after it not ``inside``."""
    n = len(inside)
    idx = np.where(np.append(inside, False), n + 1, np.arange(n + 1))
    idx[n] = n
    return np.minimum.accumulate(idx[::-1])[::-1]


def _char_test(cp: np.ndarray, positions: np.ndarray, test) -> np.ndarray:
    """``test`` (a function of one character) for the characters at these positions."""
    if not len(positions):
        return np.zeros(0, dtype=bool)
    uniq, inverse = np.unique(cp[positions], return_inverse=True)
    return np.array([bool(test(chr(c))) for c in uniq], dtype=bool)[inverse]


def _boundaries(joined: str) -> np.ndarray:
    """The offsets in ``joined`` where a sentence ends (after its punctuation), in order."""
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = len(cp)
    after_close = _next_outside(np.isin(cp, _codes(_CLOSING)))
    ends = []
    for chars, needs_space in ((_TERMINAL_CHARS, True), (_CJK_TERMINAL, False)):
        member = np.isin(cp, _codes(chars))
        starts = np.flatnonzero(member & ~np.concatenate([[False], member[:-1]]))
        stop = after_close[_next_outside(member)[starts]]  # end of the punctuation and quotes
        if needs_space:
            nxt = _next_outside(np.isin(cp, _codes(_SPACES)))[stop]
            keep = (nxt > stop) & (nxt < n)
            starts, stop, nxt = starts[keep], stop[keep], nxt[keep]
            keep = ~_char_test(cp, nxt, lambda ch: _NOT_START.match(ch) or ch.islower())
            starts, stop, nxt = starts[keep], stop[keep], nxt[keep]
            keep = ~_after_abbreviation(joined, cp, starts, stop, nxt)
            ends.append(stop[keep])
        else:
            ends.append(stop[(stop < n) & (cp[np.minimum(stop, n - 1)] != ord("\n"))])
    return np.sort(np.concatenate(ends)).astype(np.int64)


def _after_abbreviation(joined: str, cp: np.ndarray, starts: np.ndarray, stop: np.ndarray,
                        nxt: np.ndarray) -> np.ndarray:
    """Whether a lone full stop follows an abbreviation (``U.S.``, ``e.g.``), a number
    abbreviation before a digit (``No. 34``) or an initial (``J. Nocetti``)."""
    single = np.flatnonzero((stop - starts == 1) & (cp[starts] == ord(".")))
    out = np.zeros(len(starts), dtype=bool)
    if not len(single):
        return out
    breaks = np.flatnonzero(~_char_test(cp, np.arange(len(cp)), _TOKEN_CHAR.match))
    s = starts[single]
    previous_break = np.searchsorted(breaks, s, side="left") - 1
    begin = np.where(previous_break >= 0, breaks[np.maximum(previous_break, 0)] + 1, 0)
    begin = np.maximum(begin, s - 24)
    tokens = pd.Series([joined[a:z] for a, z in zip(begin.tolist(), s.tolist())], dtype="object")
    digit = _char_test(cp, nxt[single], str.isdigit)
    abbreviation = (tokens.isin(ABBREVIATIONS) | tokens.str.rstrip(".").isin(ABBREVIATIONS)
                    | (tokens.isin(NUMBER_ABBREVIATIONS) & digit)
                    | ((tokens.str.len() == 1) & tokens.str.isupper()))
    out[single] = abbreviation.to_numpy(dtype=bool)
    return out


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
    cuts = _boundaries(joined)
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
