"""Read, check and compile the researcher-edited codebook (data/codebook.yaml).

The pattern syntax is documented at the top of data/codebook.yaml. Every pattern is compiled to
an RE2 regular expression (linear-time matching: no pattern can hang) and checked on load; a
mistake raises CodebookError with one line naming the file, the theme, the pattern and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import re2
import snowballstemmer

from helpers import config, paths
from helpers.corpus import language as languages_module

CODEBOOK_PATH = paths.DATA_DIR / "codebook.yaml"
DEFAULT_LANGUAGE = languages_module.DEFAULT_LANGUAGE
THEME_KEYS = ("id", "label", "definition", "include", "exclude", "examples")
REQUIRED_THEME_KEYS = ("id", "label", "definition", "include")
TOP_KEYS = ("themes",)
RAW_PREFIX = "re:"
WORD_CHAR = r"[\pL\pN_]"
NOT_WORD_CHAR = r"[^\pL\pN_]"
SEPARATOR = r"[ \t\x{a0}\-\x{2010}\x{2011}\x{2013}]+"  # spaces and hyphens, never a newline
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


# Snowball stemmers for the ``word~`` form, by ISO 639-1 code.
STEMMERS = {"en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish",
            "it": "italian", "pt": "portuguese", "nl": "dutch", "pl": "polish", "cs": "czech",
            "sr": "serbian", "ar": "arabic", "fa": "persian", "tr": "turkish", "el": "greek",
            "hi": "hindi", "fi": "finnish", "sv": "swedish", "da": "danish", "no": "norwegian",
            "hu": "hungarian", "ro": "romanian", "ca": "catalan", "lt": "lithuanian"}


def stem_pattern(pattern: str, language: str) -> str:
    """Rewrite each ``word~`` of a plain pattern as its Snowball stem followed by ``*`` (any
    ending), with the stemmer of the pattern's language: ``санкция~`` → ``санкц*`` (санкции,
    санкциями), ``regulation~`` → ``regul*``. Other words are left as they are.

    Raises:
        ValueError: no stemmer for the language, or a ``~`` that is not at the end of a word.
    """
    if "~" not in pattern or pattern.strip().lower().startswith(RAW_PREFIX):
        return pattern
    if language not in STEMMERS:
        raise ValueError(f"'~' needs a stemmer, and there is none for language '{language}' "
                         f"(available: {', '.join(sorted(STEMMERS))}); write 'stem*' instead")
    stemmer = snowballstemmer.stemmer(STEMMERS[language])

    def stem(match: re.Match) -> str:
        word = match.group(1)
        if "~" in word or not word:
            raise ValueError("'~' is allowed only at the end of a word, after at least one letter")
        return stemmer.stemWord(word.lower()) + "*"

    stemmed = re.sub(r"(\S*?)~(?=\s|$)", stem, pattern.strip())
    if "~" in stemmed:
        raise ValueError("'~' is allowed only at the end of a word, after at least one letter")
    return stemmed


def pattern_body(pattern: str) -> tuple[str, bool]:
    """Translate one codebook pattern into RE2 syntax (see data/codebook.yaml).

    Returns:
        (body, is_raw): for a plain pattern the expression for the term itself (words joined by
        SEPARATOR, ``*`` as any word characters); for a ``re:`` pattern the expression as written.
    Raises:
        ValueError: an empty pattern, or a ``*`` that is not at the end of a word.
    """
    text = pattern.strip()
    if text.lower().startswith(RAW_PREFIX):
        body = text[len(RAW_PREFIX):].strip()
        if not body:
            raise ValueError("empty raw pattern after 're:'")
        return body, True
    words = [w for w in re.split(r"[\s\-\u2010\u2011\u2013]+", text) if w]
    if not words:
        raise ValueError("empty pattern")
    parts = []
    for word in words:
        stem = word[:-1] if word.endswith("*") else word
        if not stem or "*" in stem:
            raise ValueError("'*' is allowed only at the end of a word, after at least one letter")
        literal = "".join("['’]" if ch in "'’" else _escape_char(ch) for ch in stem)
        parts.append(literal + (WORD_CHAR + "*" if word.endswith("*") else ""))
    return SEPARATOR.join(parts), False


def _escape_char(ch: str) -> str:
    """Escape one character for RE2 (letters and digits stay as they are)."""
    return ch if ch.isalnum() or ch == "_" else f"\\x{{{ord(ch):x}}}"


def compile_pattern(pattern: str) -> str:
    """The standalone, case-insensitive RE2 expression for one codebook pattern.

    A plain pattern becomes ``(?i)(?:^|[^\\pL\\pN_])(BODY)(?:[^\\pL\\pN_]|$)``: group 1 is the
    term and the non-capturing edges make it match whole words only (RE2 has no Unicode ``\\b``).
    A ``re:`` pattern is used as written.
    """
    return join_patterns([pattern])[0]


def order_patterns(patterns: list[str]) -> list[str]:
    """Patterns in the order they are tried at one position: plain phrases with more words first,
    then longer words first (so 'regulatory framework*' wins over 'regulat*', 'chips' over
    'chip'), then raw patterns in file order. RE2 takes the first alternative that matches."""
    def key(item: tuple[int, str]) -> tuple:
        index, pattern = item
        body, raw = pattern_body(pattern)
        words = [w for w in re.split(r"[\s\-\u2010\u2011\u2013]+", pattern.strip()) if w]
        return (1, 0, 0, index) if raw else (0, -len(words), -len("".join(words).replace("*", "")), index)
    return [p for _, p in sorted(enumerate(patterns), key=key)]


def join_patterns(patterns: list[str]) -> tuple[str, int]:
    """One case-insensitive RE2 expression that matches any of the patterns (see order_patterns).

    Plain patterns share one alternation in group 1 (the term), between word edges that are
    consumed; raw patterns follow as further alternatives whose term is the whole match.

    Returns:
        (regex, term_group): term_group is 1 when plain patterns are present, else 0.
    """
    bodies = [pattern_body(p) for p in order_patterns(patterns)]
    plain = [b for b, raw in bodies if not raw]
    alternatives = [f"(?:{b})" for b, raw in bodies if raw]
    if plain:
        alternatives.insert(0, f"(?:^|{NOT_WORD_CHAR})({'|'.join(plain)})(?:{NOT_WORD_CHAR}|$)")
    return "(?i)" + "|".join(alternatives), 1 if plain else 0


def filter_regex(patterns: list[str]) -> str:
    """A fast RE2 expression that matches every text any of the patterns matches (and a few more).

    Word edges are left out and a final ``*`` is dropped, so the expression is mostly literal and
    RE2 keeps it in its fast DFA; it only preselects the texts that find_spans then reads exactly.
    """
    alternatives = []
    for pattern in patterns:
        body, raw = pattern_body(pattern)
        if not raw:
            if body.endswith(WORD_CHAR + "*"):
                body = body[:-len(WORD_CHAR) - 1]
            body = body.replace(WORD_CHAR + "*", r"\S*")
        alternatives.append(f"(?:{body})")
    return "(?i)" + "|".join(alternatives)


MARKER_REWRITE = "\x01\\0\x02"


def marker_regex(patterns: list[str]) -> str:
    """A fast RE2 expression for marking every term (rewrite MARKER_REWRITE: \\x01 term \\x02).

    It uses only zero-width ASCII word edges (``\\b``) and ASCII ``\\w*`` for a final ``*``,
    which RE2 runs in its fast DFA. ASCII edges accept every Unicode word edge and a few more
    (a word next to a non-ASCII letter), so find_spans checks the Unicode edges of each term
    afterwards and searches any text with a doubtful term again exactly (join_patterns).
    """
    alternatives = []
    for pattern in order_patterns(patterns):
        body, raw = pattern_body(pattern)
        if raw:
            alternatives.append(f"(?:{body})")
            continue
        first, last = pattern.strip()[0], pattern.strip().rstrip("*")[-1]
        star = pattern.strip().endswith("*")
        if star and last.isascii():
            body = body[:-len(WORD_CHAR) - 1] + "\\w*"
        lead = "\\b" if _is_ascii_word(first) else ""
        trail = "\\b" if not star and _is_ascii_word(last) else ""
        alternatives.append(f"{lead}{body}{trail}")
    return "(?i)" + "|".join(alternatives)


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def re2_options() -> re2.Options:
    """RE2 options for the exact search: leftmost-first matching (as in pyarrow), room for big
    alternations, no logging of bad patterns (load_codebook reports them)."""
    options = re2.Options()
    options.max_mem = 64 << 20
    options.log_errors = False
    return options


def check_regex(regex: str) -> str | None:
    """Return RE2's complaint about a regular expression, or None when it compiles and is usable."""
    try:
        compiled = re2.compile(regex, re2_options())
    except re2.error as exc:
        arg = exc.args[0] if exc.args else ""
        message = arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg)
        return message.splitlines()[0] if message else "does not compile"
    if compiled.search("") is not None:
        return "it matches the empty string"
    return None


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
        for language, patterns in _pattern_lists(theme, kind, where).items():
            for written in patterns:
                try:
                    pattern = stem_pattern(written, language)
                    regex = compile_pattern(pattern)
                except ValueError as exc:
                    raise CodebookError(f"{where}: {kind} pattern '{written}': {exc}") from None
                problem = check_regex(regex)
                if problem:
                    raise CodebookError(f"{where}: {kind} pattern '{pattern}' is not a valid RE2 "
                                        f"pattern ({problem}); fix or remove it")
                rows.append({"theme": theme_id, "language": language, "kind": kind,
                             "pattern": pattern, "regex": regex, "written": written})
    row = {"theme": theme_id, "label": str(theme["label"]).strip(),
           "definition": " ".join(str(theme["definition"]).split()),
           "examples": "; ".join(str(e) for e in examples)}
    return row, rows


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read, check and compile a codebook.

    Args:
        path: a YAML file; default data/codebook.yaml (relative paths start at the project root).
    Returns:
        Codebook with its themes and compiled patterns.
    Raises:
        CodebookError: missing file, bad YAML, unknown keys, duplicate ids, empty patterns,
            patterns RE2 cannot compile; one line naming the file, theme and pattern.
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
