"""Quantitative claims: money, percentages and counts, what is not an amount, and agreement."""

import pandas as pd
import pytest

from helpers.compare import claims


def sentences(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    ids = [f"{doc_id}-p01-s{i:02d}" for i in range(1, len(texts) + 1)]
    return pd.DataFrame({"doc_id": doc_id, "sent_id": ids, "role": "paragraph", "text": list(texts)})


def amounts(text: str) -> list[tuple]:
    found = claims.find_claims(sentences(text))
    return [(k, v, h, c, u) for k, v, h, c, u in
            zip(found["kind"], found["value"], found["value_high"], found["currency"], found["unit"])]


@pytest.mark.parametrize("source, expected", [
    ("$136 billion", [("money", 136e9, 136e9, "USD", "")]),
    ("11 trillion rubles", [("money", 11e12, 11e12, "RUB", "")]),
    ("850 billion roubles", [("money", 850e9, 850e9, "RUB", "")]),
    ("1.5 trillion roubles", [("money", 1.5e12, 1.5e12, "RUB", "")]),
    ("€3bn", [("money", 3e9, 3e9, "EUR", "")]),
    ("£3.2bn", [("money", 3.2e9, 3.2e9, "GBP", "")]),
    ("USD 5 million", [("money", 5e6, 5e6, "USD", "")]),
    ("US$4 billion", [("money", 4e9, 4e9, "USD", "")]),
    ("₽850 млрд", [("money", 850e9, 850e9, "RUB", "")]),
    ("1,5 трлн рублей", [("money", 1.5e12, 1.5e12, "RUB", "")]),
    ("five billion dollars", [("money", 5e9, 5e9, "USD", "")]),
    ("$10–20 billion", [("money", 10e9, 20e9, "USD", "")]),
    ("$10 billion to $20 billion", [("money", 10e9, 20e9, "USD", "")]),
    ("20%", [("percent", 20.0, 20.0, "", "%")]),
    ("20 per cent", [("percent", 20.0, 20.0, "", "%")]),
    ("10 to 20 percent", [("percent", 10.0, 20.0, "", "%")]),
    ("2.5 million users", [("count", 2.5e6, 2.5e6, "", "users")]),
    ("10,000 GPUs", [("count", 10_000.0, 10_000.0, "", "GPUs")]),
    ("10 000 видеокарт", [("count", 10_000.0, 10_000.0, "", "видеокарт")]),
    ("Two Russian AI models", [("count", 2.0, 2.0, "", "models")]),
    ("5mn users", [("count", 5e6, 5e6, "", "users")]),
    ("AI could add 11 trillion to the economy.", [("number", 11e12, 11e12, "", "")]),
    # not amounts
    ("Founded in 2020, it grew by 2030.", []),
    ("From 1993-2022 the army changed.", []),
    ("GPT-4 and GPT-4o and GigaChat 2.0 and v3.5 and 1.2.3", []),
    ("Russie.Nei.Reports, No. 34, Ifri", []),
    ("On February 24, 2022, and 27 August the war went on.", []),
    ("5G networks and 3D chips and the 1st place.", []),
    ("in 2024 elections", []),
    ("one of the best, an offensive one.", []),
    ("two apparently contradictory but fundamental trends", []),
    ("COVID-19 cases", []),
])
def test_amounts_in_tricky_strings(source, expected):
    assert amounts(source) == expected


def test_claim_columns_qualifier_target_year_and_offsets():
    text = ("Projections estimate more than 11 trillion rubles—approximately $136 billion—to GDP by 2030, "
            "ordered in early 2025.")
    found = claims.find_claims(sentences(text))
    assert found.columns.tolist() == claims.CLAIM_COLUMNS
    assert found["text"].tolist() == ["more than 11 trillion rubles", "approximately $136 billion"]
    assert found["qualifier"].tolist() == ["more than", "approximately"]
    assert found["target_year"].tolist() == [2030, 2030]
    assert [text[a:b] for a, b in zip(found["start"], found["end"])] == found["text"].tolist()
    in_year = claims.find_claims(sentences("Up to 40% in 2030."))
    assert in_year["target_year"].isna().all()  # "in 2030" is not a target year


def test_compare_claims_groups_the_same_claim_and_shows_the_implied_rate():
    s = pd.concat([
        sentences("AI will add 11 trillion rubles—approximately $136 billion—by 2030.",
                  "It adds over $136 billion by 2030.", doc_id="a"),
        sentences("A gain of $140 billion by 2030 is expected; also 20% growth.", doc_id="b"),
        sentences("A gain of $200 billion by 2030.", doc_id="c"),
    ], ignore_index=True)
    table = claims.compare_claims(claims.find_claims(s), s)
    first = table.iloc[0]
    assert first["claim"] == "11 trillion RUB = 136 billion USD"  # the median of 136, 136 and 140
    assert (first["n_mentions"], first["n_docs"], first["doc_ids"]) == (4, 2, "a, b")
    assert first["spread"] == pytest.approx(0.029)  # 140 / 136 - 1
    assert first["agrees"] and first["implied_rate"] == "80.9 RUB/USD"  # 11e12 / 136e9
    assert table["claim"].tolist()[1:] == ["20%", "200 billion USD"]
    assert table.loc[table["claim"] == "200 billion USD", "implied_rate"].item() == ""


def test_tabulate_claims_formats_each_amount():
    found = claims.find_claims(sentences("Over $136 billion by 2030 and 10–20% growth."))
    table = claims.tabulate_claims(found)
    assert table[["amount", "qualifier", "target_year", "text"]].values.tolist() == [
        ["136 billion USD", "over", 2030, "Over $136 billion"], ["10–20%", "", 2030, "10–20%"]]


def test_format_amount():
    assert claims.format_amount(1.36e11, "money", "USD") == "136 billion USD"
    assert claims.format_amount(10_000, "count", unit="GPUs") == "10,000 GPUs"
    assert claims.format_amount(10.0, "percent", high=20.0) == "10–20%"
    assert claims.format_amount(2.5, "count", unit="models") == "2.5 models"


def test_seed_claims(seed_corpus):
    found = claims.find_claims(seed_corpus.sentences)
    money = found[found["kind"] == "money"]
    assert money["doc_id"].unique().tolist() == ["003"]  # only one source gives figures
    assert money["sent_id"].tolist() == ["003-p01-s02", "003-p07-s01", "003-p13-s04", "003-p13-s04",
                                         "003-p22-s01"]
    assert set(found["target_year"].dropna()) == {2030}
    table = claims.compare_claims(found, seed_corpus.sentences)
    top = table.iloc[0]
    assert top["claim"] == "136 billion USD = 11 trillion RUB" and top["implied_rate"] == "80.9 RUB/USD"
    assert top["sent_ids"] == "003-p01-s02, 003-p07-s01, 003-p13-s04, 003-p22-s01"


@pytest.mark.parametrize("sentence, expected", [
    ("Эксперты оценивают инвестиции в 850 миллиардов рублей до 2030 года.",
     ("money", 850e9, "RUB", "", 2030)),
    ("Бюджет составит 1,5 трлн руб. к 2030 году.", ("money", 1.5e12, "RUB", "", 2030)),
    ("Затраты составят 3 миллиона долларов.", ("money", 3e6, "USD", "", None)),
    ("Около 10 тысяч специалистов уехали.", ("count", 1e4, "", "специалистов", None)),
    ("Рост на 20 процентов.", ("percent", 20.0, "", "%", None)),
])
def test_russian_amounts_with_scale_words_in_every_form(sentence, expected):
    found = claims.find_claims(pd.DataFrame({"doc_id": ["r"], "sent_id": ["r-s1"], "text": [sentence]}))
    assert len(found) == 1
    row = found.iloc[0]
    year = None if pd.isna(row["target_year"]) else int(row["target_year"])
    assert (row["kind"], row["value"], row["currency"], row["unit"], year) == expected
