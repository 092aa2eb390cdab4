"""The gazetteer, mentions (longest match, aliases, Cyrillic), the entity matrix and name discovery."""

import pandas as pd
import pytest

from helpers.compare import entities, gazetteer

FURNITURE_ONLY = ["Macron", "Merz", "Tusk", "Moldova", "HMRC", "Gaza", "Nadezhda Babkina", "Babkina",
                  "Financial Times", "Ukraine"]


def sentences(*texts: str, doc_id: str = "d", role: str = "paragraph") -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": doc_id,
        "sent_id": [f"{doc_id}-p{i:02d}-s01" for i in range(1, len(texts) + 1)],
        "role": role,
        "text": list(texts),
    })


def mentions_of(*texts: str) -> list[tuple[str, str]]:
    found = entities.find_mentions(sentences(*texts))
    return list(zip(found["entity"], found["text"]))


@pytest.mark.parametrize("source, expected", [
    ("President Vladimir Putin spoke.", [("Vladimir Putin", "President Vladimir Putin")]),
    ("Vladimir Putin and Putin’s aides.",
     [("Vladimir Putin", "Vladimir Putin"), ("Vladimir Putin", "Putin")]),
    ("Yandex GPT beat Yandex.", [("YandexGPT", "Yandex GPT"), ("Yandex", "Yandex")]),
    ("Gigachat, GigaChat and ГигаЧат.", [("GigaChat", "Gigachat"), ("GigaChat", "GigaChat"),
                                         ("GigaChat", "ГигаЧат")]),
    ("Заявление Путина и Сбербанка.", [("Vladimir Putin", "Путина"), ("Sberbank", "Сбербанка")]),
    ("Яндекс и ЯндексGPT.", [("Yandex", "Яндекс"), ("YandexGPT", "ЯндексGPT")]),
    ("U.S.-Russia tensions; Russia/China.", [("United States", "U.S."), ("Russia", "Russia"),
                                             ("Russia", "Russia"), ("China", "China")]),
    ("Russianness and Putinist and Sberbanking are not names.", []),
    ("Yandex GPTs are models.", [("Yandex", "Yandex")]),
    ("The Russian Hydrometeorological Center warned.", [("Russian Hydrometeorological Center",
                                                         "Russian Hydrometeorological Center")]),
    ("AI and GDP are terms.", []),
    ("the state duma", []),  # aliases are case-sensitive
])
def test_mentions_resolve_aliases_longest_match_first(source, expected):
    assert mentions_of(source) == expected


def test_mention_offsets_point_into_the_sentence():
    s = sentences("«Россия» — и Путин, President Putin’s Kremlin.")
    found = entities.find_mentions(s)
    text = s["text"].iloc[0]
    assert [text[a:b] for a, b in zip(found["start"], found["end"])] == found["text"].tolist()
    assert found["entity"].tolist() == ["Russia", "Vladimir Putin", "Vladimir Putin", "Kremlin"]
    assert found["alias"].tolist() == ["Россия", "Путин*", "President Putin", "Kremlin"]


def write_gazetteer(tmp_path, rows: str):
    path = tmp_path / "gaz.csv"
    path.write_text("entity,type,country,aliases,note\n" + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("rows, message", [
    ("Russia,country,,Russia|Russian,\nRussian Federation,country,,Russian,\n",
     "gaz.csv row 3 (Russian Federation): alias 'Russian' also belongs to Russia (row 2); "
     "keep each alias in one row"),
    ("Putin,persn,,Putin,\n",
     "gaz.csv row 2 (Putin): unknown type 'persn'; use one of person, organisation, country, place, "
     "ai_model, event, ignore"),
    ("Russia,country,,Russia,\n,person,,Putin,\n",
     "gaz.csv row 3: empty entity name; give the canonical name in column 'entity'"),
    ("Putin,person,Rusia,Putin,\nRussia,country,,Russia,\n",
     "gaz.csv row 2 (Putin): country 'Rusia' is not a gazetteer entity of type country; "
     "add it or fix the spelling"),
    ("Putin,person,,Putin,\nPutin,person,,Vladimir Putin,\n",
     "gaz.csv row 3 (Putin): entity already listed in row 2; merge the two rows"),
    ("Putin,person,,Pu*tin,\n", "gaz.csv row 2 (Putin): alias: pattern 'Pu*tin': '*' may only end a word, "
                                "after a letter; write '\\*' for a literal star"),
])
def test_bad_gazetteer_rows_raise_one_line_errors(tmp_path, rows, message):
    path = write_gazetteer(tmp_path, rows)
    with pytest.raises(gazetteer.GazetteerError) as err:
        entities.load_gazetteer(path)
    assert str(err.value).endswith(message)
    assert "\n" not in str(err.value)


def test_a_gazetteer_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "gaz.csv"
    path.write_bytes("entity,type,country,aliases,note\nПутин,person,,Путин,\n".encode("cp1251"))
    with pytest.raises(gazetteer.GazetteerError, match=r"gaz.csv: cannot read the gazetteer as UTF-8 CSV"):
        entities.load_gazetteer(path)


def test_gazetteer_lists_every_alias_with_its_row(tmp_path):
    path = write_gazetteer(tmp_path, "Russia,country,Russia,Russian|Росси*,\nPutin,person,Russia,Путин*,\n")
    gaz = entities.load_gazetteer(path)
    assert gaz[["entity", "alias", "row"]].values.tolist() == [
        ["Russia", "Russia", 2], ["Russia", "Russian", 2], ["Russia", "Росси*", 2], ["Putin", "Putin", 3],
        ["Putin", "Путин*", 3]]
    found = entities.find_mentions(sentences("Россией правит Путин."), gaz)
    assert found["entity"].tolist() == ["Russia", "Putin"]


def test_the_shipped_gazetteer_is_valid_and_has_cyrillic_aliases():
    gaz = entities.load_gazetteer()
    assert set(gaz["type"]) <= set(gazetteer.ENTITY_TYPES)
    aliases = gaz.set_index("alias")["entity"]
    assert aliases["Путин*"] == "Vladimir Putin" and aliases["Сбербанк*"] == "Sberbank"
    assert aliases["ГигаЧат"] == "GigaChat" and aliases["Яндекс*"] == "Yandex"
    assert aliases["Yandex GPT"] == "YandexGPT" and aliases["Gigachat"] == "GigaChat"


def test_count_mentions_makes_an_entity_by_group_matrix():
    s = pd.concat([sentences("Putin met Mishustin. Putin left.", doc_id="a"),
                   sentences("Sberbank built GigaChat.", doc_id="b")], ignore_index=True)
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "kind": ["news", "blog", "news"]})
    found = entities.find_mentions(s)
    by_doc = entities.count_mentions(found, docs)
    assert by_doc.columns.tolist() == ["entity", "type", "a", "b", "c", "total"]
    assert by_doc.iloc[0].tolist() == ["Vladimir Putin", "person", 2, 0, 0, 2]
    by_kind = entities.count_mentions(found, docs, by="kind", types=["organisation", "ai_model"])
    assert by_kind[["entity", "blog", "news"]].values.tolist() == [["GigaChat", 1, 0], ["Sberbank", 1, 0]]


def test_discovery_lists_unknown_names_with_an_example():
    s = pd.concat([
        sentences("Analysts at the Higher School of Economics praised Kandinsky.",
                  "Despite this, Anna Petrova from Rostelecom disagreed with the Bank of Russia.",
                  "Rostelecom said: Many firms wait.",
                  "Economic Potential: Growth is slow.",
                  "Anna Petrova’s view changed in March."),
        sentences("A Heading With Capitalised Words", doc_id="h", role="heading"),
    ], ignore_index=True)
    found = entities.discover_names(s)
    assert found[["name", "n", "n_docs", "sent_id"]].values.tolist() == [
        ["Anna Petrova", 2, 1, "d-p02-s01"],
        ["Rostelecom", 2, 1, "d-p02-s01"],
        ["Bank of Russia", 1, 1, "d-p02-s01"],
        ["Higher School of Economics", 1, 1, "d-p01-s01"],
    ]
    assert found["text"].iloc[0].startswith("Despite this, Anna Petrova from")
    assert entities.discover_names(s, min_count=2)["name"].tolist() == ["Anna Petrova", "Rostelecom"]


def test_seed_mentions(seed_corpus):
    found = entities.find_mentions(seed_corpus.sentences)
    counts = found.groupby(["doc_id", "entity"]).size()
    assert counts[("003", "GigaChat")] == 2 and counts[("003", "YandexGPT")] == 1
    assert counts[("003", "Sberbank")] == 1 and ("003", "Yandex") not in counts.index
    assert counts[("001", "Mikhail Mishustin")] == 4
    assert counts[("003", "Vladimir Putin")] == 11  # "President Vladimir Putin" counts once
    assert found.loc[found["sent_id"] == "004-p02-s01", "entity"].tolist() == ["Russia", "Vladimir Putin",
                                                                               "Moscow", "the West"]


def test_furniture_only_names_are_neither_mentions_nor_discoveries(seed_corpus):
    gaz = entities.load_gazetteer()
    with_furniture = pd.concat([gaz, pd.DataFrame({
        "entity": ["Emmanuel Macron", "Friedrich Merz", "Moldova", "Gaza"],
        "type": ["person", "person", "country", "place"], "country": "", "row": 0,
        "alias": ["Macron", "Merz", "Moldova", "Gaza"]})], ignore_index=True).drop_duplicates("alias")
    found = entities.find_mentions(seed_corpus.sentences, with_furniture)
    names = set(found["text"]) | set(found["entity"])
    discovered = " ".join(entities.discover_names(seed_corpus.sentences)["name"])
    for name in FURNITURE_ONLY:
        assert name not in names
        assert name not in discovered
    raw = " ".join(seed_corpus.blocks["text"])
    assert all(name in raw for name in ["Macron", "Merz", "Tusk", "Moldova", "HMRC", "Gaza", "Babkina"])
