"""The house: one package per stage, imports only flow downstream, modules stay small."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

HELPERS = Path(__file__).resolve().parents[1] / "helpers"
PLUMBING = {"paths", "config", "params", "patterns", "plots", "progress"}
STAGES = {"corpus": 1, "themes": 2, "timeline": 2, "compare": 2, "trends": 3, "report": 3, "exchange": 3,
          "dataset": 3}
MAX_LINES = 400


def stage_of(module: str) -> str:
    """'corpus' for helpers.corpus.load, 'paths' for helpers.paths."""
    return module.split(".")[1]


def rank_of(stage: str) -> int:
    return 0 if stage in PLUMBING else STAGES[stage]


def helper_imports(path: Path) -> set[str]:
    """The helpers modules a source file imports (at any depth in the file)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helpers"):
            if node.module == "helpers":
                found |= {f"helpers.{alias.name}" for alias in node.names}
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("helpers.")}
    return found


MODULES = sorted(p for p in HELPERS.rglob("*.py"))


def test_every_module_belongs_to_a_known_stage_or_the_plumbing():
    top = {p.relative_to(HELPERS).parts[0].removesuffix(".py") for p in MODULES} - {"__init__"}
    assert top == PLUMBING | set(STAGES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(HELPERS)))
def test_no_import_runs_back_up_a_stage(path):
    rel = path.relative_to(HELPERS)
    if rel.parts[0] == "__init__.py":
        return
    own = rel.parts[0].removesuffix(".py")
    for target in helper_imports(path):
        other = stage_of(target)
        if other == own or other in PLUMBING:
            continue
        assert rank_of(other) < rank_of(own), f"{rel} imports {target}: a stage imports only lower ones"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(HELPERS)))
def test_no_module_is_over_the_size_limit(path):
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    assert n_lines <= MAX_LINES, f"{path.relative_to(HELPERS)} has {n_lines} lines: split it by idea"


@pytest.mark.parametrize("package", sorted(STAGES))
def test_each_package_says_what_it_owns_and_which_tables_come_in_and_go_out(package):
    module = importlib.import_module(f"helpers.{package}")
    doc = module.__doc__ or ""
    assert len(doc.splitlines()) >= 5, f"helpers.{package} has no package docstring"
    assert "In:" in doc and "Out:" in doc, f"helpers.{package}: say which tables come in and go out"
    for name in getattr(module, "__all__", []):
        assert hasattr(module, name), f"helpers.{package}.__all__ names {name!r}, which it lacks"
    assert module.__all__, f"helpers.{package} exposes no public API"


def test_the_layout_check_catches_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from helpers import themes\nfrom helpers.report import build\n", encoding="utf-8")
    assert helper_imports(bad) == {"helpers.themes", "helpers.report"}
    assert rank_of(stage_of("helpers.report.build")) > rank_of("corpus")
    # siblings: neither may import the other
    assert rank_of(stage_of("helpers.themes")) == rank_of("timeline")
