"""Aggregate queries over stored partitions, on hand-written tables with hand-computed answers."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import dataset
from helpers.dataset import storage


def store(out, partition, documents, matches, mentions):
    columns = {"documents": ["doc_id", "published", "date_precision"],
               "matches": ["doc_id", "sent_id", "theme"],
               "mentions": ["doc_id", "sent_id", "entity", "type"]}
    rows = {"documents": documents, "matches": matches, "mentions": mentions}
    storage.write_partition(out, partition, {
        name: storage.to_arrow(pd.DataFrame(rows[name], columns=cols), "k")
        for name, cols in columns.items()})


@pytest.fixture()
def two_partitions(tmp_path):
    out = tmp_path / "ds"
    store(out, 0,
          [("a", "2024-03-05", "day"), ("b", "2024-03", "month")],
          [("a", "a-p1-s1", "chips"), ("a", "a-p1-s2", "chips"), ("a", "a-p1-s2", "sanctions"),
           ("b", "b-p1-s1", "chips")],
          [("a", "a-p1-s1", "Putin", "person"), ("b", "b-p1-s1", "Putin", "person")])
    store(out, 1,
          [("c", "2024", "year"), ("d", "2024-03-30", "day"), ("e", "", "unknown")],
          [("c", "c-p1-s1", "chips"), ("d", "d-p1-s1", "sanctions"), ("e", "e-p1-s1", "chips")],
          [("c", "c-p1-s1", "Putin", "person"), ("c", "c-p1-s2", "Putin", "person"),
           ("d", "d-p1-s1", "Yandex", "organisation")])
    return out


def test_document_theme_counts_add_up_over_partitions(two_partitions):
    got = dataset.count_document_themes(two_partitions)
    want = pd.DataFrame({"doc_id": ["a", "a", "b", "c", "d", "e"],
                         "theme": ["chips", "sanctions", "chips", "chips", "sanctions", "chips"],
                         "n_matches": [2, 1, 1, 1, 1, 1]})
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_matches_per_month_count_only_documents_dated_to_the_month(two_partitions):
    got = dataset.count_matches_by_month(two_partitions)
    # a (2024-03-05) and b (2024-03) in partition 0, d (2024-03-30) in partition 1; c (a year) and
    # e (undated) cannot be placed in a month
    want = pd.DataFrame({"month": ["2024-03", "2024-03"], "theme": ["chips", "sanctions"],
                         "n_matches": [3, 2], "n_docs": [2, 2]})
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_entity_counts_add_up_over_partitions_most_mentioned_first(two_partitions):
    got = dataset.count_entity_mentions(two_partitions)
    want = pd.DataFrame({"entity": ["Putin", "Yandex"], "type": ["person", "organisation"],
                         "n_mentions": [4, 1], "n_docs": [3, 1]})
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_queries_on_a_dataset_without_the_table_say_so(tmp_path):
    with pytest.raises(dataset.DatasetError, match="no table 'matches'"):
        dataset.count_document_themes(tmp_path)


def test_queries_agree_with_the_in_memory_tables(small_expected, small_dataset):
    out, _ = small_dataset
    matches = small_expected["matches"]
    want = matches.groupby(["doc_id", "theme"]).size().rename("n_matches").reset_index()
    pd.testing.assert_frame_equal(dataset.count_document_themes(out), want, check_dtype=False)
    mentions = small_expected["mentions"].groupby(["entity", "type"]).agg(
        n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    got = dataset.count_entity_mentions(out)
    pd.testing.assert_frame_equal(got.sort_values("entity", ignore_index=True),
                                  mentions.sort_values("entity", ignore_index=True), check_dtype=False)
    docs = small_expected["documents"]
    dated = docs[docs["date_precision"].isin(["day", "month"])].assign(month=lambda d: d["published"].str[:7])
    by_month = matches.merge(dated[["doc_id", "month"]], on="doc_id").groupby(["month", "theme"]).agg(
        n_matches=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    assert by_month["n_matches"].sum() > 0
    pd.testing.assert_frame_equal(dataset.count_matches_by_month(out), by_month, check_dtype=False)
