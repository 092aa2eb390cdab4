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

import argparse
import hashlib
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import cache, cleaning, dates, ingest, language, paths, progress, text

MANIFEST_COLUMNS = [
    "doc_id", "file", "title", "publisher", "author", "url", "published", "date_precision",
    "date_source", "date_evidence", "source_type", "language", "sha256",
]
REQUIRED_COLUMNS = ("doc_id", "file")
ARTICLE_SUFFIXES = ingest.ARTICLE_SUFFIXES
MAX_UNPUNCTUATED_CHARS = text.MAX_SENTENCE_CHARS
PROBLEM_COLUMNS = ["file", "doc_id", "level", "problem"]
TABLES = ("documents", "blocks", "paragraphs", "sentences", "problems")
CHUNK_DOCS = 2000  # documents parsed at a time


class CorpusError(ValueError):
    """The corpus cannot be loaded at all; the message is one line naming the file and problem."""


@dataclass(frozen=True)
class Corpus:
    """The corpus as tables (see the module docstring for their columns)."""

    documents: pd.DataFrame
    blocks: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    problems: pd.DataFrame


def read_manifest(path: str | Path | None = None) -> tuple[pd.DataFrame, list[dict]]:
    """Read and check the manifest.

    Args:
        path: a CSV file; default data/manifest.csv.
    Returns:
        (manifest with every MANIFEST_COLUMNS column present, all text; problems found in rows).
    Raises:
        CorpusError: missing or unreadable file, missing doc_id/file column, empty or duplicate doc_id.
    """
    path = paths.resolve_path(path, paths.MANIFEST_PATH)
    name = paths.display_path(path)
    if not path.is_file():
        raise CorpusError(f"{name}: manifest not found (draft one with: python -m helpers.manifest "
                          f"FOLDER --out {name})")
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CorpusError(f"{name}: cannot read the manifest as UTF-8 CSV ({first})") from None
    manifest.columns = [c.strip() for c in manifest.columns]
    missing = [c for c in REQUIRED_COLUMNS if c not in manifest.columns]
    if missing:
        raise CorpusError(f"{name}: missing column '{missing[0]}' (needs at least doc_id and file)")
    manifest = manifest.apply(lambda col: col.str.strip())
    for column in MANIFEST_COLUMNS:
        if column not in manifest.columns:
            manifest[column] = ""
    empty = manifest.index[manifest["doc_id"] == ""]
    if len(empty):
        raise CorpusError(f"{name}: row {empty[0] + 2} has an empty doc_id")
    dup = manifest["doc_id"][manifest["doc_id"].duplicated(keep=False)]
    if len(dup):
        rows = ", ".join(str(i + 2) for i in dup.index[dup == dup.iloc[0]])
        raise CorpusError(f"{name}: doc_id '{dup.iloc[0]}' appears more than once (rows {rows})")
    manifest, problems = _check_manifest_dates(manifest, name)
    extra = [c for c in manifest.columns if c not in MANIFEST_COLUMNS]
    return manifest[MANIFEST_COLUMNS + extra].astype("str"), problems


def _check_manifest_dates(manifest: pd.DataFrame, name: str) -> tuple[pd.DataFrame, list[dict]]:
    """Validate published / date_precision / date_source; a bad date becomes unknown, with a warning."""
    m = manifest.copy()
    problems = []
    parsed = []
    for i, (file, doc_id, published, given) in enumerate(
        zip(m["file"], m["doc_id"], m["published"], m["date_precision"])
    ):
        where = f"{name}, row {i + 2} ({file})"
        try:
            iso, precision = dates.parse_partial_date(published) if published else ("", "unknown")
        except dates.DateValueError as exc:
            problems.append(_problem(file, doc_id, f"{where}: published {exc}; treated as unknown"))
            iso, precision = "", "unknown"
        if given and iso and given != precision:
            problems.append(_problem(file, doc_id, f"{where}: date_precision '{given}' does not "
                                                   f"match published '{iso}'; using '{precision}'"))
        parsed.append((iso, precision))
    m["published"] = [iso for iso, _ in parsed]
    m["date_precision"] = [precision for _, precision in parsed]
    m["date_source"] = m["date_source"].where(m["date_source"] != "", "manifest").where(
        m["published"] != "", "")
    return m, problems


def _problem(file: str, doc_id: str, problem: str, level: str = "warning") -> dict:
    return {"file": file, "doc_id": doc_id, "level": level, "problem": problem}


def list_article_files(folder: Path) -> list[Path]:
    """Every visible file in a folder (not recursive), sorted by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def derive_doc_id(file_name: str) -> str:
    """A doc_id for a file with no manifest row: its leading number (``007_x.txt`` → ``007``) or
    its name without suffix, reduced to letters, digits, ``-`` and ``_``."""
    stem = Path(file_name).stem
    m = re.match(r"^(\d{3,})_", stem)
    return m.group(1) if m else (re.sub(r"[^\w-]+", "_", stem).strip("_") or "doc")


def pair_files_with_manifest(manifest: pd.DataFrame, files: list[Path],
                             folder_name: str) -> tuple[pd.DataFrame, list[dict]]:
    """Match manifest rows to files; rows without files and files without rows become problems.

    Returns:
        (one row per article to load: the manifest columns plus ``path``; problems).
    """
    problems = []
    supported = [p for p in files if p.suffix.lower() in ARTICLE_SUFFIXES]
    for p in files:
        if p.suffix.lower() not in ARTICLE_SUFFIXES:
            doc = manifest.loc[manifest["file"] == p.name, "doc_id"]
            problems.append(_problem(p.name, doc.iloc[0] if len(doc) else "",
                                     f"{folder_name}/{p.name}: unsupported file type "
                                     f"'{p.suffix or '(none)'}' (supported: "
                                     f"{', '.join(ARTICLE_SUFFIXES)}); skipped"))
    unsupported = {p.name for p in files} - {p.name for p in supported}
    manifest = manifest[~manifest["file"].isin(unsupported)]
    files = supported
    by_name = {p.name: p for p in files}
    present = manifest["file"].isin(by_name)
    for _, row in manifest[~present].iterrows():
        problems.append(_problem(row["file"], row["doc_id"],
                                 f"{folder_name}/{row['file']}: listed in the manifest but the file "
                                 f"is missing; skipped"))
    docs = manifest[present].copy()
    known = set(docs["file"])
    taken = set(manifest["doc_id"])
    extra_rows = []
    for p in files:
        if p.name in known:
            continue
        doc_id = derive_doc_id(p.name)
        while doc_id in taken:
            doc_id += "_new"
        taken.add(doc_id)
        problems.append(_problem(p.name, doc_id,
                                 f"{folder_name}/{p.name}: no manifest row; loaded as doc_id "
                                 f"'{doc_id}' with unknown metadata (add a row to the manifest)"))
        extra_rows.append({**{c: "" for c in docs.columns}, "doc_id": doc_id, "file": p.name})
    if extra_rows:
        docs = pd.concat([docs, pd.DataFrame(extra_rows)], ignore_index=True)
    docs["path"] = docs["file"].map(lambda f: str(by_name[f]))
    return docs.sort_values("doc_id", ignore_index=True), problems


def read_article(path: Path, expected_sha256: str, folder_name: str) -> tuple[str | None, dict]:
    """Read one article file and turn it into text (see helpers.ingest), never modifying the file.

    Returns:
        (the text, or None when the file cannot be used; facts: sha256_actual, is_sha256_ok,
        encoding, format, metadata (from HTML), problems (one line each, naming the file)).
    """
    name = f"{folder_name}/{path.name}"
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    result = ingest.ingest_bytes(data, path.name)
    facts: dict = {"sha256_actual": digest, "encoding": result.encoding, "format": result.format,
                   "metadata": result.metadata, "problems": []}
    facts["is_sha256_ok"] = (digest == expected_sha256.lower()) if expected_sha256 else pd.NA
    if expected_sha256 and not facts["is_sha256_ok"]:
        facts["problems"].append(f"{name}: sha256 differs from the manifest (the file changed "
                                 f"since it was recorded: {digest[:12]}… vs {expected_sha256[:12]}…)")
    facts["problems"] += [f"{name}: {p}" for p in result.problems]
    return result.text, facts


def skip_duplicate_files(docs: pd.DataFrame, facts: dict[str, dict], folder_name: str,
                         first: dict[str, str] | None = None) -> tuple[list[str], list[dict]]:
    """The doc_ids whose file has the same bytes as an earlier document's (by doc_id order).

    ``first`` maps the hashes already seen (in earlier chunks) to their doc_id; it is updated.
    """
    first = {} if first is None else first
    skipped, problems = [], []
    for row in docs.itertuples(index=False):
        digest = facts[row.doc_id]["sha256_actual"]
        if digest in first:
            original = first[digest]
            skipped.append(row.doc_id)
            problems.append(_problem(row.file, row.doc_id,
                                     f"{folder_name}/{row.file}: same content as doc_id '{original}'; "
                                     f"skipped as a duplicate"))
        else:
            first[digest] = row.doc_id
    return skipped, problems


def build_blocks(docs: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """One row per block of every loaded document (before classification)."""
    rows = []
    for doc_id in docs["doc_id"]:
        if doc_id not in texts:
            continue
        found = cleaning.split_blocks(texts[doc_id])
        width = max(2, len(str(len(found))))
        for position, block in enumerate(found, start=1):
            rows.append({"doc_id": doc_id, "block_id": f"{doc_id}-b{position:0{width}d}",
                         "position": position - 1, **block})
    columns = ["doc_id", "block_id", "position", "line_start", "line_end", "raw"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"doc_id": "str", "block_id": "str", "raw": "str",
         "position": "int64", "line_start": "int64", "line_end": "int64"})


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
    sizes = sentences.assign(n_words=text.count_words(sentences["text"])).groupby("doc_id").agg(
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

    Parsed tables are cached as Parquet (see helpers.cache), keyed by every file's sha256, the
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
    rules = cleaning.load_cleaning_rules(rules_path)
    docs, pairing_problems = pair_files_with_manifest(manifest, list_article_files(folder),
                                                      folder_name)
    problems += pairing_problems
    docs = select_documents(docs, doc_ids)
    key = cache.corpus_key(docs, problems, rules, folder_name) if use_cache else ""
    cached = cache.read_tables(key, TABLES) if use_cache else None
    if cached is not None:
        return Corpus(**cached)
    built = parse_corpus(docs, problems, rules, folder_name)
    if use_cache:
        cache.write_tables(key, {t: getattr(built, t) for t in TABLES})
    return built


def parse_corpus(docs: pd.DataFrame, problems: list[dict], rules: cleaning.CleaningRules,
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
    problems += [_problem("", o["doc_id"], f"{rules.source}: override for doc_id '{o['doc_id']}' names no "
                                           f"loaded document") for o in rules.overrides
                 if o["doc_id"] not in loaded]
    tables = {name: pd.concat([getattr(part, name) for part in parts], ignore_index=True)
              for name in TABLES if name != "problems"}
    return Corpus(**tables, problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS).astype("str"))


def parse_chunk(docs: pd.DataFrame, rules: cleaning.CleaningRules, folder_name: str,
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
    problems: list[dict] = []
    texts, facts = {}, {}
    for row in docs.itertuples(index=False):
        content, fact = read_article(Path(row.path), row.sha256, folder_name)
        problems += [_problem(row.file, row.doc_id, p) for p in fact.pop("problems")]
        facts[row.doc_id] = fact
        if content is not None:
            texts[row.doc_id] = content
    duplicates, duplicate_problems = skip_duplicate_files(docs[docs["doc_id"].isin(texts)], facts,
                                                          folder_name, seen)
    problems += duplicate_problems
    docs = docs[docs["doc_id"].isin(texts) & ~docs["doc_id"].isin(duplicates)].copy()
    docs = fill_from_html_metadata(docs, facts)
    for key in ("is_sha256_ok", "encoding", "format"):
        docs[key] = docs["doc_id"].map(lambda d, k=key: facts[d][k])
    docs["sha256"] = docs["doc_id"].map(lambda d: facts[d]["sha256_actual"])  # the file's own hash
    docs["is_sha256_ok"] = docs["is_sha256_ok"].astype("boolean")
    blocks, override_problems = cleaning.classify_blocks(build_blocks(docs, texts), docs, rules)
    del texts
    problems += [_problem("", p["doc_id"], p["problem"]) for p in override_problems]
    paragraphs = make_paragraphs(blocks)
    docs, paragraphs, language_problems = label_languages(docs, paragraphs, folder_name)
    problems += language_problems + check_unpunctuated(paragraphs, docs, folder_name)
    sentences = text.split_sentences(paragraphs)
    text_dates = cleaning.find_byline_dates(blocks)
    documents = describe_documents(docs, blocks, sentences, text_dates)
    empty = pd.DataFrame(columns=PROBLEM_COLUMNS).astype("str")
    return Corpus(documents=documents, blocks=blocks.drop(columns=["byline"]), paragraphs=paragraphs,
                  sentences=sentences, problems=empty), problems


def fill_from_html_metadata(docs: pd.DataFrame, facts: dict[str, dict]) -> pd.DataFrame:
    """Fill empty manifest fields from an HTML page's own metadata (title, author, publisher, date).

    A date taken from the page gets date_source = html; an unreadable one is ignored.
    """
    d = docs.copy()
    d["title_source"] = ""
    for i, row in d.iterrows():
        meta = facts[row["doc_id"]]["metadata"]
        if not meta:
            continue
        for column in ("title", "author", "publisher"):
            if not row[column] and meta.get(column):
                d.loc[i, column] = meta[column]
                if column == "title":
                    d.loc[i, "title_source"] = "html"
        if not row["published"] and meta.get("published"):
            try:
                iso, precision = dates.parse_partial_date(meta["published"][:10])
            except dates.DateValueError:
                continue
            d.loc[i, ["published", "date_precision", "date_source", "date_evidence"]] = [
                iso, precision, "html", "the page's own metadata (htmldate)"]
    return d


def label_languages(docs: pd.DataFrame, paragraphs: pd.DataFrame,
                    folder_name: str) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """Detect each document's language; the manifest's value wins, a disagreement is reported.

    The detector runs only where the manifest gives no language or its writing system disagrees
    with the text's (see helpers.language); language_detected is '' where it did not run.

    Returns:
        (docs with language, language_source, language_detected; paragraphs with language;
        problems).
    """
    d = docs.copy()
    given = d["language"].str.lower().str.strip()
    found = language.detect_document_languages(paragraphs, given.set_axis(d["doc_id"])).set_index("doc_id")
    d["language_detected"] = d["doc_id"].map(found["language_detected"]).fillna("").astype("str")
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


def select_documents(docs: pd.DataFrame, doc_ids: list[str] | None) -> pd.DataFrame:
    """Keep only the requested documents; unknown ids raise CorpusError naming them."""
    if not doc_ids:
        return docs
    wanted = [str(d) for d in doc_ids]
    unknown = [d for d in wanted if d not in set(docs["doc_id"])]
    if unknown:
        known = ", ".join(docs["doc_id"])
        raise CorpusError(f"documents: unknown doc_id '{unknown[0]}' (known: {known})")
    return docs[docs["doc_id"].isin(wanted)].reset_index(drop=True)


def summarise_cleaning(blocks: pd.DataFrame) -> pd.DataFrame:
    """Words per document and role, with the share of the page that cleaning removed.

    Returns:
        One row per document: words_<role> for each role present (content roles first),
        words_kept, words_removed, share_removed (0-1, rounded to 3 places).
    """
    b = blocks.assign(n_words=text.count_words(blocks["text"]))
    wide = b.pivot_table(index="doc_id", columns="role", values="n_words", aggfunc="sum",
                         fill_value=0)
    roles = [r for r in cleaning.ROLES if r in wide.columns]
    wide = wide[roles].astype("int64")
    kept = wide[[r for r in roles if r in cleaning.CONTENT_ROLES]].sum(axis=1)
    removed = wide[[r for r in roles if r not in cleaning.CONTENT_ROLES]].sum(axis=1)
    out = wide.add_prefix("words_")
    out["words_kept"], out["words_removed"] = kept, removed
    out["share_removed"] = (removed / (kept + removed).where(lambda s: s > 0)).round(3).fillna(0.0)
    out.columns.name = None
    return out.reset_index()


def summarise_problems(problems: pd.DataFrame) -> str:
    """A short Markdown account of what could not be loaded or looked wrong (text escaped)."""
    if problems.empty:
        return "No problems: every listed file loaded, and every recorded sha256 matched."
    lines = [f"**{len(problems)} problem(s)** while loading; the affected files are named:", ""]
    lines += [f"- {p.level}: {html.escape(p.problem)}" for p in problems.itertuples(index=False)]
    return "\n".join(lines)


def list_sources(documents: pd.DataFrame) -> pd.DataFrame:
    """The sources with their metadata and where each date, title and language came from."""
    cols = ["doc_id", "title", "title_source", "publisher", "author", "source_type", "language",
            "language_source", "format", "published", "date_precision", "date_source",
            "date_evidence"]
    return documents[cols].replace("", "—")


def removed_blocks(blocks: pd.DataFrame, max_chars: int = 90) -> pd.DataFrame:
    """The blocks cleaning removed, with where they were and why (text shortened for display)."""
    out = blocks.loc[~blocks["is_content"], ["doc_id", "line_start", "role", "reason", "text"]].copy()
    long = out["text"].str.len() > max_chars
    out.loc[long, "text"] = out.loc[long, "text"].str.slice(0, max_chars - 1) + "…"
    return out.reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    """Check a corpus: print the documents and every problem, one line each."""
    parser = argparse.ArgumentParser(prog="python -m helpers.corpus", description=main.__doc__)
    parser.add_argument("--articles", default=None, help="article folder (default data/articles)")
    parser.add_argument("--manifest", default=None, help="manifest CSV (default data/manifest.csv)")
    args = parser.parse_args(argv)
    try:
        c = load_corpus(args.articles, args.manifest)
    except (CorpusError, cleaning.CleaningRulesError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cols = ["doc_id", "published", "date_source", "n_sentences", "n_words", "title"]
    print(c.documents[cols].to_string(index=False))
    for p in c.problems.itertuples(index=False):
        print(f"{p.level}: {p.problem}", file=sys.stderr)
    return 1 if (c.problems["level"] == "error").any() else 0


if __name__ == "__main__":
    sys.exit(main())
