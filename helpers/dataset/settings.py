"""What a partition is processed with: the researcher's input files and the versions of the code.

A Settings holds only paths (plain strings), so it travels to Dask workers as it is; each worker
loads the cleaning rules, codebook, gazetteer and stance cues once per file content
(:func:`load_inputs`). The keys that decide whether a stored partition is still current hash
those files' bytes and the source of the modules that produce each table (:func:`stage_keys`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from helpers import paths
from helpers.compare import entities, stance
from helpers.corpus import cache, load_cleaning_rules
from helpers.themes import load_codebook

HELPERS_DIR = Path(__file__).resolve().parents[1]
# the stages a partition goes through, each writing these tables
STAGE_TABLES = {
    "corpus": ("documents", "blocks", "paragraphs", "sentences", "problems"),
    "themes": ("matches",),
    "timeline": ("dates",),
    "compare": ("mentions", "claims", "stance"),
}
# the source folders whose code decides each extractor stage's output (besides the corpus's)
STAGE_CODE = {"themes": ("themes", "patterns"), "timeline": ("timeline",), "compare": ("compare", "patterns")}


@dataclass(frozen=True)
class Settings:
    """The inputs of one build, as absolute paths (see :func:`make_settings`)."""

    articles_dir: str
    folder_name: str
    rules_path: str
    codebook_path: str
    gazetteer_path: str
    stance_cues_path: str


def make_settings(articles_dir: str | Path | None = None, rules_path: str | Path | None = None,
                  codebook_path: str | Path | None = None, gazetteer_path: str | Path | None = None,
                  stance_cues_path: str | Path | None = None) -> Settings:
    """Settings with every path resolved (relative paths start at the project root; empty: default).

    Args:
        articles_dir: the article folder; default data/articles.
        rules_path, codebook_path, gazetteer_path, stance_cues_path: the researcher's files;
            default the ones in data/.
    Returns:
        Settings.
    """
    folder = paths.resolve_path(articles_dir, paths.ARTICLES_DIR)
    return Settings(
        articles_dir=str(folder), folder_name=paths.display_path(folder),
        rules_path=str(paths.resolve_path(rules_path, paths.CLEANING_RULES_PATH)),
        codebook_path=str(paths.resolve_path(codebook_path, paths.DATA_DIR / "codebook.yaml")),
        gazetteer_path=str(paths.resolve_path(gazetteer_path, paths.DATA_DIR / "gazetteer.csv")),
        stance_cues_path=str(paths.resolve_path(stance_cues_path, paths.DATA_DIR / "stance_cues.yaml")),
    )


def file_digest(path: str | Path) -> str:
    """The SHA-256 of a file ('' when it does not exist: its loader then says so)."""
    return cache.file_sha256(path) if Path(path).is_file() else ""


@lru_cache(maxsize=8)
def code_digest(folders: tuple[str, ...]) -> str:
    """A hash of the source of the helpers packages named (and of the shared plumbing)."""
    h = hashlib.sha256()
    for folder in folders:
        for path in sorted((HELPERS_DIR / folder).rglob("*.py")):
            h.update(path.relative_to(HELPERS_DIR).as_posix().encode())
            h.update(path.read_bytes())
    for name in ("config.py", "paths.py"):
        h.update((HELPERS_DIR / name).read_bytes())
    return h.hexdigest()


def input_digests(settings: Settings) -> dict[str, str]:
    """The SHA-256 of each researcher file the build reads (rules, codebook, gazetteer, cues)."""
    names = [f.name for f in fields(settings) if f.name.endswith("_path")]
    return {name: file_digest(getattr(settings, name)) for name in names}


def stage_keys(corpus_inputs: str, digests: dict[str, str]) -> dict[str, str]:
    """The key of each stage of one partition.

    Args:
        corpus_inputs: what the partition's parsing depends on (its files' names, hashes and
            manifest rows), as one string.
        digests: from :func:`input_digests`.
    Returns:
        {stage: key}; an extractor stage's key includes the corpus key, so a re-parsed partition is
        also re-extracted, while a changed codebook changes only the themes key.
    """
    corpus_key = _hash(cache.code_version(), code_digest(("corpus",)), digests["rules_path"], corpus_inputs)
    extra = {"themes": digests["codebook_path"], "timeline": "",
             "compare": digests["gazetteer_path"] + digests["stance_cues_path"]}
    keys = {"corpus": corpus_key}
    for stage, folders in STAGE_CODE.items():
        keys[stage] = _hash(corpus_key, code_digest(folders), extra[stage])
    return keys


def _hash(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=4)
def _load_inputs_cached(settings: Settings, digests: tuple[tuple[str, str], ...]) -> dict:
    return {
        "rules": load_cleaning_rules(settings.rules_path),
        "codebook": load_codebook(settings.codebook_path),
        "gazetteer": entities.load_gazetteer(settings.gazetteer_path),
        "cues": stance.load_stance_cues(settings.stance_cues_path),
    }


def load_inputs(settings: Settings) -> dict:
    """The loaded rules, codebook, gazetteer and stance cues (once per process and file content).

    Raises:
        the loaders' own one-line errors (CleaningRulesError, CodebookError, GazetteerError,
        StanceCuesError) for a bad file.
    """
    return _load_inputs_cached(settings, tuple(sorted(input_digests(settings).items())))
