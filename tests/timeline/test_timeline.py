"""Temporal expressions on small inline fixtures with hand-computed answers.

The tricky sentences and their exact expected rows live in tests/timeline_gold.py (the benchmark
scores against the same list); the tests here build the sentences and documents tables from it.
"""

import inspect
import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import timeline
from helpers.timeline import anchoring, figures, grammar, kinds, reading, tables
from tests.timeline import timeline_gold as gold


@pytest.fixture(scope="module")
def tricky_found() -> pd.DataFrame:
    sentences, documents = gold.tricky_tables()
    return timeline.find_dates(sentences, documents)


def table(rows: list[tuple], published: str = "", precision: str = "unknown",
          language: str = "en") -> tuple[pd.DataFrame, pd.DataFrame]:
    """A one-document corpus: sentences (doc 'd', one per text) and its documents row."""
    sentences = pd.DataFrame({"doc_id": "d", "sent_id": [f"d-s{i}" for i in range(len(rows))],
                              "text": rows})
    documents = pd.DataFrame({"doc_id": ["d"], "published": [published],
                              "date_precision": [precision], "language": [language]})
    return sentences, documents


def expressions(found: pd.DataFrame) -> list[tuple]:
    return list(found[["text", "value", "granularity", "mod", "kind", "is_anchored"]]
                .itertuples(index=False, name=None))


@pytest.mark.parametrize("case", gold.TRICKY_CASES, ids=[c[0] for c in gold.TRICKY_CASES])
def test_each_tricky_sentence_gives_exactly_its_expected_rows(case, tricky_found):
    case_id, doc_id, _, expected = case
    got = tricky_found[tricky_found["sent_id"] == f"{doc_id}-{case_id}"]
    assert [row[:6] for row in expressions(got)] == [tuple(e[:6]) for e in expected]


def test_the_whole_tricky_table_is_exactly_the_gold_table(tricky_found):
    pd.testing.assert_frame_equal(tricky_found[gold.BASE_COLUMNS], gold.tricky_expected())


def test_offsets_point_at_the_expression_in_the_sentence(tricky_found):
    sentences, _ = gold.tricky_tables()
    text_of = dict(zip(sentences["sent_id"], sentences["text"]))
    for row in tricky_found.itertuples():
        assert text_of[row.sent_id][row.start:row.end] == row.text


def test_the_tricky_set_covers_every_family_of_the_grammar(tricky_found):
    # every granularity and modifier the spec names occurs among the expected rows
    assert set(tricky_found["granularity"]) >= {"day", "month", "quarter", "season", "year", "decade"}
    assert set(tricky_found["mod"]) == {"", "START", "MID", "END", "BEFORE", "AFTER", "APPROX"}
    assert set(tricky_found["kind"]) == {"past", "present", "target", "vague"}


def test_columns_and_types_are_stable_also_when_nothing_is_found():
    sentences, documents = table(["Nothing dated here."])
    found = timeline.find_dates(sentences, documents)
    assert list(found.columns) == timeline.DATE_COLUMNS and found.empty
    assert str(found["start"].dtype) == "int64" and str(found["is_anchored"].dtype) == "bool"
    empty = timeline.find_dates(sentences.iloc[:0], documents)
    assert list(empty.columns) == timeline.DATE_COLUMNS and empty.empty


def test_a_newline_inside_a_sentence_does_not_shift_the_other_sentences():
    sentences, documents = table(["Funding ends\nby 2030.", "It began in 2019."])
    found = timeline.find_dates(sentences, documents)
    assert found[["sent_id", "text", "start"]].values.tolist() == [["d-s0", "by 2030", 13],
                                                                   ["d-s1", "2019", 12]]


def test_a_retrieved_line_or_an_access_date_is_metadata_not_an_event():
    sentences, documents = table([
        '"Artificial Intelligence." Financial Times. Retrieved October 10, 2023.',
        "Last updated on 3 March 2021.",
        "Archived from the original on 2019-05-01.",
        "The summit of October 10, 2023 was retrieved from memory.",
    ], "2025-09-29", "day")
    found = timeline.find_dates(sentences, documents)
    assert expressions(found) == [("October 10, 2023", "2023-10-10", "day", "", "past", False)]
    assert found["sent_id"].tolist() == ["d-s3"]


def test_relative_dates_without_a_publication_date_stay_unresolved_and_say_so():
    rows = ["Last year it grew.", "It ends next month.", "We met yesterday.", "Putin spoke on Wednesday.",
            "The vote is on September 28.", "The law came in March.", "Two years ago it began."]
    found = timeline.find_dates(*table(rows))
    assert found["is_anchored"].tolist() == [False] * 7
    assert found["anchor"].tolist() == [""] * 7
    assert found["value"].tolist() == ["", "", "", "", "XXXX-09-28", "XXXX-03", ""]
    # the same sentences with the documents table left out altogether
    assert timeline.find_dates(table(rows)[0])["value"].tolist() == found["value"].tolist()


def test_anchoring_follows_the_precision_of_the_publication_date():
    rows = ["Last year it grew.", "It ends next month.", "We met yesterday.", "Putin spoke on Wednesday.",
            "The vote was on September 28."]
    by_day = timeline.find_dates(*table(rows, "2025-09-29", "day"))
    assert by_day["value"].tolist() == ["2024", "2025-10", "2025-09-28", "2025-09-24", "2025-09-28"]
    assert by_day["anchor"].tolist() == ["2025-09-29"] * 5
    by_month = timeline.find_dates(*table(rows, "2020-12", "month"))
    assert by_month["value"].tolist() == ["2019", "2021-01", "", "", "2020-09-28"]
    assert by_month["is_anchored"].tolist() == [True, True, False, False, True]
    assert by_month["anchor"].tolist() == ["2020-12", "2020-12", "", "", "2020-12"]
    by_year = timeline.find_dates(*table(rows, "2019", "year"))
    assert by_year["value"].tolist() == ["2018", "", "", "", "2019-09-28"]


def test_a_future_cue_sends_a_bare_weekday_or_month_forward():
    rows = ["Putin will speak on Wednesday.", "Results are expected in January.",
            "The vote will be held on September 28.", "The vote was held on September 30."]
    found = timeline.find_dates(*table(rows, "2025-09-29", "day"))
    assert found["value"].tolist() == ["2025-10-01", "2026-01", "2026-09-28", "2024-09-30"]
    assert found["kind"].tolist() == ["target", "target", "target", "past"]


def test_russian_months_are_read_only_as_russian_words():
    rows = ["Решение принято 19 ноября 2025 г. в Москве.", "В мае 2024 года прошёл форум.",
            "Маятник качнулся в 2020 году.", "Статья вышла в 2021 г.", "Маяк 2019 года."]
    found = timeline.find_dates(*table(rows, "2025-11-20", "day", "ru"))
    assert expressions(found) == [
        ("19 ноября 2025 г.", "2025-11-19", "day", "", "past", False),
        ("мае 2024 года", "2024-05", "month", "", "past", False),
        ("2020 году", "2020", "year", "", "past", False),
        ("2021 г.", "2021", "year", "", "past", False),
        ("2019 года", "2019", "year", "", "past", False),
    ]


def test_cjk_dates_need_no_spaces_or_word_boundaries():
    rows = ["会議は2025年9月29日に開かれた。", "2024年に計画が始まった。", "発表は9月29日だった。"]
    found = timeline.find_dates(*table(rows, "2025-10-01", "day", "ja"))
    assert found[["text", "value", "start"]].values.tolist() == [
        ["2025年9月29日", "2025-09-29", 3], ["2024年", "2024", 0], ["9月29日", "2025-09-29", 3]]


def test_numbers_that_only_look_like_dates_are_not_dates():
    rows = ["Revenue rose 15% in 2023.5 terms.", "It reached 2,025 units in 2019,000 cases.",
            "The 31.02.2024 form and February 30, 2024 are invalid.", "A range 2022-2019 runs backwards.",
            "Windows 2000 and Office 2019 shipped.", "In 2000 cases the model failed.",
            "Sales increased by  2025 in the year."]
    found = timeline.find_dates(*table(rows, "2025-09-29", "day"))
    assert found["text"].tolist() == ["the year"], found  # TimeML's DATE for the current year


def test_a_deadline_after_a_change_verb_in_the_future_is_kept():
    found = timeline.find_dates(*table(["The economy will grow by 2030, after it grew by 2000 jobs."]))
    assert expressions(found) == [("by 2030", "2030", "year", "BEFORE", "target", False)]


def test_non_ascii_text_before_an_expression_keeps_character_offsets():
    sentence = "“Суверенный ИИ” — by 2030, says the plan; ещё 2025年."
    found = timeline.find_dates(*table([sentence]))
    assert [(r.text, sentence[r.start:r.end]) for r in found.itertuples()] == [
        ("by 2030", "by 2030"), ("2025年", "2025年")]


def test_no_date_is_ever_taken_from_the_clock():
    for module in (timeline, tables, figures, grammar, anchoring, kinds, reading):
        source = inspect.getsource(module)
        assert not re.search(r"\b(?:today|now|utcnow)\(\)", source), module.__name__
        assert "time.time" not in source


@pytest.mark.parametrize("rel, anchor, precision, expected", [
    (("year", -1), "2025-09-29", "day", ("2024", "year")),
    (("year", -1), "2020", "year", ("2019", "year")),
    (("month", 1), "2025-12", "month", ("2026-01", "month")),
    (("month", 1), "2025", "year", None),
    (("day", -1), "2025-03-01", "day", ("2025-02-28", "day")),
    (("day", -1), "2025-03", "month", None),
    (("week", 1), "2025-12-29", "day", ("2026-W02", "week")),
    (("quarter", -1), "2025-02", "month", ("2024-Q4", "quarter")),
    (("weekday", 2, ""), "2025-10-01", "day", ("2025-10-01", "day")),     # a Wednesday itself
    (("weekday", 2, "past"), "2025-10-01", "day", ("2025-09-24", "day")),
    (("weekday", 2, "future"), "2025-10-01", "day", ("2025-10-08", "day")),
    (("month_of_year", 3, "past"), "2025-03", "month", ("2024-03", "month")),
    (("month_of_year", 3, "future"), "2025-02", "month", ("2025-03", "month")),
    (("ago", 2, "decade"), "2025", "year", ("200", "decade")),
    (("span", 3, "month", "future"), "2025-11", "month", ("2025-11/2026-02", "month")),
    (("season", "WI", "past"), "2025-06", "month", ("2024-WI", "season")),
])
def test_resolve_relative(rel, anchor, precision, expected):
    assert anchoring.resolve_relative(rel, anchor, precision) == expected


@pytest.mark.parametrize("value, first, last", [
    ("2025", "2025-01-01", "2025-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025-Q3", "2025-07-01", "2025-09-30"),
    ("2025-H2", "2025-07-01", "2025-12-31"),
    ("2025-WI", "2025-12-01", "2026-02-28"),
    ("2025-W01", "2024-12-30", "2025-01-05"),
    ("199", "1990-01-01", "1999-12-31"),
    ("1993/2022", "1993-01-01", "2022-12-31"),
    ("2025-09-29", "2025-09-29", "2025-09-29"),
])
def test_value_span(value, first, last):
    a, b = anchoring.value_span(value)
    assert (a.isoformat(), b.isoformat()) == (first, last)


@pytest.mark.parametrize("value", ["", "XXXX-09-28", "XXXX-Q2"])
def test_unresolved_values_have_no_span(value):
    assert anchoring.value_span(value) is None


def test_the_kind_rules_apply_in_their_documented_order():
    plain = grammar.Reading("year", value="2030")
    vague = grammar.Reading("vague", is_vague=True)
    assert kinds.decide_kind(vague, "", "", "", "") == "vague"
    assert kinds.decide_kind(plain, "since", "2030", "", "future") == "past"
    assert kinds.decide_kind(plain, "deadline", "2030", "", "") == "target"
    assert kinds.decide_kind(plain, "deadline", "2015", "2020", "") == "past"
    assert kinds.decide_kind(plain, "", "2019", "2020-12", "future") == "past"
    assert kinds.decide_kind(plain, "", "2030", "2020-12", "past") == "target"
    assert kinds.decide_kind(plain, "", "2030", "", "future") == "target"
    assert kinds.decide_kind(plain, "", "2020", "2020-12", "") == "present"
    assert kinds.decide_kind(plain, "", "2030", "", "") == "past"


def test_the_nearest_cue_in_the_clause_decides():
    sentence = "The plan was adopted in 2019, and it will be reviewed in 2027."
    assert kinds.nearest_cue(sentence, 24, 28) == "past"
    assert kinds.nearest_cue(sentence, 57, 61) == "future"
    # a bare introductory clause ("By 2015,") takes in the next clause
    assert kinds.nearest_cue("By 2015, Russia had spent billions.", 0, 7) == "past"


def test_publication_dates_report_value_precision_and_provenance():
    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "published": ["2025-09-29", "2020-12", ""],
        "date_precision": ["day", "month", ""], "date_source": ["text", "manifest", ""],
        "date_evidence": ["byline", "citation line", "none in the text"]})
    got = timeline.publication_dates(type("C", (), {"documents": documents})())
    assert got.to_dict("list") == {
        "doc_id": ["a", "b", "c"], "value": ["2025-09-29", "2020-12", ""],
        "precision": ["day", "month", "unknown"], "source": ["text", "manifest", ""],
        "evidence": ["byline", "citation line", "none in the text"]}


def test_select_dates_filters_by_overlap_with_the_range_and_by_kind(tricky_found):
    picked = timeline.select_dates(tricky_found, "2026", "2030", kinds=["target"])
    assert sorted(set(picked["value"])) == ["2025/2030", "2026", "2026-01", "2026-05", "2026-SP",
                                            "2027", "2030"]
    assert (picked["kind"] == "target").all()
    assert picked.loc[picked["value"] == "2025/2030", ["first", "last"]].values.tolist() == [
        ["2025-01-01", "2030-12-31"]]
    with pytest.raises(ValueError, match="kinds: unknown"):
        timeline.select_dates(tricky_found, kinds=["future"])
    with pytest.raises(ValueError, match="date_from"):
        timeline.select_dates(tricky_found, "19x0", "2030")
    with pytest.raises(ValueError, match="swap them"):
        timeline.select_dates(tricky_found, "2030", "2020")


def test_select_unresolved_lists_what_cannot_be_placed(tricky_found):
    unresolved = timeline.select_unresolved(tricky_found)
    assert unresolved["sent_id"].tolist() == [
        "day-coming_years", "day-recent_years", "mon-mon_yesterday", "mon-mon_weekday",
        "yr-yr_next_month", "none-none_last_year", "none-none_month_day", "none-none_next_month",
        "none-none_weekday", "day-trap_words", "day-trap_second"]
    assert timeline.select_unresolved(tricky_found, ["vague"])["text"].tolist() == [
        "the coming years", "recent years"]


def test_count_dates_lists_every_document_with_zeros():
    sentences, documents = table(["By 2030 it grows, since 2019 it fell.", "In the coming years."],
                                 "2025-09-29", "day")
    documents = pd.concat([documents, pd.DataFrame({"doc_id": ["e"], "published": [""]})])
    documents["publisher"] = ["Pub D", "Pub E"]
    counts = timeline.count_dates(timeline.find_dates(sentences, documents), documents)
    assert counts.to_dict("list") == {
        "doc_id": ["d", "e"], "publisher": ["Pub D", "Pub E"], "n_past": [1, 0], "n_present": [0, 0],
        "n_target": [1, 0], "n_vague": [1, 0], "n_unresolved": [1, 0], "earliest": ["2019", ""],
        "latest": ["2030", ""]}


def test_list_statements_joins_each_expression_to_its_sentence():
    sentences, documents = table(["By 2030 it grows.", "Nothing."])
    listed = timeline.list_statements(timeline.find_dates(sentences, documents), sentences)
    assert listed.to_dict("records") == [{
        "doc_id": "d", "sent_id": "d-s0", "expression": "By 2030", "value": "2030", "mod": "BEFORE",
        "kind": "target", "is_anchored": False, "sentence": "By 2030 it grows."}]


def test_plot_timeline_draws_events_targets_spans_and_publication_marks(tricky_found):
    _, documents = gold.tricky_tables()
    documents["publisher"] = ["Daily", "Monthly", "Yearly", "", "Vedomosti", "Nikkei"]
    publications = timeline.publication_dates(type("C", (), {"documents": documents})())
    fig = timeline.plot_timeline(tricky_found, documents, publications, "1990", "2035")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["event (past)", "present", "target or projection", "event (past), span",
                      "target or projection, span", "published"]
    assert [t.get_text() for t in ax.get_yticklabels()][3] == "none  (publisher unknown)"
    assert ax.get_xlim() == (1990.0, 2036.0)
    plt.close(fig)
    bare = timeline.plot_timeline(tricky_found.iloc[:0], documents, None, "2000", "2001")
    assert bare.axes[0].get_legend() is None
    plt.close(bare)


def test_a_past_weekday_in_a_paper_of_that_weekday_is_the_same_day_and_last_is_the_week_before():
    rows = ["Russia announced the plan on Thursday.", "Russia announced it last Thursday.",
            "Officials will meet on Thursday."]
    found = timeline.find_dates(*table(rows, "2024-04-11", "day"))  # a Thursday
    assert found["value"].tolist() == ["2024-04-11", "2024-04-04", "2024-04-18"]
    assert found["kind"].tolist() == ["past", "past", "target"]
