"""TimeML: the expressions as TIMEX3 annotations, and one TimeML file per document.

:func:`list_timexes` turns the dates table (one row per expression, as the timeline uses it) into
one row per TIMEX3 as TimeML counts them: the signal left outside ("by" + ``2030``), and a range
split into its two ends ("between 1982 and 1992" is ``1982`` and ``1992``). :func:`to_timeml`
writes each document's content with those TIMEX3 tags (and SIGNAL tags), its publication date as
the DCT, in the TimeML 1.2.1 layout that TimeML tools and the TempEval-3 scripts read.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pandas as pd

TIMEX_COLUMNS = ["doc_id", "sent_id", "text", "start", "end", "type", "value", "mod", "signal",
                 "is_anchored"]
_ENDS = re.compile(r"(?:1[89]|20)\d\d|(?<=[-–—/])\d\d\b")
_HEADER = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n')


def list_timexes(found: pd.DataFrame) -> pd.DataFrame:
    """One row per TIMEX3 (TimeML's spans and values) from rows of ``extract_dates``.

    Args:
        found: rows of extract_dates / find_dates.
    Returns:
        TIMEX_COLUMNS: start/end are offsets in the sentence; a DATE range (value ``a/b``) gives two
        rows, one per end, each with its year.
    """
    rows = []
    for r in found.itertuples(index=False):
        if r.type == "DATE" and "/" in r.timex_value:
            ends = list(_ENDS.finditer(r.timex_text))
            values = r.timex_value.split("/")
            if len(ends) >= 2:
                for m, value in ((ends[0], values[0]), (ends[-1], values[1])):
                    rows.append((r.doc_id, r.sent_id, m.group(), r.timex_start + m.start(),
                                 r.timex_start + m.end(), "DATE", value, "", r.signal, r.is_anchored))
                continue
        rows.append((r.doc_id, r.sent_id, r.timex_text, r.timex_start, r.timex_end, r.type,
                     r.timex_value, r.mod, r.signal, r.is_anchored))
    return pd.DataFrame(rows, columns=TIMEX_COLUMNS).astype(
        {"start": "int64", "end": "int64", "is_anchored": "bool"})


def _document_text(paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> tuple[str, dict[str, int]]:
    """The document's content (paragraphs joined by blank lines) and where each sentence starts."""
    offsets, pieces, cursor = {}, [], 0
    para_start = {}
    for para_id, text in zip(paragraphs["para_id"], paragraphs["text"]):
        para_start[para_id] = cursor
        pieces.append(text)
        cursor += len(text) + 2
    for sent_id, para_id, start in zip(sentences["sent_id"], sentences["para_id"], sentences["start"]):
        if para_id in para_start:
            offsets[sent_id] = para_start[para_id] + int(start)
    return "\n\n".join(pieces), offsets


def _tags(timexes: pd.DataFrame, offsets: dict[str, int], text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, opening tag, closing tag) of every TIMEX3 and SIGNAL, in document offsets."""
    tags = []
    for n, r in enumerate(timexes.itertuples(index=False), 1):
        if r.sent_id not in offsets:
            continue
        start, end = offsets[r.sent_id] + r.start, offsets[r.sent_id] + r.end
        if text[start:end] != r.text:
            continue  # the sentence is not a verbatim piece of its paragraph: leave it untagged
        attrs = f'tid="t{n}" type={quoteattr(r.type)} value={quoteattr(r.value)}'
        attrs += f" mod={quoteattr(r.mod)}" if r.mod else ""
        attrs += ' temporalFunction="true" anchorTimeID="t0"' if r.is_anchored else \
            ' temporalFunction="false"'
        tags.append((start, end, f"<TIMEX3 {attrs}>", "</TIMEX3>"))
        before = text.rfind(r.signal, max(0, start - len(r.signal) - 3), start) if r.signal else -1
        if before >= 0:
            tags.append((before, before + len(r.signal), f'<SIGNAL sid="s{n}">', "</SIGNAL>"))
    return sorted(tags)


def render_timeml(doc_id: str, dct: str, text: str, tags: list[tuple[int, int, str, str]]) -> str:
    """One TimeML document: DOCID, DCT (when known), and the text with its tags, escaped."""
    out, cursor = [_HEADER, f"<DOCID>{escape(doc_id)}</DOCID>\n"], 0
    if dct:
        out.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n')
    out.append("<TEXT>")
    for start, end, opening, closing in tags:
        if start < cursor:
            continue  # overlapping annotations are not valid TimeML: keep the first
        out.append(escape(text[cursor:start]) + opening + escape(text[start:end]) + closing)
        cursor = end
    out.append(escape(text[cursor:]) + "</TEXT>\n</TimeML>\n")
    return "".join(out)


def to_timeml(corpus, found: pd.DataFrame, folder) -> list[Path]:
    """Write one TimeML file per document (``<doc_id>.tml``) into ``folder``.

    Args:
        corpus: a loaded corpus (documents, paragraphs, sentences).
        found: rows of extract_dates for that corpus.
        folder: where to write (created if missing; existing files of the same name are replaced).
    Returns:
        The paths written, in document order.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"to_timeml: {folder} is a file, not a folder; give a folder to write into")
    folder.mkdir(parents=True, exist_ok=True)
    timexes = list_timexes(found)
    written = []
    published = dict(zip(corpus.documents["doc_id"].astype(str),
                         corpus.documents.get("published", pd.Series(dtype=str)).fillna("").astype(str)))
    for doc_id in corpus.documents["doc_id"].astype(str):
        paragraphs = corpus.paragraphs[corpus.paragraphs["doc_id"].astype(str) == doc_id]
        sentences = corpus.sentences[corpus.sentences["doc_id"].astype(str) == doc_id]
        text, offsets = _document_text(paragraphs, sentences)
        tags = _tags(timexes[timexes["doc_id"] == doc_id], offsets, text)
        path = folder / f"{doc_id}.tml"
        path.write_text(render_timeml(doc_id, published.get(doc_id, ""), text, tags), encoding="utf-8")
        written.append(path)
    return written
