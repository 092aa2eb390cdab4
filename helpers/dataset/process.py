"""One partition, start to finish: a pure function of its files and the settings.

``process_partition(files, settings)`` loads, cleans and splits the files (helpers.corpus) and runs
every extractor the notebooks use: theme matches (helpers.themes), dates (helpers.timeline),
entity mentions, amounts and stance cues (helpers.compare). ``run_partition`` is what a worker
runs: it redoes only the stale stages of a stored partition (a changed codebook recodes from the
stored sentences without parsing again) and writes the result atomically.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from helpers import themes, timeline
from helpers.compare import claims, entities, stance
from helpers.corpus import TABLES
from helpers.corpus.load import parse_chunk
from helpers.corpus.sources import PROBLEM_COLUMNS, escape_controls
from helpers.dataset import storage
from helpers.dataset.settings import STAGE_TABLES, Settings, load_inputs

EXTRACTOR_STAGES = ("themes", "timeline", "compare")
# the columns an extractor stage reads back from a stored partition
STORED_INPUTS = {"sentences": None, "documents": ["doc_id", "language", "published", "date_precision"]}


def parse_files(docs: pd.DataFrame, settings: Settings,
                seen: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Load, clean and split some documents into the corpus tables.

    A file that makes the parser fail outright is left out with a one-line problem naming it (the
    partition is parsed again without it), so one bad file never loses the others' rows.

    Args:
        docs: manifest rows with ``path`` (from pair_files_with_manifest).
        settings: the build's Settings.
        seen: hashes of files in earlier partitions -> their doc_id (duplicates to skip).
    Returns:
        {documents, blocks, paragraphs, sentences, problems}.
    """
    rules = load_inputs(settings)["rules"]
    try:
        part, problems = parse_chunk(docs, rules, settings.folder_name, dict(seen or {}))
    except Exception:  # noqa: BLE001 - isolate the file that fails, keep the rest
        if docs["path"].nunique() == 1:
            raise
        return _parse_one_by_one(docs, settings, seen)
    tables = {name: getattr(part, name) for name in TABLES if name != "problems"}
    tables["problems"] = pd.DataFrame(problems, columns=PROBLEM_COLUMNS).astype("str")
    return tables


def _parse_one_by_one(docs: pd.DataFrame, settings: Settings,
                      seen: dict[str, str] | None) -> dict[str, pd.DataFrame]:
    """parse_files, file by file: a file whose parsing raises becomes one problem line."""
    parts, failed = [], []
    running = dict(seen or {})
    for _, group in docs.groupby("path", sort=False):
        try:
            parts.append(parse_files(group, settings, running))
        except Exception as exc:  # noqa: BLE001 - one line per file, never a traceback
            row = group.iloc[0]
            first_line = (str(exc).splitlines() or [""])[0]
            message = (f"{settings.folder_name}/{row['file']}: could not be read "
                       f"({type(exc).__name__}: {first_line}); skipped")
            failed.append({"file": row["file"], "doc_id": row["doc_id"], "level": "warning",
                           "problem": escape_controls(message)})
            continue
        for digest, doc_id in zip(parts[-1]["documents"]["sha256"], parts[-1]["documents"]["doc_id"]):
            running.setdefault(digest, doc_id)
    if not parts:  # every file failed: empty tables with their columns
        parts.append(parse_files(docs.iloc[:0], settings))
    tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in TABLES}
    failed_frame = pd.DataFrame(failed, columns=PROBLEM_COLUMNS).astype("str")
    tables["problems"] = pd.concat([tables["problems"], failed_frame], ignore_index=True)
    return tables


def extract_tables(corpus_tables: dict[str, pd.DataFrame], settings: Settings,
                   stages: tuple[str, ...] = EXTRACTOR_STAGES) -> dict[str, pd.DataFrame]:
    """Run the extractors of ``stages`` on one partition's sentences and documents.

    Returns:
        matches (themes), dates (timeline), mentions, claims and stance (compare): the tables
        02-05 compute in memory, for these documents.
    """
    inputs = load_inputs(settings)
    sentences, documents = corpus_tables["sentences"], corpus_tables["documents"]
    out: dict[str, pd.DataFrame] = {}
    if "themes" in stages:
        out["matches"] = themes.code_sentences(sentences, inputs["codebook"], documents)
    if "timeline" in stages:
        out["dates"] = timeline.find_dates(sentences, documents)
    if "compare" in stages:
        mentions = entities.find_mentions(sentences, inputs["gazetteer"])
        out["mentions"] = mentions
        out["claims"] = claims.find_claims(sentences)
        out["stance"] = stance.find_stance_cues(sentences, inputs["cues"], mentions)
    return out


def process_partition(files: pd.DataFrame, settings: Settings,
                      seen: dict[str, str] | None = None) -> dict[str, pa.Table]:
    """Every table of one partition, from its files (pure: reads the files, writes nothing).

    Args:
        files: manifest rows with ``path`` (one or more per file).
        settings: the build's Settings.
        seen: hashes of files in earlier partitions -> their doc_id.
    Returns:
        {table name: pyarrow Table} for the corpus tables and every extractor's output.
    """
    tables = parse_files(files, settings, seen)
    tables.update(extract_tables(tables, settings))
    return {name: pa.Table.from_pandas(frame, preserve_index=False) for name, frame in tables.items()}


def read_stored_inputs(out_dir: str | Path, partition: int) -> dict[str, pd.DataFrame]:
    """A stored partition's sentences and documents (what the extractors read)."""
    folder = Path(out_dir)
    frames = {}
    for name, columns in STORED_INPUTS.items():
        path = folder / name / storage.part_name(partition)
        frames[name] = pq.read_table(path, columns=columns).to_pandas()
    return frames


def run_partition(task: dict, settings: Settings, out_dir: str) -> dict:
    """Redo the stale stages of one partition and store them (what a Dask worker runs).

    Args:
        task: partition (int), docs (manifest rows with path), seen, keys ({stage: key}),
            stale (the stages to redo), n_bytes (the files' size).
        settings: the build's Settings.
        out_dir: the dataset folder.
    Returns:
        partition, stages (redone, comma-separated), n_docs, n_bytes, and seconds per stage.
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    if "corpus" in task["stale"]:
        corpus_tables = parse_files(task["docs"], settings, task["seen"])
        timings["corpus"] = time.perf_counter() - start
    else:
        corpus_tables = read_stored_inputs(out_dir, task["partition"])
    stages = tuple(s for s in EXTRACTOR_STAGES if s in task["stale"])
    parsed = "corpus" in task["stale"]
    written = {name: corpus_tables[name] for name in STAGE_TABLES["corpus"]} if parsed else {}
    for stage in stages:
        t = time.perf_counter()
        written.update(extract_tables(corpus_tables, settings, (stage,)))
        timings[stage] = time.perf_counter() - t
    stage_of = {table: stage for stage, names in STAGE_TABLES.items() for table in names}
    storage.write_partition(out_dir, task["partition"], {
        name: storage.to_arrow(frame, task["keys"][stage_of[name]]) for name, frame in written.items()})
    return {"partition": task["partition"], "stages": ",".join(task["stale"]),
            "n_docs": len(corpus_tables["documents"]), "n_bytes": task["n_bytes"] if parsed else 0,
            **{f"seconds_{stage}": timings.get(stage, 0.0) for stage in STAGE_TABLES}}
