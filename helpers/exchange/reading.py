"""Read a REFI-QDA project (.qdpx) safely into tables: sources, codes and coded segments.

Nothing is extracted to disk: members are read in memory, each with a size limit checked while
reading (a zip bomb stops at the limit, whatever its headers claim). The XML is parsed without a
DTD, without entity expansion and without network access. Every problem is a QdaError with one
line naming the file, what is wrong and what to do.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from lxml import etree

from helpers import paths
from helpers.exchange.writing import PROJECT_NS

MAX_MEMBER_BYTES = 200 * 1024 * 1024  # one project.qde or source text
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # everything read from one archive
MAX_MEMBERS = 100_000
_CHUNK = 1024 * 1024


class QdaError(ValueError):
    """A REFI-QDA file cannot be used; the message is one line naming the file, problem and fix."""


@dataclass(frozen=True)
class QdaProject:
    """A REFI-QDA project read into tables.

    Attributes:
        sources: guid, name, doc_id (the ``doc_id`` variable, else the name's first word), text.
        codes: guid, name, description (nested codes flattened).
        segments: source_guid, selection_guid, start, end, code_guid, user (one row per coding of
            a text selection; end exclusive).
        users: guid, name.
        source: the file read, as shown in messages.
    """

    sources: pd.DataFrame
    codes: pd.DataFrame
    segments: pd.DataFrame
    users: pd.DataFrame
    source: str


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: list[int]) -> bytes:
    limit = min(MAX_MEMBER_BYTES, budget[0])
    chunks, size = [], 0
    with archive.open(info) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise QdaError(f"{name}: {info.filename} unpacks to more than {limit // 2**20} MB "
                               f"(a zip bomb or not a QDA project); check the file")
            chunks.append(chunk)
    budget[0] -= size
    return b"".join(chunks)


def open_archive(path: Path, name: str) -> tuple[bytes, dict[str, bytes]]:
    """project.qde and the source texts (keyed by lower-case file name) of a .qdpx."""
    if not path.is_file():
        raise QdaError(f"{name}: file not found; give the path of a .qdpx project")
    if not zipfile.is_zipfile(path):
        raise QdaError(f"{name}: not a zip archive, so not a REFI-QDA project (.qdpx); "
                       "export the project from your QDA tool as REFI-QDA")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise QdaError(f"{name}: {len(infos)} files in the archive, more than {MAX_MEMBERS}; "
                               "check the file")
            qde = [i for i in infos if i.filename.lower().endswith(".qde")]
            if len(qde) != 1:
                raise QdaError(f"{name}: {'no' if not qde else 'more than one'} project.qde in the archive; "
                               "export the project from your QDA tool as REFI-QDA (.qdpx)")
            budget = [MAX_TOTAL_BYTES]
            project = _read_member(archive, qde[0], name, budget)
            texts = {i.filename.rsplit("/", 1)[-1].lower(): _read_member(archive, i, name, budget)
                     for i in infos if i.filename.lower().endswith(".txt")}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise QdaError(f"{name}: damaged zip archive ({exc}); export the project again") from exc
    return project, texts


def parse_xml(data: bytes, name: str) -> etree._Element:
    """The root of a REFI-QDA project document, parsed safely (no DTD, entities or network)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise QdaError(f"{name}: project.qde is not well-formed XML ({exc.msg}); "
                       "export the project again") from exc
    if root.getroottree().docinfo.doctype:
        raise QdaError(f"{name}: project.qde declares a DTD, which REFI-QDA does not use; "
                       "export the project again")
    if root.tag != f"{{{PROJECT_NS}}}Project":
        raise QdaError(f"{name}: project.qde's root is {etree.QName(root).localname!r} in namespace "
                       f"{etree.QName(root).namespace!r}, not a REFI-QDA Project ({PROJECT_NS}); "
                       "export the project as REFI-QDA")
    return root


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


def _require(el: etree._Element, attribute: str, name: str) -> str:
    value = el.get(attribute)
    if value is None or not value.strip():
        raise QdaError(f"{name}: a {etree.QName(el).localname} (line {el.sourceline}) has no "
                       f"{attribute}; export the project again")
    return value.strip()


def _variables(root: etree._Element, name: str) -> dict[str, str]:
    return {_require(v, "guid", name): v.get("name", "") for v in root.iter(_q("Variable"))}


def _source_text(src: etree._Element, texts: dict[str, bytes], name: str) -> str:
    inline = src.find(_q("PlainTextContent"))
    if inline is not None:
        return inline.text or ""
    ref = _require(src, "plainTextPath", name)
    member = ref.split("://", 1)[-1].rsplit("/", 1)[-1].lower()
    if member not in texts:
        raise QdaError(f"{name}: source {src.get('name', '')!r} refers to {ref}, which is not in the "
                       "archive; export the project with its sources")
    try:
        return texts[member].decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QdaError(f"{name}: source text {ref} is not UTF-8; export the project again") from exc


def _read_sources(root, texts, name) -> tuple[list[dict], list[dict]]:
    variables = _variables(root, name)
    sources, segments = [], []
    for src in root.iter(_q("TextSource")):
        guid = _require(src, "guid", name)
        values = {variables.get(vv.find(_q("VariableRef")).get("targetGUID")): vv.findtext(_q("TextValue"))
                  for vv in src.iter(_q("VariableValue")) if vv.find(_q("VariableRef")) is not None}
        label = src.get("name", "")
        doc_id = (values.get("doc_id") or (label.split() or [""])[0]).strip()
        text = _source_text(src, texts, name)
        sources.append({"guid": guid, "name": label, "doc_id": doc_id, "text": text})
        for sel in src.iter(_q("PlainTextSelection")):
            try:
                start = int(_require(sel, "startPosition", name))
                end = int(_require(sel, "endPosition", name))
            except ValueError as exc:
                raise QdaError(f"{name}: selection {sel.get('guid')} in source {label!r} has a position "
                               "that is not a whole number; export the project again") from exc
            if not 0 <= start < end <= len(text):
                raise QdaError(f"{name}: selection {sel.get('guid')} in source {label!r} spans "
                               f"{start}-{end}, outside its text of {len(text)} characters; "
                               "export the project again")
            for coding in sel.iter(_q("Coding")):
                ref = coding.find(_q("CodeRef"))
                if ref is None:
                    continue
                segments.append({"source_guid": guid, "selection_guid": sel.get("guid", ""), "start": start,
                                 "end": end, "code_guid": _require(ref, "targetGUID", name),
                                 "user": coding.get("creatingUser") or sel.get("creatingUser") or ""})
    return sources, segments


def read_qdpx(path: str | Path) -> QdaProject:
    """Read a REFI-QDA project (.qdpx) exported by a QDA tool (or by export_project).

    Args:
        path: the .qdpx file (relative paths start at the project root).
    Returns:
        A QdaProject (sources, codes, segments, users).
    Raises:
        QdaError: not a zip, no or bad project.qde, not REFI-QDA XML, a zip bomb, a missing
            source text, a selection outside its text, a coding of a code the project lacks.
    """
    path = paths.resolve_path(path, Path("project.qdpx"))
    name = paths.display_path(path)
    project, texts = open_archive(path, name)
    root = parse_xml(project, name)
    codes = pd.DataFrame([{"guid": _require(c, "guid", name), "name": _require(c, "name", name),
                           "description": c.findtext(_q("Description")) or ""}
                          for c in root.iter(_q("Code"))], columns=["guid", "name", "description"])
    sources, segments = _read_sources(root, texts, name)
    columns = ["source_guid", "selection_guid", "start", "end", "code_guid", "user"]
    segments = pd.DataFrame(segments, columns=columns).astype({"start": "int64", "end": "int64"})
    stray = sorted(set(segments["code_guid"]) - set(codes["guid"]))
    if stray:
        raise QdaError(f"{name}: a coding refers to code {stray[0]}, which is not in the project's "
                       "codebook; export the project again")
    users = pd.DataFrame([{"guid": _require(u, "guid", name), "name": u.get("name", "")}
                          for u in root.iter(_q("User"))], columns=["guid", "name"])
    return QdaProject(pd.DataFrame(sources, columns=["guid", "name", "doc_id", "text"]), codes,
                      segments, users, name)
