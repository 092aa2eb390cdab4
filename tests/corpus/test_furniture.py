"""Each kind of page-furniture evidence and the context pass, on small inline pages."""

import pandas as pd
import pytest

from helpers.corpus import furniture
from tests.corpus.test_cleaning import BODY, classify

OTHER = "Officials said the new data centres would be built near small nuclear power plants."
MENU = "World\nBusiness\nTech\nCulture\n"


def row(out: pd.DataFrame, line: int) -> pd.Series:
    return out.set_index("line_start").loc[line]


def test_count_tokens_counts_function_words_and_cjk_characters():
    counts = furniture.count_tokens(pd.Series(["The cat and the Dog", "俄罗斯的模型", "Share X"]),
                                    frozenset({"share", "x"}))
    assert counts["n_words"].tolist() == [5, 3, 2]    # six CJK characters count three words
    assert counts["n_stop"].tolist() == [3, 1, 0]     # the, and, the; 的
    assert counts["n_caps"].tolist() == [2, 0, 2]
    assert counts["n_cjk"].tolist() == [0, 6, 0]
    assert counts["n_buttons"].tolist() == [0, 0, 2]


def test_count_parts_splits_rows_but_not_quotes():
    rows = pd.Series(["Home » AI » Russia", "» News | Tech", "Poutine veut une IA « souveraine »",
                      "Plain line", "Фото: Евгений Разумный / Ведомости"])
    assert furniture.count_parts(rows).tolist() == [3, 2, 1, 1, 2]


@pytest.mark.parametrize("line, stamp", [
    ("Bitcoin Holds Near $71,000 as Traders Eye Fed 20 minutes ago", "20 minutes ago"),
    ("3 Mins Read", "3 Mins Read"),
    ("1,560 Views", "1,560 Views"),
    ("Рубль укрепился к доллару 2 часа назад", "2 часа назад"),
    ("Ölpreis steigt nach Opec-Entscheidung vor 25 Minuten", "vor 25 Minuten"),
    ("人工智能助力智慧城市建设 2小时前", "2小时前"),
    ("Markets close 12:45", "12:45"),
])
def test_timestamps_and_counters_are_metadata(line, stamp):
    out = classify(f"{BODY}\n{OTHER}\n{line}\nSubscribe")
    assert row(out, 3)["role"] == "metadata"
    assert row(out, 3)["reason"] == f"timestamp or counter '{stamp}'"


def test_a_time_inside_a_sentence_of_the_article_is_not_a_stamp():
    out = classify(f"{BODY}\nThe first session opened at 10:30 in the main hall of the forum today.\n"
                   f"{OTHER}")
    assert out["role"].tolist() == ["paragraph"] * 3


def test_rows_split_by_separators_are_furniture_but_guillemets_are_quotes():
    out = classify(f"Home » AI & Censorship » Russia\n{BODY}\n{OTHER}\n"
                   "Russie : Poutine veut une IA « souveraine » et rapide\n{BODY} Again.".replace(
                       "{BODY}", BODY))
    assert row(out, 1)["role"] == "boilerplate"
    assert row(out, 1)["reason"] == "row of 3 items split by separators (» | • /)"
    assert row(out, 4)["is_content"]


def test_a_run_of_short_lines_is_a_menu_and_a_single_short_heading_between_paragraphs_is_not():
    out = classify(f"{MENU}The Title of the Story Today\n{BODY}\nSanctions\n{OTHER}")
    assert out["role"].tolist()[:4] == ["boilerplate"] * 4
    assert set(out["reason"][:4]) == {"menu run: 4 short lines in a row"}
    assert row(out, 5)["role"] == "title"
    assert row(out, 7)["role"] == "heading"
    assert row(out, 7)["reason"].endswith("short line between article paragraphs")


def test_a_row_of_share_buttons_and_a_site_word_are_furniture():
    out = classify(f"{BODY}\n{OTHER}\nFacebook Twitter LinkedIn Email\n© 2025 Agency. All rights "
                   "reserved. Republishing is not allowed without written consent.")
    assert row(out, 3)["reason"] == "row of share buttons or site links"
    assert row(out, 4)["reason"] == "site furniture word 'all rights reserved'"  # longest first
    assert not out["is_content"][2:].any()


def test_a_short_line_repeated_on_the_page_is_a_menu_item():
    out = classify(f"Markets\nSanctions bite Russian chip makers hard\n{BODY}\n{OTHER}\nAbout\nMarkets\n")
    assert row(out, 6)["reason"] == "short line repeated on the page (a menu shown twice)"
    assert not row(out, 1)["is_content"]


def test_byline_like_lines_in_other_languages_are_metadata():
    out = classify(f"Moscou mise sur l'IA pour contourner les sanctions\nPar Claire Dubois\n{BODY}\n"
                   f"{OTHER}")
    assert row(out, 2)["role"] == "metadata" and row(out, 2)["reason"] == "byline-like line"
    assert row(out, 1)["role"] == "title"


def test_short_lines_after_the_article_text_are_furniture():
    out = classify(f"{BODY}\n{OTHER}\nMore headlines from the region\nSubscribe")
    assert row(out, 3)["role"] == "boilerplate"
    assert row(out, 3)["reason"] == "short line after article text, before furniture"


def test_a_short_sentence_next_to_the_article_is_kept_and_among_furniture_is_not():
    out = classify(f"{MENU}{BODY}\nThat is not nothing.\n{OTHER}\nSave\nShare\nIt is free to join.\n"
                   "Login\nSearch\nContact")
    assert row(out, 6)["reason"] == "running text; short sentence next to article text"
    assert row(out, 10)["reason"] == "short sentence among furniture"


def test_prose_far_after_the_article_is_an_isolated_notice():
    notice = "All quotes are delayed by at least fifteen minutes for every exchange listed here."
    out = classify(f"{BODY}\n{OTHER}\n{MENU}Privacy\nTerms\n{notice}\nApps")
    assert row(out, 9)["role"] == "boilerplate"
    assert row(out, 9)["reason"] == "isolated prose in the page's tail: 7 blocks after other article text"


def test_one_or_two_words_right_before_the_article_are_kept_but_uncertain():
    out = classify(f"© 2025 News Corp\nSummary\n{BODY}\n{OTHER}")
    assert row(out, 2)["is_content"] and row(out, 2)["is_uncertain"]
    assert row(out, 2)["reason"].endswith("one or two words just before article text")
    assert out["is_uncertain"].tolist() == [False, True, False, False]


def test_a_page_without_prose_keeps_its_short_blocks_and_marks_them_uncertain():
    out = classify("Title\n\nRussia lags in AI. It invests less.\n")
    assert out["is_content"].tolist() == [True, True]
    assert out["is_uncertain"].tolist() == [True, True]
    assert out["reason"][1].endswith("no prose on the page to compare with: kept")


def test_rules_win_over_evidence():
    out = classify(f"{BODY}\nKeywords: 3 Mins Read\n{OTHER}")
    assert row(out, 2)["reason"] == "metadata label 'Keywords:'"


@pytest.mark.parametrize("phrase", ["Поделиться", "Читайте также", "Teilen", "Lire aussi", "Compartir",
                                    "Leggi anche", "分享", "مشاركة", "Поділитися", "Compartilhar"])
def test_furniture_phrases_in_every_language(phrase):
    out = classify(f"{BODY}\n{phrase}\n{OTHER}")
    assert row(out, 2)["role"] == "boilerplate"
    assert row(out, 2)["reason"] == f"furniture phrase '{phrase}'"


def test_function_words_come_from_the_stopword_files_or_the_package():
    words, cjk = furniture.load_function_words()
    assert {"the", "и", "der", "les", "los", "della", "não", "від", "في"} <= words
    assert "的" in cjk and "home" not in words
