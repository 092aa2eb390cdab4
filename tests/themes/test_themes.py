"""Themes: codebook checks, pattern matching, tables, topics and agreement metrics.

Inline fixtures with hand-computed answers; golden facts about the seed corpus at the end.
"""

import math
import random
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from helpers import themes
from helpers.corpus import words
from helpers.patterns import join_patterns
from helpers.themes.codebook import CodebookError, load_codebook

SMALL_CODEBOOK = """
themes:
  - id: sanctions
    label: Sanctions
    definition: restrictions imposed from abroad
    include: [sanction*, export control*]
  - id: chips
    label: Chips
    definition: semiconductors
    include:
      en: [chip, chips, semiconductor*, data cent*]
      ru: [чип*, полупроводник*]
    exclude:
      en: [chip in]
  - id: security
    label: Security
    definition: national security
    include: [security]
    exclude: [social security]
"""


def write(tmp_path, body: str, name: str = "codebook.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def small_codebook(tmp_path):
    return load_codebook(write(tmp_path, SMALL_CODEBOOK))


def sentences(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [doc_id] * len(texts),
        "para_id": [f"{doc_id}-p{i:02d}" for i in range(1, len(texts) + 1)],
        "sent_id": [f"{doc_id}-p{i:02d}-s01" for i in range(1, len(texts) + 1)],
        "text": list(texts),
    })


def found(matches: pd.DataFrame) -> list[tuple]:
    return list(matches[["sent_id", "theme", "term", "start", "end"]].itertuples(index=False, name=None))


# --- loading and checking the codebook ---------------------------------------------------------

def test_load_codebook_compiles_plain_and_language_mappings(small_codebook):
    cb = small_codebook
    assert cb.ids == ["sanctions", "chips", "security"]
    inc = cb.patterns[cb.patterns["kind"] == "include"]
    assert inc.groupby("theme", sort=False)["language"].agg(lambda s: sorted(set(s))).to_dict() == {
        "sanctions": ["en"], "chips": ["en", "ru"], "security": ["en"]}
    assert cb.source.endswith("codebook.yaml")


@pytest.mark.parametrize("body, message", [
    ("themes:\n  - {id: a, label: A, definition: d, include: [x], colour: red}\n",
     "theme 'a': unknown key 'colour'"),
    ("themes:\n  - {id: a, label: A, definition: d, include: [x]}\n"
     "  - {id: a, label: B, definition: d, include: [y]}\n",
     "theme 'a' is defined twice"),
    ("themes:\n  - {id: a, label: A, definition: d, include: ['  ']}\n",
     "theme 'a': 'include' (en) has an empty pattern"),
    ("themes:\n  - {id: a, label: A, definition: d, include: []}\n",
     "theme 'a': 'include' for language 'en' must be a non-empty list of patterns"),
    ("themes:\n  - {id: a, label: A, definition: d, include: ['re:(?<=x)y']}\n",
     "theme 'a': include (en): pattern 're:(?<=x)y': not a valid RE2 pattern (invalid perl operator"),
    ("themes:\n  - {id: a, label: A, definition: d, include: ['re:(a)\\1']}\n",
     "not a valid RE2 pattern (invalid escape sequence"),
    ("themes:\n  - {id: a, label: A, definition: d, include: ['re:x*']}\n",
     "include (en): pattern 're:x*': it matches the empty string"),
    ("themes:\n  - {id: a, label: A, definition: d, include: [x], exclude: ['a*b']}\n",
     "theme 'a': exclude (en): pattern 'a*b': '*' is allowed only at the end of a word"),
    ("themes:\n  - {id: a, label: A, definition: d, include: {english: [x]}}\n",
     "'include' has language 'english'"),
    ("themes:\n  - {id: a, label: A, include: [x]}\n", "theme 'a': missing 'definition'"),
    ("themes:\n  - {id: A B, label: A, definition: d, include: [x]}\n", "id must be lower-case"),
    ("themes: []\n", "'themes' must be a non-empty list"),
    ("topics: []\n", "unknown top-level key 'topics'"),
    ("themes: [\n", "not valid YAML"),
])
def test_a_bad_codebook_raises_one_line_naming_file_theme_and_pattern(tmp_path, body, message):
    with pytest.raises(CodebookError) as err:
        load_codebook(write(tmp_path, body, "mine.yaml"))
    assert str(err.value).startswith("mine.yaml: ")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_codebook_and_unknown_theme_selection(tmp_path, small_codebook):
    with pytest.raises(CodebookError, match="codebook not found"):
        load_codebook(tmp_path / "nope.yaml")
    with pytest.raises(CodebookError, match="unknown theme 'chip' .*known: sanctions, chips, security"):
        themes.select_themes(small_codebook, ["chip"])
    assert themes.select_themes(small_codebook, ["security", "sanctions"]).ids == ["sanctions", "security"]
    assert themes.select_themes(small_codebook, []).ids == small_codebook.ids


# --- matching ------------------------------------------------------------------------------------

def test_inflected_words_and_multi_word_phrases_match_whole_words_case_insensitively(small_codebook):
    s = sentences("Sanctions, SANCTIONED firms and export-controls bite.",
                  "Microchips are not chips; a chipset is not a chip.",
                  "New data  centres and data-centers.",
                  "Unsanctioned trade.")
    got = found(themes.code_sentences(s, small_codebook))
    assert got == [
        ("d-p01-s01", "sanctions", "sanctions", 0, 9),
        ("d-p01-s01", "sanctions", "sanctioned", 11, 21),
        ("d-p01-s01", "sanctions", "export-controls", 32, 47),
        ("d-p02-s01", "chips", "chips", 19, 24),
        ("d-p02-s01", "chips", "chip", 45, 49),
        ("d-p03-s01", "chips", "data  centres", 4, 17),
        ("d-p03-s01", "chips", "data-centers", 22, 34),
    ]


def test_excludes_drop_only_the_overlapping_match(small_codebook):
    s = sentences("Social security and national security.", "They chip in for chips.",
                  "Social security only.")
    got = found(themes.code_sentences(s, small_codebook))
    assert got == [("d-p01-s01", "security", "security", 29, 37),
                   ("d-p02-s01", "chips", "chips", 17, 22)]


def test_adjacent_matches_and_offsets_with_non_ascii_text(small_codebook):
    s = sentences("“Chips chips” — sanctions’ chip")
    got = themes.code_sentences(s, small_codebook)
    assert found(got) == [("d-p01-s01", "chips", "chips", 1, 6), ("d-p01-s01", "chips", "chips", 7, 12),
                          ("d-p01-s01", "sanctions", "sanctions", 16, 25),
                          ("d-p01-s01", "chips", "chip", 27, 31)]
    assert [s["text"][0][a:b].lower() for a, b in zip(got["start"], got["end"])] == got["term"].tolist()


def test_each_document_is_coded_in_its_own_language_only(small_codebook):
    s = pd.concat([sentences("Чипы и полупроводники; chips.", doc_id="r"),
                   sentences("Chips. Чипы.", doc_id="e"), sentences("Chips.", doc_id="g"),
                   sentences("Chips.", doc_id="u")], ignore_index=True)
    docs = pd.DataFrame({"doc_id": ["r", "e", "g", "u"], "language": ["ru", "en", "de", ""]})
    got = themes.code_sentences(s, small_codebook, docs)
    assert found(got) == [("r-p01-s01", "chips", "чипы", 0, 4),
                          ("r-p01-s01", "chips", "полупроводники", 7, 21),
                          ("e-p01-s01", "chips", "chips", 0, 5), ("u-p01-s01", "chips", "chips", 0, 5)]
    uncoded = themes.list_uncoded_documents(docs, small_codebook)
    assert uncoded.to_dict("records") == [
        {"doc_id": "r", "language": "ru", "problem": "partly coded: language ru has no patterns for: "
                                                     "sanctions, security"},
        {"doc_id": "g", "language": "de", "problem": "not coded: language de has no patterns"}]


def test_raw_regex_patterns_and_paragraph_units(tmp_path):
    cb = load_codebook(write(tmp_path, "themes:\n  - {id: ai, label: AI, definition: d, "
                                       "include: ['re:\\bA\\.?I\\b', 'machine learning']}\n"))
    paras = sentences("AI and A.I. differ from AIR.", "Machine\u00a0learning.").drop(columns="sent_id")
    got = themes.code_sentences(paras, cb, id_column="para_id")
    assert list(got.columns) == ["doc_id", "para_id", "theme", "term", "start", "end"]
    assert got[["para_id", "term", "start"]].values.tolist() == [
        ["d-p01", "ai", 0], ["d-p01", "a.i", 7], ["d-p02", "machine\u00a0learning", 0]]


def test_no_match_returns_the_columns(small_codebook):
    got = themes.code_sentences(sentences("Nothing here."), small_codebook)
    assert got.empty and list(got.columns) == ["doc_id", "sent_id", "theme", "term", "start", "end"]


def test_vectorised_matching_equals_the_exact_search_on_random_mixed_script_text():
    rng = random.Random(3)
    alphabet = list("abcab ") + ["é", "ж", " ", "-", "’", ".", "_", "1", "\x01", "İ", "K"]
    for _ in range(300):
        items = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(12)]
        texts = pa.array(items, type=pa.large_string())
        patterns = [rng.choice(["ab", "abc", "ba", "жа", "aé", "b"]) + rng.choice(["", "*"])
                    + rng.choice(["", " b", " ab*"]) for _ in range(rng.randint(1, 3))]
        fast = themes.find_spans(texts, patterns).sort_values(["row", "start"], ignore_index=True)
        exact = themes.search_spans(texts, *join_patterns(patterns)).sort_values(["row", "start"],
                                                                                 ignore_index=True)
        pd.testing.assert_frame_equal(fast, exact)


# --- tables --------------------------------------------------------------------------------------

@pytest.fixture
def coded(small_codebook):
    s = pd.concat([sentences("Sanctions hit chips.", "Chips, chips, chips.", "National security.", "Nothing.",
                             doc_id="a"),
                   sentences("Sanctions and security.", "Quiet.", doc_id="b")], ignore_index=True)
    return s, themes.code_sentences(s, small_codebook)


def test_tabulate_themes_counts_units_shares_and_rate_per_1k_words(coded, small_codebook):
    s, m = coded
    t = themes.tabulate_themes(m, s, small_codebook)
    # doc a: 4 sentences, 3+3+2+1 = 9 words; doc b: 2 sentences, 3+1 = 4 words
    assert t[["doc_id", "theme", "n_units", "n_coded", "n_matches", "n_words"]].values.tolist() == [
        ["a", "sanctions", 4, 1, 1, 9], ["a", "chips", 4, 2, 4, 9], ["a", "security", 4, 1, 1, 9],
        ["b", "sanctions", 2, 1, 1, 4], ["b", "chips", 2, 0, 0, 4], ["b", "security", 2, 1, 1, 4]]
    assert t["share_coded"].tolist() == [0.25, 0.5, 0.25, 0.5, 0.0, 0.5]
    assert t["per_1k_words"].round(3).tolist() == [111.111, 444.444, 111.111, 250.0, 0.0, 250.0]
    assert themes.pivot_themes(t).loc["chips"].tolist() == [0.5, 0.0]


def test_cooccurrence_counts_and_jaccard(coded, small_codebook):
    _, m = coded
    co = themes.cooccur_themes(m, small_codebook).set_index(["theme_a", "theme_b"])
    # units: a1 {sanctions, chips}, a2 {chips}, a3 {security}, b1 {sanctions, security}
    assert co.loc[("sanctions", "chips")].tolist() == [1, 2, 2, pytest.approx(1 / 3)]
    assert co.loc[("sanctions", "security")].tolist() == [1, 2, 2, pytest.approx(1 / 3)]
    assert co.loc[("chips", "security")].tolist() == [0, 2, 2, 0.0]
    assert co.loc[("chips", "chips")].tolist() == [2, 2, 2, 1.0]
    wide = themes.pivot_cooccurrence(themes.cooccur_themes(m, small_codebook), value="n_both")
    assert wide.to_numpy().tolist() == [[2, 1, 1], [1, 2, 0], [1, 0, 2]]
    assert themes.rank_pairs(themes.cooccur_themes(m, small_codebook)).values.tolist() == [
        ["sanctions", "chips", 1, 0.33], ["sanctions", "security", 1, 0.33]]


def test_retrieve_theme_highlights_the_first_match_and_lists_all_terms(coded):
    s, m = coded
    docs = pd.DataFrame({"doc_id": ["a", "b"], "publisher": ["Ifri (French Institute)", ""]})
    got = themes.retrieve_theme(s, m, "chips", docs, width=8)
    assert got.values.tolist() == [
        ["a", "a Ifri", "a-p01-s01", "chips", "…hit ", "chips", "."],
        ["a", "a Ifri", "a-p02-s01", "chips", "", "Chips", ",…"]]
    sources = themes.retrieve_theme(s, m, "security", docs)["source"].tolist()
    assert sources == ["a Ifri", "b publisher unknown"]


def test_select_units_and_word_counts_agree_with_the_text_module(seed_corpus):
    units, id_column = themes.select_units(seed_corpus.sentences, seed_corpus.paragraphs, "paragraph")
    assert id_column == "para_id" and units is seed_corpus.paragraphs
    with pytest.raises(ValueError, match="unit: 'word'"):
        themes.select_units(seed_corpus.sentences, seed_corpus.paragraphs, "word")
    n_words = words.count_words(seed_corpus.sentences["text"])  # RE2, as tabulate_themes counts
    by_python_re = seed_corpus.sentences["text"].map(lambda t: len(re.findall(words.WORD_PATTERN, t)))
    assert n_words.tolist() == by_python_re.tolist()


# --- topics --------------------------------------------------------------------------------------

def test_topics_are_deterministic_and_align_with_coded_paragraphs(small_codebook):
    paras = sentences("sanctions chips export chips", "sanctions export controls sanctions",
                      "security army security defence", "army defence security army").drop(columns="sent_id")
    topics_a = themes.fit_topics(paras, n_topics=2, n_terms=3, min_df=1, stopwords=frozenset())
    topics_b = themes.fit_topics(paras, n_topics=2, n_terms=3, min_df=1, stopwords=frozenset())
    pd.testing.assert_frame_equal(topics_a.terms, topics_b.terms)
    by_topic = topics_a.terms.groupby("topic")["term"].agg(set)
    assert {"security", "army"} <= by_topic["T1"] | by_topic["T2"]
    pm = themes.code_sentences(paras, small_codebook, id_column="para_id")
    al = themes.align_topics(topics_a, pm, small_codebook).set_index(["topic", "theme"])["share"]
    security_topic = "T1" if "army" in by_topic["T1"] else "T2"
    assert al[(security_topic, "security")] == pytest.approx(1.0)
    assert al[(security_topic, "(no theme)")] == pytest.approx(0.0)
    summary = themes.summarise_topics(topics_a, al.reset_index())
    assert summary.set_index("topic").loc[security_topic, "best_theme"] == "security"
    with pytest.raises(ValueError, match="n_topics"):
        themes.fit_topics(paras, n_topics=9)


# --- agreement metrics ---------------------------------------------------------------------------

def test_score_agreement_on_a_hand_computed_example():
    hand = [1, 1, 0, 0, 0, 1, 0, 0, 0, 0]
    coder = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0]
    got = themes.score_agreement(hand, coder)
    # tp 2, fp 1, fn 1, tn 6; p_o = 0.8; p_e = (3*3 + 7*7)/100 = 0.58; kappa = 0.22/0.42
    assert {k: got[k] for k in ("n", "tp", "fp", "fn", "tn")} == {"n": 10, "tp": 2, "fp": 1, "fn": 1, "tn": 6}
    assert got["precision"] == pytest.approx(2 / 3) and got["recall"] == pytest.approx(2 / 3)
    assert got["f1"] == pytest.approx(2 / 3)
    assert got["kappa"] == pytest.approx(0.22 / 0.42)


def test_score_agreement_edge_cases():
    none = themes.score_agreement([0, 0, 0], [0, 0, 0])
    assert none["tn"] == 3 and all(math.isnan(none[k]) for k in ("precision", "recall", "f1", "kappa"))
    coder_only = themes.score_agreement([0, 0, 0, 0], [1, 0, 0, 0])
    # p_o = 0.75, p_e = (1*0 + 3*4)/16 = 0.75 -> kappa 0; precision 0; recall undefined; F1 0
    assert coder_only["precision"] == 0 and math.isnan(coder_only["recall"]) and coder_only["f1"] == 0
    assert coder_only["kappa"] == pytest.approx(0.0)
    perfect = themes.score_agreement([1, 0], [1, 0])
    assert perfect["kappa"] == 1 and perfect["f1"] == 1
    opposite = themes.score_agreement([1, 0], [0, 1])
    assert opposite["kappa"] == pytest.approx(-1.0) and opposite["f1"] == 0


def test_score_validation_per_theme_and_micro(small_codebook):
    s = sentences("Sanctions bite.", "Chips matter.", "Security of chips.")
    sample = pd.DataFrame({
        "doc_id": "d", "sent_id": np.repeat(s["sent_id"].to_numpy(), 2),
        "theme": ["sanctions", "chips"] * 3, "is_present": [1, 0, 0, 1, 0, 0],
        "note": "", "text": np.repeat(s["text"].to_numpy(), 2)})
    m = themes.code_sentences(s, small_codebook)
    got = themes.score_validation(sample, m, small_codebook).set_index("theme")
    assert got.loc["sanctions", ["n", "tp", "fp", "fn"]].tolist() == [3, 1, 0, 0]
    assert got.loc["chips", ["n", "tp", "fp", "fn"]].tolist() == [3, 1, 1, 0]
    assert got.loc["chips", "precision"] == 0.5 and got.loc["chips", "kappa"] == pytest.approx(0.4)
    assert got.loc["all themes (micro)", ["n", "tp", "fp", "fn"]].tolist() == [6, 2, 1, 0]
    assert list(got.index) == ["sanctions", "chips", "all themes (micro)"]  # security not in the sample
    diff = themes.list_disagreements(sample, m, small_codebook)
    assert diff[["sent_id", "theme", "hand", "coder", "terms"]].values.tolist() == [
        ["d-p03-s01", "chips", 0, 1, "chips"]]


def test_a_bad_validation_sample_is_reported_with_its_row(tmp_path):
    path = write(tmp_path, "sent_id,theme,is_present,note,text\nx-p01-s01,a,2,,t\n", "sample.csv")
    error = themes.ValidationSampleError
    with pytest.raises(error, match="sample.csv: row 2: is_present must be"):
        themes.load_validation(path)
    path = write(tmp_path, "sent_id,theme,is_present,note,text\nx-p01-s01,a,1,,t\nx-p01-s01,a,0,,t\n",
                 "twice.csv")
    with pytest.raises(themes.ValidationSampleError, match="row 3: x-p01-s01 x a is coded twice"):
        themes.load_validation(path)


# --- golden facts about the seed corpus ----------------------------------------------------------

def test_the_shipped_codebook_has_the_required_themes_with_english_patterns():
    cb = themes.load_codebook()
    required = ["sovereignty", "sanctions", "compute_chips", "data_centers_energy", "talent_brain_drain",
                "education_workforce", "investment", "economy", "regulation_governance", "defense_security",
                "international_cooperation", "domestic_models", "global_competition", "ai_risks_safety",
                "information_influence", "robotics_automation"]
    assert set(required) <= set(cb.ids)
    english = cb.patterns[(cb.patterns["kind"] == "include") & (cb.patterns["language"] == "en")]
    assert set(required) <= set(english["theme"])


def test_seed_corpus_golden_matches(seed_corpus):
    cb = themes.load_codebook()
    m = themes.code_sentences(seed_corpus.sentences, cb, seed_corpus.documents)
    by_sentence = m.groupby("sent_id")["theme"].agg(lambda t: sorted(set(t)))
    # 003: "...despite challenges from Western sanctions on microchips."
    assert by_sentence["003-p07-s01"] == ["compute_chips", "economy", "sanctions"]
    # 000: "Russian leaders have taken a different approach" -- leaders are people, not the race
    assert "000-p10-s01" not in by_sentence.index
    # 004: "Brain drain: Thousands of Russian tech professionals have emigrated, reducing available talent"
    assert m[m["sent_id"] == "004-p24-s01"]["term"].tolist() == ["brain drain", "tech professionals",
                                                                "emigrated", "talent"]
    assert themes.list_uncoded_documents(seed_corpus.documents, cb).empty
    table = themes.tabulate_themes(m, seed_corpus.sentences, cb).set_index(["doc_id", "theme"])
    assert table.loc[("004", "sanctions"), ["n_units", "n_coded"]].tolist() == [46, 7]
    assert table.loc[("002", "defense_security"), "n_coded"] == 1
