"""Exchange with QDA tools and reference managers from the command line.

    python -m helpers.exchange export OUT.qdpx [--level match] [--hand-coded CSV] [--codebook-out X.qdc]
    python -m helpers.exchange import IN.qdpx [--mapping codes.yaml] [--out sample.csv]
    python -m helpers.exchange cite 002-p03-s01 003-p07-s01 [--style apa] [--accessed 2025-12-01]
    python -m helpers.exchange bibliography OUT.bib|OUT.json [--accessed 2025-12-01]

Every file is written only where it is named (relative paths start at the current folder).
Each problem is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import themes
from helpers.corpus import CleaningRulesError, CorpusError, load_corpus
from helpers.exchange import citations
from helpers.exchange.hand import build_validation, read_code_mapping
from helpers.exchange.reading import QdaError, read_qdpx
from helpers.exchange.writing import export_codebook, export_project

HAND_CODER = "Hand coder"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers.exchange", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", default=None, help="article folder (default data/articles)")
    parser.add_argument("--manifest", default=None, help="manifest CSV (default data/manifest.csv)")
    parser.add_argument("--codebook", default=None, help="codebook YAML (default data/codebook.yaml)")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="write the corpus and its coding as a REFI-QDA project")
    ex.add_argument("out", help="the .qdpx to write")
    ex.add_argument("--level", choices=["sentence", "match"], default="sentence",
                    help="one coded segment per coded sentence (default) or per matched phrase")
    ex.add_argument("--hand-coded", default=None,
                    help="export this hand-coded sample's decisions (CSV) instead of the coder's")
    ex.add_argument("--codebook-out", default=None, help="also write the codebook alone (.qdc)")
    im = sub.add_parser("import", help="score the coder against a hand-coded REFI-QDA project")
    im.add_argument("qdpx", help="the hand-coded .qdpx")
    im.add_argument("--mapping", default=None, help="YAML: 'code name: theme_id' (or null to leave out)")
    im.add_argument("--out", default=None, help="also write the validation sample here (CSV)")
    ci = sub.add_parser("cite", help="quotations with citations for sentence ids")
    ci.add_argument("sent_ids", nargs="+")
    ci.add_argument("--style", choices=list(citations.STYLES), default="chicago")
    ci.add_argument("--accessed", default="", help="access date (ISO) for documents without one")
    bib = sub.add_parser("bibliography", help="the corpus as BibTeX (.bib) or CSL JSON (.json)")
    bib.add_argument("out")
    bib.add_argument("--accessed", default="", help="access date (ISO) for documents without one")
    return parser


def _here(path: str) -> Path:
    return Path(path).expanduser().resolve()


def _export(args, c, cb) -> str:
    if args.hand_coded:
        sample = themes.load_validation(_here(args.hand_coded))
        codings = sample[sample["is_present"] == 1]
        user = f"{HAND_CODER} ({Path(args.hand_coded).name})"
        level = "sentence"
    else:
        codings = themes.code_sentences(c.sentences, cb, c.documents)
        user, level = "Automatic coder", args.level
    out = export_project(_here(args.out), c, cb, codings, level=level, user=user)
    if args.codebook_out:
        export_codebook(_here(args.codebook_out), cb)
    n_pairs = len(codings[["sent_id", "theme"]].drop_duplicates())
    return f"wrote {out} ({len(c.documents)} sources, {n_pairs} coded sentence x theme pairs, by {user})"


def _load(args):
    return load_corpus(args.articles, args.manifest), themes.load_codebook(args.codebook)


def _import(args) -> str:
    project = read_qdpx(_here(args.qdpx))  # a bad file stops here, before the corpus is loaded
    mapping = read_code_mapping(args.mapping and _here(args.mapping))
    c, cb = _load(args)
    sample, problems = build_validation(project, c, cb, mapping)
    for p in problems.itertuples(index=False):
        print(f"warning: {args.qdpx}: source '{p.source}' (doc {p.doc_id}): {p.problem}; left out",
              file=sys.stderr)
    if args.out:
        sample.to_csv(_here(args.out), index=False, encoding="utf-8")
    matches = themes.code_sentences(c.sentences, cb, c.documents)
    return themes.score_validation(sample, matches, cb).round(2).to_string(index=False)


def main(argv: list[str] | None = None) -> int:
    """Run one command; print its result, or one line per problem on stderr."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "import":
            print(_import(args))
            return 0
        c, cb = _load(args)
        if args.command == "export":
            print(_export(args, c, cb))
        elif args.command == "cite":
            q = citations.quote_sentences(args.sent_ids, c.sentences, c.documents, args.style, args.accessed)
            print("\n\n".join(f"{a}\n    {b}" for a, b in zip(q["quotation"], q["reference"])))
        else:
            out = _here(args.out)
            if out.suffix.lower() not in (".bib", ".json"):
                raise ValueError(f"{args.out}: name the bibliography .bib (BibTeX) or .json (CSL JSON)")
            write = citations.export_bibtex if out.suffix.lower() == ".bib" else citations.export_csl_json
            out.write_text(write(c.documents, args.accessed), encoding="utf-8")
            print(f"wrote {out} ({len(c.documents)} references)")
    except (QdaError, CorpusError, CleaningRulesError, themes.CodebookError,
            themes.ValidationSampleError, ValueError, OSError) as exc:
        print(f"error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
