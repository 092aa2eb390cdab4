"""Source texts and positions: what a QDA tool sees, and where each sentence sits in it."""

import pandas as pd

from helpers import exchange


def test_source_text_joins_content_paragraphs_with_a_blank_line(tiny):
    c, _, _ = tiny
    texts = exchange.build_source_texts(c.paragraphs).set_index("doc_id")
    assert texts.at["001", "text"] == "Sanctions bite. Chips are scarce.\n\nTalent leaves. Sanctions again."
    assert texts.at["001", "n_chars"] == 66
    assert texts.at["002", "text"] == "Nothing here.\n\nChips and talent both matter."


def test_sentences_and_matches_are_located_in_the_source_text(tiny):
    c, _, matches = tiny
    spans = exchange.locate_sentences(c.sentences, c.paragraphs).set_index("sent_id")
    assert spans.loc["001-p02-s01", ["start", "end"]].tolist() == [35, 49]   # after 33 chars + "\n\n"
    assert spans.loc["001-p02-s02", ["start", "end"]].tolist() == [50, 66]
    assert spans.loc["002-p02-s01", ["start", "end"]].tolist() == [15, 44]
    text = exchange.build_source_texts(c.paragraphs).set_index("doc_id")["text"]
    for row in spans.reset_index().itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text
    located = exchange.locate_matches(matches, c.sentences, c.paragraphs)
    talent = located[(located["doc_id"] == "002") & (located["theme"] == "talent")]
    assert talent[["start", "end"]].values.tolist() == [[25, 31]]
    assert text["002"][25:31] == "talent"


def test_a_segment_counts_for_every_sentence_it_shares_a_character_with(tiny):
    c, _, _ = tiny
    spans = exchange.locate_sentences(c.sentences, c.paragraphs)
    segments = pd.DataFrame({"doc_id": ["001", "001", "001", "002"], "start": [10, 33, 15, 0],
                             "end": [40, 35, 16, 1], "theme": ["a", "b", "c", "d"]})
    got = exchange.assign_sentences(segments, spans)
    assert got[["theme", "sent_id"]].values.tolist() == [
        ["a", "001-p01-s01"], ["a", "001-p01-s02"], ["a", "001-p02-s01"],  # 10-40 spans three
        ["d", "002-p01-s01"]]  # 33-35 is the blank line; 15-16 the space between two sentences
