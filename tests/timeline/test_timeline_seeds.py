"""Golden facts about the dates in the five seed articles.

The expected list (tests/timeline_gold.py SEED_GOLD) was written by reading the seed article
content, not by running the extractor.
"""

import pandas as pd
import pytest

from helpers import timeline
from tests.timeline import timeline_gold as gold


@pytest.fixture(scope="module")
def seed_dates(seed_corpus) -> pd.DataFrame:
    return timeline.extract_dates(seed_corpus)


def test_the_seed_content_has_exactly_the_hand_listed_expressions(seed_dates, seed_corpus):
    pd.testing.assert_frame_equal(seed_dates[gold.BASE_COLUMNS], gold.seed_expected(seed_corpus.sentences))


def test_the_seed_expressions_in_words(seed_dates):
    # what a reader of the articles sees: 003's targets and its "early 2025", 004's vague outlook
    assert seed_dates.groupby("doc_id")["text"].agg(list).to_dict() == {
        "003": ["by 2030", "by 2030", "by 2030", "early 2025", "by 2030", "by 2026"],
        "004": ["The coming years"]}
    assert not seed_dates["is_anchored"].any()  # nothing relative in 000 or 002, the dated sources


@pytest.mark.parametrize("text", gold.SEED_FURNITURE_DATES)
def test_dates_only_in_page_furniture_are_not_on_the_timeline(text, seed_dates, seed_corpus):
    blocks = seed_corpus.blocks
    in_furniture = blocks.loc[~blocks["is_content"], "raw"].str.contains(text, regex=False)
    assert in_furniture.any(), f"{text} should be in the saved pages' furniture"
    in_content = seed_corpus.sentences["text"].str.contains(text, regex=False)
    assert not in_content.any()
    assert not seed_dates["text"].str.contains(text, regex=False).any()


def test_furniture_date_values_are_absent(seed_dates):
    assert not set(seed_dates["value"]) & set(gold.SEED_FURNITURE_VALUES)


def test_the_extractor_would_drop_the_reference_line_if_it_were_fed_one(seed_corpus):
    blocks = seed_corpus.blocks
    reference = blocks.loc[blocks["raw"].str.contains("Retrieved October 10, 2023", regex=False),
                           "text"].iloc[0]
    sentences = pd.DataFrame({"doc_id": ["000"], "sent_id": ["000-ref"], "text": [reference]})
    assert timeline.find_dates(sentences, seed_corpus.documents).empty


def test_publication_dates_of_the_seeds(seed_corpus):
    pubs = timeline.publication_dates(seed_corpus)
    assert pubs[["doc_id", "value", "precision", "source"]].values.tolist() == [
        ["000", "2025-09-29", "day", "text"],
        ["001", "", "unknown", ""],
        ["002", "2020-12", "month", "manifest"],
        ["003", "", "unknown", ""],
        ["004", "", "unknown", ""],
    ]
    assert "2025年9月29日" in pubs.loc[0, "evidence"]
    assert "December 2020" in pubs.loc[2, "evidence"]


def test_seed_counts_per_source(seed_dates, seed_corpus):
    counts = timeline.count_dates(seed_dates, seed_corpus.documents)
    assert counts[["doc_id", "n_past", "n_target", "n_vague", "earliest", "latest"]].values.tolist() == [
        ["000", 0, 0, 0, "", ""],
        ["001", 0, 0, 0, "", ""],
        ["002", 0, 0, 0, "", ""],
        ["003", 1, 5, 0, "2025", "2030"],
        ["004", 0, 0, 1, "", ""],
    ]
