"""Where the project's files live.

Every path is computed from this file's location, so JupyterLab, papermill, nbval and the command
line all resolve the same files whatever the working directory. Set ``WORKBOOK_REPORTS`` to send
generated figures and tables somewhere else (the tests do, so they never touch ``reports/``).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
MANIFEST_PATH = DATA_DIR / "manifest.csv"
CLEANING_RULES_PATH = DATA_DIR / "cleaning_rules.yaml"
STOPWORDS_DIR = DATA_DIR / "stopwords"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


def reports_dir() -> Path:
    """Return the folder generated output goes to (``reports/`` unless WORKBOOK_REPORTS is set)."""
    override = os.environ.get("WORKBOOK_REPORTS")
    return Path(override).resolve() if override else PROJECT_ROOT / "reports"


def figures_dir() -> Path:
    """Return the folder figures are saved to."""
    return reports_dir() / "figures"


def tables_dir() -> Path:
    """Return the folder exported tables are saved to."""
    return reports_dir() / "tables"


def resolve_path(path: str | os.PathLike | None, default: Path) -> Path:
    """Return ``path`` as an absolute Path; relative paths are taken from the project root.

    Args:
        path: a path given by the researcher (notebook parameter, argument), or None / "".
        default: what to use when ``path`` is empty.
    """
    if path is None or str(path) == "":
        return default
    p = Path(path).expanduser()
    return p if p.is_absolute() else (PROJECT_ROOT / p)


def display_path(path: Path) -> str:
    """Return ``path`` relative to the project root when it is inside it (for messages and tables)."""
    try:
        return Path(path).resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return Path(path).name if Path(path).is_absolute() else str(path)
