"""Pair the article files with the manifest: read and check the manifest, list the files, derive
doc_ids, read each file (checking its sha256), skip duplicates, and fill empty manifest fields
from HTML metadata. Every problem with one file is one line naming it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from helpers import config, paths
from helpers.corpus import dates, formats

MANIFEST_COLUMNS = [
    "doc_id", "file", "title", "publisher", "author", "url", "published", "date_precision",
    "date_source", "date_evidence", "source_type", "language", "record", "sha256",
]
REQUIRED_COLUMNS = ("doc_id", "file")
ARTICLE_SUFFIXES = formats.ARTICLE_SUFFIXES
PROBLEM_COLUMNS = ["file", "doc_id", "level", "problem"]


class CorpusError(ValueError):
    """The corpus cannot be loaded at all; the message is one line naming the file and problem."""


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
        raise CorpusError(f"{name}: manifest not found (draft one with: python -m helpers.corpus.manifest "
                          f"FOLDER --out {name})")
    manifest = config.read_csv_table(path, name, CorpusError, "manifest")
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


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    """Control characters (a newline in a file name) written as escapes, so a message is one line."""
    return _CONTROL_RE.sub(lambda m: repr(m.group(0))[1:-1], text)


def _problem(file: str, doc_id: str, problem: str, level: str = "warning") -> dict:
    return {"file": file, "doc_id": doc_id, "level": level, "problem": escape_controls(problem)}


def _is_inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def list_article_files(folder: Path) -> list[Path]:
    """Every visible file in a folder (not recursive), sorted by name; a symbolic link is
    followed only when it points inside the folder."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and _is_inside(p, folder))


def check_folder_entries(folder: Path, folder_name: str) -> list[dict]:
    """Notes on entries of the article folder that are not loaded although they look like articles:
    folders named like an article (``foo.txt/``) and links pointing outside the folder."""
    problems = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith("."):
            continue
        if p.is_symlink() and not _is_inside(p, folder):
            problems.append(_problem(p.name, "", f"{folder_name}/{p.name}: a link to a file outside "
                                                 f"the article folder; not followed (copy the file "
                                                 f"into the folder to load it)"))
        elif p.is_dir() and p.suffix.lower() in ARTICLE_SUFFIXES:
            problems.append(_problem(p.name, "", f"{folder_name}/{p.name}: a folder, not a file; "
                                                 f"skipped (sub-folders are not read)"))
    return problems


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
    companions = {formats.mapping_path(p).name for p in files if p.suffix.lower() in formats.TABLE_SUFFIXES}
    files = [p for p in files if p.name not in companions]  # a table's column mapping
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
    for i, row in manifest[~present].iterrows():
        problems.append(_problem(row["file"], row["doc_id"], _missing_file(row, i + 2, folder_name)))
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


def _missing_file(row: pd.Series, line: int, folder_name: str) -> str:
    """Why a manifest row's file cannot be loaded (line: the row's line in the manifest)."""
    if not row["file"]:
        return (f"manifest line {line} (doc_id '{row['doc_id']}'): the file cell is empty; skipped "
                f"(write the article's file name there)")
    if row["file"].startswith("."):
        return (f"{folder_name}/{row['file']}: the name starts with a dot (a hidden file, which is "
                f"never read); skipped (rename the file and its manifest cell)")
    return f"{folder_name}/{row['file']}: listed in the manifest but the file is missing; skipped"


def read_article(path: Path, expected_sha256: str, folder_name: str) -> tuple[str | None, dict]:
    """Read one article file and turn it into text (see helpers.corpus.formats), never modifying the file.

    Returns:
        (the text, or None when the file cannot be used; facts: sha256_actual, is_sha256_ok,
        encoding, format, metadata (from HTML), problems (one line each, naming the file)).
    """
    name = f"{folder_name}/{path.name}"
    if path.suffix.lower() in formats.PATH_SUFFIXES:  # tables (in batches) and reference libraries
        digest = _file_sha256(path)
        result = formats.ingest_path(path)
    else:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        result = formats.ingest_bytes(data, path.name)
    facts: dict = {"sha256_actual": digest, "encoding": result.encoding, "format": result.format,
                   "metadata": result.metadata, "problems": [], "pages": result.pages,
                   "hints": result.hints, "records": result.records}
    facts["is_sha256_ok"] = (digest == expected_sha256.lower()) if expected_sha256 else pd.NA
    if expected_sha256 and not facts["is_sha256_ok"]:
        facts["problems"].append(f"{name}: sha256 differs from the manifest (the file changed "
                                 f"since it was recorded: {digest[:12]}… vs {expected_sha256[:12]}…)")
    facts["problems"] += [f"{name}: {p}" for p in result.problems]
    return result.text, facts


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def skip_duplicate_files(docs: pd.DataFrame, facts: dict[str, dict], folder_name: str,
                         first: dict[str, str] | None = None) -> tuple[list[str], list[dict]]:
    """The doc_ids whose file has the same bytes as an earlier document's (by doc_id order).

    ``first`` maps the hashes already seen (in earlier chunks) to their doc_id; it is updated.
    """
    first = {} if first is None else first
    skipped, problems = [], []
    for row in docs.itertuples(index=False):
        digest = facts[row.doc_id].get("content_sha256") or facts[row.doc_id]["sha256_actual"]
        if digest in first:
            original = first[digest]
            skipped.append(row.doc_id)
            problems.append(_problem(row.file, row.doc_id,
                                     f"{folder_name}/{row.file}: same content as doc_id '{original}'; "
                                     f"skipped as a duplicate"))
        else:
            first[digest] = row.doc_id
    return skipped, problems


def fill_from_html_metadata(docs: pd.DataFrame, facts: dict[str, dict]) -> pd.DataFrame:
    """Fill empty manifest fields from a file's own metadata (title, author, publisher, date):
    an HTML page's, a PDF's or a Word file's.

    A value taken from it gets its source (``metadata["source"]``: html, pdf, docx, ...) as
    title_source / date_source; an unreadable date is ignored.
    """
    d = docs.copy()
    d["title_source"] = d.get("title_source", "")
    with_metadata = [bool(facts[doc_id]["metadata"]) for doc_id in d["doc_id"]]
    for i, row in d[with_metadata].iterrows():
        meta = facts[row["doc_id"]]["metadata"]
        for column in ("title", "author", "publisher"):
            if not row[column] and meta.get(column):
                d.loc[i, column] = meta[column]
                if column == "title":
                    d.loc[i, "title_source"] = meta.get("source", "html")
        if not row["published"] and meta.get("published"):
            try:
                iso, precision = dates.parse_partial_date(meta["published"][:10])
            except dates.DateValueError:
                continue
            d.loc[i, ["published", "date_precision", "date_source", "date_evidence"]] = [
                iso, precision, "html", "the page's own metadata (htmldate)"]
    return d


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
