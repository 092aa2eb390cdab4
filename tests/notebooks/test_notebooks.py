"""The notebooks are tests too: committed outputs are clean, and they run with other parameters.

Strict nbval (in `make test`) re-executes each committed notebook and compares its outputs; the
tests here check what nbval does not: hygiene of the committed files and papermill runs with
non-default parameters into a temporary folder.
"""

import ast

import nbformat
import pytest

from helpers import paths, report
from tests.notebooks.notebook_tools import output_text, parameters_cell, run_notebook

NOTEBOOKS = report.list_notebooks()


def test_the_notebooks_are_numbered_and_present():
    assert [p.stem for p in NOTEBOOKS][:1] == ["01_corpus"]
    assert not list(paths.NOTEBOOKS_DIR.glob("Untitled*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_is_executed_clean_and_deterministic(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), "run top to bottom"
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", cell.source[:60]
            assert not (out.output_type == "stream" and out.name == "stderr"), cell.source[:60]
        assert "papermill" not in cell.metadata and "execution" not in cell.metadata
    assert "papermill" not in nb.metadata
    text = output_text(nb)
    assert str(paths.PROJECT_ROOT) not in text, "no absolute paths in outputs"
    assert " at 0x" not in text, "no object addresses in outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_holds_literals_each_with_a_comment(path):
    nb = nbformat.read(path, as_version=4)
    cell = parameters_cell(nb)
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells.index(cell) == 1, "the parameters cell follows the imports"
    tree = ast.parse(cell.source)
    for node in tree.body:
        assert isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None, ast.unparse(node)
        ast.literal_eval(node.value)  # literals only (a type annotation is allowed: `period: str = "year"`)
    for line in cell.source.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert "  # " in line, f"parameter without a comment: {line}"


def test_corpus_notebook_with_a_subset_another_term_and_no_removed_list(tmp_path):
    nb = run_notebook("01_corpus", {"documents": ["002", "003"], "kwic_term": "sanction*",
                                    "show_removed": False, "top_n_terms": 3}, tmp_path)
    text = output_text(nb)
    assert "Set show_removed = True" in text
    assert "on microchips" in text  # 003: "...from Western sanctions on microchips."
    assert "mtsoln.com" not in text and "socialbites.ca" not in text
    assert (tmp_path / "reports" / "figures" / "corpus_article_sizes.png").is_file()


def test_corpus_notebook_on_a_researchers_own_folder_reports_what_it_skipped(tmp_path):
    articles = tmp_path / "mine"
    articles.mkdir()
    (articles / "001_a.txt").write_text("Own Article\n\nRussia builds chips. It lags.\n",
                                        encoding="utf-8")
    (articles / "002_b.txt").write_bytes(b"")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("doc_id,file,publisher\n001,001_a.txt,Me\n002,002_b.txt,Me\n",
                        encoding="utf-8")
    nb = run_notebook("01_corpus", {"articles_dir": str(articles), "manifest_path": str(manifest),
                                    "kwic_term": "chips"}, tmp_path)
    text = output_text(nb)
    assert "mine/002_b.txt: empty file; skipped" in text
    assert "Own Article" in text and "Russia builds" in text
