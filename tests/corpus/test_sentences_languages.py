"""Sentence boundaries in every language: titles, abbreviations before numbers, initials,
"the U.S." at a sentence end, numbered items, spaced ellipses, dialogue dashes, quotation marks,
CJK punctuation inside titles."""

import pandas as pd
import pytest

from helpers.corpus.sentences import split_sentences


def split(text: str, language: str) -> list[str]:
    paragraphs = pd.DataFrame({"doc_id": ["001"], "para_id": ["001-p01"], "role": ["paragraph"],
                               "text": [text], "language": [language]})
    return split_sentences(paragraphs)["text"].tolist()


CASES = [
    # titles before names
    ("ru", "Доклад подготовил проф. Семенов. Он работает в МГУ.",
     ["Доклад подготовил проф. Семенов.", "Он работает в МГУ."]),
    ("it", "Ha parlato il Dott. Rossi. Poi la Sig.ra Bianchi ha risposto.",
     ["Ha parlato il Dott. Rossi.", "Poi la Sig.ra Bianchi ha risposto."]),
    ("es", "La Sra. García dirige el centro. El Dr. Pérez la apoya.",
     ["La Sra. García dirige el centro.", "El Dr. Pérez la apoya."]),
    ("fr", "Selon M. Dupont, la Russie recule. Mme Martin n'est pas d'accord.",
     ["Selon M. Dupont, la Russie recule.", "Mme Martin n'est pas d'accord."]),
    ("pt", "O Sr. Costa falou primeiro. A Profa. Lima respondeu.",
     ["O Sr. Costa falou primeiro.", "A Profa. Lima respondeu."]),
    ("uk", "Виступив проф. Коваленко. Він говорив про санкції.",
     ["Виступив проф. Коваленко.", "Він говорив про санкції."]),
    # abbreviations before numbers
    ("ru", "Офис находится в кв. 234 на втором этаже. Встреча прошла 19 нояб. 2025 года.",
     ["Офис находится в кв. 234 на втором этаже.", "Встреча прошла 19 нояб. 2025 года."]),
    ("es", "El acuerdo se firmó en Ago. 1984 en Madrid. Luego fue revisado.",
     ["El acuerdo se firmó en Ago. 1984 en Madrid.", "Luego fue revisado."]),
    ("de", "Siehe Nr. 5 der Liste. Das Gesetz gilt seit Okt. 2024 in Kraft.",
     ["Siehe Nr. 5 der Liste.", "Das Gesetz gilt seit Okt. 2024 in Kraft."]),
    ("en", "See No. 34 in the list. It names the firms.", ["See No. 34 in the list.", "It names the firms."]),
    # compound initials and abbreviations made of initials
    ("ru", "Выступил В.В. Путин. Он говорил об ИИ.", ["Выступил В.В. Путин.", "Он говорил об ИИ."]),
    ("de", "Viele Firmen, z. B. Yandex, bauen Modelle. Andere warten ab.",
     ["Viele Firmen, z. B. Yandex, bauen Modelle.", "Andere warten ab."]),
    ("es", "Rusia compite con EE. UU. y China en la carrera. Pero va por detrás.",
     ["Rusia compite con EE. UU. y China en la carrera.", "Pero va por detrás."]),
    # "the U.S." at a real sentence end, and not at one
    ("en", "Chips come from the U.S. The ban hurts Moscow.",
     ["Chips come from the U.S.", "The ban hurts Moscow."]),
    ("en", "The U.S. Commerce Department added firms.", ["The U.S. Commerce Department added firms."]),
    # numbered items
    ("en", "Three obstacles remain: 1. Chips are scarce. 2. Talent has left. 3. Funding is low.",
     ["Three obstacles remain: 1. Chips are scarce.", "2. Talent has left.", "3. Funding is low."]),
    ("ru", "1. Санкции. 2. Утечка мозгов.", ["1. Санкции.", "2. Утечка мозгов."]),
    ("en", "Russia ranked 31. The index covers 83 countries.",
     ["Russia ranked 31.", "The index covers 83 countries."]),
    # spaced ellipses
    ("en", "Russia wanted to lead . . . But it did not.", ["Russia wanted to lead . . . But it did not."]),
    ("en", "It ends here . . . . Next comes another.", ["It ends here . . . .", "Next comes another."]),
    # dialogue dash after a question
    ("ru", "— Вы отстаёте? — спросил журналист. — Нет, — ответил он.",
     ["— Вы отстаёте? — спросил журналист.", "— Нет, — ответил он."]),
    # German and French quotation marks
    ("de", "Er sagte: „Wir holen auf.“ Das bezweifeln viele.",
     ["Er sagte: „Wir holen auf.“", "Das bezweifeln viele."]),
    ("fr", "Il a dit : « Nous rattrapons notre retard. » Beaucoup en doutent.",
     ["Il a dit : « Nous rattrapons notre retard. »", "Beaucoup en doutent."]),
    ("fr", "« Vraiment ? » a-t-il demandé. Oui.", ["« Vraiment ? » a-t-il demandé.", "Oui."]),
    # Chinese: ！ inside 《…》 does not end a sentence
    ("zh", "他读了《你好！人工智能》这本书。俄罗斯落后了。",
     ["他读了《你好！人工智能》这本书。", "俄罗斯落后了。"]),
    ("zh", "俄罗斯落后了！美国领先。", ["俄罗斯落后了！", "美国领先。"]),
    ("ar", "تتخلف روسيا في السباق. هل يمكنها اللحاق؟ يشك الخبراء.",
     ["تتخلف روسيا في السباق.", "هل يمكنها اللحاق؟", "يشك الخبراء."]),
    ("it", "La Russia è indietro. Lo dice la classifica.",
     ["La Russia è indietro.", "Lo dice la classifica."]),
]


@pytest.mark.parametrize("language, text, expected", CASES)
def test_boundaries_per_language(language, text, expected):
    assert split(text, language) == expected


def test_language_decides_the_abbreviation_list():
    text = "Firmado en Ago. 1984 en Madrid."
    assert split(text, "es") == [text]
    assert split(text, "en") == ["Firmado en Ago.", "1984 en Madrid."]  # not an English abbreviation
    assert split(text, "") == ["Firmado en Ago.", "1984 en Madrid."]  # unknown: English lists
