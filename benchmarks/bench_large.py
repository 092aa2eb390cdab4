"""The partitioned dataset at scale: generate a corpus on disk, build it on a 2-worker LocalCluster.

    make bench-large                                     # 1,000,000 articles (about 6 GB)
    python -m benchmarks.bench_large --n 20000           # a smaller corpus
    python -m benchmarks.bench_large --quick             # 2,000 articles, speed-up on 1,000

Prints the wall time, the throughput of each stage (MB of article files per second of one
worker's time), the time per MB, the peak memory of all processes together (the resident set
size of this process and every child, workers included, sampled every 0.2 s), the disk the
dataset takes, the time of the aggregate queries, and the speed-up from one worker to two on a
smaller corpus. Figures are printed, never asserted: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from benchmarks.generate import generate_corpus
from helpers import dataset

STAGES = ("corpus", "themes", "timeline", "compare")


class PeakMemory:
    """The peak summed RSS of this process and all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def folder_bytes(folder: Path) -> int:
    """The bytes of every file under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(articles: Path, manifest: Path, out: Path, workers: int, partition_size: int) -> dict:
    """Build the dataset on a LocalCluster; return wall time, peak memory and the run log."""
    with PeakMemory() as memory:
        start = time.perf_counter()
        log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=partition_size,
                                    scheduler="cluster", workers=workers)
        wall = time.perf_counter() - start
    return {"wall": wall, "peak_mb": memory.peak / 1e6, "log": log}


def time_queries(out: Path) -> dict[str, float]:
    """Seconds each aggregate query takes over the whole dataset."""
    times = {}
    queries = (dataset.count_document_themes, dataset.count_matches_by_month, dataset.count_entity_mentions)
    for query in queries:
        start = time.perf_counter()
        query(out)
        times[query.__name__] = time.perf_counter() - start
    return times


def report(n: int, mb: float, run: dict, out: Path, queries: dict[str, float]) -> None:
    """Print the figures of one build."""
    log = run["log"]
    print(f"\n{n:,} articles, {mb:,.1f} MB of article files, {len(log)} partitions")
    print(f"  wall time           {run['wall']:8.1f} s   ({run['wall'] / mb:.3f} s per MB, "
          f"{mb / run['wall']:.2f} MB/s overall)")
    for stage in STAGES:
        seconds = log[f"seconds_{stage}"].sum()
        rate = mb / seconds if seconds else float("nan")
        print(f"  stage {stage:<13} {seconds:8.1f} worker-s  {rate:7.2f} MB/s per worker")
    print(f"  peak memory (all processes) {run['peak_mb']:,.0f} MB")
    print(f"  disk used by the dataset    {folder_bytes(out) / 1e6:,.1f} MB")
    for name, seconds in queries.items():
        print(f"  query {name:<24} {seconds:6.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_large",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="articles to generate")
    parser.add_argument("--quick", action="store_true", help="2,000 articles; speed-up on 1,000")
    parser.add_argument("--speedup-n", type=int, default=None,
                        help="articles for the 1- vs 2-worker comparison (default: a tenth of --n, "
                             "at most 100,000; 0 skips it)")
    parser.add_argument("--partition-size", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--folder", default=None, help="work folder (default: a temporary one, removed)")
    args = parser.parse_args(argv)
    n = 2000 if args.quick else args.n
    speedup_n = args.speedup_n
    if speedup_n is None:
        speedup_n = 1000 if args.quick else min(n // 10, 100_000)
    work = Path(args.folder) if args.folder else Path(tempfile.mkdtemp(prefix="bench-large-"))
    os.environ.setdefault("WORKBOOK_PROGRESS", "0")
    try:
        start = time.perf_counter()
        articles, manifest, total = generate_corpus(n, work / "corpus", dated=True)
        print(f"generated {n:,} articles ({total / 1e6:,.1f} MB) in {time.perf_counter() - start:.1f} s")
        run = build(articles, manifest, work / "dataset", args.workers, args.partition_size)
        report(n, total / 1e6, run, work / "dataset", time_queries(work / "dataset"))
        if speedup_n:
            small, small_manifest, small_total = generate_corpus(speedup_n, work / "speedup", dated=True)
            size = max(args.partition_size // 4, 1)
            walls = {w: build(small, small_manifest, work / f"speedup-{w}", w, size)["wall"] for w in (1, 2)}
            print(f"\nspeed-up 1 -> 2 workers on {speedup_n:,} articles ({small_total / 1e6:.1f} MB, "
                  f"partitions of {size}): {walls[1]:.1f} s -> {walls[2]:.1f} s = "
                  f"{walls[1] / walls[2]:.2f}x")
    finally:
        if not args.folder:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
