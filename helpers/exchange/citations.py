"""References to the corpus articles, for a paper: quotations with citations, BibTeX, CSL JSON.

The references are built from the manifest's columns (author, title, publisher, published, url)
and an access date (a documents column ``accessed``, else the date the caller gives; never
today's date, which the workbook does not invent). Two styles are formatted here, for web
pages and news articles:

- ``chicago``: Chicago Manual of Style, 17th ed., author-date reference list. Without an author,
  the publisher stands in as author (CMOS 15.42, works by an organisation).
- ``apa``: APA Publication Manual, 7th ed., webpage references. Without an author the title
  moves to the author position (APA 9.12). Titles are kept as in the manifest: APA's sentence
  case cannot be derived safely (proper nouns).

Authors are read as ``Given Family`` or ``Family, Given``; several are separated by ``;``.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from datetime import date

import pandas as pd

STYLES = ("chicago", "apa")
MARKUPS = ("text", "markdown", "html")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CSL_TYPES = {"news": "article-newspaper", "blog": "post-weblog", "think_tank": "report"}
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
# A byline ending in one of these words names a role, not a person: kept whole ("News Editor").
ROLE_WORDS = {"editor", "editors", "staff", "desk", "team", "newsroom", "reporter", "correspondent",
              "admin", "editorial", "board", "writer"}


def split_authors(author: str) -> list[dict[str, str]]:
    """The authors of a manifest ``author`` value as CSL names ({family, given} each).

    ``Julien Nocetti`` -> [{family: Nocetti, given: Julien}]; ``Nocetti, Julien`` likewise;
    a single word or a role (``News Editor``, see ROLE_WORDS) -> [{literal: ...}];
    ``A B; C D`` -> two names; '' -> [].
    """
    names = []
    for part in [p.strip() for p in str(author or "").split(";") if p.strip()]:
        if "," in part:
            family, given = (x.strip() for x in part.split(",", 1))
        elif " " in part and part.rsplit(" ", 1)[1].casefold() not in ROLE_WORDS:
            given, family = part.rsplit(" ", 1)
        else:
            names.append({"literal": part})
            continue
        names.append({"family": family, "given": given})
    return names


def parse_date(value: str) -> list[int]:
    """ISO ``2025``, ``2025-09`` or ``2025-09-29`` as [year(, month(, day))]; [] when unknown."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\s*", str(value or ""))
    if not m:
        return []
    parts = [int(x) for x in m.groups() if x]
    if len(parts) == 3:
        date(*parts)  # raises ValueError on an impossible date
    return parts


def _long_date(parts: list[int], month_first: bool = True) -> str:
    if not parts:
        return ""
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{month} {parts[2]}, {parts[0]}" if month_first else f"{parts[0]}, {month} {parts[2]}"


def _italic(text: str, markup: str) -> str:
    return {"text": text, "markdown": f"*{text}*", "html": f"<i>{text}</i>"}[markup]


def _initials(given: str) -> str:
    words = re.split(r"(\s+|-)", given.strip())
    return "".join(w[0] + "." if w.strip() and w != "-" else ("-" if w == "-" else " ") for w in words)


def _chicago_names(names: list[dict]) -> str:
    out = []
    for i, n in enumerate(names):
        if "literal" in n:
            out.append(n["literal"])
        else:
            out.append(f"{n['family']}, {n['given']}" if i == 0 else f"{n['given']} {n['family']}")
    if len(out) < 2:
        return "".join(out)
    return ", ".join(out[:-1]) + (", and " if len(out) > 2 else " and ") + out[-1]


def _apa_names(names: list[dict]) -> str:
    out = [n["literal"] if "literal" in n else f"{n['family']}, {_initials(n['given'])}" for n in names]
    return "".join(out) if len(out) < 2 else ", ".join(out[:-1]) + ", & " + out[-1]


def describe_reference(row: dict, accessed: str = "") -> dict:
    """One document's reference fields: names, title, publisher, date parts, url, accessed parts."""
    return {
        "doc_id": str(row.get("doc_id", "")), "names": split_authors(row.get("author", "")),
        "title": str(row.get("title", "") or "").strip(),
        "publisher": str(row.get("publisher", "") or "").strip(),
        "issued": parse_date(row.get("published", "")), "url": str(row.get("url", "") or "").strip(),
        "accessed": parse_date(row.get("accessed", "") or accessed),
        "source_type": str(row.get("source_type", "") or ""), "language": str(row.get("language", "") or ""),
    }


def format_chicago(ref: dict, markup: str = "text") -> tuple[str, str]:
    """(reference-list entry, parenthetical citation) in Chicago author-date style."""
    esc = html.escape if markup == "html" else str
    year = str(ref["issued"][0]) if ref["issued"] else "n.d."
    author = _chicago_names(ref["names"]) or ref["publisher"]
    title = f"“{esc(ref['title'])}.”" if ref["title"] else ""
    dated = year if year.endswith(".") else f"{year}."
    parts = [f"{esc(author)}. {dated} {title}".strip()] if author else [f"{title} {dated}".strip()]
    container = ref["publisher"] if ref["names"] else ""
    when = _long_date(ref["issued"]) if len(ref["issued"]) > 1 else ""
    tail = ", ".join(x for x in [esc(container), when] if x)
    if tail:
        parts.append(f"{tail}.")
    if ref["accessed"] and not ref["issued"]:
        parts.append(f"Accessed {_long_date(ref['accessed'])}.")
    if ref["url"]:
        parts.append(f"{esc(ref['url'])}.")
    family = ref["names"][0].get("family", ref["names"][0].get("literal")) if ref["names"] else ""
    first = family + (" et al." if len(ref["names"]) > 3 else "") if family else ref["publisher"]
    cite = f"({esc(first or '“' + ref['title'] + '”')} {year})"
    return " ".join(parts), cite


def _apa_date(parts: list[int]) -> str:
    if not parts:
        return "n.d."
    if len(parts) == 1:
        return str(parts[0])
    return f"{parts[0]}, {MONTHS[parts[1] - 1]}" + (f" {parts[2]}" if len(parts) == 3 else "")


def format_apa(ref: dict, markup: str = "text") -> tuple[str, str]:
    """(reference-list entry, parenthetical citation) in APA 7th-edition style."""
    esc = html.escape if markup == "html" else str
    issued = ref["issued"]
    when = _apa_date(issued)
    title = _italic(esc(ref["title"]), markup) if ref["title"] else ""
    authors = _apa_names(ref["names"])
    stop = "" if authors.endswith(".") else "."
    parts = [f"{esc(authors)}{stop} ({when}). {title}." if authors else f"{title}. ({when})."]
    if ref["publisher"]:
        parts.append(f"{esc(ref['publisher'])}.")
    if ref["url"]:
        changing = ref["accessed"] and not issued  # APA 9.16: a retrieval date for undated pages
        retrieved = f"Retrieved {_long_date(ref['accessed'])}, from " if changing else ""
        parts.append(f"{retrieved}{esc(ref['url'])}")
    year = str(issued[0]) if issued else "n.d."
    names = ref["names"]
    if not names:
        first = title
    elif len(names) == 1:
        first = esc(names[0].get("family", names[0].get("literal", "")))
    elif len(names) == 2:
        first = " & ".join(esc(n.get("family", n.get("literal", ""))) for n in names)
    else:
        first = esc(names[0].get("family", names[0].get("literal", ""))) + " et al."
    return " ".join(parts), f"({first}, {year})"


def format_references(documents: pd.DataFrame, style: str = "chicago", accessed: str = "",
                      markup: str = "text") -> pd.DataFrame:
    """Every document's reference in a style.

    Args:
        documents: doc_id, author, title, publisher, published, url (c.documents); ``accessed``
            (ISO date) when the table has it.
        style: 'chicago' or 'apa'. accessed: ISO date used where a document has none ('' = none).
        markup: 'text', 'markdown' (*italics*) or 'html' (escaped, <i>italics</i>).
    Returns:
        doc_id, in_text, reference; one row per document, in the order given.
    """
    if style not in STYLES:
        raise ValueError(f"style: '{style}' is not one of {', '.join(STYLES)}")
    if markup not in MARKUPS:
        raise ValueError(f"markup: '{markup}' is not one of {', '.join(MARKUPS)}")
    formatter = format_chicago if style == "chicago" else format_apa
    rows = []
    for row in documents.to_dict("records"):
        reference, in_text = formatter(describe_reference(row, accessed), markup)
        rows.append({"doc_id": row["doc_id"], "in_text": in_text, "reference": reference})
    return pd.DataFrame(rows, columns=["doc_id", "in_text", "reference"])


def quote_sentences(sent_ids: list[str], sentences: pd.DataFrame, documents: pd.DataFrame,
                    style: str = "chicago", accessed: str = "", markup: str = "text") -> pd.DataFrame:
    """Sentences as quotations with their citation and full reference.

    Returns:
        sent_id, doc_id, quotation (“text” (Author Year)), in_text, reference; in the order of
        ``sent_ids``.
    Raises:
        ValueError: a sent_id that is not in ``sentences`` (named, with the fix).
    """
    text = sentences.set_index("sent_id")["text"]
    missing = [s for s in sent_ids if s not in text.index]
    if missing:
        raise ValueError(f"sent_ids: '{missing[0]}' is not a sentence of the corpus loaded; "
                         "take sent_ids from c.sentences")
    refs = format_references(documents, style, accessed, markup).set_index("doc_id")
    doc_ids = sentences.set_index("sent_id").loc[list(sent_ids), "doc_id"].to_numpy()
    out = pd.DataFrame({"sent_id": list(sent_ids), "doc_id": doc_ids})
    out["in_text"] = out["doc_id"].map(refs["in_text"]).to_numpy()
    out["reference"] = out["doc_id"].map(refs["reference"]).to_numpy()
    quoted = [html.escape(t) if markup == "html" else t for t in text.loc[list(sent_ids)]]
    out.insert(2, "quotation", [f"“{q}” {c}" for q, c in zip(quoted, out["in_text"])])
    return out


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", folded)


def cite_key(ref: dict) -> str:
    """A stable BibTeX / CSL key: first author's family name (or publisher), year, doc_id."""
    n = ref["names"][0] if ref["names"] else {}
    who = _ascii(n.get("family", n.get("literal", "")) or (ref["publisher"].split() or ["anon"])[0]) or "anon"
    return f"{who}{ref['issued'][0] if ref['issued'] else 'nd'}-{ref['doc_id']}"


def _bibtex_value(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def _iso(parts: list[int]) -> str:
    return "-".join([str(parts[0])] + [f"{p:02d}" for p in parts[1:]]) if parts else ""


def export_bibtex(documents: pd.DataFrame, accessed: str = "") -> str:
    """The corpus as BibTeX (biblatex ``@online`` entries, with ``year`` for classic BibTeX)."""
    entries = []
    for row in documents.to_dict("records"):
        ref = describe_reference(row, accessed)
        names = " and ".join(f"{{{n['literal']}}}" if "literal" in n else f"{n['family']}, {n['given']}"
                             for n in ref["names"])
        fields = [("author", _bibtex_value(names)), ("title", "{" + _bibtex_value(ref["title"]) + "}"),
                  ("organization", _bibtex_value(ref["publisher"])), ("date", _iso(ref["issued"])),
                  ("year", str(ref["issued"][0]) if ref["issued"] else ""), ("url", ref["url"]),
                  ("urldate", _iso(ref["accessed"]))]
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v and v != "{}")
        entries.append(f"@online{{{cite_key(ref)},\n{body}\n}}\n")
    return "\n".join(entries)


def export_csl_json(documents: pd.DataFrame, accessed: str = "") -> str:
    """The corpus as CSL JSON (the format Zotero, Pandoc and citeproc read), one item per document."""
    items = []
    for row in documents.to_dict("records"):
        ref = describe_reference(row, accessed)
        kind = CSL_TYPES.get(ref["source_type"], "webpage")
        item = {"id": cite_key(ref), "type": kind, "title": ref["title"]}
        if ref["names"]:
            item["author"] = ref["names"]
        if ref["publisher"]:
            item["publisher" if kind == "report" else "container-title"] = ref["publisher"]
        if ref["issued"]:
            item["issued"] = {"date-parts": [ref["issued"]]}
        if ref["url"]:
            item["URL"] = ref["url"]
        if ref["accessed"]:
            item["accessed"] = {"date-parts": [ref["accessed"]]}
        if ref["language"]:
            item["language"] = ref["language"]
        items.append({k: v for k, v in item.items() if v != ""})
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
