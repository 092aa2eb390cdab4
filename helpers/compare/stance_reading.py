"""Which sentences the stance cues are read in, and whom each cue found there is about.

A sentence is read (``read_because``) when it

- names the country: a gazetteer entity of the country (Russia, Moscow, Putin, Sberbank, ...);
- follows a sentence that names it: it refers back with a word of the cue file's ``references``
  (the country, das Land, страна, 该国, ...) anywhere, or opens with one of its ``pronouns`` (It,
  Its, Она, Il, ...), and the nearest earlier sentence of the document that names any country
  names this one (after "The US and China are far ahead." "the country" is not Russia; companies
  and people do not count here: after "Nvidia's chips are scarce." it still is);
- is the title of an article about it: the document's title (``role`` title) or first sentence,
  where the document names the country in at least as many sentences as any other country;
- with the setting ``read: articles``, is any other sentence of such an article (``in an article
  about it``): "Sanctions cut access to chips" in an article about Russia.

Whom a cue is about, where its sentence names another country: the country the cue itself names
("hold Russia back"); else the one named nearest before it in its clause; else nearest before it in
the sentence; else first after it. A sentence read for a reference, a title or its article counts
as naming the country at its start. When that is another country the cue is left out ("The US and
China are far ahead, while Russia ...": *ahead* is about them), unless the country itself is named
after it in the same clause. Then a positive cue is a comparison and counts reversed ("China is far
ahead of Russia" places Russia behind; ``compared_with`` names the other country), and a negative
cue counts as it is: what another country does to this one ("the US restricts Russia's access", "a
widening gap that Russia struggles to close").

Everything is computed over whole columns: a few regular-expression kernel calls and group-wise
shifts, whatever the number of sentences.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers import patterns
from helpers.compare import scripts

NAMES, FOLLOWS = "names the country", "follows a sentence that names it"
TITLE, CONTEXT = "title of an article about it", "in an article about it"
PLACE_TYPES = ("country", "place")  # what "the country" can refer back to (not a company or a person)
CLAUSE_BREAK_RE2 = r"[,;:—–()\[\]，；：、،؛]"
_NON_WORD = r"[^\p{L}\p{N}_]"


def row_of(ids: pd.Series, table_ids: pd.Series) -> np.ndarray:
    """The position of each id in ``table_ids`` (-1 when absent): one Arrow hash join."""
    found = pc.index_in(pa.array(ids, pa.string()), value_set=pa.array(table_ids, pa.string()))
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def split_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, country: str) -> tuple[np.ndarray,
                                                                                             np.ndarray]:
    """Per sentence: whether it names the country (or anything of it: Moscow, Putin, Sberbank), and
    whether it names another country or a place in one (Washington, Beijing; not Nvidia).

    Args:
        sentences: doc_id, sent_id.
        mentions: entities.find_mentions(sentences) (entity, country).
        country: the gazetteer country scored.
    Returns:
        Two boolean arrays aligned with ``sentences``.
    """
    own = ((mentions["country"] == country) | (mentions["entity"] == country)).to_numpy(bool)
    other = (~own & mentions["country"].fillna("").ne("").to_numpy(bool)
             & mentions["type"].isin(PLACE_TYPES).to_numpy(bool))
    rows = row_of(mentions["sent_id"], sentences["sent_id"])
    names, others = np.zeros(len(sentences), bool), np.zeros(len(sentences), bool)
    names[rows[own & (rows >= 0)]] = True
    others[rows[other & (rows >= 0)]] = True
    return names, others


def has_phrase(texts: pd.Series | pa.Array, phrases: tuple[str, ...] | list[str],
               at_start: bool = False) -> np.ndarray:
    """Whether each text holds one of the phrases as whole words, case-insensitively (the text's
    apostrophes ’ read as '), anywhere or only at its start (after any punctuation or quote).

    One pass of helpers.patterns.scan_texts over all texts (RE2 with room for a large
    alternation: Arrow's own regex kernel runs out of DFA memory on ~100 phrases and falls back
    to a slow engine).
    """
    out = np.zeros(len(texts), bool)
    if not len(phrases) or not len(texts):
        return out
    arr = texts if isinstance(texts, pa.Array) else pa.array(texts.to_numpy(dtype=object), pa.string())
    arr = pc.replace_substring(arr, "’", "'")
    hits = patterns.scan_texts(pd.Series(arr.to_numpy(zero_copy_only=False), dtype="str"),
                               patterns.phrase_alternation(list(phrases), patterns.WORD_RE2),
                               patterns.phrase_alternation(list(phrases), patterns.WORD_PY), ignore_case=True)
    if at_start and len(hits):
        lead = pc.utf8_length(pc.extract_regex(arr, r"^(?P<lead>[^\p{L}\p{N}]*)").field("lead"))
        hits = hits[hits["start"].to_numpy() == lead.to_numpy(zero_copy_only=False)[hits["row"].to_numpy()]]
    out[hits["row"].to_numpy()] = True
    return out


def _matches(texts: pd.Series, unspaced: np.ndarray, phrases: tuple[str, ...], at_start: bool) -> np.ndarray:
    """has_phrase, but in Chinese and Arabic texts the phrases are found as substrings."""
    out = has_phrase(texts, phrases, at_start)
    if unspaced.any() and phrases:
        escaped = "|".join(patterns.escape_phrase(p, patterns.WORD_RE2) for p in phrases)
        bare = "(?i)" + (r"^[^\p{L}\p{N}]*" if at_start else "") + f"(?:{escaped})"
        arr = pa.array(texts.to_numpy(dtype=object)[unspaced], pa.string())
        out[unspaced] = np.asarray(pc.match_substring_regex(arr, bare).to_numpy(zero_copy_only=False), bool)
    return out


def mark_read_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame, country: str,
                        references: tuple[str, ...] = (), pronouns: tuple[str, ...] = (),
                        whole_articles: bool = False) -> pd.Series:
    """Why each sentence is read for stance (see the module docstring), '' when it is not.

    Args:
        sentences: doc_id, sent_id, text, in document order (optional role, language).
        mentions: entities.find_mentions(sentences).
        country: the gazetteer country scored.
        references, pronouns: from the stance cue file.
        whole_articles: also read every other sentence of an article about the country that names
            no other country or place (``in an article about it``).
    Returns:
        A string Series aligned with ``sentences``, named ``read_because``.
    """
    names, others = split_mentions(sentences, mentions, country)
    doc = pd.factorize(sentences["doc_id"])[0]
    state = pd.Series(np.where(names, 1.0, np.where(others, 0.0, np.nan)))
    previous = state.groupby(doc).shift(1).groupby(doc).ffill().to_numpy()
    candidates = np.flatnonzero(~names & (previous == 1.0))
    texts = sentences["text"].iloc[candidates]
    unspaced = scripts.is_unspaced(sentences.get("language"), sentences.index).to_numpy()[candidates]
    follows = np.zeros(len(sentences), bool)
    follows[candidates] = (_matches(texts, unspaced, references, at_start=False)
                           | _matches(texts, unspaced, pronouns, at_start=True))
    n_own = np.bincount(doc, weights=names, minlength=doc.max() + 1 if len(doc) else 0)
    n_other = np.bincount(doc, weights=others & ~names, minlength=len(n_own))
    about = ((n_own > 0) & (n_own >= n_other))[doc] if len(doc) else np.zeros(0, bool)
    first = np.r_[True, doc[1:] != doc[:-1]] if len(doc) else np.zeros(0, bool)
    role = sentences["role"].to_numpy(dtype=object) if "role" in sentences.columns else np.full(len(doc), "")
    title = about & ((role == "title") | first)
    context = about & whole_articles
    because = np.select([names, follows, title, context], [NAMES, FOLLOWS, TITLE, CONTEXT], "")
    return pd.Series(because, index=sentences.index, name="read_because", dtype="str")


def attribute_cues(found: pd.DataFrame, about: pd.DataFrame, mentions: pd.DataFrame,
                   country: str) -> pd.DataFrame:
    """Whom each cue is about: the country, another country compared with it, or another country.

    Args:
        found: the cues found, with row (position in ``about``), start, end.
        about: the read sentences (sent_id, text, read_because: a sentence read because it refers
            back to the country or is a title counts as naming it at its start).
        mentions: entities.find_mentions over them (entity, country, start, end).
        country: the gazetteer country scored.
    Returns:
        ``found`` (with side) plus ``compared_with`` (the other country when a positive cue
        compares it with the country, else '') and ``is_other`` (the cue is about another
        country only).
    """
    out = found.assign(compared_with="", is_other=False)
    m = mentions[mentions["country"].fillna("").ne("") | (mentions["entity"] == country)]
    m = m.assign(row=row_of(m["sent_id"], about["sent_id"]))
    m = m[m["row"] >= 0][["row", "start", "end", "country", "entity"]]
    if "read_because" in about.columns:  # a sentence read for a reference to the country starts with it
        implied = np.flatnonzero(about["read_because"].to_numpy(dtype=object) != NAMES)
        m = pd.concat([m, pd.DataFrame({"row": implied, "start": 0, "end": 0, "country": country,
                                        "entity": country})], ignore_index=True)
    own = (m["country"] == country) | (m["entity"] == country)
    mixed_rows = np.intersect1d(m.loc[~own, "row"].unique(), out["row"].unique())
    if not len(mixed_rows):
        return out
    hits = out.reset_index(names="hit")
    hits = hits[hits["row"].isin(mixed_rows)]
    pairs = hits[["hit", "row", "start", "end"]].merge(
        m.assign(is_own=own)[["row", "start", "end", "is_own", "country", "entity"]]
        .rename(columns={"start": "m_start", "end": "m_end"}), on="row")
    clause = _clause_index(about["text"], mixed_rows, pairs)
    pairs["same"] = clause[0] == clause[1]
    before = pairs["m_end"] <= pairs["start"]
    after = pairs["m_start"] >= pairs["end"]
    inside = (pairs["m_start"] >= pairs["start"]) & (pairs["m_end"] <= pairs["end"])  # "hold Russia back"
    pairs["rank"] = np.select([inside, before & pairs["same"], before, after], [0, 1, 2, 3], 4)
    pairs["distance"] = np.where(before, pairs["start"] - pairs["m_end"], pairs["m_start"] - pairs["end"])
    subject = pairs[pairs["rank"] < 4].sort_values(["hit", "rank", "distance"]).drop_duplicates("hit")
    foreign = subject[~subject["is_own"]]
    compared = pairs[after & pairs["same"] & pairs["is_own"]]["hit"].unique()
    name = foreign.assign(name=np.where(foreign["entity"] == foreign["country"], foreign["entity"],
                                        foreign["country"])).set_index("hit")["name"]
    is_compared = foreign["hit"].isin(compared).to_numpy()
    positive = (out.loc[foreign["hit"].to_numpy(), "side"] == "positive").to_numpy()
    hit = foreign["hit"].to_numpy()
    out.loc[hit[is_compared & positive], "compared_with"] = name.to_numpy()[is_compared & positive]
    out.loc[hit[~is_compared], "is_other"] = True
    return out


def _clause_index(texts: pd.Series, rows: np.ndarray, pairs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For each pair, the clause (number of clause breaks before it) of the cue and of the mention."""
    arr = pa.array(texts.iloc[rows].to_numpy(dtype=object), pa.string())
    pieces = pc.split_pattern_regex(arr, CLAUSE_BREAK_RE2)
    lengths = pc.utf8_length(pc.list_flatten(pieces)).to_numpy(zero_copy_only=False).astype(np.int64)
    parent = pc.list_parent_indices(pieces).to_numpy(zero_copy_only=False)
    ends = pd.Series(lengths + 1).groupby(parent).cumsum().to_numpy() - 1  # a break after each piece ...
    last = np.r_[parent[1:] != parent[:-1], True]                         # ... but the last
    big = np.int64(1) << 32
    keys = np.sort(rows[parent[~last]].astype(np.int64) * big + ends[~last])
    base = np.searchsorted(keys, pairs["row"].to_numpy(np.int64) * big)

    def count(offsets: pd.Series) -> np.ndarray:
        at = pairs["row"].to_numpy(np.int64) * big + offsets.to_numpy(np.int64)
        return np.searchsorted(keys, at) - base
    return count(pairs["start"]), count(pairs["m_start"])
