"""Themes in every language: patterns exist for all, inflections and clitics are found, and the
per-language scores count what they should."""

import numpy as np
import pandas as pd
import pytest

from helpers import themes
from helpers.themes.validation import MICRO

LANGUAGES = ["en", "ru", "uk", "de", "fr", "es", "it", "pt", "zh", "ar"]


@pytest.fixture(scope="module")
def codebook():
    return themes.load_codebook()


def coded(codebook, text: str, language: str) -> set[str]:
    sentences = pd.DataFrame({"doc_id": ["d1"], "sent_id": ["d1-p01-s01"], "text": [text]})
    documents = pd.DataFrame({"doc_id": ["d1"], "language": [language]})
    return set(themes.code_sentences(sentences, codebook, documents)["theme"])


def test_every_theme_has_patterns_in_every_language(codebook):
    include = codebook.patterns[codebook.patterns["kind"] == "include"]
    have = include.groupby("theme")["language"].agg(set)
    for theme in codebook.ids:
        assert set(LANGUAGES) <= have[theme], theme


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Из-за санкциями ограниченного доступа к микросхемам отставание растёт.",
     {"sanctions", "compute_chips", "global_competition"}),
    ("ru", "Утечка мозгов продолжается: специалисты уезжают.", {"talent_brain_drain"}),
    ("uk", "Санкції обмежили постачання чипів.", {"sanctions", "compute_chips"}),
    ("de", "Die Exportbeschränkungen treffen die Grafikchips und die Halbleiterindustrie.",
     {"sanctions", "compute_chips"}),
    ("de", "Neue Rechenzentren brauchen Atomkraftwerke.", {"data_centers_energy"}),
    ("fr", "Les sanctions privent la Russie de puces.", {"sanctions", "compute_chips"}),
    ("es", "Las sanciones frenan la inversión en centros de datos.",
     {"sanctions", "investment", "data_centers_energy"}),
    ("it", "Le sanzioni colpiscono i semiconduttori.", {"sanctions", "compute_chips"}),
    ("pt", "As sanções atingem os semicondutores.", {"sanctions", "compute_chips"}),
    ("zh", "制裁限制了先进芯片的进口。", {"sanctions", "compute_chips"}),
    ("ar", "والعقوبات تمنع وصول الرقائق إلى روسيا.", {"sanctions", "compute_chips"}),
    ("ar", "تعمل الشركة بالتعاون مع شركاء صينيين.", {"international_cooperation"}),
])
def test_sentences_get_their_themes(codebook, language, text, expected):
    assert coded(codebook, text, language) == expected


@pytest.mark.parametrize("language, text, absent", [
    ("fr", "Le fonds souverain a investi.", "sovereignty"),            # a sovereign wealth fund
    ("ru", "Лидеры двух стран подписали заявление.", "global_competition"),  # rulers, not the race
    ("zh", "斯坦福大学发布了排名。", "education_workforce"),                # a ranking's publisher
    ("de", "Die Schulden steigen.", "education_workforce"),            # Schulden is not Schule
    ("ar", "بدأت الأعمال في المشروع.", "education_workforce"),          # أعمال (works) is not عمال
])
def test_hard_negatives(codebook, language, text, absent):
    assert absent not in coded(codebook, text, language)


def test_scores_per_language_and_level(codebook):
    sample = pd.DataFrame({
        "language": ["de", "de", "de", "fr"],
        "doc_id": ["de-01", "de-01", "de-02", "fr-01"],
        "sent_id": ["de-01-s01", "de-01-s02", "de-02-s01", "fr-01-s01"],
        "split": ["heldout"] * 4, "stance": ["neutral"] * 4,
        "themes": ["sanctions", "", "sanctions", "compute_chips"],
        "text": ["Die Sanktionen wirken.", "Sanktionen überall.", "Nichts dazu.", "Des puces."],
    })
    scores = themes.score_languages(sample, codebook)
    de = scores[(scores["language"] == "de") & (scores["theme"] == "sanctions")].set_index("level")
    # sentences: hand 1,0,1; coder 1,1,0 -> tp 1, fp 1, fn 1
    assert de.loc["sentence", ["tp", "fp", "fn"]].tolist() == [1, 1, 1]
    # documents: de-01 hand 1 coder 1; de-02 hand 1 coder 0 -> tp 1, fn 1, precision 1
    assert de.loc["document", ["tp", "fp", "fn"]].tolist() == [1, 0, 1]
    assert de.loc["document", "precision"] == 1.0
    fr = scores[(scores["language"] == "fr") & (scores["theme"] == MICRO) & (scores["level"] == "sentence")]
    assert fr["f1"].iloc[0] == 1.0
    summary = themes.summarise_languages(scores)
    assert summary["language"].tolist() == ["de", "fr"]
    assert np.isclose(summary.set_index("language").loc["de", "sentence_f1"], 0.5)
    with pytest.raises(ValueError, match="split: 'test'"):
        themes.score_languages(sample, codebook, split="test")
