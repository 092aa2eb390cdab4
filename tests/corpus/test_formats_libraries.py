"""Reference libraries (BibTeX, RIS, CSL JSON): each item becomes a document from its attachment;
a missing attachment, one outside the folder, or an item without one is one line naming the record."""

import json

import pytest

from helpers import corpus
from helpers.corpus.formats.bibliography import read_bibtex, read_ris
from tests.conftest import write_corpus
from tests.corpus.format_fixtures import make_pdf

BIBTEX = r"""@comment{exported from a reference manager}
@report{volkova2024compute,
  title = {Compute and {Sovereignty}},
  author = {Volkova, Irina and Orlov, Pavel},
  date = {2024-03},
  institution = {Observatory of Computing Policy},
  url = {https://example.org/report},
  langid = {english},
  file = {Full Text PDF:files/1/report.pdf:application/pdf}
}
@article{missing2023,
  title = {A missing attachment},
  year = {2023}, month = may,
  file = {Full Text:files/2/gone.pdf:application/pdf}
}
@article{escape2022,
  title = "Outside",
  file = {Snapshot:../secret.html:text/html}
}
"""
RIS = ("TY  - JOUR\nTI  - Snapshot article\nAU  - Petrova, Anna\nT2  - Tech Daily\nPY  - 2025/02/14/\n"
       "UR  - https://example.org/s\nLA  - en\nL1  - files/3/page.html\nER  - \n\n"
       "TY  - JOUR\nTI  - No file\nER  - \n")
CSL = json.dumps([{"id": "k1", "type": "article", "title": "Text note", "container-title": "Notes",
                   "author": [{"family": "Orlov", "given": "Pavel"}],
                   "issued": {"date-parts": [[2021, 5]]},
                   "file": "files/4/note.txt"}])
SNAPSHOT = ("<html><head><title>Snapshot</title></head><body><article><h1>Snapshot article</h1>"
            "<p>Russia's AI strategy was updated in February 2025 with new targets for compute.</p>"
            "<p>Analysts expect more funding for regional data centres next year.</p>"
            "</article></body></html>")
COLUMNS = ["doc_id", "record", "title", "author", "publisher", "url", "published", "date_precision",
           "date_source", "language", "format"]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    (folder / "secret.html").write_text("<html><body><p>Outside the articles folder.</p></body></html>")
    articles, manifest = write_corpus(folder, {"lib.bib": BIBTEX, "lib2.ris": RIS, "zot.json": CSL})
    for path, content in {"files/1/report.pdf": make_pdf(), "files/3/page.html": SNAPSHOT,
                          "files/4/note.txt": "Text note\n\nA short note on chips and sanctions.\n"}.items():
        (articles / path).parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (articles / path).write_bytes(data)
    return corpus.load_corpus(articles, manifest, use_cache=False)


def test_each_item_with_an_attachment_is_a_document(library):
    assert library.documents[COLUMNS].values.tolist() == [
        ["lib-volkova2024compute", "1", "Compute and Sovereignty", "Volkova, Irina; Orlov, Pavel",
         "Observatory of Computing Policy", "https://example.org/report", "2024-03", "month", "library",
         "en", "bib+pdf"],
        ["lib2-001", "1", "Snapshot article", "Petrova, Anna", "Tech Daily", "https://example.org/s",
         "2025-02-14", "day", "library", "en", "ris+html"],
        ["zot-k1", "1", "Text note", "Orlov, Pavel", "Notes", "", "2021-05", "month", "library", "en",
         "json+txt"],
    ]


def test_a_pdf_attachment_keeps_its_pages_and_furniture(library):
    b = library.blocks[library.blocks["doc_id"] == "lib-volkova2024compute"]
    assert b["page"].max() == 3
    assert (b["reason"] == "footnote (PDF page 1)").sum() == 1


def test_unusable_items_are_reported_never_dropped_silently(library):
    assert library.problems["problem"].tolist() == [
        "articles/lib.bib: record 2 (missing2023): attachment 'files/2/gone.pdf' not found; skipped",
        "articles/lib.bib: record 3 (escape2022): attachment '../secret.html' points outside the folder "
        "articles/; skipped",
        "articles/lib2.ris: record 2: no attached file the workbook reads (none); skipped",
    ]
    assert library.problems["doc_id"].tolist() == ["lib-missing2023", "lib-escape2022", "lib2-002"]


def test_bibtex_fields_and_month_names():
    items, problems = read_bibtex(BIBTEX)
    assert problems == []
    assert [i["published"] for i in items] == ["2024-03", "2023-05", ""]
    assert items[0]["files"] == ["files/1/report.pdf"] and items[2]["title"] == "Outside"


def test_ris_without_its_end_line_is_reported():
    items, problems = read_ris("TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\n")
    assert [i["title"] for i in items] == ["One", "Two"]
    assert problems == ["record 1: no 'ER  -' line before the next item; closed there",
                        "record 2: the last item has no 'ER  -' line; loaded as is"]


def test_a_json_file_that_is_not_a_library_is_one_line(tmp_path):
    articles, manifest = write_corpus(tmp_path, {"data.json": '{"a": 1}', "ok.txt": "Title\n\nText here.\n"})
    c = corpus.load_corpus(articles, manifest, use_cache=False)
    assert c.problems["problem"].tolist() == [
        "articles/data.json: not a CSL JSON library (expected a list of items with a title); skipped"]
    assert c.documents["doc_id"].tolist() == ["ok"]


def test_kwic_and_evidence_can_say_where_a_sentence_sits(library):
    matches = corpus.find_term(library.sentences, "compute")
    kwic = corpus.add_locations(corpus.format_kwic(library.sentences, matches), library.blocks,
                                library.documents)
    assert kwic[["sent_id", "where"]].values.tolist() == [
        ["lib-volkova2024compute-p02-s01", "record 1, p. 1"],
        ["lib-volkova2024compute-p03-s01", "record 1, p. 1"],
        ["lib-volkova2024compute-p09-s01", "record 1, p. 2"],
        ["lib2-001-p02-s01", "record 1"],
    ]


def test_single_article_files_have_no_location(seed_corpus):
    where = corpus.describe_locations(seed_corpus.blocks, seed_corpus.documents)
    assert len(where) == len(seed_corpus.blocks) and (where == "").all()
