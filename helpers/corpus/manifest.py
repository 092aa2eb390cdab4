"""Draft manifest rows for a folder of new article files, for the researcher to complete.

    python -m helpers.corpus.manifest data/articles                    # rows for files not yet listed
    python -m helpers.corpus.manifest my/folder --all --out my/manifest.csv

For each file the draft gives doc_id (from the file name), file, sha256, the detected language,
the title (from the page's title line or HTML metadata) and any publication date found (byline or
HTML metadata, with its source); everything else stays empty for the researcher to fill in.
Problems (empty, binary or undecodable files) are printed one line each on stderr. Nothing is
written unless --out is given, and an existing file is never overwritten without --force.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.corpus import load as corpus


def draft_manifest(articles_dir: str | Path, manifest_path: str | Path | None = None,
                   include_listed: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Draft manifest rows for the files in a folder.

    Args:
        articles_dir: the folder of article files.
        manifest_path: an existing manifest; its files are left out unless include_listed.
        include_listed: draft rows for every file, listed or not.
    Returns:
        (rows with the manifest columns, problems found while reading the files).
    """
    folder = paths.resolve_path(articles_dir, paths.ARTICLES_DIR)
    listed = pd.DataFrame(columns=corpus.MANIFEST_COLUMNS)
    if manifest_path is not None and Path(paths.resolve_path(manifest_path, paths.MANIFEST_PATH)).is_file():
        listed, _ = corpus.read_manifest(manifest_path)
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "manifest.csv"
        empty.write_text(",".join(corpus.MANIFEST_COLUMNS) + "\n", encoding="utf-8")
        found = corpus.load_corpus(folder, empty)
    docs = found.documents
    if not include_listed:
        docs = docs[~docs["file"].isin(set(listed["file"]))]
    taken = set(listed["doc_id"])
    rows = docs[corpus.MANIFEST_COLUMNS].copy()
    rows["doc_id"] = [_free_id(d, taken) for d in rows["doc_id"]]
    problems = found.problems[~found.problems["problem"].str.contains("no manifest row")]
    return rows.reset_index(drop=True), problems.reset_index(drop=True)


def _free_id(doc_id: str, taken: set[str]) -> str:
    candidate = doc_id
    while candidate in taken:
        candidate += "_new"
    taken.add(candidate)
    return candidate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.corpus.manifest",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="folder of article files")
    parser.add_argument("--manifest", default=None,
                        help="existing manifest whose files are skipped (default data/manifest.csv "
                             "when the folder is data/articles)")
    parser.add_argument("--all", action="store_true", help="draft rows for every file")
    parser.add_argument("--out", default=None, help="write the draft to this CSV file")
    parser.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    args = parser.parse_args(argv)
    folder = paths.resolve_path(args.folder, paths.ARTICLES_DIR)
    manifest = args.manifest or (paths.MANIFEST_PATH if folder == paths.ARTICLES_DIR else None)
    try:
        rows, problems = draft_manifest(folder, manifest, include_listed=args.all)
    except corpus.CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for p in problems.itertuples(index=False):
        print(f"{p.level}: {p.problem}", file=sys.stderr)
    if args.out:
        out = Path(args.out)
        if out.exists() and not args.force:
            print(f"error: {args.out}: exists; pass --force to overwrite", file=sys.stderr)
            return 2
        rows.to_csv(out, index=False, lineterminator="\n")
        print(f"{len(rows)} row(s) written to {args.out}", file=sys.stderr)
    else:
        rows.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
