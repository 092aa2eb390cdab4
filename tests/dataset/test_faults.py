"""Faults: a corrupt file, a run interrupted or failing in one partition, a worker killed, bad
parameters. The rerun always completes without losing or duplicating a row."""

from __future__ import annotations

import signal
import threading
import time

import psutil
import pytest

from helpers import dataset
from helpers.dataset import process, storage
from tests.dataset.conftest import TABLE_NAMES, assert_same_tables, load_in_memory


def stored_partitions(out, table):
    return sorted(int(p.stem.split("-")[1]) for p in (out / table).glob("part-0*.parquet"))


def test_a_corrupt_file_is_one_problem_line_and_the_other_rows_are_intact(corpus_copy, tmp_path):
    articles, manifest = corpus_copy
    (articles / "000017_synthetic.txt").unlink()
    (articles / "000017_synthetic.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    rows = manifest.read_text(encoding="utf-8")
    manifest.write_text(rows.replace("000017_synthetic.txt", "000017_synthetic.pdf"), encoding="utf-8")
    out = tmp_path / "ds"
    dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    problems = dataset.read_table(out, "problems")
    about = problems[problems["file"] == "000017_synthetic.pdf"]["problem"]
    assert any("000017_synthetic.pdf" in p and "\n" not in p for p in about), list(problems["problem"])
    documents = dataset.read_table(out, "documents")
    assert "000017" not in set(documents["doc_id"]) and len(documents) == 34
    assert_same_tables(out, load_in_memory(articles, manifest), dataset.read_table)


def test_a_file_that_crashes_the_parser_is_left_out_with_one_line(small_corpus, tmp_path, monkeypatch):
    articles, manifest = small_corpus
    real = process.parse_chunk

    def fragile(docs, *args):
        if "000012_synthetic.txt" in set(docs["file"]):
            raise MemoryError("cannot allocate\nsecond line")
        return real(docs, *args)

    monkeypatch.setattr(process, "parse_chunk", fragile)
    out = tmp_path / "ds"
    dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    problems = dataset.read_table(out, "problems")
    line = problems.loc[problems["file"] == "000012_synthetic.txt", "problem"].tolist()
    assert line == ["articles/000012_synthetic.txt: could not be read (MemoryError: cannot allocate); "
                    "skipped"]
    docs = set(dataset.read_table(out, "documents")["doc_id"])
    assert len(docs) == 34 and "000012" not in docs and {"000011", "000013"} <= docs


def test_a_run_interrupted_in_the_third_partition_is_completed_by_the_rerun(small_corpus, small_expected,
                                                                             tmp_path, monkeypatch):
    articles, manifest = small_corpus
    real, calls = process.parse_files, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(process, "parse_files", interrupted)
    out = tmp_path / "ds"
    with pytest.raises(KeyboardInterrupt):
        dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    for table in TABLE_NAMES:
        if table != "problems":
            assert stored_partitions(out, table) == [0, 1], table
    monkeypatch.setattr(process, "parse_files", real)
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert list(log["partition"]) == [2, 3]
    assert_same_tables(out, small_expected, dataset.read_table)
    sentences = dataset.read_table(out, "sentences", columns=["sent_id"])
    assert not sentences["sent_id"].duplicated().any()


def test_a_run_killed_while_writing_leaves_no_half_partition(small_corpus, small_expected, tmp_path,
                                                             monkeypatch):
    articles, manifest = small_corpus
    real, calls = storage.os.replace, []

    def crash(src, dst):
        calls.append(dst)
        if len(calls) == 13:  # the index, partition 0's ten tables, then one of partition 1's
            raise KeyboardInterrupt
        return real(src, dst)

    out = tmp_path / "ds"
    monkeypatch.setattr(storage.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    monkeypatch.setattr(storage.os, "replace", real)
    assert list(out.rglob(".*.tmp"))  # the unfinished partition's files are still aside
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert list(log["partition"]) == [1, 2, 3]
    assert not list(out.rglob(".*.tmp"))
    assert_same_tables(out, small_expected, dataset.read_table)


def test_a_failing_partition_is_one_line_and_the_others_are_stored(small_corpus, small_expected, tmp_path,
                                                                  monkeypatch):
    articles, manifest = small_corpus
    real = process.extract_tables

    def failing(tables, settings, stages=process.EXTRACTOR_STAGES):
        if "000015" in set(tables["documents"]["doc_id"]):
            raise ValueError("a bad row\nmore detail")
        return real(tables, settings, stages)

    monkeypatch.setattr(process, "extract_tables", failing)
    out = tmp_path / "ds"
    with pytest.raises(dataset.DatasetError, match=r"1 partition\(s\) failed, first partition 1: ValueError: "
                                                   r"a bad row; the others are stored, rerun to finish$"):
        dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert stored_partitions(out, "sentences") == [0, 2, 3]
    monkeypatch.setattr(process, "extract_tables", real)
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert list(log["partition"]) == [1]
    assert_same_tables(out, small_expected, dataset.read_table)


def test_a_worker_killed_mid_run_is_replaced_and_the_run_completes(small_corpus, small_expected, tmp_path):
    articles, manifest = small_corpus
    out = tmp_path / "ds"
    result: dict = {}

    def build():
        try:
            result["log"] = dataset.build_dataset(articles, out, manifest=manifest, partition_size=4,
                                                  scheduler="cluster", workers=2)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            result["error"] = exc

    runner = threading.Thread(target=build)
    runner.start()
    deadline = time.monotonic() + 300
    while not (out / "stance").is_dir() or not stored_partitions(out, "stance"):
        assert time.monotonic() < deadline and runner.is_alive(), result
        time.sleep(0.2)
    workers = [p for p in psutil.Process().children() if "spawn" in " ".join(p.cmdline())
               and "resource_tracker" not in " ".join(p.cmdline())]
    assert workers, "no worker process found"
    workers[0].send_signal(signal.SIGKILL)
    runner.join(timeout=600)
    assert "error" not in result, result.get("error")
    assert len(stored_partitions(out, "sentences")) == 9
    assert_same_tables(out, small_expected, dataset.read_table)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"partition_size": 0}, "partition_size: 0 is not a whole number of files of at least 1 (e.g. 2000)"),
    ({"partition_size": "2000"}, "partition_size: '2000' is not a whole number"),
    ({"workers": 0}, "workers: 0 is not a number of worker processes of at least 1"),
    ({"scheduler": "fast"}, "scheduler: 'fast' is not 'local', 'cluster' or a scheduler address"),
    ({"inputs": {"codebook": "x.yaml"}}, "inputs: unknown key 'codebook' (known: rules_path, codebook_path"),
])
def test_bad_parameters_get_one_line(small_corpus, tmp_path, kwargs, message):
    articles, manifest = small_corpus
    with pytest.raises(dataset.DatasetError) as caught:
        dataset.build_dataset(articles, tmp_path / "ds", manifest=manifest, **kwargs)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
    assert not (tmp_path / "ds").exists()


def test_an_output_folder_inside_the_articles_is_refused(corpus_copy):
    articles, manifest = corpus_copy
    before = sorted(p.name for p in articles.iterdir())
    with pytest.raises(dataset.DatasetError, match="is inside the article folder"):
        dataset.build_dataset(articles, articles / "ds", manifest=manifest)
    assert sorted(p.name for p in articles.iterdir()) == before


def test_a_missing_table_or_column_is_one_line(small_dataset):
    out, _ = small_dataset
    with pytest.raises(dataset.DatasetError, match=r"no table 'sentence' \(known: .*sentences"):
        dataset.read_table(out, "sentence")
    with pytest.raises(dataset.DatasetError, match=r"sentences: no column 'txt' \(columns: doc_id"):
        dataset.read_table(out, "sentences", columns=["txt"])
