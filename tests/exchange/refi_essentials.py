"""The essentials of a REFI-QDA project (.qde) and codebook (.qdc), checked without shipping the
standard's schemas: the namespace, the order of the top-level parts, the attributes each element
must carry, GUIDs (well formed, unique, every reference resolving), colours, and every selection
inside its source text. Written from the REFI-QDA 1.5 documentation (QDA-XML 1.0,
<https://www.qdasoftware.org/>); each problem is one line."""

from __future__ import annotations

import re

from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_PARTS = ("Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets",
                 "Graphs", "Description")
REQUIRED = {
    "Project": ("name",),
    "User": ("guid",),
    "Code": ("guid", "name", "isCodable"),
    "Variable": ("guid", "name", "typeOfVariable"),
    "TextSource": ("guid",),
    "PlainTextSelection": ("guid", "startPosition", "endPosition"),
    "Coding": ("guid",),
    "CodeRef": ("targetGUID",),
}
GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
VARIABLE_TYPES = {"Text", "Boolean", "Integer", "Float", "Date", "DateTime"}


def local(el: etree._Element) -> str:
    return etree.QName(el).localname


def check_codes(root: etree._Element, ns: str) -> list[str]:
    """Problems with the codes: required attributes, isCodable, colours."""
    out = []
    for code in root.iter(f"{{{ns}}}Code"):
        if code.get("isCodable") not in ("true", "false"):
            out.append(f"Code {code.get('guid')}: isCodable is {code.get('isCodable')!r}, not true/false")
        if code.get("color") is not None and not COLOR_RE.match(code.get("color")):
            out.append(f"Code {code.get('guid')}: color {code.get('color')!r} is not #RRGGBB")
    return out


def check_common(root: etree._Element, ns: str) -> list[str]:
    """Problems every file shares: namespace, required attributes, GUIDs."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if etree.QName(el).namespace != ns:
            out.append(f"{el.tag}: outside the namespace {ns}")
        for attr in REQUIRED.get(local(el), ()):
            if el.get(attr) is None:
                out.append(f"{local(el)}: required attribute {attr} missing")
    guids = [el.get("guid") for el in root.iter() if isinstance(el.tag, str) and el.get("guid")]
    out += [f"GUID {g!r} is not well formed" for g in guids if not GUID_RE.match(g)]
    out += [f"GUID {g} is used twice" for g in sorted({g for g in guids if guids.count(g) > 1})]
    return out + check_codes(root, ns)


def check_codebook(root: etree._Element) -> list[str]:
    """Problems with a .qdc codebook."""
    if root.tag != f"{{{CODEBOOK_NS}}}CodeBook":
        return [f"root element {root.tag}, not CodeBook in {CODEBOOK_NS}"]
    return check_common(root, CODEBOOK_NS)


def check_project(root: etree._Element, texts: dict[str, str]) -> list[str]:
    """Problems with a .qde project whose source texts (by plainTextPath) are ``texts``."""
    if root.tag != f"{{{PROJECT_NS}}}Project":
        return [f"root element {root.tag}, not Project in {PROJECT_NS}"]
    out = check_common(root, PROJECT_NS)
    parts = [local(el) for el in root if isinstance(el.tag, str)]
    if [p for p in PROJECT_PARTS if p in parts] != parts:
        out.append(f"top-level parts {parts} are not in the order {list(PROJECT_PARTS)}")
    q = f"{{{PROJECT_NS}}}"
    users = {u.get("guid") for u in root.iter(f"{q}User")}
    codes = {c.get("guid") for c in root.iter(f"{q}Code")}
    for el in root.iter():
        for attr in ("creatingUser", "creatingUserGUID"):
            if isinstance(el.tag, str) and el.get(attr) and el.get(attr) not in users:
                out.append(f"{local(el)}: {attr} {el.get(attr)} names no User")
    out += [f"CodeRef to {r.get('targetGUID')}: no such Code" for r in root.iter(f"{q}CodeRef")
            if r.get("targetGUID") not in codes]
    out += [f"Variable {v.get('name')}: type {v.get('typeOfVariable')!r} unknown"
            for v in root.iter(f"{q}Variable") if v.get("typeOfVariable") not in VARIABLE_TYPES]
    for source in root.iter(f"{q}TextSource"):
        out += check_selections(source, texts.get(source.get("plainTextPath", "")))
    return out


def check_selections(source: etree._Element, text: str | None) -> list[str]:
    """Problems with one text source's selections: integer positions inside its text, each coded."""
    name = source.get("name") or source.get("guid")
    if text is None:
        return [f"TextSource {name}: its plain text {source.get('plainTextPath')!r} is not in the project"]
    out = []
    for sel in source.iter(f"{{{PROJECT_NS}}}PlainTextSelection"):
        try:
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
        except (TypeError, ValueError):
            out.append(f"PlainTextSelection {sel.get('guid')}: positions are not integers")
            continue
        if not 0 <= start <= end <= len(text):
            out.append(f"PlainTextSelection {sel.get('guid')}: {start}-{end} outside a text of {len(text)}")
        if not len(sel.findall(f"{{{PROJECT_NS}}}Coding")):
            out.append(f"PlainTextSelection {sel.get('guid')}: no Coding")
    return out
