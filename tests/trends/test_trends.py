"""Trends on a tiny dated fixture, with hand-computed counts, shares and intervals.

Five documents: d1 2021-03-15 (day, publisher A, 4 sentences), d2 2021-03 (month, B, 2), d3 2021
(year, A, 3), d4 2022-01-10 (day, B, 5), d5 undated (A, 2).
"""

import pandas as pd
import pytest

from helpers import trends

DOCS = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4", "d5"], "publisher": ["A", "B", "A", "B", "A"],
                     "n_sentences": [4, 2, 3, 5, 2], "source_type": ["news", "blog", "news", "blog", "news"]})
PUBS = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4", "d5"],
                     "value": ["2021-03-15", "2021-03", "2021", "2022-01-10", ""],
                     "precision": ["day", "month", "year", "day", "unknown"]})
MATCHES = pd.DataFrame({"doc_id": ["d1", "d1", "d1", "d2", "d4", "d3", "d5"],
                        "sent_id": ["d1-s1", "d1-s1", "d1-s2", "d2-s1", "d4-s1", "d3-s1", "d5-s1"],
                        "theme": ["chips", "chips", "chips", "chips", "chips", "sanctions", "chips"]})
MENTIONS = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d4", "d4"],
                         "sent_id": ["d1-s1", "d1-s1", "d2-s1", "d4-s2", "d4-s3"],
                         "entity": ["Putin", "Putin", "Sberbank", "Putin", "Yandex"],
                         "type": ["person", "person", "organisation", "person", "organisation"]})


def place(period, **kw):
    return trends.place_documents(PUBS, DOCS, period=period, **kw)


def row(table, **keys):
    sel = table
    for k, v in keys.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, keys
    return sel.iloc[0]


def test_a_document_is_placed_only_at_the_precision_of_its_date():
    month = place("month").set_index("doc_id")
    assert month["period"].to_dict() == {"d1": "2021-03", "d2": "2021-03", "d3": "", "d4": "2022-01",
                                         "d5": ""}
    assert month.loc["d3", "reason"] == "dated only to the year: not placed in a month"
    assert month.loc["d5", "reason"] == "undated"
    week = place("week").set_index("doc_id")
    assert week["period"].to_dict() == {"d1": "2021-W11", "d2": "", "d3": "", "d4": "2022-W02", "d5": ""}
    assert week.loc["d2", "reason"] == "dated only to the month: not placed in a week"
    assert place("quarter").set_index("doc_id")["period"].to_dict() == {
        "d1": "2021-Q1", "d2": "2021-Q1", "d3": "", "d4": "2022-Q1", "d5": ""}
    year = place("year")
    assert year["period"].tolist() == ["2021", "2021", "2021", "2022", ""]
    assert trends.list_unplaced(year)[["doc_id", "reason"]].values.tolist() == [["d5", "undated"]]
    assert place("day").set_index("doc_id").loc["d1", "period_start"] == pd.Timestamp("2021-03-15")


def test_auto_period_is_the_finest_with_at_most_sixteen_periods():
    assert place("auto")["period_kind"].iloc[0] == "month"  # 2021-01..2022-01: 13 months
    wide = PUBS.assign(value=PUBS["value"].replace({"2022-01-10": "2026-01-10"}))
    assert trends.place_documents(wide, DOCS)["period_kind"].iloc[0] == "year"


def test_counts_fill_every_period_of_the_span_with_zeros():
    counts = trends.count_by_period(place("month"))
    assert len(counts) == 11  # 2021-03 .. 2022-01
    assert row(counts, period="2021-03")[["n_docs", "n_sentences"]].tolist() == [2, 6]
    assert row(counts, period="2021-07")[["n_docs", "n_sentences"]].tolist() == [0, 0]


def test_theme_shares_with_wilson_intervals_over_articles_and_sentences():
    cov = trends.coverage_by_period(place("year"), MATCHES, themes=["chips", "sanctions", "robots"])
    chips = row(cov, period="2021", theme="chips")
    assert chips[["n_docs", "n_coded", "n_sentences", "n_sent_coded"]].tolist() == [3, 2, 9, 3]
    assert chips["share"] == pytest.approx(2 / 3)
    assert (chips["ci_low"], chips["ci_high"]) == pytest.approx((0.2077, 0.9385), abs=1e-4)  # Wilson 2/3
    assert chips["sent_share"] == pytest.approx(1 / 3)
    assert (chips["sent_ci_low"], chips["sent_ci_high"]) == pytest.approx((0.1206, 0.6458), abs=1e-4)
    one = row(cov, period="2022", theme="chips")  # 1 of 1: [1 / (1 + z²), 1]
    assert (one["share"], one["ci_low"], one["ci_high"]) == pytest.approx((1.0, 0.20655, 1.0), abs=1e-5)
    none = row(cov, period="2021", theme="robots")
    none_ci = (none["n_coded"], none["ci_low"], none["ci_high"])
    assert none_ci == pytest.approx((0, 0.0, 0.56150), abs=1e-5)  # 0 of 3: [0, z²/(n + z²)]
    assert cov.loc[cov["theme"] == "chips", "n_coded"].sum() == 3  # d1, d2, d4; d5 is undated


def test_coverage_by_group_and_an_empty_period():
    cov = trends.coverage_by_period(place("month", by="publisher"), MATCHES, themes=["chips"])
    assert set(cov["group"]) == {"A", "B"} and len(cov) == 2 * 11
    assert row(cov, period="2021-03", group="A")[["n_docs", "n_coded"]].tolist() == [1, 1]
    assert row(cov, period="2022-01", group="A")["n_docs"] == 0
    assert pd.isna(row(cov, period="2022-01", group="A")["share"])


def test_mentions_stance_and_claims_per_period():
    placed = place("year")
    men = trends.mentions_by_period(placed, MENTIONS, entities=["Putin", "Yandex"])
    putin = row(men, period="2021", entity="Putin")
    assert putin[["n_docs", "n_mentions", "n_docs_mentioning"]].tolist() == [3, 2, 1]
    assert putin["share"] == pytest.approx(1 / 3)
    hits = pd.DataFrame({"doc_id": ["d1", "d1", "d1", "d2", "d3"],
                         "sent_id": ["d1-s1", "d1-s2", "d1-s3", "d2-s1", "d3-s1"],
                         "cue": ["lead", "lag", "gap", "best", "behind"],
                         "contribution": [1.0, -1.0, -1.0, 2.0, -1.0]})
    st = trends.stance_by_period(placed, hits)
    y21 = row(st, period="2021")  # scores -1/3, 1, -1: mean -1/9, sd 1.01835, t(0.975, 2) 4.30265
    assert y21[["n_docs", "n_scored"]].tolist() == [3, 3]
    assert (y21["mean_score"], y21["ci_low"], y21["ci_high"]) == pytest.approx((-1 / 9, -2.6408, 2.4186),
                                                                               abs=1e-4)
    assert row(st, period="2022")["n_scored"] == 0 and pd.isna(row(st, period="2022")["ci_low"])
    claims = pd.DataFrame({"doc_id": ["d1", "d4", "d4", "d5"],
                           "sent_id": ["d1-s1", "d4-s1", "d4-s2", "d5-s1"],
                           "kind": ["money", "percent", "percent", "money"]})
    cl = trends.claims_by_period(placed, claims)
    assert row(cl, period="2022", kind="percent")[["n_claims", "n_docs_citing"]].tolist() == [2, 1]
    assert cl["n_claims"].sum() == 3  # d5's figure is undated: not placed
    assert trends.attach_periods(claims, placed)["period"].tolist() == ["2021", "2022", "2022"]


def test_first_mentions_share_the_first_place_when_dates_overlap():
    first = trends.first_mentions(place("year"), MATCHES, MENTIONS).set_index(["kind", "item"])
    chips = first.loc[("theme", "chips")]
    assert chips["first_docs"] == "d2, d1" and chips["is_tied"]  # March 2021 may be before the 15th
    assert chips["first_published"] == "2021-03" and chips["n_docs"] == 3
    assert first.loc[("theme", "sanctions"), "first_docs"] == "d3"
    putin = first.loc[("entity", "Putin")]
    assert putin["first_docs"] == "d1" and not putin["is_tied"] and putin["sent_id"] == "d1-s1"
    assert first.loc[("entity", "Yandex"), "first_published"] == "2022-01-10"


def test_sides_before_and_after_an_event_leave_out_what_cannot_be_told_apart():
    sides = trends.split_documents(place("year"), event="2021-06")
    assert sides[["doc_id", "side"]].values.tolist() == [["d2", "before"], ["d1", "before"], ["d4", "after"]]
    ranges = trends.split_documents(place("year"), a=("2021", "2021"), b=("2022", "2022"))
    assert ranges.groupby("side")["doc_id"].apply(sorted).to_dict() == {"2021": ["d1", "d2", "d3"],
                                                                        "2022": ["d4"]}
    sentences = pd.DataFrame({"doc_id": ["d1", "d2", "d4"], "sent_id": ["a", "b", "c"],
                              "text": ["chips chips", "chips", "sanctions"]})
    change = trends.compare_periods(sides, sentences, MATCHES, MENTIONS)
    assert change.names[["entity", "n_docs", "first_doc"]].values.tolist() == [["Yandex", 1, "d4"]]
    chips = change.themes.set_index("theme").loc["chips"]
    assert chips[["n_coded_a", "n_docs_a", "n_coded_b", "n_docs_b"]].tolist() == [2, 2, 1, 1]
    assert chips["p_value"] == pytest.approx(1.0) and chips["change"] == "no clear change"
    assert set(change.terms["side"]) <= {"before", "after"}


def test_a_theme_that_rose_is_found_with_fishers_exact_test():
    sides = pd.DataFrame({"doc_id": [f"x{i}" for i in range(20)], "side": ["A"] * 10 + ["B"] * 10})
    matches = pd.DataFrame({"doc_id": [f"x{i}" for i in range(10, 18)], "sent_id": "s", "theme": "chips"})
    out = trends.compare_themes(sides, matches).set_index("theme").loc["chips"]
    assert out["p_value"] == pytest.approx(90 / 125970)  # 2 x C(10,0)C(10,8)/C(20,8)
    assert out["change"] == "rose" and out["difference"] == pytest.approx(0.8)


@pytest.mark.parametrize("call, message", [
    (lambda: place("fortnight"), "period: unknown 'fortnight'; use one of day, week, month, quarter, year"),
    (lambda: place("year", date_from="2030", date_to="2031"),
     "date_from/date_to: no dated article lies between"),
    (lambda: place("year", date_from="2021-13"), "date_from:"),
    (lambda: place("year", by="camp"), "group_by: 'camp' is not a documents column"),
    (lambda: trends.split_documents(place("year"), event="2021-03-15"),
     "no dated article on the side 'before'"),
    (lambda: trends.split_documents(place("year")), "compare: give an event date"),
])
def test_bad_parameters_get_one_line(call, message):
    with pytest.raises(ValueError) as exc:
        call()
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_a_date_range_keeps_documents_whose_whole_date_lies_inside():
    placed = place("month", date_from="2021-03-10", date_to="2022")
    assert placed.set_index("doc_id")["reason"].to_dict() == {
        "d1": "", "d2": "outside the date range", "d3": "outside the date range", "d4": "", "d5": "undated"}
