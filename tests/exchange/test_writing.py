"""The exported project and codebook are valid REFI-QDA, stable, and say what the coder found."""

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from helpers import exchange, paths, themes
from tests.exchange.conftest import NS, read_member
from tests.exchange.refi_essentials import check_codebook, check_project


def source_texts(path: Path) -> dict[str, str]:
    """The project's source texts by their plainTextPath (internal://NAME)."""
    with zipfile.ZipFile(path) as z:
        return {f"internal://{n.removeprefix('sources/')}": z.read(n).decode("utf-8")
                for n in z.namelist() if n.startswith("sources/")}

SHIPPED = paths.DATA_DIR / "validation" / "hand_coded_sentences.qdpx"


def export(tmp_path, tiny, level="sentence", name="out.qdpx"):
    c, cb, matches = tiny
    path = exchange.export_project(tmp_path / name, c, cb, matches, level=level)
    return path, etree.fromstring(read_member(path))


@pytest.mark.parametrize("level", ["sentence", "match"])
def test_the_project_has_the_refi_qda_essentials(tmp_path, tiny, level):
    path, root = export(tmp_path, tiny, level)
    assert check_project(root, source_texts(path)) == []
    guids = [el.get("guid") for el in root.iter() if el.get("guid")]
    assert len(guids) == len(set(guids)), "every GUID is unique"


def test_the_essentials_check_itself_rejects_a_broken_project(tmp_path, tiny):
    path, root = export(tmp_path, tiny)
    texts = source_texts(path)
    root.find(".//q:Code", NS).set("color", "red")           # not #RRGGBB
    assert [p for p in check_project(root, texts) if "is not #RRGGBB" in p]
    _, root = export(tmp_path, tiny)
    del root.find(".//q:PlainTextSelection", NS).attrib["startPosition"]
    assert "PlainTextSelection: required attribute startPosition missing" in check_project(root, texts)
    _, root = export(tmp_path, tiny)
    root.find(".//q:PlainTextSelection", NS).set("endPosition", "100000")
    assert [p for p in check_project(root, texts) if "outside a text of" in p]
    _, root = export(tmp_path, tiny)
    root.find(".//q:CodeRef", NS).set("targetGUID", "00000000-0000-0000-0000-000000000000")
    assert [p for p in check_project(root, texts) if p.endswith("no such Code")]
    _, root = export(tmp_path, tiny)
    root.insert(0, root.find("q:Sources", NS))               # Sources before Users
    assert [p for p in check_project(root, texts) if "are not in the order" in p]


def test_sources_codes_users_and_segments_say_what_the_coder_found(tmp_path, tiny):
    path, root = export(tmp_path, tiny)
    assert root.tag == "{urn:QDA-XML:project:1.0}Project"
    users = root.findall("q:Users/q:User", NS)
    assert [u.get("name") for u in users] == ["Automatic coder"]
    assert root.get("creatingUserGUID") == users[0].get("guid")
    codes = root.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert [c.get("name") for c in codes] == ["Sanctions", "Chips and computing", "Talent"]
    assert codes[0].findtext("q:Description", namespaces=NS).startswith("Restrictions imposed from abroad.")
    assert len({c.get("color") for c in codes}) == 3
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == ["001 A", "002 B"]
    variables = {v.get("guid"): v.get("name") for v in root.iter("{*}Variable")}
    first = {variables[vv.find("q:VariableRef", NS).get("targetGUID")]:
             vv.findtext("q:TextValue", namespaces=NS) for vv in sources[0].findall("q:VariableValue", NS)}
    assert first["publisher"] == "Pub A" and first["published"] == "2024-05-02"
    assert first["source_type"] == "news" and first["doc_id"] == "001"
    code_name = {c.get("guid"): c.get("name") for c in codes}
    with zipfile.ZipFile(path) as z:
        text = z.read(f"sources/{sources[0].get('guid')}.txt").decode("utf-8")
    segments = [(int(s.get("startPosition")), int(s.get("endPosition")),
                 [code_name[r.get("targetGUID")] for r in s.iter("{*}CodeRef")])
                for s in sources[0].findall("q:PlainTextSelection", NS)]
    assert segments == [(0, 15, ["Sanctions"]), (16, 33, ["Chips and computing"]), (35, 49, ["Talent"]),
                        (50, 66, ["Sanctions"])]
    assert [text[a:b] for a, b, _ in segments][2] == "Talent leaves."
    second = [(int(s.get("startPosition")), int(s.get("endPosition")), len(list(s.iter("{*}Coding"))))
              for s in sources[1].findall("q:PlainTextSelection", NS)]
    assert second == [(15, 44, 2)]  # one sentence, two themes: one segment with two codings


def test_match_level_segments_cover_the_matched_words(tmp_path, tiny):
    path, root = export(tmp_path, tiny, "match")
    source = root.findall("q:Sources/q:TextSource", NS)[1]
    with zipfile.ZipFile(path) as z:
        text = z.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
    words = [text[int(s.get("startPosition")):int(s.get("endPosition"))]
             for s in source.findall("q:PlainTextSelection", NS)]
    assert words == ["Chips", "talent"]


def test_the_export_is_byte_for_byte_reproducible(tmp_path, tiny):
    a, _ = export(tmp_path, tiny, name="a.qdpx")
    b, _ = export(tmp_path, tiny, name="b.qdpx")
    assert a.read_bytes() == b.read_bytes()


def test_the_codebook_alone_is_a_valid_qdc(tmp_path, tiny):
    _, cb, _ = tiny
    path = exchange.export_codebook(tmp_path / "themes.qdc", cb)
    root = etree.fromstring(path.read_bytes())
    assert check_codebook(root) == []
    assert [c.get("name") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")] == [
        "Sanctions", "Chips and computing", "Talent"]
    with pytest.raises(ValueError, match="ends in .qdc"):
        exchange.export_codebook(tmp_path / "themes.xml", cb)


def test_the_shipped_hand_coded_project_is_what_the_command_builds(tmp_path, seed_corpus):
    cb = themes.load_codebook()
    sample = themes.load_validation()
    rebuilt = exchange.export_project(tmp_path / "h.qdpx", seed_corpus, cb, sample[sample["is_present"] == 1],
                                      user="Hand coder (hand_coded_sentences.csv)")
    with zipfile.ZipFile(SHIPPED) as old, zipfile.ZipFile(rebuilt) as new:
        assert old.namelist() == new.namelist()
        for name in old.namelist():
            assert old.read(name) == new.read(name), f"{name} differs: rebuild (data/validation/README.md)"
    assert check_project(etree.fromstring(read_member(SHIPPED)), source_texts(SHIPPED)) == []
