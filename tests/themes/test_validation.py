"""The hand-coded validation sample still fits the seed corpus, and covers what it claims to."""

import pandas as pd

from helpers import themes


def test_every_sampled_sentence_exists_in_the_seed_corpus_with_the_same_text(seed_corpus):
    sample = themes.load_validation()
    text = seed_corpus.sentences.set_index("sent_id")["text"]
    missing = sorted(set(sample["sent_id"]) - set(text.index))
    assert not missing, f"sentence splitting changed: {missing[:5]} no longer exist"
    changed = sample[sample["text"] != sample["sent_id"].map(text)]["sent_id"].unique().tolist()
    assert not changed, f"sentence text changed: {changed[:5]}"
    assert themes.check_validation(sample, seed_corpus.sentences).empty


def test_the_sample_covers_every_document_and_theme_with_full_decisions(seed_corpus):
    sample = themes.load_validation()
    cb = themes.load_codebook()
    assert sample["sent_id"].nunique() >= 80
    assert set(sample["doc_id"]) == set(seed_corpus.documents["doc_id"])
    assert set(sample["theme"]) == set(cb.ids)
    per_sentence = sample.groupby("sent_id")["theme"].nunique()
    assert (per_sentence == len(cb.ids)).all(), "each sampled sentence is decided for every theme"
    positives = sample[sample["is_present"] == 1].groupby("theme").size()
    assert positives.reindex(cb.ids, fill_value=0).min() >= 5


def test_the_sample_keeps_hard_negatives_coded_by_reading():
    sample = themes.load_validation().set_index(["sent_id", "theme"])
    # "Russian leaders have taken a different approach": leaders are people, not the race
    assert sample.loc[("000-p10-s01", "global_competition"), "is_present"] == 0
    # "strict controls over the tech landscape": domestic controls, not export controls
    assert sample.loc[("000-p10-s02", "sanctions"), "is_present"] == 0
    # "leave the country lagging behind": not emigration
    assert sample.loc[("000-p16-s03", "talent_brain_drain"), "is_present"] == 0
    # "a defensive posture rather than an offensive one": figurative
    assert sample.loc[("004-p28-s03", "defense_security"), "is_present"] == 0


def test_validation_scores_are_computed_from_the_shipped_sample(seed_corpus):
    cb = themes.load_codebook()
    sample = themes.select_sample(themes.load_validation(), seed_corpus.sentences)
    matches = themes.code_sentences(seed_corpus.sentences, cb, seed_corpus.documents)
    scores = themes.score_validation(sample, matches, cb).set_index("theme")
    micro = scores.loc["all themes (micro)"]
    assert micro["n"] == len(sample) == 157 * len(cb.ids)
    assert micro["n_hand"] == int(sample["is_present"].sum())
    assert scores.loc[cb.ids, "tp"].sum() == micro["tp"]
    assert 0 < micro["kappa"] <= 1


def test_a_subset_of_documents_scores_only_its_sentences(seed_corpus):
    sample = themes.load_validation()
    subset = seed_corpus.sentences[seed_corpus.sentences["doc_id"].isin(["002"])]
    picked = themes.select_sample(sample, subset)
    assert set(picked["doc_id"]) == {"002"}
    assert picked["sent_id"].nunique() == 7
    changed = pd.DataFrame({"doc_id": ["002"], "sent_id": ["002-p01-s01"], "text": ["Another title"]})
    problems = themes.check_validation(sample, changed).set_index("sent_id")["problem"]
    assert problems["002-p01-s01"] == "text differs from the corpus"
    assert problems["002-p03-s05"] == "not in the corpus"
    assert len(problems) == 7
