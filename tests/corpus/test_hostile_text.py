"""Article text built to stall a backtracking regex engine: every text transformation of the
loader runs in linear time. A hang becomes a failure (SIGALRM) instead of a stuck test run; the
bounds are generous (a quadratic pass over 1 MB takes minutes, a linear one well under a second)."""

import signal
import time
from contextlib import contextmanager

import pandas as pd
import pytest

from helpers import corpus
from helpers.corpus import cleaning, formats, load, rules, sentences

MB = 1_000_000


@contextmanager
def finishes_within(seconds: float):
    """Fail (instead of hanging) when the block runs longer than ``seconds``."""
    def fail(*_):
        raise TimeoutError(f"took over {seconds} s: not linear time")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - start < seconds


def repeat_to(piece: str, size: int = MB) -> str:
    return piece * (size // len(piece))


# --- the three inputs that hung the loader, 1 MB each, through each transformation ------------

def test_a_markdown_line_of_brackets_unwraps_in_linear_time():
    text = repeat_to("[")
    with finishes_within(30):
        assert formats.unwrap_markdown(text) == text


def test_unclosed_bold_markers_unwrap_in_linear_time():
    text = repeat_to("**a ")
    with finishes_within(30):
        assert formats.unwrap_markdown(text) == text


def test_unclosed_script_tags_are_stripped_in_linear_time():
    text = "Intro. " + repeat_to("<script>")
    with finishes_within(30):
        cleaned, tags = formats.strip_markup(text)
    assert (cleaned, tags) == ("Intro. ", ["script"])


@pytest.mark.parametrize("name, text", [
    ("brackets.md", "Title\n\n" + "[" * 200_000 + "\n"),
    ("bold.md", "Title\n\n" + "**a " * 100_000 + "\n"),
    ("scripts.txt", "Title\n\nRussia lags behind in AI.\n" + "<script>" * 100_000 + "\n"),
])
def test_the_loader_returns_on_inputs_that_stall_backtracking(make_corpus, name, text):
    articles, manifest_path = make_corpus({name: text})
    with finishes_within(60):
        c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    assert c.documents["file"].tolist() == [name]


def test_entity_encoded_markup_in_a_text_file_never_reaches_the_sentences(make_corpus):
    text = ("Title\n\n<p>Russia lags behind in AI.</p>\n\n"
            "The page said &lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt; 3 &lt; 4.\n")
    articles, manifest_path = make_corpus({"001_page.txt": text})
    c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    analysed = " ".join(c.sentences["text"])
    assert "<script" not in analysed and "alert" not in analysed and "<b>" not in analysed
    assert "The page said and bold 3 < 4." in analysed
    assert c.problems["problem"].tolist() == [
        "articles/001_page.txt: HTML markup in a text file: tags removed (b, p, script); save the "
        "page as .html to have it extracted"]


def test_sentences_split_a_long_run_of_dots_in_linear_time():
    paragraphs = pd.DataFrame({"doc_id": ["d"], "para_id": ["d-p01"], "role": ["paragraph"],
                               "text": ["Start " + repeat_to(".") + " End. Next one."]}).astype("str")
    with finishes_within(30):
        found = sentences.split_sentences(paragraphs)
    assert found["text"].str.len().max() <= sentences.MAX_SENTENCE_CHARS
    assert found["text"].iloc[-1] == "Next one."


def test_cleaning_a_long_run_of_punctuation_in_a_non_latin_block_is_linear():
    text = "Россия " + repeat_to(". ") + "конец"
    with finishes_within(30):
        blocks, _ = classify(text)
    assert blocks["role"].tolist() == ["paragraph"]


# --- the class: adversarial repetitions of every character the transformations treat ----------

SPECIAL = list("[]()!*_<>/&;#-•·+.?…。！？؟\"'”’»«:,|^~`=\\") + [
    "\t", "\u00a0", "**", "__", "[a](", "](", "<a", "<script>", "</", "&lt;", "&#", "Ã©", "1.", "No.",
    "U.S.", "#a"]
FORMS = ("{c}", "{c} ", "{c}a ", "я{c}")


def classify(text: str):
    docs = pd.DataFrame({"doc_id": ["d"], "title": [""], "author": [""]})
    blocks = load.build_blocks(docs, {"d": text})
    return cleaning.classify_blocks(blocks, docs, rules.load_cleaning_rules())


def transform(text: str) -> None:
    """Every text transformation the loader makes, in order, on one text."""
    for name in ("a.txt", "a.md"):
        ingested = formats.ingest_bytes(text.encode("utf-8"), name)
    blocks, _ = classify(ingested.text or text)
    paragraphs = load.make_paragraphs(blocks).assign(language="ru")
    docs = pd.DataFrame({"doc_id": ["d"], "file": ["a.md"]})
    load.check_unpunctuated(paragraphs, docs, "articles")
    sentences.split_sentences(paragraphs)


@pytest.mark.parametrize("char", SPECIAL)
def test_every_special_character_repeated_is_linear(char):
    """100 KB of each repetition through every transformation; on one line (one block of prose
    after a non-Latin word, which sends pandas' string methods to Python's re) and one per line."""
    size = 100_000
    with finishes_within(60):
        for form in FORMS:
            piece = form.format(c=char)
            transform("Россия " + repeat_to(piece, size) + " конец")
        transform("Россия\n" + repeat_to(char + "\n", 10_000))
