"""Distinctive terms (log-odds with an informative Dirichlet prior) and document similarity."""

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import compare


def sentences(*rows: tuple[str, str]) -> pd.DataFrame:
    """(doc_id, text) pairs -> a sentences table."""
    return pd.DataFrame({
        "doc_id": [d for d, _ in rows],
        "sent_id": [f"{d}-p01-s{i:02d}" for i, (d, _) in enumerate(rows, start=1)],
        "role": "paragraph",
        "text": [t for _, t in rows],
    })


# Hand-computed example (Monroe, Colaresi & Quinn 2008, eq. 16-22), alpha_0 = 10.
# Group A: russia 2, lag 3, chips 1 (n_A = 6); group B: russia 2, lead 1, chips 1 (n_B = 4).
# Corpus: russia 4, lag 3, chips 2, lead 1 (n = 10), so alpha_w = 10 * y_w / 10 = y_w.
# A against the rest (= B):
#   lag:    log((3+3)/(6+10-3-3)) - log((0+3)/(4+10-0-3)) = log(0.6) - log(3/11) = log(2.2)
#           = 0.788457;  var = 1/(3+3) + 1/(0+3) = 0.5;  z = 0.788457 / sqrt(0.5) = 1.115047
#   russia: log((2+4)/(6+10-2-4)) - log((2+4)/(4+10-2-4)) = log(0.6/0.75) = log(0.8) = -0.223144;
#           var = 1/6 + 1/6 = 1/3;  z = -0.223144 / 0.577350 = -0.386496
#   chips:  log((1+2)/(6+10-1-2)) - log((1+2)/(4+10-1-2)) = log(11/13) = -0.167054;
#           var = 1/3 + 1/3;  z = -0.167054 / 0.816497 = -0.204599
#   lead:   log((0+1)/(6+10-0-1)) - log((1+1)/(4+10-1-1)) = log((1/15)/(1/6)) = log(0.4) = -0.916291;
#           var = 1/1 + 1/2 = 1.5;  z = -0.916291 / 1.224745 = -0.748148
# B against the rest (= A) mirrors A: lead z = +0.748148.
HAND_COUNTS = pd.DataFrame({
    "group": ["A", "A", "A", "B", "B", "B"],
    "term": ["russia", "lag", "chips", "russia", "lead", "chips"],
    "n": [2, 3, 1, 2, 1, 1],
})


@pytest.mark.parametrize("term, log_odds, z", [
    ("lag", 0.788457, 1.115047),
    ("russia", -0.223144, -0.386496),
    ("chips", -0.167054, -0.204599),
    ("lead", -0.916291, -0.748148),
])
def test_log_odds_matches_the_hand_computed_example(term, log_odds, z):
    scores = compare.score_log_odds(HAND_COUNTS, by="group", alpha0=10)
    row = scores[(scores["group"] == "A") & (scores["term"] == term)].iloc[0]
    assert row["log_odds"] == pytest.approx(log_odds, abs=1e-6)
    assert row["z"] == pytest.approx(z, abs=1e-6)
    assert math.log(2.2) == pytest.approx(0.788457, abs=1e-6)


def test_log_odds_is_ordered_counts_the_rest_and_mirrors_two_groups():
    scores = compare.score_log_odds(HAND_COUNTS, by="group", alpha0=10)
    a = scores[scores["group"] == "A"]
    assert a["term"].tolist() == ["lag", "chips", "russia", "lead"]  # highest z first
    assert a.set_index("term")["n_rest"].to_dict() == {"lag": 0, "chips": 1, "russia": 2, "lead": 1}
    b = scores[scores["group"] == "B"].set_index("term")["z"]
    assert b["lead"] == pytest.approx(0.748148, abs=1e-6)
    assert b["lag"] == pytest.approx(-1.115047, abs=1e-6)


def test_log_odds_handles_any_number_of_groups_and_min_count():
    counts = pd.concat([HAND_COUNTS, pd.DataFrame({"group": ["C"], "term": ["lag"], "n": [5]})])
    scores = compare.score_log_odds(counts, by="group", alpha0=10, min_count=3)
    assert sorted(scores["group"].unique()) == ["A", "B", "C"]
    assert set(scores["term"]) == {"lag", "russia"}  # chips (2) and lead (1) are below min_count
    c_lag = scores[(scores["group"] == "C") & (scores["term"] == "lag")].iloc[0]
    assert (c_lag["n"], c_lag["n_rest"]) == (5, 3)  # the rest is A and B together


def test_count_group_terms_groups_by_any_documents_column_with_optional_bigrams():
    s = sentences(("1", "Russia lags behind the task force."), ("2", "The task force acts."),
                  ("3", "Brain drain hurts."))
    docs = pd.DataFrame({"doc_id": ["1", "2", "3"], "kind": ["news", "news", "blog"]})
    plain = compare.count_group_terms(s, docs, by="kind")
    assert plain[plain["kind"] == "news"].set_index("term")["n"].to_dict() == {
        "force": 2, "task": 2, "acts": 1, "behind": 1, "lags": 1, "russia": 1}
    both = compare.count_group_terms(s, docs, by="kind", bigrams=True).set_index(["kind", "term"])["n"]
    assert both[("news", "task force")] == 2
    assert both[("blog", "brain drain")] == 1
    assert ("news", "behind the") not in both.index  # "the" is a stop word
    assert both[("news", "force acts")] == 1


def test_top_distinctive_terms_ranks_positive_z_and_rounds():
    scores = compare.score_log_odds(HAND_COUNTS, by="group", alpha0=10)
    top = compare.top_distinctive_terms(scores, by="group", n=3)
    assert top["term"].tolist() == ["lag", "lead", "russia", "chips"]  # A: only lag has z > 0
    assert top["rank"].tolist() == [1, 1, 2, 3]
    assert top["z"].tolist() == [1.115, 0.748, 0.386, 0.205]


def test_similarity_of_inline_documents_and_shared_sentences():
    s = sentences(
        ("a", "Putin launched a national task force on artificial intelligence."),
        ("a", "Sanctions restrict chips."),
        ("b", "President Putin launched a task force for artificial intelligence."),
        ("b", "Weather forecasting needs meteorologists."),
        ("c", "Weather forecasting needs meteorologists and satellites."),
    )
    sim = compare.score_similarity(s)
    assert sim.loc["a", "a"] == 1.0 and sim.loc["a", "b"] == sim.loc["b", "a"]
    pairs = compare.list_similar_pairs(sim)
    assert len(pairs) == 3 and pairs["cosine"].is_monotonic_decreasing
    matched = compare.match_sentences(s, "a", "b")
    assert matched[["sent_id_a", "sent_id_b"]].values.tolist() == [["a-p01-s01", "b-p01-s03"]]
    assert matched["shared"].iloc[0] == "artificial, force, intelligence, launched, putin, task"
    assert compare.match_sentences(s, "a", "b", min_shared=7).empty


def test_seed_task_force_articles_are_the_one_same_story_pair(seed_corpus):
    sim = compare.score_similarity(seed_corpus.sentences)
    pairs = compare.list_similar_pairs(sim)
    assert tuple(pairs.iloc[0][["doc_a", "doc_b"]]) == ("003", "004")
    same = compare.find_same_story(seed_corpus.sentences, sim)
    assert same.loc[same["is_same_story"], ["doc_a", "doc_b"]].values.tolist() == [["003", "004"]]
    shared = compare.match_sentences(seed_corpus.sentences, "003", "004")
    top = set(shared.head(2)["sent_id_b"])
    assert top == {"004-p02-s01", "004-p04-s01"}  # "Russian President Vladimir Putin has launched..."
    assert set(shared.head(2)["sent_id_a"]) == {"003-p10-s01"}


def test_seed_distinctive_terms_by_document(seed_corpus):
    c = seed_corpus
    counts = compare.count_group_terms(c.sentences, c.documents, bigrams=True)
    top = compare.top_distinctive_terms(compare.score_log_odds(counts, min_count=2), n=5)
    firsts = top[top["rank"] == 1].set_index("doc_id")["term"].to_dict()
    assert firsts["003"] == "generative" and firsts["004"] == "western"
    assert "outsider" in set(top.loc[top["doc_id"] == "002", "term"])


def test_groups_top_terms_table_and_shared_sentences():
    docs = pd.DataFrame({"doc_id": ["1", "2", "3"], "kind": ["news", "blog", "news"],
                         "n_words": [10, 20, 30]})
    assert compare.describe_groups(docs, by="kind").values.tolist() == [["blog", 1, "2", 20],
                                                                         ["news", 2, "1, 3", 40]]
    scores = compare.score_log_odds(HAND_COUNTS, by="group", alpha0=10)
    table = compare.tabulate_top_terms(compare.top_distinctive_terms(scores, by="group"), by="group")
    assert table.to_dict("index") == {1: {"A": "lag (1.11)", "B": "lead (0.75)"},
                                      2: {"A": "", "B": "russia (0.39)"}, 3: {"A": "", "B": "chips (0.20)"}}
    s = sentences(("a", "Putin launched a national task force on artificial intelligence."),
                  ("b", "President Putin launched a task force for artificial intelligence."))
    same = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "cosine": [0.9], "n_matched": [1],
                         "is_same_story": [True]})
    shared = compare.list_shared_sentences(s, same)
    assert shared[["doc_a", "doc_b", "sent_id_a", "sent_id_b"]].values.tolist() == [
        ["a", "b", "a-p01-s01", "b-p01-s02"]]
    assert compare.list_shared_sentences(s, same.assign(is_same_story=False)).empty


def test_plots_return_figures():
    scores = compare.score_log_odds(HAND_COUNTS, by="group", alpha0=10)
    fig = compare.plot_distinctive_terms(compare.top_distinctive_terms(scores, by="group"), by="group")
    assert [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()] == ["group = A", "group = B"]
    sim = pd.DataFrame([[1.0, 0.4], [0.4, 1.0]], index=["a", "b"], columns=["a", "b"])
    fig2 = compare.plot_similarity(sim)
    assert "cosine" in fig2.axes[0].get_title(loc="left").lower()
    plt.close("all")
