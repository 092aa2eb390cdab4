"""Benchmark: stance scoring on many tiny sentences, and its sign accuracy on the hand-coded sets.

    .venv/bin/python -m benchmarks.bench_stance            # 50,000 and 500,000 one-word sentences
    .venv/bin/python -m benchmarks.bench_stance --quick    # 5,000 and 50,000

Speed: a file of one-word paragraphs ("Russia", "lagging", "progress", "word", "Moscow",
"behind", repeated) as one document, the worst case for per-row or per-document work: every
sentence is read (the article names Russia) and half of them hold a cue. Times
``entities.find_mentions``, ``stance.find_stance_cues`` and ``stance.score_stance`` separately
(wall clock, best of 3) and prints the cost per sentence at each size: flat when nothing is done
per row. Accuracy: the sign of the score against the hand-coded articles of every split (dev,
heldout and the three stance test sets; data/validation/README.md says which were seen when).
Prints tables; it is not a test.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from helpers.compare import entities, stance, stance_check
from helpers.corpus import samples

WORDS = np.array(["Russia", "lagging", "progress", "word", "Moscow", "behind"])


def tiny_sentences(n: int) -> pd.DataFrame:
    """``n`` one-word sentences of one document, each its own paragraph."""
    ids = pd.Series(np.arange(n)).astype(str).str.zfill(7)
    return pd.DataFrame({"doc_id": "d", "para_id": "d-p" + ids, "sent_id": "d-p" + ids + "-s01",
                         "role": "paragraph", "language": "en", "text": WORDS[np.arange(n) % len(WORDS)]})


def best_of(fn, repeat: int = 3) -> tuple[object, float]:
    """The result of ``fn`` and its best wall-clock time over ``repeat`` runs."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def time_sizes(sizes: list[int]) -> pd.DataFrame:
    """Seconds per stage and microseconds per sentence for each size."""
    cues = stance.load_stance_cues()
    docs = pd.DataFrame({"doc_id": ["d"]})
    rows = []
    for n in sizes:
        s = tiny_sentences(n)
        mentions, t_mentions = best_of(lambda s=s: entities.find_mentions(s))
        hits, t_find = best_of(lambda s=s, m=mentions: stance.find_stance_cues(s, cues, m))
        about = stance.mark_read_sentences(s, mentions, cues) != ""
        _, t_score = best_of(lambda s=s, h=hits, a=about: stance.score_stance(h, s, docs, about=a))
        rows.append({"sentences": n, "hits": len(hits), "mentions_s": round(t_mentions, 2),
                     "find_stance_cues_s": round(t_find, 2), "score_stance_s": round(t_score, 3),
                     "stance_us_per_sentence": round(1e6 * (t_find + t_score) / n, 2)})
    return pd.DataFrame(rows)


def score_accuracy() -> pd.DataFrame:
    """Sign accuracy per language and split on every hand-coded set."""
    sets = [samples.load_language_samples(), stance_check.load_stance_test(),
            stance_check.load_stance_test(stance_check.STANCE_TEST_2_PATH, split="test2"),
            stance_check.load_stance_test(stance_check.STANCE_TEST_3_PATH, split="test3")]
    compared = stance_check.compare_stance(pd.concat(sets, ignore_index=True))
    return stance_check.tabulate_stance_accuracy(compared)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    sizes = [5_000, 50_000] if args.quick else [50_000, 500_000]
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print("Stance scoring on many one-word sentences (one document)")
        print(time_sizes(sizes).to_string(index=False))
        print("\nSign accuracy (right/placed) per language and split")
        print(score_accuracy().to_string(index=False))


if __name__ == "__main__":
    main()
