"""Shared fixtures: the seed corpus (loaded once) and a builder for small corpora in tmp folders."""

from __future__ import annotations

import csv
import hashlib
import os
import tempfile
from pathlib import Path

import pytest

# Tests (and the notebook kernels they start) use their own cache and never show progress bars.
os.environ.setdefault("WORKBOOK_CACHE", tempfile.mkdtemp(prefix="workbook-cache-"))
os.environ["WORKBOOK_PROGRESS"] = "0"

from helpers import corpus  # noqa: E402  (after the environment is set)

MANIFEST_FIELDS = corpus.MANIFEST_COLUMNS


@pytest.fixture(scope="session")
def seed_corpus() -> corpus.Corpus:
    return corpus.load_corpus()


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_corpus(folder: Path, files: dict[str, bytes | str], rows: list[dict] | None = None,
                 with_sha: bool = True) -> tuple[Path, Path]:
    """Write article files and a manifest into ``folder``; return (articles dir, manifest path).

    ``rows`` defaults to one row per file with doc_id = the file's leading number or stem.
    """
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (articles / name).write_bytes(data)
    if rows is None:
        rows = [{"doc_id": corpus.derive_doc_id(n), "file": n} for n in files]
    manifest = folder / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            full = {k: "" for k in MANIFEST_FIELDS} | row
            path = articles / full["file"]
            if with_sha and not full["sha256"] and path.is_file():
                full["sha256"] = sha256_of(path)
            writer.writerow(full)
    return articles, manifest


@pytest.fixture
def make_corpus(tmp_path):
    def _make(files, rows=None, with_sha=True):
        return write_corpus(tmp_path, files, rows, with_sha)
    return _make
