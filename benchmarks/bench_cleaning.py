"""Benchmark: page-furniture cleaning against jusText on hand-labelled saved pages.

    .venv/bin/python -m benchmarks.bench_cleaning            # scores + speed on 4,000 pages
    .venv/bin/python -m benchmarks.bench_cleaning --quick    # scores + speed on 400 pages

The pages are in benchmarks/furniture/ (see its README): every line labelled content (c),
metadata (m) or boilerplate (b). ``dev/`` is what the rules were tuned on; ``heldout/`` was
written before any tuning and is the honest estimate. Two figures per set and cleaner:

    content recall   share of the content lines kept as article content
    furniture leak   share of the metadata and boilerplate lines kept as article content

The workbook cleans each page as a ``.txt`` file with no manifest title or author (a new page
before its manifest row is completed); a line counts as kept when the block it belongs to is
content. jusText 3.0.2 gets every non-blank line as one ``<p>`` paragraph and the stoplist of
the page's language (Chinese has none: its language-independent mode, stop-word thresholds 0).
Speed: the labelled pages resampled to N pages, cleaned in one call (the workbook: split and
classify, vectorised over all blocks) and one page at a time (jusText). Prints tables; it is not
a test. jusText is a benchmark-only dependency (requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import html
import time
from pathlib import Path

import pandas as pd

from helpers.corpus import cleaning
from helpers.corpus.rules import load_cleaning_rules

PAGES_DIR = Path(__file__).parent / "furniture"
SETS = ("dev", "heldout")
LABELS = {"c": "content", "m": "metadata", "b": "boilerplate"}
JUSTEXT_LANGUAGES = {"en": "English", "ru": "Russian", "de": "German", "fr": "French",
                     "es": "Spanish", "it": "Italian", "pt": "Portuguese", "uk": "Ukrainian",
                     "ar": "Arabic"}


def read_labelled_page(path: Path) -> tuple[str, list[str]]:
    """Return (the page's text, the label of each line: 'c', 'm', 'b' or '' for a blank line)."""
    lines, labels = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            lines.append("")
            labels.append("")
            continue
        if line[:1] not in LABELS or line[1:2] != " ":
            raise ValueError(f"{path.name}: line {number} must start with 'c ', 'm ' or 'b '")
        lines.append(line[2:])
        labels.append(line[0])
    return "\n".join(lines) + "\n", labels


def read_pages(subset: str) -> pd.DataFrame:
    """page, language, text, labels for every page of one set."""
    rows = []
    for path in sorted((PAGES_DIR / subset).glob("*.txt")):
        text, labels = read_labelled_page(path)
        rows.append({"page": path.stem, "language": path.stem.split("_")[0], "text": text,
                     "labels": labels})
    return pd.DataFrame(rows)


def clean_with_workbook(pages: pd.DataFrame, rules=None, reasons: list | None = None) -> list[list[bool]]:
    """For each page, whether each line is kept as content by the workbook's cleaning (and, into
    ``reasons`` when given, the reason of each line's block)."""
    rules = rules or load_cleaning_rules()
    rows = []
    for i, text in enumerate(pages["text"]):
        for position, block in enumerate(cleaning.split_blocks(text)):
            rows.append({"doc_id": f"{i:05d}", "block_id": f"{i:05d}-b{position:03d}",
                         "position": position, **block})
    blocks = pd.DataFrame(rows)
    docs = pd.DataFrame({"doc_id": [f"{i:05d}" for i in range(len(pages))], "title": "",
                         "author": ""})
    out, _ = cleaning.classify_blocks(blocks, docs, rules)
    kept = [[False] * len(labels) for labels in pages["labels"]]
    if reasons is not None:
        reasons.extend([""] * len(labels) for labels in pages["labels"])
    for doc_id, start, end, is_content, reason in zip(out["doc_id"], out["line_start"],
                                                      out["line_end"], out["is_content"], out["reason"]):
        for line in range(start, end + 1):
            kept[int(doc_id)][line - 1] = bool(is_content)
            if reasons is not None:
                reasons[int(doc_id)][line - 1] = reason
    return kept


def clean_with_justext(text: str, language: str) -> list[bool]:
    """Whether each line of one page is kept by jusText (lines given as paragraphs)."""
    import justext

    lines = text.splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    page = f"<html><body>{body}</body></html>".encode()
    if language in JUSTEXT_LANGUAGES:
        found = justext.justext(page, justext.get_stoplist(JUSTEXT_LANGUAGES[language]))
    else:
        found = justext.justext(page, frozenset(), stopwords_low=0, stopwords_high=0)
    flags = iter([not p.is_boilerplate for p in found])
    return [next(flags) if line.strip() else False for line in lines]


def score(labels: list[list[str]], kept: list[list[bool]]) -> dict:
    """Content recall and furniture leak over all lines of some pages."""
    pairs = [(label, k) for ls, ks in zip(labels, kept) for label, k in zip(ls, ks) if label]
    content = [k for label, k in pairs if label == "c"]
    furniture = [k for label, k in pairs if label != "c"]
    return {"pages": len(labels), "content lines": len(content),
            "furniture lines": len(furniture),
            "recall": sum(content) / max(len(content), 1),
            "leak": sum(furniture) / max(len(furniture), 1)}


def compare_cleaners() -> pd.DataFrame:
    """One row per set: recall and leak for the workbook and for jusText."""
    rows = []
    for subset in SETS:
        pages = read_pages(subset)
        ours = score(pages["labels"].tolist(), clean_with_workbook(pages))
        theirs = score(pages["labels"].tolist(),
                       [clean_with_justext(t, lang) for t, lang in zip(pages["text"], pages["language"])])
        rows.append({"set": subset, "pages": ours["pages"], "content lines": ours["content lines"],
                     "furniture lines": ours["furniture lines"],
                     "workbook recall": ours["recall"], "workbook leak": ours["leak"],
                     "jusText recall": theirs["recall"], "jusText leak": theirs["leak"]})
    return pd.DataFrame(rows)


def list_errors(subset: str) -> pd.DataFrame:
    """The workbook's wrong lines on one set: page, line, label, kept, text (for tuning on dev)."""
    pages = read_pages(subset)
    rows, reasons = [], []
    kept_lines = clean_with_workbook(pages, reasons=reasons)
    for page, text, labels, kept, why in zip(pages["page"], pages["text"], pages["labels"],
                                             kept_lines, reasons):
        for number, (line, label, k, r) in enumerate(zip(text.splitlines(), labels, kept, why), 1):
            if label and (label == "c") != k:
                rows.append({"page": page, "line": number, "label": label, "text": line[:50],
                             "reason": r[:60]})
    return pd.DataFrame(rows)


def time_cleaners(n_pages: int) -> pd.DataFrame:
    """Seconds and pages per second for both cleaners on the labelled pages resampled to n_pages."""
    pages = pd.concat([read_pages(s) for s in SETS], ignore_index=True)
    sample = pages.sample(n=n_pages, replace=True, random_state=7).reset_index(drop=True)
    mb = sample["text"].str.len().sum() / 1e6
    rules = load_cleaning_rules()
    start = time.perf_counter()
    clean_with_workbook(sample, rules)
    ours = time.perf_counter() - start
    n_just = min(n_pages, 400)
    start = time.perf_counter()
    for text, lang in zip(sample["text"][:n_just], sample["language"][:n_just]):
        clean_with_justext(text, lang)
    theirs = (time.perf_counter() - start) * n_pages / n_just
    return pd.DataFrame([
        {"cleaner": "workbook (split + classify, all pages at once)", "pages": n_pages,
         "seconds": ours, "pages per s": n_pages / ours, "MB per s": mb / ours},
        {"cleaner": f"jusText (page by page; {n_just} timed, scaled)", "pages": n_pages,
         "seconds": theirs, "pages per s": n_pages / theirs, "MB per s": mb / theirs},
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_cleaning",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="time 400 pages instead of 4,000")
    parser.add_argument("--errors", default="", help="also list the wrong lines of this set (dev)")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    print("Content recall and furniture leak (share of lines), workbook vs jusText 3.0.2:")
    print(compare_cleaners().to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print("\nCleaning speed:")
    print(time_cleaners(400 if args.quick else 4000).to_string(
        index=False, float_format=lambda v: f"{v:,.2f}"))
    if args.errors:
        print(f"\nWrong lines on {args.errors}:")
        print(list_errors(args.errors).to_string(index=False, max_colwidth=90))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
