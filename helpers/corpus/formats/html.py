"""HTML pages (``.html``, ``.htm``): the main text extracted with trafilatura (as Markdown),
with the page's title, author, date (htmldate) and site name."""

from __future__ import annotations


def html_to_text(page: str) -> tuple[str, dict]:
    """Extract an HTML page's main text (as Markdown) and its metadata with trafilatura.

    Returns:
        (text, {"title", "author", "published", "publisher"} with '' where unknown).
    """
    import trafilatura

    body = trafilatura.extract(page, output_format="markdown", include_comments=False,
                               include_tables=True, favor_precision=True, deduplicate=False) or ""
    meta = trafilatura.extract_metadata(page)
    found = {"title": "", "author": "", "published": "", "publisher": ""}
    if meta is not None:
        found = {"title": meta.title or "", "author": meta.author or "",
                 "published": meta.date or "", "publisher": meta.sitename or ""}
    return body, found


BLOCK_TAGS = ("p", "div", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "b",
              "table", "section", "article")


def html_to_lines(page: str) -> str:
    """An HTML page's visible text with a line break around every block element and bold run
    (so labelled fields such as a Factiva export's ``HD`` stand on their own lines); scripts and
    styles dropped. Used to recognise exports, never for ordinary pages."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n"))
