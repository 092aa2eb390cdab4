"""A hand-coded REFI-QDA project as a validation sample the automatic coder is scored against.

Codes are matched to the codebook's themes by name (the theme's id or label, ignoring case and
surrounding spaces) or by a small mapping file (YAML, ``code name: theme_id``, or ``null`` to
leave a code out). Each coded segment counts for every sentence it shares a character with. A
source is used only when its text is exactly the current source text of its document; otherwise
it is reported (changed since the export, or not in the corpus), never re-aligned by guesswork.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from helpers import config
from helpers.exchange.reading import QdaError, QdaProject, read_qdpx
from helpers.exchange.texts import assign_sentences, build_source_texts, locate_sentences


def read_code_mapping(path: str | Path | None) -> dict[str, str | None]:
    """Read a code-to-theme mapping file (YAML: ``code name: theme_id`` or ``null``); {} for None."""
    if path is None or str(path) == "":
        return {}
    raw, name = config.read_yaml_mapping(path, Path(path), QdaError, "code mapping")
    bad = [k for k, v in raw.items() if not isinstance(k, str) or not (v is None or isinstance(v, str))]
    if bad:
        raise QdaError(f"{name}: entry {bad[0]!r} must be 'code name: theme_id' (or null to leave it out)")
    return {k.strip(): (v.strip() if isinstance(v, str) else None) for k, v in raw.items()}


def match_codes(project: QdaProject, codebook, mapping: dict[str, str | None] | None = None,
                unknown: str = "error") -> pd.DataFrame:
    """Which theme each code of the project stands for.

    Args:
        unknown: what to do with a used code that matches no theme and is not in the mapping:
            'error' (stop) or 'skip' (leave it out, with how = 'unknown').
    Returns:
        code_guid, code (its name), theme ('' for a code left out), how ('mapping', 'name' or
        'unknown'); one row per code that carries at least one coding.
    Raises:
        QdaError: an unknown code (with unknown='error'), or the mapping names a theme the
            codebook lacks.
    """
    mapping = mapping or {}
    known = set(codebook.ids)
    wrong = sorted(t for t in mapping.values() if t is not None and t not in known)
    if wrong:
        raise QdaError(f"code mapping: theme '{wrong[0]}' is not in the codebook {codebook.source}; "
                       f"use one of {', '.join(codebook.ids)}")
    by_name = {str(x).strip().casefold(): t for t in codebook.ids for x in (t, _label(codebook, t))}
    used = project.codes[project.codes["guid"].isin(project.segments["code_guid"])]
    rows = []
    for guid, code in zip(used["guid"], used["name"]):
        if code.strip() in mapping:
            rows.append((guid, code, mapping[code.strip()] or "", "mapping"))
        elif code.strip().casefold() in by_name:
            rows.append((guid, code, by_name[code.strip().casefold()], "name"))
        elif unknown == "skip":
            rows.append((guid, code, "", "unknown"))
        else:
            raise QdaError(f"{project.source}: code '{code}' matches no theme of {codebook.source}; "
                           f"add '{code}: <theme id>' (or '{code}: null') to a code mapping file")
    return pd.DataFrame(rows, columns=["code_guid", "code", "theme", "how"])


def _label(codebook, theme: str) -> str:
    return codebook.themes.set_index("theme").at[theme, "label"]


def check_sources(project: QdaProject, c) -> pd.DataFrame:
    """Each source of the project against the current corpus.

    Returns:
        doc_id, source (its name), problem ('' when its text equals the document's current source
        text; else 'not in the corpus' or 'text changed since the export'); one row per source.
    """
    current = build_source_texts(c.paragraphs).set_index("doc_id")["text"]
    now = project.sources["doc_id"].map(current)
    problem = np.where(now.isna(), "not in the corpus",
                       np.where(now != project.sources["text"], "text changed since the export", ""))
    return pd.DataFrame({"doc_id": project.sources["doc_id"].to_numpy(),
                         "source": project.sources["name"].to_numpy(), "problem": problem})


def list_hand_codings(project: QdaProject, c, codebook, mapping: dict | None = None,
                      unknown: str = "error") -> pd.DataFrame:
    """The project's codings as a table, positions mapped back to the sentences they touch.

    Args:
        mapping: code name -> theme id or None (read_code_mapping). unknown: see match_codes.

    Returns:
        doc_id, start, end (in the source text), theme, code, user (the coder's name), sent_id;
        one row per coding x sentence, only for sources whose text is unchanged.
    """
    codes = match_codes(project, codebook, mapping, unknown)
    sources = check_sources(project, c).assign(guid=project.sources["guid"].to_numpy())
    usable = sources.loc[sources["problem"] == "", ["guid", "doc_id"]]
    users = project.users.set_index("guid")["name"]
    seg = project.segments.merge(usable, left_on="source_guid", right_on="guid")
    seg = seg.merge(codes[codes["theme"] != ""], on="code_guid")
    seg["user"] = seg["user"].map(users).fillna(seg["user"])
    seg = seg[["doc_id", "start", "end", "theme", "code", "user"]]
    spans = locate_sentences(c.sentences, c.paragraphs)
    out = assign_sentences(seg, spans)
    return out.sort_values(["doc_id", "start", "theme"], kind="stable").reset_index(drop=True)


def build_validation(project: QdaProject, c, codebook, mapping: dict | None = None,
                     unknown: str = "error") -> tuple[pd.DataFrame, pd.DataFrame]:
    """A hand-coded project as a validation sample in the shape of themes.load_validation.

    Every sentence of every usable source is decided for every theme a code of the project maps to
    (a code that is never used still counts when its name matches a theme): 1 where a coded
    segment touches the sentence, else 0.

    Args:
        mapping: code name -> theme id or None (read_code_mapping). unknown: see match_codes.
    Returns:
        (sample: doc_id, sent_id, theme, is_present, note, text, for themes.score_validation;
         problems: doc_id, source, problem, for the sources and the unknown codes left out).
    """
    codings = list_hand_codings(project, c, codebook, mapping, unknown)
    sources = check_sources(project, c)
    named = {str(x).strip().casefold() for x in project.codes["name"]}
    mapped = set(codings["theme"]) | set((mapping or {}).values())
    decided = [t for t in codebook.ids
               if t in mapped or t.casefold() in named or _label(codebook, t).casefold() in named]
    usable = sources.loc[sources["problem"] == "", "doc_id"]
    spans = locate_sentences(c.sentences, c.paragraphs)
    spans = spans[spans["doc_id"].isin(usable)]
    grid = spans[["doc_id", "sent_id", "text"]].merge(pd.DataFrame({"theme": decided}), how="cross")
    hit = pd.MultiIndex.from_frame(codings[["sent_id", "theme"]].drop_duplicates())
    grid["is_present"] = pd.MultiIndex.from_frame(grid[["sent_id", "theme"]]).isin(hit).astype("int64")
    grid["note"] = ""
    sample = grid[["doc_id", "sent_id", "theme", "is_present", "note", "text"]].reset_index(drop=True)
    skipped = match_codes(project, codebook, mapping, unknown).query("how == 'unknown'")["code"]
    left_out = pd.DataFrame({"doc_id": "", "source": "", "problem": [
        f"code '{x}' matches no theme of {codebook.source}; left out (map it in a code mapping file)"
        for x in skipped]})
    problems = pd.concat([sources[sources["problem"] != ""], left_out], ignore_index=True)
    return sample, problems


def import_validation(path: str | Path, c, codebook, mapping_path: str | Path | None = None,
                      unknown: str = "error") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a hand-coded .qdpx and return (sample, problems) as build_validation does.

    Args:
        path: the .qdpx (relative paths start at the project root).
        c: the corpus. codebook: the themes. mapping_path: optional code mapping file (YAML).
        unknown: 'error' or 'skip' for a code that matches no theme (see match_codes).
    """
    return build_validation(read_qdpx(path), c, codebook, read_code_mapping(mapping_path), unknown)
