"""News-database exports holding many articles in one file: recognised by their own markers and
split into one record per article (see nexis.py and factiva.py for each layout).

A record is the article's text (title first, then its paragraphs, one line each with a blank
line between) and the fields the export gives: title, publisher, published (ISO, with its
precision), author, section, word_count, language (ISO 639-1 where the name is known). A field
that does not parse is left empty and reported, naming the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpers.corpus import dates

LANGUAGES = {"english": "en", "russian": "ru", "german": "de", "french": "fr", "spanish": "es",
             "italian": "it", "chinese": "zh", "japanese": "ja", "ukrainian": "uk", "arabic": "ar",
             "portuguese": "pt", "dutch": "nl", "polish": "pl", "turkish": "tr", "korean": "ko",
             "русский": "ru", "английский": "en", "deutsch": "de", "englisch": "en", "russisch": "ru"}
FIELDS = ("title", "publisher", "published", "date_precision", "author", "section", "word_count",
          "language")


@dataclass
class Record:
    """One article of an export: its number (1-based), text lines, fields and problems."""

    number: int
    lines: list[str] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The article as text: one paragraph per line, a blank line between."""
        return "\n\n".join(line for line in self.lines if line.strip())


def split_export(lines: list[str]) -> tuple[str, list[Record], list[str]] | None:
    """Recognise and split an export given its text as lines.

    Returns:
        (kind: 'nexis' or 'factiva', the records, problems with the whole file), or None when the
        text is not an export (an ordinary single article).
    """
    from helpers.corpus.formats import factiva, nexis

    if nexis.is_nexis(lines):
        records, problems = nexis.split_nexis(lines)
        return "nexis", records, problems
    if factiva.is_factiva(lines):
        records, problems = factiva.split_factiva(lines)
        return "factiva", records, problems
    return None


def parse_export_date(value: str, record: Record, label: str) -> None:
    """Set the record's published/date_precision from an export's date text, or report it."""
    value = value.strip()
    found = dates.find_date(value)
    if found is not None:
        record.fields["published"], record.fields["date_precision"] = found[0], found[1]
        return
    year = re.fullmatch(r"((?:19|20)\d\d)", value)
    if year:
        record.fields["published"], record.fields["date_precision"] = year.group(1), "year"
        return
    record.problems.append(f"record {record.number}: {label} '{value[:40]}' is not a date I can read; "
                           f"published left empty")


def parse_word_count(value: str, record: Record, label: str) -> None:
    """Set the record's word_count from '812 words' (or report it)."""
    m = re.search(r"(\d[\d,.\s]*)\s*(?:words?|слов|wörter|mots)?", value, re.IGNORECASE)
    if m and re.sub(r"\D", "", m.group(1)):
        record.fields["word_count"] = re.sub(r"\D", "", m.group(1))
    else:
        record.problems.append(f"record {record.number}: {label} '{value[:40]}' is not a word count; "
                               f"left empty")


def language_code(name: str) -> str:
    """ISO 639-1 for a language name an export gives ('English' → 'en'); '' when unknown."""
    key = name.strip().casefold()
    code = re.fullmatch(r"([a-z]{2})(?:[-_][a-z0-9]+)?", key)
    if code:
        return code.group(1)
    return LANGUAGES.get(key, "")
