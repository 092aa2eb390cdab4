"""Build the partitioned dataset: plan the stale partitions, run them, record the corpus problems.

Where the partitions run:
    - in this process, one after the other, for a corpus of up to CLUSTER_THRESHOLD_FILES files
      (or ``scheduler="local"``);
    - on a Dask LocalCluster started here (one worker process per core, one thread each, at most
      MEMORY_PER_WORKER each) for a larger corpus (or ``scheduler="cluster"``);
    - on an existing Dask scheduler when ``scheduler`` or the environment variable
      WORKBOOK_DASK_SCHEDULER gives its address (``tcp://host:8786``): a SLURM cluster started with
      dask-jobqueue, a Kubernetes one from the Dask operator. Its workers need this project
      installed and the article folder at the same path.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import time
from pathlib import Path

import pandas as pd

from helpers import paths, progress
from helpers.corpus.load import list_unused_overrides
from helpers.corpus.sources import PROBLEM_COLUMNS
from helpers.dataset import partitions, storage
from helpers.dataset.process import run_partition
from helpers.dataset.settings import (
    STAGE_TABLES,
    Settings,
    input_digests,
    load_inputs,
    make_settings,
    stage_keys,
)

CLUSTER_THRESHOLD_FILES = 20_000  # above this many files, a LocalCluster is started
MEMORY_PER_WORKER = "1.5GB"
SCHEDULER_ENV = "WORKBOOK_DASK_SCHEDULER"
IN_FLIGHT = 64  # partitions submitted to Dask at a time (at least four per worker)
ALL_TABLES = [name for names in STAGE_TABLES.values() for name in names]
INPUT_NAMES = ("rules_path", "codebook_path", "gazetteer_path", "stance_cues_path")
LOG_COLUMNS = ["partition", "stages", "n_docs", "n_bytes", *(f"seconds_{s}" for s in STAGE_TABLES)]


def check_build_parameters(partition_size: object, scheduler: object, workers: object,
                           inputs: dict | None) -> None:
    """Refuse a bad parameter with one line naming it and the form expected."""
    if isinstance(partition_size, bool) or not isinstance(partition_size, int) or partition_size < 1:
        raise storage.DatasetError(f"partition_size: {partition_size!r} is not a whole number of files "
                                   f"of at least 1 (e.g. 2000)")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise storage.DatasetError(f"workers: {workers!r} is not a number of worker processes of at least 1 "
                                   f"(or None: one per core)")
    if scheduler is not None and (not isinstance(scheduler, str) or
                                  (scheduler not in ("local", "cluster") and "://" not in scheduler)):
        raise storage.DatasetError(f"scheduler: {scheduler!r} is not 'local', 'cluster' or a scheduler "
                                   f"address such as 'tcp://host:8786'")
    unknown = sorted(set(inputs or {}) - set(INPUT_NAMES))
    if unknown:
        raise storage.DatasetError(f"inputs: unknown key '{unknown[0]}' (known: {', '.join(INPUT_NAMES)})")


def plan_partitions(index: pd.DataFrame, docs: pd.DataFrame, settings: Settings, out: Path) -> list[dict]:
    """One task per partition with a stale stage (see process.run_partition for its fields)."""
    digests = input_digests(settings)
    seen = partitions.list_seen(index, docs)
    docs = docs.assign(partition=docs["file"].map(index.set_index("file")["partition"]))
    docs_of = dict(tuple(docs.groupby("partition", sort=False)))
    tasks = []
    groups = index.groupby("partition", sort=True)
    for partition, group in progress.track(groups, total=groups.ngroups, desc="checking partitions"):
        part_docs = docs_of[partition].drop(columns=["partition"])
        rows = part_docs.drop(columns=["path"]).to_csv(index=False)
        hashes = "".join(group["file"] + ":" + group["sha256"] + "\n")
        inputs = rows + hashes + repr(sorted(seen[partition].items()))
        keys = stage_keys(inputs, digests)
        stale = [stage for stage, names in STAGE_TABLES.items()
                 if any(storage.stored_key(out, name, int(partition)) != keys[stage] for name in names)]
        if "corpus" in stale:
            stale = list(STAGE_TABLES)
        if stale:
            tasks.append({"partition": int(partition), "docs": part_docs, "seen": seen[partition],
                          "keys": keys, "stale": stale, "n_bytes": int(group["size"].sum())})
    return tasks


def choose_scheduler(scheduler: str | None, n_files: int) -> str:
    """'local', 'cluster' or a scheduler address, from the parameter, the environment or the size."""
    if scheduler:
        return scheduler
    if os.environ.get(SCHEDULER_ENV):
        return os.environ[SCHEDULER_ENV]
    return "cluster" if n_files > CLUSTER_THRESHOLD_FILES else "local"


def run_tasks(tasks: list[dict], settings: Settings, out: Path, where: str,
              workers: int | None) -> list[dict]:
    """Run the tasks in this process or on Dask; a failed partition is reported after the others ran.

    Raises:
        DatasetError: some partitions failed (one line: how many, the first error, rerun to finish).
    """
    done, failed = [], []
    if where == "local":
        for task in progress.track(tasks, total=len(tasks), desc="partitions", min_items=2):
            try:
                done.append(run_partition(task, settings, str(out)))
            except Exception as exc:  # noqa: BLE001 - the other partitions go on
                failed.append((task["partition"], exc))
    else:
        done, failed = _run_on_dask(tasks, settings, out, where, workers)
    if failed:
        partition, exc = failed[0]
        first = (str(exc).splitlines() or [""])[0]
        raise storage.DatasetError(f"{out}: {len(failed)} partition(s) failed, first partition {partition}: "
                                   f"{type(exc).__name__}: {first}; the others are stored, rerun to finish")
    return done


def _run_on_dask(tasks: list[dict], settings: Settings, out: Path, where: str,
                 workers: int | None) -> tuple[list[dict], list[tuple[int, Exception]]]:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if where == "cluster":
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               memory_limit=MEMORY_PER_WORKER, processes=True, dashboard_address=":0")
        client = Client(cluster)
    else:
        client = Client(where)
    served = importlib.util.find_spec("bokeh") is not None  # the dashboard's pages need bokeh
    print(f"Dask dashboard: {client.dashboard_link}" + ("" if served else " (install bokeh to view it)"))
    done, failed = [], []
    waiting = list(reversed(tasks))
    partition_of = {}

    def submit(task: dict):
        future = client.submit(run_partition, task, settings, str(out), pure=False, retries=2)
        partition_of[future.key] = task["partition"]
        return future

    try:  # a few partitions in flight per worker, so the scheduler never holds the whole corpus
        window = max(IN_FLIGHT, 4 * len(client.scheduler_info().get("workers", {})))
        in_flight = as_completed([submit(waiting.pop()) for _ in range(min(len(waiting), window))])
        for future in progress.track(in_flight, total=len(tasks), desc="partitions", min_items=2):
            if waiting:
                in_flight.add(submit(waiting.pop()))
            try:
                done.append(future.result())
            except Exception as exc:  # noqa: BLE001 - the other partitions go on
                failed.append((partition_of[future.key], exc))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return done, failed


def build_dataset(articles_dir: str | Path | None, out_dir: str | Path, *, manifest: str | Path | None = None,
                  partition_size: int = 2000, scheduler: str | None = None, workers: int | None = None,
                  inputs: dict[str, str] | None = None) -> pd.DataFrame:
    """Build (or bring up to date) the partitioned dataset of a corpus.

    Args:
        articles_dir: the article folder (None: data/articles); only read.
        out_dir: the dataset folder (created; must not be inside the article folder).
        manifest: the manifest CSV (None: data/manifest.csv).
        partition_size: files per new partition.
        scheduler: None (choose: WORKBOOK_DASK_SCHEDULER if set, else a LocalCluster above
            CLUSTER_THRESHOLD_FILES files, else this process), 'local', 'cluster' or an address.
        workers: worker processes of a LocalCluster (None: one per core).
        inputs: other researcher files: rules_path, codebook_path, gazetteer_path, stance_cues_path.
    Returns:
        the run log: one row per partition redone (partition, stages, n_docs, n_bytes, seconds
        per stage); empty when everything was current.
    Raises:
        DatasetError, CorpusError, or the input files' own errors: one line naming the problem.
    """
    check_build_parameters(partition_size, scheduler, workers, inputs)
    settings = make_settings(articles_dir, **(inputs or {}))
    folder = Path(settings.articles_dir)
    out = paths.resolve_path(out_dir, paths.PROJECT_ROOT / "dataset")
    if out.resolve().is_relative_to(folder.resolve()):
        raise storage.DatasetError(f"out_dir: {out} is inside the article folder {settings.folder_name}; "
                                   f"choose a folder outside it (the articles are only read)")
    load_inputs(settings)  # a bad codebook, gazetteer, ... stops here, before any work
    docs, problems = partitions.list_corpus(folder, settings.folder_name, manifest)
    remove_temporary_files(out)
    previous = partitions.read_index(out)
    index = partitions.assign_partitions(partitions.hash_files(docs, previous), previous, partition_size)
    partitions.write_index(out, index)
    for gone in set(previous["partition"]) - set(index["partition"]):
        storage.remove_partition(out, int(gone), ALL_TABLES)
    tasks = plan_partitions(index, docs, settings, out)
    log = run_tasks(tasks, settings, out, choose_scheduler(scheduler, len(index)), workers) if tasks else []
    write_corpus_problems(out, problems, settings)
    return pd.DataFrame(log, columns=LOG_COLUMNS).sort_values("partition", ignore_index=True)


def write_corpus_problems(out: Path, problems: list[dict], settings: Settings) -> None:
    """Store the corpus-wide problems (manifest, pairing, folder entries, unused overrides)."""
    loaded = set(storage.read_table(out, "documents", columns=["doc_id"])["doc_id"]) \
        if storage.list_parts(out, "documents") else set()
    rules = load_inputs(settings)["rules"]
    rows = pd.DataFrame(problems + list_unused_overrides(rules, loaded), columns=PROBLEM_COLUMNS)
    rows = rows.astype("str")
    key = hashlib.sha256(rows.to_csv(index=False).encode()).hexdigest()
    if storage.stored_key(out, "problems", storage.CORPUS_PART) != key:
        storage.write_partition(out, storage.CORPUS_PART, {"problems": storage.to_arrow(rows, key)})


def remove_temporary_files(out: Path) -> None:
    """Delete the temporary files an interrupted run may have left (never a finished partition)."""
    if out.is_dir():
        for tmp in out.rglob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def time_build(**kwargs) -> tuple[pd.DataFrame, float]:
    """build_dataset with its wall time in seconds (for the benchmark)."""
    start = time.perf_counter()
    log = build_dataset(**kwargs)
    return log, time.perf_counter() - start
