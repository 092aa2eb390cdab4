"""Where each source places Russia in the AI race: cue words scored in sentences about Russia.

    from helpers.compare import stance
    cues = stance.load_stance_cues()                      # data/stance_cues.yaml
    hits = stance.find_stance_cues(c.sentences, cues)     # one row per cue in a Russia sentence
    stance.score_stance(hits, c.sentences, c.documents)   # per document: positive, negative, score
    stance.list_evidence(hits, c.sentences)               # the strongest cues each way, with sent_id

The cue list, weights, negation window, hedge factor and the country are in data/stance_cues.yaml
(its header explains each). Each cue found in a sentence about the country contributes
``weight`` (times ``hedge_factor`` when the sentence is hedged) to its side, or to the other side
when negated (``negation: flip``; ``cancel`` drops it). A cue within two words after another, in
the same clause, is that cue's object and is left out ("lags behind the leaders", "lack of
progress": only the first counts). A group's score is
``(positive - negative) / (positive + negative)``: +1 all cues place Russia well, -1 all place it
badly, empty when no cue was found. Titles and headings count like any other sentence.

Which sentences are read, and whom a cue in a sentence naming two countries is about, is decided
in helpers.compare.stance_reading: sentences that name the country, sentences that refer back to
it ("the country", "It") after one that names it, and the title of an article about it; a cue
about another country is left out, or reversed when it compares that country with this one
("China is far ahead of Russia"). Each hit says why its sentence was read (``read_because``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers import config, paths, patterns, plots
from helpers.compare import entities, scripts, stance_reading
from helpers.corpus import language as languages

STANCE_CUES_PATH = paths.DATA_DIR / "stance_cues.yaml"
SIDES = ("positive", "negative")
_CLAUSE_BREAK = r"[,;:—–()\[\]]"


class StanceCuesError(ValueError):
    """The stance cue file cannot be used; one line naming the file, the entry and the fix."""


@dataclass(frozen=True)
class StanceCues:
    """The validated contents of a stance cue file."""

    cues: pd.DataFrame          # cue, side (positive/negative), weight
    negations: tuple[str, ...]
    hedges: tuple[str, ...]
    country: str = "Russia"
    languages: tuple[str, ...] = ("en",)
    negation_window: int = 3
    negation: str = "flip"
    hedge_factor: float = 0.5
    references: tuple[str, ...] = ()   # words that refer back to the country (the country, das Land)
    pronouns: tuple[str, ...] = ()     # words that refer back when they open a sentence (It, Она)
    read: str = "references"           # or "articles": every sentence of an article about the country


def load_stance_cues(path: str | Path | None = None) -> StanceCues:
    """Read and validate a stance cue file (default data/stance_cues.yaml).

    Raises:
        StanceCuesError: unreadable YAML, an unknown section or setting, a weight that is not a
            positive number, a cue listed on both sides, or a bad setting value.
    """
    raw, name = config.read_yaml_mapping(path, STANCE_CUES_PATH, StanceCuesError, "stance cue file")
    unknown = set(raw) - {"settings", "negations", "hedges", "references", "pronouns", *SIDES}
    if unknown:
        raise StanceCuesError(f"{name}: unknown section '{sorted(unknown)[0]}'; use settings, negations, "
                              f"hedges, references, pronouns, positive, negative")
    settings = _check_settings(raw.get("settings") or {}, name)
    rows = []
    for side in SIDES:
        for cue, weight in (raw.get(side) or {}).items():
            if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
                raise StanceCuesError(f"{name}: {side} cue '{cue}' has weight {weight!r}; give a positive "
                                      f"number such as 1 or 2")
            rows.append({"cue": str(cue).strip(), "side": side, "weight": float(weight)})
    cues = pd.DataFrame(rows, columns=["cue", "side", "weight"])
    both = cues[cues["cue"].str.casefold().duplicated(keep=False)]
    if len(both):
        raise StanceCuesError(f"{name}: cue '{both['cue'].iloc[0]}' is listed twice (sides: "
                              f"{', '.join(both['side'])}); keep it once")
    lists = {key: _check_phrases(raw, key, name) for key in ("negations", "hedges", "references", "pronouns")}
    for side, cue in zip(cues["side"], cues["cue"]):
        _check_phrase(cue, f"{name}: {side} cue", name)
    try:
        patterns.check_phrases_together(cues["cue"].tolist(), ignore_case=True)
    except patterns.PatternError as exc:
        raise StanceCuesError(f"{name}: cues: {exc}") from None
    return StanceCues(cues=cues.astype({"cue": "str", "side": "str"}), **lists, **settings)


def _check_phrases(raw: dict, key: str, name: str) -> tuple[str, ...]:
    """The negations or hedges: a list of phrases, each checked, in lower case."""
    value = raw.get(key) or []
    if any(isinstance(w, bool) for w in value if isinstance(value, list)):
        raise StanceCuesError(f"{name}: '{key}' holds {[w for w in value if isinstance(w, bool)][0]!r}, "
                              f"which YAML reads from an unquoted no/yes/off/on; quote it: \"no\"")
    if not isinstance(value, list) or not all(isinstance(w, str | int | float) for w in value):
        raise StanceCuesError(f"{name}: '{key}' must be a list of words or phrases, e.g. [not, never]")
    for w in value:
        _check_phrase(str(w), f"{name}: {key}", name)
    return tuple(str(w).casefold() for w in value)


def _check_phrase(phrase: str, where: str, name: str) -> None:
    """Raise StanceCuesError when a cue, negation or hedge is not a usable phrase (helpers.patterns)."""
    try:
        patterns.check_phrase(phrase)
    except patterns.PatternError as exc:
        raise StanceCuesError(patterns.describe_problem(where, phrase, str(exc))) from None


def _check_settings(settings: dict, name: str) -> dict:
    """Validate the settings section; return it as keyword arguments for StanceCues."""
    allowed = {"country": str, "languages": list, "negation_window": int, "negation": str,
               "hedge_factor": float, "read": str}
    for key, value in settings.items():
        if key not in allowed:
            raise StanceCuesError(f"{name}: unknown setting '{key}'; use {', '.join(allowed)}")
        if key == "languages" and (not isinstance(value, list) or not value
                                   or not all(isinstance(v, str) and v.strip() for v in value)):
            raise StanceCuesError(f"{name}: setting languages = {value!r} should be a list of "
                                  f"language codes such as [en, ru]")
        ok = isinstance(value, allowed[key]) or (allowed[key] is float and isinstance(value, int))
        if not ok or isinstance(value, bool):
            raise StanceCuesError(f"{name}: setting {key} = {value!r} should be a {allowed[key].__name__}")
    if settings.get("negation", "flip") not in ("flip", "cancel"):
        raise StanceCuesError(f"{name}: setting negation = {settings['negation']!r}; use flip or cancel")
    if settings.get("read", "references") not in ("references", "articles"):
        raise StanceCuesError(f"{name}: setting read = {settings['read']!r}; use references or articles")
    if not 0 <= settings.get("hedge_factor", 0.5) <= 1:
        raise StanceCuesError(f"{name}: setting hedge_factor = {settings['hedge_factor']}; use 0 to 1")
    if "languages" in settings:
        settings = {**settings, "languages": tuple(v.strip().lower() for v in settings["languages"])}
    return settings


def is_scored_language(language: pd.Series, cues: StanceCues) -> pd.Series:
    """Whether texts in these languages are scored ('' counts as English, as in the codebook)."""
    return languages.language_or_default(language).isin(cues.languages)


def list_unscored_documents(documents: pd.DataFrame, cues: StanceCues) -> pd.DataFrame:
    """The documents whose language has no stance cues: their sentences are not scored.

    Returns:
        doc_id, language, problem (one line each; empty when every document can be scored).
    """
    return languages.list_documents_outside(
        documents, cues.languages, "not scored: no stance cues for language '{language}' (cues exist "
                                   "for " + ", ".join(cues.languages) + ")")


def mark_subject_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame,
                           country: str = "Russia") -> pd.Series:
    """Whether each sentence mentions the country or a gazetteer entity that belongs to it.

    Args:
        sentences: the sentences table.
        mentions: entities.find_mentions(sentences).
        country: a gazetteer country.
    Returns:
        A boolean Series aligned with ``sentences``.
    """
    names, _ = stance_reading.split_mentions(sentences, mentions, country)
    return pd.Series(names, index=sentences.index, name="is_about_country")


def mark_read_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame, cues: StanceCues) -> pd.Series:
    """Why each sentence is read for stance ('' when it is not; helpers.compare.stance_reading).
    Sentences in a language the cue file does not cover are not read."""
    because = stance_reading.mark_read_sentences(sentences, mentions, cues.country, cues.references,
                                                 cues.pronouns, whole_articles=cues.read == "articles")
    if "language" in sentences.columns:
        because = because.where(is_scored_language(sentences["language"], cues).to_numpy(), "")
    return because


def find_stance_cues(sentences: pd.DataFrame, cues: StanceCues | None = None,
                     mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every stance cue in the sentences read for the country, with negation and hedging applied.
    Sentences in a language the cue file does not cover (its ``languages`` setting) are skipped.

    Args:
        sentences: doc_id, sent_id, text, in document order (role and language where known).
        cues: from load_stance_cues (default data/stance_cues.yaml).
        mentions: entities.find_mentions(sentences) if already computed (default: computed here
            with data/gazetteer.csv).
    Returns:
        doc_id, sent_id, cue, text (as written), side (after negation), weight, is_negated,
        is_hedged, contribution (signed: + positive, - negative; 0 when cancelled), start, end,
        read_because (why the sentence was read), compared_with (the other country, when the cue
        compares it with this one and so counts reversed; else ''). Cues about another country
        only are left out.
    """
    cues = load_stance_cues() if cues is None else cues
    mentions = entities.find_mentions(sentences) if mentions is None else mentions
    because = mark_read_sentences(sentences, mentions, cues).to_numpy(dtype=object)
    read = np.flatnonzero(because != "")
    about = sentences.iloc[read].reset_index(drop=True).assign(read_because=because[read])
    found = _find_cue_words(about, cues.cues["cue"]).merge(cues.cues, on="cue", how="left")
    found = found.sort_values(["row", "start"], kind="stable").reset_index(drop=True)
    found = stance_reading.attribute_cues(found, about, mentions, cues.country)
    found = found[~found["is_other"]].reset_index(drop=True)
    texts = about["text"].to_numpy(dtype=object)
    # a negation binds to the nearest cue after it: look back no further than the previous cue
    same_row = found["row"].eq(found["row"].shift())
    previous_end = found["end"].shift().where(same_row, 0).astype("int64")
    before = [t[max(p, s - 200):s] for t, s, p in zip(texts[found["row"].to_numpy()], found["start"],
                                                      previous_end)]
    found["is_negated"] = _is_negated(before, cues.negations, cues.negation_window)
    found = found[~(same_row.to_numpy() & _is_object(before))].reset_index(drop=True)
    rows = found["row"].unique()  # hedges are looked for only in sentences with a cue
    hedged = pd.Series(_has_any(about["text"].iloc[rows], cues.hedges), index=rows)
    found["is_hedged"] = found["row"].map(hedged).astype(bool) if len(found) else False
    sign = np.where(found["side"] == "positive", 1.0, -1.0)
    sign = sign * np.where(found["compared_with"] != "", -1.0, 1.0)  # a comparison counts reversed
    sign = np.where(found["is_negated"], -sign if cues.negation == "flip" else 0.0, sign)
    found["contribution"] = sign * found["weight"] * np.where(found["is_hedged"], cues.hedge_factor, 1.0)
    found["side"] = np.where(found["contribution"] > 0, "positive",
                             np.where(found["contribution"] < 0, "negative", "cancelled"))
    out = pd.concat([about[["doc_id", "sent_id", "read_because"]].iloc[found["row"]].reset_index(drop=True),
                     found.rename(columns={"match": "text"}).drop(columns="row")], axis=1)
    return out[["doc_id", "sent_id", "cue", "text", "side", "weight", "is_negated", "is_hedged",
                "contribution", "start", "end", "read_because", "compared_with"]].astype(
        {"doc_id": "str", "sent_id": "str", "cue": "str", "text": "str", "side": "str", "is_negated": "bool",
         "is_hedged": "bool", "read_because": "str", "compared_with": "str"})


def _find_cue_words(about: pd.DataFrame, phrases: pd.Series) -> pd.DataFrame:
    """row, start, end, match, cue: every cue in the texts (whole words; in Chinese and Arabic
    sentences through helpers.compare.scripts)."""
    unspaced = scripts.is_unspaced(about.get("language"), about.index).to_numpy()
    spaced = np.flatnonzero(~unspaced)
    hits = patterns.scan_texts(about["text"].iloc[spaced],
                               patterns.phrase_alternation(phrases, patterns.WORD_RE2),
                               patterns.phrase_alternation(phrases, patterns.WORD_PY), ignore_case=True)
    hits["row"] = spaced[hits["row"].to_numpy()] if len(hits) else hits["row"]
    hits["cue"] = patterns.resolve_phrases(hits["match"], phrases, ignore_case=True)
    if unspaced.any():
        extra = scripts.scan_unspaced(about["text"], about["language"], phrases.tolist(), ignore_case=True)
        extra["cue"] = patterns.resolve_phrases(extra["phrase_text"], phrases, ignore_case=True)
        hits = pd.concat([hits, extra[hits.columns]], ignore_index=True)
    return hits.astype({"row": "int64", "start": "int64", "end": "int64"})


_NON_WORD = r"[^\p{L}\p{N}_]"


def _has_any(texts: pa.Array | pd.Series, words: tuple[str, ...]) -> np.ndarray:
    """Whether each text contains one of the words or phrases as whole words, case-insensitively
    ("n't" may end a word: "isn't"; the text's apostrophes ’ are read as ')."""
    arr = texts if isinstance(texts, pa.Array) else pa.array(texts, pa.string())
    out = stance_reading.has_phrase(arr, [w for w in words if not w.startswith("n'")])
    endings = [patterns.escape_phrase(w, patterns.WORD_RE2) for w in words if w.startswith("n'")]
    if endings and len(arr):
        rx = f"(?i)(?:{'|'.join(endings)})(?:{_NON_WORD}|$)"
        out |= np.asarray(pc.match_substring_regex(pc.replace_substring(arr, "’", "'"), rx)
                          .to_numpy(zero_copy_only=False), bool)
    return out


def _is_negated(before: list[str], negations: tuple[str, ...], window: int) -> np.ndarray:
    """Whether a negation occurs in the last ``window`` words (split at white space) before a cue,
    within its clause (after the last , ; : — – or bracket)."""
    if window <= 0 or not before:
        return np.zeros(len(before), dtype=bool)
    clause = pc.extract_regex(pa.array(before, pa.string()), r"(?P<c>[^,;:—–()\[\]]*)$").field("c")
    return _has_any(_last_words(clause, window), negations)


def _is_object(between: list[str]) -> np.ndarray:
    """Whether the text between a cue and the cue before it is at most two words, in one clause:
    the cue is then the object of the one before ("отстаёт от лидеров", "lack of progress")."""
    arr = pa.array(between, pa.string())
    n_words = pc.list_value_length(pc.utf8_split_whitespace(arr)).to_numpy(zero_copy_only=False)
    broken = pc.match_substring_regex(arr, _CLAUSE_BREAK).to_numpy(zero_copy_only=False)
    return np.asarray((n_words <= 2) & ~broken, dtype=bool)


def _last_words(texts: pa.Array, n: int) -> pa.Array:
    """The last ``n`` white-space separated words of each text, joined by single spaces."""
    lists = pc.utf8_split_whitespace(pc.utf8_rtrim_whitespace(texts), max_splits=n, reverse=True)
    lengths = pc.list_value_length(lists).to_numpy(zero_copy_only=False)
    words = pc.list_flatten(lists)
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    position = np.arange(len(words)) - np.concatenate([[0], np.cumsum(lengths)])[parents]
    keep = ~((lengths[parents] == n + 1) & (position == 0))  # the first piece holds the earlier words
    counts = np.bincount(parents[keep], minlength=len(texts))
    offsets = pa.array(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32))
    return pc.binary_join(pa.ListArray.from_arrays(offsets, words.filter(pa.array(keep))), " ")


def score_sentences(hits: pd.DataFrame) -> pd.DataFrame:
    """Per sentence: positive and negative totals and the score (see module docstring)."""
    return _score(hits, ["doc_id", "sent_id"])


def _score(hits: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum contributions by ``keys``: positive, negative, n_cues, score (rounded to 3 decimals)."""
    h = hits.assign(pos=hits["contribution"].clip(lower=0), neg=(-hits["contribution"]).clip(lower=0))
    out = h.groupby(keys, sort=True).agg(positive=("pos", "sum"), negative=("neg", "sum"),
                                         n_cues=("cue", "size")).reset_index()
    total = out["positive"] + out["negative"]
    out["score"] = ((out["positive"] - out["negative"]) / total.where(total > 0)).round(3)
    return out.astype({"positive": "float64", "negative": "float64", "n_cues": "int64"})


def score_stance(hits: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, by: str = "doc_id",
                 about: pd.Series | None = None) -> pd.DataFrame:
    """Per group of documents: how many sentences are about the country, the cue totals, the score.

    Args:
        hits: from find_stance_cues.
        sentences: the sentences the cues were found in.
        documents: the documents table (every group listed, also those without cues).
        by: a documents column to group by (doc_id, publisher, source_type, ...).
        about: which sentences are read (mark_read_sentences(...) != ''), if already computed
            (else computed here with the default cue file).
    Returns:
        ``by``, n_sentences (read for the country), n_cue_sentences, n_cues, positive, negative
        (weighted totals, rounded to 2 decimals), score ((positive - negative) / (positive +
        negative), rounded to 3 decimals; empty when there is no cue).
    """
    if about is None:
        about = mark_read_sentences(sentences, entities.find_mentions(sentences), load_stance_cues()) != ""
    docs = documents.drop_duplicates("doc_id")
    group_of = pd.Series(docs[by].astype("str").to_numpy(), index=docs["doc_id"].to_numpy())
    sents = sentences.loc[about, ["doc_id", "sent_id"]].assign(_group=lambda d: d["doc_id"].map(group_of))
    h = hits.assign(_group=hits["doc_id"].map(group_of))
    out = pd.DataFrame(index=pd.Index(sorted(group_of.unique()), name="_group"))
    out["n_sentences"] = sents.groupby("_group").size()
    out["n_cue_sentences"] = h.groupby("_group")["sent_id"].nunique()
    out = out.join(_score(h, ["_group"]).set_index("_group")).fillna(
        {"n_sentences": 0, "n_cue_sentences": 0, "n_cues": 0, "positive": 0.0, "negative": 0.0})
    out[["positive", "negative"]] = out[["positive", "negative"]].round(2)
    out = out.reset_index().rename(columns={"_group": by})
    return out.astype({"n_sentences": "int64", "n_cue_sentences": "int64", "n_cues": "int64"})


def list_evidence(hits: pd.DataFrame, sentences: pd.DataFrame, n: int = 2) -> pd.DataFrame:
    """The sentences that weigh most on each side, per document: the evidence behind a score.

    Returns:
        doc_id, side, sent_id, weight (the sentence's total on that side, rounded to 2 decimals),
        cues (each cue as written, marked "not" when negated and "hedged" when hedged), text; per
        document the ``n`` strongest sentences on each side, strongest first.
    """
    h = hits[hits["side"] != "cancelled"].copy()
    h["label"] = (h["text"] + np.where(h["is_negated"], " (not)", "")
                  + np.where(h["is_hedged"], " (hedged)", ""))
    per = h.groupby(["doc_id", "side", "sent_id"], sort=False).agg(
        weight=("contribution", lambda c: float(np.abs(c).sum())), cues=("label", "; ".join)).reset_index()
    per = per.sort_values(["doc_id", "side", "weight", "sent_id"], ascending=[True, False, False, True])
    per = per.groupby(["doc_id", "side"], sort=False).head(n)
    per["weight"] = per["weight"].round(2)
    out = per.merge(sentences[["sent_id", "text"]], on="sent_id", how="left")
    return out[["doc_id", "side", "sent_id", "weight", "cues", "text"]].reset_index(drop=True)


def plot_stance(scores: pd.DataFrame, by: str = "doc_id") -> plt.Figure:
    """Horizontal bars of each group's score (-1 to +1), labelled with its weighted cue totals."""
    fig, ax = plt.subplots(figsize=(7, 0.5 * len(scores) + 1.2))
    values = scores["score"].astype("float64").fillna(0.0)
    colors = np.where(values >= 0, plots.SOURCE_COLORS[3], plots.SOURCE_COLORS[1])
    labels = scores[by].astype(str)
    ax.barh(labels, values, color=colors)
    totals = zip(values, scores["positive"], scores["negative"], scores["n_sentences"])
    for y, (v, p, n, k) in enumerate(totals):  # the label sits on the other side of the zero line
        ax.annotate(f"+{p:g} / -{n:g} ({k} sentences)", (0, y), xytext=(-4 if v > 0 else 4, 0),
                    textcoords="offset points", va="center", ha="right" if v > 0 else "left", fontsize=8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.6, 1.6)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    plots.decorate(ax, title=f"Where each {by} places Russia in the AI race",
                   xlabel="stance score: (positive - negative) / (positive + negative)", ylabel=by)
    fig.tight_layout()
    return fig
