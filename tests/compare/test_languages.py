"""Names and stance cues in ten languages: inflections, scripts without spaces, clitics."""

import numpy as np
import pandas as pd
import pytest

from helpers.compare import claims, entities, names, scripts, stance, stance_check


def sentences(texts_and_languages):
    n = len(texts_and_languages)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)],
                         "sent_id": [f"d{i}-p01-s01" for i in range(n)],
                         "text": [t for t, _ in texts_and_languages],
                         "language": [lang for _, lang in texts_and_languages]})


@pytest.mark.parametrize("text, language, alias_text", [
    ("Речь Путина была короткой.", "ru", "Путина"),
    ("Путину возразили.", "ru", "Путину"),
    ("Путін виступив.", "uk", "Путін"),
    ("普京指责西方。", "zh", "普京"),
    ("ويتهم بوتين الغرب.", "ar", "بوتين"),
    ("Poutine a parlé.", "fr", "Poutine"),
    ("Putins Rede war kurz.", "de", "Putins"),
])
def test_putin_in_every_script_and_inflection(text, language, alias_text):
    found = entities.find_mentions(sentences([(text, language)]))
    putin = found[found["entity"] == "Vladimir Putin"]
    assert putin["text"].tolist() == [alias_text]
    assert text[putin["start"].iloc[0]:putin["end"].iloc[0]] == alias_text


def test_arabic_clitics_and_chinese_substrings():
    texts = [("ولروسيا والكرملين بالصين", "ar"), ("俄罗斯与中国合作", "zh")]
    found = entities.find_mentions(sentences(texts))
    assert found["entity"].tolist() == ["Russia", "Kremlin", "China", "Russia", "China"]
    assert found["text"].tolist()[:3] == ["روسيا", "كرملين", "صين"]  # clitics left out
    hits = scripts.scan_unspaced(pd.Series(["abc 普京", "普京"]), pd.Series(["zh", "de"]), ["普京"])
    assert hits[["row", "start", "end"]].values.tolist() == [[0, 4, 6]]  # German rows are left alone


@pytest.mark.parametrize("text, language, sign", [
    ("Russland fällt weiter zurück.", "de", -1),
    ("La Russie est à la traîne.", "fr", -1),
    ("La Russie n'est pas en retard.", "fr", 1),          # negated: flips
    ("Rusia se queda atrás y está rezagada.", "es", -1),
    ("俄罗斯明显落后。", "zh", -1),
    ("俄罗斯处于领先地位。", "zh", 1),
    ("تتخلف روسيا في السباق.", "ar", -1),
    ("Росія відстає.", "uk", -1),
])
def test_stance_cues_per_language(text, language, sign):
    s = sentences([(text, language)])
    hits = stance.find_stance_cues(s)
    assert len(hits) and (hits["contribution"].sum() > 0) == (sign > 0)


def test_stance_accuracy_counts_signed_articles_only():
    sample = pd.DataFrame({
        "language": ["de", "de", "de", "de"], "doc_id": ["de-01", "de-01", "de-02", "de-03"],
        "sent_id": ["de-01-s01", "de-01-s02", "de-02-s01", "de-03-s01"], "split": ["heldout"] * 4,
        "stance": ["behind", "neutral", "ahead", "neutral"], "themes": [""] * 4,
        "text": ["Russland fällt weiter zurück.", "Nichts.", "Das Wetter ist schön.", "Russland holt auf."],
    })
    compared = stance_check.compare_stance(sample)
    assert compared.set_index("doc_id").loc[["de-01", "de-02"], ["hand", "coder"]].values.tolist() == [
        ["behind", "behind"], ["ahead", "none"]]
    table = stance_check.score_stance_accuracy(compared).set_index("language")
    assert table.loc["de", ["n_signed", "n_right", "n_wrong", "n_missing"]].tolist() == [2, 1, 0, 1]
    assert table.loc["de", "accuracy"] == 0.5
    assert stance_check.score_stance_accuracy(compared, split="dev").iloc[-1]["n_signed"] == 0


def test_discovery_skips_german_common_nouns_and_joins_russian_case_forms():
    s = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c"], "sent_id": ["a1", "a2", "b1", "b2", "c1"], "role": "paragraph",
        "language": ["de", "de", "ru", "ru", "zh"],
        "text": ["Die Entwicklung der Unternehmen und die Forschung bei Rostelecom wachsen.",
                 "Auch Rostelecom und Kaspersky investieren in Forschung.",
                 "Встреча Собянина с экспертами прошла в Москве.",
                 "Мэр Собянин выступил, а Собянину возразили.", "普京说。"]})
    found = entities.discover_names(s)
    assert found[["name", "n"]].values.tolist() == [["Собянин", 3], ["Rostelecom", 2], ["Kaspersky", 1]]
    gaps = names.list_undiscoverable(s)
    assert gaps[["language", "n_sentences"]].values.tolist() == [["zh", 1]]
    english = s.assign(language="en")  # in English text, capitalised Entwicklung would be a name
    assert "Entwicklung der Unternehmen" in set(entities.discover_names(english)["name"])


@pytest.mark.parametrize("text, language, value, currency", [
    ("Die KI soll 11 Billionen Rubel beitragen.", "de", 11e12, "RUB"),
    ("Es kostet 11.000 Euro.", "de", 11e3, "EUR"),
    ("Es kostet 1,5 Milliarden Euro.", "de", 1.5e9, "EUR"),
    ("ИИ добавит 1,1 трлн руб. к ВВП.", "ru", 1.1e12, "RUB"),
    ("ШІ додасть 11 трлн рублів.", "uk", 11e12, "RUB"),
    ("Elle rapporterait 11 000 milliards de roubles.", "fr", 11e12, "RUB"),
    ("Aportaría 11 billones de rublos.", "es", 11e12, "RUB"),
    ("Costerà 11 mila miliardi di rubli.", "it", 11e12, "RUB"),
    ("Acrescentaria 11 trilhões de rublos.", "pt", 11e12, "RUB"),
    ("增加110亿卢布。", "zh", 11e9, "RUB"),
    ("قد يضيف 11 تريليون روبل إلى الناتج.", "ar", 11e12, "RUB"),
    ("It costs 1.500 dollars.", "en", 1.5, "USD"),   # a decimal point in English
])
def test_amounts_per_language(text, language, value, currency):
    found = claims.find_claims(sentences([(text, language)]))
    assert found[["value", "currency"]].values.tolist() == [[value, currency]]
    assert text[found["start"].iloc[0]:found["end"].iloc[0]] == found["text"].iloc[0]


def test_the_stance_test_set_loads_and_is_scored_per_split(tmp_path):
    test = stance_check.load_stance_test()
    per = test.drop_duplicates("doc_id")
    assert len(per) == 30 and per.groupby("language").size().eq(3).all()
    assert per["article"].value_counts().to_dict() == {"behind": 18, "ahead": 9, "mixed": 2, "none": 1}
    assert test.loc[test["doc_id"] == "de-t02", "para_id"].tolist()[:3] == ["de-t02-p01", "de-t02-p02",
                                                                           "de-t02-p02"]
    bad = tmp_path / "t.csv"
    bad.write_text("language,doc,para,sent,role,stance,article,text\nen,x,1,1,title,ahead,maybe,Hi\n",
                   encoding="utf-8")
    with pytest.raises(stance_check.StanceTestError, match=r"t.csv: row 2 \(x\): article must be ahead, "
                                                            r"behind, mixed or none"):
        stance_check.load_stance_test(bad)
    compared = pd.DataFrame({"language": ["de", "de", "de", "en"], "doc_id": ["a", "b", "c", "d"],
                             "split": ["dev", "test", "test", "test"],
                             "hand": ["behind", "ahead", "mixed", "ahead"],
                             "score": [-1.0, -0.5, 1.0, 1.0], "coder": ["behind", "behind", "ahead", "ahead"],
                             "is_right": [True, False, False, True]})
    table = stance_check.tabulate_stance_accuracy(compared)
    assert table.values.tolist()[:1] == [["de", "1/1", 1.0, "0/1", 0.0]]
    assert table.iloc[-1].tolist() == ["all", "1/1", 1.0, "1/2", 0.5]


@pytest.mark.parametrize("text, language, value, currency, kind", [
    ("Der Staat gibt zwei Milliarden Euro aus.", "de", 2e9, "EUR", "money"),
    ("Das Budget beträgt eine Milliarde Euro.", "de", 1e9, "EUR", "money"),
    ("Выделено два миллиарда рублей.", "ru", 2e9, "RUB", "money"),
    ("Речь о двух миллиардах рублей.", "ru", 2e9, "RUB", "money"),
    ("Уряд виділив п’ять мільярдів гривень.", "uk", 5e9, "UAH", "money"),
    ("Le plan coûte trois milliards.", "fr", 3e9, "", "number"),
    ("Il a levé un milliard d'euros.", "fr", 1e9, "EUR", "money"),
    ("Se invertirán dos mil millones de dólares.", "es", 2e9, "USD", "money"),
    ("Il fondo vale due miliardi di euro.", "it", 2e9, "EUR", "money"),
    ("O governo investiu dois bilhões de dólares.", "pt", 2e9, "USD", "money"),
    ("计划投入两千亿。", "zh", 2e11, "", "number"),          # (2 × 1000) × 10^8
    ("投资三亿五千万美元。", "zh", 3.5e8, "USD", "money"),   # 3 × 10^8 + 5000 × 10^4
    ("بلغت الاستثمارات ملياري دولار.", "ar", 2e9, "USD", "money"),  # the dual: two billion
    ("خصصت الحكومة ثلاثة مليارات دولار.", "ar", 3e9, "USD", "money"),
])
def test_number_words_before_a_scale_per_language(text, language, value, currency, kind):
    found = claims.find_claims(sentences([(text, language)]))
    assert found[["kind", "value", "currency"]].values.tolist() == [[kind, value, currency]]
    assert text[found["start"].iloc[0]:found["end"].iloc[0]] == found["text"].iloc[0]


@pytest.mark.parametrize("text, language", [
    ("Прошло два года.", "ru"),            # a number word alone is not an amount
    ("Es kostet einen Euro.", "de"),       # nor before a currency without a scale
    ("这十分重要。", "zh"),                 # 十 inside a word
    ("Les deux pays signent.", "fr"),
])
def test_number_words_without_a_scale_are_not_amounts(text, language):
    assert claims.find_claims(sentences([(text, language)])).empty


def test_number_word_before_a_currency_sign_leaves_the_amount_whole():
    found = claims.find_claims(sentences([("The UN $10 billion fund.", "en")]))
    assert found[["text", "value"]].values.tolist() == [["$10 billion", 1e10]]


def test_han_numbers():
    from helpers.compare import amount_words
    assert amount_words.parse_han_number("两千亿") == 2e11
    assert amount_words.parse_han_number("十一万亿") == 11e12
    assert amount_words.parse_han_number("三亿五千万") == 3.5e8
    assert amount_words.parse_han_number("二十") == 20
    assert np.isnan(amount_words.parse_han_number("两千x"))


def test_cyrillic_case_forms_group_as_one_name():
    forms = ["Путин", "Путина", "Путину", "Путиным", "Путине", "Путіна"]
    assert set(names.lemmatise_cyrillic(pd.Series(forms))) == {"Путин", "Путін"}
    key = names.lemmatise_cyrillic(pd.Series(["Андрей Волков", "Андрея Волкова", "Андрею Волкову",
                                              "Андреем Волковым", "Ольга Petrova", "Ольги Petrova"]))
    assert key.tolist() == ["Андр Волков"] * 4 + ["Ольг Petrova"] * 2
    s = pd.DataFrame({"doc_id": ["d"] * 4, "sent_id": [f"d-p01-s0{i}" for i in range(4)],
                      "role": ["paragraph"] * 4, "language": ["ru"] * 4,
                      "text": ["Вчера Андрей Волков выступил на форуме.",
                               "Эксперты спросили Андрея Волкова о чипах.",
                               "Слово дали Андрею Волкову.", "Позже с Андреем Волковым спорили."]})
    found = entities.discover_names(s)
    assert len(found) == 1 and found["n"].tolist() == [4]
    assert found["name"].iloc[0] in {"Андрей Волков", "Андрея Волкова", "Андрею Волкову", "Андреем Волковым"}
