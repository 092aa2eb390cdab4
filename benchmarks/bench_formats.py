"""How fast the document readers are: PDF pages per second (the workbook's pypdf reader, and
pdfminer.six's plain extract_text for comparison when it is installed) and news-database export
articles per second (a Factiva TXT export split into articles).

    python -m benchmarks.bench_formats            # 300 pages, 2,000 articles
    python -m benchmarks.bench_formats --quick    # 50 pages, 200 articles

The fixtures are generated with the test helpers (tests/corpus/format_fixtures.py). Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from helpers.corpus.formats import ingest_bytes
from helpers.corpus.formats.pdf import read_pdf
from tests.corpus.format_fixtures import FACTIVA_ARTICLES, factiva_text, make_long_pdf


def time_pdf(n_pages: int) -> dict:
    """Read a generated n-page PDF with the workbook's reader; pages/s and the process's peak memory."""
    data = make_long_pdf(n_pages)
    start = time.perf_counter()
    found = read_pdf(data)
    seconds = time.perf_counter() - start
    assert found.n_pages == n_pages
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"pages": n_pages, "mb": len(data) / 1e6, "seconds": seconds, "peak_mb": peak}
    try:
        import io

        from pdfminer.high_level import extract_text
    except ImportError:
        return out
    start = time.perf_counter()
    extract_text(io.BytesIO(data))
    out["pdfminer_seconds"] = time.perf_counter() - start
    return out


def time_export(n_articles: int) -> dict:
    """Split a generated Factiva TXT export of n articles; articles/s."""
    articles = [(f"{a[0]} {i}", *a[1:9], f"{a[9][:-6]}{i:06d}") for i in range(n_articles // 2)
                for a in FACTIVA_ARTICLES]
    data = factiva_text(articles).encode("utf-8")
    start = time.perf_counter()
    found = ingest_bytes(data, "export.txt")
    seconds = time.perf_counter() - start
    assert len(found.records) == len(articles)
    return {"articles": len(articles), "mb": len(data) / 1e6, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_formats",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="50 pages and 200 articles")
    args = parser.parse_args(argv)
    pdf = time_pdf(50 if args.quick else 300)
    export = time_export(200 if args.quick else 2000)
    print(f"PDF: {pdf['pages']} pages ({pdf['mb']:.2f} MB) in {pdf['seconds']:.2f} s: "
          f"{pdf['pages'] / pdf['seconds']:,.0f} pages/s; process peak memory {pdf['peak_mb']:.0f} MB")
    if "pdfminer_seconds" in pdf:
        print(f"PDF, pdfminer.six extract_text (no layout marks): "
              f"{pdf['pages'] / pdf['pdfminer_seconds']:,.0f} pages/s")
    print(f"Export: {export['articles']:,} Factiva articles ({export['mb']:.2f} MB) in "
          f"{export['seconds']:.2f} s: {export['articles'] / export['seconds']:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
