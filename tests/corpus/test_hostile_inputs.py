"""Any corpus a researcher brings: every hostile kind of input loads or is skipped with one line
naming the file, the rest of the corpus loads, and raw files stay byte-identical."""

import hashlib
import subprocess
import sys

import pandas as pd
import pytest

from helpers import corpus
from helpers.corpus import formats, manifest
from tests.notebooks.mixed_corpus import (
    EXPECTED_PROBLEMS,
    FILES_SKIPPED,
    FILES_THAT_LOAD,
    HUGE_LINE_NAME,
    NO_PUNCTUATION,
    build_mixed_corpus,
)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    articles, manifest_path = build_mixed_corpus(folder)
    hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in articles.iterdir()}
    c = corpus.load_corpus(articles, manifest_path)
    return c, articles, manifest_path, hashes


def text_of(c: corpus.Corpus, doc_id: str) -> str:
    return "\n".join(c.sentences.loc[c.sentences["doc_id"] == doc_id, "text"])


def test_every_problem_is_one_line_naming_its_file(mixed):
    c = mixed[0]
    lines = c.problems["problem"].tolist()
    for file, expected in EXPECTED_PROBLEMS:
        hits = [p for p in lines if file in p and expected in p]
        assert len(hits) == 1, (file, expected, lines)
    assert all("\n" not in p and "Traceback" not in p for p in lines)
    assert len(lines) == len(EXPECTED_PROBLEMS)  # nothing else was reported


def test_what_loads_and_what_is_skipped(mixed):
    c = mixed[0]
    loaded = set(c.documents["file"])
    expected = (set(FILES_THAT_LOAD) - {"021_duplicate_of_001.txt"}) | {HUGE_LINE_NAME}
    assert loaded == expected
    assert not loaded & set(FILES_SKIPPED)
    assert len(c.documents) >= 15


def test_raw_files_are_byte_identical_after_loading(mixed):
    _, articles, _, hashes = mixed
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in articles.iterdir()} == hashes


def test_encodings_are_detected_and_recorded(mixed):
    docs = mixed[0].documents.set_index("doc_id")
    assert docs.loc[["007", "008", "009", "010", "001"], "encoding"].tolist() == [
        "cp1251", "cp1252", "utf-8+cp1251", "utf-8-sig", "utf-8"]
    assert "технологическому суверенитету" in text_of(mixed[0], "007")
    assert "à l'intelligence artificielle" in text_of(mixed[0], "008")
    assert "Россия и санкции: новый доклад." in text_of(mixed[0], "009")


def test_languages_are_detected_per_document(mixed):
    docs = mixed[0].documents.set_index("doc_id")
    assert docs.loc[["001", "003", "004", "005", "007", "008", "013", "015"], "language"].tolist() == [
        "en", "ru", "ru", "en", "ru", "fr", "ar", "ru"]
    assert (docs["language_source"] == "detected").all()
    sents = mixed[0].sentences
    assert set(sents.loc[sents["doc_id"] == "003", "language"]) == {"ru"}


def test_html_page_gives_its_main_text_and_metadata_without_its_furniture(mixed):
    c = mixed[0]
    doc = c.documents.set_index("doc_id").loc["005"]
    assert (doc["format"], doc["title"], doc["title_source"], doc["author"]) == (
        "html", "Moscow bets on sovereign AI", "html", "Anna Petrova")
    assert (doc["published"], doc["date_precision"], doc["date_source"]) == ("2024-04-11", "day", "html")
    body = text_of(c, "005")
    assert "Export controls limit access to GPUs." in body
    for furniture in ("Moldova", "Share on social media", "Home", "All rights reserved"):
        assert furniture not in body


def test_markdown_keeps_structure_and_unwraps_links(mixed):
    c = mixed[0]
    paras = c.paragraphs[c.paragraphs["doc_id"] == "006"]
    assert paras["role"].tolist() == ["title", "paragraph", "heading", "paragraph", "list_item",
                                      "list_item"]
    assert paras["text"].iloc[1] == ("Russia proposes an AI Alliance Network with BRICS partners, "
                                     "including China and India.")


def test_markup_in_text_files_is_removed_and_never_kept_as_code(mixed):
    c = mixed[0]
    body = text_of(c, "016")
    assert "<script" not in body and "onerror" not in body and "__pwned" not in body
    assert "Russian hackers and AI tools" in body
    assert "full report says Russia spends less on AI than India." in text_of(c, "017")


def test_mojibake_is_repaired_and_replacement_characters_are_kept(mixed):
    body = text_of(mixed[0], "018")
    assert "café in Moscow said the government’s AI plan" in body
    assert "\ufffd\ufffd" in body


def test_huge_single_line_is_cut_into_bounded_sentences_without_losing_text(mixed):
    c = mixed[0]
    sents = c.sentences[c.sentences["doc_id"] == "033"]
    assert sents["text"].str.len().max() <= 2000
    assert sents["text"].str.len().sum() + len(sents) - 1 >= 5_000_000 - 100


def test_unpunctuated_text_emoji_rtl_and_unusual_file_names_load(mixed):
    c = mixed[0]
    lines = NO_PUNCTUATION.splitlines()  # two lower-case lines without punctuation: one wrapped paragraph
    assert c.sentences.loc[c.sentences["doc_id"] == "012", "text"].tolist() == [
        lines[0], f"{lines[2]} {lines[3]}"]
    assert "🤖" in text_of(c, "014")
    assert "روسيا" in text_of(c, "013")
    docs = c.documents.set_index("doc_id")
    assert docs.loc["015", "file"] == "015 статья о ИИ.txt"
    assert corpus.derive_doc_id("015 статья о ИИ.txt") == "015_статья_о_ИИ"


def test_bad_manifest_date_leaves_the_date_unknown(mixed):
    doc = mixed[0].documents.set_index("doc_id").loc["019"]
    assert (doc["published"], doc["date_precision"]) == ("", "unknown")


def test_manifest_language_disagreement_is_reported(make_corpus):
    articles, manifest_path = make_corpus(
        {"001_ru.txt": "Заголовок\n\nРоссия развивает искусственный интеллект несмотря на санкции.\n"},
        rows=[{"doc_id": "001", "file": "001_ru.txt", "language": "en"}])
    c = corpus.load_corpus(articles, manifest_path)
    assert c.documents.loc[0, ["language", "language_source", "language_detected"]].tolist() == [
        "en", "manifest", "ru"]
    assert c.problems["problem"].tolist() == [
        "articles/001_ru.txt: the manifest says language 'en' but the text reads as 'ru'"]


def test_unsupported_file_types_are_reported(make_corpus):
    articles, manifest_path = make_corpus({"001_a.txt": "Title\n\nRussia lags behind in AI.\n",
                                           "002_b.xlsx": b"PK\x03\x04"},
                                          rows=[{"doc_id": "001", "file": "001_a.txt"}])
    c = corpus.load_corpus(articles, manifest_path)
    assert c.problems["problem"].tolist() == [
        "articles/002_b.xlsx: unsupported file type '.xlsx' (supported: .txt, .md, .markdown, .html, "
        ".htm, .pdf, .docx, .odt, .rtf, .csv, .jsonl, .parquet, .bib, .ris, .json); skipped"]


def test_draft_manifest_for_a_folder_of_new_files(mixed, tmp_path):
    _, articles, _, hashes = mixed
    rows, problems = manifest.draft_manifest(articles)
    assert len(rows) == 20 and list(rows.columns) == corpus.MANIFEST_COLUMNS
    by_file = rows.set_index("file")
    assert by_file.loc["005_page.html", ["published", "date_source", "language"]].tolist() == [
        "2024-04-11", "html", "en"]
    assert by_file.loc["007_ru_cp1251.txt", "sha256"] == hashes["007_ru_cp1251.txt"]
    assert set(problems["file"]) >= {"030_empty.txt", "031_binary.txt", "032_blob.txt"}
    out = tmp_path / "draft.csv"
    done = subprocess.run([sys.executable, "-m", "helpers.corpus.manifest", str(articles), "--out", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and len(pd.read_csv(out, dtype=str)) == 20
    again = subprocess.run([sys.executable, "-m", "helpers.corpus.manifest", str(articles),
                            "--out", str(out)],
                           capture_output=True, text=True)
    assert again.returncode == 2 and "exists; pass --force" in again.stderr


# --- ingest on its own -------------------------------------------------------------------

def test_decode_bytes_utf16_and_undetectable():
    assert formats.decode_bytes("Россия".encode("utf-16"))[:2] == ("Россия", "utf-16")
    assert formats.decode_bytes(b"plain ascii")[:2] == ("plain ascii", "utf-8")


@pytest.mark.parametrize("data, expected", [
    (b"hello\x00world", True), (bytes(range(32)) * 10, True), ("Россия".encode("utf-16"), False),
    (b"normal text\r\n\twith tabs", False)])
def test_is_binary(data, expected):
    assert formats.is_binary(data) is expected


def test_strip_markup_and_unwrap_markdown():
    assert formats.strip_markup('a <b>bold</b> &amp; <script>x()</script>end') == (
        "a bold & end", ["b", "script"])
    assert formats.unwrap_markdown("See [the **plan**](http://x.org) and ![img](y.png).") == (
        "See the plan and img.")
    assert formats.looks_like_json('[1, 2]') and not formats.looks_like_json("{not json")


def test_a_codebook_with_catastrophic_regexes_runs_in_linear_time(tmp_path):
    """(a+)+$ and (a|aa)+b take exponential time in a backtracking engine on "aaaa…!"; RE2 reads
    them in one pass. SIGALRM turns a hang into a failure instead of a stuck test run."""
    import signal
    import time

    from helpers import themes

    path = tmp_path / "codebook.yaml"
    path.write_text("themes:\n  - id: evil\n    label: Evil\n    definition: catastrophic patterns\n"
                    "    include: ['re:(a+)+$', 're:(a|aa)+b', 're:(x+x+)+y']\n", encoding="utf-8")
    codebook = themes.load_codebook(path)
    texts = ["a" * 50_000 + "!", "x" * 50_000, "a" * 30 + "!"]
    sents = pd.DataFrame({"doc_id": "d", "sent_id": [f"d-p01-s0{i}" for i in range(3)], "text": texts})

    def fail(*_):
        raise TimeoutError("a codebook pattern took over 20 s: matching is not linear-time")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(20)
    try:
        start = time.perf_counter()
        matches = themes.code_sentences(sents, codebook)
        elapsed = time.perf_counter() - start
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert matches.empty
    assert elapsed < 20


def test_a_codebook_pattern_re2_cannot_run_is_a_one_line_error_naming_theme_and_pattern(tmp_path):
    from helpers import themes

    path = tmp_path / "codebook.yaml"
    path.write_text("themes:\n  - id: backref\n    label: B\n    definition: d\n"
                    "    include: ['re:(a)\\1']\n", encoding="utf-8")
    with pytest.raises(themes.CodebookError) as info:
        themes.load_codebook(path)
    message = str(info.value)
    assert message.startswith("codebook.yaml: theme 'backref': include (en): pattern 're:(a)\\1': ")
    assert "\n" not in message
