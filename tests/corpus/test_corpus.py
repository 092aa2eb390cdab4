"""Golden facts about the seed corpus, and every kind of bad input the loader must report."""

import re
import subprocess
import sys

import pandas as pd
import pytest

from helpers import corpus, paths
from tests.conftest import sha256_of

# Hand-checked by reading each raw file: the lines that are NOT article content, with their role.
# Every other non-blank line is content.
SEED_REMOVED = {
    "000": {10: "duplicate", 46: "metadata", 48: "metadata", 51: "metadata", 53: "metadata",
            55: "metadata", 56: "boilerplate", 57: "boilerplate"},
    "001": {3: "boilerplate", 4: "boilerplate", 20: "boilerplate", 21: "boilerplate",
            22: "boilerplate", 24: "boilerplate", 26: "boilerplate", 28: "boilerplate"},
    "002": {5: "metadata", **{line: "boilerplate" for line in range(6, 20)}},
    "003": {2: "boilerplate", 4: "boilerplate", 6: "boilerplate", 8: "boilerplate"},
    "004": {33: "metadata", 34: "metadata", 35: "metadata", 36: "metadata"},
}
SEED_TITLE_LINE = {"000": 1, "001": 1, "002": 1, "004": 1}  # 003 has no title line
FURNITURE_ONLY = ["Moldova", "Macron", "Merz", "Tusk", "Ukraine", "February 24, 2022", "HMRC",
                  "Gaza", "Babkina", "Retrieved", "このポストを共有", "Explore impacts",
                  "Keywords:", "No time to read", "associate fellow", "Download the full"]


def test_every_seed_block_has_the_hand_checked_role(seed_corpus):
    blocks = seed_corpus.blocks
    for doc_id, removed in SEED_REMOVED.items():
        doc = blocks[blocks["doc_id"] == doc_id]
        got_removed = dict(zip(doc.loc[~doc["is_content"], "line_start"],
                               doc.loc[~doc["is_content"], "role"]))
        assert got_removed == removed, doc_id
        titles = doc.loc[doc["role"] == "title", "line_start"].tolist()
        assert titles == ([SEED_TITLE_LINE[doc_id]] if doc_id in SEED_TITLE_LINE else []), doc_id


def test_every_article_line_of_every_seed_is_kept_word_for_word(seed_corpus):
    paras = seed_corpus.paragraphs
    for doc_id, removed in SEED_REMOVED.items():
        raw_lines = (paths.ARTICLES_DIR / seed_corpus.documents.set_index("doc_id").loc[doc_id, "file"]
                     ).read_text(encoding="utf-8").splitlines()
        article = [(n, line) for n, line in enumerate(raw_lines, start=1)
                   if line.strip() and n not in removed]
        kept = paras[paras["doc_id"] == doc_id]
        assert kept["line_start"].tolist() == [n for n, _ in article]
        for (_, line), para in zip(article, kept["text"]):
            expected = re.sub(r"\s+", " ", re.sub(r"^\s*(?:[•\-])\s+", "", line)).strip()
            assert para == expected


def test_sentences_cover_each_paragraph_exactly(seed_corpus):
    paras = seed_corpus.paragraphs.set_index("para_id")["text"]
    sents = seed_corpus.sentences
    for row in sents.itertuples():
        assert paras[row.para_id][row.start:row.end] == row.text
    rebuilt = sents.groupby("para_id")["text"].agg(" ".join)
    assert (rebuilt == paras[rebuilt.index]).all()
    assert set(rebuilt.index) == set(paras.index)


def test_furniture_never_reaches_the_sentences(seed_corpus):
    content = "\n".join(seed_corpus.sentences["text"])
    for phrase in FURNITURE_ONLY:
        assert phrase not in content, phrase
    removed = "\n".join(seed_corpus.blocks.loc[~seed_corpus.blocks["is_content"], "text"])
    for phrase in FURNITURE_ONLY:
        assert phrase in removed, phrase  # the phrase really is on the page


def test_seed_documents_dates_and_provenance(seed_corpus):
    docs = seed_corpus.documents.set_index("doc_id")
    got = docs[["published", "date_precision", "date_source"]].to_dict("index")
    assert got == {
        "000": {"published": "2025-09-29", "date_precision": "day", "date_source": "text"},
        "001": {"published": "", "date_precision": "unknown", "date_source": ""},
        "002": {"published": "2020-12", "date_precision": "month", "date_source": "manifest"},
        "003": {"published": "", "date_precision": "unknown", "date_source": ""},
        "004": {"published": "", "date_precision": "unknown", "date_source": ""},
    }
    assert docs.loc["000", "date_evidence"] == "byline '2025年9月29日' (line 55)"
    assert docs["is_sha256_ok"].tolist() == [True] * 5
    assert seed_corpus.problems.empty


def test_seed_sizes_and_stable_ids(seed_corpus):
    docs = seed_corpus.documents.set_index("doc_id")
    assert docs["n_sentences"].to_dict() == {"000": 32, "001": 34, "002": 7, "003": 38, "004": 46}
    sents = seed_corpus.sentences.set_index("sent_id")
    assert sents.loc["003-p13-s04", "text"].startswith("According to statements from the AI Journey")
    assert sents.loc["002-p03-s03", "text"] == ("Might these factors lead us to underestimate "
                                                "Moscow’s potential in AI?")
    again = corpus.load_corpus()
    pd.testing.assert_frame_equal(again.sentences, seed_corpus.sentences)
    pd.testing.assert_frame_equal(again.blocks, seed_corpus.blocks)


def test_doc_ids_selects_documents_and_unknown_id_is_a_clear_error():
    c = corpus.load_corpus(doc_ids=["003", "004"])
    assert c.documents["doc_id"].tolist() == ["003", "004"]
    assert set(c.sentences["doc_id"]) == {"003", "004"}
    with pytest.raises(corpus.CorpusError, match=r"^documents: unknown doc_id '009' \(known: "):
        corpus.load_corpus(doc_ids=["009"])


# --- bad input ----------------------------------------------------------------------------

GOOD = "A Title\n\nRussia's AI plans depend on chips that sanctions make scarce.\n"


def problems_of(c: corpus.Corpus) -> list[str]:
    return c.problems["problem"].tolist()


def test_missing_folder_and_missing_manifest_are_one_line_errors(tmp_path, make_corpus):
    with pytest.raises(corpus.CorpusError, match=r"^.*nowhere: article folder not found$"):
        corpus.load_corpus(tmp_path / "nowhere", tmp_path / "m.csv")
    articles, _ = make_corpus({"001_a.txt": GOOD})
    with pytest.raises(corpus.CorpusError, match=r"none\.csv: manifest not found"):
        corpus.load_corpus(articles, tmp_path / "none.csv")


def test_manifest_without_required_column_or_with_duplicate_id(tmp_path, make_corpus):
    articles, manifest = make_corpus({"001_a.txt": GOOD})
    manifest.write_text("id,file\n1,001_a.txt\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="missing column 'doc_id'"):
        corpus.load_corpus(articles, manifest)
    make_corpus({"001_a.txt": GOOD, "002_b.txt": GOOD},
                rows=[{"doc_id": "x", "file": "001_a.txt"}, {"doc_id": "x", "file": "002_b.txt"}])
    with pytest.raises(corpus.CorpusError, match=r"doc_id 'x' appears more than once \(rows 2, 3\)"):
        corpus.load_corpus(articles, manifest)


RUSSIAN = "Искусственный интеллект\n\nРоссия отстаёт в гонке искусственного интеллекта из-за санкций.\n"


def test_missing_unlisted_empty_and_legacy_encoded_files_are_reported_by_name(make_corpus):
    articles, manifest = make_corpus(
        {"001_ok.txt": GOOD, "002_empty.txt": "  \n", "003_cp1251.txt": RUSSIAN.encode("cp1251"),
         "extra file.txt": GOOD.replace("chips", "GPUs")},
        rows=[{"doc_id": "001", "file": "001_ok.txt"}, {"doc_id": "002", "file": "002_empty.txt"},
              {"doc_id": "003", "file": "003_cp1251.txt"}, {"doc_id": "004", "file": "gone.txt"}])
    c = corpus.load_corpus(articles, manifest)
    assert c.documents["doc_id"].tolist() == ["001", "003", "extra_file"]
    assert sorted(problems_of(c)) == sorted([
        "articles/gone.txt: listed in the manifest but the file is missing; skipped",
        "articles/extra file.txt: no manifest row; loaded as doc_id 'extra_file' with unknown "
        "metadata (add a row to the manifest)",
        "articles/002_empty.txt: empty file; skipped",
        "articles/003_cp1251.txt: not UTF-8: decoded as cp1251 (detected)",
    ])
    assert (c.problems["level"] == "warning").all()
    doc = c.documents.set_index("doc_id").loc["003"]
    assert (doc["encoding"], doc["language"], doc["language_source"]) == ("cp1251", "ru", "detected")
    assert c.sentences.loc[c.sentences["doc_id"] == "003", "text"].tolist()[-1] == RUSSIAN.split("\n")[2]


def test_changed_file_is_flagged_and_still_loaded(make_corpus):
    articles, manifest = make_corpus({"001_a.txt": GOOD},
                                     rows=[{"doc_id": "001", "file": "001_a.txt",
                                            "sha256": "0" * 64}])
    c = corpus.load_corpus(articles, manifest)
    assert c.documents["is_sha256_ok"].tolist() == [False]
    assert problems_of(c)[0].startswith("articles/001_a.txt: sha256 differs from the manifest")


def test_bad_manifest_date_becomes_unknown_with_a_warning(make_corpus):
    articles, manifest = make_corpus({"001_a.txt": GOOD}, rows=[
        {"doc_id": "001", "file": "001_a.txt", "published": "2025-13-01"}])
    c = corpus.load_corpus(articles, manifest)
    assert c.documents.loc[0, ["published", "date_precision"]].tolist() == ["", "unknown"]
    assert problems_of(c) == ["manifest.csv, row 2 (001_a.txt): published '2025-13-01' is not a "
                              "calendar date (month must be in 1..12); treated as unknown"]


def test_utf8_bom_and_crlf_load_cleanly(make_corpus):
    articles, manifest = make_corpus({"001_a.txt": b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n")
                                      .encode()})
    c = corpus.load_corpus(articles, manifest)
    assert c.blocks["text"].tolist() == ["A Title", GOOD.splitlines()[2]]
    assert c.problems.empty


def test_loading_never_changes_raw_files_or_writes_into_data(make_corpus):
    before_data = sorted(p.relative_to(paths.DATA_DIR) for p in paths.DATA_DIR.rglob("*"))
    hashes = {p: sha256_of(p) for p in paths.ARTICLES_DIR.iterdir()}
    corpus.load_corpus()
    articles, manifest = make_corpus({"001_a.txt": GOOD})
    tmp_hash = sha256_of(articles / "001_a.txt")
    corpus.load_corpus(articles, manifest)
    assert sorted(p.relative_to(paths.DATA_DIR) for p in paths.DATA_DIR.rglob("*")) == before_data
    assert {p: sha256_of(p) for p in paths.ARTICLES_DIR.iterdir()} == hashes
    assert sha256_of(articles / "001_a.txt") == tmp_hash


def test_shipped_articles_are_the_seed_files_listed_in_the_manifest():
    manifest, problems = corpus.read_manifest()
    assert problems == []
    for row in manifest.itertuples():
        assert sha256_of(paths.ARTICLES_DIR / row.file) == row.sha256


def test_command_line_check_prints_documents_and_exits_nonzero_on_fatal_error(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "helpers.corpus"], capture_output=True, text=True)
    assert ok.returncode == 0 and "2025-09-29" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "helpers.corpus", "--articles", str(tmp_path / "x")],
                         capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "error: x: article folder not found"
    assert "Traceback" not in bad.stderr


def test_summaries_of_cleaning_and_problems(seed_corpus):
    summary = corpus.summarise_cleaning(seed_corpus.blocks).set_index("doc_id")
    assert summary.loc["002", "share_removed"] > 0.5  # the Ifri page is mostly teasers
    assert (summary["words_kept"] == seed_corpus.documents.set_index("doc_id")["n_words"]).all()
    assert corpus.summarise_problems(seed_corpus.problems).startswith("No problems")
    table = pd.DataFrame([{"file": "a", "doc_id": "a", "level": "warning", "problem": "<b>x</b>"}])
    assert "&lt;b&gt;x&lt;/b&gt;" in corpus.summarise_problems(table)


def test_parsing_in_chunks_gives_the_same_tables(make_corpus, tmp_path, monkeypatch):
    files = {f"00{i}_a.txt": f"Title {i}\n\nRussia's AI plan number {i} faces sanctions.\n"
             for i in range(1, 6)}
    files["009_copy.txt"] = files["001_a.txt"]  # a duplicate in a later chunk
    articles, manifest = make_corpus(files)
    rules = tmp_path / "rules.yaml"
    rules.write_text("overrides:\n  - {doc_id: '004', line: 1, role: boilerplate}\n"
                     "  - {doc_id: '777', line: 1, role: boilerplate}\n", encoding="utf-8")
    whole = corpus.load_corpus(articles, manifest, rules_path=rules, use_cache=False)
    monkeypatch.setattr(corpus.load, "CHUNK_DOCS", 2)
    chunked = corpus.load_corpus(articles, manifest, rules_path=rules, use_cache=False)
    for name in corpus.TABLES:
        pd.testing.assert_frame_equal(getattr(chunked, name), getattr(whole, name))
    assert problems_of(whole) == [
        "articles/009_copy.txt: same content as doc_id '001'; skipped as a duplicate",
        "rules.yaml: override for doc_id '777' names no loaded document"]
    assert whole.blocks.set_index("block_id").loc["004-b01", "role"] == "boilerplate"
