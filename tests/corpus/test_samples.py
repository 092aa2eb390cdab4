"""The hand-coded sample in every language: reading, checking, turning into corpus tables."""

import re

import pandas as pd
import pytest

from helpers.corpus import samples


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_reads_every_language_file_with_ids(tmp_path):
    write(tmp_path, "de.csv", "doc,sent,split,stance,themes,text\n"
          "de-01,1,dev,behind,sanctions compute_chips,\"Sanktionen, Chips.\"\nde-01,2,dev,neutral,,Nichts.\n")
    write(tmp_path, "ru.csv", "doc,sent,split,stance,themes,text\n"
          "ru-01,1,heldout,ahead,domestic_models,Сбер.\n")
    write(tmp_path, "notes.csv", "ignored\n")
    sample = samples.load_language_samples(tmp_path)
    assert sample["sent_id"].tolist() == ["de-01-s01", "de-01-s02", "ru-01-s01"]
    assert sample["language"].tolist() == ["de", "de", "ru"]
    assert sample["themes"].tolist() == ["sanctions compute_chips", "", "domestic_models"]
    assert sample["text"].iloc[0] == "Sanktionen, Chips."
    sentences, documents = samples.sample_tables(sample)
    assert documents.to_dict("records") == [{"doc_id": "de-01", "language": "de"},
                                            {"doc_id": "ru-01", "language": "ru"}]
    assert sentences["end"].tolist() == [18, 7, 5]
    summary = samples.summarise_samples(sample)
    assert summary[["language", "split", "n_sentences", "n_coded"]].values.tolist() == [
        ["de", "dev", 2, 1], ["ru", "heldout", 1, 1]]


@pytest.mark.parametrize("body, message", [
    ("de-01,1,test,behind,,x\n", "split 'test' is not one of dev, heldout"),
    ("de-01,1,dev,up,,x\n", "stance 'up'"),
    ("de-01,1,dev,up,,x,y\n", "quote texts that contain commas"),
    ("de-01,1,dev,neutral,,x\nde-01,1,dev,neutral,,y\n", "row 3 (de-01): sentence given twice"),
    ("de-01,1,dev,neutral,,x\nde-01,2,heldout,neutral,,y\n", "article split across dev and heldout"),
])
def test_bad_rows_are_one_line_errors(tmp_path, body, message):
    write(tmp_path, "de.csv", "doc,sent,split,stance,themes,text\n" + body)
    with pytest.raises(samples.LanguageSampleError, match=re.escape(message)) as info:
        samples.load_language_samples(tmp_path)
    assert "de.csv" in str(info.value) and "\n" not in str(info.value)


def test_shipped_sample_sizes():
    sample = samples.load_language_samples()
    counts = sample.groupby("language").size()
    assert counts["ru"] >= 150
    assert set(counts.index) == {"ru", "uk", "en", "de", "fr", "es", "it", "pt", "zh", "ar"}
    assert (counts >= 60).all()
    assert set(sample["split"]) == {"dev", "heldout"}
    assert isinstance(sample, pd.DataFrame)
