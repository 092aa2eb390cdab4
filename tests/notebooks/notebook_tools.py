"""Reading executed notebooks in tests."""

from __future__ import annotations

from pathlib import Path

import nbformat

from helpers import paths, report


def run_notebook(name: str, parameters: dict, tmp_path: Path) -> nbformat.NotebookNode:
    """Execute notebooks/<name>.ipynb with papermill parameters into tmp_path; return it."""
    out = tmp_path / f"{name}.ipynb"
    report.execute_notebook(paths.NOTEBOOKS_DIR / f"{name}.ipynb", parameters=parameters,
                            output=out, reports_dir=tmp_path / "reports")
    return nbformat.read(out, as_version=4)


def output_text(nb: nbformat.NotebookNode) -> str:
    """All text the notebook's code cells printed or displayed (plain text and HTML)."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type == "error":
                parts.append("\n".join(out.traceback))
            else:
                data = out.get("data", {})
                parts += [data.get(k, "") for k in ("text/plain", "text/html", "text/markdown")]
    return "\n".join(parts)


def parameters_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1, "exactly one cell tagged 'parameters'"
    return cells[0]
