"""The events file (data/events.csv): checked on load with one-line errors, drawn on every figure."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import corpus, themes, timeline, trends

HEADER = "date,precision,label,source\n"


def write(tmp_path, body):
    path = tmp_path / "events.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_the_shipped_events_load_in_date_order():
    events = trends.load_events()
    assert events["date"].tolist()[:2] == ["2019-10-10", "2022-02-24"]
    assert "2025-11-19" in events["date"].tolist()
    assert events["source"].str.startswith("http").all() and (events["label"] != "").all()
    assert events["first"].is_monotonic_increasing


def test_precision_is_read_off_the_date_when_left_empty(tmp_path):
    events = trends.load_events(write(tmp_path, "2024-02,,Strategy updated,\n2019,year,Strategy,\n"))
    assert events[["date", "precision", "row"]].values.tolist() == [["2019", "year", 3],
                                                                    ["2024-02", "month", 2]]
    assert events.loc[1, "last"] == pd.Timestamp("2024-02-29")
    assert trends.select_events(events, "2020", "2030")["date"].tolist() == ["2024-02"]


@pytest.mark.parametrize("body, message", [
    ("2024-13-01,day,A,\n", "events.csv row 2: date '2024-13-01' is not a calendar date"),
    ("15.02.2024,day,A,\n", "events.csv row 2: date '15.02.2024' is not an ISO date"),
    ("2024-02-15,month,A,\n", "row 2: precision 'month' does not match the date '2024-02-15' (day)"),
    ("2024-02-15,day,,\n", "row 2 (2024-02-15): empty label"),
    ("2024-02-15,day,A,kremlin.ru\n", "source 'kremlin.ru' is not a URL"),
    (",day,A,\n", "row 2: empty date"),
])
def test_a_bad_row_is_one_line_naming_the_file_and_row(tmp_path, body, message):
    with pytest.raises(trends.EventsError) as exc:
        trends.load_events(write(tmp_path, body))
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_a_missing_file_or_column_is_one_line(tmp_path):
    with pytest.raises(trends.EventsError, match="events file not found"):
        trends.load_events(tmp_path / "none.csv")
    (tmp_path / "bad.csv").write_text("date,label\n2024,A\n", encoding="utf-8")
    with pytest.raises(trends.EventsError, match="missing column 'precision'"):
        trends.load_events(tmp_path / "bad.csv")


def dashed_lines(ax):
    return [line for line in ax.get_lines() if line.get_linestyle() == "--"]


def test_every_over_time_figure_draws_the_events():
    c = corpus.load_corpus()
    placed = trends.place_documents(timeline.publication_dates(c), c.documents, period="year")
    matches = themes.code_sentences(c.sentences, themes.load_codebook(), c.documents)
    events = trends.load_events()
    coverage = trends.coverage_by_period(placed, matches, themes=["sanctions", "sovereignty"])
    mentions = pd.DataFrame({"doc_id": ["000"], "sent_id": ["000-p01-s01"], "entity": ["Russia"]})
    figures = [trends.plot_counts(trends.count_by_period(placed), events),
               trends.plot_coverage(coverage, events),
               trends.plot_mentions_over_time(trends.mentions_by_period(placed, mentions), events),
               trends.plot_stance_over_time(trends.stance_by_period(placed, pd.DataFrame(
                   {"doc_id": ["000"], "sent_id": ["000-p01-s01"], "cue": ["lag"], "contribution": [-1.0]})),
                   events)]
    for fig in figures:
        for ax in [a for a in fig.axes if a.get_visible()]:
            assert len(dashed_lines(ax)) == len(events)
            low, high = ax.get_xlim()
            epoch = pd.Timestamp("1970-01-01").toordinal()
            days = [pd.Timestamp(x).toordinal() - epoch for x in events["first"]]
            assert low < min(days) and max(days) < high  # every event is inside the axes
        assert "Decree No. 490" in "".join(t.get_text() for t in fig.texts)
        plt.close(fig)
