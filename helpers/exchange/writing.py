"""Write a REFI-QDA project (.qdpx) and codebook (.qdc) that QualCoder, MAXQDA, NVivo, ATLAS.ti
and other tools implementing the REFI-QDA standard (www.qdasoftware.org) can open.

A .qdpx is a zip holding ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0`` namespace) and
the source texts under ``sources/`` (UTF-8, referred to as ``internal://<guid>.txt``). Every GUID
is derived from what it names (uuid5 of ``source:003``, ``code:sanctions``, ...), and the zip
entries carry a fixed date, so the same corpus and coding always give the same bytes.
"""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pandas as pd
from lxml import etree

from helpers import paths
from helpers.exchange.texts import build_source_texts, locate_matches, locate_sentences

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
GUID_NAMESPACE = uuid.UUID("5b0d6a9e-3f43-5d1e-9a57-2c0f1e7a4b11")  # this workbook's own
ORIGIN = "Russia in the global AI race research workbook (helpers.exchange)"
SOURCES_FOLDER = "sources/"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
VARIABLES = ["doc_id", "title", "author", "publisher", "published", "url", "language", "source_type"]
# One colour per theme, in codebook order (repeated after 20 themes).
COLOURS = ["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
           "#BCBD22", "#17BECF", "#AEC7E8", "#FFBB78", "#98DF8A", "#FF9896", "#C5B0D5", "#C49C94",
           "#F7B6D2", "#C7C7C7", "#DBDB8D", "#9EDAE5"]


def make_guid(kind: str, key: str) -> str:
    """A stable GUID for one thing of the project (``make_guid('code', 'sanctions')``)."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{key}"))


def describe_codes(codebook) -> pd.DataFrame:
    """The codebook's themes as REFI-QDA codes.

    Returns:
        theme, guid, name (the theme's label), description (definition, then the theme id),
        color; one row per theme in codebook order.
    """
    t = codebook.themes
    return pd.DataFrame({
        "theme": t["theme"].to_numpy(), "guid": [make_guid("code", x) for x in t["theme"]],
        "name": t["label"].to_numpy(),
        "description": (t["definition"] + " [theme id: " + t["theme"] + "]").to_numpy(),
        "color": [COLOURS[i % len(COLOURS)] for i in range(len(t))],
    })


def _q(tag: str, ns: str = PROJECT_NS) -> str:
    return f"{{{ns}}}{tag}"


def _add_codes(parent: etree._Element, codes: pd.DataFrame, ns: str) -> None:
    codes_el = etree.SubElement(parent, _q("Codes", ns))
    for code in codes.itertuples(index=False):
        el = etree.SubElement(codes_el, _q("Code", ns), guid=code.guid, name=code.name,
                              isCodable="true", color=code.color)
        etree.SubElement(el, _q("Description", ns)).text = code.description


def build_codebook_xml(codebook) -> bytes:
    """The codebook alone as a REFI-QDA codebook (.qdc) document."""
    root = etree.Element(_q("CodeBook", CODEBOOK_NS), nsmap={None: CODEBOOK_NS}, origin=ORIGIN)
    _add_codes(root, describe_codes(codebook), CODEBOOK_NS)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def segment_codings(codings: pd.DataFrame, sentences: pd.DataFrame, paragraphs: pd.DataFrame,
                    level: str = "sentence") -> pd.DataFrame:
    """The coded segments to export: one per coded sentence (or per theme match), with its
    position in the source text and the themes coded there.

    Args:
        codings: doc_id, sent_id, theme, plus start/end (offsets in the sentence) for
            ``level="match"`` (themes.code_sentences output, or a hand-coded sample's positives).
        level: 'sentence' (the whole sentence is the segment) or 'match' (the matched words).
    Returns:
        doc_id, sent_id, start, end, theme; one row per segment x theme, in corpus order.
    """
    if level == "sentence":
        spans = locate_sentences(sentences, paragraphs)
        pairs = codings[["sent_id", "theme"]].drop_duplicates()
        out = spans.merge(pairs, on="sent_id")[["doc_id", "sent_id", "start", "end", "theme"]]
    elif level == "match":
        out = locate_matches(codings, sentences, paragraphs).drop_duplicates()
        out = out[["doc_id", "sent_id", "start", "end", "theme"]]
    else:
        raise ValueError(f"level: '{level}' is not one of sentence, match")
    return out.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def _add_sources(root, texts, documents, segments, codes, user_guid) -> None:
    code_guid = codes.set_index("theme")["guid"]
    variable_guid = {v: make_guid("variable", v) for v in VARIABLES}
    meta = documents.set_index("doc_id", drop=False)
    sources_el = etree.SubElement(root, _q("Sources"))
    by_doc = dict(tuple(segments.groupby("doc_id", sort=False)))
    for doc in texts.itertuples(index=False):
        guid = make_guid("source", doc.doc_id)
        title = str(meta.at[doc.doc_id, "title"]) if doc.doc_id in meta.index else ""
        src = etree.SubElement(sources_el, _q("TextSource"), guid=guid,
                               name=f"{doc.doc_id} {title}".strip(),
                               plainTextPath=f"internal://{guid}.txt", creatingUser=user_guid)
        part = by_doc.get(doc.doc_id, segments.iloc[:0])
        for (start, end), seg in part.groupby(["start", "end"], sort=False):
            key = f"{doc.doc_id}:{start}:{end}"
            sel = etree.SubElement(src, _q("PlainTextSelection"), guid=make_guid("selection", key),
                                   name=str(seg["sent_id"].iloc[0]), startPosition=str(start),
                                   endPosition=str(end), creatingUser=user_guid)
            for theme in seg["theme"]:
                coding = etree.SubElement(sel, _q("Coding"), guid=make_guid("coding", f"{key}:{theme}"),
                                          creatingUser=user_guid)
                etree.SubElement(coding, _q("CodeRef"), targetGUID=code_guid[theme])
        for variable in VARIABLES:
            known = doc.doc_id in meta.index and variable in meta
            value = str(meta.at[doc.doc_id, variable]) if known else ""
            vv = etree.SubElement(src, _q("VariableValue"))
            etree.SubElement(vv, _q("VariableRef"), targetGUID=variable_guid[variable])
            etree.SubElement(vv, _q("TextValue")).text = value


def build_project_xml(texts: pd.DataFrame, documents: pd.DataFrame, segments: pd.DataFrame,
                      codebook, user: str, name: str) -> bytes:
    """The ``project.qde`` document: users, codebook, variables and text sources with codings.

    Args:
        texts: build_source_texts output. documents: c.documents (metadata variables).
        segments: segment_codings output. codebook: from themes.load_codebook.
        user: the name of the coder who made the codings. name: the project's name.
    """
    user_guid = make_guid("user", user)
    root = etree.Element(_q("Project"), nsmap={None: PROJECT_NS}, name=name, origin=ORIGIN,
                         creatingUserGUID=user_guid)
    users = etree.SubElement(root, _q("Users"))
    etree.SubElement(users, _q("User"), guid=user_guid, name=user)
    codes = describe_codes(codebook)
    unknown = sorted(set(segments["theme"]) - set(codes["theme"]))
    if unknown:
        raise ValueError(f"codings: theme '{unknown[0]}' is not in the codebook {codebook.source}")
    _add_codes(etree.SubElement(root, _q("CodeBook")), codes, PROJECT_NS)
    variables = etree.SubElement(root, _q("Variables"))
    for variable in VARIABLES:
        etree.SubElement(variables, _q("Variable"), guid=make_guid("variable", variable), name=variable,
                         typeOfVariable="Text")
    _add_sources(root, texts, documents, segments, codes, user_guid)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _write_zip(path: Path, members: list[tuple[str, bytes]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members:
            info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)


def export_project(path: str | Path, c, codebook, codings: pd.DataFrame, *, level: str = "sentence",
                   user: str = "Automatic coder", name: str = "Russia in the global AI race") -> Path:
    """Write the corpus and its coding as a REFI-QDA project (.qdpx).

    Args:
        path: the .qdpx to write (relative paths start at the project root); its folder is created.
        c: the corpus (documents, paragraphs, sentences). codebook: the themes (codes).
        codings: doc_id, sent_id, theme (+ start, end for level 'match'): themes.code_sentences
            output, or the positives of a hand-coded sample.
        level: 'sentence' or 'match' (see segment_codings). user: who coded. name: project name.
    Returns:
        The path written.
    """
    path = paths.resolve_path(path, Path("project.qdpx"))
    if path.suffix.lower() != ".qdpx":
        raise ValueError(f"{paths.display_path(path)}: a REFI-QDA project ends in .qdpx; name it so")
    texts = build_source_texts(c.paragraphs)
    segments = segment_codings(codings, c.sentences, c.paragraphs, level)
    project = build_project_xml(texts, c.documents, segments, codebook, user, name)
    members = [("project.qde", project)]
    members += [(f"{SOURCES_FOLDER}{make_guid('source', d)}.txt", t.encode("utf-8"))
                for d, t in zip(texts["doc_id"], texts["text"])]
    _write_zip(path, members)
    return path


def export_codebook(path: str | Path, codebook) -> Path:
    """Write the codebook alone as a REFI-QDA codebook (.qdc); returns the path written."""
    path = paths.resolve_path(path, Path("codebook.qdc"))
    if path.suffix.lower() != ".qdc":
        raise ValueError(f"{paths.display_path(path)}: a REFI-QDA codebook ends in .qdc; name it so")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_codebook_xml(codebook))
    return path
