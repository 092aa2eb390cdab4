"""Code the corpus with the themes of a codebook: which themes each source raises, how much,
together with which others, and where exactly.

    from helpers import corpus, themes
    c = corpus.load_corpus()
    cb = themes.load_codebook()                            # data/codebook.yaml, checked
    matches = themes.code_sentences(c.sentences, cb, c.documents)
    themes.tabulate_themes(matches, c.sentences, cb)      # doc x theme: n_coded, share, per_1k_words

Every table works on sentences or paragraphs alike: pass ``id_column="para_id"`` with
``c.paragraphs`` (``select_units`` picks both for a notebook's ``unit`` parameter). Headings and
titles are coded and counted like any other sentence: in these articles they often name a theme
("Robotics and Automation: Visible Demonstrations").

Matching is vectorised: pyarrow's RE2 kernel finds, per theme, the units with a match in one pass
over the whole table; only those units are then scanned (one RE2 search per match) for the
positions. Topics live in helpers.themes.topics, validation in helpers.themes.validation.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import re2

from helpers.corpus import language as languages_module
from helpers.patterns import MARKER_REWRITE, filter_regex, join_patterns, marker_regex, re2_options
from helpers.themes.codebook import DEFAULT_LANGUAGE, Codebook

UNITS = {"sentence": "sent_id", "paragraph": "para_id"}
MATCH_COLUMNS = ["doc_id", "theme", "term", "start", "end"]


def select_units(sentences: pd.DataFrame, paragraphs: pd.DataFrame, unit: str) -> tuple[pd.DataFrame, str]:
    """The table to code for a unit of analysis and its id column.

    Args:
        sentences, paragraphs: the corpus tables (c.sentences, c.paragraphs).
        unit: 'sentence' or 'paragraph'.
    Returns:
        (units table, id column): (sentences, 'sent_id') or (paragraphs, 'para_id').
    """
    if unit not in UNITS:
        raise ValueError(f"unit: '{unit}' is not one of {', '.join(UNITS)}")
    return (sentences if unit == "sentence" else paragraphs), UNITS[unit]


def unit_languages(units: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.Series:
    """The language each unit is coded in: its document's ``language``.

    An empty language ('' = unknown) counts as English ('en') for now, and so does every unit when
    ``documents`` is None.
    """
    if documents is None or "language" not in documents:
        return pd.Series(DEFAULT_LANGUAGE, index=units.index, dtype="str")
    declared = units["doc_id"].map(documents.set_index("doc_id")["language"])
    return languages_module.language_or_default(declared)


def find_spans(texts: pa.Array, patterns: list[str]) -> pd.DataFrame:
    """Every match of codebook patterns in an array of texts, with character offsets.

    Vectorised with pyarrow's RE2 kernels: a mostly literal expression preselects the texts
    (filter_regex); in those, every term is wrapped in markers (marker_regex) and the marked
    texts are split to read off terms and offsets. A text where a term's Unicode word edges do
    not hold ("chip" in "chipé") or that contains a marker character is searched again exactly,
    match by match (search_spans), so the result always equals search_spans on all texts.

    Returns:
        row (position in ``texts``), term (lower case), start, end (character offsets).
    """
    preselect, mark, joined = _regexes(tuple(patterns))
    rows = np.flatnonzero(_mask(pc.match_substring_regex(texts, preselect)))
    if len(rows) == 0:
        return _no_spans()
    candidates = texts.take(pa.array(rows))
    clean = ~_mask(pc.match_substring_regex(candidates, "[\\x01\\x02]"))
    marked = pc.replace_substring_regex(candidates.filter(pa.array(clean)), mark, MARKER_REWRITE)
    pieces = pc.split_pattern(marked, "\x01")
    offsets = pieces.offsets.to_numpy()
    flat = pc.list_flatten(pieces)
    parent = pc.list_parent_indices(pieces).to_numpy()
    first = np.zeros(len(flat), dtype=bool)
    first[offsets[:-1]] = True
    halves = pc.split_pattern(flat.filter(pa.array(~first)), "\x02", max_splits=1)
    terms, rests = pc.list_element(halves, 0), pc.list_element(halves, 1)
    # the text around each term: what precedes it (the previous piece's tail) and what follows
    tails = pa.concat_arrays([flat.filter(pa.array(first)), rests])
    tails = tails.take(pa.array(np.argsort(np.concatenate([np.flatnonzero(first), np.flatnonzero(~first)]),
                                           kind="stable")))
    before_term = tails.take(pa.array(np.flatnonzero(~first) - 1))
    last_in_row = np.flatnonzero(~first) == offsets[1:][parent[~first]] - 1
    doubtful = (_mask(pc.match_substring_regex(before_term, "[\\pL\\pN_]$"))
                | _mask(pc.match_substring_regex(rests, "^[\\pL\\pN_]"))
                | ((pc.utf8_length(rests).to_numpy() == 0) & ~last_in_row))  # two terms touching
    seg = pc.utf8_length(tails).to_numpy().astype("int64")
    n_term = pc.utf8_length(terms).to_numpy().astype("int64")
    seg[~first] += n_term
    before = np.cumsum(seg) - seg
    start = (before - before[offsets[:-1]][parent])[~first]
    found = pd.DataFrame({"row": rows[np.flatnonzero(clean)][parent[~first]],
                          "term": pc.utf8_lower(terms).to_numpy(zero_copy_only=False),
                          "start": start, "end": start + n_term})
    redo = np.union1d(rows[~clean], found.loc[doubtful, "row"].to_numpy())
    if len(redo):
        exact = search_spans(texts.take(pa.array(redo)), *joined)
        exact["row"] = redo[exact["row"].to_numpy()]
        found = pd.concat([found[~found["row"].isin(redo)], exact], ignore_index=True)
    return found.astype({"term": "str"}).reset_index(drop=True)


@functools.lru_cache(maxsize=512)
def _regexes(patterns: tuple[str, ...]) -> tuple[str, str, tuple[str, int]]:
    """The preselecting, marking and exact expressions of a set of patterns (built once)."""
    return filter_regex(list(patterns)), marker_regex(list(patterns)), join_patterns(list(patterns))


def _mask(array: pa.Array) -> np.ndarray:
    """A pyarrow boolean array as numpy (null = False)."""
    return array.fill_null(False).to_numpy(zero_copy_only=False)


def _no_spans() -> pd.DataFrame:
    return pd.DataFrame({"row": pd.Series(dtype="int64"), "term": pd.Series(dtype="str"),
                         "start": pd.Series(dtype="int64"), "end": pd.Series(dtype="int64")})


def search_spans(texts: pa.Array, regex: str, term_group: int) -> pd.DataFrame:
    """Every match of an RE2 expression (from join_patterns), found one search at a time.

    The texts are joined with newlines and searched match by match, each search restarting at
    the end of the previous term, so that a word edge consumed by one match can start the next.
    Exact but slower than find_spans, which uses it only for the few texts it cannot settle.

    Returns:
        row (position in ``texts``), term (lower case), start, end (character offsets).
    """
    items = texts.to_pylist()
    if not items:
        return _no_spans()
    buf = "\n".join(items).encode("utf-8")
    n_bytes = np.array([len(t.encode("utf-8")) for t in items], dtype="int64")
    starts = np.concatenate([[0], np.cumsum(n_bytes + 1)[:-1]])
    compiled = re2.compile(regex, re2_options())
    spans, pos = [], 0
    while (m := compiled.search(buf, pos)) is not None:
        s, e = m.span(term_group) if m.start(term_group) >= 0 else m.span(0)
        if e > s:
            spans.append((s, e))
        pos = e if e > s else s + 1
    if not spans:
        return _no_spans()
    s, e = np.array(spans, dtype="int64").T
    k = np.searchsorted(starts, s, side="right") - 1
    keep = e <= starts[k] + n_bytes[k]  # a raw pattern may not run into the next text
    heads = [buf[starts[i]:a].decode("utf-8") for i, a in zip(k[keep], s[keep])]
    terms = [buf[a:b].decode("utf-8") for a, b in zip(s[keep], e[keep])]
    start = np.array([len(h) for h in heads], dtype="int64")
    lower = pc.utf8_lower(pa.array(terms, type=pa.large_string())).to_numpy(zero_copy_only=False)
    return pd.DataFrame({"row": k[keep], "term": pd.Series(lower, dtype="str"),
                         "start": start, "end": start + np.array([len(t) for t in terms], dtype="int64")})


def _drop_excluded(found: pd.DataFrame, excluded: pd.DataFrame) -> pd.DataFrame:
    """Drop the matches that overlap an exclude match in the same text."""
    if excluded.empty or found.empty:
        return found
    pairs = found.reset_index().merge(excluded[["row", "start", "end"]], on="row", suffixes=("", "_x"))
    hit = pairs.loc[(pairs["start"] < pairs["end_x"]) & (pairs["start_x"] < pairs["end"]), "index"]
    return found.drop(index=hit.unique())


def code_sentences(sentences: pd.DataFrame, codebook: Codebook, documents: pd.DataFrame | None = None,
                   id_column: str = "sent_id") -> pd.DataFrame:
    """Find every theme in every sentence (or paragraph).

    Each unit is coded with the patterns of its document's language (``documents.language``; ''
    counts as 'en'; without ``documents`` everything is English). A document whose language has
    no patterns in the codebook is not coded at all (see list_uncoded_documents). An include match
    that overlaps an exclude match of the same theme is dropped; other matches in that unit stay.

    Args:
        sentences: doc_id, ``id_column``, text (c.sentences, or c.paragraphs with id_column="para_id").
        codebook: from load_codebook.
        documents: doc_id, language (c.documents); optional.
        id_column: the unit's id column.
    Returns:
        doc_id, ``id_column``, theme, term (the matched words, lower case), start, end (character
        offsets in the unit's text): one row per match, in corpus order, then by position.
    """
    codes, present = pd.factorize(unit_languages(sentences, documents), sort=False)
    by_language = dict(zip(present, np.split(np.argsort(codes, kind="stable"),
                                             np.cumsum(np.bincount(codes, minlength=len(present)))[:-1])))
    texts = pa.array(sentences["text"].astype("str"), type=pa.large_string())  # no copy when Arrow-backed
    texts = texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts
    found = []
    for theme, language, include, exclude in _theme_patterns(codebook, tuple(by_language)):
        in_language = by_language[language]
        subset = texts if len(in_language) == len(texts) else texts.take(pa.array(in_language))
        hits = find_spans(subset, include)
        if exclude and not hits.empty:
            rows = np.unique(hits["row"].to_numpy())
            excluded = find_spans(texts.take(pa.array(in_language[rows])), exclude)
            excluded["row"] = rows[excluded["row"].to_numpy()]
            hits = _drop_excluded(hits, excluded)
        found.append(hits.assign(row=in_language[hits["row"].to_numpy()], theme=theme))
    out = pd.concat(found, ignore_index=True) if found else _no_spans().assign(theme="")
    out["rank"] = out["theme"].map({t: i for i, t in enumerate(codebook.ids)})
    out = out.sort_values(["row", "start", "rank"], kind="stable", ignore_index=True)
    ids = sentences[["doc_id", id_column]].iloc[out["row"].to_numpy()].reset_index(drop=True)
    result = pd.concat([ids, out[["theme", "term", "start", "end"]]], axis=1)
    return result.astype({"doc_id": "str", id_column: "str", "theme": "str", "term": "str",
                          "start": "int64", "end": "int64"})


def _theme_patterns(codebook: Codebook, languages: tuple[str, ...]) -> list[tuple]:
    """(theme, language, include patterns, exclude patterns) for the languages present, in
    codebook order; themes without include patterns in a language are left out."""
    wanted = codebook.patterns[codebook.patterns["language"].isin(languages)]
    out = []
    for (theme, language), group in wanted.groupby(["theme", "language"], sort=False):
        kinds = group["kind"].to_numpy()
        patterns = group["pattern"].to_numpy()
        include = tuple(patterns[kinds == "include"])
        if include:
            out.append((theme, language, include, tuple(patterns[kinds == "exclude"])))
    return out


def list_uncoded_documents(documents: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Documents the codebook cannot code fully because of their language.

    Returns:
        doc_id, language, problem: "not coded: language xx has no patterns", or "partly coded:
        language xx has no patterns for: theme, ..." (an empty table when every document is coded).
    """
    langs = unit_languages(documents, documents)
    include = codebook.patterns[codebook.patterns["kind"] == "include"]
    by_lang = include.groupby("language")["theme"].agg(set).to_dict()
    rows = []
    for doc_id, lang in zip(documents["doc_id"], langs):
        missing = [t for t in codebook.ids if t not in by_lang.get(lang, set())]
        if len(missing) == len(codebook.ids):
            rows.append((doc_id, lang, f"not coded: language {lang} has no patterns"))
        elif missing:
            rows.append((doc_id, lang, f"partly coded: language {lang} has no patterns for: "
                                       + ", ".join(missing)))
    return pd.DataFrame(rows, columns=["doc_id", "language", "problem"], dtype="str")
