"""Hand-made gold temporal expressions, shared by the timeline tests and the benchmark.

SEED_GOLD was written by reading the article content of the five seed articles (c.sentences),
not by running the extractor: every temporal expression, with the sentence it is in. The seed
content is sparse in dates: only 003's targets ("by 2030" four times, "by 2026"), its "early
2025", and 004's "The coming years". Phrases such as "long-term", "current", "ongoing",
"Recent public demonstrations", "future restrictions", "Moving forward" or "Earlier remarks" are
not time expressions with a value and are not listed.

TRICKY_CASES are sentences written to exercise every pattern family and every trap, each with
the document it belongs to (TRICKY_DOCUMENTS: different publication dates and precisions) and
the exact expressions expected: (text, value, granularity, mod, kind, is_anchored).
"""

from __future__ import annotations

import pandas as pd

# The columns these gold rows give (extract_dates adds the TimeML columns after them).
BASE_COLUMNS = ["doc_id", "sent_id", "text", "start", "end", "value", "granularity", "mod", "kind",
                "is_anchored", "anchor"]

# sent_id, text, value, granularity, mod, kind  (no seed document with a date has a relative one)
SEED_GOLD = [
    ("003-p01-s02", "by 2030", "2030", "year", "BEFORE", "target"),
    ("003-p07-s01", "by 2030", "2030", "year", "BEFORE", "target"),
    ("003-p13-s04", "by 2030", "2030", "year", "BEFORE", "target"),
    ("003-p19-s03", "early 2025", "2025", "year", "START", "past"),
    ("003-p22-s01", "by 2030", "2030", "year", "BEFORE", "target"),
    ("003-p25-s03", "by 2026", "2026", "year", "BEFORE", "target"),
    ("004-p31-s03", "The coming years", "", "year", "", "vague"),
]

# Dates that appear in the saved pages only as furniture (sidebar teasers, reference list, byline).
SEED_FURNITURE_DATES = ["February 24, 2022", "August 27, 2025", "September 28", "1993-2022",
                        "October 10, 2023", "2025年9月29日"]
SEED_FURNITURE_VALUES = ["2022-02-24", "2025-08-27", "2025-09-28", "1993/2022", "2023-10-10",
                         "2025-09-29"]

TRICKY_DOCUMENTS = [  # doc_id, published, date_precision, language
    ("day", "2025-09-29", "day", "en"),      # a Monday
    ("mon", "2020-12", "month", "en"),
    ("yr", "2019", "year", "en"),
    ("none", "", "unknown", "en"),
    ("ru", "2025-11-20", "day", "ru"),
    ("ja", "2025-10-01", "day", "ja"),
]

P, N, T, V = "past", "present", "target", "vague"

# case id, doc_id, sentence, expected [(text, value, granularity, mod, kind, is_anchored[, start])]
# (start is given only where the text occurs more than once in the sentence)
TRICKY_CASES = [
    # month-day-year, day-month-year, numeric dates
    ("mdy", "none", "Russia invaded Ukraine on February 24, 2022.",
     [("February 24, 2022", "2022-02-24", "day", "", P, False)]),
    ("dmy", "none", "The decree was signed on 24 February 2022 in Moscow.",
     [("24 February 2022", "2022-02-24", "day", "", P, False)]),
    ("mdy_abbrev", "day", "Sept. 3rd, 2024 was the launch date.",
     [("Sept. 3rd, 2024", "2024-09-03", "day", "", P, False)]),
    ("dotted", "none", "The forum opened on 24.11.2023 in Moscow.",
     [("24.11.2023", "2023-11-24", "day", "", P, False)]),
    ("iso", "none", "The registry lists the decision as 2023-11-24.",
     [("2023-11-24", "2023-11-24", "day", "", P, False)]),
    ("slash", "none", "The deadline is 11/24/2023, officials said.",
     [("11/24/2023", "2023-11-24", "day", "", T, False)]),
    # month + year, bare years in year context, ranges, decades
    ("month_year", "none", "In December 2020, Ifri published the report.",
     [("December 2020", "2020-12", "month", "", P, False)]),
    ("month_year_future", "day", "The forum is planned for May 2026.",
     [("May 2026", "2026-05", "month", "", T, False)]),
    ("in_year", "none", "Russia adopted its first AI strategy in 2019.",
     [("2019", "2019", "year", "", P, False)]),
    ("since_year", "none", "Investment has grown since 2022.",
     [("since 2022", "2022", "year", "AFTER", P, False)]),
    ("by_year", "none", "The government aims to double compute by 2030.",
     [("by 2030", "2030", "year", "BEFORE", T, False)]),
    ("until_year", "none", "Funding will continue until 2027.",
     [("until 2027", "2027", "year", "BEFORE", T, False)]),
    ("by_past", "none", "By 2015, Russia had spent billions on research.",
     [("By 2015", "2015", "year", "BEFORE", P, False)]),
    ("before_year", "none", "Before 2014, cooperation with Europe was close.",
     [("Before 2014", "2014", "year", "BEFORE", P, False)]),
    ("after_year", "none", "After 2030, the plan envisages full autonomy.",
     [("After 2030", "2030", "year", "AFTER", T, False)]),
    ("two_years", "none", "The Gigachat model was released in 2023 and upgraded during 2024.",
     [("2023", "2023", "year", "", P, False), ("2024", "2024", "year", "", P, False)]),
    ("range_to", "none", "The program ran from 2019 to 2022.",
     [("2019 to 2022", "2019/2022", "year", "", P, False)]),
    ("range_dash", "none", "How the Russian Army Changed its Concept of War, 1993–2022",
     [("1993–2022", "1993/2022", "year", "", P, False)]),
    ("range_between", "none", "Output doubled between 2015 and 2018.",
     [("between 2015 and 2018", "2015/2018", "year", "", P, False)]),
    ("range_short", "none", "Enrolment rose in the 2023-24 academic year.",
     [("2023-24", "2023/2024", "year", "", P, False)]),
    ("decade", "none", "Soviet cybernetics flourished in the 1960s.",
     [("the 1960s", "196", "decade", "", P, False)]),
    ("decade_early", "none", "Many engineers emigrated in the early 1990s.",
     [("the early 1990s", "199", "decade", "START", P, False)]),
    # quarters, halves, seasons, early/mid/late
    ("quarter", "day", "Revenue grew in Q1 2025.",
     [("Q1 2025", "2025-Q1", "quarter", "", P, False)]),
    ("quarter_words", "day", "Results for the fourth quarter of 2025 are expected in January.",
     [("the fourth quarter of 2025", "2025-Q4", "quarter", "", T, False),
      ("January", "2026-01", "month", "", T, True)]),
    ("quarter_partial", "day", "Sales peaked in the second quarter.",
     [("the second quarter", "2025-Q2", "quarter", "", P, True)]),
    ("half", "none", "The first half of 2025 saw record investment.",
     [("The first half of 2025", "2025-H1", "half", "", P, False)]),
    ("season", "none", "Construction will start in spring 2026.",
     [("spring 2026", "2026-SP", "season", "", T, False)]),
    ("season_of", "day", "The summer of 2024 brought new sanctions.",
     [("The summer of 2024", "2024-SU", "season", "", P, False)]),
    ("early_year", "none", "Cooperation with China was ordered in early 2025.",
     [("early 2025", "2025", "year", "START", P, False)]),
    ("mid_year", "none", "Work on the model began in mid-2023.",
     [("mid-2023", "2023", "year", "MID", P, False)]),
    ("late_year", "none", "Prices fell in late 2024.",
     [("late 2024", "2024", "year", "END", P, False)]),
    ("end_of", "none", "The law takes effect by the end of 2025.",
     [("by the end of 2025", "2025", "year", "END", T, False)]),
    ("around", "none", "Around 2030, demand will peak.",
     [("Around 2030", "2030", "year", "APPROX", T, False)]),
    # CJK
    ("cjk_day", "ja", "会議は2025年9月29日に東京で開かれた。",
     [("2025年9月29日", "2025-09-29", "day", "", P, False)]),
    ("cjk_year", "ja", "計画は2030年までに完了する予定だ。",
     [("2030年", "2030", "year", "", T, False)]),
    ("cjk_partial", "ja", "新しい法律は9月29日に発表された。",
     [("9月29日", "2025-09-29", "day", "", P, True)]),
    ("cjk_month", "none", "The byline read 2025年9月.",
     [("2025年9月", "2025-09", "month", "", P, False)]),
    # Russian
    ("ru_day", "ru", "Путин объявил о создании альянса 19 ноября 2025 г.",
     [("19 ноября 2025 г.", "2025-11-19", "day", "", P, False)]),
    ("ru_by", "ru", "К 2030 году Россия планирует увеличить вклад ИИ в ВВП.",
     [("К 2030 году", "2030", "year", "BEFORE", T, False)]),
    ("ru_month", "ru", "Стратегия была принята в октябре 2019 года.",
     [("октябре 2019 года", "2019-10", "month", "", P, False)]),
    ("ru_since", "ru", "С 2022 года действуют санкции.",
     [("С 2022 года", "2022", "year", "AFTER", P, False)]),
    ("ru_last_year", "ru", "В прошлом году инвестиции выросли.",
     [("прошлом году", "2024", "year", "", P, True)]),
    ("ru_end_of", "ru", "Решение примут до конца 2026 года.",
     [("до конца 2026 года", "2026", "year", "END", T, False)]),
    # TimeML: "годы" belongs to the decade phrase ("the 1990s"), so the expression is "1990-е годы"
    ("ru_decade", "ru", "В 1990-е годы многие уехали.",
     [("1990-е годы", "199", "decade", "", P, False)]),
    # relative expressions with a day-precision anchor (2025-09-29, a Monday)
    ("weekday", "day", "Putin spoke on Wednesday.",
     [("Wednesday", "2025-09-24", "day", "", P, True)]),
    ("last_year", "day", "Last year, Russia invested more.",
     [("Last year", "2024", "year", "", P, True)]),
    ("next_month", "day", "The rules will change next month.",
     [("next month", "2025-10", "month", "", T, True)]),
    ("yesterday", "day", "The decree was signed yesterday.",
     [("yesterday", "2025-09-28", "day", "", P, True)]),
    ("today", "day", "Today the ministry publishes its plan.",
     [("Today", "2025-09-29", "day", "", N, True)]),
    ("next_week", "day", "The summit takes place next week.",
     [("next week", "2025-W41", "week", "", T, True)]),
    ("month_day", "day", "Elections were held on September 28.",
     [("September 28", "2025-09-28", "day", "", P, True)]),
    ("day_month", "day", "The forum opened on 5 March.",
     [("5 March", "2025-03-05", "day", "", P, True)]),
    ("years_ago", "day", "Two years ago the lab opened.",
     [("Two years ago", "2023", "year", "", P, True)]),
    ("months_ago", "day", "Three months ago, the fund opened.",
     [("Three months ago", "2025-06", "month", "", P, True)]),
    ("next_years", "day", "Spending will rise over the next five years.",
     [("the next five years", "2025/2030", "year", "", T, True)]),
    ("past_decades", "day", "Over the past two decades, Russia lagged behind.",
     [("the past two decades", "2005/2025", "year", "", P, True)]),
    ("earlier_this", "day", "Earlier this year, the ministry set up a fund.",
     [("Earlier this year", "2025", "year", "", P, True)]),
    ("this_year", "day", "This year, the budget is larger.",
     [("This year", "2025", "year", "", N, True)]),
    ("coming_years", "day", "In the coming years, Russia will build data centres.",
     [("the coming years", "", "year", "", V, False)]),
    ("recent_years", "day", "In recent years, talent has left.",
     [("recent years", "", "year", "", V, False)]),
    ("may_month", "day", "May we begin? In May, the Duma met.",
     [("May", "2025-05", "month", "", P, True, 17)]),  # the second "May" (start given)
    # month-precision anchor (2020-12): year and month relatives resolve, day ones do not
    ("mon_last_year", "mon", "Last year, the concept was adopted.",
     [("Last year", "2019", "year", "", P, True)]),
    ("mon_yesterday", "mon", "The decree was signed yesterday.",
     [("yesterday", "", "day", "", P, False)]),
    ("mon_next_month", "mon", "The report will be revised next month.",
     [("next month", "2021-01", "month", "", T, True)]),
    ("mon_weekday", "mon", "Putin spoke on Wednesday.",
     [("Wednesday", "", "day", "", P, False)]),
    # year-precision anchor (2019)
    ("yr_last_year", "yr", "Last year, the concept was adopted.",
     [("Last year", "2018", "year", "", P, True)]),
    ("yr_next_month", "yr", "The next month will be decisive.",
     [("The next month", "", "month", "", T, False)]),
    # no publication date: relative expressions stay unresolved
    ("none_last_year", "none", "Last year, Russia invested more.",
     [("Last year", "", "year", "", P, False)]),
    ("none_month_day", "none", "Elections were held on September 28.",
     [("September 28", "XXXX-09-28", "day", "", P, False)]),
    ("none_next_month", "none", "The rules will change next month.",
     [("next month", "", "month", "", T, False)]),
    ("none_weekday", "none", "Putin spoke on Wednesday.",
     [("Wednesday", "", "day", "", P, False)]),
    # traps: nothing here is a date
    # "now" is a TimeML expression (PRESENT_REF); "may", "second" and "to" are not
    ("trap_words", "day", "Russia may now second the motion to expand funding.",
     [("now", "", "", "", N, False)]),
    ("trap_amounts", "day", "AI could add 11 trillion rubles, or 2.5 million jobs, using 10,000 GPUs.", []),
    ("trap_versions", "day", "GPT-4 and YandexGPT 5 compete; the report runs to 250 pages.", []),
    ("trap_number", "day", "Russie.Nei.Reports, No. 34, Ifri.", []),
    ("trap_retrieved", "day", "Retrieved October 10, 2023.", []),
    ("trap_accessed", "day", "Accessed 2023-11-24.", []),
    ("trap_grew_by", "day", "Employment grew by 2000 jobs in the region.", []),
    ("trap_people", "day", "The company employs 2024 people.", []),
    ("trap_price", "day", "It costs $2025 per unit.", []),
    ("trap_second", "day", "The task force met for a second time, and now plans to report.",
     [("now", "", "", "", N, False)]),
    ("trap_to", "day", "Scores rose to 2030 points in the benchmark.", []),
]


def tricky_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tricky cases as a (sentences, documents) pair of tables, one sentence per case."""
    sentences = pd.DataFrame({
        "doc_id": [doc for _, doc, _, _ in TRICKY_CASES],
        "para_id": [f"{doc}-p01" for _, doc, _, _ in TRICKY_CASES],
        "sent_id": [f"{doc}-{case}" for case, doc, _, _ in TRICKY_CASES],
        "role": "paragraph",
        "text": [text for _, _, text, _ in TRICKY_CASES],
    })
    documents = pd.DataFrame(TRICKY_DOCUMENTS, columns=["doc_id", "published", "date_precision",
                                                        "language"])
    return sentences, documents


def _rows(items, sentence_of, anchor_of) -> pd.DataFrame:
    rows = []
    for doc_id, sent_id, text, value, granularity, mod, kind, is_anchored, *given in items:
        start = given[0] if given else sentence_of[sent_id].index(text)
        assert sentence_of[sent_id][start:start + len(text)] == text, (sent_id, text)
        rows.append((doc_id, sent_id, text, start, start + len(text), value, granularity, mod, kind,
                     is_anchored, anchor_of.get(doc_id, "") if is_anchored else ""))
    columns = ["doc_id", "sent_id", "text", "start", "end", "value", "granularity", "mod", "kind",
               "is_anchored", "anchor"]
    return pd.DataFrame(rows, columns=columns).astype({
        "doc_id": "str", "sent_id": "str", "text": "str", "start": "int64", "end": "int64",
        "value": "str", "granularity": "str", "mod": "str", "kind": "str", "is_anchored": "bool",
        "anchor": "str"})


def tricky_expected() -> pd.DataFrame:
    """Every expected row of the tricky cases, in the columns extract_dates returns."""
    sentences, documents = tricky_tables()
    sentence_of = dict(zip(sentences["sent_id"], sentences["text"]))
    anchor_of = dict(zip(documents["doc_id"], documents["published"]))
    items = [(doc, f"{doc}-{case}", *row) for case, doc, _, rows in TRICKY_CASES for row in rows]
    return _rows(items, sentence_of, anchor_of)


def seed_expected(sentences: pd.DataFrame) -> pd.DataFrame:
    """The seed gold as extract_dates rows (start/end found in the given sentences table)."""
    sentence_of = dict(zip(sentences["sent_id"], sentences["text"]))
    items = [(sent_id[:3], sent_id, text, value, granularity, mod, kind, False)
             for sent_id, text, value, granularity, mod, kind in SEED_GOLD]
    return _rows(items, sentence_of, {})


# Held out: written after the extractor's rules were settled and NOT used by the tests, so the
# benchmark can report an honest score on sentences the rules were not tuned on. The gold is what
# a reader following the conventions above would mark, including expressions the grammar does
# not cover ("before the end of the year", "within two years", "2026年春").
HELDOUT_CASES = [
    ("h_strategy", "day",
     "The national AI strategy, first adopted in October 2019, was updated in February 2024.",
     [("October 2019", "2019-10", "month", "", P, False),
      ("February 2024", "2024-02", "month", "", P, False)]),
    ("h_tuesday", "day",
     "Sberbank said on Tuesday that GigaChat 2.0 would be released before the end of the year.",
     [("Tuesday", "2025-09-23", "day", "", P, True),
      ("before the end of the year", "2025", "year", "END", T, True)]),
    ("h_between", "none", "Between 2018 and 2021, Yandex tripled its research staff.",
     [("Between 2018 and 2021", "2018/2021", "year", "", P, False)]),
    ("h_goal", "none", "The roadmap sets a goal of 100,000 AI specialists a year by 2030.",
     [("by 2030", "2030", "year", "BEFORE", T, False)]),
    ("h_quarter", "day", "In the third quarter of 2025, investment in data centres slowed.",
     [("the third quarter of 2025", "2025-Q3", "quarter", "", P, False)]),
    ("h_weeks_ago", "mon", "The Kremlin announced the programme three weeks ago.",
     [("three weeks ago", "", "week", "", P, False)]),
    ("h_next_year", "mon", "A new version of the strategy is due next year.",
     [("next year", "2021", "year", "", T, True)]),
    ("h_schools", "day", "On 1 September, schools began teaching AI basics.",
     [("1 September", "2025-09-01", "day", "", P, True)]),
    ("h_patents", "none", "Russia's share of global AI patents fell from 2% in 2015 to under 1% in 2023.",
     [("2015", "2015", "year", "", P, False), ("2023", "2023", "year", "", P, False)]),
    ("h_after", "none", "The sanctions imposed after February 2022 cut access to Nvidia chips.",
     [("after February 2022", "2022-02", "month", "AFTER", P, False)]),
    ("h_within", "day", "Officials expect the first results within two years.",
     [("within two years", "2025/2027", "year", "", T, True)]),
    ("h_mid_decade", "none", "The institute was founded in the mid-1990s.",
     [("the mid-1990s", "199", "decade", "MID", P, False)]),
    ("h_ru_year", "ru", "В 2024 году объём рынка ИИ вырос на 25%.",
     [("2024 году", "2024", "year", "", P, False)]),
    ("h_ru_day", "ru", "Новая стратегия была утверждена 15 февраля 2024 года.",
     [("15 февраля 2024 года", "2024-02-15", "day", "", P, False)]),
    ("h_putin_2017", "day",
     "Putin first spoke about AI leadership in 2017, saying whoever leads will rule the world.",
     [("2017", "2017", "year", "", P, False)]),
    ("h_mid_2026", "none", "Yandex plans to launch the model by mid-2026.",
     [("by mid-2026", "2026", "year", "MID", T, False)]),
    ("h_last_week", "day", "Last week, the ministry published draft rules.",
     [("Last week", "2025-W39", "week", "", P, True)]),
    ("h_applications", "day", "Applications open on October 15 and close on November 30.",
     [("October 15", "2025-10-15", "day", "", T, True), ("November 30", "2025-11-30", "day", "", T, True)]),
    ("h_project", "none", "The 2021–2024 federal project on AI received 36 billion rubles.",
     [("2021–2024", "2021/2024", "year", "", P, False)]),
    ("h_trap", "none", "Moscow may now host the summit for a second year.", []),
    ("h_decree", "none", "A 2019 decree, No. 490, set the strategy.",
     [("2019", "2019", "year", "", P, False)]),
    ("h_august", "day", "Spending rose 12% year on year in August.",
     [("August", "2025-08", "month", "", P, True)]),
    ("h_2030s", "none", "Experts forecast that by the 2030s Russia will lag a decade behind.",
     [("by the 2030s", "203", "decade", "BEFORE", T, False)]),
    ("h_ja_spring", "ja", "同社は2026年春に新モデルを発表する予定だ。",
     [("2026年春", "2026-SP", "season", "", T, False)]),
    ("h_forum", "day", "The forum takes place from 19 to 21 November.",
     [("19 to 21 November", "2025-11-19/2025-11-21", "day", "", T, True)]),
]


def heldout_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The held-out cases as (sentences, documents, expected rows)."""
    sentences = pd.DataFrame({
        "doc_id": [doc for _, doc, _, _ in HELDOUT_CASES],
        "sent_id": [f"{doc}-{case}" for case, doc, _, _ in HELDOUT_CASES],
        "text": [text for _, _, text, _ in HELDOUT_CASES],
    })
    documents = pd.DataFrame(TRICKY_DOCUMENTS, columns=["doc_id", "published", "date_precision",
                                                        "language"])
    sentence_of = dict(zip(sentences["sent_id"], sentences["text"]))
    anchor_of = dict(zip(documents["doc_id"], documents["published"]))
    items = [(doc, f"{doc}-{case}", *row) for case, doc, _, rows in HELDOUT_CASES for row in rows]
    return sentences, documents, _rows(items, sentence_of, anchor_of)
