"""A tiny corpus and codebook whose coding is known by hand, and helpers to edit a .qdpx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from helpers import corpus, themes
from tests.conftest import write_corpus

NS = {"q": "urn:QDA-XML:project:1.0"}

# Two articles. Source text of 001 (paragraphs joined by a blank line):
#   "Sanctions bite. Chips are scarce.\n\nTalent leaves. Sanctions again."
#    0              15 16             33   35 ...
ARTICLES = {
    "001_a.txt": "Sanctions bite. Chips are scarce.\n\nTalent leaves. Sanctions again.\n",
    "002_b.txt": "Nothing here.\n\nChips and talent both matter.\n",
}
CODEBOOK = """
themes:
  - id: sanctions
    label: Sanctions
    definition: Restrictions imposed from abroad.
    include: {en: [sanction*]}
  - id: chips
    label: Chips and computing
    definition: Semiconductors and computing power.
    include: {en: [chip*]}
  - id: talent
    label: Talent
    definition: Skilled people and their emigration.
    include: {en: [talent]}
"""


@pytest.fixture
def tiny(tmp_path):
    """(corpus, codebook, coder matches) for ARTICLES and CODEBOOK."""
    articles, manifest = write_corpus(tmp_path / "in", ARTICLES, rows=[
        {"doc_id": "001", "file": "001_a.txt", "title": "A", "publisher": "Pub A", "author": "Ann Lee",
         "published": "2024-05-02", "url": "https://a.example/1", "source_type": "news", "language": "en"},
        {"doc_id": "002", "file": "002_b.txt", "title": "B", "publisher": "Pub B", "language": "en"}])
    (tmp_path / "codebook.yaml").write_text(CODEBOOK, encoding="utf-8")
    c = corpus.load_corpus(articles, manifest)
    cb = themes.load_codebook(tmp_path / "codebook.yaml")
    return c, cb, themes.code_sentences(c.sentences, cb, c.documents)


def read_member(path: Path, member: str = "project.qde") -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(member)


def rewrite_qdpx(src: Path, dst: Path, edit) -> Path:
    """Copy a .qdpx, passing its project.qde root through ``edit(root)`` (which changes it in place)."""
    with zipfile.ZipFile(src) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    root = etree.fromstring(members["project.qde"])
    edit(root)
    members["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return dst
