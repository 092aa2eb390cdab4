"""Load the articles and their manifest into tidy tables a researcher can trust.

    from helpers import corpus
    c = corpus.load_corpus()   # data/articles + data/manifest.csv by default
    c.documents    one row per loaded article: manifest columns + provenance and sizes
                   (sha256 is the file's own hash; is_sha256_ok compares it with the manifest's)
    c.blocks       every non-blank block of every file, with role, is_content and reason
    c.paragraphs   content blocks only: doc_id, para_id, role, text
    c.sentences    content sentences: doc_id, para_id, sent_id, role, text, start, end
    c.problems     what could not be loaded or looks wrong: file, doc_id, level, problem

IDs are readable and stable: ``003`` (document, from the manifest), ``003-b07`` (block: its
position in the file), ``003-p07`` (the paragraph made from block 7), ``003-p07-s02`` (sentence).

Raw files are only ever read. A problem with one file is recorded in ``problems`` (one line that
names the file) and the other files load; a problem that makes the whole corpus unusable (no
folder, no manifest, duplicate doc_id) raises CorpusError with a one-line message.

Run ``python -m helpers.corpus`` to check a corpus from the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import paths, progress
from helpers.corpus import cache, cleaning, language, words
from helpers.corpus import records as records_of
from helpers.corpus.rules import CONTENT_ROLES, CleaningRules, load_cleaning_rules
from helpers.corpus.sentences import MAX_SENTENCE_CHARS, split_sentences
from helpers.corpus.sources import (
    MANIFEST_COLUMNS,
    PROBLEM_COLUMNS,
    CorpusError,
    _problem,
    check_folder_entries,
    fill_from_html_metadata,
    list_article_files,
    pair_files_with_manifest,
    read_article,
    read_manifest,
    select_documents,
    skip_duplicate_files,
)

MAX_UNPUNCTUATED_CHARS = MAX_SENTENCE_CHARS
TABLES = ("documents", "blocks", "paragraphs", "sentences", "problems")
CHUNK_DOCS = 2000  # documents parsed at a time


@dataclass(frozen=True)
class Corpus:
    """The corpus as tables (see the module docstring for their columns)."""

    documents: pd.DataFrame
    blocks: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    problems: pd.DataFrame


def build_blocks(docs: pd.DataFrame, texts: dict[str, str],
                 pages: dict[str, list[int]] | None = None) -> pd.DataFrame:
    """One row per block of every loaded document (before classification).

    Args:
        docs: the documents (doc_id).
        texts: each document's text.
        pages: for a PDF, the page of each line of its text; ``page`` is empty (NA) otherwise.
    """
    columns = ["doc_id", "block_id", "position", "line_start", "line_end", "raw", "page"]
    data: dict[str, list] = {c: [] for c in columns}
    pages = pages or {}
    for doc_id in docs["doc_id"]:
        if doc_id not in texts:
            continue
        found = cleaning.split_blocks(texts[doc_id])
        width = max(2, len(str(len(found))))
        starts = [block["line_start"] for block in found]
        line_pages = pages.get(doc_id)
        data["doc_id"] += [doc_id] * len(found)
        data["block_id"] += [f"{doc_id}-b{position:0{width}d}" for position in range(1, len(found) + 1)]
        data["position"] += range(len(found))
        data["line_start"] += starts
        data["line_end"] += [block["line_end"] for block in found]
        data["raw"] += [block["raw"] for block in found]
        data["page"] += [line_pages[s - 1] for s in starts] if line_pages else [pd.NA] * len(found)
    return pd.DataFrame(data, columns=columns).astype(
        {"doc_id": "str", "block_id": "str", "raw": "str", "position": "int64",
         "line_start": "int64", "line_end": "int64", "page": "Int64"})


def apply_format_hints(blocks: pd.DataFrame, hints: dict[str, dict[int, tuple[str, str]]]) -> pd.DataFrame:
    """Give the blocks a file format marked (a PDF's running headers, page numbers and footnotes;
    a Word file's footnotes) the format's role and reason; the researcher's overrides still win."""
    if not hints:
        return blocks
    b = blocks.copy()
    keys = pd.MultiIndex.from_arrays([b["doc_id"], b["line_start"]])
    found = {(doc_id, line): hint for doc_id, lines in hints.items() for line, hint in lines.items()}
    hit = keys.isin(list(found)) & ~b["reason"].str.startswith("override")
    marked = [found[k] for k in keys[hit]]
    b.loc[hit, "role"] = [role for role, _ in marked]
    b.loc[hit, "reason"] = [reason for _, reason in marked]
    b["is_content"] = b["role"].isin(CONTENT_ROLES)
    return b


def make_paragraphs(blocks: pd.DataFrame) -> pd.DataFrame:
    """The content blocks as paragraphs: doc_id, para_id, block_id, line_start, line_end, role, text."""
    content = blocks[blocks["is_content"]].copy()
    content["para_id"] = content["block_id"].str.replace(r"-b(\d+)$", r"-p\1", regex=True)
    cols = ["doc_id", "para_id", "block_id", "line_start", "line_end", "role", "text"]
    return content[cols].reset_index(drop=True)


def describe_documents(docs: pd.DataFrame, blocks: pd.DataFrame, sentences: pd.DataFrame,
                       text_dates: pd.DataFrame) -> pd.DataFrame:
    """The documents table: manifest columns, dates with provenance, and sizes.

    A date found in a byline fills ``published`` when the manifest has none (date_source = text).
    A missing title is taken from the title block (title_source = text).
    """
    d = docs.drop(columns=["path"]).copy()
    found = text_dates.set_index("doc_id")
    use_text = d["doc_id"].isin(found.index) & (d["published"] == "")
    for col in ("published", "date_precision"):
        d.loc[use_text, col] = d.loc[use_text, "doc_id"].map(found[col])
    d.loc[use_text, "date_source"] = "text"
    d.loc[use_text, "date_evidence"] = d.loc[use_text, "doc_id"].map(
        "byline '" + found["date_text"] + "' (line " + found["line"].astype(str) + ")")
    d.loc[d["published"] == "", "date_precision"] = "unknown"
    titles = blocks[blocks["role"] == "title"].groupby("doc_id")["text"].first()
    d["title_source"] = d["title_source"].where(d["title_source"] != "", "manifest")
    no_title = d["title"] == ""
    d.loc[no_title, "title"] = [str(titles.get(doc_id, "")) for doc_id in d.loc[no_title, "doc_id"]]
    d.loc[no_title, "title_source"] = d.loc[no_title, "title"].map(lambda t: "text" if t else "")
    per_doc = blocks.groupby("doc_id").agg(n_blocks=("block_id", "size"),
                                           n_content_blocks=("is_content", "sum"))
    sizes = sentences.assign(n_words=words.count_words(sentences["text"])).groupby("doc_id").agg(
        n_sentences=("sent_id", "size"), n_words=("n_words", "sum"))
    d = d.join(per_doc, on="doc_id").join(sizes, on="doc_id")
    for col in ("n_blocks", "n_content_blocks", "n_sentences", "n_words"):
        d[col] = d[col].fillna(0).astype("int64")
    lead = [c for c in MANIFEST_COLUMNS if c != "sha256"] + [
        "title_source", "language_source", "language_detected", "format", "encoding"]
    tail = ["sha256", "is_sha256_ok", "n_blocks", "n_content_blocks", "n_sentences", "n_words"]
    extra = [c for c in d.columns if c not in lead + tail]
    return d[lead + extra + tail].reset_index(drop=True)


def load_corpus(articles_dir: str | Path | None = None, manifest_path: str | Path | None = None,
                doc_ids: list[str] | None = None, rules_path: str | Path | None = None,
                use_cache: bool = True) -> Corpus:
    """Load a corpus folder and its manifest into tables.

    Parsed tables are cached as Parquet (see helpers.corpus.cache), keyed by every file's sha256, the
    manifest, the cleaning rules and the code version, so a large corpus is parsed once; any change
    to a file, the manifest, the rules or the code parses it again.

    Args:
        articles_dir: folder of article files; default data/articles.
        manifest_path: the manifest CSV; default data/manifest.csv.
        doc_ids: load only these documents (None or empty: all).
        rules_path: cleaning rules YAML; default data/cleaning_rules.yaml.
        use_cache: read and write the Parquet cache.
    Returns:
        Corpus with documents, blocks, paragraphs, sentences and problems.
    Raises:
        CorpusError: the folder or manifest is missing or unusable, or doc_ids names unknown ids.
    """
    folder = paths.resolve_path(articles_dir, paths.ARTICLES_DIR)
    folder_name = paths.display_path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder_name}: article folder not found")
    manifest, problems = read_manifest(manifest_path)
    rules = load_cleaning_rules(rules_path)
    docs, pairing_problems = pair_files_with_manifest(manifest, list_article_files(folder),
                                                      folder_name)
    problems += pairing_problems + check_folder_entries(folder, folder_name)
    docs = select_documents(docs, doc_ids)
    key = cache.corpus_key(docs, problems, rules, folder_name) if use_cache else ""
    cached = cache.read_tables(key, TABLES) if use_cache else None
    if cached is not None:
        return Corpus(**cached)
    built = parse_corpus(docs, problems, rules, folder_name)
    if use_cache:
        cache.write_tables(key, {t: getattr(built, t) for t in TABLES})
    return built


def parse_corpus(docs: pd.DataFrame, problems: list[dict], rules: CleaningRules,
                 folder_name: str) -> Corpus:
    """Read, clean and split the paired documents (the work load_corpus caches).

    Documents are parsed CHUNK_DOCS at a time, so the working memory of parsing stays bounded
    however large the corpus; only the finished tables grow with it.
    """
    problems = list(problems)
    seen: dict[str, str] = {}  # file hash -> doc_id of its first occurrence, across chunks
    parts = []
    starts = range(0, max(len(docs), 1), CHUNK_DOCS)
    for start in progress.track(starts, total=len(starts), desc=f"parsing ({CHUNK_DOCS:,} files a step)",
                                min_items=2):
        part, part_problems = parse_chunk(docs.iloc[start:start + CHUNK_DOCS], rules, folder_name, seen)
        parts.append(part)
        problems += part_problems
    loaded = set().union(*(set(part.documents["doc_id"]) for part in parts))
    problems += list_unused_overrides(rules, loaded)
    tables = {name: pd.concat([getattr(part, name) for part in parts], ignore_index=True)
              for name in TABLES if name != "problems"}
    return Corpus(**tables, problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS).astype("str"))


def list_unused_overrides(rules: CleaningRules, loaded: set[str]) -> list[dict]:
    """A problem for each cleaning-rules override whose doc_id names no loaded document."""
    return [_problem("", o["doc_id"], f"{rules.source}: override for doc_id '{o['doc_id']}' names no "
                                      f"loaded document")
            for o in rules.overrides if o["doc_id"] not in loaded]


def parse_chunk(docs: pd.DataFrame, rules: CleaningRules, folder_name: str,
                seen: dict[str, str]) -> tuple[Corpus, list[dict]]:
    """Parse some documents: read, classify blocks, detect languages, split sentences.

    Args:
        docs: paired manifest rows (with ``path``).
        rules: the cleaning rules.
        folder_name: the article folder as shown in messages.
        seen: file hashes already loaded (updated): a later file with the same bytes is skipped.
    Returns:
        (the tables for these documents, with an empty problems table; their problems).
    """
    docs, texts, facts, problems = read_documents(docs, folder_name)
    duplicates, duplicate_problems = skip_duplicate_files(docs[docs["doc_id"].isin(texts)], facts,
                                                          folder_name, seen)
    problems += duplicate_problems
    docs = docs[docs["doc_id"].isin(texts) & ~docs["doc_id"].isin(duplicates)].copy()
    docs = fill_from_html_metadata(docs, facts)
    for key in ("is_sha256_ok", "encoding", "format"):
        docs[key] = docs["doc_id"].map(lambda d, k=key: facts[d][k])
    docs["sha256"] = docs["doc_id"].map(lambda d: facts[d]["sha256_actual"])  # the file's own hash
    docs["is_sha256_ok"] = docs["is_sha256_ok"].astype("boolean")
    layout = {d: facts[d]["pages"] for d in docs["doc_id"] if facts[d].get("pages")}
    built = build_blocks(docs, texts, layout)
    blocks, override_problems = cleaning.classify_blocks(built, docs, rules)
    blocks.insert(6, "page", blocks["block_id"].map(built.set_index("block_id")["page"]).astype("Int64"))
    hints = {d: facts[d]["hints"] for d in docs["doc_id"] if facts[d].get("hints")}
    blocks = apply_format_hints(blocks, hints)
    del texts
    problems += [_problem("", p["doc_id"], p["problem"]) for p in override_problems]
    paragraphs = make_paragraphs(blocks)
    docs, paragraphs, language_problems = label_languages(docs, paragraphs, folder_name)
    problems += language_problems + check_unpunctuated(paragraphs, docs, folder_name)
    sentences = split_sentences(paragraphs)
    text_dates = cleaning.find_byline_dates(blocks)
    documents = describe_documents(docs, blocks, sentences, text_dates)
    empty = pd.DataFrame(columns=PROBLEM_COLUMNS).astype("str")
    return Corpus(documents=documents, blocks=blocks.drop(columns=["byline"]), paragraphs=paragraphs,
                  sentences=sentences, problems=empty), problems


def read_documents(docs: pd.DataFrame, folder_name: str) -> tuple[pd.DataFrame, dict, dict, list[dict]]:
    """Read each file once; a multi-article export becomes one document per article.

    Returns:
        (the documents, with ``record`` and the export's ``section`` and ``word_count``; text per
        doc_id (documents that could not be read have none); facts per doc_id; problems).
    """
    problems: list[dict] = []
    texts, facts, rows = {}, {}, []
    by_path: dict[str, list] = {}  # manifest rows (index, row) per file, in order of first appearance
    for index, row in enumerate(docs.to_dict("records")):
        by_path.setdefault(row["path"], []).append((index, row))
    for path, indexed in by_path.items():
        group_rows = [row for _, row in indexed]
        content, fact = read_article(Path(path), group_rows[0]["sha256"], folder_name)
        records, file_problems = fact.pop("records"), fact.pop("problems")
        if records is not None:
            problems += [_problem(group_rows[0]["file"], "", p) for p in file_problems]
            group = docs.iloc[[index for index, _ in indexed]]
            found, found_texts, found_facts, record_problems = records_of.expand_records(
                group, records, fact, folder_name)
            rows += found
            texts.update(found_texts)
            facts.update(found_facts)
            problems += record_problems
            continue
        for row in group_rows:
            problems += [_problem(row["file"], row["doc_id"], p) for p in file_problems]
            facts[row["doc_id"]] = fact
            rows.append({**row, "title_source": ""})
            if content is not None:
                texts[row["doc_id"]] = content
    extra = {c: "" for c in records_of.EXTRA_COLUMNS}
    out = pd.DataFrame([{**extra, **row} for row in rows],
                       columns=list(docs.columns) + ["title_source", *extra]).astype("str")
    return out.sort_values("doc_id", ignore_index=True), texts, facts, problems


def label_languages(docs: pd.DataFrame, paragraphs: pd.DataFrame,
                    folder_name: str) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """Detect each document's language; the manifest's value wins, a disagreement is reported.

    The detector runs only where the manifest gives no language or its writing system disagrees
    with the text's (see helpers.corpus.language); language_detected is '' where it did not run.

    Returns:
        (docs with language, language_source, language_detected; paragraphs with language;
        problems).
    """
    d = docs.copy()
    given = d["language"].str.lower().str.strip()
    found = language.detect_document_languages(paragraphs, given.set_axis(d["doc_id"])).set_index("doc_id")
    detected = d["doc_id"].map(found["language_detected"])  # all NaN (float) when no paragraph
    d["language_detected"] = detected.astype(object).fillna("").astype("str")
    d["language_source"] = (given != "").map({True: "manifest", False: "detected"})
    d["language"] = given.where(given != "", d["language_detected"])
    d.loc[d["language"] == "", "language_source"] = ""
    problems = [
        _problem(r.file, r.doc_id, f"{folder_name}/{r.file}: the manifest says language "
                                   f"'{r.language}' but the text reads as '{r.language_detected}'")
        for r in d.itertuples(index=False)
        if r.language_source == "manifest" and r.language_detected and r.language_detected != r.language
    ]
    p = paragraphs.copy()
    p["language"] = language.assign_paragraph_languages(
        p, d.set_index("doc_id")["language"], found["script"])
    return d, p, problems


def check_unpunctuated(paragraphs: pd.DataFrame, docs: pd.DataFrame, folder_name: str) -> list[dict]:
    """Report documents with long stretches of text without sentence punctuation (they are cut
    into pieces of at most MAX_UNPUNCTUATED_CHARS characters when split into sentences)."""
    candidates = paragraphs["text"].str.len() > MAX_UNPUNCTUATED_CHARS  # RE2 caps {n} at 1000
    long_run = candidates.copy()
    long_run[candidates] = paragraphs.loc[candidates, "text"].map(
        lambda t: max(map(len, re.split(r"[.!?…。！？؟]", t))) > MAX_UNPUNCTUATED_CHARS)
    files = docs.set_index("doc_id")["file"]
    return [
        _problem(files[doc_id], doc_id, f"{folder_name}/{files[doc_id]}: {n} paragraph(s) with over "
                                        f"{MAX_UNPUNCTUATED_CHARS:,} characters without sentence "
                                        f"punctuation; cut into pieces at spaces")
        for doc_id, n in paragraphs[long_run].groupby("doc_id").size().items()
    ]
