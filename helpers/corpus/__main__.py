"""Check a corpus from the command line: ``python -m helpers.corpus [--articles DIR] [--manifest CSV]``."""

from __future__ import annotations

import argparse
import sys

from helpers.corpus.load import load_corpus
from helpers.corpus.rules import CleaningRulesError
from helpers.corpus.sources import CorpusError


def main(argv: list[str] | None = None) -> int:
    """Check a corpus: print the documents and every problem, one line each."""
    parser = argparse.ArgumentParser(prog="python -m helpers.corpus", description=main.__doc__)
    parser.add_argument("--articles", default=None, help="article folder (default data/articles)")
    parser.add_argument("--manifest", default=None, help="manifest CSV (default data/manifest.csv)")
    args = parser.parse_args(argv)
    try:
        c = load_corpus(args.articles, args.manifest)
    except (CorpusError, CleaningRulesError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cols = ["doc_id", "published", "date_source", "n_sentences", "n_words", "title"]
    print(c.documents[cols].to_string(index=False))
    for p in c.problems.itertuples(index=False):
        print(f"{p.level}: {p.problem}", file=sys.stderr)
    return 1 if (c.problems["level"] == "error").any() else 0


if __name__ == "__main__":
    sys.exit(main())
