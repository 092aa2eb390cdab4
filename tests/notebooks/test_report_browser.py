"""The rendered report, opened in a real browser (Debian's headless Chromium, driven by Playwright).

Every page loads without console errors or failed requests, every image loads, every link
resolves, the code toggle works, and article text carrying markup is shown as text, never run.
`make test` installs Chromium (apt) before the tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from helpers import corpus, report
from tests.notebooks.notebook_tools import run_notebook

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HOSTILE = ("Title\n\nThis article quotes markup: <svg onload=\"window.__pwned=1\"> and "
           "<details open ontoggle=\"window.__pwned=2\"> and <script>window.__pwned=3</script> "
           "and <img src=x onerror=\"window.__pwned=4\"> inside its text.\n\n"
           "Russia's AI sovereignty is the topic.\n")
HOSTILE_TITLE = "<script>window.__pwned=5</script><b>Markup</b> in a title"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run `make test`, which installs Debian's chromium")
    tmp = tmp_path_factory.mktemp("report")
    reports = tmp / "reports"
    notebooks = report.list_notebooks()
    for nb in notebooks:
        report.render_html(nb, reports / "html")
    articles = tmp / "articles"
    articles.mkdir()
    (articles / "001_markup.txt").write_text(HOSTILE, encoding="utf-8")
    manifest = tmp / "manifest.csv"
    manifest.write_text(f'doc_id,file,title\n001,001_markup.txt,"{HOSTILE_TITLE}"\n', encoding="utf-8")
    run_notebook("01_corpus", {"articles_dir": str(articles), "manifest_path": str(manifest),
                               "kwic_term": "quotes"}, tmp)
    hostile_nb = tmp / "99_markup_in_articles.ipynb"
    shutil.copy(tmp / "01_corpus.ipynb", hostile_nb)
    report.render_html(hostile_nb, reports / "html")
    documents = corpus.load_corpus(articles, manifest).documents
    report.write_index(notebooks + [hostile_nb], reports, documents)
    return reports


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path):
    """Open a file:// page; return (page, list of problems seen while loading)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    seen: list[str] = []
    page.on("console", lambda m: seen.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: seen.append(f"request failed: {r.url}"))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, seen


def all_pages(reports: Path) -> list[Path]:
    return [reports / "index.html"] + sorted((reports / "html").glob("[0-9]*.html"))


def test_every_page_loads_cleanly_with_all_images(built, browser):
    pages = all_pages(built)
    assert len(pages) == len(report.list_notebooks()) + 2
    for path in pages:
        page, seen = open_page(browser, path)
        images = page.evaluate("() => [...document.images].map(i => [i.src.slice(0, 60), "
                               "i.complete && i.naturalWidth > 0])")
        page.close()
        assert seen == [], (path.name, seen)
        assert all(ok for _, ok in images), (path.name, images)
        if path.name != "99_markup_in_articles.html":
            assert images, f"{path.name} shows no figure"


def test_every_link_resolves(built, browser):
    for path in all_pages(built):
        page, _ = open_page(browser, path)
        links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
        ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
        page.close()
        for href in links:
            url = urlparse(href)
            assert url.scheme == "file", f"{path.name}: link leaves the report: {href}"
            target = Path(unquote(url.path))
            assert target.is_file(), f"{path.name}: broken link {href}"
            if url.fragment and target == path:
                assert url.fragment in ids or unquote(url.fragment) in ids, (
                    f"{path.name}: no anchor #{url.fragment}")


def test_markup_in_articles_is_shown_as_text_and_never_runs(built, browser):
    for path in (built / "html" / "99_markup_in_articles.html", built / "index.html"):
        page, seen = open_page(browser, path)
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__pwned") is None, path.name
        assert page.evaluate("() => document.querySelectorAll('[onerror],[onload],[ontoggle]').length") == 0
        body = page.inner_text("body")
        page.close()
        assert "<script>window.__pwned=5</script><b>Markup</b> in a title" in body, path.name
        assert seen == [], seen
    page, _ = open_page(browser, built / "html" / "99_markup_in_articles.html")
    body = page.inner_text("body")
    page.close()
    assert 'markup: <svg onload="window.__pwned=1">' in body  # kept as text in its sentence (KWIC)
    assert "tags removed (img, script)" in body       # the loader reported what it stripped


def test_code_is_hidden_until_the_toggle_shows_it(built, browser):
    page, _ = open_page(browser, built / "html" / "01_corpus.html")
    code = page.locator(".jp-CodeCell .jp-Cell-inputWrapper").first
    assert not code.is_visible()
    page.click("#toggle-code")
    assert code.is_visible()
    assert page.inner_text("#toggle-code") == "Hide code"
    page.close()


def test_index_lists_sources_and_one_card_per_notebook_and_screenshots(built, browser, tmp_path):
    page, _ = open_page(browser, built / "index.html")
    cards = page.locator("article.card h2").all_inner_texts()
    shot = tmp_path / "index.png"
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    assert len(cards) == len(report.list_notebooks()) + 1
    assert cards[0].startswith("01 · The corpus")
    assert shot.stat().st_size > 20_000
