"""Files of every input kind, generated in memory for the tests and the benchmark (own text).

make_pdf writes a report with fpdf2: a running header, page numbers in the footer, a heading,
a word hyphenated across a line end, a footnote in a smaller font, a paragraph running over a
page break and (optionally) a two-column page.
"""

from __future__ import annotations

import io
import zipfile

HEADER = "Observatory of Computing Policy - Working Paper 7"
COLUMN_LEFT = ["Left column opens here and talks", "about compute quotas for regional",
               "universities in Kazan and Tomsk.", "It ends the left column now."]
COLUMN_RIGHT = ["Right column starts with funding", "for sovereign language models and",
                "their evaluation benchmarks.", "It ends the right column here."]


def make_pdf(n_pages: int = 3, two_columns: bool = True, javascript: bool = False,
             password: str = "") -> bytes:
    """A small report as PDF bytes (see the module docstring)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_title("Compute and Sovereignty")
    pdf.set_author("Irina Volkova")
    for page in range(1, n_pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(60, 40, HEADER)
        pdf.text(290, 810, str(page))
        if page == 1:
            pdf.set_font("Helvetica", "B", size=18)
            pdf.text(60, 90, "Compute and Sovereignty")
            _body(pdf, 130, ["Russia plans to expand national compute capacity by 2030, the",
                             "strategy says, with new data centres and domestic artifi-",
                             "cial intelligence chips.[1]"])
            _body(pdf, 190, ["Funding rose sharply in 2024 according to the ministry and",
                             "the first clusters opened in Moscow."])
            _body(pdf, 740, ["Export controls slowed deliveries of accelerators, and the"])
            pdf.set_font("Helvetica", size=7)
            pdf.text(60, 790, "1 Ministry of Digital Development, annual report, 2024.")
        elif page == 2 and two_columns:
            _body(pdf, 90, ["procurement office looked for other suppliers in Asia."])
            _body(pdf, 140, COLUMN_LEFT, x=60)
            _body(pdf, 140, COLUMN_RIGHT, x=320)
        else:
            _body(pdf, 90, [f"Page {page} discusses talent programmes and the migration of",
                            "engineers abroad since 2022."])
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    data = bytes(pdf.output())
    return add_javascript(data) if javascript else data


def add_javascript(data: bytes) -> bytes:
    """The same PDF with a document-level JavaScript action (written with pypdf)."""
    from pypdf import PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.add_open_action(JavaScript("app.alert('this script must never run');"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _body(pdf, y: float, lines: list[str], x: float = 60) -> None:
    pdf.set_font("Helvetica", size=11)
    for i, line in enumerate(lines):
        pdf.text(x, y + 14 * i, line)


def make_long_pdf(n_pages: int) -> bytes:
    """A plain report of ``n_pages`` pages, each with a header, two paragraphs and a page number."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    for page in range(1, n_pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(60, 40, "Annual review of technology policy")
        pdf.text(290, 810, f"Page {page} of {n_pages}")
        _body(pdf, 100, [f"Section {page} reviews the budget for research institutes and",
                         "the number of graduates in machine learning."])
        _body(pdf, 160, ["Officials expect the programme to continue through 2030 with",
                         "additional grants for regional universities."])
    return bytes(pdf.output())


def make_pdf_without_text() -> bytes:
    """A PDF whose only page holds a drawn rectangle and no text (a scan without OCR)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.rect(50, 50, 200, 300, style="F")
    return bytes(pdf.output())


def make_zip_bomb(name: str = "word/document.xml", size: int = 300 * 1024 * 1024) -> bytes:
    """A zip archive whose one member expands to ``size`` bytes of zeros (compressed ~300 KB)."""
    buffer = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with (zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
          archive.open(name, "w", force_zip64=True) as member):
        for _ in range(size // len(chunk)):
            member.write(chunk)
    return buffer.getvalue()


def make_docx(footnote: bool = True) -> bytes:
    """A memo as DOCX: a title, a heading, running text, two list items, a table, a footnote."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Memo on chip imports"
    document.core_properties.author = "Pavel Orlov"
    document.core_properties.language = "en"
    document.add_paragraph("Memo on chip imports", style="Title")
    document.add_heading("Supply routes", level=1)
    document.add_paragraph("Russia imports most accelerators through third countries since 2022.")
    document.add_paragraph("Kazakhstan and Armenia", style="List Bullet")
    document.add_paragraph("the United Arab Emirates", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "year", (0, 1): "units", (1, 0): "2024", (1, 1): "1200"}.items():
        table.cell(row, col).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return add_docx_footnote(data, "Customs statistics, second quarter.") if footnote else data


def add_docx_footnote(data: bytes, note: str) -> bytes:
    """The DOCX with a footnotes part holding one footnote (python-docx does not write them)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    rel = ('<Relationship Id="rIdFoot1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/footnotes" Target="footnotes.xml"/>')
    override = ('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.wordprocessingml.footnotes+xml"/>')
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", override.encode() + b"</Types>")
            out.writestr(item, content)
        out.writestr("word/footnotes.xml", footnotes)
    return buffer.getvalue()


def make_odt() -> bytes:
    """A short OpenDocument text: a heading, a paragraph with a note, a list item, a table row."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body>'
               '<office:text><text:h text:outline-level="1">Regional compute</text:h>'
               '<text:p>Novosibirsk opened a supercomputer centre in 2023.<text:note text:id="n1" '
               'text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
               '<text:p>Press release of the centre.</text:p></text:note-body></text:note></text:p>'
               '<text:list><text:list-item><text:p>graphics processors from stock</text:p></text:list-item>'
               '</text:list><table:table><table:table-row><table:table-cell><text:p>2023</text:p>'
               '</table:table-cell><table:table-cell><text:p>40 petaflops</text:p></table:table-cell>'
               '</table:table-row></table:table></office:text></office:body></office:document-content>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Regional compute'
            '</dc:title><dc:language>en</dc:language></office:meta></office:document-meta>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta)
    return buffer.getvalue()


RTF_NOTE = (rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}"
            rb"{\b Sovereign models}\par "
            rb"Yandex released a new model in 2025.\par "
            rb"\'cc\'ee\'e4\'e5\'eb\'fc \'e2\'fb\'f8\'eb\'e0.\par }")


NEXIS_ARTICLES = [
    ("Moscow sets out a plan for national compute", "The Northern Ledger", "March 12, 2024 Tuesday",
     "WORLD; Pg. 5", "Anna Petrova", ["Russia will build three new data centres by 2026, officials said.",
                                       "The plan relies on domestic chips for the first time."]),
    ("Sanctions slow delivery of accelerators", "Business Wire Weekly", "April 2, 2024",
     "TECHNOLOGY", "", ["Importers reported delays of up to six months for graphics processors."]),
]


def nexis_text(articles=NEXIS_ARTICLES, drop_end: int | None = None, bad_date: int | None = None) -> str:
    """A Nexis Uni export as plain text: a cover list, then each document's head, fields, body and
    classification, ending with 'End of Document' (left out after document ``drop_end``)."""
    out = ["Documents (2)", "Client/Matter: -None-", "Search Terms: russia AND compute", ""]
    for i, (title, source, date, section, byline, body) in enumerate(articles, start=1):
        words = sum(len(p.split()) for p in body)
        out += [title, source, "not a date" if i == bad_date else date,
                f"Copyright 2024 {source} All Rights Reserved", "", f"Section: {section}",
                f"Length: {words} words"]
        out += [f"Byline: {byline}"] if byline else []
        out += ["", "Body", ""] + [line for p in body for line in (p, "")]
        out += ["Classification", "", "Language: ENGLISH", "", "Publication-Type: Newspaper", "",
                f"Load-Date: {date}", ""]
        if i != drop_end:
            out += ["End of Document", ""]
    return "\n".join(out)


FACTIVA_ARTICLES = [
    ("Yandex opens a model to researchers", "Ivan Sokolov", "312 words", "5 May 2025", "Tech Daily Review",
     "Markets", "English", ["Yandex published weights of a language model for research use."],
     ["Analysts compared it with open models from China."], "TECHDR0020250505el550000a"),
    ("Сбер представил новую модель", "", "150 words", "20 June 2025", "Деловая газета", "",
     "Russian", ["Сбер представил модель для бизнеса."], [], "DELGAZ0020250620el6k0000b"),
]


def factiva_text(articles=FACTIVA_ARTICLES, drop_separator: int | None = None) -> str:
    """A Factiva export ("Full Article/Report plus Indexing") as plain text; the 'Document' line
    after article ``drop_separator`` is left out."""
    out = []
    for i, (hd, by, wc, pd_, sn, se, la, lp, td, an) in enumerate(articles, start=1):
        out += ["", "HD", hd, ""] + (["BY", by, ""] if by else []) + ["WC", wc, "", "PD", pd_, "",
                                                                     "SN", sn, "", "SC", an[:6], ""]
        out += (["SE", se, ""] if se else []) + ["LA", la, "", "CY", "(c) 2025 the publisher", "",
                                                 "LP", ""] + [line for p in lp for line in (p, "")]
        out += (["TD", ""] + [line for p in td for line in (p, "")] if td else [])
        out += ["NS", "gtech : Technology", ""]
        if i != drop_separator:
            out += ["AN", f"Document {an}", ""]
    return "\n".join(out)


def rtf_from_text(text: str) -> bytes:
    """The text as an RTF file (non-ASCII characters as \\uN escapes, one \\par per line)."""
    def escape(line: str) -> str:
        line = line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"
                       for c in line)
    body = "".join(escape(line) + "\\par\n" for line in text.split("\n"))
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "}").encode("ascii")


def docx_from_text(text: str) -> bytes:
    """The text as a DOCX, one paragraph per line (blank lines left out)."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def factiva_html(text: str) -> str:
    """A Factiva export as HTML: each field code and value in a table row."""
    rows = []
    for line in text.split("\n"):
        if line.strip():
            tag = "b" if len(line) == 2 and line.isupper() else "span"
            rows.append(f"<tr><td><{tag}>{line}</{tag}></td></tr>")
    return "<html><head><title>Factiva</title></head><body><table>" + "".join(rows) + "</table></body></html>"
