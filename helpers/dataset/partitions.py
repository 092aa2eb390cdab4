"""Which file goes in which partition, kept on disk so later runs add to it.

The index (``<out>/_index.parquet``) has one row per article file: file (its name in the article
folder), sha256, size, mtime_ns and partition. A file keeps its partition for good: adding files
puts them in new partitions (so adding 1,000 articles to a large corpus writes only new
partitions), a changed file changes its partition's key (so that partition alone is redone) and
a deleted file leaves its partition smaller (redone) or empty (removed).

A file whose bytes equal a file's in an earlier partition is skipped as a duplicate, as in
``corpus.load_corpus``: each partition is told the hashes earlier partitions hold (``seen``).
Articles inside many-article files (exports, tables) are compared only within their partition.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from helpers import progress
from helpers.corpus import read_manifest
from helpers.corpus.cache import file_sha256
from helpers.corpus.sources import check_folder_entries, list_article_files, pair_files_with_manifest
from helpers.dataset.storage import DatasetError

INDEX_FILE = "_index.parquet"
INDEX_COLUMNS = ["file", "sha256", "size", "mtime_ns", "partition"]


def list_corpus(folder: Path, folder_name: str,
                manifest: str | Path | None) -> tuple[pd.DataFrame, list[dict]]:
    """The documents to load (manifest rows with ``path``) and the corpus-wide problems, as
    ``corpus.load_corpus`` finds them (manifest checks, pairing, folder entries).

    Raises:
        CorpusError: no such folder, or a manifest that cannot be used (one line).
    """
    from helpers.corpus import CorpusError

    if not folder.is_dir():
        raise CorpusError(f"{folder_name}: article folder not found")
    rows, problems = read_manifest(manifest)
    docs, pairing = pair_files_with_manifest(rows, list_article_files(folder), folder_name)
    return docs, problems + pairing + check_folder_entries(folder, folder_name)


def read_index(out_dir: Path) -> pd.DataFrame:
    """The stored index (empty when there is none yet).

    Raises:
        DatasetError: the index exists but cannot be read.
    """
    path = out_dir / INDEX_FILE
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("size", "mtime_ns", "partition") else "str")
                             for c in INDEX_COLUMNS})
    try:
        return pq.read_table(path).to_pandas()[INDEX_COLUMNS]
    except (OSError, pa.ArrowInvalid, KeyError) as exc:
        raise DatasetError(f"{path}: the partition index cannot be read ({exc}); delete the dataset "
                           f"folder to build it anew") from None


def hash_files(docs: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """One row per file to load: file, path, sha256, size, mtime_ns, in doc_id order.

    A file whose size and modification time are those the index recorded keeps its recorded
    hash; the others are hashed (raw files are only read).
    """
    files = docs.drop_duplicates("path")[["file", "path"]].reset_index(drop=True)
    stats = [os.stat(p) for p in files["path"]]
    files["size"] = [s.st_size for s in stats]
    files["mtime_ns"] = [s.st_mtime_ns for s in stats]
    known = files[["file"]].merge(previous[["file", "size", "mtime_ns", "sha256"]], on="file", how="left")
    same = ((known["size"] == files["size"]) & (known["mtime_ns"] == files["mtime_ns"])).fillna(False)
    files["sha256"] = known["sha256"].where(same, "").fillna("").astype("str")
    todo = files.loc[~same, "path"]
    hashing = progress.track(todo, total=len(todo), desc="hashing files")
    files.loc[~same, "sha256"] = [file_sha256(p) for p in hashing]
    return files


def assign_partitions(files: pd.DataFrame, previous: pd.DataFrame, partition_size: int) -> pd.DataFrame:
    """The new index: known files keep their partition, new files fill new partitions in order.

    Args:
        files: from hash_files (file, sha256, size, mtime_ns).
        previous: the stored index.
        partition_size: files per new partition.
    Returns:
        file, sha256, size, mtime_ns, partition (int64), in partition then doc_id order.
    """
    kept = files["file"].isin(previous["file"])
    index = files.copy()
    first = int(previous["partition"].max()) + 1 if len(previous) else 0
    new_rank = (~kept).cumsum() - 1  # position among the new files
    fresh = first + new_rank // partition_size
    index["partition"] = index["file"].map(previous.set_index("file")["partition"]).where(kept, fresh)
    index["partition"] = index["partition"].astype("int64")
    order = index.reset_index().sort_values(["partition", "index"])
    return order[INDEX_COLUMNS].reset_index(drop=True)


def write_index(out_dir: Path, index: pd.DataFrame) -> None:
    """Store the index (written aside, then renamed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / f".{INDEX_FILE}.{os.getpid()}.tmp"
    pq.write_table(pa.Table.from_pandas(index[INDEX_COLUMNS], preserve_index=False), tmp)
    os.replace(tmp, out_dir / INDEX_FILE)


def list_seen(index: pd.DataFrame, docs: pd.DataFrame) -> dict[int, dict[str, str]]:
    """For each partition, the hashes of its files that a file in an earlier partition already has,
    with that file's (first) doc_id: the duplicates the partition must skip."""
    first_doc = docs.drop_duplicates("file").set_index("file")["doc_id"]
    earlier: dict[str, str] = {}
    seen: dict[int, dict[str, str]] = {}
    for partition, group in index.groupby("partition", sort=True):
        hashes = group["sha256"].tolist()
        seen[int(partition)] = {h: earlier[h] for h in hashes if h in earlier}
        for h, f in zip(hashes, group["file"]):
            earlier.setdefault(h, first_doc[f])
    return seen
