"""References in Chicago author-date and APA, quotations, BibTeX and CSL JSON, checked by hand."""

import json

import pandas as pd
import pytest

from helpers.exchange import citations

DOCS = pd.DataFrame([
    {"doc_id": "001", "author": "Jean-Pierre Dupont; Ann Lee", "title": "Chips & Sanctions",
     "publisher": "Daily Example", "published": "2024-05-02", "url": "https://d.example/1",
     "source_type": "news", "language": "en"},
    {"doc_id": "002", "author": "", "title": "Who Leads AI?", "publisher": "Think Tank",
     "published": "", "url": "https://t.example/2", "source_type": "think_tank", "language": "en"},
    {"doc_id": "003", "author": "Lee, Ann", "title": "Talent", "publisher": "Blog X", "published": "2020-12",
     "url": "", "source_type": "blog", "language": "ru"},
], dtype="str")
SENTENCES = pd.DataFrame({"sent_id": ["001-p01-s01", "003-p02-s01"], "doc_id": ["001", "003"],
                          "text": ["Chips are scarce.", "Talent leaves."]})


def test_authors_are_split_into_family_and_given_names():
    assert citations.split_authors("Jean-Pierre Dupont; Ann Lee") == [
        {"family": "Dupont", "given": "Jean-Pierre"}, {"family": "Lee", "given": "Ann"}]
    assert citations.split_authors("Lee, Ann") == [{"family": "Lee", "given": "Ann"}]
    assert citations.split_authors("News Editor") == [{"literal": "News Editor"}]
    assert citations.split_authors("Reuters") == [{"literal": "Reuters"}]
    assert citations.split_authors("") == []


def test_chicago_author_date_references():
    refs = citations.format_references(DOCS, "chicago", accessed="2025-12-01").set_index("doc_id")
    assert refs.at["001", "reference"] == ("Dupont, Jean-Pierre and Ann Lee. 2024. “Chips & Sanctions.” "
                                           "Daily Example, May 2, 2024. https://d.example/1.")
    assert refs.at["001", "in_text"] == "(Dupont 2024)"
    # no author: the publisher stands in; no date: n.d. and the access date
    assert refs.at["002", "reference"] == ("Think Tank. n.d. “Who Leads AI?.” Accessed December 1, 2025. "
                                           "https://t.example/2.")
    assert refs.at["002", "in_text"] == "(Think Tank n.d.)"
    assert refs.at["003", "reference"] == "Lee, Ann. 2020. “Talent.” Blog X, December 2020."


def test_apa_references_with_markup():
    refs = citations.format_references(DOCS, "apa", accessed="2025-12-01", markup="markdown")
    refs = refs.set_index("doc_id")
    assert refs.at["001", "reference"] == ("Dupont, J.-P., & Lee, A. (2024, May 2). *Chips & Sanctions*. "
                                           "Daily Example. https://d.example/1")
    assert refs.at["001", "in_text"] == "(Dupont & Lee, 2024)"
    # no author: the title leads; undated: a retrieval date
    assert refs.at["002", "reference"] == ("*Who Leads AI?*. (n.d.). Think Tank. "
                                           "Retrieved December 1, 2025, from https://t.example/2")
    assert refs.at["003", "reference"] == "Lee, A. (2020, December). *Talent*. Blog X."
    html = citations.format_references(DOCS.head(1), "apa", markup="html")["reference"].iloc[0]
    assert "<i>Chips &amp; Sanctions</i>" in html


def test_no_access_date_is_invented_and_bad_options_are_named():
    refs = citations.format_references(DOCS, "chicago").set_index("doc_id")
    assert "Accessed" not in refs.at["002", "reference"]
    with pytest.raises(ValueError, match="style: 'mla' is not one of chicago, apa"):
        citations.format_references(DOCS, "mla")
    with pytest.raises(ValueError, match="markup: 'rtf'"):
        citations.format_references(DOCS, markup="rtf")


def test_quotations_carry_their_citation_and_reference():
    q = citations.quote_sentences(["003-p02-s01", "001-p01-s01"], SENTENCES, DOCS, "apa")
    assert q["quotation"].tolist() == ["“Talent leaves.” (Lee, 2020)",
                                       "“Chips are scarce.” (Dupont & Lee, 2024)"]
    assert q["reference"].iloc[0] == "Lee, A. (2020, December). Talent. Blog X."
    with pytest.raises(ValueError, match="sent_ids: '009-p01-s01' is not a sentence"):
        citations.quote_sentences(["009-p01-s01"], SENTENCES, DOCS)


def test_bibtex_entries_escape_special_characters():
    bib = citations.export_bibtex(DOCS, accessed="2025-12-01")
    first = bib.split("\n\n")[0]
    assert first.startswith("@online{dupont2024-001,\n")
    assert "  author = {Dupont, Jean-Pierre and Lee, Ann},\n" in first
    assert "  title = {{Chips \\& Sanctions}},\n" in first
    assert "  date = {2024-05-02},\n  year = {2024},\n" in first
    assert "  urldate = {2025-12-01}\n}" in first
    assert "@online{thinknd-002," in bib and "year =" not in bib.split("@online")[2]


def test_csl_json_items():
    # keys: first author's family name, or the publisher's first word; year or 'nd'; doc_id
    items = json.loads(citations.export_csl_json(DOCS))
    assert [i["id"] for i in items] == ["dupont2024-001", "thinknd-002", "lee2020-003"]
    assert items[0]["type"] == "article-newspaper" and items[0]["container-title"] == "Daily Example"
    assert items[0]["issued"] == {"date-parts": [[2024, 5, 2]]}
    assert items[1]["type"] == "report" and items[1]["publisher"] == "Think Tank" and "author" not in items[1]
    assert items[2]["type"] == "post-weblog" and items[2]["issued"] == {"date-parts": [[2020, 12]]}
    assert "accessed" not in items[2]
