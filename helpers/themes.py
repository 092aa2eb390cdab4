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
positions. Topics live in helpers.themes_topics, validation in helpers.themes_validation.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import re2
from scipy import sparse

from helpers import language as languages_module
from helpers import plots, text
from helpers.themes_codebook import (
    DEFAULT_LANGUAGE,
    MARKER_REWRITE,
    Codebook,
    CodebookError,
    describe_codebook,
    filter_regex,
    join_patterns,
    load_codebook,
    marker_regex,
    re2_options,
    select_themes,
)

__all__ = [
    "Codebook", "CodebookError", "load_codebook", "select_themes", "describe_codebook",
    "select_units", "unit_languages", "find_spans", "search_spans", "code_sentences",
    "list_uncoded_documents", "tabulate_themes", "pivot_themes", "cooccur_themes", "pivot_cooccurrence",
    "rank_pairs", "retrieve_theme",
    "label_documents", "plot_theme_heatmap", "plot_cooccurrence",
]

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
    rows = np.flatnonzero(_mask(pc.match_substring_regex(texts, filter_regex(patterns))))
    if len(rows) == 0:
        return _no_spans()
    candidates = texts.take(pa.array(rows))
    clean = ~_mask(pc.match_substring_regex(candidates, "[\\x01\\x02]"))
    marked = pc.replace_substring_regex(candidates.filter(pa.array(clean)), marker_regex(patterns),
                                        MARKER_REWRITE)
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
        exact = search_spans(texts.take(pa.array(redo)), *join_patterns(patterns))
        exact["row"] = redo[exact["row"].to_numpy()]
        found = pd.concat([found[~found["row"].isin(redo)], exact], ignore_index=True)
    return found.astype({"term": "str"}).reset_index(drop=True)


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
    languages = unit_languages(sentences, documents).to_numpy()
    texts = pa.array(sentences["text"].astype("str").tolist(), type=pa.large_string())
    order = {t: i for i, t in enumerate(codebook.ids)}
    found = []
    for (theme, language), group in codebook.patterns.groupby(["theme", "language"], sort=False):
        include = group.loc[group["kind"] == "include", "pattern"].tolist()
        in_language = np.flatnonzero(languages == language)
        if not include or len(in_language) == 0:
            continue
        subset = texts if len(in_language) == len(texts) else texts.take(pa.array(in_language))
        hits = find_spans(subset, include)
        exclude = group.loc[group["kind"] == "exclude", "pattern"].tolist()
        if exclude and not hits.empty:
            rows = np.unique(hits["row"].to_numpy())
            excluded = find_spans(texts.take(pa.array(in_language[rows])), exclude)
            excluded["row"] = rows[excluded["row"].to_numpy()]
            hits = _drop_excluded(hits, excluded)
        found.append(hits.assign(row=in_language[hits["row"].to_numpy()], theme=theme))
    out = pd.concat(found, ignore_index=True) if found else _no_spans().assign(theme="")
    out["rank"] = out["theme"].map(order)
    out = out.sort_values(["row", "start", "rank"], kind="stable", ignore_index=True)
    ids = sentences[["doc_id", id_column]].iloc[out["row"].to_numpy()].reset_index(drop=True)
    result = pd.concat([ids, out[["theme", "term", "start", "end"]]], axis=1)
    return result.astype({"doc_id": "str", id_column: "str", "theme": "str", "term": "str",
                          "start": "int64", "end": "int64"})


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


def tabulate_themes(matches: pd.DataFrame, units: pd.DataFrame, codebook: Codebook,
                    id_column: str = "sent_id") -> pd.DataFrame:
    """How much each document raises each theme (every document x theme, zeros included).

    Returns:
        doc_id, theme, n_units (units in the document), n_coded (units with at least one match),
        share_coded (n_coded / n_units), n_matches, n_words (words in the document's units),
        per_1k_words (n_matches per 1,000 words).
    """
    docs = pd.unique(units["doc_id"])
    sizes = pd.DataFrame({"n_units": units.groupby("doc_id", sort=False).size(),
                          "n_words": text.count_words(units["text"])
                          .groupby(units["doc_id"], sort=False).sum()}).reindex(docs)
    key = ["doc_id", "theme"]
    n_matches = matches.groupby(key, sort=False).size()
    n_coded = matches.drop_duplicates([id_column, "theme"]).groupby(key, sort=False).size()
    grid = pd.MultiIndex.from_product([docs, codebook.ids], names=key)
    out = pd.DataFrame({"n_coded": n_coded.reindex(grid, fill_value=0),
                        "n_matches": n_matches.reindex(grid, fill_value=0)}).reset_index()
    out = out.join(sizes, on="doc_id")
    out["share_coded"] = out["n_coded"] / out["n_units"]
    out["per_1k_words"] = 1000 * out["n_matches"] / out["n_words"].where(out["n_words"] > 0)
    cols = ["doc_id", "theme", "n_units", "n_coded", "share_coded", "n_matches", "n_words", "per_1k_words"]
    return out[cols].astype({"doc_id": "str", "theme": "str", "n_units": "int64", "n_coded": "int64",
                             "n_matches": "int64", "n_words": "int64"})


def pivot_themes(table: pd.DataFrame, value: str = "share_coded", decimals: int = 2) -> pd.DataFrame:
    """Themes as rows (codebook order), documents as columns, one value rounded for display."""
    wide = table.pivot(index="theme", columns="doc_id", values=value)
    wide = wide.reindex(pd.unique(table["theme"])).round(decimals)
    wide.columns.name = None
    return wide


def cooccur_themes(matches: pd.DataFrame, codebook: Codebook, id_column: str = "sent_id") -> pd.DataFrame:
    """How often two themes are coded in the same unit (every ordered pair, diagonal included).

    Returns:
        theme_a, theme_b, n_both (units with both), n_a, n_b (units with each), jaccard
        (n_both / units with either; NaN when neither occurs).
    """
    ids = codebook.ids
    theme_code = pd.Categorical(matches["theme"], categories=ids).codes
    unit_code = pd.factorize(matches[id_column])[0]
    keep = theme_code >= 0
    onehot = sparse.csr_matrix((np.ones(keep.sum(), dtype="int64"), (unit_code[keep], theme_code[keep])),
                               shape=(max(unit_code.max(initial=-1) + 1, 0), len(ids)))
    onehot.data = np.minimum(onehot.data, 1)  # duplicates summed: count each unit once
    both = (onehot.T @ onehot).toarray()
    n = np.diag(both)
    a, b = np.meshgrid(np.arange(len(ids)), np.arange(len(ids)), indexing="ij")
    union = n[a] + n[b] - both
    out = pd.DataFrame({"theme_a": np.array(ids, dtype=object)[a.ravel()],
                        "theme_b": np.array(ids, dtype=object)[b.ravel()],
                        "n_both": both.ravel(), "n_a": n[a].ravel(), "n_b": n[b].ravel()})
    out["jaccard"] = np.where(union.ravel() > 0, both.ravel() / np.maximum(union.ravel(), 1), np.nan)
    return out.astype({"theme_a": "str", "theme_b": "str"})


def pivot_cooccurrence(cooc: pd.DataFrame, value: str = "jaccard", decimals: int = 2) -> pd.DataFrame:
    """The co-occurrence table as a square theme x theme matrix (codebook order), rounded."""
    wide = cooc.pivot(index="theme_a", columns="theme_b", values=value)
    order = pd.unique(cooc["theme_a"])
    wide = wide.reindex(index=order, columns=order)
    wide.index.name, wide.columns.name = None, None
    return wide.round(decimals) if value == "jaccard" else wide.astype("int64")


def rank_pairs(cooc: pd.DataFrame, n: int = 10, decimals: int = 2) -> pd.DataFrame:
    """The ``n`` pairs of different themes most often coded in the same unit.

    Returns:
        theme_a, theme_b (each pair once, in codebook order), n_both, jaccard (rounded), sorted by
        n_both then jaccard, largest first.
    """
    order = {t: i for i, t in enumerate(pd.unique(cooc["theme_a"]))}
    pairs = cooc[cooc["theme_a"].map(order) < cooc["theme_b"].map(order)]
    pairs = pairs[pairs["n_both"] > 0].sort_values(["n_both", "jaccard"], ascending=False, kind="stable")
    return pairs[["theme_a", "theme_b", "n_both", "jaccard"]].head(n).round(decimals).reset_index(drop=True)


def label_documents(documents: pd.DataFrame, width: int = 22) -> pd.Series:
    """Short labels for documents, indexed by doc_id: '002 Ifri' (publisher without its
    parenthesis, cut to ``width`` characters; 'publisher unknown' when empty)."""
    publisher = documents.get("publisher", pd.Series("", index=documents.index)).fillna("")
    publisher = publisher.str.replace(r"\s*\(.*$", "", regex=True).str.strip()
    publisher = publisher.where(publisher != "", "publisher unknown")
    labels = documents["doc_id"] + " " + publisher.str.slice(0, width)
    return pd.Series(labels.to_numpy(), index=documents["doc_id"].to_numpy(), dtype="str")


def retrieve_theme(units: pd.DataFrame, matches: pd.DataFrame, theme: str,
                   documents: pd.DataFrame | None = None, id_column: str = "sent_id",
                   width: int = 60) -> pd.DataFrame:
    """The units coded with a theme, each with its first match highlighted in context (KWIC).

    Returns:
        doc_id, source (document label), ``id_column``, terms (every term matched in the unit,
        '; '-joined), left, match, right (text.format_kwic around the first match).
    """
    hits = matches[matches["theme"] == theme]
    terms = hits.groupby(id_column, sort=False)["term"].agg(lambda t: "; ".join(pd.unique(t)))
    first = hits.drop_duplicates(id_column).rename(columns={id_column: "sent_id"})
    view = units.rename(columns={id_column: "sent_id"})
    kwic = text.format_kwic(view, first[["doc_id", "sent_id", "start", "end"]], width=width)
    kwic = kwic.rename(columns={"sent_id": id_column})
    labels = label_documents(documents) if documents is not None else pd.Series(dtype="str")
    kwic.insert(1, "source", kwic["doc_id"].map(labels).fillna(kwic["doc_id"]).astype("str"))
    kwic.insert(3, "terms", kwic[id_column].map(terms).astype("str"))
    return kwic.reset_index(drop=True)


def plot_theme_heatmap(table: pd.DataFrame, codebook: Codebook, documents: pd.DataFrame | None = None,
                       value: str = "share_coded", title: str = "Themes by document") -> plt.Figure:
    """Heatmap of one tabulate_themes value: themes (labels) down, documents across, annotated."""
    wide = table.pivot(index="theme", columns="doc_id", values=value).reindex(codebook.ids)
    labels = codebook.themes.set_index("theme")["label"]
    names = label_documents(documents) if documents is not None else pd.Series(dtype="str")
    fig, ax = plt.subplots(figsize=(1.6 * wide.shape[1] + 3.2, 0.38 * len(wide) + 1.6))
    image = ax.imshow(wide.to_numpy(dtype=float), cmap="Blues", aspect="auto", vmin=0)
    _annotate(ax, wide.to_numpy(dtype=float), "{:.2f}" if value == "share_coded" else "{:.1f}")
    ax.set_xticks(range(wide.shape[1]), [names.get(d, d) for d in wide.columns], rotation=30, ha="right")
    ax.set_yticks(range(len(wide)), [labels.get(t, t) for t in wide.index])
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.8, label=value)
    plots.decorate(ax, title=title)
    fig.tight_layout()
    return fig


def plot_cooccurrence(cooc: pd.DataFrame, codebook: Codebook, value: str = "jaccard",
                      title: str = "Themes coded in the same unit") -> plt.Figure:
    """Heatmap of theme co-occurrence (Jaccard by default); the diagonal is left blank."""
    wide = pivot_cooccurrence(cooc, value=value, decimals=6).astype(float)
    values = wide.to_numpy(copy=True)
    np.fill_diagonal(values, np.nan)
    labels = codebook.themes.set_index("theme")["label"]
    names = [labels.get(t, t) for t in wide.index]
    fig, ax = plt.subplots(figsize=(0.5 * len(wide) + 3.5, 0.45 * len(wide) + 1.5))
    image = ax.imshow(values, cmap="Purples", vmin=0)
    _annotate(ax, values, "{:.2f}" if value == "jaccard" else "{:.0f}", skip_zero=True)
    ax.set_xticks(range(len(names)), names, rotation=60, ha="right")
    ax.set_yticks(range(len(names)), names)
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.7, label=value)
    plots.decorate(ax, title=title)
    fig.tight_layout()
    return fig


def _annotate(ax: plt.Axes, values: np.ndarray, fmt: str, skip_zero: bool = False) -> None:
    """Write each finite cell value on a heatmap (white on dark cells)."""
    finite = values[np.isfinite(values)]
    top = finite.max() if finite.size else 0
    for (i, j), v in np.ndenumerate(values):
        if np.isfinite(v) and not (skip_zero and v == 0):
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                    color="white" if top and v > 0.6 * top else "black")
