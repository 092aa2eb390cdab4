"""The partitioned path gives the in-memory tables; reruns redo only what changed."""

from __future__ import annotations

import shutil

import pandas as pd
import yaml

from helpers import dataset, paths
from tests.dataset.conftest import add_articles, assert_same_tables, load_in_memory, make_corpus

# generated articles added to the seeds for the LocalCluster run (2,000 take over ten minutes on the
# shared 2-core machine, in-memory reference included; `make bench-large` runs larger corpora)
N_CLUSTER_ARTICLES = 300


def part_mtimes(out, table):
    return {p.name: p.stat().st_mtime_ns for p in sorted((out / table).glob("part-0*.parquet"))}


def test_a_two_worker_local_cluster_gives_the_in_memory_tables(tmp_path, capsys):
    articles, manifest = make_corpus(tmp_path, N_CLUSTER_ARTICLES)
    # an exact copy of a seed article, without a manifest row, lands in the last partition:
    # skipped as a duplicate across partitions, as in memory
    shutil.copy(articles / "001_37e641b1a67559f8.txt", articles / "999999_copy.txt")
    out = tmp_path / "ds"
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=100,
                                scheduler="cluster", workers=2)
    assert sorted(log["partition"]) == [0, 1, 2, 3]
    assert "Dask dashboard: http://" in capsys.readouterr().out
    assert log["n_docs"].sum() == N_CLUSTER_ARTICLES + 5
    expected = load_in_memory(articles, manifest)
    assert "same content as doc_id '001'" in " ".join(expected["problems"]["problem"])
    assert_same_tables(out, expected, dataset.read_table)


def test_in_process_partitions_give_the_in_memory_tables_and_a_rerun_is_a_no_op(small_corpus, small_expected,
                                                                                 small_dataset):
    articles, manifest = small_corpus
    out, log = small_dataset
    assert list(log["partition"]) == [0, 1, 2, 3]
    assert set(log["stages"]) == {"corpus,themes,timeline,compare"}
    assert_same_tables(out, small_expected, dataset.read_table)
    before = part_mtimes(out, "sentences")
    again = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert again.empty
    assert part_mtimes(out, "sentences") == before


def test_added_files_go_to_new_partitions_and_only_those_are_written(corpus_copy, tmp_path):
    articles, manifest = corpus_copy
    out = tmp_path / "ds"
    dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    before = {t: part_mtimes(out, t) for t in ("documents", "sentences", "matches", "stance")}
    added = add_articles(articles, manifest, 15, first_number=500, seed=7)
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert list(log["partition"]) == [4, 5]  # 15 new files, 10 a partition
    index = dataset.read_index(out)
    assert set(index.loc[index["file"].isin(added), "partition"]) == {4, 5}
    for table, mtimes in before.items():
        now = part_mtimes(out, table)
        assert {k: now[k] for k in mtimes} == mtimes, f"{table}: an old partition was rewritten"
        assert len(now) == 6
    assert_same_tables(out, load_in_memory(articles, manifest), dataset.read_table)


def test_a_changed_file_redoes_its_partition_alone_and_a_deleted_one_leaves_it(corpus_copy, tmp_path):
    articles, manifest = corpus_copy
    out = tmp_path / "ds"
    dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    index = dataset.read_index(out)
    changed = index.loc[index["partition"] == 2, "file"].iloc[3]
    (articles / changed).write_text("Russia and sanctions.\n\nA new text about chips in 2030.\n",
                                    encoding="utf-8")
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert list(log["partition"]) == [2]
    gone = index.loc[index["partition"] == 3, "file"].iloc[0]
    (articles / gone).unlink()
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    assert list(log["partition"]) == [3]
    expected = load_in_memory(articles, manifest)
    assert "sha256 differs from the manifest" in " ".join(expected["problems"]["problem"])
    assert_same_tables(out, expected, dataset.read_table)


def test_a_changed_codebook_recodes_without_parsing_again(corpus_copy, tmp_path):
    articles, manifest = corpus_copy
    out = tmp_path / "ds"
    dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    sentences_before, matches_before = part_mtimes(out, "sentences"), part_mtimes(out, "matches")
    book = yaml.safe_load((paths.DATA_DIR / "codebook.yaml").read_text(encoding="utf-8"))
    dropped = book["themes"][0]["id"]
    book["themes"] = book["themes"][1:]
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local",
                                inputs={"codebook_path": str(codebook)})
    assert set(log["stages"]) == {"themes"} and len(log) == 4
    assert (log["seconds_corpus"] == 0).all()
    assert part_mtimes(out, "sentences") == sentences_before
    assert all(part_mtimes(out, "matches")[k] != v for k, v in matches_before.items())
    got = dataset.read_table(out, "matches")
    assert dropped not in set(got["theme"]) and len(got) > 0
    expected = load_in_memory(articles, manifest, codebook=codebook)
    pd.testing.assert_frame_equal(
        got.sort_values(["sent_id", "theme", "start"], ignore_index=True),
        expected["matches"].sort_values(["sent_id", "theme", "start"], ignore_index=True))


def test_read_table_reads_only_the_columns_and_rows_asked_for(small_dataset):
    import pyarrow.dataset as ds

    out, _ = small_dataset
    for table in ("sentences", "matches"):
        whole = dataset.read_table(out, table)
        some = dataset.read_table(out, table, columns=["doc_id", "sent_id"],
                                  filters=ds.field("doc_id") == "002")
        assert list(some.columns) == ["doc_id", "sent_id"]
        assert set(some["doc_id"]) == {"002"}
        assert len(some) == (whole["doc_id"] == "002").sum() > 0
