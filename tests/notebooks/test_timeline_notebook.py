"""03_timeline with non-default parameters (papermill into a temporary folder)."""

from tests.notebooks.notebook_tools import output_text, run_notebook


def test_timeline_notebook_with_a_narrow_range_and_only_targets(tmp_path):
    nb = run_notebook("03_timeline", {"date_from": "2026", "date_to": "2030", "kinds": ["target"]},
                      tmp_path)
    text = output_text(nb)
    assert "003-p25-s03" in text and "by 2026" in text  # 2026 is inside the range
    assert text.count("BEFORE") >= 5  # four "by 2030" and one "by 2026" in the statements table
    assert "early 2025" not in text  # a past event, and before the range
    assert "The coming years" not in text  # vague: not among the chosen kinds
    assert "2025-09-29" in text  # the publication table is still shown
    assert (tmp_path / "reports" / "figures" / "timeline_by_source.png").is_file()


def test_timeline_notebook_with_past_and_vague_kinds_a_subset_and_no_publication_dates(tmp_path):
    nb = run_notebook("03_timeline", {"documents": ["003", "004"], "kinds": ["past", "vague"],
                                      "show_publication": False, "date_from": "2020-01",
                                      "date_to": "2025-12-31"}, tmp_path)
    text = output_text(nb)
    assert "Set show_publication = True" in text
    assert "early 2025" in text and "003-p19-s03" in text
    assert "The coming years" in text and "004-p31-s03" in text
    assert "by 2030" not in text and "by 2026" not in text  # targets are not among the kinds
    assert "mtsoln.com" not in text and "socialbites.ca" not in text  # only 003 and 004 loaded
