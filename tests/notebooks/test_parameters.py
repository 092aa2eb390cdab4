"""Notebook parameters: every one is typed in its parameters cell and checked before anything runs;
a wrong value is one line naming the parameter, the value given and the form expected."""

import json
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from helpers import compare, params

NOTEBOOKS = sorted(Path(__file__).resolve().parents[2].joinpath("notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("values, annotations, message", [
    ({"documents": "002"}, {"documents": list[str]},
     """parameter documents: got "002" (str); expected a list of strings, e.g. -y 'documents: ["002"]'"""),
    ({"n_terms": "10"}, {"n_terms": int},
     """parameter n_terms: got "10" (str); expected a whole number, e.g. -y 'n_terms: 10'"""),
    ({"bigrams": 1}, {"bigrams": bool},
     """parameter bigrams: got 1 (int); expected true or false, e.g. -y 'bigrams: true'"""),
    ({"kinds": ["past", 3]}, {"kinds": list[str]},
     """parameter kinds: got ["past", 3] (list); expected a list of strings, e.g. -y 'kinds: ["..."]'"""),
])
def test_a_parameter_of_the_wrong_type_is_one_line(values, annotations, message):
    with pytest.raises(params.ParameterError) as info:
        params.check_parameters(values, annotations)
    assert str(info.value) == message


def test_parameters_of_the_right_type_pass():
    params.check_parameters({"alpha0": 1000, "documents": [], "unit": "sentence", "show": False},
                            {"alpha0": float, "documents": list[str], "unit": str, "show": bool})


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_parameter_is_typed_and_checked_right_after_the_parameters_cell(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    at = next(i for i, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", []))
    lines = [ln for ln in "".join(cells[at]["source"]).splitlines() if ln.strip()]
    assert lines and all(": " in ln.split("=")[0] and "  # " in ln for ln in lines), lines
    assert "".join(cells[at + 1]["source"]).startswith("params.check_parameters(globals(), __annotations__)")


def test_papermill_help_shows_the_types():
    done = subprocess.run([str(Path(__file__).resolve().parents[2] / ".venv/bin/papermill"),
                           "--help-notebook", str(NOTEBOOKS[0])], capture_output=True, text=True)
    assert "Unknown type" not in done.stdout
    assert "documents: list[str] (default [])" in done.stdout


def test_an_unknown_group_by_column_lists_the_columns():
    documents = pd.DataFrame({"doc_id": ["001"], "publisher": ["Ifri"], "n_words": [3]})
    with pytest.raises(compare.distinctive.GroupingError) as info:
        compare.describe_groups(documents, by="no_such_column")
    assert str(info.value) == ("group_by: no documents column 'no_such_column'; group by one of: "
                               "doc_id, publisher, n_words")
