"""Benchmark: helpers.timeline.extract_dates against dateparser.search_dates.

    .venv/bin/python -m benchmarks.bench_timeline            # accuracy + speed on 20,000 sentences
    .venv/bin/python -m benchmarks.bench_timeline --large    # also extract_dates on 2,000,000

Accuracy uses the hand-made gold list shared with the tests (tests/timeline_gold.py): every
sentence of the seed articles' content (SEED_GOLD) and the tricky sentences (TRICKY_CASES).
A found expression counts for "span" when it overlaps a gold expression of the same sentence
(one-to-one), and for "value" when it also agrees on the time: the period it names lies inside
the gold value's period, or, where the gold value is unresolved (no publication date, or vague),
when it too is left unresolved (dateparser always returns a datetime, so it never is).
"kind acc" is the share of span matches whose kind (past/present/target/vague) agrees with the
gold (dateparser has no kinds). The tricky set was written together with the rules and the tests
require it exactly, so extract_dates scores 1.0 there by construction; the held-out set
(HELDOUT_CASES) was written afterwards and is never tuned on: it is the honest estimate.

dateparser runs with languages=['en'] and RELATIVE_BASE fixed to the document's publication date
(or 2000-01-01 for an undated document), so it never takes today's date. Speed is measured on a
resampled corpus of the seed article sentences (realistic: about one sentence in twenty has
a date) and on a date-dense one (seed and tricky sentences, about a third dated), both drawn
with replacement with a fixed seed. Times are CPU (process) time, best of 5 for extract_dates on
the whole corpus and best of 2 for dateparser on its first 4,000 sentences (it is ~100x slower;
its rate is per sentence); the ratio compares sentences per second. Prints tables;
it is not a test. dateparser is a benchmark-only dependency (requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import warnings

import numpy as np
import pandas as pd

from helpers import corpus, timeline
from helpers.timeline import anchoring
from tests import timeline_gold as gold

UNDATED_BASE = dt.datetime(2000, 1, 1)


def load_gold() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(sentences, documents, gold rows) for the seed content and the tricky sentences together."""
    c = corpus.load_corpus()
    tricky_sentences, tricky_documents = gold.tricky_tables()
    sentences = pd.concat([c.sentences[["doc_id", "sent_id", "text"]],
                           tricky_sentences[["doc_id", "sent_id", "text"]]], ignore_index=True)
    documents = pd.concat([c.documents[["doc_id", "published", "date_precision", "language"]],
                           tricky_documents], ignore_index=True)
    expected = pd.concat([gold.seed_expected(c.sentences), gold.tricky_expected()], ignore_index=True)
    return sentences, documents, expected


def run_dateparser(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """dateparser.search_dates on each sentence: sent_id, start, end, day (the datetime's date)."""
    from dateparser.search import search_dates

    bases = {d: (dt.datetime.fromisoformat(_pad(p)) if p else UNDATED_BASE)
             for d, p in zip(documents["doc_id"], documents["published"])}
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"]):
            settings = {"RELATIVE_BASE": bases.get(doc_id, UNDATED_BASE),
                        "RETURN_AS_TIMEZONE_AWARE": False}
            found = search_dates(text, languages=["en"], settings=settings) or []
            cursor = 0
            for substring, when in found:
                start = text.find(substring, cursor)
                start = text.find(substring) if start < 0 else start
                cursor = start + len(substring)
                rows.append((sent_id, start, start + len(substring), when.date().isoformat()))
    return pd.DataFrame(rows, columns=["sent_id", "start", "end", "value"])


def _pad(partial: str) -> str:
    return partial + "-01" * (2 - partial.count("-"))


def _agrees(found_value: str, gold_value: str) -> bool:
    """The found period lies inside the gold one; unresolved gold needs an unresolved answer."""
    if not gold_value or gold_value.startswith("X"):
        return found_value == gold_value or (not gold_value and not found_value)
    inner, outer = anchoring.value_span(found_value), anchoring.value_span(gold_value)
    return bool(inner and outer and outer[0] <= inner[0] and inner[1] <= outer[1])


def score(found: pd.DataFrame, expected: pd.DataFrame, sent_ids: set[str]) -> dict:
    """Span and value precision/recall/F1 over the given sentences (one-to-one overlap matching)."""
    found = found[found["sent_id"].isin(sent_ids)]
    expected = expected[expected["sent_id"].isin(sent_ids)]
    span_hits = value_hits = kind_hits = 0
    gold_by_sentence = {k: g for k, g in expected.groupby("sent_id")}
    for sent_id, group in found.groupby("sent_id"):
        free = list(gold_by_sentence.get(sent_id, expected.iloc[:0]).itertuples())
        for row in group.itertuples():
            match = next((g for g in free if row.start < g.end and g.start < row.end), None)
            if match is not None:
                free.remove(match)
                span_hits += 1
                value_hits += _agrees(row.value, match.value)
                kind_hits += getattr(row, "kind", None) == match.kind
    out = {"sentences": len(sent_ids), "gold": len(expected), "found": len(found)}
    for name, hits in (("span", span_hits), ("value", value_hits)):
        p = hits / len(found) if len(found) else 0.0
        r = hits / len(expected) if len(expected) else 0.0
        out |= {f"{name} P": p, f"{name} R": r, f"{name} F1": 2 * p * r / (p + r) if p + r else 0.0}
    out["kind acc"] = kind_hits / span_hits if "kind" in found and span_hits else float("nan")
    return out


def corpus_doc_ids() -> set[str]:
    """The seed corpus's doc_ids (the tricky documents have word ids)."""
    return set(corpus.load_corpus().documents["doc_id"])


def resample(sentences: pd.DataFrame, n: int, seed: int = 0) -> pd.DataFrame:
    """n sentences drawn with replacement (fixed seed), with fresh sent_ids."""
    picked = sentences.iloc[np.random.default_rng(seed).integers(0, len(sentences), n)].copy()
    picked["sent_id"] = [f"r{i:07d}" for i in range(n)]
    return picked.reset_index(drop=True)


def timed(fn, repeat: int = 1) -> float:
    """Best CPU time of ``repeat`` runs (process time: other jobs on a shared machine do not count)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def print_table(rows: list[dict], digits: int = 3) -> None:
    frame = pd.DataFrame(rows)
    print(frame.to_string(index=False, na_rep="—", float_format=lambda v: f"{v:.{digits}f}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="sentences in the speed corpus")
    parser.add_argument("--dateparser-n", type=int, default=4_000,
                        help="speed-corpus sentences dateparser is timed on (its rate is per sentence)")
    parser.add_argument("--large", action="store_true", help="also time extract_dates on 2,000,000")
    args = parser.parse_args(argv)
    sentences, documents, expected = load_gold()
    ours = timeline.find_dates(sentences, documents)
    theirs = run_dateparser(sentences, documents)
    english = set(sentences.loc[~sentences["doc_id"].isin(["ru", "ja"]), "sent_id"])
    everything = set(sentences["sent_id"])
    print(f"Accuracy on {len(sentences)} sentences ({len(expected)} gold expressions): "
          "seed article content + tricky sentences")
    rows = []
    for label, ids in (("all", everything), ("English only", english)):
        rows.append({"extractor": "extract_dates", "set": label, **score(ours, expected, ids)})
        rows.append({"extractor": "dateparser", "set": label, **score(theirs, expected, ids)})
    print_table(rows)
    held_sentences, held_documents, held_expected = gold.heldout_tables()
    held_ids = set(held_sentences["sent_id"])
    print(f"\nHeld-out check on {len(held_sentences)} sentences ({len(held_expected)} gold expressions) "
          "written after the rules were settled, not used by the tests")
    print_table([
        {"extractor": "extract_dates",
         **score(timeline.find_dates(held_sentences, held_documents), held_expected, held_ids)},
        {"extractor": "dateparser",
         **score(run_dateparser(held_sentences, held_documents), held_expected, held_ids)}])
    seed_only = sentences[sentences["doc_id"].isin(corpus_doc_ids())]
    print(f"\nSpeed on resampled corpora of {args.n:,} sentences (drawn with replacement, fixed seed; "
          f"CPU time; dateparser on the first {args.dateparser_n:,})")
    speed = []
    for label, pool in (("seed article sentences", seed_only),
                        ("seed + tricky sentences (date-dense)", sentences)):
        big = resample(pool, args.n)
        sample = big.iloc[:args.dateparser_n]
        ours_s = timed(lambda big=big: timeline.find_dates(big, documents), repeat=5)
        theirs_s = timed(lambda sample=sample: run_dateparser(sample, documents), repeat=2)
        ours_rate, theirs_rate = args.n / ours_s, len(sample) / theirs_s
        speed.append({"corpus": label, "chars": int(big["text"].str.len().sum()),
                      "extract_dates CPU s": ours_s, "extract_dates sent/s": ours_rate,
                      "dateparser sent/s": theirs_rate, "ratio": ours_rate / theirs_rate})
    print_table(speed, digits=2)
    if args.large:
        print()
        for label, pool in (("seed article sentences", seed_only), ("seed + tricky (date-dense)", sentences)):
            huge = resample(pool, 2_000_000, seed=1)
            seconds = timed(lambda huge=huge: timeline.find_dates(huge, documents))
            print(f"extract_dates on 2,000,000 {label} ({huge['text'].str.len().sum() / 1e6:,.0f} M chars): "
                  f"{seconds:.1f} s ({2_000_000 / seconds:,.0f} sentences/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
