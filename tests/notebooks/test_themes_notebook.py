"""02_themes runs with a researcher's own small codebook, with a subset of documents and themes,
and stops with a clear message when asked to read a theme the codebook does not have."""

import re

import pytest

from tests.notebooks.notebook_tools import output_text, run_notebook

OWN_CODEBOOK = """
themes:
  - id: sanctions
    label: Sanctions only
    definition: the word sanctions and nothing else
    include: [sanction*]
  - id: hardware
    label: Hardware
    definition: chips and the machines that run AI
    include:
      en: [chip*, microchip*, semiconductor*, data cent*]
"""


def test_themes_notebook_with_a_researchers_own_codebook_by_paragraph(tmp_path):
    codebook = tmp_path / "own_codebook.yaml"
    codebook.write_text(OWN_CODEBOOK, encoding="utf-8")
    nb = run_notebook("02_themes", {"codebook_path": str(codebook), "unit": "paragraph",
                                    "read_theme": "hardware", "n_topics": 3}, tmp_path)
    text = output_text(nb)
    assert "Sanctions only" in text and "Hardware" in text
    assert "sovereignty" not in text and "talent_brain_drain" not in text
    # 003-p17: "...due to Western sanctions that restrict access to advanced microchips..."
    assert "para_id" in text and "003-p17" in text
    assert "microchips" in text
    # validation scores only the themes this codebook shares with the hand-coded sample
    assert re.search(r"all themes \(micro\)\s+157\b", text)
    assert "T3" in text and "T4" not in text
    for name in ("themes_by_document", "themes_cooccurrence"):
        assert (tmp_path / "reports" / "figures" / f"{name}.png").is_file()


def test_themes_notebook_with_a_subset_of_documents_and_themes(tmp_path):
    nb = run_notebook("02_themes", {"documents": ["002", "004"],
                                    "theme_ids": ["sanctions", "global_competition", "defense_security"],
                                    "read_theme": "global_competition", "n_topics": 4}, tmp_path)
    text = output_text(nb)
    assert "mtsoln.com" not in text and "COINOTAG" not in text
    assert "002 Ifri" in text and "004 publisher unknown" in text
    assert "outsider" in text  # 002: Russia "looks like an “outsider” compared to the two ... leaders"
    assert "talent_brain_drain" not in text
    # 7 + 46 sentences of the two documents, 3 themes each
    assert re.search(r"all themes \(micro\)\s+159\b", text)


def test_themes_notebook_names_the_known_themes_for_an_unknown_read_theme(tmp_path):
    with pytest.raises(Exception, match="unknown theme 'chips'"):
        run_notebook("02_themes", {"read_theme": "chips"}, tmp_path)
