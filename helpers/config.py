"""Read the YAML files researchers edit (cleaning rules, codebook, stance cues) the same way.

Each problem is one line naming the file and the fix, raised as the caller's own error class: a
missing file, text that is not YAML (with the line), a key given twice in one mapping (YAML would
silently keep the last one), or a top level that is not a mapping.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import paths


class _DuplicateKey(Exception):
    """A key given twice in one YAML mapping."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key repeated in one mapping."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        for i, (key_node, _) in enumerate(node.value):
            if keys[i] in keys[:i]:
                raise _DuplicateKey(f"'{keys[i]}' appears twice (line {key_node.start_mark.line + 1})")
        return super().construct_mapping(node, deep=deep)


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
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
    except _DuplicateKey as exc:
        raise error(f"{name}: {exc}; keep it once") from None
    except UnicodeDecodeError:
        raise error(f"{name}: not UTF-8 text; save it as UTF-8") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise error(f"{name}: not valid YAML near line {line}; check indentation and quotes") from None
    if not isinstance(raw, dict):
        raise error(f"{name}: expected a mapping of keys at the top level, not a "
                    f"{type(raw).__name__}")
    return raw, name
