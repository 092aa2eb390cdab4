"""Read the files researchers edit (YAML: cleaning rules, codebook, stance cues; CSV: manifest,
gazetteer, hand-coded sample) the same way, with bounds.

Each problem is one line naming the file and the fix, raised as the caller's own error class: a
missing file, a file over the size cap (MAX_YAML_BYTES, MAX_CSV_BYTES), text that is not UTF-8,
YAML or CSV (with the line), a key given twice in one YAML mapping (YAML would silently keep the
last one), YAML anchors and aliases that expand past MAX_YAML_NODES values (a "billion laughs"
file is refused before anything is built from it; ordinary reuse of a list stays possible), or a
top level that is not a mapping.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import yaml

from helpers import paths

MAX_YAML_BYTES = 5 * 1024 * 1024
MAX_CSV_BYTES = 200 * 1024 * 1024  # a manifest of a million articles; a codebook is ~20 KB
MAX_YAML_NODES = 100_000  # values after expanding every alias; data/codebook.yaml has ~1,500


class _DuplicateKey(Exception):
    """A key given twice in one YAML mapping."""


class _TooLarge(Exception):
    """YAML aliases that expand past the budget, or refer to themselves."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key repeated in one mapping."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        for i, (key_node, _) in enumerate(node.value):
            if keys[i] in keys[:i]:
                raise _DuplicateKey(f"'{keys[i]}' appears twice (line {key_node.start_mark.line + 1})")
        return super().construct_mapping(node, deep=deep)


def count_expanded_nodes(root: yaml.Node | None, budget: int | None = None) -> int:
    """How many values a YAML node tree holds once every alias is expanded (counted per distinct
    node, so a crafted file costs time linear in its size, not in its expansion).

    Raises:
        _TooLarge: more than ``budget`` values (default MAX_YAML_NODES), or an alias inside its
            own anchor.
    """
    budget = MAX_YAML_NODES if budget is None else budget
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _TooLarge(f"an alias refers to its own anchor (line {node.start_mark.line + 1}); "
                            "write the value out")
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        open_nodes.discard(key)
        if total > budget:
            raise _TooLarge(f"YAML anchors and aliases expand to more than {budget:,} values (line "
                            f"{node.start_mark.line + 1}); write the values out instead of nesting aliases")
        sizes[key] = total
        return total

    return size(root) if root is not None else 0


def check_file_size(path: Path, name: str, error: type[Exception], limit: int) -> None:
    """Raise ``error`` when the file is larger than ``limit`` bytes (one line with both sizes)."""
    size = path.stat().st_size
    if size > limit:
        raise error(f"{name}: {format_size(size)} is over the {format_size(limit)} limit for this "
                    "file; is it the right file? split it or shorten it")


def format_size(n_bytes: int) -> str:
    """A file size for messages: '5.2 MB', '12 KB', '58 bytes'."""
    if n_bytes >= 2**20:
        return f"{n_bytes / 2**20:.1f} MB".replace(".0 MB", " MB")
    return f"{n_bytes // 2**10} KB" if n_bytes >= 2**10 else f"{n_bytes} bytes"


def _load_bounded_yaml(text: str):
    """Parse YAML text with the unique-key loader, refusing alias bombs before construction."""
    loader = _UniqueKeyLoader(text)
    try:
        node = loader.get_single_node()
        count_expanded_nodes(node)
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def read_yaml_mapping(path: str | Path | None, default: Path, error: type[Exception],
                      what: str) -> tuple[dict, str]:
    """Read a researcher-edited YAML file whose top level is a mapping.

    Args:
        path: the file (relative paths start at the project root); None or "" for ``default``.
        default: the file used when ``path`` is empty.
        error: the exception class to raise (its message is one line).
        what: what the file is, for the "not found" message ("codebook", ...).
    Returns:
        (the mapping, the file's name as shown in messages).
    """
    path = paths.resolve_path(path, default)
    name = paths.display_path(path)
    if not path.is_file():
        raise error(f"{name}: {what} not found")
    check_file_size(path, name, error, MAX_YAML_BYTES)
    try:
        raw = _load_bounded_yaml(path.read_text(encoding="utf-8")) or {}
    except _DuplicateKey as exc:
        raise error(f"{name}: {exc}; keep it once") from None
    except _TooLarge as exc:
        raise error(f"{name}: {exc}") from None
    except UnicodeDecodeError:
        raise error(f"{name}: not UTF-8 text; save it as UTF-8") from None
    except RecursionError:
        raise error(f"{name}: nested too deeply to read; flatten the structure") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise error(f"{name}: not valid YAML near line {line}; check indentation and quotes") from None
    if not isinstance(raw, dict):
        raise error(f"{name}: expected a mapping of keys at the top level, not a "
                    f"{type(raw).__name__}")
    return raw, name


def read_csv_table(path: Path, name: str, error: type[Exception], what: str,
                   limit: int | None = None) -> pd.DataFrame:
    """Read a researcher-edited CSV file as text columns, with the size cap and one-line errors.

    Args:
        path: an existing file.
        name: the file's name as shown in messages.
        error: the exception class to raise.
        what: what the file is ("gazetteer", "manifest", ...), for the messages.
        limit: the size cap in bytes (default MAX_CSV_BYTES).
    Returns:
        Every cell as a string ('' when empty); column names stripped of spaces.
    """
    check_file_size(path, name, error, MAX_CSV_BYTES if limit is None else limit)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{name}: cannot read the {what} as UTF-8 CSV (not UTF-8 text); save it as "
                    "UTF-8") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise error(f"{name}: cannot read the {what} as UTF-8 CSV ({first}); check its quotes "
                    "and commas") from None
    table.columns = [str(c).strip() for c in table.columns]
    return table
