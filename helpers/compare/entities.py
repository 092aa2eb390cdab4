"""Who is mentioned where: a gazetteer of known names, their mentions, and names not yet known.

    from helpers.compare import entities
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
of aliases); see scan_texts. Sentences in Chinese or Japanese (no spaces between words) and Arabic
(clitics attached to names: لروسيا, الكرملين) are matched by helpers.compare.scripts instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.compare import names as names_module
from helpers.compare import scripts
from helpers.compare.gazetteer import load_gazetteer, resolve_aliases
from helpers.corpus import dates, words
from helpers.patterns import WORD_PY, WORD_RE2, phrase_alternation, scan_texts

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
    unspaced = scripts.is_unspaced(sentences.get("language"), sentences.index).to_numpy()
    spaced_rows = np.flatnonzero(~unspaced)
    hits = scan_texts(sentences["text"].iloc[spaced_rows], phrase_alternation(gaz["alias"], WORD_RE2),
                      phrase_alternation(gaz["alias"], WORD_PY))
    hits["row"] = spaced_rows[hits["row"].to_numpy()] if len(hits) else hits["row"]
    hits["phrase_text"] = hits["match"]
    if unspaced.any():
        extra = scripts.scan_unspaced(sentences["text"], sentences["language"], gaz["alias"].tolist())
        hits = pd.concat([hits, extra], ignore_index=True).sort_values(["row", "start"], ignore_index=True)
    resolved = resolve_aliases(hits["phrase_text"], gaz)
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
    possessive 's is removed. In German sentences single words that are common nouns are dropped;
    a Russian or Ukrainian name's case forms count as one name (helpers.compare.names). Chinese,
    Japanese and Arabic have no capitals: names.list_undiscoverable lists such sentences.

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
    names = _apply_language_knowledge(names, body)
    out = (names.groupby("name", sort=False)
           .agg(n=("name", "size"), n_docs=("doc_id", "nunique"),
                doc_ids=("doc_id", lambda d: ", ".join(sorted(set(d)))),
                sent_id=("sent_id", "first"), text=("text", "first"))
           .reset_index())
    out = out[out["n"] >= min_count].sort_values(["n", "name"], ascending=[False, True], ignore_index=True)
    return out.astype({"name": "str", "n": "int64", "n_docs": "int64", "doc_ids": "str",
                       "sent_id": "str", "text": "str"})


def _apply_language_knowledge(names: pd.DataFrame, body: pd.DataFrame) -> pd.DataFrame:
    """Drop German common nouns; give a Cyrillic name's inflected forms its most frequent form."""
    if "language" in body:
        language = body["language"].fillna("").astype("str").to_numpy()[names["row"].to_numpy()]
        names = names[~((language == "de") & names_module.is_german_common_noun(names["name"]).to_numpy())]
    key = names_module.lemmatise_cyrillic(names["name"])
    if len(names):
        counts = names.groupby([key.to_numpy(), names["name"].to_numpy()]).size().reset_index()
        counts.columns = ["key", "name", "n"]
        best = counts.sort_values(["key", "n", "name"], ascending=[True, False, True]).drop_duplicates("key")
        names = names.assign(name=key.map(best.set_index("key")["name"]).to_numpy())
    return names


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
    stop = words.load_stopwords() | set(dates.MONTHS_EN) | set(dates.MONTHS_RU)
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
