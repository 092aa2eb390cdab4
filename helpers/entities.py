"""Who is mentioned where: a gazetteer of known names, their mentions, and names not yet known.

    from helpers import entities
    gaz = entities.load_gazetteer()                 # data/gazetteer.csv, one row per alias
    mentions = entities.find_mentions(c.sentences)  # doc_id, sent_id, entity, type, country, alias, ...
    entities.count_mentions(mentions, c.documents)  # entity x document matrix
    entities.discover_names(c.sentences)            # capitalised names the gazetteer does not know

The gazetteer (``data/gazetteer.csv``) has one row per entity: ``entity`` (canonical name),
``type`` (one of ENTITY_TYPES), ``country`` (the country it belongs to, itself a gazetteer
country; used to find sentences about Russia), ``aliases`` (spellings separated by ``|``; the
canonical name is always an alias too) and ``note``. Aliases match case-sensitively as whole words
(``Gigachat`` and ``GigaChat`` are two aliases); a ``*`` at the end of a word matches any ending,
for inflected languages (``Путин*`` finds Путина, Путину). Rows of type ``ignore`` are
capitalised words that are not names (AI, GDP): they are never reported as mentions and the
discovery list skips them.

Mentions: where aliases overlap, the longest match at the leftmost position wins, so "President
Vladimir Putin" is one mention of Vladimir Putin and "Yandex GPT" is the model, not the company.
All content sentences count, titles and headings included (c.sentences has no page furniture).

Matching runs RE2 once over all sentences joined with newlines (linear time, whatever the number
of aliases); see scan_texts.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import re2

from helpers import dates, paths, text

GAZETTEER_PATH = paths.DATA_DIR / "gazetteer.csv"
GAZETTEER_COLUMNS = ("entity", "type", "country", "aliases", "note")
ENTITY_TYPES = ("person", "organisation", "country", "place", "ai_model", "event", "ignore")
WORD_RE2 = r"[\p{L}\p{N}_]"
WORD_PY = r"\w"
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.max_mem = 256 << 20
_RE2_OPTIONS.log_errors = False
SPACE = "[ \t\u00a0\u202f]"  # the characters themselves: RE2 does not read \u escapes
_META = re.compile(r"([.^$+?()\[\]{}|\\])")


class GazetteerError(ValueError):
    """The gazetteer cannot be used; the message is one line naming the file, the row and the fix."""


def load_gazetteer(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the gazetteer.

    Args:
        path: a CSV file; default data/gazetteer.csv (relative paths start at the project root).
    Returns:
        One row per alias: entity, type, country, alias, row (the line in the file).
    Raises:
        GazetteerError: missing file or column, empty name, unknown type, an alias given for two
            entities, an entity listed twice, or a country that is not a gazetteer country.
    """
    path = paths.resolve_path(path, GAZETTEER_PATH)
    name = paths.display_path(path)
    if not path.is_file():
        raise GazetteerError(f"{name}: gazetteer not found (columns: {', '.join(GAZETTEER_COLUMNS)})")
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise GazetteerError(f"{name}: cannot read the gazetteer as UTF-8 CSV ({first})") from None
    missing = [col for col in GAZETTEER_COLUMNS[:4] if col not in table.columns]
    if missing:
        raise GazetteerError(f"{name}: missing column '{missing[0]}' (needs entity, type, country, aliases)")
    table = table.apply(lambda col: col.str.strip()).assign(row=table.index + 2)
    _check_entities(table, name)
    aliases = (table.assign(alias=(table["entity"] + "|" + table["aliases"]).str.split("|"))
               .explode("alias", ignore_index=True))
    aliases["alias"] = aliases["alias"].str.strip()
    aliases = aliases[aliases["alias"] != ""].drop_duplicates(["entity", "alias"], ignore_index=True)
    _check_aliases(aliases, name)
    return aliases[["entity", "type", "country", "alias", "row"]].astype(
        {"entity": "str", "type": "str", "country": "str", "alias": "str", "row": "int64"})


def _check_entities(table: pd.DataFrame, name: str) -> None:
    """Raise GazetteerError for the first empty name, unknown type, repeated entity or bad country."""
    for row in table.itertuples():
        where = f"{name} row {row.row}"
        if not row.entity:
            raise GazetteerError(f"{where}: empty entity name; give the canonical name in column 'entity'")
        if row.type not in ENTITY_TYPES:
            raise GazetteerError(f"{where} ({row.entity}): unknown type '{row.type}'; use one of "
                                 f"{', '.join(ENTITY_TYPES)}")
        if "*" in row.aliases.replace("*|", "|").rstrip("*").replace("* ", " "):
            raise GazetteerError(f"{where} ({row.entity}): '*' may only end a word of an alias")
    repeated = table[table["entity"].duplicated()]
    if len(repeated):
        first = table.loc[table["entity"] == repeated["entity"].iloc[0], "row"].iloc[0]
        raise GazetteerError(f"{name} row {repeated['row'].iloc[0]} ({repeated['entity'].iloc[0]}): "
                             f"entity already listed in row {first}; merge the two rows")
    countries = set(table.loc[table["type"] == "country", "entity"])
    unknown = table[(table["country"] != "") & ~table["country"].isin(countries)]
    if len(unknown):
        bad = unknown.iloc[0]
        raise GazetteerError(f"{name} row {bad['row']} ({bad['entity']}): country '{bad['country']}' is "
                             f"not a gazetteer entity of type country; add it or fix the spelling")


def _check_aliases(aliases: pd.DataFrame, name: str) -> None:
    """Raise GazetteerError when one alias belongs to two entities."""
    clash = aliases[aliases["alias"].duplicated(keep=False)]
    if len(clash):
        alias = clash["alias"].iloc[0]
        rows = clash[clash["alias"] == alias]
        raise GazetteerError(
            f"{name} row {rows['row'].iloc[1]} ({rows['entity'].iloc[1]}): alias '{alias}' also belongs to "
            f"{rows['entity'].iloc[0]} (row {rows['row'].iloc[0]}); keep each alias in one row")


def escape_phrase(phrase: str, word: str) -> str:
    """Regex for a literal phrase in which ``*`` ending a word matches any ending (RE2 and re alike).

    Args:
        phrase: e.g. ``"Путин*"`` or ``"Yandex GPT"``.
        word: the word-character class of the target engine (WORD_RE2 or WORD_PY).
    """
    parts = [_META.sub(r"\\\1", w.rstrip("*")) + (word + "*" if w.endswith("*") else "")
             for w in phrase.split(" ")]
    return f"{SPACE}+".join(parts)


def phrase_alternation(phrases: pd.Series | list[str], word: str) -> str:
    """One alternation of phrases, longest first (so the longest alias wins at a position)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p.replace("*", "")), p))
    return "|".join(escape_phrase(p, word) for p in ordered)


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
    flag = "(?i)" if ignore_case else ""
    pattern = re2.compile(f"{flag}[^\\p{{L}}\\p{{N}}_](?:{core_re2})", _RE2_OPTIONS)
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


_ASCII_WORD = np.zeros(256, dtype=bool)
_ASCII_WORD[[ord(ch) for ch in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"]] = True


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
    exact = {fold(p): p for p in sorted(set(phrases), reverse=True)}
    wild = sorted({p for p in phrases if "*" in p}, key=lambda p: (-len(p.replace("*", "")), p))
    flags = re.IGNORECASE if ignore_case else 0
    wild_res = [re.compile(escape_phrase(p, WORD_PY), flags) for p in wild]
    lookup = {}
    for value in pd.unique(matched):
        lookup[value] = exact.get(fold(value)) or next(
            (p for p, rx in zip(wild, wild_res) if rx.fullmatch(value)), None)
    return matched.map(lookup)


def resolve_aliases(matched: pd.Series, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """The gazetteer entry (entity, type, country, alias) of each matched text (see resolve_phrases)."""
    keys = resolve_phrases(matched, gazetteer["alias"])
    return gazetteer.drop_duplicates("alias").set_index("alias").reindex(keys)[
        ["entity", "type", "country"]].assign(alias=keys.to_numpy()).reset_index(drop=True)


def find_mentions(sentences: pd.DataFrame, gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every mention of a gazetteer entity in the sentences (longest alias wins; see module doc).

    Args:
        sentences: doc_id, sent_id, text (e.g. ``c.sentences``).
        gazetteer: from load_gazetteer; default data/gazetteer.csv.
    Returns:
        doc_id, sent_id, entity, type, country, alias (the gazetteer alias), text (as written),
        start, end (offsets in the sentence); rows of type ``ignore`` left out.
    """
    gaz = load_gazetteer() if gazetteer is None else gazetteer
    gaz = gaz[gaz["type"] != "ignore"]
    hits = scan_texts(sentences["text"], phrase_alternation(gaz["alias"], WORD_RE2),
                      phrase_alternation(gaz["alias"], WORD_PY))
    resolved = resolve_aliases(hits["match"], gaz)
    out = pd.concat([sentences[["doc_id", "sent_id"]].iloc[hits["row"]].reset_index(drop=True),
                     resolved, hits[["match", "start", "end"]].rename(columns={"match": "text"})], axis=1)
    return out.astype({c: "str" for c in ["doc_id", "sent_id", "entity", "type", "country", "alias", "text"]})


def count_mentions(mentions: pd.DataFrame, documents: pd.DataFrame, by: str = "doc_id",
                   types: list[str] | None = None) -> pd.DataFrame:
    """The entity x group matrix: how often each entity is mentioned in each group of documents.

    Args:
        mentions: from find_mentions.
        documents: the documents table (every group is a column, zero included).
        by: a documents column to group by (doc_id, publisher, source_type, ...).
        types: entity types to keep (default all).
    Returns:
        entity, type, one column per group, total; most mentioned first, ties by name.
    """
    groups = sorted(documents[by].astype(str).unique())
    kept = mentions if not types else mentions[mentions["type"].isin(types)]
    kept = kept.merge(documents[["doc_id", by]].astype({by: str}).rename(columns={by: "_group"}),
                      on="doc_id") if by != "doc_id" else kept.assign(_group=kept["doc_id"])
    wide = pd.crosstab([kept["entity"], kept["type"]], kept["_group"]).reindex(columns=groups, fill_value=0)
    wide.columns.name = None
    wide["total"] = wide.sum(axis=1)
    wide = wide.reset_index().sort_values(["total", "entity"], ascending=[False, True], ignore_index=True)
    return wide.astype({g: "int64" for g in [*groups, "total"]})


# Discovery: capitalised names the gazetteer does not know yet.
MASK = "\x1a"  # stands in for every character of a known alias
_CANDIDATE_RE2 = r"\x1a+|(?:\p{Lu}\.)+\p{Lu}\.?|\p{Lu}[\p{L}\p{N}_&]*(?:['’.\-][\p{L}\p{N}_&]+)*"
_CANDIDATE_PY = r"\x1a+|(?:[A-ZА-ЯЁ]\.)+[A-ZА-ЯЁ]\.?|[A-ZÀ-ÖØ-ÞА-ЯЁ][\w&]*(?:['’.\-][\w&]+)*"
CONNECTORS = frozenset({"of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "al", "bin",
                        "for", "the"})
_INITIAL_BEFORE = [ord(ch) for ch in "\n:;—–-(•\"“«'‘"]
_WITHIN_WORD = [ord(ch) for ch in "’'-."]  # a capital after these continues a word ("U.S.-Russia")
_SPACES = [ord(ch) for ch in " \t\u00a0\u202f"]
DISCOVERY_ROLES = ("paragraph", "list_item")


def discover_names(sentences: pd.DataFrame, gazetteer: pd.DataFrame | None = None,
                   min_count: int = 1) -> pd.DataFrame:
    """Capitalised names in the text that the gazetteer does not know yet, to extend it.

    Heuristics (all in one pass over the paragraph and list-item sentences joined together):
    titles and headings are skipped (title case capitalises every word); known aliases, ``ignore``
    rows included, are masked but may sit inside a longer name ("Bank of <Russia>", "<AI>
    Journey"); a run of capitalised words, joined by single spaces or one connector (of, de, for,
    the, ...), is one candidate (so "Anna Petrova of Rostelecom" is one: read the example); a
    word at the start of a sentence, or after a colon, dash, bracket or opening quote, counts
    only if it also appears capitalised elsewhere in mid-sentence (so "Despite", "Many" do not);
    stop words, month names and one-letter words are dropped; a run that opens a sentence
    and ends at a colon is a title-case label ("Economic Potential:") and is dropped; a trailing
    possessive 's is removed.

    Args:
        sentences: doc_id, sent_id, role, text.
        gazetteer: from load_gazetteer (default data/gazetteer.csv).
        min_count: leave out names seen fewer times.
    Returns:
        name, n (occurrences), n_docs, doc_ids, sent_id and text of the first occurrence;
        most frequent first, ties by name.
    """
    gaz = load_gazetteer() if gazetteer is None else gazetteer
    body = sentences[sentences["role"].isin(DISCOVERY_ROLES)].reset_index(drop=True)
    known = scan_texts(body["text"], phrase_alternation(gaz["alias"], WORD_RE2),
                       phrase_alternation(gaz["alias"], WORD_PY))
    chars, row_starts = _mask_spans(body["text"], known)
    masked = pd.Series(chars.tobytes().decode("utf-32-le").split("\n"), dtype="str")
    tokens = _mark_tokens(scan_texts(masked, _CANDIDATE_RE2, _CANDIDATE_PY), chars, row_starts)
    runs = _name_runs(tokens, chars, row_starts, body["text"])
    names = runs.merge(body[["doc_id", "sent_id", "text"]], left_on="row", right_index=True)
    out = (names.groupby("name", sort=False)
           .agg(n=("name", "size"), n_docs=("doc_id", "nunique"),
                doc_ids=("doc_id", lambda d: ", ".join(sorted(set(d)))),
                sent_id=("sent_id", "first"), text=("text", "first"))
           .reset_index())
    out = out[out["n"] >= min_count].sort_values(["n", "name"], ascending=[False, True], ignore_index=True)
    return out.astype({"name": "str", "n": "int64", "n_docs": "int64", "doc_ids": "str",
                       "sent_id": "str", "text": "str"})


def _mask_spans(texts: pd.Series, spans: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The texts joined with newlines as an array of code points, with every character of the
    given spans (row, start, end) replaced by MASK; and each text's start in it."""
    lengths = pc.utf8_length(pa.array(texts, pa.large_string())).to_numpy(zero_copy_only=False)
    row_starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]).astype(np.int64)
    chars = np.frombuffer("\n".join(texts.tolist()).encode("utf-32-le"), dtype=np.uint32).copy()
    starts = row_starts[spans["row"].to_numpy()] + spans["start"].to_numpy()
    widths = (spans["end"] - spans["start"]).to_numpy()
    first = np.repeat(starts - np.concatenate([[0], np.cumsum(widths)[:-1]]), widths)
    chars[first + np.arange(int(widths.sum()))] = ord(MASK)
    return chars, row_starts


def _mark_tokens(tok: pd.DataFrame, chars: np.ndarray, row_starts: np.ndarray) -> pd.DataFrame:
    """Capitalised words and masked names, with ``keep`` telling which can be part of a name."""
    at = row_starts[tok["row"].to_numpy()] + tok["start"].to_numpy()
    before = [chars[np.maximum(at - k, 0)] for k in (1, 2, 3)]
    tok = tok[~np.isin(before[0], _WITHIN_WORD)].reset_index(drop=True)
    at = row_starts[tok["row"].to_numpy()] + tok["start"].to_numpy()
    before = [chars[np.maximum(at - k, 0)] for k in (1, 2, 3)]
    lead = np.where(np.isin(before[0], _SPACES), np.where(np.isin(before[1], _SPACES), before[2], before[1]),
                    before[0])
    initial = (tok["start"].to_numpy() == 0) | np.isin(lead, _INITIAL_BEFORE)
    word = tok["match"].str.replace(r"['’]s$", "", regex=True)
    known = word.str.startswith(MASK).to_numpy()
    stop = text.load_stopwords() | set(dates.MONTHS_EN) | set(dates.MONTHS_RU)
    mid_sentence = word[~initial & ~known].unique()
    ordinary = ((word.str.lower().isin(stop) | (word.str.len() < 2)).to_numpy()
                | (initial & ~word.isin(mid_sentence).to_numpy()))
    same_row = tok["row"].eq(tok["row"].shift()).to_numpy()
    gap = (tok["start"] - tok["end"].shift()).to_numpy()
    tok["after_space"] = same_row & (gap == 1) & (before[0] == ord(" "))
    tok["known"] = known
    tok["keep"] = (known | ~ordinary) & ~_is_label(tok, chars, row_starts)
    return tok


def _is_label(tok: pd.DataFrame, chars: np.ndarray, row_starts: np.ndarray) -> np.ndarray:
    """Tokens of a title-case label: a run of capitalised words opening a sentence, ending at ':'."""
    run = (~tok["after_space"]).cumsum()
    opens = tok.groupby(run)["start"].transform("first").eq(0).to_numpy()
    last_end = row_starts[tok["row"].to_numpy()] + tok.groupby(run)["end"].transform("last").to_numpy()
    return opens & (chars[np.minimum(last_end, len(chars) - 1)] == ord(":"))


def _name_runs(tok: pd.DataFrame, chars: np.ndarray, row_starts: np.ndarray,
               texts: pd.Series) -> pd.DataFrame:
    """Join kept tokens into runs (a space or " <connector> " between, nothing dropped between)
    and keep the runs with an unknown word; returns row and name (the text of the run)."""
    kept = tok[tok["keep"]]
    position = kept.index.to_numpy()
    adjacent = kept["row"].eq(kept["row"].shift()).to_numpy() & (np.diff(position, prepend=-2) == 1)
    gap = (kept["start"] - kept["end"].shift(fill_value=0)).to_numpy()
    joins = adjacent & kept["after_space"].to_numpy()
    maybe = np.flatnonzero(adjacent & (gap >= 3) & (gap <= 6))
    ends = row_starts[kept["row"].to_numpy()] + kept["end"].shift(fill_value=0).to_numpy()
    words = ["".join(map(chr, chars[e:e + g])) for e, g in zip(ends[maybe], gap[maybe])]
    joins[maybe] = [w[0] == " " and w[-1] == " " and w[1:-1] in CONNECTORS for w in words]
    runs = kept.assign(run=np.cumsum(~joins), unknown=(~kept["known"]).astype("int64")).groupby("run").agg(
        row=("row", "first"), start=("start", "first"), end=("end", "last"), n_unknown=("unknown", "sum"))
    runs = runs[runs["n_unknown"] > 0]
    values = texts.to_numpy()
    names = pd.Series([values[r][a:b] for r, a, b in zip(runs["row"], runs["start"], runs["end"])],
                      dtype="str")
    return pd.DataFrame({"row": runs["row"].to_numpy(),
                         "name": names.str.replace(r"['’]s$", "", regex=True).to_numpy()})
