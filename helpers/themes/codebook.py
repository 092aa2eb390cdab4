"""Read, check and compile the researcher-edited codebook (data/codebook.yaml).

The pattern language is helpers.patterns (summarised at the top of data/codebook.yaml). Every
pattern is compiled to RE2 (linear-time matching: no pattern can hang) and checked on load, alone
and combined with the other patterns of its theme as the coder will run them; a mistake raises
CodebookError with one line naming the file, the theme, the pattern and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import config, paths
from helpers import patterns as pattern_language
from helpers.corpus import language as languages_module

CODEBOOK_PATH = paths.DATA_DIR / "codebook.yaml"
DEFAULT_LANGUAGE = languages_module.DEFAULT_LANGUAGE
THEME_KEYS = ("id", "label", "definition", "include", "exclude", "examples")
REQUIRED_THEME_KEYS = ("id", "label", "definition", "include")
TOP_KEYS = ("themes",)
_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}")


class CodebookError(ValueError):
    """The codebook is malformed; the message is one line naming the file, theme, pattern and fix."""


@dataclass(frozen=True, eq=False)
class Codebook:
    """A checked codebook.

    Attributes:
        themes: theme, label, definition, examples (one row per theme, in file order).
        patterns: theme, language, kind ('include'/'exclude'), pattern (with ``word~`` stemmed),
            regex (RE2 syntax), written (the pattern as written in the file).
        source: the file it was read from, relative to the project root where possible.
    """

    themes: pd.DataFrame
    patterns: pd.DataFrame
    source: str = ""

    @property
    def ids(self) -> list[str]:
        """Theme ids in codebook order."""
        return self.themes["theme"].tolist()


def _pattern_lists(theme: dict, key: str, where: str) -> dict[str, list[str]]:
    """Normalise an include/exclude value (list or {language: list}) to {language: [patterns]}."""
    value = theme.get(key)
    if value is None and key == "exclude":
        return {}
    if isinstance(value, list):
        value = {DEFAULT_LANGUAGE: value}
    if not isinstance(value, dict) or not value:
        raise CodebookError(f"{where}: '{key}' must be a list of patterns or a mapping "
                            f"{{language: [patterns]}}, e.g. {{en: [sanction*]}}")
    out = {}
    for language, patterns in value.items():
        if not isinstance(language, str) or not _LANGUAGE_RE.fullmatch(language):
            raise CodebookError(f"{where}: '{key}' has language '{language}'; use a two-letter "
                                "ISO 639-1 code such as en or ru")
        if not isinstance(patterns, list) or not patterns:
            raise CodebookError(f"{where}: '{key}' for language '{language}' must be a non-empty list "
                                "of patterns")
        for p in patterns:
            if not isinstance(p, str) or not p.strip():
                raise CodebookError(f"{where}: '{key}' ({language}) has an empty pattern {p!r}; "
                                    "remove it or write a word")
        out[language] = [p.strip() for p in patterns]
    return out


def _compile_theme(theme: object, index: int, name: str) -> tuple[dict, list[dict]]:
    """Check one theme entry; return its row and its compiled pattern rows."""
    if not isinstance(theme, dict):
        raise CodebookError(f"{name}: themes[{index}] must be a mapping with "
                            f"{', '.join(REQUIRED_THEME_KEYS)}")
    theme_id = str(theme.get("id", "")).strip()
    where = f"{name}: theme '{theme_id}'" if theme_id else f"{name}: themes[{index}]"
    unknown = sorted(set(map(str, theme)) - set(THEME_KEYS))
    if unknown:
        raise CodebookError(f"{where}: unknown key '{unknown[0]}' (allowed: {', '.join(THEME_KEYS)})")
    missing = [k for k in REQUIRED_THEME_KEYS if k not in theme or theme[k] in (None, "")]
    if missing:
        raise CodebookError(f"{where}: missing '{missing[0]}' (each theme needs "
                            f"{', '.join(REQUIRED_THEME_KEYS)})")
    if not _ID_RE.fullmatch(theme_id):
        raise CodebookError(f"{where}: id must be lower-case letters, digits and underscores")
    examples = theme.get("examples") or []
    if not isinstance(examples, list):
        raise CodebookError(f"{where}: 'examples' must be a list of phrases")
    rows = []
    for kind in ("include", "exclude"):
        for language, written_list in _pattern_lists(theme, kind, where).items():
            compiled = []
            for written in written_list:
                try:
                    pattern = pattern_language.stem_pattern(written, language)
                    pattern_language.check_pattern(pattern)
                except ValueError as exc:
                    raise CodebookError(pattern_language.describe_problem(
                        f"{where}: {kind} ({language})", written, str(exc))) from None
                compiled.append(pattern)
                rows.append({"theme": theme_id, "language": language, "kind": kind, "pattern": pattern,
                             "regex": pattern_language.compile_pattern(pattern), "written": written})
            _check_together(compiled, written_list, f"{where}: {kind} ({language})")
    row = {"theme": theme_id, "label": str(theme["label"]).strip(),
           "definition": " ".join(str(theme["definition"]).split()),
           "examples": "; ".join(str(e) for e in examples)}
    return row, rows


def _check_together(compiled: list[str], written: list[str], where: str) -> None:
    """Check one theme's patterns of one kind and language combined, as the coder runs them; name
    the pattern that RE2 refuses there (or all of them when only their sum is too large)."""
    try:
        pattern_language.check_combined(compiled)
    except pattern_language.PatternError as exc:
        for one, as_written in zip(compiled, written):
            try:
                pattern_language.check_combined([one])
            except pattern_language.PatternError as alone:
                message = pattern_language.describe_problem(where, as_written, str(alone))
                raise CodebookError(message) from None
        raise CodebookError(f"{where}: the {len(compiled)} patterns together: {exc}; split the theme"
                            ) from None


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read, check and compile a codebook.

    Args:
        path: a YAML file; default data/codebook.yaml (relative paths start at the project root).
    Returns:
        Codebook with its themes and compiled patterns.
    Raises:
        CodebookError: missing file, bad YAML, unknown keys, duplicate ids, patterns that are
            empty or too broad, patterns RE2 cannot compile alone or combined; one line naming
            the file, theme and pattern.
    """
    raw, name = config.read_yaml_mapping(path, CODEBOOK_PATH, CodebookError, "codebook")
    unknown = sorted(set(map(str, raw)) - set(TOP_KEYS))
    if unknown:
        raise CodebookError(f"{name}: unknown top-level key '{unknown[0]}' (allowed: themes)")
    entries = raw.get("themes")
    if not isinstance(entries, list) or not entries:
        raise CodebookError(f"{name}: 'themes' must be a non-empty list of themes")
    theme_rows, pattern_rows = [], []
    for index, entry in enumerate(entries):
        row, rows = _compile_theme(entry, index, name)
        if row["theme"] in {r["theme"] for r in theme_rows}:
            raise CodebookError(f"{name}: theme '{row['theme']}' is defined twice; give each theme "
                                "a unique id")
        theme_rows.append(row)
        pattern_rows += rows
    themes = pd.DataFrame(theme_rows, columns=["theme", "label", "definition", "examples"])
    patterns = pd.DataFrame(pattern_rows,
                            columns=["theme", "language", "kind", "pattern", "regex", "written"])
    return Codebook(themes=themes.astype("str"), patterns=patterns.astype("str"), source=name)


def select_themes(codebook: Codebook, themes: list[str] | None) -> Codebook:
    """Keep only the given theme ids (in the codebook's order); None or [] keeps all.

    Raises:
        CodebookError: an id that is not in the codebook (the message lists the known ids).
    """
    if not themes:
        return codebook
    unknown = [t for t in themes if t not in set(codebook.ids)]
    if unknown:
        raise CodebookError(f"themes: unknown theme '{unknown[0]}' in {codebook.source} "
                            f"(known: {', '.join(codebook.ids)})")
    keep = codebook.themes["theme"].isin(themes)
    return Codebook(themes=codebook.themes[keep].reset_index(drop=True),
                    patterns=codebook.patterns[codebook.patterns["theme"].isin(themes)]
                    .reset_index(drop=True), source=codebook.source)


def describe_codebook(codebook: Codebook) -> pd.DataFrame:
    """One row per theme: label, definition and its include patterns per language (for reading)."""
    inc = codebook.patterns[codebook.patterns["kind"] == "include"]
    per_lang = (inc.groupby(["theme", "language"], sort=False)["pattern"].agg(", ".join)
                .unstack("language", fill_value=""))
    per_lang.columns = [f"include_{c}" for c in per_lang.columns]
    n_exclude = (codebook.patterns["kind"] == "exclude").groupby(codebook.patterns["theme"]).sum()
    out = codebook.themes[["theme", "label", "definition"]].join(per_lang, on="theme")
    out["n_exclude"] = out["theme"].map(n_exclude).fillna(0).astype("int64")
    return out.fillna("").reset_index(drop=True)
