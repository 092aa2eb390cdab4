"""Integer codes for ids: sentences numbered by runs when sorted and by hashing otherwise must
group the rows the same way, and the over-time tables must not depend on the order of the rows."""

import numpy as np
import pandas as pd
import pyarrow as pa

from helpers import trends
from helpers.trends import codes

DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "publisher": ["P", "Q", "P"], "n_sentences": [3, 2, 4]})
PUBS = pd.DataFrame({"doc_id": ["a", "b", "c"], "value": ["2024-05-02", "2024-05-20", "2024-06"],
                     "precision": ["day", "day", "month"]})
# a: sentence a-s1 has x twice and y, a-s2 has x; b: b-s1 has y; c: c-s1 has x, c-s3 has z; and a
# row of a document not in the corpus
MATCHES = pd.DataFrame({
    "doc_id": ["a", "a", "a", "a", "b", "c", "c", "zz"],
    "sent_id": ["a-s1", "a-s1", "a-s1", "a-s2", "b-s1", "c-s1", "c-s3", "zz-s1"],
    "theme": ["x", "x", "y", "x", "y", "x", "z", "x"]})


def test_sorted_ids_are_numbered_by_runs():
    number, first = codes.encode_sentences(pd.Series(["a-s1", "a-s1", "a-s2", "b-s1", "b-s1"], dtype="str"))
    assert number.tolist() == [0, 0, 1, 2, 2] and first.tolist() == [0, 2, 3]


def test_unsorted_ids_are_hashed_and_a_repeated_id_is_one_sentence():
    number, first = codes.encode_sentences(pd.Series(["b-s1", "a-s1", "b-s1", "a-s2"], dtype="str"))
    assert number[0] == number[2] and len(set(number.tolist())) == 3
    assert first[number].tolist() == [0, 1, 0, 3]  # each row points to its sentence's first row


def test_run_starts_sortedness_and_nulls():
    values = pa.array(["a", "a", None, None, "b"])
    assert codes.run_starts(values).tolist() == [True, False, True, True, True]
    assert not codes.is_sorted(values)  # a null: hashed, not numbered by runs
    assert codes.is_sorted(pa.array(["a", "a", "b"])) and not codes.is_sorted(pa.array(["b", "a"]))
    assert codes.is_sorted(pa.array([], type=pa.string()))


def test_codes_by_runs_match_hashing_every_row():
    values = pd.Series(["x", "x", "q", "y", "x", "x"], dtype="str")
    universe = pd.Series(["y", "x"], dtype="str")
    assert codes.codes_by_runs(values, universe).tolist() == [1, 1, -1, 0, 1, 1]
    assert codes.index_codes(values, universe).tolist() == [1, 1, -1, 0, 1, 1]


def test_pairs_are_distinct_and_codes_widen_when_needed():
    a, b = np.array([2, 0, 2, 1, 0]), np.array([1, 3, 1, 0, 3])
    first, second = codes.distinct_pairs(a, b, n_a=3, n_b=4)
    assert list(zip(first.tolist(), second.tolist())) == [(0, 3), (1, 0), (2, 1)]
    assert codes.code_type(2**31 - 1) is np.int32 and codes.code_type(2**31) is np.int64
    assert codes.pair_codes(np.array([2**20]), np.array([5]), 2**12, 2**21).tolist() == [2**32 + 5]


def test_coverage_counts_hand_computed_and_independent_of_row_order():
    placed = trends.place_documents(PUBS, DOCS, period="month")
    cov = trends.coverage_by_period(placed, MATCHES, themes=["x", "y", "z"]).set_index(["period", "theme"])
    # May: a and b (5 sentences); x in a (a-s1, a-s2), y in a-s1 and b-s1. June: c (4), x and z once.
    assert cov.loc[("2024-05", "x"), ["n_docs", "n_coded", "n_sentences", "n_sent_coded"]].tolist() == [
        2, 1, 5, 2]
    assert cov.loc[("2024-05", "y"), ["n_coded", "n_sent_coded"]].tolist() == [2, 2]
    assert cov.loc[("2024-06", "x"), ["n_docs", "n_coded", "n_sent_coded"]].tolist() == [1, 1, 1]
    assert cov.loc[("2024-06", "z"), "n_sent_coded"] == 1 and cov.loc[("2024-05", "z"), "n_coded"] == 0
    reordered = MATCHES.iloc[[6, 2, 0, 7, 4, 3, 5, 1]]  # a-s1 split in two places: hashed
    again = trends.coverage_by_period(placed, reordered, themes=["x", "y", "z"])
    pd.testing.assert_frame_equal(again, cov.reset_index()[again.columns])
    men = MATCHES.rename(columns={"theme": "entity"})
    counted = trends.mentions_by_period(placed, men).set_index(["period", "entity"])
    assert counted.loc[("2024-05", "x"), ["n_mentions", "n_docs_mentioning"]].tolist() == [3, 1]
    shuffled = trends.mentions_by_period(placed, men.iloc[::-1])
    pd.testing.assert_frame_equal(shuffled, counted.reset_index()[shuffled.columns])
