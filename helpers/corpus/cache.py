"""A Parquet cache of parsed corpus tables, so a large corpus is parsed once.

The key is a SHA-256 over: every loaded file's own sha256 with its doc_id and name, the manifest
rows, the cleaning rules, the problems found while pairing files, the source code of the modules
that parse (every module of helpers/corpus) and the versions of the libraries they call. Change
any of them and the key changes, so a stale entry is never read. Entries live in
``.cache/corpus/<key>/`` (or under $WORKBOOK_CACHE) and are written to a temporary folder first,
then renamed, so a crash never leaves half an entry.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.corpus.formats.bibliography import BIB_SUFFIXES, attachment_hashes

CODE_DIR = Path(__file__).resolve().parent  # every module of helpers/corpus parses
LIBRARIES = ("pandas", "pyarrow", "charset-normalizer", "ftfy", "lingua-language-detector",
             "trafilatura", "htmldate", "pypdf", "python-docx", "striprtf")


def cache_dir() -> Path:
    """Where cache entries live (.cache/ at the project root unless WORKBOOK_CACHE is set)."""
    override = os.environ.get("WORKBOOK_CACHE")
    return Path(override) if override else paths.PROJECT_ROOT / ".cache"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the parsing modules' source and the versions of the libraries they use."""
    h = hashlib.sha256()
    for path in sorted(CODE_DIR.rglob("*.py")):
        h.update(path.relative_to(CODE_DIR).as_posix().encode())
        h.update(path.read_bytes())
    for lib in LIBRARIES:
        h.update(f"{lib}={metadata.version(lib)}".encode())
    return h.hexdigest()


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def corpus_key(docs: pd.DataFrame, problems: list[dict], rules: object, folder_name: str) -> str:
    """The cache key for parsing ``docs`` (manifest rows with a ``path`` column) with ``rules``."""
    h = hashlib.sha256(code_version().encode())
    h.update(folder_name.encode())
    h.update(docs.drop(columns=["path"]).to_csv(index=False).encode())
    h.update(repr(rules).encode())
    h.update(repr(problems).encode())
    for path in docs["path"]:
        h.update(file_sha256(path).encode())
        if Path(path).suffix.lower() in BIB_SUFFIXES:  # a library's articles are its attachments
            h.update("".join(attachment_hashes(Path(path))).encode())
    return h.hexdigest()


def read_tables(key: str, names: tuple[str, ...]) -> dict[str, pd.DataFrame] | None:
    """The cached tables for ``key``, or None when there is no complete entry."""
    folder = cache_dir() / "corpus" / key[:32]
    files = {name: folder / f"{name}.parquet" for name in names}
    if not all(f.is_file() for f in files.values()):
        return None
    return {name: pd.read_parquet(f) for name, f in files.items()}


def write_tables(key: str, tables: dict[str, pd.DataFrame]) -> None:
    """Store tables under ``key`` (atomically: written aside, then renamed into place)."""
    root = cache_dir() / "corpus"
    root.mkdir(parents=True, exist_ok=True)
    target = root / key[:32]
    if target.exists():
        return
    tmp = Path(tempfile.mkdtemp(dir=root, prefix=".tmp-"))
    try:
        for name, table in tables.items():
            table.to_parquet(tmp / f"{name}.parquet", index=False)
        tmp.rename(target)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
