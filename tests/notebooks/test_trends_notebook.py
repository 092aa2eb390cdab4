"""05_trends on a generated dated corpus (300 articles, 2019-2026, mixed date precision, a known
rise of sanctions after 2022-02-24), through papermill parameters."""

import csv

import nbformat
import pytest

from benchmarks import generate
from tests.notebooks.notebook_tools import output_text, run_notebook


def cell_text(nb: nbformat.NotebookNode, cell_id: str, kind: str = "text/plain") -> str:
    cell = next(c for c in nb.cells if c.get("id") == cell_id)
    return "\n".join(o.get("data", {}).get(kind, "") for o in cell.outputs)


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    articles, manifest, _ = generate.generate_corpus(300, tmp_path_factory.mktemp("dated"), dated=True)
    with manifest.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return articles, manifest, rows


def test_trends_by_quarter_and_source_type_on_a_dated_corpus(dated, tmp_path):
    articles, manifest, rows = dated
    precision = [r["date_precision"] for r in rows]
    nb = run_notebook("05_trends", {"articles_dir": str(articles), "manifest_path": str(manifest),
                                    "period": "quarter", "group_by": "source_type",
                                    "theme_ids": ["sanctions", "compute_chips"]}, tmp_path)
    text = output_text(nb)
    n_placed = precision.count("day") + precision.count("month")
    assert f"{n_placed} of 300 documents are placed in quarters, from 2019-Q1 to 2026-Q2" in text
    assert f"{precision.count('')} undated" in text
    assert f"{precision.count('year')} dated only to the year: not placed in a quarter" in text
    themes = cell_text(nb, "code-18", "text/html")  # before / after 2022-02-24, Fisher's test on articles
    rows = {r.split("<td>")[1].split("</td>")[0]: r for r in themes.split("<tr>") if "<td>" in r}
    assert "<td>rose</td>" in rows["sanctions"]  # the generator's known rise
    assert "<td>rose</td>" not in rows["compute_chips"] and "<td>fell</td>" not in rows["compute_chips"]
    for group in ("news", "blog", "think_tank"):
        assert group in cell_text(nb, "code-09")
    figures = tmp_path / "reports" / "figures"
    for name in ("articles_per_period", "theme_share_per_period", "mentions_per_period", "stance_per_period"):
        assert (figures / f"trends_{name}.png").is_file()


def test_trends_by_week_in_a_narrow_range_never_places_a_month_in_a_week(dated, tmp_path):
    articles, manifest, rows = dated
    in_2023 = [r for r in rows if r["published"].startswith("2023")]
    nb = run_notebook("05_trends", {"articles_dir": str(articles), "manifest_path": str(manifest),
                                    "period": "week", "date_from": "2023", "date_to": "2023",
                                    "split_event": "2023-07", "entity_names": []}, tmp_path)
    text = output_text(nb)
    days = sum(r["date_precision"] == "day" for r in in_2023)
    months = sum(r["date_precision"] == "month" for r in in_2023)
    assert f"{days} of 300 documents are placed in weeks" in text
    assert f"{months} dated only to the month: not placed in a week" in text
    assert "outside the date range" in text
    assert "2022-" not in cell_text(nb, "code-16") and "2024-" not in cell_text(nb, "code-16")
