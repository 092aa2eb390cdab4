"""python -m helpers.exchange: export, import, cite, bibliography on a tiny corpus."""

import json

from helpers.exchange import __main__ as cli


def run(tmp_path, capsys, *args):
    base = ["--articles", str(tmp_path / "in" / "articles"), "--manifest",
            str(tmp_path / "in" / "manifest.csv"), "--codebook", str(tmp_path / "codebook.yaml")]
    status = cli.main(base + [str(a) for a in args])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_export_then_import_agrees_perfectly(tmp_path, tiny, capsys):
    status, out, _ = run(tmp_path, capsys, "export", tmp_path / "out" / "p.qdpx", "--codebook-out",
                         tmp_path / "out" / "themes.qdc")
    assert status == 0 and "2 sources, 6 coded sentence x theme pairs, by Automatic coder" in out
    assert (tmp_path / "out" / "themes.qdc").is_file()
    status, out, _ = run(tmp_path, capsys, "import", tmp_path / "out" / "p.qdpx", "--out", tmp_path / "s.csv")
    assert status == 0
    micro = [line for line in out.splitlines() if "all themes (micro)" in line][0].split()
    assert micro[3:] == ["18", "6", "6", "6", "0", "0", "1.0", "1.0", "1.0", "1.0"]
    header = (tmp_path / "s.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "doc_id,sent_id,theme,is_present,note,text"


def test_cite_and_bibliography(tmp_path, tiny, capsys):
    status, out, _ = run(tmp_path, capsys, "cite", "001-p02-s01", "--style", "apa")
    assert status == 0
    assert out.splitlines()[0] == "“Talent leaves.” (Lee, 2024)"
    assert out.splitlines()[1].strip() == "Lee, A. (2024, May 2). A. Pub A. https://a.example/1"
    status, out, _ = run(tmp_path, capsys, "bibliography", tmp_path / "refs.json", "--accessed", "2025-01-31")
    assert status == 0
    items = json.loads((tmp_path / "refs.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == ["lee2024-001", "pubnd-002"]
    assert items[1]["accessed"] == {"date-parts": [[2025, 1, 31]]}
    status, _, err = run(tmp_path, capsys, "bibliography", tmp_path / "refs.txt")
    assert status == 2 and err.strip() == f"error: {tmp_path / 'refs.txt'}: name the bibliography .bib " \
                                          "(BibTeX) or .json (CSL JSON)"
    status, _, err = run(tmp_path, capsys, "cite", "009-p01-s01")
    assert status == 2 and "'009-p01-s01' is not a sentence of the corpus loaded" in err
