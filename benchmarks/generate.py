"""Build synthetic corpora for the benchmarks by resampling the seed corpus's real sentences.

    python -m benchmarks.generate 10000 /tmp/corpus_10k

Each article has a title, 6-14 paragraphs of 2-5 sentences drawn (with replacement) from the seed
articles' content sentences, headings and a bulleted list now and then, and page furniture around
it (share lines, next/previous teasers, a byline) so that cleaning does real work. Years, month
names, people and organisations, and amounts are varied so that no two articles are alike. The
output is deterministic for a given size and seed: a folder of ``NNNNNN_synthetic.txt`` files and a
``manifest.csv`` with their sha256. About 5 KB per article, as in the seeds.

With ``dated=True`` (``--dated``) the manifest also gives each article a publication date between
DATED_FROM and DATED_TO at a mixed precision (day, month, year, or none; the byline carries the
date only for day precision); articles published before SANCTIONS_EVENT draw no body sentence that
mentions sanctions, and those published after it carry one more such sentence with probability
SANCTIONS_BOOST: a known rise for the trends to find.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

import numpy as np

from helpers import corpus

NAMES = ["Putin", "Mishustin", "Sberbank", "Yandex", "GigaChat", "YandexGPT", "Rostec", "VK",
         "Kaspersky", "MTS", "Gref", "Peskov", "Medvedev", "Skolkovo", "Rosatom"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FURNITURE_HEAD = ["No time to read?", "Get a summary", "Share this article", "Advertisement"]
FURNITURE_TAIL = ["Previous Article", "Gaza and Israel Protests Escalate as War Pressures Mount",
                  "Next Article", "Moldova's Crucial Parliamentary Election. What's at Stake?",
                  "Related articles", "Oil prices fall on August 27, 2025 as markets cool"]
_NAME_RE = re.compile(r"\b(?:" + "|".join(NAMES) + r")\b")
_YEAR_RE = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_MONTH_RE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
DATED_FROM, DATED_TO = np.datetime64("2019-01-01"), np.datetime64("2026-06-30")
PRECISIONS = (("day", 0.7), ("month", 0.15), ("year", 0.1), ("unknown", 0.05))
SANCTIONS_EVENT = np.datetime64("2022-02-24")
SANCTIONS_BOOST = 0.6
_AMOUNT_RE = re.compile(r"\b\d+(?:\.\d+)?(?= (?:trillion|billion|million)\b)")


def seed_sentences() -> tuple[list[str], list[str]]:
    """(paragraph sentences, heading texts) of the seed corpus's content."""
    s = corpus.load_corpus().sentences
    body = s.loc[s["role"].isin(["paragraph", "list_item"]), "text"].tolist()
    headings = s.loc[s["role"] == "heading", "text"].tolist()
    return body, headings


def vary(sentence: str, rng: np.random.Generator) -> str:
    """Swap names, years, months and amounts in a sentence for random ones."""
    sentence = _NAME_RE.sub(lambda m: NAMES[rng.integers(len(NAMES))], sentence)
    sentence = _YEAR_RE.sub(lambda m: str(rng.integers(1995, 2041)), sentence)
    sentence = _MONTH_RE.sub(lambda m: MONTHS[rng.integers(12)], sentence)
    return _AMOUNT_RE.sub(lambda m: str(int(rng.integers(1, 999))), sentence)


def make_article(body: list[str], headings: list[str], rng: np.random.Generator, n: int,
                 byline: str | None = None, extra: tuple[str, ...] = ()) -> str:
    """One synthetic page: furniture, title, paragraphs with headings and lists, furniture.

    ``byline`` replaces the random dated byline; ``extra`` sentences form one more paragraph.
    """
    lines = [f"Russia and AI, report {n}: " + vary(headings[rng.integers(len(headings))], rng), ""]
    if rng.random() < 0.5:
        lines += [FURNITURE_HEAD[rng.integers(len(FURNITURE_HEAD))], ""]
    for p in range(int(rng.integers(6, 15))):
        if p and rng.random() < 0.25:
            lines += [vary(headings[rng.integers(len(headings))], rng), ""]
        picks = rng.integers(len(body), size=int(rng.integers(2, 6)))
        if rng.random() < 0.15:
            lines += [f"  • {vary(body[i], rng)}" for i in picks] + [""]
        else:
            lines += [" ".join(vary(body[i], rng) for i in picks), ""]
    if extra:
        lines += [" ".join(extra), ""]
    day = f"{MONTHS[rng.integers(12)]} {rng.integers(1, 29)}, {rng.integers(2019, 2026)}"
    lines += [byline if byline is not None else f"News Desk {day}", "Share this post"]
    lines += [FURNITURE_TAIL[i] for i in rng.integers(len(FURNITURE_TAIL), size=2)]
    return "\n".join(lines) + "\n"


def draw_dates(n_articles: int, seed: int) -> list[tuple[str, str, str, np.datetime64]]:
    """(published, precision, byline, the day itself) per article: days spread over
    DATED_FROM..DATED_TO, published at the drawn precision."""
    rng = np.random.default_rng(seed + 1)
    span = int((DATED_TO - DATED_FROM).astype(int))
    days = DATED_FROM + rng.integers(0, span + 1, size=n_articles)
    kinds = rng.choice([k for k, _ in PRECISIONS], p=[p for _, p in PRECISIONS], size=n_articles)
    out = []
    for day, kind in zip(days.astype("datetime64[D]").astype(str), kinds):
        y, m, d = day.split("-")
        value = {"day": day, "month": f"{y}-{m}", "year": y, "unknown": ""}[kind]
        byline = f"News Desk {MONTHS[int(m) - 1]} {int(d)}, {y}" if kind == "day" else "News Desk"
        out.append((value, "" if kind == "unknown" else str(kind), byline, np.datetime64(day)))
    return out


def generate_corpus(n_articles: int, folder: str | Path, seed: int = 0,
                    dated: bool = False) -> tuple[Path, Path, int]:
    """Write ``n_articles`` synthetic articles and a manifest into ``folder``.

    Args:
        dated: give the articles manifest dates and a rise of sanctions (see the module docstring).
    Returns:
        (articles dir, manifest path, total bytes of article text).
    """
    rng = np.random.default_rng(seed)
    body, headings = seed_sentences()
    sanctions = [t for t in body if "sanction" in t.lower()]
    calm = [t for t in body if "sanction" not in t.lower()]
    dates = draw_dates(n_articles, seed) if dated else None
    articles = Path(folder) / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    manifest = Path(folder) / "manifest.csv"
    total = 0
    with manifest.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["doc_id", "file", "publisher", "source_type", "language", "sha256"]
                        + (["published", "date_precision"] if dated else []))
        for n in range(n_articles):
            byline, extra, pool = None, (), body
            if dates:
                byline = dates[n][2]
                if dates[n][3] <= SANCTIONS_EVENT:
                    pool = calm
                elif rng.random() < SANCTIONS_BOOST:
                    extra = (sanctions[rng.integers(len(sanctions))],)
            data = make_article(pool, headings, rng, n, byline, extra).encode("utf-8")
            name = f"{n:06d}_synthetic.txt"
            (articles / name).write_bytes(data)
            total += len(data)
            writer.writerow([f"{n:06d}", name, f"Publisher {n % 37}",
                             ["news", "blog", "think_tank"][n % 3], "en",
                             hashlib.sha256(data).hexdigest()] + (list(dates[n][:2]) if dates else []))
    return articles, manifest, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("folder", help="output folder (articles/ and manifest.csv)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dated", action="store_true", help="manifest dates 2019-2026 at mixed precision")
    args = parser.parse_args(argv)
    _, _, total = generate_corpus(args.n, args.folder, args.seed, dated=args.dated)
    print(f"{args.n} articles, {total / 1e6:.1f} MB in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
