"""Many tiny blocks: a file of one-word paragraphs against ordinary articles of the same size.

    python -m benchmarks.bench_tiny            # 50,000 and 500,000 paragraphs
    python -m benchmarks.bench_tiny --quick    # 50,000 paragraphs

Each paragraph of the file is one word and a full stop ("Russia.", "cyber.", ...), words drawn
from a fixed list, so that every block becomes a paragraph and a sentence and the whole loader
runs on it (cleaning, languages, sentences). It is loaded in a fresh process pinned to one CPU
core, as are ordinary generated articles (benchmarks.generate) of about the same number of MB:
MB/s (wall and CPU time) and the process's peak memory for each, then the stance scoring
(helpers.compare.stance: find_stance_cues and score_stance) on the file's sentences. The cost per
block should be flat: the file should load at a rate within a small factor of the articles'.
Figures are printed, never asserted: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("Russia", "cyber", "model", "chips", "state", "data", "Yandex", "rouble", "export", "talent",
         "compute", "law", "policy", "China", "growth", "risk", "budget", "Sber", "science", "grid")
ARTICLE_BYTES = 5900  # about the size of a generated article


def write_tiny_file(folder: Path, n_paragraphs: int) -> tuple[Path, Path]:
    """Write ``n_paragraphs`` one-word paragraphs as one article and its manifest.

    Returns:
        (articles dir, manifest path).
    """
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    text = "\n\n".join(f"{WORDS[i % len(WORDS)]}." for i in range(n_paragraphs)) + "\n"
    data = text.encode("utf-8")
    (articles / "000001_tiny.txt").write_bytes(data)
    manifest = folder / "manifest.csv"
    manifest.write_text("doc_id,file,publisher,source_type,language,sha256\n"
                        f"000001,000001_tiny.txt,Tiny,blog,en,{hashlib.sha256(data).hexdigest()}\n",
                        encoding="utf-8")
    return articles, manifest


def measure(articles: Path, manifest: Path, with_stance: bool) -> dict:
    """Load a corpus (parse, clean, write the cache); seconds, CPU seconds, MB, peak memory, and
    the stance scoring's seconds on its sentences when asked."""
    os.environ["WORKBOOK_PROGRESS"] = "0"
    os.environ["WORKBOOK_CACHE"] = tempfile.mkdtemp(prefix="bench-tiny-cache-")
    from helpers import corpus

    out: dict = {"mb": sum(p.stat().st_size for p in articles.iterdir()) / 1e6}
    wall, cpu = time.perf_counter(), time.process_time()
    c = corpus.load_corpus(articles, manifest)
    out.update(seconds=time.perf_counter() - wall, cpu=time.process_time() - cpu,
               blocks=len(c.blocks), sentences=len(c.sentences),
               peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if with_stance:
        from helpers.compare import stance

        start = time.perf_counter()
        hits = stance.find_stance_cues(c.sentences)
        stance.score_stance(hits, c.sentences, c.documents)
        out["stance_seconds"] = time.perf_counter() - start
    return out


def run_child(folder: Path, with_stance: bool) -> dict:
    """Measure one corpus in a fresh process pinned to one core; return its figures."""
    code = ("import json, os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
            "from pathlib import Path; from benchmarks.bench_tiny import measure; "
            f"print('RESULT ' + json.dumps(measure(Path({str(folder / 'articles')!r}), "
            f"Path({str(folder / 'manifest.csv')!r}), {with_stance})))")
    env = {**os.environ, "RAYON_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"benchmark in {folder} failed:\n{done.stderr[-2000:]}")
    return json.loads(line[len("RESULT "):])


def format_rows(n: int, tiny: dict, ordinary: dict, n_articles: int) -> list[str]:
    """Markdown rows for one size: the tiny file, the ordinary articles, their ratio, stance."""
    def row(name: str, r: dict) -> str:
        return (f"| {name} | {r['mb']:.2f} | {r['blocks']:,} | {r['seconds']:.2f} s | {r['cpu']:.2f} s | "
                f"{r['mb'] / r['seconds']:.2f} | {r['mb'] / r['cpu']:.2f} | {r['peak_mb']:,.0f} MB |")

    ratio = (ordinary["mb"] / ordinary["cpu"]) / (tiny["mb"] / tiny["cpu"])
    return [row(f"{n:,} one-word paragraphs", tiny),
            row(f"{n_articles:,} ordinary articles", ordinary),
            f"| tiny blocks load {ratio:.1f}× slower per MB (CPU time); stance scoring on their "
            f"{tiny['sentences']:,} sentences: {tiny['stance_seconds']:.2f} s | | | | | | | |"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_tiny",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="50,000 paragraphs only")
    args = parser.parse_args(argv)
    from benchmarks.generate import generate_corpus

    sizes = [50_000] if args.quick else [50_000, 500_000]
    root = Path(tempfile.mkdtemp(prefix="bench-tiny-"))
    lines = ["| input | MB | blocks | load and clean | CPU time | MB/s | MB/s (CPU) | peak memory |",
             "|---|---|---|---|---|---|---|---|"]
    started = time.perf_counter()
    for n in sizes:
        write_tiny_file(root / f"tiny_{n}", n)
        tiny = run_child(root / f"tiny_{n}", with_stance=True)
        n_articles = max(1, round(tiny["mb"] * 1e6 / ARTICLE_BYTES))
        generate_corpus(n_articles, root / f"articles_{n}")
        ordinary = run_child(root / f"articles_{n}", with_stance=False)
        lines += format_rows(n, tiny, ordinary, n_articles)
        print(f"measured {n:,} paragraphs ({time.perf_counter() - started:.0f} s so far)", file=sys.stderr)
    print("\n".join(lines))
    print(f"\nOne CPU core per measurement ({os.cpu_count()} on this machine), Python "
          f"{sys.version.split()[0]}; the peak memory is the measuring process's.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
