"""Every notebook runs end to end on the mixed corpus (English, Russian, HTML, Markdown and every
hostile kind of file), through papermill parameters, and says what it could not analyse."""

import re

import pytest

from tests.notebooks.mixed_corpus import build_mixed_corpus
from tests.notebooks.notebook_tools import output_text, run_notebook


@pytest.fixture(scope="module")
def mixed_paths(tmp_path_factory):
    articles, manifest = build_mixed_corpus(tmp_path_factory.mktemp("mixed_nb"))
    return {"articles_dir": str(articles), "manifest_path": str(manifest)}


SKIPPED = ["030_empty.txt: empty file; skipped", "031_binary.txt: binary data, not text; skipped",
           "032_blob.txt: JSON data, not article text; skipped",
           "021_duplicate_of_001.txt: same content as doc_id &#x27;001&#x27;; skipped as a duplicate"]


def test_01_corpus_lists_languages_and_skipped_files(mixed_paths, tmp_path):
    text = output_text(run_notebook("01_corpus", {**mixed_paths, "kwic_term": "санкци*"}, tmp_path))
    for line in SKIPPED:
        assert line in text
    for language in ("ru", "ar", "fr"):
        assert f"<td>{language}</td>" in text
    assert "санкции" in text  # the Russian term in context


def test_02_themes_codes_russian_and_arabic(mixed_paths, tmp_path):
    text = output_text(run_notebook("02_themes", {**mixed_paths, "read_theme": "sanctions"}, tmp_path))
    for line in SKIPPED:
        assert line in text
    assert "not coded" not in text  # every language of this corpus has patterns now
    assert "санкции" in text  # a Russian sentence coded with sanctions


def test_03_timeline_reads_russian_dates_and_lists_partial_documents(mixed_paths, tmp_path):
    text = output_text(run_notebook("03_timeline", mixed_paths, tmp_path))
    assert "empty file; skipped" in text
    assert "partly read" in text and "<td>fr</td>" in text and "<td>ar</td>" in text
    for expression in ("к 2030 году", "до 2030 года", "к 2035 году"):  # Russian targets
        assert f"<td>{expression}</td>" in text
    # "announced ... on Thursday" in the HTML page dated Thursday 2024-04-11 (its own metadata)
    assert "<td>Thursday</td>\n      <td>2024-04-11</td>" in text


def test_04_comparisons_runs_on_every_language(mixed_paths, tmp_path):
    text = output_text(run_notebook("04_comparisons", {**mixed_paths, "group_by": "source_type"},
                                    tmp_path))
    assert "binary data, not text; skipped" in text
    assert "not scored: no stance cues for language" not in text  # ru, ar, fr all have cues
    assert "850" in text and "RUB" in text  # the Russian figure in roubles


def test_05_trends_places_the_three_dated_files_and_compares_around_an_event(mixed_paths, tmp_path):
    text = output_text(run_notebook("05_trends", {**mixed_paths, "period": "month",
                                                  "split_event": "2024-06"}, tmp_path))
    assert "binary data, not text; skipped" in text
    # 001 (manifest, 2024-05), the HTML page (its own metadata, 2024-04-11), 003 (2025-11-19)
    assert re.search(r"3 of \d+ documents are placed in months, from 2024-04 to 2025-11", text)
    assert "<td>2024-04-11</td>" in text and "<td>2025-11-19</td>" in text
    assert "<td>before</td>" in text and "<td>after</td>" in text
