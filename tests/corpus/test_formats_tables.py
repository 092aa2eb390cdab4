"""Tables of articles (CSV, JSON Lines, Parquet) with a column mapping beside them: one document per
row, read in batches; a table without its text column, or a damaged row, is one line."""

import json

import pandas as pd

from helpers import corpus
from helpers.corpus.formats import tables
from tests.conftest import write_corpus

STORIES_CSV = (
    "stories_id,headline,body,publish_date,media_name,url\n"
    "11,Chips plan,\"Russia announced a chip plan in 2025.\nIt has two parts.\",2025-03-04 10:00:00,"
    "Daily Tech,https://example.org/a\n"
    "12,Empty,,2025-03-05,Daily Tech,\n"
    "13,Compute,Compute capacity grew.,yesterday,Daily Tech,\n"
)
STORIES_MAPPING = ("text: body\ntitle: headline\npublished: publish_date\npublisher: media_name\n"
                   "url: url\nid: stories_id\n")
COLUMNS = ["doc_id", "record", "title", "publisher", "url", "published", "date_precision", "date_source",
           "format"]


def load(tmp_path, files, rows, extra=None):
    articles, manifest = write_corpus(tmp_path, files, rows)
    for name, content in (extra or {}).items():
        if isinstance(content, pd.DataFrame):
            content.to_parquet(articles / name, index=False)
        else:
            (articles / name).write_text(content, encoding="utf-8")
    return corpus.load_corpus(articles, manifest, use_cache=False)


def test_csv_with_a_mapping(tmp_path):
    c = load(tmp_path, {"media.csv": STORIES_CSV}, [{"doc_id": "mc", "file": "media.csv"}],
             {"media.csv.yaml": STORIES_MAPPING})
    assert c.documents[COLUMNS].values.tolist() == [
        ["mc-11", "1", "Chips plan", "Daily Tech", "https://example.org/a", "2025-03-04", "day", "table",
         "csv"],
        ["mc-13", "3", "Compute", "Daily Tech", "", "", "unknown", "", "csv"],
    ]
    assert c.blocks.loc[c.blocks["doc_id"] == "mc-11", "text"].tolist() == [
        "Chips plan", "Russia announced a chip plan in 2025.", "It has two parts."]
    assert c.problems["problem"].tolist() == [
        "articles/media.csv: record 2: no article text; skipped",
        "articles/media.csv: record 3: published 'yesterday' is not a date I can read; left empty"]


def test_jsonl_and_parquet_with_default_column_names(tmp_path):
    lines = "\n".join(json.dumps(r) for r in [
        {"text": "A JSON lines article about sanctions.", "title": "Sanctions", "published": "2024-01"},
        {"text": "Another one about talent.", "title": "Talent", "language": "EN"}])
    frame = pd.DataFrame({"text": ["Parquet article on AI strategy."], "title": ["Strategy"],
                          "published": [pd.Timestamp("2023-11-02")]})
    c = load(tmp_path, {"s.jsonl": lines}, [{"doc_id": "js", "file": "s.jsonl"},
                                           {"doc_id": "pq", "file": "p.parquet"}],
             {"p.parquet": frame})
    d = c.documents.set_index("doc_id")
    assert list(d.index) == ["js-001", "js-002", "pq-001"]
    assert d.loc["js-001", ["published", "date_precision"]].tolist() == ["2024-01", "month"]
    assert d.loc["js-002", "language"] == "en"
    assert d.loc["pq-001", ["title", "published", "format"]].tolist() == ["Strategy", "2023-11-02", "parquet"]


def test_a_table_without_its_text_column_is_one_line(tmp_path):
    c = load(tmp_path, {"a.csv": "a,b\n1,2\n", "ok.txt": "Title\n\nRussia and AI.\n"},
             [{"doc_id": "a", "file": "a.csv"}, {"doc_id": "ok", "file": "ok.txt"}],
             {"a.csv.yaml": "text: body\n"})
    assert c.problems["problem"].tolist() == [
        "articles/a.csv: no text column 'body' (mapped in a.csv.yaml); the table's columns are: a, b; "
        "skipped"]
    assert c.documents["doc_id"].tolist() == ["ok"]


def test_a_bad_mapping_is_one_line(tmp_path):
    c = load(tmp_path, {"a.csv": "text\nHello there.\n"}, [{"doc_id": "a", "file": "a.csv"}],
             {"a.csv.yaml": "text: text\nheadline: title\n"})
    assert c.problems["problem"].tolist() == [
        "articles/a.csv: a.csv.yaml: unknown field 'headline' (fields: text, title, published, url, "
        "publisher, author, language, id); skipped"]


def test_large_tables_are_read_in_batches_and_a_damaged_row_stops_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "BATCH_ROWS", 2)
    rows = "".join(f"Article number {i} on compute.\n" for i in range(1, 6))
    c = load(tmp_path, {"big.csv": "text\n" + rows + "a,b,c\n"}, [{"doc_id": "big", "file": "big.csv"}])
    assert c.documents["doc_id"].tolist() == [f"big-00{i}" for i in range(1, 5)]  # the batch of 5-6 fails
    assert c.problems["problem"].tolist() == [
        "articles/big.csv: cannot read the table as CSV (Error tokenizing data. C error: Expected 1 fields "
        "in line 7, saw 3); the rows after row 4 were not read"]


def test_the_mapping_file_is_not_an_article(tmp_path):
    c = load(tmp_path, {"media.csv": STORIES_CSV}, [{"doc_id": "mc", "file": "media.csv"}],
             {"media.csv.yaml": STORIES_MAPPING})
    assert not c.problems["problem"].str.contains("yaml").any()
