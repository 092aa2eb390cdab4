"""The comparisons notebook with other parameters: another grouping, a subset, a researcher's own
manifest column and gazetteer."""

import csv
import re

import nbformat

from helpers import paths
from tests.notebooks.notebook_tools import output_text, run_notebook


def cell_output(nb: nbformat.NotebookNode, cell_id: str) -> str:
    """The text/plain output of one code cell."""
    cell = next(c for c in nb.cells if c.get("id") == cell_id)
    return "\n".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)


def test_comparisons_by_source_type_on_a_subset(tmp_path):
    nb = run_notebook("04_comparisons", {"group_by": "source_type", "documents": ["002", "003", "004"],
                                         "n_terms": 4}, tmp_path)
    text = output_text(nb)
    figures = tmp_path / "reports" / "figures"
    assert (figures / "compare_distinctive_terms_by_source_type.png").is_file()
    assert (figures / "compare_stance_by_source_type.png").is_file()
    assert (figures / "compare_document_similarity.png").is_file()
    assert "think_tank" in text and "news" in text and "blog" not in text
    assert "003-p10-s01" in text and "004-p02-s01" in text  # the shared launch sentences
    assert "80.9 RUB/USD" in text
    assert "Mishustin" not in text and "mtsoln" not in text  # 000 and 001 are left out


def test_comparisons_by_a_researchers_own_column_with_a_small_gazetteer(tmp_path):
    manifest = tmp_path / "manifest.csv"
    with paths.MANIFEST_PATH.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[*rows[0], "camp"], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row | {"camp": "official" if row["doc_id"] == "001" else "critical"})
    gazetteer = tmp_path / "gazetteer.csv"
    gazetteer.write_text("entity,type,country,aliases,note\nRussia,country,Russia,Russia|Russian,\n"
                         "AI,ignore,,AI,\n", encoding="utf-8")
    nb = run_notebook("04_comparisons", {"manifest_path": str(manifest), "group_by": "camp",
                                         "gazetteer_path": str(gazetteer), "bigrams": False,
                                         "entity_types": ["country"]}, tmp_path)
    text = output_text(nb)
    assert "official" in text and "critical" in text
    discovered = cell_output(nb, "code-11")  # the small gazetteer lacks them: they are discovered
    assert "Mishustin" in discovered and "Gigachat" in discovered and "Sberbank" in discovered
    top_terms = cell_output(nb, "code-06")
    assert "official" in top_terms and not re.search(r"[a-z]+ [a-z]+ \(\d", top_terms)  # no bigrams
    matrix = cell_output(nb, "code-10")
    assert "Russia" in matrix and "Putin" not in matrix
    assert (tmp_path / "reports" / "figures" / "compare_stance_by_camp.png").is_file()
