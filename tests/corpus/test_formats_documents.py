"""PDF, DOCX, ODT and RTF files load with their text, roles, pages and metadata; damaged,
encrypted, scripted and oversized ones are skipped or read with one line naming the file."""

import hashlib

import pandas as pd
import pytest

from helpers import corpus
from helpers.corpus.formats import office
from helpers.corpus.formats.pdf import NO_TEXT_LAYER, read_pdf
from tests.corpus.format_fixtures import (
    HEADER,
    RTF_NOTE,
    make_docx,
    make_long_pdf,
    make_odt,
    make_pdf,
    make_pdf_without_text,
    make_zip_bomb,
)


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    from tests.conftest import write_corpus

    folder = tmp_path_factory.mktemp("documents")
    files = {"report.pdf": make_pdf(), "memo.docx": make_docx(), "regional.odt": make_odt(),
             "note.rtf": RTF_NOTE, "scan.pdf": make_pdf_without_text(),
             "broken.pdf": make_pdf()[:400], "damaged.docx": b"PK\x03\x04 not really a zip",
             "locked.pdf": make_pdf(password="secret"), "scripted.pdf": make_pdf(javascript=True)}
    articles, manifest = write_corpus(folder, files)
    hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in articles.iterdir()}
    return corpus.load_corpus(articles, manifest, use_cache=False), articles, hashes


def blocks_of(c, doc_id):
    return c.blocks[c.blocks["doc_id"] == doc_id].reset_index(drop=True)


def test_pdf_blocks_keep_pages_and_roles(documents):
    b = blocks_of(documents[0], "report")
    assert b["page"].tolist() == [1] * 7 + [2] * 4 + [3] * 3
    furniture = b[b["reason"].str.startswith("PDF ")]
    assert furniture["text"].tolist() == [HEADER, "1", HEADER, "2", HEADER, "3"]
    assert set(furniture["role"]) == {"boilerplate"}
    note = b[b["reason"] == "footnote (PDF page 1)"]
    assert note["text"].tolist() == ["1 Ministry of Digital Development, annual report, 2024."]
    assert note["role"].tolist() == ["metadata"]


def test_pdf_text_is_joined_across_hyphens_pages_and_read_by_column(documents):
    content = blocks_of(documents[0], "report").query("is_content")["text"].tolist()
    assert content[0] == "Compute and Sovereignty"
    assert "domestic artificial intelligence chips.[1]" in content[1]
    assert content[3] == ("Export controls slowed deliveries of accelerators, and the procurement "
                          "office looked for other suppliers in Asia.")
    assert content[4].startswith("Left column opens here") and content[4].endswith("left column now.")
    assert content[5].startswith("Right column starts") and content[5].endswith("column here.")


def test_pdf_metadata_fills_the_title_and_author(documents):
    d = documents[0].documents.set_index("doc_id")
    assert d.loc["report", ["title", "author", "title_source", "format"]].tolist() == [
        "Compute and Sovereignty", "Irina Volkova", "pdf", "pdf"]


def test_non_pdf_blocks_have_no_page(documents):
    b = documents[0].blocks
    assert b.loc[~b["doc_id"].isin(["report", "scripted"]), "page"].isna().all()
    assert b.loc[b["doc_id"] == "scripted", "page"].notna().all()
    assert str(b["page"].dtype) == "Int64"


def test_docx_headings_lists_tables_and_footnotes(documents):
    b = blocks_of(documents[0], "memo")
    assert b[["role", "text"]].values.tolist() == [
        ["title", "Memo on chip imports"],
        ["heading", "Supply routes"],
        ["paragraph", "Russia imports most accelerators through third countries since 2022."],
        ["list_item", "Kazakhstan and Armenia"],
        ["list_item", "the United Arab Emirates"],
        ["paragraph", "year | units"],
        ["paragraph", "2024 | 1200"],
        ["metadata", "1 Customs statistics, second quarter."],
    ]
    d = documents[0].documents.set_index("doc_id")
    assert d.loc["memo", ["author", "format"]].tolist() == ["Pavel Orlov", "docx"]


def test_odt_structure_and_notes(documents):
    b = blocks_of(documents[0], "regional")
    assert b[["role", "text"]].values.tolist() == [
        ["title", "Regional compute"],
        ["paragraph", "Novosibirsk opened a supercomputer centre in 2023."],
        ["list_item", "graphics processors from stock"],
        ["paragraph", "2023 | 40 petaflops"],
        ["metadata", "1 Press release of the centre."],
    ]


def test_rtf_text_with_its_code_page(documents):
    c = documents[0]
    assert blocks_of(c, "note")["text"].tolist() == [
        "Sovereign models", "Yandex released a new model in 2025.", "Модель вышла."]
    assert c.documents.set_index("doc_id").loc["note", "encoding"] == "cp1251"


@pytest.mark.parametrize("file, expected", [
    ("scan.pdf", NO_TEXT_LAYER),
    ("broken.pdf", "not a readable PDF"),
    ("damaged.docx", "not a readable DOCX (broken zip archive"),
    ("locked.pdf", "encrypted PDF (needs a password); skipped"),
    ("scripted.pdf", "the PDF holds JavaScript: never run, only its text is read"),
])
def test_hostile_documents_get_one_line(documents, file, expected):
    c = documents[0]
    hits = c.problems[c.problems["file"] == file]["problem"].tolist()
    assert len(hits) == 1 and hits[0].startswith(f"articles/{file}: ") and expected in hits[0], hits
    assert "\n" not in hits[0]


def test_hostile_documents_do_not_stop_the_others(documents):
    c, articles, hashes = documents
    assert sorted(c.documents["doc_id"]) == ["memo", "note", "regional", "report", "scripted"]
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in articles.iterdir()} == hashes


def test_zip_bomb_is_refused_before_unpacking(monkeypatch):
    monkeypatch.setattr(office, "MAX_UNZIPPED_BYTES", 4 * 1024 * 1024)
    for fmt, member in (("docx", "word/document.xml"), ("odt", "content.xml")):
        found = office.read_office(make_zip_bomb(member, 8 * 1024 * 1024), fmt)
        assert found.lines == []
        assert found.problems == [f"{fmt.upper()} would expand to 8 MB (over the 4 MB cap: a zip bomb?); "
                                  f"skipped"]


def test_a_long_pdf_reads_every_page():
    found = read_pdf(make_long_pdf(300))
    assert found.n_pages == 300 and found.problems == []
    body = [line for i, line in enumerate(found.lines, start=1) if line and i not in found.hints]
    assert len(body) == 600
    assert body[-2].startswith("Section 300 reviews the budget")
    assert found.pages[-1] == 300
    numbers = [found.lines[i - 1] for i, (_, reason) in found.hints.items() if "page number" in reason]
    assert numbers[:2] == ["Page 1 of 300", "Page 2 of 300"] and len(numbers) == 300


def test_page_cap_is_reported():
    found = read_pdf(make_long_pdf(5), max_pages=3)
    assert found.problems == ["5 pages: only the first 3 read"]
    assert max(found.pages) == 3


def test_two_page_running_lines_and_single_column_page():
    found = read_pdf(make_pdf(n_pages=2, two_columns=False))
    reasons = pd.Series([r for _, r in found.hints.values()])
    assert reasons.str.startswith("PDF running header").sum() == 2
