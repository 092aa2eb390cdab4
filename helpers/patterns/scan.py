"""Phrases compiled to RE2 and scanned over a whole column of texts at once.

``phrase_alternation`` turns phrases (words, ``*`` ending a word, ``\\*`` a literal star; see
helpers.patterns) into one alternation bounded by word characters; ``scan_texts`` runs it over
every text in one pass (the texts joined as bytes) and returns the spans with character offsets;
``resolve_phrases`` maps each matched text back to its phrase.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import re2

WORD_RE2 = r"[\p{L}\p{N}_]"
WORD_PY = r"\w"
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.max_mem = 256 << 20
_RE2_OPTIONS.log_errors = False
SPACE = "[ \t\u00a0\u202f]"  # the characters themselves: RE2 does not read \u escapes
_META = re.compile(r"([.^$*+?()\[\]{}|\\])")
_ESCAPE = re.compile(r"\\(.)")
_ASCII_WORD = np.zeros(256, dtype=bool)
_ASCII_WORD[[ord(ch) for ch in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"]] = True


def split_phrase(phrase: str) -> list[tuple[str, bool]]:
    """The words of a phrase (split at spaces) as (literal text, ends with a wildcard ``*``).

    ``\\*``, ``\\~`` and ``\\\\`` stand for a literal star, tilde and backslash.
    """
    out = []
    for word in phrase.split(" "):
        wild = word.endswith("*") and not _is_escaped(word, len(word) - 1)
        body = word[:-1] if wild else word
        while wild and body.endswith("*") and not _is_escaped(body, len(body) - 1):
            body = body[:-1]
        out.append((_ESCAPE.sub(r"\1", body), wild))
    return out


def _is_escaped(text: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd number of backslashes."""
    n = len(text[:index]) - len(text[:index].rstrip("\\"))
    return n % 2 == 1


def _literal_text(phrase: str) -> str:
    """The phrase's words without wildcards or escapes, joined by spaces (for ordering)."""
    return " ".join(text for text, _ in split_phrase(phrase))


def is_wildcard_phrase(phrase: str) -> bool:
    """Whether a word of the phrase ends with the wildcard ``*``."""
    return any(wild for _, wild in split_phrase(phrase))


def unescape_phrase(phrase: str) -> str:
    """The phrase as text: escapes resolved, a word-final wildcard ``*`` kept."""
    return " ".join(text + ("*" if wild else "") for text, wild in split_phrase(phrase))


def escape_phrase(phrase: str, word: str) -> str:
    """Regex for a phrase in which ``*`` ending a word matches any ending (RE2 and re alike).

    Args:
        phrase: e.g. ``"Путин*"`` or ``"Yandex GPT"``.
        word: the word-character class of the target engine (WORD_RE2 or WORD_PY).
    """
    parts = [_META.sub(r"\\\1", text) + (word + "*" if wild else "") for text, wild in split_phrase(phrase)]
    return f"{SPACE}+".join(parts)


def phrase_alternation(phrases: pd.Series | list[str], word: str) -> str:
    """One alternation of phrases, longest first (so the longest alias wins at a position)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(_literal_text(p)), p))
    return "|".join(escape_phrase(p, word) for p in ordered)


def literal_alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A Python ``re`` alternation of literal phrases (escapes resolved), longest first; an
    expression that never matches when there are none."""
    texts = sorted((unescape_phrase(p) for p in phrases), key=len, reverse=True)
    return "|".join(re.escape(t) for t in texts) or r"(?!x)x"


def scan_texts(texts: pd.Series, core_re2: str, core_py: str, ignore_case: bool = False) -> pd.DataFrame:
    """Every whole-word match of a pattern in many texts, found in one RE2 pass.

    The texts are joined with newlines (one more in front) into one UTF-8 buffer by Arrow; RE2
    runs over it in linear time, whatever the number of alternatives, and every later step (rows,
    character offsets, matched text) is an array operation. RE2 has no look-around, so a match
    starts with one non-word character (consumed, not reported) and the character after it is
    checked afterwards, in bulk: a match followed by a letter or digit ("Russiaxyz", "5G") is
    re-tried with Python ``re`` at that position (``core_py`` + ``(?!\\w)``), which lets a
    shorter alternative win ("Yandex GPTs" -> "Yandex") or rejects it.

    Args:
        texts: one string per row, without newlines (e.g. ``sentences["text"]``).
        core_re2 / core_py: the same pattern written for RE2 and for Python ``re``; it must not
            match a newline (use SPACE rather than ``\\s``); named groups are returned.
        ignore_case: match case-insensitively.
    Returns:
        row (position in ``texts``), start, end (character offsets in that text), match, and one
        column per named group (None when the group did not take part), in text order.
    """
    arrow = pa.array(texts, pa.large_string())
    arrow = arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray) else arrow
    n_bytes = pc.binary_length(arrow).to_numpy(zero_copy_only=False).astype(np.int64)
    n_chars = pc.utf8_length(arrow).to_numpy(zero_copy_only=False).astype(np.int64)
    row_bytes = np.concatenate([[1], 1 + np.cumsum(n_bytes + 1)[:-1]]).astype(np.int64)
    row_chars = np.concatenate([[1], 1 + np.cumsum(n_chars + 1)[:-1]]).astype(np.int64)
    joined = _join_lines(arrow)
    pattern = compile_scan(core_re2, ignore_case)
    spans = _find_spans(pattern, joined)
    data = np.frombuffer(joined, dtype=np.uint8)
    b_start = spans[:, 0, 0] + _char_width(data[spans[:, 0, 0]])
    b_end = spans[:, 0, 1]
    rows = np.searchsorted(row_bytes, b_start, side="right") - 1
    chars = _char_index(joined, np.concatenate([b_start, b_end]))
    found = pd.DataFrame({"row": rows, "start": chars[:len(rows)] - row_chars[rows],
                          "end": chars[len(rows):] - row_chars[rows]})
    found["match"] = _slices(joined, b_start, b_end)
    names = sorted(pattern.groupindex, key=pattern.groupindex.get)
    for name in names:
        g = spans[:, pattern.groupindex[name], :]
        found[name] = pd.Series(None, index=found.index, dtype="object")
        took = g[:, 0] >= 0
        found.loc[took, name] = _slices(joined, g[took, 0], g[took, 1]).to_numpy(dtype=object)
    retry = _is_word_char_at(joined, data, b_end)
    again = _retry_matches(found.loc[retry, ["row", "start"]], arrow, core_py, ignore_case)
    found = found[~retry]
    found = pd.concat([found, again], ignore_index=True) if len(again) else found
    out = found[["row", "start", "end", "match", *names]].sort_values(["row", "start"], ignore_index=True)
    return out.astype({"row": "int64", "start": "int64", "end": "int64", "match": "str"})


@functools.lru_cache(maxsize=8)
def compile_scan(core_re2: str, ignore_case: bool = False) -> re2._Regexp:
    """The RE2 expression scan_texts runs (one non-word character, then the pattern); the last
    few are kept, so a loader's check and the scans after it compile an alternation once.

    Raises:
        re2.error: RE2 refuses it (e.g. too large for its memory budget).
    """
    flag = "(?i)" if ignore_case else ""
    return re2.compile(f"{flag}[^\\p{{L}}\\p{{N}}_](?:{core_re2})", _RE2_OPTIONS)


def _join_lines(arrow: pa.Array) -> bytes:
    """"\\n" + "\\n".join(texts) as UTF-8 bytes, built by Arrow."""
    values = pa.concat_arrays([pa.array([""], pa.large_string()), arrow]).cast(pa.large_binary())
    lists = pa.LargeListArray.from_arrays(pa.array([0, len(values)], pa.int64()), values)
    return pc.binary_join(lists, pa.scalar(b"\n", pa.large_binary()))[0].as_py()


def _find_spans(pattern: re2._Regexp, data: bytes) -> np.ndarray:
    """Byte spans of every match and of each of its groups: an array (matches, groups + 1, 2).

    Calls the compiled RE2 object directly (the module's finditer wraps each match in a Python
    object and decodes offsets, which costs more than the matching itself).
    """
    match, anchor = pattern._regexp.Match, re2._re2.RE2.Anchor.UNANCHORED
    found, pos, end = [], 0, len(data)
    while True:
        spans = match(anchor, data, pos, end)
        if spans[0][0] < 0:
            break
        found.append(spans)
        pos = spans[0][1]
    return np.array(found, dtype=np.int64).reshape(len(found), pattern.groups + 1, 2)


def _char_index(data: bytes, offsets: np.ndarray) -> np.ndarray:
    """The character index of each byte offset (each on a character boundary) in UTF-8 ``data``."""
    order = np.argsort(offsets, kind="stable")
    bounds = np.concatenate([[0], offsets[order]]).astype(np.int64)
    pieces = pa.Array.from_buffers(pa.large_string(), len(order),
                                   [None, pa.py_buffer(bounds), pa.py_buffer(data)])
    out = np.empty(len(order), dtype=np.int64)
    out[order] = np.cumsum(pc.utf8_length(pieces).to_numpy(zero_copy_only=False))
    return out


def _slices(data: bytes, starts: np.ndarray, ends: np.ndarray) -> pd.Series:
    """The text of non-overlapping byte ranges, in order (one Arrow array, no per-match decoding)."""
    bounds = np.empty(2 * len(starts) + 1, dtype=np.int64)
    bounds[0], bounds[1::2], bounds[2::2] = 0, starts, ends
    pieces = pa.Array.from_buffers(pa.large_string(), 2 * len(starts), [None, pa.py_buffer(bounds),
                                                                        pa.py_buffer(data)])
    return pd.Series(pieces.take(pa.array(np.arange(1, 2 * len(starts), 2))).to_pandas(), dtype="str")


def _char_width(lead_bytes: np.ndarray) -> np.ndarray:
    """Length in bytes of the UTF-8 characters starting with these bytes."""
    return np.select([lead_bytes >= 0xF0, lead_bytes >= 0xE0, lead_bytes >= 0xC0], [4, 3, 2], 1)


def _is_word_char_at(joined: bytes, data: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Whether the character starting at each byte offset is a word character (letter, digit, _)."""
    inside = offsets < len(data)
    first = np.where(inside, data[np.minimum(offsets, len(data) - 1)], 0x20)
    out = _ASCII_WORD[first] & inside
    multi = np.flatnonzero(inside & (first >= 0xC0))
    if len(multi):
        chars = pd.Series([joined[o:o + w] for o, w in zip(offsets[multi], _char_width(first[multi]))])
        is_word = {c: bool(re.match(r"\w", c.decode("utf-8", "replace"))) for c in chars.unique()}
        out[multi] = chars.map(is_word).to_numpy(dtype=bool)
    return out


def _retry_matches(candidates: pd.DataFrame, arrow: pa.Array, core_py: str,
                   ignore_case: bool) -> pd.DataFrame:
    """Re-match, with Python re and a word-end look-ahead, the RE2 matches followed by a letter."""
    pattern = re.compile(f"(?:{core_py})(?!\\w)", re.IGNORECASE if ignore_case else 0)
    out = []
    for r, start in zip(candidates["row"], candidates["start"]):
        m = pattern.match(arrow[int(r)].as_py(), int(start))
        if m:
            out.append({"row": r, "start": m.start(), "end": m.end(), "match": m.group(0), **m.groupdict()})
    return pd.DataFrame(out, columns=["row", "start", "end", "match", *pattern.groupindex])


def resolve_phrases(matched: pd.Series, phrases: pd.Series | list[str],
                    ignore_case: bool = False) -> pd.Series:
    """The phrase (alias, cue) each matched text came from.

    Exact phrases are looked up directly; text matched by a wildcard phrase (``Путин*``) is
    resolved to the longest wildcard phrase that matches it in full.

    Returns:
        A Series aligned with ``matched``: the phrase as written in ``phrases`` (None if none fits).
    """
    fold = str.casefold if ignore_case else (lambda v: v)
    exact = {fold(unescape_phrase(p)): p for p in sorted(set(phrases), reverse=True)}
    wild = sorted({p for p in phrases if is_wildcard_phrase(p)}, key=lambda p: (-len(_literal_text(p)), p))
    flags = re.IGNORECASE if ignore_case else 0
    wild_res = [re.compile(escape_phrase(p, WORD_PY), flags) for p in wild]
    lookup = {}
    for value in pd.unique(matched):
        lookup[value] = exact.get(fold(value)) or next(
            (p for p, rx in zip(wild, wild_res) if rx.fullmatch(value)), None)
    return matched.map(lookup)
