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
