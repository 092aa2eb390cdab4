"""Nexis Uni and Factiva exports split into one document per article, with the export's fields;
damaged exports are reported one line per problem, naming the file and the record."""

import pytest

from helpers import corpus
from tests.conftest import write_corpus
from tests.corpus.format_fixtures import (
    FACTIVA_ARTICLES,
    docx_from_text,
    factiva_html,
    factiva_text,
    nexis_text,
    rtf_from_text,
)

COLUMNS = ["doc_id", "record", "title", "publisher", "author", "published", "date_precision",
           "date_source", "section", "word_count", "language"]
NEXIS_ROWS = [
    ["001-001", "1", "Moscow sets out a plan for national compute", "The Northern Ledger", "Anna Petrova",
     "2024-03-12", "day", "export", "WORLD; Pg. 5", "21", "en"],
    ["001-002", "2", "Sanctions slow delivery of accelerators", "Business Wire Weekly", "", "2024-04-02",
     "day", "export", "TECHNOLOGY", "11", "en"],
]
FACTIVA_ROWS = [
    ["001-001", "1", "Yandex opens a model to researchers", "Tech Daily Review", "Ivan Sokolov",
     "2025-05-05", "day", "export", "Markets", "312", "en"],
    ["001-002", "2", "Сбер представил новую модель", "Деловая газета", "", "2025-06-20", "day", "export",
     "", "150", "ru"],
]


def load(tmp_path, files, rows=None):
    articles, manifest = write_corpus(tmp_path, files, rows)
    return corpus.load_corpus(articles, manifest, use_cache=False)


@pytest.mark.parametrize("name, data, expected, fmt", [
    ("001_nexis.txt", nexis_text(), NEXIS_ROWS, "nexis-txt"),
    ("001_nexis.docx", docx_from_text(nexis_text()), NEXIS_ROWS, "nexis-docx"),
    ("001_nexis.rtf", rtf_from_text(nexis_text()), NEXIS_ROWS, "nexis-rtf"),
    ("001_factiva.txt", factiva_text(), FACTIVA_ROWS, "factiva-txt"),
    ("001_factiva.rtf", rtf_from_text(factiva_text()), FACTIVA_ROWS, "factiva-rtf"),
    ("001_factiva.html", factiva_html(factiva_text()), FACTIVA_ROWS, "factiva-html"),
])
def test_every_export_gives_one_document_per_article(tmp_path, name, data, expected, fmt):
    c = load(tmp_path, {name: data})
    assert c.problems.empty, c.problems["problem"].tolist()
    assert c.documents[COLUMNS].values.tolist() == expected
    assert set(c.documents["format"]) == {fmt} and set(c.documents["file"]) == {name}


def test_article_text_starts_with_its_title_and_keeps_its_paragraphs(tmp_path):
    c = load(tmp_path, {"001_factiva.txt": factiva_text()})
    blocks = c.blocks[c.blocks["doc_id"] == "001-001"]
    assert blocks[["role", "text"]].values.tolist() == [
        ["title", "Yandex opens a model to researchers"],
        ["paragraph", "Yandex published weights of a language model for research use."],
        ["paragraph", "Analysts compared it with open models from China."],
    ]


def test_manifest_rows_name_records_and_win_over_the_export(tmp_path):
    rows = [{"doc_id": "press", "file": "001_nexis.txt", "source_type": "news"},
            {"doc_id": "ledger-plan", "file": "001_nexis.txt", "record": "1", "title": "My own title",
             "published": "2024-03"},
            {"doc_id": "ghost", "file": "001_nexis.txt", "record": "7"}]
    c = load(tmp_path, {"001_nexis.txt": nexis_text()}, rows)
    d = c.documents.set_index("doc_id")
    assert sorted(d.index) == ["ledger-plan", "press-002"]
    assert d.loc["ledger-plan", ["title", "published", "date_source", "author"]].tolist() == [
        "My own title", "2024-03", "manifest", "Anna Petrova"]
    assert d.loc["press-002", ["source_type", "record", "publisher"]].tolist() == [
        "news", "2", "Business Wire Weekly"]
    assert c.problems["problem"].tolist() == [
        "articles/001_nexis.txt: the manifest lists record 7 but the file holds 2 article(s); skipped"]


def test_missing_end_of_document_is_reported_and_the_article_kept(tmp_path):
    c = load(tmp_path, {"001_nexis.docx": docx_from_text(nexis_text(drop_end=2))})
    assert len(c.documents) == 2
    assert c.problems["problem"].tolist() == [
        "articles/001_nexis.docx: text after the last 'End of Document' line (12 line(s)): a document "
        "without its end marker, loaded as the last record"]


def test_a_date_that_does_not_parse_names_the_record(tmp_path):
    c = load(tmp_path, {"001_nexis.rtf": rtf_from_text(nexis_text(bad_date=2))})
    assert c.problems["problem"].tolist() == [
        "articles/001_nexis.rtf: record 2: date line 'not a date' is not a date I can read; published "
        "left empty"]
    assert c.documents["published"].tolist() == ["2024-03-12", ""]
    assert c.problems["doc_id"].tolist() == ["001-002"]


def test_missing_document_line_splits_at_the_next_headline(tmp_path):
    c = load(tmp_path, {"001_factiva.rtf": rtf_from_text(factiva_text(drop_separator=1))})
    assert c.documents["title"].tolist() == [FACTIVA_ARTICLES[0][0], FACTIVA_ARTICLES[1][0]]
    assert c.problems["problem"].tolist() == [
        "articles/001_factiva.rtf: record 1: 2 articles run together (a 'Document …' line is missing); "
        "split at each HD field"]


def test_unreadable_word_count_is_reported(tmp_path):
    broken = [(FACTIVA_ARTICLES[0][0], "", "many words", *FACTIVA_ARTICLES[0][3:])]
    c = load(tmp_path, {"001_factiva.txt": factiva_text(broken)})
    assert c.documents["word_count"].tolist() == [""]
    assert c.problems["problem"].tolist() == [
        "articles/001_factiva.txt: record 1: WC 'many words' is not a word count; left empty"]


def test_the_same_article_in_two_exports_is_loaded_once(tmp_path):
    c = load(tmp_path, {"001_factiva.txt": factiva_text(), "002_factiva.html": factiva_html(factiva_text())})
    assert c.documents["doc_id"].tolist() == ["001-001", "001-002"]
    assert c.problems["problem"].tolist() == [
        "articles/002_factiva.html: same content as doc_id '001-001'; skipped as a duplicate",
        "articles/002_factiva.html: same content as doc_id '001-002'; skipped as a duplicate"]


def test_an_ordinary_text_file_is_not_an_export(tmp_path):
    c = load(tmp_path, {"001_note.txt": "Title\n\nDocument history: HD video.\n\nEnd of Document\n"})
    assert c.documents["doc_id"].tolist() == ["001"] and c.documents["record"].tolist() == [""]


def test_draft_manifest_gives_one_row_per_article_and_loads_back(tmp_path):
    from helpers.corpus import manifest

    articles, _ = write_corpus(tmp_path, {"001_nexis.txt": nexis_text()}, rows=[])
    rows, problems = manifest.draft_manifest(articles)
    assert problems.empty
    assert rows[["doc_id", "file", "record", "title", "published", "date_source"]].values.tolist() == [
        ["001-001", "001_nexis.txt", "1", "Moscow sets out a plan for national compute", "2024-03-12",
         "export"],
        ["001-002", "001_nexis.txt", "2", "Sanctions slow delivery of accelerators", "2024-04-02", "export"],
    ]
    path = tmp_path / "drafted.csv"
    rows.to_csv(path, index=False)
    c = corpus.load_corpus(articles, path, use_cache=False)
    assert c.problems.empty and c.documents["doc_id"].tolist() == ["001-001", "001-002"]
    assert c.documents["is_sha256_ok"].tolist() == [True, True]


def test_a_parsed_export_is_cached_with_its_pages_and_records(tmp_path):
    from tests.corpus.format_fixtures import make_pdf

    articles, manifest = write_corpus(tmp_path, {"001_nexis.txt": nexis_text(), "002_report.pdf": make_pdf()})
    first = corpus.load_corpus(articles, manifest)
    again = corpus.load_corpus(articles, manifest)
    for table in ("documents", "blocks", "sentences"):
        assert getattr(again, table).equals(getattr(first, table)), table
    assert str(again.blocks["page"].dtype) == "Int64" and again.blocks["page"].max() == 3
