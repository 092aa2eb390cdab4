"""Bad .qdpx files: one line each naming the file, nothing written, nothing hangs."""

import zipfile

import pytest

from helpers import exchange, paths
from helpers.exchange import __main__ as cli
from helpers.exchange import reading
from tests.exchange.conftest import NS, rewrite_qdpx

GOOD_ROOT = '<Project xmlns="urn:QDA-XML:project:1.0" name="p">{}</Project>'


def zip_with(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def fails(path, match):
    with pytest.raises(exchange.QdaError, match=match) as info:
        exchange.read_qdpx(path)
    message = str(info.value)
    assert "\n" not in message and path.name in message
    return message


def test_a_file_that_is_not_a_zip(tmp_path):
    path = tmp_path / "notes.qdpx"
    path.write_text("just text", encoding="utf-8")
    fails(path, "not a zip archive, so not a REFI-QDA project")
    fails(tmp_path / "missing.qdpx", "file not found")


def test_a_zip_without_a_project_document(tmp_path):
    fails(zip_with(tmp_path / "a.qdpx", {"sources/x.txt": "hi"}), "no project.qde in the archive")


@pytest.mark.parametrize("xml, match", [
    ('<Project xmlns="urn:other" name="p"/>', "not a REFI-QDA Project"),
    ("<Project name='p'/>", "not a REFI-QDA Project"),
    ("<Project xmlns='urn:QDA-XML:project:1.0'", "not well-formed XML"),
    ('<?xml version="1.0"?><!DOCTYPE P [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
     '<Project xmlns="urn:QDA-XML:project:1.0" name="&d;&d;&d;&d;&d;&d;&d;"/>', "declares a DTD"),
    ('<?xml version="1.0"?><!DOCTYPE P [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Description>&x;</Description></Project>',
     "declares a DTD"),
])
def test_xml_that_is_not_refi_qda(tmp_path, xml, match):
    message = fails(zip_with(tmp_path / "x.qdpx", {"project.qde": xml}), match)
    assert "root:" not in message  # no external entity was read


def test_a_selection_outside_its_text_and_a_missing_source_text(tmp_path, tiny):
    c, cb, matches = tiny
    path = exchange.export_project(tmp_path / "p.qdpx", c, cb, matches)

    def stretch(root):
        root.find(".//q:PlainTextSelection", NS).set("endPosition", "1000")
    fails(rewrite_qdpx(path, tmp_path / "long.qdpx", stretch), "spans 0-1000, outside its text of 66 char")

    def backwards(root):
        root.find(".//q:PlainTextSelection", NS).set("startPosition", "20")
    fails(rewrite_qdpx(path, tmp_path / "back.qdpx", backwards), "spans 20-15, outside its text")

    def words(root):
        root.find(".//q:PlainTextSelection", NS).set("startPosition", "zero")
    fails(rewrite_qdpx(path, tmp_path / "words.qdpx", words), "not a whole number")

    def lose(root):
        root.find(".//q:TextSource", NS).set("plainTextPath", "internal://nowhere.txt")
    fails(rewrite_qdpx(path, tmp_path / "lost.qdpx", lose), "refers to internal://nowhere.txt, which is not")

    def stray(root):
        root.find(".//q:CodeRef", NS).set("targetGUID", "00000000-0000-4000-8000-000000000000")
    fails(rewrite_qdpx(path, tmp_path / "stray.qdpx", stray), "not in the project's codebook")


def test_a_zip_bomb_stops_at_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_MEMBER_BYTES", 1024 * 1024)
    bomb = zip_with(tmp_path / "bomb.qdpx", {"project.qde": GOOD_ROOT.format(""),
                                             "sources/big.txt": b"\0" * (8 * 1024 * 1024)})
    assert bomb.stat().st_size < 64 * 1024  # 8 MB of zeros packs into a few KB
    fails(bomb, "sources/big.txt unpacks to more than 1 MB")


def test_the_command_line_prints_one_line_and_writes_nothing_into_data(tmp_path, capsys):
    def snapshot():
        return sorted((p.as_posix(), p.stat().st_mtime_ns) for p in paths.DATA_DIR.rglob("*"))
    before = snapshot()
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    assert cli.main(["import", str(bad), "--out", str(tmp_path / "sample.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("error: ") and "bad.qdpx" in err
    assert not (tmp_path / "sample.csv").exists()
    assert snapshot() == before
