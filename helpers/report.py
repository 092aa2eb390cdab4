"""Build the report: execute every notebook in place with its default parameters, render HTML.

    python -m helpers.report              # all notebooks/NN_*.ipynb, in order
    python -m helpers.report --only 02    # only the notebooks whose name starts with 02

Each notebook runs with papermill in this one process (one kernel each) into a temporary file;
only a successful run replaces the committed notebook, with papermill's timings and other volatile
metadata removed so that building twice leaves ``git status`` clean. Each notebook is then
rendered to ``reports/html/<name>.html`` (code hidden) and ``<name>.code.html`` (code shown), and
``reports/html/index.html`` links them.
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import sys
import tempfile
from pathlib import Path

import nbformat

from helpers import paths

VOLATILE_CELL_METADATA = ("papermill", "execution", "ExecuteTime", "collapsed", "scrolled")


def list_notebooks(only: list[str] | None = None) -> list[Path]:
    """The numbered notebooks (``NN_topic.ipynb``) in reading order, optionally filtered by prefix."""
    found = sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if only:
        found = [p for p in found if any(p.name.startswith(o) for o in only)]
    return found


def strip_volatile_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove run-specific metadata (timings, paths, papermill's record) from a notebook."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
    return nb


def execute_notebook(path: Path, parameters: dict | None = None, output: Path | None = None,
                     reports_dir: Path | None = None) -> Path:
    """Run one notebook with papermill; write it (stripped of volatile metadata) to ``output``.

    Args:
        path: the notebook.
        parameters: papermill parameters (None: the notebook's defaults).
        output: where to write the executed notebook; default in place, only if the run succeeds.
        reports_dir: send figures/tables there (sets WORKBOOK_REPORTS for the kernel).
    Returns:
        The path written.
    """
    import papermill

    logging.getLogger("papermill").setLevel(logging.WARNING)
    target = output or path
    os.environ["WORKBOOK_PROGRESS"] = "0"  # no progress bars in saved outputs
    env_before = os.environ.get("WORKBOOK_REPORTS")
    if reports_dir is not None:
        os.environ["WORKBOOK_REPORTS"] = str(reports_dir)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            tmp_out = Path(tmp) / path.name
            papermill.execute_notebook(
                str(path), str(tmp_out), parameters=parameters or {}, cwd=str(path.parent),
                progress_bar=False, log_output=False, report_mode=False,
            )
            nb = strip_volatile_metadata(nbformat.read(tmp_out, as_version=4))
            nbformat.write(nb, target)
    finally:
        if reports_dir is not None:
            if env_before is None:
                os.environ.pop("WORKBOOK_REPORTS", None)
            else:
                os.environ["WORKBOOK_REPORTS"] = env_before
    return target


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """The notebook's first markdown heading and the paragraph after it (its question)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [ln.strip() for ln in cell.source.splitlines()]
        heading = next((ln.lstrip("# ") for ln in lines if ln.startswith("#")), "")
        body = " ".join(ln for ln in lines if ln and not ln.startswith("#"))
        if heading:
            return heading, body
    return fallback, ""


def render_html(path: Path, out_dir: Path) -> list[Path]:
    """Render a notebook to HTML twice: code hidden (``name.html``) and shown (``name.code.html``)."""
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, hide in ((".html", True), (".code.html", False)):
        exporter = HTMLExporter(template_name="lab", exclude_input=hide,
                                exclude_input_prompt=hide, exclude_output_prompt=hide)
        body, _ = exporter.from_notebook_node(nb)
        target = out_dir / f"{path.stem}{suffix}"
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written


def write_index(notebooks: list[Path], out_dir: Path) -> Path:
    """Write reports/html/index.html: one entry per notebook with its question and links."""
    items = []
    for path in notebooks:
        title, question = notebook_title(nbformat.read(path, as_version=4), path.stem)
        items.append(
            f'<li><a href="{html.escape(path.stem)}.html">{html.escape(title)}</a> '
            f'(<a href="{html.escape(path.stem)}.code.html">with code</a>)'
            f"<p>{html.escape(question)}</p></li>"
        )
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Russia in the global AI race: workbook</title></head><body>"
        "<h1>Russia in the global AI race: workbook</h1><ol>" + "".join(items) + "</ol></body></html>\n"
    )
    target = out_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def build_report(only: list[str] | None = None) -> int:
    """Execute and render the notebooks; return a process exit code (0 when all succeeded)."""
    notebooks = list_notebooks(only)
    if not notebooks:
        print(f"no notebooks match {only}", file=sys.stderr)
        return 2
    out_dir = paths.reports_dir() / "html"
    failed = []
    for path in notebooks:
        print(f"running {path.name} ...", flush=True)
        try:
            execute_notebook(path)
        except Exception as exc:  # report every failing notebook, keep the committed copy
            summary = str(exc).strip().splitlines()
            failed.append(f"{path.name}: {summary[-1] if summary else type(exc).__name__}")
            continue
        render_html(path, out_dir)
    write_index(list_notebooks(), out_dir)
    for line in failed:
        print(f"error: {line}", file=sys.stderr)
    print(f"report: {paths.display_path(out_dir / 'index.html')}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.report", description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="notebook name prefixes to run (default: all)")
    args = parser.parse_args(argv)
    return build_report(args.only)


if __name__ == "__main__":
    sys.exit(main())
