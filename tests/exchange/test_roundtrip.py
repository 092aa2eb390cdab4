"""Export, (edit,) import: the hand-coded project scores the coder with exactly the expected figures."""

import pandas as pd
import pytest
from lxml import etree

from helpers import exchange, themes
from tests.exchange.conftest import NS, rewrite_qdpx

Q = "{urn:QDA-XML:project:1.0}"


def scores(path, tiny, mapping=None):
    c, cb, matches = tiny
    sample, problems = exchange.build_validation(exchange.read_qdpx(path), c, cb, mapping)
    return themes.score_validation(sample, matches, cb).set_index("theme"), sample, problems


@pytest.mark.parametrize("level", ["sentence", "match"])
def test_an_unedited_export_agrees_perfectly(tmp_path, tiny, level):
    c, cb, matches = tiny
    path = exchange.export_project(tmp_path / "p.qdpx", c, cb, matches, level=level)
    table, sample, problems = scores(path, tiny)
    assert problems.empty
    assert len(sample) == 6 * 3 and sample["is_present"].sum() == 6
    assert (table[["precision", "recall", "f1", "kappa"]] == 1.0).all().all()


def edit(root):
    """Remove the sanctions coding of 'Sanctions again.', add chips to 'Nothing here.', rename Talent."""
    codes = {c.get("name"): c for c in root.iter(f"{Q}Code")}
    sources = root.findall("q:Sources/q:TextSource", NS)
    last = [s for s in sources[0].findall("q:PlainTextSelection", NS) if s.get("startPosition") == "50"][0]
    last.remove(last.find("q:Coding", NS))
    new = etree.Element(f"{Q}PlainTextSelection", guid="0b0b0b0b-0000-4000-8000-000000000001",
                        startPosition="0", endPosition="13")
    coding = etree.SubElement(new, f"{Q}Coding", guid="0b0b0b0b-0000-4000-8000-000000000002")
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=codes["Chips and computing"].get("guid"))
    sources[1].insert(0, new)
    codes["Talent"].set("name", "People on the move")


def test_an_edited_export_gives_exactly_the_expected_figures(tmp_path, tiny):
    c, cb, matches = tiny
    path = exchange.export_project(tmp_path / "p.qdpx", c, cb, matches)
    edited = rewrite_qdpx(path, tmp_path / "edited.qdpx", edit)
    with pytest.raises(exchange.QdaError, match="code 'People on the move' matches no theme"):
        scores(edited, tiny)
    table, sample, _ = scores(edited, tiny, {"People on the move": "talent"})
    # sanctions: hand 1 (s01 only), coder 2 -> tp 1, fp 1; po 5/6, pe (2*1 + 4*5)/36 -> kappa 4/7
    assert table.loc["sanctions", ["n", "n_hand", "n_coder", "tp", "fp", "fn"]].tolist() == [6, 1, 2, 1, 1, 0]
    assert table.loc["sanctions", ["precision", "recall", "f1"]].tolist() == pytest.approx([0.5, 1.0, 2 / 3])
    assert table.loc["sanctions", "kappa"] == pytest.approx(4 / 7)
    # chips: hand 3 (the added 'Nothing here.'), coder 2 -> fn 1; po 5/6, pe 18/36 -> kappa 2/3
    assert table.loc["chips", ["n_hand", "n_coder", "tp", "fp", "fn"]].tolist() == [3, 2, 2, 0, 1]
    chips = table.loc["chips", ["precision", "recall", "f1", "kappa"]].tolist()
    assert chips == pytest.approx([1, 2 / 3, 0.8, 2 / 3])
    # talent, renamed and mapped back: unchanged
    assert table.loc["talent", ["tp", "fp", "fn", "kappa"]].tolist() == [2, 0, 0, 1.0]
    # all 18 decisions: tp 5, fp 1, fn 1, tn 11; po 16/18, pe (6*6 + 12*12)/324 -> kappa 3/4
    micro = table.loc["all themes (micro)"]
    assert micro[["n", "tp", "fp", "fn"]].tolist() == [18, 5, 1, 1]
    figures = micro[["precision", "recall", "f1", "kappa"]].tolist()
    assert figures == pytest.approx([5 / 6, 5 / 6, 5 / 6, 3 / 4])


def test_a_code_mapped_to_null_is_left_out_and_a_mapping_to_an_unknown_theme_stops(tmp_path, tiny):
    c, cb, matches = tiny
    path = exchange.export_project(tmp_path / "p.qdpx", c, cb, matches)
    edited = rewrite_qdpx(path, tmp_path / "edited.qdpx", edit)
    table, _, _ = scores(edited, tiny, {"People on the move": None})
    assert list(table.index) == ["sanctions", "chips", "all themes (micro)"]
    with pytest.raises(exchange.QdaError, match="theme 'people' is not in the codebook"):
        scores(edited, tiny, {"People on the move": "people"})
    # unknown='skip' leaves an unknown code out and records it, instead of stopping
    sample, problems = exchange.build_validation(exchange.read_qdpx(edited), c, cb, unknown="skip")
    assert sorted(set(sample["theme"])) == ["chips", "sanctions"]
    assert problems["problem"].str.startswith("code 'People on the move' matches no theme").tolist() == [True]


def test_the_mapping_file_is_read_from_yaml(tmp_path):
    path = tmp_path / "codes.yaml"
    path.write_text("People on the move: talent\nMemo: null\n", encoding="utf-8")
    assert exchange.read_code_mapping(path) == {"People on the move": "talent", "Memo": None}
    path.write_text("People: [talent]\n", encoding="utf-8")
    with pytest.raises(exchange.QdaError, match="must be 'code name: theme_id'"):
        exchange.read_code_mapping(path)


def test_a_source_whose_text_changed_is_reported_and_left_out(tmp_path, tiny):
    c, cb, matches = tiny
    path = exchange.export_project(tmp_path / "p.qdpx", c, cb, matches)
    project = exchange.read_qdpx(path)
    changed = project.sources.copy()
    changed.loc[changed["doc_id"] == "002", "text"] = "Nothing here at all.\n\nChips and talent both matter."
    changed.loc[len(changed)] = {"guid": "x", "name": "009 gone", "doc_id": "009", "text": "Gone."}
    project = exchange.QdaProject(changed, project.codes, project.segments, project.users, project.source)
    sample, problems = exchange.build_validation(project, c, cb)
    assert problems[["doc_id", "problem"]].values.tolist() == [
        ["002", "text changed since the export"], ["009", "not in the corpus"]]
    assert set(sample["doc_id"]) == {"001"} and len(sample) == 4 * 3


def test_the_shipped_hand_coded_project_scores_like_the_csv_sample(seed_corpus):
    cb = themes.load_codebook()
    matches = themes.code_sentences(seed_corpus.sentences, cb, seed_corpus.documents)
    shipped = "data/validation/hand_coded_sentences.qdpx"
    from_qdpx, problems = exchange.import_validation(shipped, seed_corpus, cb)
    from_csv = themes.select_sample(themes.load_validation(), seed_corpus.sentences)
    assert problems.empty
    pd.testing.assert_frame_equal(themes.score_validation(from_qdpx, matches, cb),
                                  themes.score_validation(from_csv, matches, cb))
    codings = exchange.list_hand_codings(exchange.read_qdpx(shipped), seed_corpus, cb)
    assert len(codings) == 242 and set(codings["user"]) == {"Hand coder (hand_coded_sentences.csv)"}
