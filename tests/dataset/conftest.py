"""Corpora for the dataset tests: the seed articles plus generated ones, in temporary folders."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.generate import generate_corpus
from helpers import corpus, paths, themes, timeline
from helpers.compare import claims, entities, stance

TABLE_NAMES = ("documents", "blocks", "paragraphs", "sentences", "problems",
               "matches", "dates", "mentions", "claims", "stance")


def make_corpus(folder: Path, n_generated: int, seed: int = 0) -> tuple[Path, Path]:
    """The seed articles and ``n_generated`` generated ones (dated), with one manifest."""
    generated = folder / "generated"
    articles, gen_manifest, _ = generate_corpus(n_generated, generated, seed=seed, dated=True)
    shutil.copytree(paths.ARTICLES_DIR, articles, dirs_exist_ok=True)
    manifest = folder / "manifest.csv"
    rows = pd.concat([pd.read_csv(paths.MANIFEST_PATH, dtype=str, keep_default_na=False),
                      pd.read_csv(gen_manifest, dtype=str, keep_default_na=False)]).fillna("")
    rows.to_csv(manifest, index=False, quoting=csv.QUOTE_MINIMAL)
    return articles, manifest


def add_articles(articles: Path, manifest: Path, n: int, first_number: int, seed: int) -> list[str]:
    """Add ``n`` generated articles numbered from ``first_number`` to a corpus; their file names."""
    extra = articles.parent / f"extra-{seed}"
    new_articles, new_manifest, _ = generate_corpus(n, extra, seed=seed, dated=True)
    rows = pd.read_csv(new_manifest, dtype=str, keep_default_na=False)
    names = []
    for i, row in rows.iterrows():
        number = f"{first_number + i:06d}"
        name = f"{number}_synthetic.txt"
        shutil.copy(new_articles / row["file"], articles / name)
        rows.loc[i, ["doc_id", "file"]] = [number, name]
        names.append(name)
    old = pd.read_csv(manifest, dtype=str, keep_default_na=False)
    pd.concat([old, rows]).fillna("").to_csv(manifest, index=False)
    shutil.rmtree(extra)
    return names


def load_in_memory(articles: Path, manifest: Path, codebook: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table as the notebooks compute it in memory."""
    c = corpus.load_corpus(articles, manifest, use_cache=False)
    tables = {name: getattr(c, name) for name in corpus.TABLES}
    tables["matches"] = themes.code_sentences(c.sentences, themes.load_codebook(codebook), c.documents)
    tables["dates"] = timeline.find_dates(c.sentences, c.documents)
    tables["mentions"] = entities.find_mentions(c.sentences, entities.load_gazetteer())
    tables["claims"] = claims.find_claims(c.sentences)
    tables["stance"] = stance.find_stance_cues(c.sentences, stance.load_stance_cues(), tables["mentions"])
    return tables


def in_row_order(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows sorted by all their values (ids first), text columns as str, index reset."""
    f = frame.copy()
    for col in f.columns:
        if f[col].dtype == object and f[col].map(lambda v: isinstance(v, str)).all():
            f[col] = f[col].astype("str")
    key = pd.Series("", index=f.index)
    for col in f.columns:
        key = key + "\x1f" + f[col].astype("object").map(str)
    return f.loc[key.sort_values(kind="mergesort").index].reset_index(drop=True)


def assert_same_tables(out: Path, expected: dict[str, pd.DataFrame], read) -> None:
    """Every table of the dataset equals the in-memory one (same columns, dtypes and rows)."""
    for name in TABLE_NAMES:
        got = in_row_order(read(out, name))
        want = in_row_order(expected[name])
        assert len(want) > 0 or name == "problems", f"{name}: the fixture should exercise it"
        pd.testing.assert_frame_equal(got, want, obj=name)


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> tuple[Path, Path]:
    """Seeds + 30 generated articles (read-only: copy it before changing anything)."""
    return make_corpus(tmp_path_factory.mktemp("small"), 30)


@pytest.fixture(scope="session")
def small_expected(small_corpus) -> dict[str, pd.DataFrame]:
    """The small corpus's tables computed in memory."""
    return load_in_memory(*small_corpus)


@pytest.fixture(scope="session")
def small_dataset(small_corpus, tmp_path_factory) -> tuple[Path, pd.DataFrame]:
    """The small corpus built in this process, ten files a partition (read-only): (folder, run log)."""
    from helpers import dataset

    articles, manifest = small_corpus
    out = tmp_path_factory.mktemp("small-dataset") / "ds"
    log = dataset.build_dataset(articles, out, manifest=manifest, partition_size=10, scheduler="local")
    return out, log


@pytest.fixture()
def corpus_copy(small_corpus, tmp_path) -> tuple[Path, Path]:
    """A private copy of the small corpus a test may change."""
    articles, manifest = small_corpus
    shutil.copytree(articles, tmp_path / "articles")
    shutil.copy(manifest, tmp_path / "manifest.csv")
    return tmp_path / "articles", tmp_path / "manifest.csv"
