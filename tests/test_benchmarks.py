"""The benchmark's tools: a deterministic generator whose pages the loader cleans like real ones,
and the table it prints. (The timings themselves are printed by `make bench`, never asserted.)"""

import pytest

from benchmarks import bench_cleaning, generate, run
from helpers import corpus


def test_a_dated_corpus_has_mixed_precision_and_no_byline_date_beyond_the_manifest(tmp_path):
    articles, manifest, _ = generate.generate_corpus(40, tmp_path, dated=True)
    c = corpus.load_corpus(articles, manifest, use_cache=False)
    docs = c.documents
    assert set(docs["date_precision"].replace("", "unknown")) == {"day", "month", "year", "unknown"}
    assert docs["published"].replace("", "2019").str[:4].astype(int).between(2019, 2026).all()
    assert (docs["date_source"].replace("", "manifest") == "manifest").all()  # undated stay undated
    before = docs.loc[(docs["date_precision"] == "day") & (docs["published"] < "2022-02-24"), "doc_id"]
    body = c.sentences[c.sentences["role"].isin(["paragraph", "list_item"])]
    texts = body[body["doc_id"].isin(before)]["text"]
    assert len(before) and not texts.str.contains("sanction", case=False).any()


def test_generated_corpora_are_deterministic_and_cleaned_like_real_pages(tmp_path):
    a1, m1, total = generate.generate_corpus(3, tmp_path / "one")
    a2, m2, _ = generate.generate_corpus(3, tmp_path / "two")
    assert [p.read_bytes() for p in sorted(a1.iterdir())] == [p.read_bytes() for p in sorted(a2.iterdir())]
    assert m1.read_text(encoding="utf-8") == m2.read_text(encoding="utf-8")
    assert total == sum(p.stat().st_size for p in a1.iterdir())
    c = corpus.load_corpus(a1, m1, use_cache=False)
    assert c.problems.empty and len(c.documents) == 3
    content = "\n".join(c.sentences["text"])
    for furniture in ("Share this post", "Previous Article", "News Desk", "Moldova"):
        assert furniture not in content
    assert set(c.blocks.loc[~c.blocks["is_content"], "role"]) >= {"boilerplate", "metadata"}


def test_the_table_reports_speed_ups_and_growth():
    base = {"mb": 5.0, "docs": 1, "sentences": 10, "theme_matches": 1, "dates_found": 1,
            "mentions": 1, "amounts_found": 1, "peak_mb": 100.0}
    times = {"load_clean": 2.0, "split": 0.5, "cache_read": 0.1, "themes": 1.0, "dates": 0.5,
             "entities": 0.25, "amounts": 0.25}
    cpu = {"themes_cpu": 0.5, "dates_cpu": 0.25, "entities_cpu": 0.25, "amounts_cpu": 1.0}
    small = {"n": 1000, **base, **times, **cpu, "trends": 0.05, "baseline_themes": 100.0,
             "baseline_dates": 50.0}
    large = {"n": 10000, **base, "mb": 50.0, **{k: v * 10 for k, v in times.items()}}
    table = run.format_table([small, large])
    assert "| **all four extractors** | 2.00 s (2 MB/s) | 20.00 s (2 MB/s) |" in table
    assert "| speed-up, themes / dates | 100× / 100× | — |" in table
    assert "(themes / dates / entities / amounts) | 2.00 s (0.50 / 0.25 / 0.25 / 1.00) | — |" in table
    assert "| over-time tables (trends, given the matches) | 0.05 s (100 MB/s) | — |" in table
    assert "extractors: 1.00" in run.format_growth([small, large])


def test_labelled_pages_are_read_and_scored(tmp_path):
    page = tmp_path / "en_page.txt"
    page.write_text("b Home\n\nc Russia builds models.\nm By Anna\n", encoding="utf-8")
    text, labels = bench_cleaning.read_labelled_page(page)
    assert text == "Home\n\nRussia builds models.\nBy Anna\n" and labels == ["b", "", "c", "m"]
    scores = bench_cleaning.score([labels], [[False, False, True, True]])  # the byline leaks
    assert (scores["recall"], scores["leak"]) == (1.0, 0.5)
    page.write_text("x Home\n", encoding="utf-8")
    with pytest.raises(ValueError, match="en_page.txt: line 1 must start with 'c ', 'm ' or 'b '"):
        bench_cleaning.read_labelled_page(page)


def test_morphology_benchmark_rewrites_texts_and_patterns_as_lemmas():
    import pandas as pd

    from benchmarks import bench_morphology as bm
    lemmas = {"санкции": "санкция", "санкциями": "санкция", "чипов": "чип", "нет": "нет"}
    calls = []

    def lemma(word):
        calls.append(word)
        return lemmas.get(word, word)

    texts, n = bm.lemmatise_texts(pd.Series(["Санкции, санкции!", "Нет чипов: санкциями."]), lemma)
    assert texts.tolist() == ["санкция, санкция!", "нет чип: санкция."]
    assert n == 4 and sorted(calls) == sorted(lemmas)  # each distinct word lemmatised once
    assert bm.lemmatise_pattern("санкции~", "санкц*", lemma) == "санкция"
    assert bm.lemmatise_pattern("чипов экспорт*", "чипов экспорт*", lemma) == "чип экспорт*"
    assert bm.lemmatise_pattern("re:\\bИИ\\b", "re:\\bИИ\\b", lemma) == "re:\\bИИ\\b"
    table = pd.DataFrame({"language": ["ru"], "f1": [0.5], "words": [3.0]})
    assert bm.format_markdown(table).splitlines()[2] == "| ru | 0.50 | 3 |"
