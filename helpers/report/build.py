"""Execute every notebook in place with its default parameters and render the HTML report (the
steps are described in helpers.report)."""

from __future__ import annotations

import argparse
import base64
import html
import logging
import os
import sys
import tempfile
from pathlib import Path

import nbformat
import pandas as pd

from helpers import paths

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

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
        body = next((ln for ln in lines if ln and not ln.startswith("#")), "")
        if heading:
            return heading, body.replace("**Question.**", "").strip()
    return fallback, ""


def key_figure(nb: nbformat.NotebookNode) -> bytes | None:
    """The PNG of the notebook's key figure: the cell tagged ``key-figure``, else the first PNG."""
    pngs = [(("key-figure" in cell.metadata.get("tags", [])), out["data"]["image/png"])
            for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if "image/png" in out.get("data", {})]
    if not pngs:
        return None
    tagged = [png for is_key, png in pngs if is_key]
    return base64.b64decode(tagged[0] if tagged else pngs[0][1])


def render_html(path: Path, out_dir: Path) -> Path:
    """Render a notebook to ``out_dir/<name>.html`` with the workbook template (no network
    scripts, code hidden behind a "Show code" toggle, a link back to the index)."""
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    exporter = HTMLExporter(template_name="workbook", extra_template_basedirs=[str(TEMPLATES_DIR)])
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{path.stem}.html"
    target.write_text(body, encoding="utf-8")
    return target


def _sources_rows(documents: pd.DataFrame) -> str:
    rows = []
    for d in documents.itertuples(index=False):
        date = f"{d.published} ({d.date_precision}, {d.date_source})" if d.published else "unknown"
        cells = [d.doc_id, d.title, d.publisher or "unknown", d.source_type, date, d.language,
                 f"{d.n_words:,}"]
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    return "".join(rows)


def write_index(notebooks: list[Path], reports: Path, documents: pd.DataFrame) -> Path:
    """Write reports/index.html: the sources, then one card per notebook (its question, its key
    figure, a link to its page). All text is escaped."""
    cards = []
    img_dir = reports / "html" / "img"
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        title, question = notebook_title(nb, path.stem)
        figure = key_figure(nb)
        img = ""
        if figure is not None:
            img_dir.mkdir(parents=True, exist_ok=True)
            (img_dir / f"{path.stem}.png").write_bytes(figure)
            img = (f'<img src="html/img/{html.escape(path.stem)}.png" '
                   f'alt="Key figure of {html.escape(title)}">')
        cards.append(f'<article class="card"><h2><a href="html/{html.escape(path.stem)}.html">'
                     f"{html.escape(title)}</a></h2><p>{html.escape(question)}</p>{img}</article>")
    head = ("<tr>" + "".join(f"<th>{h}</th>" for h in
                             ["doc_id", "title", "publisher", "type", "published", "language",
                              "words"]) + "</tr>")
    page = INDEX_PAGE.format(n_docs=len(documents), sources=head + _sources_rows(documents),
                             cards="".join(cards))
    target = reports / "index.html"
    target.write_text(page, encoding="utf-8")
    (reports / "html" / "index.html").write_text(REDIRECT_PAGE, encoding="utf-8")
    return target


INDEX_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Russia in the global AI race: workbook</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em;
       color: #1f2328; }}
table {{ border-collapse: collapse; font-size: 0.9em; }}
td, th {{ border-bottom: 1px solid #d0d7de; padding: 0.3em 0.6em; text-align: left;
         vertical-align: top; }}
.cards {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(30em, 1fr)); gap: 1em; }}
.card {{ border: 1px solid #d0d7de; border-radius: 6px; padding: 0 1em 1em; }}
.card img {{ max-width: 100%; }}
</style></head><body>
<h1>Russia in the global AI race: a research workbook</h1>
<p>Every figure in these pages can be traced to the sentences it came from: sentence IDs such as
<code>003-p13-s04</code> name the document, paragraph and sentence.</p>
<h2>The sources ({n_docs})</h2>
<table>{sources}</table>
<h2>The notebooks</h2>
<div class="cards">{cards}</div>
</body></html>
"""

REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Workbook index</title>
<meta http-equiv="refresh" content="0; url=../index.html"></head>
<body><p>The index is at <a href="../index.html">../index.html</a>.</p></body></html>
"""


def build_report(only: list[str] | None = None, execute: bool = True) -> int:
    """Execute and render the notebooks, then write the index; return a process exit code."""
    from helpers.corpus import load_corpus

    notebooks = list_notebooks(only)
    if not notebooks:
        print(f"no notebooks match {only}", file=sys.stderr)
        return 2
    reports = paths.reports_dir()
    failed = []
    for path in notebooks:
        print(f"{'running' if execute else 'rendering'} {path.name} ...", flush=True)
        try:
            if execute:
                execute_notebook(path)
        except Exception as exc:  # report every failing notebook, keep the committed copy
            summary = str(exc).strip().splitlines()
            failed.append(f"{path.name}: {summary[-1] if summary else type(exc).__name__}")
            continue
        render_html(path, reports / "html")
    write_index(list_notebooks(), reports, load_corpus().documents)
    for line in failed:
        print(f"error: {line}", file=sys.stderr)
    print(f"report: {paths.display_path(reports / 'index.html')}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.report", description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="notebook name prefixes to run (default: all)")
    parser.add_argument("--render-only", action="store_true",
                        help="render the committed notebooks without executing them")
    args = parser.parse_args(argv)
    return build_report(args.only, execute=not args.render_only)

