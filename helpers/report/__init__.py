"""The report: executing and rendering the notebooks.

    python -m helpers.report              # all notebooks/NN_*.ipynb, in order
    python -m helpers.report --only 02    # only the notebooks whose name starts with 02

Each notebook runs with papermill in this one process (one kernel each) into a temporary file;
only a successful run replaces the committed notebook, with papermill's timings and other volatile
metadata removed so that building twice leaves ``git status`` clean. Each notebook is then
rendered to ``reports/html/<name>.html`` (code hidden behind a "Show code" toggle; no scripts from
the network), and ``reports/index.html`` shows the sources and one card per notebook with its
question and key figure. Figures (PNG) and key tables (CSV) are saved by the notebooks themselves
under ``reports/figures/`` and ``reports/tables/``.

In: the notebooks in notebooks/ (NN_topic.ipynb) and the corpus documents (for the index page).
Out: the notebooks executed in place, ``reports/html/<name>.html``, ``reports/index.html``.
Figures and tables are saved by the notebooks through helpers.plots.
"""

from helpers.report.build import (
    build_report,
    execute_notebook,
    list_notebooks,
    main,
    render_html,
    strip_volatile_metadata,
    write_index,
)

__all__ = ["build_report", "execute_notebook", "list_notebooks", "main", "render_html",
           "strip_volatile_metadata", "write_index"]
