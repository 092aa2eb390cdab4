"""Separate the article from the page furniture saved around it.

A saved page is split into blocks (one per paragraph: a non-blank line, or lines wrapped from one
paragraph). Each block gets a ``role`` and the ``reason`` the rule that decided it gives:

    content:      title, heading, paragraph, list_item
    not content:  duplicate, metadata, boilerplate

The rules are read from ``data/cleaning_rules.yaml`` (phrases, end-of-article markers, metadata
sections and labels, call-to-action verbs, author-bio words, site words, per-document overrides)
and applied in a fixed order, first match wins:

    override > separator > furniture phrase > page tail > reference entry > byline
    > metadata label > metadata section > author bio > call to action > duplicate
    > manifest title > list item > Markdown heading
    > furniture evidence and context (helpers.corpus.furniture, helpers.corpus.context)
    > title > heading > paragraph

The blocks no rule decides are judged by their own evidence (words, function words, sentence
punctuation, timestamps, separators, menu runs, site words) and their neighbours'; a block kept
although its neighbours disagree is marked ``is_uncertain``.

Features are computed for the whole block table at once, so the same code serves five articles
and a hundred thousand.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers import patterns
from helpers.corpus import context, dates, furniture
from helpers.corpus.rules import CONTENT_ROLES, CleaningRules, apply_overrides

BULLET_RE = re.compile(r"^\s*(?:[•·▪●◦‣∙*+]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
LONE_MARKER_RE = re.compile(r"^\s*[•·▪●◦‣∙*+\-–—]\s*$")
TERMINAL_RE = re.compile(r"[.!?…。！？؟:;,\"'”’»)\]]\s*$")
MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(?=\S)")
REFERENCE_RE = re.compile(r"^\s*(?:\[\^?\d+\]:?|\^\d+|Retrieved\b)", re.IGNORECASE)
WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
SHORT_CHARS = 400  # longer blocks are prose: never headings, phrases, markers, bylines
QUOTE_RE = re.compile(r"[\"“”«»]")
# "Ends in this punctuation, then only non-word characters": RE2 (linear time; Python's re takes
# quadratic time on a long run of punctuation). [^\p{L}\p{N}_] is Python's \W.
ENDS_SENTENCE_RE2 = r"[.!?…。！？؟;:,][^\p{L}\p{N}_]*$"
ENDS_QUESTION_RE2 = r"[?？][^\p{L}\p{N}_]*$"
ENDS_STOP_RE2 = r"[.!?][^\p{L}\p{N}_]*$"
# Python's \s (str.isspace) in RE2, and "two spaces in a row, or a space other than ' '"
SPACE_RE2 = r"[\t\n\v\f\r\x{1c}-\x{1f}\x{85}\pZ]"
SPACED_RE2 = rf"{SPACE_RE2}{SPACE_RE2}|[\t\n\r\f\v\x{{a0}}\x{{2028}}\x{{2029}}]"


def split_blocks(text: str) -> list[dict]:
    """Split a page's text into blocks with the 1-based lines they span.

    A block is a non-blank line; a following line is joined to it when the block does not end a
    sentence and the line continues it in lower case (text wrapped by a PDF or an e-mail).

    Returns:
        A list of {"line_start", "line_end", "raw"} in file order (raw keeps the original lines).
    """
    blocks: list[dict] = []
    last_line = ""  # the last line of the last block
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        last = blocks[-1] if blocks else None
        if last is not None and last["line_end"] == number - 1 and _continues(last_line, line):
            last["raw"] += "\n" + line
            last["line_end"] = number
        else:
            blocks.append({"line_start": number, "line_end": number, "raw": line})
        last_line = line
    return blocks


def _continues(previous: str, line: str) -> bool:
    stripped = line.lstrip()
    return (  # the cheap tests first
        stripped[:1].islower()
        and len(previous.strip()) >= 40
        and not TERMINAL_RE.search(previous)
        and not BULLET_RE.match(line)
        and not LONE_MARKER_RE.match(previous)
    )


def _search_re2(text: pd.Series, pattern: str) -> pd.Series:
    """Whether each text contains a match of an RE2 pattern (one linear pass per text)."""
    found = pc.match_substring_regex(pa.array(text.tolist(), pa.large_string()), pattern)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=text.index, dtype=bool)


def normalise_block_text(raw: pd.Series) -> pd.Series:
    """Return block text as paragraph text: heading hashes and bullet marker removed, white space
    collapsed. Each regular expression runs only on the rows that need it."""
    text = raw.str.strip()
    for pattern, needs in ((MD_HEADING_RE.pattern, text.str.startswith("#")),
                           (BULLET_RE.pattern, text.str.match(BULLET_RE.pattern))):
        if needs.any():
            text = text.where(~needs, text[needs].str.replace(pattern, "", regex=True, n=1))
    spaced = _search_re2(text, SPACED_RE2)
    if spaced.any():
        text = text.where(~spaced, text[spaced].str.replace(r"\s+", " ", regex=True).str.strip())
    return text


def _fold(series: pd.Series) -> pd.Series:
    """Case- and punctuation-insensitive key for comparing short texts."""
    return series.str.casefold().str.replace(r"[\W_]+", " ", regex=True).str.strip()


def _fold_one(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _alternation(words: tuple[str, ...]) -> str:
    return patterns.literal_alternation(words)


def compute_block_features(blocks: pd.DataFrame, rules: CleaningRules) -> pd.DataFrame:
    """Add the per-block features the rules read (vectorised over all documents).

    Headings, furniture phrases, end markers, section names and calls to action are short, so
    those features are computed only for blocks of at most SHORT_CHARS characters; longer blocks
    are prose (their ``n_words`` is an estimate from spaces: they only need to count as long).

    Args:
        blocks: doc_id, block_id, position, line_start, line_end, raw, text (normalised).
        rules: the cleaning rules.
    Returns:
        A copy with feature columns (is_short, n_words, is_bullet, is_heading_like, key, ...).
    """
    b = blocks.copy()
    text, raw = b["text"], b["raw"]
    short = text.str.len() <= SHORT_CHARS
    st = text[short]
    b["is_short"] = short
    spaces = pc.count_substring(pa.array(text.tolist(), pa.large_string()), " ").to_numpy()
    b["n_words"] = pd.Series(spaces + 1, index=b.index, dtype="int64")
    b.loc[short, "n_words"] = st.str.count(WORD_RE.pattern).astype("int64")
    b["has_words"] = (b["n_words"] > 0) & text.str.contains(r"\w", regex=True)
    b["is_bullet"] = raw.str.match(BULLET_RE.pattern) & ~raw.str.match(LONE_MARKER_RE.pattern)
    b["is_lone_marker"] = raw.str.match(LONE_MARKER_RE.pattern)
    b["ends_sentence"] = _search_re2(text, ENDS_SENTENCE_RE2)
    b["label"] = text.str.extract(rf"^((?:{_alternation(rules.metadata_labels)}))\s*[:：]",
                                  flags=re.IGNORECASE)[0].fillna("").astype("str")
    b["is_reference"] = text.str.match(REFERENCE_RE.pattern, case=False)
    b["is_md_heading"] = raw.str.match(MD_HEADING_RE.pattern) & b["has_words"]
    folded = _fold(st)
    b["key"] = text.str.lower()
    b.loc[short, "key"] = folded
    question = _search_re2(st, ENDS_QUESTION_RE2)
    capitalised = pd.Series(0, index=st.index)  # only questions need it
    capitalised[question] = st[question].str.split().map(
        lambda ws: sum(w[:1].isupper() or not w[:1].isalpha() for w in ws))
    title_cased = capitalised >= 0.6 * b.loc[short, "n_words"].clip(lower=1)
    heading_like = (
        b.loc[short, "has_words"] & ~b.loc[short, "is_bullet"] & (b.loc[short, "n_words"] <= 14)
        & (st.str.len() <= 120) & (~b.loc[short, "ends_sentence"] | (question & title_cased))
    )
    b["is_heading_like"] = b["is_md_heading"]
    b.loc[short, "is_heading_like"] = b.loc[short, "is_md_heading"] | heading_like
    b["is_phrase"] = False
    b.loc[short, "is_phrase"] = folded.isin({_fold_one(p) for p in rules.furniture_phrases})
    b["end_marker"] = ""
    b.loc[short, "end_marker"] = _first_prefix(folded, rules.end_markers)
    sections = {_fold_one(x) for x in rules.metadata_sections}
    b["section_name"] = ""
    b.loc[short, "section_name"] = st.where(folded.isin(sections), "")
    cta = _alternation(rules.call_to_action_verbs)
    n_sent = st.str.count(r"[.!?](?:\s|$)").clip(lower=1)
    n_cta = st.str.count(rf"(?:^|[.!?]\s+)(?:{cta})\b")
    b["is_call_to_action"] = False
    b.loc[short, "is_call_to_action"] = (n_cta > 0) & (n_cta * 2 >= n_sent) & (
        b.loc[short, "n_words"] <= 60)
    return b


def compute_text_features(raw: pd.Series, rules: CleaningRules) -> pd.DataFrame:
    """The features that depend on a block's text alone (its normalised text, those of
    compute_block_features and furniture.compute_text_evidence), computed once per distinct raw
    text: a line repeated on many pages (a share button, a menu) costs one row.

    Args:
        raw: the blocks' raw text.
        rules: the cleaning rules.
    Returns:
        A frame on raw's index: text and the feature columns (not raw).
    """
    codes, distinct = pd.factorize(raw, use_na_sentinel=False)
    u = pd.DataFrame({"raw": pd.Series(distinct, dtype=raw.dtype)})
    u["text"] = normalise_block_text(u["raw"])
    u = furniture.compute_text_evidence(compute_block_features(u, rules), rules)
    return u.drop(columns=["raw"]).take(codes).set_axis(raw.index)


def _first_prefix(folded: pd.Series, prefixes: tuple[str, ...]) -> pd.Series:
    """For each text, the first listed prefix it starts with ('' when none)."""
    out = pd.Series("", index=folded.index, dtype="object")
    for prefix in prefixes:
        key = _fold_one(prefix)
        hit = (out == "") & ((folded == key) | folded.str.startswith(key + " "))
        out[hit] = prefix
    return out.astype("str")


def _running_text(b: pd.DataFrame) -> pd.Series:
    """Blocks that read as prose: long, or eight or more words ending in sentence punctuation."""
    return (
        (~b["is_short"] | ((b["n_words"] >= 8) & b["ends_sentence"])) & ~b["is_phrase"]
        & ~b["is_bullet"] & (b["label"] == "") & ~b["is_reference"]
    )


def _line_note(b: pd.DataFrame, mask: pd.Series, text: pd.Series) -> pd.Series:
    """Carry "'text' (line N)" forward from each masked block to the blocks after it, per document."""
    note = ("'" + text + "' (line " + b["line_start"].astype(str) + ")").where(mask)
    return note.groupby(b["doc_id"]).ffill().groupby(b["doc_id"]).shift(1).fillna("")


def _mark_tail(b: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Return (is the first active end marker, note of the marker a block comes after,
    is an end marker before any running text: furniture that removes only itself)."""
    seen_text = b["is_running"].groupby(b["doc_id"]).cumsum() - b["is_running"].astype(int)
    active = (b["end_marker"] != "") & (seen_text > 0)
    first_active = active & (active.groupby(b["doc_id"]).cumsum() == 1)
    after = _line_note(b, first_active, b["text"].str.slice(0, 40))
    after = after.where(active.groupby(b["doc_id"]).cumsum().gt(0) & ~first_active, "")
    return first_active, after, (b["end_marker"] != "") & (seen_text == 0)


def _mark_bylines(b: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    """Return the date text found in each byline ('' when the block is not a byline).

    A byline is a short block (at most 12 words, no quotation, not ending like a sentence)
    outside the body of the article
    (before the first or after the last block of running text) that holds a calendar date, or
    starts with "By " or the manifest's author.
    """
    running = b["is_running"].astype(int)
    before_body = running.groupby(b["doc_id"]).cumsum() == 0
    after_body = running[::-1].groupby(b["doc_id"][::-1]).cumsum()[::-1] == 0
    candidate = (before_body | after_body) & b["has_words"] & (b["n_words"] <= 12) & ~b["is_reference"]
    text = b.loc[candidate, "text"]
    candidate[candidate] = ~text.str.contains(QUOTE_RE.pattern) & ~_search_re2(text, ENDS_STOP_RE2)
    # every byline date has a year 19xx or 20xx: the others need no search
    dated = candidate & (b["text"].str.contains("19", regex=False)
                         | b["text"].str.contains("20", regex=False))
    found = pd.Series("", index=b.index, dtype=object)
    found[dated] = b.loc[dated, "text"].map(lambda t: (dates.find_date(t) or ("", "", ""))[2]
                                            if t else "")
    author = b["doc_id"].map(documents.set_index("doc_id")["author"]).fillna("")
    named = candidate & (b["n_words"] <= 8)
    with_author = named & (author != "")
    starts_author = pd.Series(False, index=b.index)
    starts_author[with_author] = np.array([t.casefold().startswith(a.casefold()) for t, a in
                                           zip(b.loc[with_author, "text"], author[with_author])], bool)
    by_name = starts_author.copy()
    by_name[named] |= b.loc[named, "text"].str.match(r"^(?:By|Автор:?)\s+\w", case=False)
    return found.where(found != "", np.where(named & by_name, "-", ""))


def _mark_sections(b: pd.DataFrame) -> pd.Series:
    """Return the metadata section each block sits in ('' outside one; headings excluded)."""
    ordinary_heading = (
        b["is_heading_like"] & (b["section_name"] == "") & (b["byline"] == "") & ~b["is_phrase"]
        & (b["end_marker"] == "")
    )
    boundary = (b["section_name"] != "") | ordinary_heading
    segment = boundary.groupby(b["doc_id"]).cumsum()
    keys = [b["doc_id"], segment]
    opener = b["section_name"].where(boundary, "").groupby(keys).transform("first")
    line = b["line_start"].groupby(keys).transform("first")
    inside = (opener != "") & (b["section_name"] == "") & (segment > 0)
    return ("'" + opener + "' section (from line " + line.astype(str) + ")").where(inside, "")


def _mark_author_bio(b: pd.DataFrame, documents: pd.DataFrame, rules: CleaningRules) -> pd.Series:
    n_blocks = b.groupby("doc_id")["position"].transform("size")
    late = b["position"] >= n_blocks / 2
    generic = pd.Series(False, index=b.index)
    generic[late] = b.loc[late, "text"].str.match(
        r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3},? (?:is|was|serves as|has been) (?:an?|the)\b"
    )
    author = b["doc_id"].map(documents.set_index("doc_id")["author"]).fillna("")
    by_author = pd.Series(False, index=b.index)
    with_author = author.str.len() > 3
    by_author[with_author] = np.array([t.startswith(a + " ") for t, a in
                                       zip(b.loc[with_author, "text"], author[with_author])], bool)
    candidate = (by_author | generic) & (b["n_words"] >= 8)
    words = _alternation(rules.author_bio_words)
    is_bio = pd.Series(False, index=b.index)
    is_bio[candidate] = b.loc[candidate, "text"].str.contains(rf"\b(?:{words})s?\b", case=False,
                                                             regex=True)
    return is_bio


def _mark_titles(b: pd.DataFrame, documents: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return (is the title, repeats the title) for each block."""
    title_key = b["doc_id"].map(_fold(documents.set_index("doc_id")["title"].fillna(""))).fillna("")
    match = (b["key"] == title_key) & (title_key != "")
    first_match = match & (match.groupby(b["doc_id"]).cumsum() == 1)
    doc_has_match = match.groupby(b["doc_id"]).transform("any")
    short_first = (b["position"] == 0) & (b["is_heading_like"] | (
        b["has_words"] & ~b["is_bullet"] & ~b["is_running"] & (b["n_words"] <= 14)))
    is_title = first_match | (short_first & ~doc_has_match)
    b["is_manifest_title"] = first_match
    return is_title, match & ~first_match


def classify_blocks(blocks: pd.DataFrame, documents: pd.DataFrame,
                    rules: CleaningRules) -> tuple[pd.DataFrame, list[dict]]:
    """Give every block a role, is_content and the reason for the decision.

    Args:
        blocks: doc_id, block_id, position, line_start, line_end, raw (one row per block).
        documents: doc_id, title, author (from the manifest; may be empty strings).
        rules: the cleaning rules.
    Returns:
        (blocks with text, role, is_content, is_uncertain, reason; a list of problems with overrides that
        matched no block).
    """
    b = blocks.join(compute_text_features(blocks["raw"], rules))
    b = furniture.compute_furniture_evidence(b)
    b["is_running"] = _running_text(b) & (b["furniture_word"] == "")
    first_marker, tail_note, early_marker = _mark_tail(b)
    b["byline"] = _mark_bylines(b, documents)
    section_note = _mark_sections(b)
    is_bio = _mark_author_bio(b, documents, rules)
    is_title, repeats_title = _mark_titles(b, documents)
    first_line = b.groupby(["doc_id", "key"])["line_start"].transform("first")
    repeats = (b.groupby(["doc_id", "key"]).cumcount() > 0) & (b["n_words"] >= 3)
    after_marker = b["is_lone_marker"].groupby(b["doc_id"]).shift(1, fill_value=False).astype(bool)
    marker_line = b["line_start"].groupby(b["doc_id"]).shift(1).fillna(0).astype(int).astype(str)
    quoted = "'" + b["text"].str.slice(0, 40) + "'"
    by_rule = [
        (~b["has_words"], "boilerplate", "separator: a line with no words"),
        (b["is_phrase"], "boilerplate", "furniture phrase " + quoted),
        (early_marker, "boilerplate", "end-of-article marker " + quoted + " before any article "
                                      "text: only this line removed"),
        (first_marker, "boilerplate", "end-of-article marker " + quoted),
        (tail_note != "", "boilerplate", "page tail after " + tail_note),
        (b["is_reference"], "metadata", "reference entry"),
        (b["byline"] != "", "metadata", "byline" + np.where(b["byline"] != "-",
                                                              " dated '" + b["byline"] + "'", "")),
        (b["label"] != "", "metadata", "metadata label '" + b["label"] + ":'"),
        (b["section_name"] != "", "metadata", "metadata section heading " + quoted),
        (section_note != "", "metadata", "in the " + section_note),
        (is_bio, "metadata", "author bio"),
        (b["is_call_to_action"], "boilerplate", "call to action (SEO blurb or teaser)"),
        (repeats_title, "duplicate", "repeats the title"),
        (repeats, "duplicate", "repeats line " + first_line.astype(str)),
        (is_title & b["is_manifest_title"], "title", "title: the manifest title, or a short first line"),
        (after_marker, "list_item", "list item after a lone bullet marker (line " + marker_line + ")"),
        (b["is_bullet"], "list_item", "bulleted line"),
        (is_title & b["is_md_heading"], "title", "title: the manifest title, or a short first line"),
        (b["is_md_heading"], "heading", "heading: Markdown heading (#)"),
    ]
    decided = np.logical_or.reduce([c.to_numpy(dtype=bool) for c, _, _ in by_rule])
    decided_role = pd.Series(np.select([c.to_numpy(dtype=bool) for c, _, _ in by_rule],
                                       [r for _, r, _ in by_rule], default=""), index=b.index)
    content = decided_role.isin(CONTENT_ROLES).to_numpy()
    verdict = context.decide_by_context(b, pd.Series(decided, index=b.index), decided_role)
    kept = verdict["verdict"] == "content"
    any_content = kept | pd.Series(content, index=b.index)
    first_kept = kept & (any_content.groupby(b["doc_id"]).cumsum() == 1)
    by_context = [
        (verdict["verdict"] != "content", verdict["verdict"], verdict["verdict_reason"]),
        (is_title, "title", "title: the manifest title, or a short first line"),
        (first_kept & b["is_heading_like"] & ~b["is_running"], "title",
         "title: the first line kept as article text"),
        (b["is_heading_like"], "heading", "heading: short line without sentence punctuation"),
    ]
    rules_in_order = by_rule + by_context
    conditions = [c.to_numpy(dtype=bool) for c, _, _ in rules_in_order]
    b["role"] = furniture.select_first(conditions, [r for _, r, _ in rules_in_order], default="paragraph")
    b["reason"] = furniture.select_first(conditions, [s for _, _, s in rules_in_order],
                                         default="running text")
    kept_reason = verdict["verdict_reason"].where(verdict["verdict_reason"] != "running text", "")
    context_note = (b["role"].isin(["title", "heading", "paragraph"]) & (kept_reason != "") & ~decided)
    b.loc[context_note, "reason"] = b.loc[context_note, "reason"] + "; " + kept_reason[context_note]
    b["is_uncertain"] = verdict["is_uncertain"] & ~decided
    b, problems = apply_overrides(b, rules)
    b["is_content"] = b["role"].isin(CONTENT_ROLES)
    b["is_uncertain"] = b["is_uncertain"] & b["is_content"] & ~b["reason"].str.startswith("override")
    cols = ["doc_id", "block_id", "position", "line_start", "line_end", "raw", "text", "role",
            "is_content", "is_uncertain", "reason", "byline"]
    return b[cols].astype({"role": "str", "reason": "str"}), problems


find_byline_dates = dates.find_byline_dates  # the loader's name for it
