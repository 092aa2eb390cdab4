"""The cleaning rules a researcher edits (data/cleaning_rules.yaml): phrases, end-of-article
markers, metadata sections and per-document overrides, read and checked with one-line errors, and
applied as overrides after classification."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import config, paths, patterns

CONTENT_ROLES = ("title", "heading", "paragraph", "list_item")
OTHER_ROLES = ("duplicate", "metadata", "boilerplate")
ROLES = CONTENT_ROLES + OTHER_ROLES
_RULE_KEYS = {
    "furniture_phrases", "end_markers", "metadata_sections", "metadata_labels",
    "call_to_action_verbs", "author_bio_words", "furniture_words", "overrides",
}
_OVERRIDE_KEYS = {"doc_id", "line", "lines", "contains", "role", "note"}


class CleaningRulesError(ValueError):
    """The cleaning rules file is malformed; the message names the file, entry and fix."""


@dataclass(frozen=True)
class CleaningRules:
    """The editable rules, normalised for matching (see data/cleaning_rules.yaml)."""

    furniture_phrases: tuple[str, ...] = ()
    end_markers: tuple[str, ...] = ()
    metadata_sections: tuple[str, ...] = ()
    metadata_labels: tuple[str, ...] = ()
    call_to_action_verbs: tuple[str, ...] = ()
    author_bio_words: tuple[str, ...] = ()
    furniture_words: tuple[str, ...] = ()
    overrides: tuple[dict, ...] = field(default_factory=tuple)
    source: str = ""


def load_cleaning_rules(path: str | Path | None = None) -> CleaningRules:
    """Read and validate the cleaning rules file.

    Args:
        path: a YAML file; default data/cleaning_rules.yaml.
    Returns:
        CleaningRules.
    Raises:
        CleaningRulesError: unknown key, wrong type, unknown role, override without a target.
    """
    raw, name = config.read_yaml_mapping(path, paths.CLEANING_RULES_PATH, CleaningRulesError,
                                         "cleaning rules file")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise CleaningRulesError(
            f"{name}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(_RULE_KEYS))})"
        )
    lists = {}
    for key in _RULE_KEYS - {"overrides"}:
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise CleaningRulesError(f"{name}: '{key}' must be a list of non-empty strings")
        for v in value:
            _check_phrase(v, f"{name}: {key}")
        lists[key] = tuple(v.strip() for v in value)
    overrides = tuple(_validate_override(o, i, name) for i, o in enumerate(raw.get("overrides") or []))
    return CleaningRules(**lists, overrides=overrides, source=name)


def _check_phrase(phrase: str, where: str) -> None:
    """Raise CleaningRulesError when a phrase is not a usable literal phrase (helpers.patterns)."""
    try:
        patterns.check_phrase(phrase, wildcards=False)
    except patterns.PatternError as exc:
        raise CleaningRulesError(patterns.describe_problem(where, phrase, str(exc))) from None


def _validate_override(entry: object, index: int, name: str) -> dict:
    where = f"{name}: overrides[{index}]"
    if not isinstance(entry, dict):
        raise CleaningRulesError(f"{where}: expected a mapping with doc_id, line/lines/contains, role")
    unknown = sorted(set(entry) - _OVERRIDE_KEYS)
    if unknown:
        raise CleaningRulesError(
            f"{where}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(_OVERRIDE_KEYS))})"
        )
    if not str(entry.get("doc_id", "")).strip():
        raise CleaningRulesError(f"{where}: 'doc_id' is required")
    if entry.get("role") not in ROLES:
        raise CleaningRulesError(f"{where}: role '{entry.get('role')}' is not one of {', '.join(ROLES)}")
    targets = [k for k in ("line", "lines", "contains") if k in entry]
    if len(targets) != 1:
        raise CleaningRulesError(f"{where}: give exactly one of 'line', 'lines' or 'contains'")
    out = {"doc_id": str(entry["doc_id"]).strip(), "role": entry["role"],
           "note": str(entry.get("note", "")).strip()}
    if "line" in entry:
        if not isinstance(entry["line"], int):
            raise CleaningRulesError(f"{where}: 'line' must be a line number")
        out["first"] = out["last"] = entry["line"]
    elif "lines" in entry:
        m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", str(entry["lines"]))
        if not m or int(m.group(1)) > int(m.group(2)):
            raise CleaningRulesError(f"{where}: 'lines' must look like '33-36'")
        out["first"], out["last"] = int(m.group(1)), int(m.group(2))
    else:
        out["contains"] = str(entry["contains"])
    return out


def apply_overrides(blocks: pd.DataFrame, rules: CleaningRules) -> tuple[pd.DataFrame, list[dict]]:
    """Apply the per-document overrides of the rules file; report overrides that match nothing."""
    b = blocks.copy()
    problems = []
    present = set(b["doc_id"])
    for o in rules.overrides:
        if o["doc_id"] not in present:  # another part of the corpus, or not loaded (reported then)
            continue
        mask = b["doc_id"] == o["doc_id"]
        if "contains" in o:
            mask &= b["raw"].str.contains(o["contains"], case=False, regex=False)
        else:
            mask &= b["line_start"].between(o["first"], o["last"])
        if not mask.any():
            target = o.get("contains") or f"lines {o['first']}-{o['last']}"
            problems.append({"doc_id": o["doc_id"], "level": "warning",
                             "problem": f"{rules.source}: override for '{target}' matched no block"})
            continue
        note = f": {o['note']}" if o["note"] else ""
        b.loc[mask, "role"] = o["role"]
        b.loc[mask, "reason"] = f"override in {rules.source}{note}"
    return b, problems
