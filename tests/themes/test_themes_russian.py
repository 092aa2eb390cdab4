"""Russian sentences are coded with the codebook's Russian patterns (inflected forms included),
never with the English ones. Expected themes were decided by reading each sentence."""

import pandas as pd
import pytest

from helpers import themes

SENTENCES = [  # (sentence, themes a reader codes)
    ("Главные препятствия — санкции, нехватка микросхем и отток специалистов за рубеж.",
     {"sanctions", "compute_chips", "talent_brain_drain"}),
    ("Для обучения больших моделей России нужны новые центры обработки данных.",
     {"data_centers_energy"}),
    ("Их предлагают строить рядом с атомными электростанциями, чтобы обеспечить надёжное "
     "энергоснабжение.", {"data_centers_energy"}),
    ("Эксперты оценивают необходимые инвестиции в 850 миллиардов рублей до 2030 года.",
     {"investment"}),
    ("Сбербанк развивает модель ГигаЧат, а Яндекс — YandexGPT.", {"domestic_models"}),
    ("Россия стремится к технологическому суверенитету в области искусственного интеллекта.",
     {"sovereignty"}),
    ("Президент заявил, что к 2030 году Россия должна войти в число лидеров в области ИИ.",
     {"global_competition"}),
    ("Правительство утвердило новые правила регулирования искусственного интеллекта.",
     {"regulation_governance"}),
    ("Министерство обороны применяет ИИ в кибербезопасности.", {"defense_security"}),
    ("Россия и Китай договорились о сотрудничестве в рамках БРИКС.",
     {"international_cooperation"}),
    ("Университеты запускают программы переобучения инженеров.", {"education_workforce"}),
    ("Роботы и автономные системы работают на заводах.", {"robotics_automation"}),
    ("Эксперты предупреждают о рисках бесконтрольного развития ИИ.", {"ai_risks_safety"}),
    ("Зарубежные платформы влияют на общественное мнение.", {"information_influence"}),
    ("Рост ВВП замедлился в прошлом году.", {"economy"}),
    ("Погода в Москве была тёплой и солнечной.", set()),
]


@pytest.fixture(scope="module")
def coded():
    sents = pd.DataFrame({"doc_id": "r", "sent_id": [f"r-p01-s{i:02d}" for i in range(len(SENTENCES))],
                          "text": [s for s, _ in SENTENCES]})
    docs = pd.DataFrame({"doc_id": ["r"], "language": ["ru"]})
    return sents, themes.code_sentences(sents, themes.load_codebook(), docs)


def test_russian_sentences_get_the_themes_a_reader_gives_them(coded):
    sents, matches = coded
    got = matches.groupby("sent_id")["theme"].agg(set).to_dict()
    for sent_id, (_, expected) in zip(sents["sent_id"], SENTENCES):
        assert got.get(sent_id, set()) == expected, sents.set_index("sent_id").loc[sent_id, "text"]


def test_every_theme_has_russian_patterns():
    cb = themes.load_codebook()
    ru = cb.patterns[(cb.patterns["language"] == "ru") & (cb.patterns["kind"] == "include")]
    assert set(ru["theme"]) == set(cb.ids)


def test_tilde_patterns_are_stemmed_in_their_language():
    assert themes.stem_pattern("атомная~ электростанция~", "ru") == "атомн* электростанц*"
    assert themes.stem_pattern("regulation~ framework", "en") == "regul* framework"
    for bad, message in (("a~b", "only at the end of a word"), ("word~", "none for language")):
        with pytest.raises(ValueError, match=message):
            themes.stem_pattern(bad, "xx" if bad == "word~" else "ru")


def test_a_russian_document_is_not_coded_with_english_patterns():
    sents = pd.DataFrame({"doc_id": ["r"], "sent_id": ["r-p01-s01"],
                          "text": ["Russian sanctions on chips are mentioned here in English."]})
    docs = pd.DataFrame({"doc_id": ["r"], "language": ["ru"]})
    assert themes.code_sentences(sents, themes.load_codebook(), docs).empty
