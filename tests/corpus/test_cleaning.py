"""Each cleaning rule on small inline pages, and the rules file's validation."""

import pandas as pd
import pytest

from helpers.corpus import cleaning
from helpers.corpus import rules as cleaning_rules

RULES = cleaning_rules.load_cleaning_rules()
BODY = "Russia's AI strategy faces sanctions, a brain drain and a lack of investment today."


def classify(page: str, title: str = "", author: str = "", rules=RULES) -> pd.DataFrame:
    found = cleaning.split_blocks(page)
    blocks = pd.DataFrame([{"doc_id": "d", "block_id": f"d-b{i:02d}", "position": i, **b}
                           for i, b in enumerate(found)])
    docs = pd.DataFrame({"doc_id": ["d"], "title": [title], "author": [author]})
    out, problems = cleaning.classify_blocks(blocks, docs, rules)
    out.attrs["problems"] = problems
    return out


def roles(page: str, **kw) -> list[tuple[int, str]]:
    return [(r.line_start, r.role) for r in classify(page, **kw).itertuples()]


def test_split_blocks_joins_wrapped_lines_and_keeps_line_numbers():
    page = ("A heading\n\nThis paragraph was wrapped by a PDF export at a fixed\n"
            "width of sixty characters or so.\n- a bullet\n")
    assert cleaning.split_blocks(page) == [
        {"line_start": 1, "line_end": 1, "raw": "A heading"},
        {"line_start": 3, "line_end": 4,
         "raw": "This paragraph was wrapped by a PDF export at a fixed\nwidth of sixty characters or so."},
        {"line_start": 5, "line_end": 5, "raw": "- a bullet"},
    ]


def test_split_blocks_handles_crlf():
    assert [b["raw"] for b in cleaning.split_blocks("One.\r\n\r\nTwo.\r\n")] == ["One.", "Two."]


def test_title_heading_paragraph_and_list_items():
    page = f"My Title\n\nSection One\n\n{BODY}\n\n• first point here.\n  - second point here.\n"
    assert roles(page, title="My title") == [(1, "title"), (3, "heading"), (5, "paragraph"),
                                             (7, "list_item"), (8, "list_item")]


def test_markdown_headings_are_headings_even_when_long_and_lose_their_hashes():
    page = (f"# The Title\n\n{BODY}\n\n## A long section heading that ends with a full stop and goes on "
            "for more than fourteen words in all.\n\n- item one\n")
    out = classify(page)
    assert out["role"].tolist() == ["title", "paragraph", "heading", "list_item"]
    assert out["text"][0] == "The Title" and out["text"][2].startswith("A long section")
    assert out["reason"][2] == "heading: Markdown heading (#)"


def test_first_heading_like_line_is_the_title_when_the_manifest_has_none():
    assert roles(f"Some Title\n{BODY}")[0] == (1, "title")


def test_repeated_title_and_repeated_paragraph_are_duplicates():
    out = classify(f"The Title\n{BODY}\nTHE TITLE\n{BODY}", title="The title")
    assert out["role"].tolist() == ["title", "paragraph", "duplicate", "duplicate"]
    assert out["reason"].tolist()[2:] == ["repeats the title", "repeats line 2"]


def test_furniture_phrases_and_separators_are_boilerplate():
    out = classify(f"No time to read?\nGet a summary\n***\n{BODY}")
    assert out["role"].tolist() == ["boilerplate"] * 3 + ["paragraph"]
    assert out["reason"][0] == "furniture phrase 'No time to read?'"
    assert out["reason"][2] == "separator: a line with no words"


def test_end_marker_turns_the_rest_of_the_page_into_tail():
    page = f"{BODY}\nPrevious Article\nGaza Protests Escalate\nOn February 24, 2022, war began."
    out = classify(page)
    assert out["role"].tolist() == ["paragraph"] + ["boilerplate"] * 3
    assert out["reason"][3] == "page tail after 'Previous Article' (line 2)"


def test_end_marker_before_any_running_text_removes_only_itself():
    out = classify(f"Share this post\n{BODY}\n{BODY.replace('today', 'now')}")
    assert out["role"].tolist() == ["boilerplate", "paragraph", "paragraph"]
    assert out["reason"][0].endswith("before any article text: only this line removed")


def test_reference_section_keywords_and_byline_are_metadata_and_byline_date_is_found():
    page = (f"{BODY}\n\nReferences\n[^1]: \"AI.\" Financial Times. Retrieved October 10, 2023.\n"
            "Metadata\nKeywords: AI, Russia.\nNews Editor 2025年9月29日\n")
    out = classify(page)
    assert out["role"].tolist() == ["paragraph"] + ["metadata"] * 5
    assert out["reason"].tolist()[1:] == [
        "metadata section heading 'References'", "reference entry",
        "metadata section heading 'Metadata'", "metadata label 'Keywords:'",
        "byline dated '2025年9月29日'"]
    found = cleaning.find_byline_dates(out)
    assert found.drop(columns="doc_id").values.tolist() == [["2025-09-29", "day", "2025年9月29日", 7]]


def test_metadata_section_ends_at_the_next_ordinary_heading():
    page = f"{BODY}\nKey Sources\n- Government announcements\nLooking Ahead\n{BODY} Again."
    assert roles(page) == [(1, "paragraph"), (2, "metadata"), (3, "metadata"), (4, "heading"),
                           (5, "paragraph")]


@pytest.mark.parametrize("page", [
    f"{BODY}\nOn 19 November 2025 Putin spoke.\nThe rest follows.",   # a sentence, at the end
    f"{BODY}\nUpdate 19 November 2025\n{BODY} Still the body.",       # between two paragraphs
])
def test_a_date_inside_the_article_is_not_a_byline(page):
    assert "metadata" not in classify(page)["role"].tolist()


def test_author_bio_by_manifest_author_and_generic_late_bio():
    page = (f"{BODY}\nJulien Nocetti is an associate fellow at Ifri and a lecturer at Saint-Cyr.\n"
            f"{BODY} More.\nAnna Petrova is a senior researcher at the Carnegie Endowment in Berlin.")
    out = classify(page, author="Julien Nocetti")
    assert out["role"].tolist() == ["paragraph", "metadata", "paragraph", "metadata"]
    assert set(out["reason"][[1, 3]]) == {"author bio"}


def test_call_to_action_blurb_is_boilerplate_but_one_imperative_in_prose_is_not():
    blurb = ("Russia's AI task force boosts generative AI. Explore impacts on economy and security. "
             "Discover key developments and FAQs now.")
    prose = f"{BODY} Read the plan and you see why. It is long. It is detailed."
    assert classify(f"{BODY}\n{blurb}\n{prose}")["role"].tolist() == ["paragraph", "boilerplate",
                                                                       "paragraph"]


def test_line_after_a_lone_bullet_marker_is_a_list_item():
    out = classify(f"{BODY}\n-\nTask force coordinates generative AI.\n-\nIt focuses on data centers.")
    assert out["role"].tolist() == ["paragraph", "boilerplate", "list_item", "boilerplate",
                                    "list_item"]
    assert out["reason"][2] == "list item after a lone bullet marker (line 2)"


def _rules_with(tmp_path, text: str) -> cleaning_rules.CleaningRules:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return cleaning_rules.load_cleaning_rules(path)


def test_overrides_by_line_range_and_by_text_and_unmatched_override_is_reported(tmp_path):
    rules = _rules_with(tmp_path, (
        "metadata_sections: [Key Sources]\noverrides:\n"
        "  - {doc_id: d, lines: '2-3', role: paragraph, note: keep the sources}\n"
        "  - {doc_id: d, contains: 'nothing like this', role: boilerplate}\n"))
    out = classify(f"{BODY}\nKey Sources\n- Government announcements", rules=rules)
    assert out["role"].tolist() == ["paragraph", "paragraph", "paragraph"]
    assert out["reason"][1].endswith(": keep the sources")
    assert [p["problem"] for p in out.attrs["problems"]] == [
        "rules.yaml: override for 'nothing like this' matched no block"]


@pytest.mark.parametrize("content, message", [
    ("furniture_phrase: [x]\n", "unknown key 'furniture_phrase'"),
    ("end_markers: oops\n", "'end_markers' must be a list of non-empty strings"),
    ("overrides:\n  - {doc_id: d, line: 3, role: sidebar}\n", "role 'sidebar' is not one of"),
    ("overrides:\n  - {doc_id: d, role: heading}\n", "give exactly one of 'line', 'lines'"),
    ("overrides:\n  - {doc_id: d, lines: '9-3', role: heading}\n", "'lines' must look like"),
    ("overrides:\n  - {doc_id: d, line: 3, role: heading, colour: red}\n", "unknown key 'colour'"),
    ("- just\n- a list\n", "expected a mapping"),
    ("end_markers: [unclosed\n", "not valid YAML"),
])
def test_rules_file_errors_name_the_file_and_the_fix(tmp_path, content, message):
    with pytest.raises(cleaning_rules.CleaningRulesError, match="rules.yaml") as info:
        _rules_with(tmp_path, content)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_a_key_given_twice_in_a_rules_file_is_an_error_not_silently_the_last(tmp_path):
    with pytest.raises(cleaning_rules.CleaningRulesError,
                       match=r"^rules.yaml: 'end_markers' appears twice \(line 2\); keep it once$"):
        _rules_with(tmp_path, "end_markers: [A]\nend_markers: [B]\n")
