"""The Parquet cache returns exactly what parsing returns, and any change parses again."""

import shutil

import pandas as pd

from helpers import corpus, progress
from helpers.corpus import cache


def load(articles, manifest, **kw):
    return corpus.load_corpus(articles, manifest, **kw)


def test_cached_tables_equal_freshly_parsed_ones(make_corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBOOK_CACHE", str(tmp_path / "cache"))
    articles, manifest = make_corpus({"001_a.txt": "Title\n\nRussia lags in AI. It invests less.\n",
                                      "002_b.html": "<html><body><article><p>Russia builds data "
                                                    "centres near nuclear plants, officials said "
                                                    "on Monday.</p></article></body></html>"})
    fresh = load(articles, manifest, use_cache=False)
    first = load(articles, manifest)
    entries = list((tmp_path / "cache" / "corpus").iterdir())
    assert len(entries) == 1
    second = load(articles, manifest)  # read from the cache
    for name in corpus.TABLES:
        pd.testing.assert_frame_equal(getattr(second, name), getattr(fresh, name))
        pd.testing.assert_frame_equal(getattr(first, name), getattr(fresh, name))


def test_changing_a_file_the_manifest_or_the_rules_parses_again(make_corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBOOK_CACHE", str(tmp_path / "cache"))
    articles, manifest = make_corpus({"001_a.txt": "Title\n\nRussia lags in AI.\n"}, with_sha=False)
    assert load(articles, manifest).sentences["text"].tolist() == ["Title", "Russia lags in AI."]
    (articles / "001_a.txt").write_text("Title\n\nRussia leads in AI.\n", encoding="utf-8")
    assert load(articles, manifest).sentences["text"].tolist()[1] == "Russia leads in AI."
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(",,,,,,,,,,,", ",,,,,2024,,,,,,"),
                        encoding="utf-8")
    assert load(articles, manifest).documents.loc[0, "published"] == "2024"
    rules = tmp_path / "rules.yaml"
    rules.write_text("furniture_phrases: [Title]\n", encoding="utf-8")
    assert load(articles, manifest, rules_path=rules).sentences["text"].tolist() == [
        "Russia leads in AI."]
    assert len(list((tmp_path / "cache" / "corpus").iterdir())) == 4


def test_code_version_covers_every_parsing_module(tmp_path, monkeypatch):
    copy = tmp_path / "corpus"
    shutil.copytree(cache.CODE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "CODE_DIR", copy)
    before = cache.code_version.__wrapped__()
    assert len(before) == 64 and before == cache.code_version.__wrapped__()
    for module in ("load.py", "cleaning.py", "sentences.py", "formats/html.py"):
        path = copy / module
        path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        after = cache.code_version.__wrapped__()
        assert after != before, module
        before = after


def test_progress_is_silent_in_tests_and_for_short_jobs(monkeypatch):
    assert not progress.is_enabled(10_000)  # the test suite sets WORKBOOK_PROGRESS=0
    monkeypatch.setenv("WORKBOOK_PROGRESS", "1")
    assert progress.is_enabled(10_000) and not progress.is_enabled(5)
    items = [1, 2, 3]
    assert progress.track(items, total=3, desc="x") is items
