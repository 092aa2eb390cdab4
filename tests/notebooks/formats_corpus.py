"""The seed articles plus one file of every other input kind (PDF, DOCX, ODT, RTF, a Nexis export,
a Factiva export, a table of articles, a reference library with attachments) and a few hostile
ones, built in a temporary folder for the notebook sweep and the loading tests."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from helpers import paths
from tests.corpus.format_fixtures import (
    RTF_NOTE,
    docx_from_text,
    factiva_html,
    factiva_text,
    make_docx,
    make_odt,
    make_pdf,
    nexis_text,
)

TABLE_CSV = ("story,headline,body,date\n"
             "s1,Compute quotas,\"Universities in Tomsk received compute quotas in 2025. "
             "Sanctions on chips slowed the rollout.\",2025-02-03\n"
             "s2,Talent,Engineers returned to Moscow after 2024 as salaries rose.,2024-12\n")
LIBRARY_BIB = r"""@report{volkova2024,
  title = {Compute and Sovereignty},
  author = {Volkova, Irina},
  date = {2024-03},
  institution = {Observatory of Computing Policy},
  file = {Full Text PDF:files/1/report.pdf:application/pdf}
}
@article{gone2023,
  title = {An item whose file is gone},
  year = {2023},
  file = {Full Text:files/2/gone.pdf:application/pdf}
}
"""
NEW_FILES = {
    "101_report.pdf": make_pdf,
    "102_memo.docx": make_docx,
    "103_regional.odt": make_odt,
    "104_note.rtf": lambda: RTF_NOTE,
    "105_nexis.docx": lambda: docx_from_text(nexis_text()),
    "106_factiva.html": lambda: factiva_html(factiva_text()).encode("utf-8"),
    "107_stories.csv": lambda: TABLE_CSV.encode("utf-8"),
    "107_stories.csv.yaml": lambda: b"text: body\ntitle: headline\npublished: date\nid: story\n",
    "108_library.bib": lambda: LIBRARY_BIB.encode("utf-8"),
    "109_damaged.pdf": lambda: make_pdf()[:300],
    "110_locked.pdf": lambda: make_pdf(password="secret"),
}
EXPECTED_DOC_IDS = ["101", "102", "103", "104", "105-001", "105-002", "106-001", "106-002",
                    "107-s1", "107-s2", "108-volkova2024"]
EXPECTED_PROBLEMS = [
    "108_library.bib: record 2 (gone2023): attachment 'files/2/gone.pdf' not found; skipped",
    "109_damaged.pdf: not a readable PDF",
    "110_locked.pdf: encrypted PDF (needs a password); skipped",
]


def build_formats_corpus(folder: Path) -> tuple[Path, Path]:
    """Copy the seeds and write every other kind of file with a manifest; return (articles, manifest)."""
    articles = folder / "articles"
    shutil.copytree(paths.ARTICLES_DIR, articles)
    for name, make in NEW_FILES.items():
        (articles / name).write_bytes(make())
    (articles / "files" / "1").mkdir(parents=True)
    (articles / "files" / "1" / "report.pdf").write_bytes(make_pdf(n_pages=4))
    manifest = folder / "manifest.csv"
    shutil.copyfile(paths.MANIFEST_PATH, manifest)
    with manifest.open("a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        for name in NEW_FILES:
            if not name.endswith(".yaml"):
                writer.writerow([name[:3], name] + [""] * 8 + ["report" if name.endswith("pdf") else "news",
                                                               "", ""])
    return articles, manifest
