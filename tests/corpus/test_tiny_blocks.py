"""A page of many tiny blocks (one word per paragraph) loads completely and keeps every word.

The bound only catches a hang (SIGALRM after 60 s); how fast such a file loads is measured by
benchmarks/bench_tiny.py, never asserted here."""

import hashlib
import string

from helpers import corpus
from tests.corpus.test_hostile_text import finishes_within

N = 50_000


def word(i: int) -> str:
    """A distinct lower-case word per number: a, b, ..., z, ba, bb, ..."""
    letters = string.ascii_lowercase
    out = letters[i % 26]
    while i >= 26:
        i //= 26
        out = letters[i % 26] + out
    return out


# words of three letters or more ("x" and "vk" alone are share buttons: furniture phrases)
WORDS = [word(i + 26 * 27) for i in range(N)]


def write_page(tmp_path, paragraphs: list[str]):
    folder = tmp_path / "articles"
    folder.mkdir()
    data = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
    (folder / "tiny.txt").write_bytes(data)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("doc_id,file,publisher,source_type,language,sha256\n"
                        f"t,tiny.txt,P,blog,en,{hashlib.sha256(data).hexdigest()}\n", encoding="utf-8")
    return folder, manifest


def test_word_helper_gives_distinct_words():
    assert [word(i) for i in (0, 25, 26, 27, 52)] == ["a", "z", "ba", "bb", "ca"]
    assert len({word(i) for i in range(N)}) == N


def test_fifty_thousand_one_word_sentences_load_and_every_word_is_kept(tmp_path):
    words = [w + "." for w in WORDS]
    folder, manifest = write_page(tmp_path, words)
    with finishes_within(60):
        c = corpus.load_corpus(folder, manifest, use_cache=False)
    assert c.problems.empty
    assert len(c.blocks) == N
    assert c.blocks["block_id"].iloc[[0, -1]].tolist() == ["t-b00001", "t-b50000"]
    assert c.blocks["line_start"].iloc[[0, 1, -1]].tolist() == [1, 3, 2 * N - 1]
    assert c.blocks["text"].tolist() == words
    assert c.paragraphs["text"].tolist() == words  # no prose to compare with: every line kept
    assert c.sentences["text"].tolist() == words
    assert c.documents[["n_blocks", "n_content_blocks", "n_sentences", "n_words"]].iloc[0].tolist() == [
        N, N, N, N]


def test_fifty_thousand_bare_words_load_as_one_menu_run_with_every_word_in_the_blocks(tmp_path):
    words = WORDS
    folder, manifest = write_page(tmp_path, words)
    with finishes_within(60):
        c = corpus.load_corpus(folder, manifest, use_cache=False)
    assert c.blocks["text"].tolist() == words
    assert not c.blocks["is_content"].any()
    assert set(c.blocks["reason"]) == {f"menu run: {N} short lines in a row"}
    assert c.paragraphs.empty and c.sentences.empty
