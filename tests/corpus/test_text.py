import pandas as pd
import pytest

from helpers import corpus
from helpers.corpus import words


def paragraphs(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["d"] * len(texts),
        "para_id": [f"d-p{i:02d}" for i in range(1, len(texts) + 1)],
        "role": ["paragraph"] * len(texts),
        "text": list(texts),
    })


def split(t: str) -> list[str]:
    return corpus.split_sentences(paragraphs(t))["text"].tolist()


@pytest.mark.parametrize("source, expected", [
    ("Russia lags. China leads.", ["Russia lags.", "China leads."]),
    ("The U.S. and China lead. Russia follows.", ["The U.S. and China lead.", "Russia follows."]),
    ("See Russie.Nei.Reports, No. 34, Ifri. It is short.",
     ["See Russie.Nei.Reports, No. 34, Ifri.", "It is short."]),
    ("Mr. Putin spoke. Dr. Ivanova agreed.", ["Mr. Putin spoke.", "Dr. Ivanova agreed."]),
    ("Tools, e.g. GigaChat, exist. They compete.", ["Tools, e.g. GigaChat, exist.", "They compete."]),
    ("J. Nocetti wrote it. Ifri published it.", ["J. Nocetti wrote it.", "Ifri published it."]),
    ('He said "AI is key." Then he left.', ['He said "AI is key."', "Then he left."]),
    ("It grew “fast.” Others slowed.", ["It grew “fast.”", "Others slowed."]),
    ("Why now? Because of sanctions! Fine.", ["Why now?", "Because of sanctions!", "Fine."]),
    ("Growth was 3.5 percent in 2024. It fell.", ["Growth was 3.5 percent in 2024.", "It fell."]),
    ("It was slow... Then it sped up.", ["It was slow...", "Then it sped up."]),
    ("It ended. and this is lower case.", ["It ended. and this is lower case."]),
    ("ロシアはAIで遅れている。中国は進んでいる。", ["ロシアはAIで遅れている。", "中国は進んでいる。"]),
    ("Россия отстаёт. Китай лидирует.", ["Россия отстаёт.", "Китай лидирует."]),
    ("No punctuation at all here", ["No punctuation at all here"]),
    ("U.S.-Russia tensions rose. Talks ended.", ["U.S.-Russia tensions rose.", "Talks ended."]),
])
def test_split_sentences_handles_abbreviations_quotes_and_scripts(source, expected):
    assert split(source) == expected


def test_sentence_offsets_point_into_the_paragraph():
    paras = paragraphs("  First one.  Second one?  ", "Only one", "A. B. Smith met the U.S. team. Done.")
    sents = corpus.split_sentences(paras)
    by_para = paras.set_index("para_id")["text"]
    for row in sents.itertuples():
        assert by_para[row.para_id][row.start:row.end] == row.text
    assert sents["sent_id"].tolist() == ["d-p01-s01", "d-p01-s02", "d-p02-s01", "d-p03-s01",
                                         "d-p03-s02"]


def test_split_sentences_on_empty_table_returns_the_columns():
    out = corpus.split_sentences(paragraphs())
    assert out.empty
    assert list(out.columns) == ["doc_id", "para_id", "sent_id", "role", "text", "start", "end"]


def test_count_words_counts_inner_apostrophes_and_hyphens_as_one_word():
    assert words.count_words(pd.Series(["Russia's AI-driven push, 2030!", ""])).tolist() == [4, 0]


def test_count_terms_removes_stopwords_numbers_and_possessives():
    sents = pd.DataFrame({
        "doc_id": ["a", "a", "b"], "sent_id": ["a-s1", "a-s2", "b-s1"],
        "text": ["Russia's chips and the chips.", "In 2030 Russia builds chips.", "The chips race"],
    })
    counts = words.count_terms(sents)
    expected = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b"],
        "term": ["chips", "russia", "builds", "chips", "race"],
        "n": [3, 2, 1, 1, 1],
    })
    pd.testing.assert_frame_equal(counts, expected, check_dtype=False)
    top = words.top_terms(counts, n=1)
    assert top[["doc_id", "term", "rank"]].values.tolist() == [["a", "chips", 1], ["b", "chips", 1]]


def test_find_term_matches_word_forms_and_phrases_case_insensitively():
    sents = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": ["a-s1", "a-s2"],
                          "text": ["Sanctions and sanctioned firms.", "Brain  drain; brainstorm."]})
    m = words.find_term(sents, "sanction*")
    assert m[["sent_id", "term", "start", "end"]].values.tolist() == [
        ["a-s1", "Sanctions", 0, 9], ["a-s1", "sanctioned", 14, 24]]
    assert words.find_term(sents, "sanction").empty  # without * only the whole word
    assert words.find_term(sents, "brain drain")["term"].tolist() == ["Brain  drain"]
    with pytest.raises(ValueError, match="term"):
        words.find_term(sents, "  ")


def test_format_kwic_cuts_context_at_words():
    sents = pd.DataFrame({"doc_id": ["a"], "sent_id": ["a-s1"],
                          "text": ["one two three four five TARGET six seven eight nine ten"]})
    kwic = words.format_kwic(sents, words.find_term(sents, "target"), width=12)
    assert kwic[["left", "match", "right"]].values.tolist() == [["…four five ", "TARGET",
                                                                 " six seven…"]]


def test_count_matches_lists_every_document():
    docs = pd.DataFrame({"doc_id": ["a", "b"]})
    matches = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": ["a-s1", "a-s1"]})
    out = words.count_matches(matches, docs)
    assert out.values.tolist() == [["a", 2, 1], ["b", 0, 0]]


def test_count_words_reads_every_script_like_the_python_pattern():
    import re

    samples = pd.Series(["Россия отстаёт в гонке ИИ", "ロシアはAIで遅れている。", "café au lait, ﻿x_y 2030",
                         "روسيا متأخرة", "emoji 🚀 here", "don’t re-use"])
    assert words.count_words(samples).tolist() == [len(re.findall(words.WORD_PATTERN, t)) for t in samples]
