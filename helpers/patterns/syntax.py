"""The pattern language compiled to RE2 (syntax: see helpers.patterns).

``pattern_body`` translates one pattern, ``stem_pattern`` rewrites ``word~`` with Snowball,
``join_patterns`` / ``filter_regex`` / ``marker_regex`` build the expressions the coder runs over
a list of patterns; ``check_regex`` asks RE2 whether an expression compiles.
"""

from __future__ import annotations

import re

import re2
import snowballstemmer

RAW_PREFIX = "re:"
WORD_CHAR = r"[\pL\pN_]"
NOT_WORD_CHAR = r"[^\pL\pN_]"
SEPARATOR = r"[ \t\x{a0}\-\x{2010}\x{2011}\x{2013}]+"  # spaces and hyphens, never a newline
MARKER_REWRITE = "\x01\\0\x02"
_SPLIT_RE = re.compile(r"[\s\-\u2010\u2011\u2013]+")
_STEM_RE = re.compile(r"(\S*?)(?<!\\)~(?=\s|$)")
_ESCAPED_RE = re.compile(r"\\(.)")

# Snowball stemmers for the ``word~`` form, by ISO 639-1 code.
STEMMERS = {"en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish",
            "it": "italian", "pt": "portuguese", "nl": "dutch", "pl": "polish", "cs": "czech",
            "sr": "serbian", "ar": "arabic", "fa": "persian", "tr": "turkish", "el": "greek",
            "hi": "hindi", "fi": "finnish", "sv": "swedish", "da": "danish", "no": "norwegian",
            "hu": "hungarian", "ro": "romanian", "ca": "catalan", "lt": "lithuanian"}


def is_raw(pattern: str) -> bool:
    """Whether the pattern is a raw RE2 expression (``re:...``)."""
    return pattern.strip().lower().startswith(RAW_PREFIX)


def stem_pattern(pattern: str, language: str) -> str:
    """Rewrite each ``word~`` of a plain pattern as its Snowball stem followed by ``*`` (any
    ending), with the stemmer of the pattern's language: ``санкция~`` → ``санкц*`` (санкции,
    санкциями), ``regulation~`` → ``regul*``. Other words (and ``\\~``) are left as they are.

    Raises:
        ValueError: no stemmer for the language, or a ``~`` that is not at the end of a word.
    """
    if "~" not in pattern.replace("\\~", "") or is_raw(pattern):
        return pattern
    if language not in STEMMERS:
        raise ValueError(f"'~' needs a stemmer, and there is none for language '{language}' "
                         f"(available: {', '.join(sorted(STEMMERS))}); write 'stem*' instead")
    stemmer = snowballstemmer.stemmer(STEMMERS[language])

    def stem(match: re.Match) -> str:
        word = match.group(1)
        if "~" in word.replace("\\~", "") or not word:
            raise ValueError("'~' is allowed only at the end of a word, after at least one letter; "
                             "write '\\~' for a literal tilde")
        return stemmer.stemWord(_ESCAPED_RE.sub(r"\1", word).lower()) + "*"

    stemmed = _STEM_RE.sub(stem, pattern.strip())
    if "~" in stemmed.replace("\\~", ""):
        raise ValueError("'~' is allowed only at the end of a word, after at least one letter; "
                         "write '\\~' for a literal tilde")
    return stemmed


def split_words(pattern: str) -> list[str]:
    """The words of a plain pattern (split at spaces and hyphens)."""
    return [w for w in _SPLIT_RE.split(pattern.strip()) if w]


def _word_parts(word: str) -> tuple[list[str], bool]:
    """The literal characters of one word (escapes resolved) and whether it ends with ``*``."""
    chars, i = [], 0
    while i < len(word):
        if word[i] == "\\" and i + 1 < len(word):
            chars.append(word[i + 1])
            i += 2
            continue
        if word[i] == "*":
            if i != len(word) - 1 or not chars:
                raise ValueError("'*' is allowed only at the end of a word, after at least one "
                                 "letter; write '\\*' for a literal star")
            return chars, True
        chars.append(word[i])
        i += 1
    return chars, False


def pattern_body(pattern: str) -> tuple[str, bool]:
    """Translate one pattern into RE2 syntax.

    Returns:
        (body, is_raw): for a plain pattern the expression for the term itself (words joined by
        SEPARATOR, ``*`` as any word characters); for a ``re:`` pattern the expression as written.
    Raises:
        ValueError: an empty pattern, or a ``*`` that is not at the end of a word.
    """
    text = pattern.strip()
    if is_raw(text):
        body = text[len(RAW_PREFIX):].strip()
        if not body:
            raise ValueError("empty raw pattern after 're:'")
        return body, True
    words = split_words(text)
    if not words:
        raise ValueError("empty pattern")
    parts = []
    for word in words:
        chars, star = _word_parts(word)
        literal = "".join("['’]" if ch in "'’" else _escape_char(ch) for ch in chars)
        parts.append(literal + (WORD_CHAR + "*" if star else ""))
    return SEPARATOR.join(parts), False


def _escape_char(ch: str) -> str:
    """Escape one character for RE2 (letters and digits stay as they are)."""
    return ch if ch.isalnum() or ch == "_" else f"\\x{{{ord(ch):x}}}"


def compile_pattern(pattern: str) -> str:
    """The standalone, case-insensitive RE2 expression for one pattern.

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
        if is_raw(pattern):
            return (1, 0, 0, index)
        words = split_words(pattern)
        return (0, -len(words), -len("".join(words).replace("*", "")), index)
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
    RE2 keeps it in its fast DFA; it only preselects the texts that the exact search then reads.
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


def marker_regex(patterns: list[str]) -> str:
    """A fast RE2 expression for marking every term (rewrite MARKER_REWRITE: \\x01 term \\x02).

    It uses only zero-width ASCII word edges (``\\b``) and ASCII ``\\w*`` for a final ``*``,
    which RE2 runs in its fast DFA. ASCII edges accept every Unicode word edge and a few more
    (a word next to a non-ASCII letter), so the coder checks the Unicode edges of each term
    afterwards and searches any text with a doubtful term again exactly (join_patterns).
    """
    alternatives = []
    for pattern in order_patterns(patterns):
        body, raw = pattern_body(pattern)
        if raw:
            alternatives.append(f"(?:{body})")
            continue
        words = split_words(pattern)
        first, last = words[0][0], _word_parts(words[-1])[0][-1]
        star = _word_parts(words[-1])[1]
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
    alternations, no logging of bad patterns (the loaders report them)."""
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
