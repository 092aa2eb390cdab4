"""Time every stage of the workbook on synthetic corpora of growing size; print a table.

    make bench                                   # 1,000, 10,000 and 100,000 articles
    python -m benchmarks.run --sizes 1000 10000  # fewer sizes

Each size is generated (benchmarks.generate: real seed sentences, resampled and varied), then
measured in a fresh child process pinned to one CPU core (so peak memory and time belong to that
size alone): load and clean (parsing every file and writing the Parquet cache), reading the
cache back, sentence split (timed again on its own), theme coding, date extraction, entity
mentions, amounts, and the over-time tables of helpers.trends given those matches (placing every
article in its month by the byline date, theme shares with intervals by source type, mentions
and figures per month). At up to 10,000 articles it also times pysbd against the sentence splitter
on the same sampled paragraphs (in each paragraph's language), and plain
baselines on a random sample of sentences and extrapolates them: Python ``re`` per theme and per
pattern over pandas rows, and ``dateparser.search_dates`` (English, fixed base date). The
figures are printed, never asserted: the machines are shared and noisy, so the extractors' CPU
time (time.process_time of the pinned process) is printed beside the wall-clock time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = ["load_clean", "split", "cache_read", "themes", "dates", "entities", "amounts"]
EXTRACTORS = ["themes", "dates", "entities", "amounts"]
BASELINE_SAMPLE = 5000
DATEPARSER_SAMPLE = 300


CPU_SECONDS: dict[str, float] = {}  # "last": CPU seconds of the last call timed (see _timed)


def _timed(fn):
    """(result, wall-clock seconds); the process's CPU seconds are kept in CPU_SECONDS["last"]."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    CPU_SECONDS["last"] = time.process_time() - cpu
    return result, time.perf_counter() - start


def python_pattern(re2_pattern: str) -> str:
    """An RE2 pattern from the codebook rewritten for Python's re (for the baseline only)."""
    out = re2_pattern.replace(r"\pL", r"[^\W\d_]").replace(r"\pN", r"\d")
    out = out.replace("[[^\\W\\d_]", "[^\\W_").replace("[^[^\\W\\d_]", "[\\W")  # inside classes
    return re.sub(r"\\x\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), out)


def baseline_themes(sentences, codebook) -> tuple[float, int]:
    """Python re, one pattern at a time, row by row: (seconds, matches)."""
    include = codebook.patterns[codebook.patterns["kind"] == "include"]
    compiled = [re.compile(python_pattern(r), re.IGNORECASE) for r in include["regex"]]
    n = 0
    start = time.perf_counter()
    for rx in compiled:
        found = sentences["text"].map(lambda t, rx=rx: [m.span() for m in rx.finditer(t)])
        n += int(found.map(len).sum())
    return time.perf_counter() - start, n


def baseline_dates(texts: list[str]) -> float:
    """dateparser.search_dates on each text (English, fixed base): seconds."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime(2025, 1, 1), "PREFER_DATES_FROM": "past"}
    start = time.perf_counter()
    for t in texts:
        search_dates(t, languages=["en"], settings=settings)
    return time.perf_counter() - start


def over_time_tables(c, matches, mentions, amounts) -> None:
    """The trends tables the 05 notebook builds from the extractors' output (month, by source type)."""
    from helpers import timeline, trends

    placed = trends.place_documents(timeline.publication_dates(c), c.documents, period="month",
                                    by="source_type")
    trends.count_by_period(placed)
    trends.coverage_by_period(placed, matches)
    trends.mentions_by_period(placed, mentions)
    trends.claims_by_period(placed, amounts)


SPLIT_SAMPLE = 300
PYSBD_LANGUAGES = {"en", "ru", "de", "fr", "es", "it", "zh", "ar", "nl", "pl", "fa", "bg", "ja"}


def baseline_split(paragraphs) -> tuple[float, float]:
    """pysbd (one Segmenter per language, paragraph by paragraph) and the workbook's splitter on
    the same paragraphs: (pysbd seconds, splitter seconds). Languages pysbd lacks use English."""
    import pysbd

    from helpers import corpus

    languages = (paragraphs["language"].fillna("").astype("str").tolist() if "language" in paragraphs
                 else ["en"] * len(paragraphs))
    segmenters: dict = {}
    start = time.perf_counter()
    for text, lang in zip(paragraphs["text"], languages, strict=True):
        lang = lang if lang in PYSBD_LANGUAGES else "en"
        segmenter = segmenters.setdefault(lang, pysbd.Segmenter(language=lang, clean=False))
        segmenter.segment(text)
    pysbd_seconds = time.perf_counter() - start
    ours = min(_timed(lambda: corpus.split_sentences(paragraphs))[1] for _ in range(3))
    return pysbd_seconds, ours


def measure(articles: Path, manifest: Path, with_baselines: bool) -> dict:
    """Run every stage once on a corpus; return seconds per stage and the corpus's size."""
    os.environ["WORKBOOK_PROGRESS"] = "0"
    os.environ["WORKBOOK_CACHE"] = tempfile.mkdtemp(prefix="bench-cache-")
    from helpers import corpus, themes, timeline
    from helpers.compare import claims, entities

    out: dict = {"mb": sum(p.stat().st_size for p in articles.iterdir()) / 1e6}
    c, out["load_clean"] = _timed(lambda: corpus.load_corpus(articles, manifest))  # parses, writes the cache
    del c
    gc.collect()
    c, out["cache_read"] = _timed(lambda: corpus.load_corpus(articles, manifest))
    _, out["split"] = _timed(lambda: corpus.split_sentences(c.paragraphs))
    codebook = themes.load_codebook()
    gazetteer = entities.load_gazetteer()
    matches, out["themes"] = _timed(lambda: themes.code_sentences(c.sentences, codebook, c.documents))
    out["themes_cpu"] = CPU_SECONDS["last"]
    found, out["dates"] = _timed(lambda: timeline.extract_dates(c))
    out["dates_cpu"] = CPU_SECONDS["last"]
    mentions, out["entities"] = _timed(lambda: entities.find_mentions(c.sentences, gazetteer))
    out["entities_cpu"] = CPU_SECONDS["last"]
    amounts, out["amounts"] = _timed(lambda: claims.find_claims(c.sentences))
    out["amounts_cpu"] = CPU_SECONDS["last"]
    _, out["trends"] = _timed(lambda: over_time_tables(c, matches, mentions, amounts))
    out.update(docs=len(c.documents), sentences=len(c.sentences), theme_matches=len(matches),
               dates_found=len(found), mentions=len(mentions), amounts_found=len(amounts))
    if with_baselines:
        sample = c.sentences.sample(min(BASELINE_SAMPLE, len(c.sentences)), random_state=0)
        scale = len(c.sentences) / len(sample)
        seconds, n = baseline_themes(sample, codebook)
        out["baseline_themes"] = seconds * scale
        ours = themes.code_sentences(sample, codebook, c.documents)
        out["baseline_theme_matches_sample"], out["our_theme_matches_sample"] = n, len(ours)
        few = sample["text"].head(DATEPARSER_SAMPLE).tolist()
        out["baseline_dates"] = baseline_dates(few) * len(c.sentences) / len(few)
        paragraphs = c.paragraphs.sample(min(SPLIT_SAMPLE, len(c.paragraphs)), random_state=0)
        out["pysbd_split"], out["our_split_sample"] = baseline_split(paragraphs)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def run_child(n: int, folder: Path, with_baselines: bool) -> dict:
    """Measure one size in a fresh process pinned to one core; return its figures."""
    code = ("import json, os, sys; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
            "from pathlib import Path; from benchmarks.run import measure; "
            f"print('RESULT ' + json.dumps(measure(Path({str(folder / 'articles')!r}), "
            f"Path({str(folder / 'manifest.csv')!r}), {with_baselines})))")
    env = {**os.environ, "RAYON_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"benchmark for {n} articles failed:\n{done.stderr[-2000:]}")
    return {"n": n, **json.loads(line[len("RESULT "):])}


def format_table(results: list[dict]) -> str:
    """The figures as a Markdown table: seconds (MB/s) per stage, per size."""
    head = "| stage | " + " | ".join(f"{r['n']:,} articles ({r['mb']:.0f} MB)" for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]

    def cell(r: dict, key: str) -> str:
        return f"{r[key]:.2f} s ({r['mb'] / r[key]:.0f} MB/s)" if key in r and r[key] > 0 else "—"

    names = {"load_clean": "load and clean (parse, write the cache)",
             "split": "sentence split (part of the load)",
             "cache_read": "load from the Parquet cache", "themes": "theme coding",
             "dates": "date extraction", "entities": "entity mentions", "amounts": "amounts"}
    for key in STAGES:
        lines.append(f"| {names[key]} | " + " | ".join(cell(r, key) for r in results) + " |")
    for r in results:
        r["extractors"] = sum(r[k] for k in EXTRACTORS)
    lines.append("| **all four extractors** | " + " | ".join(cell(r, "extractors") for r in results) + " |")
    lines.append("| all four extractors, CPU time of the process (themes / dates / entities / amounts) | "
                 + " | ".join(f"{sum(r[k + '_cpu'] for k in EXTRACTORS):.2f} s ("
                              + " / ".join(f"{r[k + '_cpu']:.2f}" for k in EXTRACTORS) + ")"
                              if "themes_cpu" in r else "—" for r in results) + " |")
    lines.append("| over-time tables (trends, given the matches) | "
                 + " | ".join(cell(r, "trends") for r in results) + " |")
    lines.append("| baseline: Python re per pattern (themes) | "
                 + " | ".join(cell(r, "baseline_themes") for r in results) + " |")
    lines.append("| baseline: dateparser.search_dates | "
                 + " | ".join(cell(r, "baseline_dates") for r in results) + " |")
    lines.append("| speed-up, themes / dates | " + " | ".join(
        f"{r['baseline_themes'] / r['themes']:.0f}× / {r['baseline_dates'] / r['dates']:.0f}×"
        if "baseline_themes" in r else "—" for r in results) + " |")
    lines.append("| sentence split vs pysbd, same paragraphs | " + " | ".join(
        f"{r['pysbd_split'] / r['our_split_sample']:.0f}× faster" if r.get("our_split_sample") else "—"
        for r in results) + " |")
    lines.append("| peak memory | " + " | ".join(f"{r['peak_mb']:,.0f} MB" for r in results) + " |")
    lines.append("| sentences / theme matches / dates / mentions / amounts | " + " | ".join(
        f"{r['sentences']:,} / {r['theme_matches']:,} / {r['dates_found']:,} / {r['mentions']:,} / "
        f"{r['amounts_found']:,}" for r in results) + " |")
    return "\n".join(lines)


def format_growth(results: list[dict]) -> str:
    """Seconds per MB at the largest size relative to the smallest (1.0 = linear)."""
    first, last = results[0], results[-1]
    parts = [f"{k}: {(last[k] / last['mb']) / (first[k] / first['mb']):.2f}" for k in STAGES + ["extractors"]]
    return (f"Growth from {first['n']:,} to {last['n']:,} articles, time per MB relative to the "
            f"smallest (1.00 = linear): " + ", ".join(parts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--keep", default=None, help="folder to keep the generated corpora in")
    args = parser.parse_args(argv)
    from benchmarks.generate import generate_corpus

    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-"))
    results = []
    started = time.perf_counter()
    for n in args.sizes:
        folder = root / f"corpus_{n}"
        if not (folder / "manifest.csv").is_file():
            generate_corpus(n, folder)
        results.append(run_child(n, folder, with_baselines=n <= 10000))
        print(f"measured {n:,} articles ({time.perf_counter() - started:.0f} s so far)", file=sys.stderr)
    print(format_table(results))
    print()
    print(format_growth(results))
    print(f"\nOne CPU core ({os.cpu_count()} on this machine), Python {sys.version.split()[0]}; "
          f"baselines timed on {BASELINE_SAMPLE:,} (re) and {DATEPARSER_SAMPLE} (dateparser) sampled "
          f"sentences and scaled to the corpus. Total run: {time.perf_counter() - started:.0f} s.")
    print()
    from benchmarks import bench_formats

    bench_formats.main(["--quick"] if max(args.sizes, default=0) < 10000 else [])
    return 0


if __name__ == "__main__":
    sys.exit(main())
