"""Every notebook runs end to end on the seeds plus a file of every input kind (PDF, Word,
OpenDocument, RTF, news-database exports, a table of articles, a reference library), and the seed
articles load exactly as they do alone."""

import pandas as pd
import pytest

from helpers import corpus
from tests.notebooks.formats_corpus import EXPECTED_DOC_IDS, EXPECTED_PROBLEMS, build_formats_corpus
from tests.notebooks.notebook_tools import output_text, run_notebook


@pytest.fixture(scope="module")
def formats_paths(tmp_path_factory):
    articles, manifest = build_formats_corpus(tmp_path_factory.mktemp("formats_nb"))
    return {"articles_dir": str(articles), "manifest_path": str(manifest)}


@pytest.fixture(scope="module")
def formats_corpus(formats_paths):
    return corpus.load_corpus(formats_paths["articles_dir"], formats_paths["manifest_path"])


def test_every_kind_loads_and_the_hostile_ones_are_one_line(formats_corpus):
    c = formats_corpus
    seeds = ["000", "001", "002", "003", "004"]
    assert c.documents["doc_id"].tolist() == seeds + EXPECTED_DOC_IDS
    problems = c.problems["problem"].tolist()
    assert len(problems) == len(EXPECTED_PROBLEMS)
    for problem, expected in zip(problems, EXPECTED_PROBLEMS):
        assert problem.startswith("articles/" + expected), (problem, expected)


def test_the_seeds_load_as_they_do_alone(formats_corpus, seed_corpus):
    for table in ("sentences", "paragraphs"):
        mixed = getattr(formats_corpus, table)
        mixed = mixed[mixed["doc_id"].isin(seed_corpus.documents["doc_id"])].reset_index(drop=True)
        pd.testing.assert_frame_equal(mixed, getattr(seed_corpus, table))


def test_01_corpus_shows_each_format_and_where_metadata_came_from(formats_paths, tmp_path):
    text = output_text(run_notebook("01_corpus", {**formats_paths, "kwic_term": "compute*"}, tmp_path))
    for fmt in ("pdf", "docx", "odt", "rtf", "nexis-docx", "factiva-html", "csv", "bib+pdf"):
        assert f"<td>{fmt}</td>" in text, fmt
    for source in ("export", "table", "library", "pdf"):
        assert f"<td>{source}</td>" in text, source
    assert "110_locked.pdf: encrypted PDF" in text
    assert "Left column opens here and talks about" in text  # a PDF sentence in the KWIC


@pytest.mark.parametrize("name, parameters, expected", [
    ("02_themes", {"read_theme": "sanctions"}, "108-volkova2024"),
    ("03_timeline", {}, "105-001"),
    ("04_comparisons", {"group_by": "format"}, "factiva-html"),
])
def test_the_other_notebooks_run_on_every_kind(formats_paths, tmp_path, name, parameters, expected):
    text = output_text(run_notebook(name, {**formats_paths, **parameters}, tmp_path))
    assert "Traceback" not in text
    assert expected in text
