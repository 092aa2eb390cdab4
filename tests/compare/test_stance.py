"""Stance on Russia's AI standing: cues, negation, hedges, Russia-only sentences, validation."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.compare import stance

CUES = """
settings:
  country: Russia
  negation_window: 3
  negation: flip
  hedge_factor: 0.5
negations: [not, "n't", "no", "no longer", never]
hedges: [could, may, might, appears]
negative:
  lag*: 2
  lag* behind: 2
  behind: 1
  brain drain: 2
positive:
  leadership: 2
  progress: 1
"""


def write_cues(tmp_path, body: str = CUES, name: str = "cues.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return stance.load_stance_cues(path)


def sentences(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    ids = [f"{doc_id}-p01-s{i:02d}" for i in range(1, len(texts) + 1)]
    return pd.DataFrame({"doc_id": doc_id, "sent_id": ids, "role": "paragraph", "text": list(texts)})


def scores(cues, *texts: str) -> dict[str, tuple[float, float, float]]:
    s = sentences(*texts)
    per = stance.score_sentences(stance.find_stance_cues(s, cues))
    text_of = s.set_index("sent_id")["text"]
    rows = zip(per["sent_id"], per["positive"], per["negative"], per["score"])
    return {text_of[i]: (p, n, sc) for i, p, n, sc in rows}


@pytest.mark.parametrize("sentence, expected", [
    # (positive, negative, score)
    ("Russia is lagging.", (0.0, 2.0, -1.0)),                      # lag* = 2
    ("Russia is not lagging.", (2.0, 0.0, 1.0)),                    # negated: flips to positive
    ("Russia isn't lagging.", (2.0, 0.0, 1.0)),                     # n't negates too
    ("Russia is no longer behind.", (1.0, 0.0, 1.0)),               # "no longer": behind (1) flips
    ("Russia could lag behind.", (0.0, 1.0, -1.0)),                 # longest cue (2), hedged x 0.5
    ("Russia may not be lagging.", (1.0, 0.0, 1.0)),                # negated and hedged: +2 x 0.5
    ("Not at all, Russia is lagging.", (0.0, 2.0, -1.0)),           # the comma ends the negation's clause
    ("No one doubts that Russia is lagging.", (0.0, 2.0, -1.0)),    # "no" is 5 words back: outside window 3
    ("Russia shows leadership and progress despite brain drain.", (3.0, 2.0, 0.2)),  # (3-2)/(3+2)
    ("Putin’s plan is lagging behind.", (0.0, 2.0, -1.0)),          # Putin belongs to Russia
])
def test_sentence_scores_with_negation_and_hedges(tmp_path, sentence, expected):
    assert scores(write_cues(tmp_path), sentence) == {sentence: expected}


def test_only_sentences_about_russia_count(tmp_path):
    cues = write_cues(tmp_path)
    s = sentences("The United States shows leadership.", "China is lagging behind.", "Moscow shows progress.")
    hits = stance.find_stance_cues(s, cues)
    assert hits[["sent_id", "cue", "contribution"]].values.tolist() == [["d-p01-s03", "progress", 1.0]]


def test_cancel_mode_drops_negated_cues(tmp_path):
    cues = write_cues(tmp_path, CUES.replace("negation: flip", "negation: cancel"))
    hits = stance.find_stance_cues(sentences("Russia is not lagging, and Russia is lagging."), cues)
    assert hits[["side", "contribution"]].values.tolist() == [["cancelled", 0.0], ["negative", -2.0]]
    per = stance.score_sentences(hits)
    assert (per["positive"].item(), per["negative"].item(), per["score"].item()) == (0.0, 2.0, -1.0)


def test_score_stance_per_group_and_evidence(tmp_path):
    cues = write_cues(tmp_path)
    s = pd.concat([sentences("Russia is lagging.", "Russia shows progress.", "Nothing here.", doc_id="a"),
                   sentences("Russia shows leadership.", doc_id="b")], ignore_index=True)
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "kind": ["news", "blog", "news"]})
    hits = stance.find_stance_cues(s, cues)
    about = stance.mark_read_sentences(s, stance.entities.find_mentions(s), cues) != ""
    by_doc = stance.score_stance(hits, s, docs, about=about)
    assert by_doc.columns.tolist() == ["doc_id", "n_sentences", "n_cue_sentences", "positive", "negative",
                                       "n_cues", "score"]
    assert by_doc.drop(columns="score").values.tolist() == [
        ["a", 2, 2, 1.0, 2.0, 2], ["b", 1, 1, 2.0, 0.0, 1], ["c", 0, 0, 0.0, 0.0, 0]]
    assert by_doc["score"].tolist()[:2] == [-0.333, 1.0] and pd.isna(by_doc["score"].iloc[2])
    by_kind = stance.score_stance(hits, s, docs, by="kind", about=about)
    assert by_kind[["kind", "positive", "negative", "score"]].values.tolist() == [
        ["blog", 2.0, 0.0, 1.0], ["news", 1.0, 2.0, -0.333]]
    evidence = stance.list_evidence(hits, s, n=1)
    assert evidence[["doc_id", "side", "sent_id", "weight", "cues"]].values.tolist() == [
        ["a", "positive", "a-p01-s02", 1.0, "progress"], ["a", "negative", "a-p01-s01", 2.0, "lagging"],
        ["b", "positive", "b-p01-s01", 2.0, "leadership"]]
    fig = stance.plot_stance(by_doc)
    assert fig.axes[0].get_title(loc="left") == "Where each doc_id places Russia in the AI race"
    plt.close(fig)


@pytest.mark.parametrize("body, message", [
    (CUES.replace("lag*: 2", "lag*: -1"),
     "cues.yaml: negative cue 'lag*' has weight -1; give a positive number"),
    (CUES.replace("lag*: 2", "lag*: two"),
     "cues.yaml: negative cue 'lag*' has weight 'two'; give a positive"),
    (CUES + "  behind: 1\n",
     "cues.yaml: cue 'behind' is listed twice (sides: positive, negative); keep it once"),
    (CUES.replace("negation: flip", "negation: ignore"),
     "cues.yaml: setting negation = 'ignore'; use flip or cancel"),
    (CUES.replace("hedge_factor: 0.5", "hedge_factor: 2"), "cues.yaml: setting hedge_factor = 2; use 0 to 1"),
    (CUES.replace("hedge_factor: 0.5", "hedge_factor: 0.5\n  read: everything"),
     "cues.yaml: setting read = 'everything'; use references or articles"),
    (CUES + "references: [the country, '']\n", "cues.yaml: references"),
    (CUES.replace("settings:", "setings:"), "cues.yaml: unknown section 'setings'; use settings, negations"),
    (CUES.replace("  country: Russia", "  countri: Russia"),
     "cues.yaml: unknown setting 'countri'; use country"),
    (CUES.replace("  behind: 1\n", "  behind: 1\n  lag*: 1\n"),
     "cues.yaml: 'lag*' appears twice (line 13); keep it once"),
    ("negative: [unclosed", "cues.yaml: not valid YAML near line 1; check indentation and quotes"),
])
def test_bad_cue_files_raise_one_line_errors(tmp_path, body, message):
    with pytest.raises(stance.StanceCuesError) as err:
        write_cues(tmp_path, body)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_the_shipped_cue_file_is_valid():
    cues = stance.load_stance_cues()
    assert cues.country == "Russia" and cues.negation == "flip" and cues.hedge_factor == 0.5
    weights = cues.cues.set_index("cue")["weight"]
    assert weights["brain drain"] == 2 and weights["leadership"] == 2 and weights["behind"] == 1
    assert {"could", "may", "might", "appears"} <= set(cues.hedges)


def test_seed_stance(seed_corpus):
    c = seed_corpus
    hits = stance.find_stance_cues(c.sentences)
    by_doc = stance.score_stance(hits, c.sentences, c.documents).set_index("doc_id")
    assert by_doc.loc["001", "score"] == 0.953  # Mishustin's address: positive but for "a set of challenges"
    #                                             (halved: the sentence states "long-term aims", a goal)
    read = hits.drop_duplicates("sent_id").set_index("sent_id")["read_because"]
    assert read["000-p11-s01"] == "in an article about it"  # "This exodus has been further fueled by:"
    assert read["000-p23-s02"] == "follows a sentence that names it"  # "The country has a wealth of ..."
    assert by_doc["score"].idxmin() == "000"  # the blog post: "falling behind", "brain drain"
    assert (by_doc.drop(index="001")["score"] < 0).all()
    negated = hits[hits["is_negated"]]
    assert negated[["sent_id", "cue", "side"]].values.tolist() == [
        ["004-p29-s02", "breakthrough*", "negative"]]  # "measured not by breakthrough innovations"
    assert "000-p16-s02" not in set(hits["sent_id"])  # "the United States ... making massive strides"


def test_russian_cues_negation_binds_to_the_nearest_cue_and_other_languages_are_skipped():
    cues = stance.load_stance_cues()
    sents = pd.DataFrame({
        "doc_id": "r", "sent_id": ["r-s1", "r-s2", "r-s3", "r-s4"],
        "language": ["ru", "ru", "ru", "pl"],
        "text": ["Россия отстаёт в гонке искусственного интеллекта.",
                 "Россия не отстаёт от лидеров.",
                 "Возможно, Россия войдёт в число лидеров.",
                 "Rosja pozostaje w tyle, mówi raport o Russia i Yandex: lagging behind."]})
    hits = stance.find_stance_cues(sents, cues)
    got = hits[["sent_id", "cue", "is_negated", "is_hedged", "contribution"]].values.tolist()
    assert got == [
        ["r-s1", "отста*", False, False, -2.0],
        ["r-s2", "отста*", True, False, 2.0],      # "не" flips the cue right after it ...
        ["r-s2", "лидер*", False, False, 2.0],     # ... but not the next one
        ["r-s3", "в число лидеров", False, True, 1.0],  # hedged: 2 × 0.5
    ]
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["ru", "", "pl"]})
    unscored = stance.list_unscored_documents(docs, cues)
    assert unscored["doc_id"].tolist() == ["c"]
    assert unscored["problem"][0] == ("not scored: no stance cues for language 'pl' (cues exist for en, ru, "
                                      "uk, de, fr, es, it, pt, zh, ar)")


READING = CUES + """references: [the country]
pronouns: [it]
"""


def test_sentences_referring_back_to_russia_and_titles_are_read(tmp_path):
    cues = write_cues(tmp_path, READING)
    s = pd.concat([sentences("Lagging behind in the race", "Russia has built few models.",
                             "The country is lagging.", "It shows progress.", "The United States is big.",
                             "The country shows leadership.", doc_id="a"),
                   sentences("Lagging behind in the race", "China has built many models.", doc_id="b")],
                  ignore_index=True)
    s.loc[[0, 6], "role"] = "title"
    hits = stance.find_stance_cues(s, cues)
    assert hits[["sent_id", "cue", "read_because"]].values.tolist() == [
        ["a-p01-s01", "lag* behind", "title of an article about it"],
        ["a-p01-s03", "lag*", "follows a sentence that names it"],
        ["a-p01-s04", "progress", "follows a sentence that names it"],  # the pronoun opens the sentence
    ]  # s06 follows a sentence naming the United States; b is an article about China
    about = stance.mark_read_sentences(s, stance.entities.find_mentions(s), cues)
    assert about.tolist() == ["title of an article about it", "names the country",
                              "follows a sentence that names it", "follows a sentence that names it",
                              "", "", "", ""]


@pytest.mark.parametrize("sentence, expected", [
    # cue, contribution, compared_with
    ("China shows leadership over Russia.", [["leadership", -2.0, "China"]]),      # a comparison: reversed
    ("China's brain drain helps Russia.", [["brain drain", -2.0, ""]]),  # negative cues are not reversed
    ("The United States shows leadership, but Russia is lagging.", [["lag*", -2.0, ""]]),  # leadership: US
    ("Russia is lagging behind China.", [["lag* behind", -2.0, ""]]),              # Russia is the subject
    ("Unlike China, Russia shows progress.", [["progress", 1.0, ""]]),
])
def test_cues_about_another_country_are_left_out_or_reversed(tmp_path, sentence, expected):
    hits = stance.find_stance_cues(sentences(sentence), write_cues(tmp_path))
    assert hits[["cue", "contribution", "compared_with"]].values.tolist() == expected


def test_an_unquoted_no_is_refused_with_the_fix(tmp_path):
    with pytest.raises(stance.StanceCuesError) as err:
        write_cues(tmp_path, CUES.replace('"no",', "no,"))
    assert str(err.value) == ("cues.yaml: 'negations' holds False, which YAML reads from an unquoted "
                              "no/yes/off/on; quote it: \"no\"")
    assert "no" in stance.load_stance_cues().negations  # the shipped file quotes it


def test_many_one_word_sentences_are_read_in_bulk():
    n = 30_000
    words = ["Russia", "lagging", "progress", "word", "Moscow", "behind"]
    s = pd.DataFrame({"doc_id": "d", "sent_id": [f"d-p{i:05d}-s01" for i in range(n)], "role": "paragraph",
                      "language": "en", "text": [words[i % 6] for i in range(n)]})
    hits = stance.find_stance_cues(s)  # the shipped file reads whole articles about Russia
    assert hits["cue"].value_counts().to_dict() == {"lag*": 5000, "progress": 5000, "behind": 5000}
    assert set(hits["read_because"]) == {"in an article about it"}
    by_doc = stance.score_stance(hits, s, pd.DataFrame({"doc_id": ["d"]}))
    assert by_doc[["n_sentences", "positive", "negative", "score"]].values.tolist() == [
        [n, 5000.0, 15000.0, -0.5]]


@pytest.mark.parametrize("sentence, expected", [
    ("Russia shows lagging progress.", [["lag*", -2.0]]),             # progress is the object of lagging
    ("Russia is lagging, progress is slow.", [["lag*", -2.0], ["progress", 1.0]]),  # another clause
    ("Russia is lagging in its technical progress.", [["lag*", -2.0], ["progress", 1.0]]),  # 3 words
])
def test_a_cue_right_after_another_is_its_object(tmp_path, sentence, expected):
    hits = stance.find_stance_cues(sentences(sentence), write_cues(tmp_path))
    assert hits[["cue", "contribution"]].values.tolist() == expected


def test_goals_count_half_in_the_shipped_file():
    s = pd.DataFrame({"doc_id": "g", "sent_id": ["g-s1", "g-s2"], "role": "paragraph", "language": "de",
                      "text": ["Russland wollte zur Weltspitze gehören.", "Russland gehört zur Weltspitze."]})
    hits = stance.find_stance_cues(s)
    assert hits[["sent_id", "is_hedged", "contribution"]].values.tolist() == [
        ["g-s1", True, 1.0], ["g-s2", False, 2.0]]
