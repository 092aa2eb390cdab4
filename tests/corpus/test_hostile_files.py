"""Careless or hostile entries in the article folder and the manifest: each is one line naming the
file (or manifest line), the problem and the fix; nothing outside the folder is read."""

import os

import pytest

from helpers import corpus
from helpers.corpus import formats

ARTICLE = "Title\n\nRussia lags behind in the AI race, the report says.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(make_corpus, encoding):
    text = "Россия отстаёт в гонке ИИ, говорится в докладе 2025 года.\n"
    articles, manifest_path = make_corpus({"001_win.txt": "Заголовок\n\n" + text}, with_sha=False)
    (articles / "001_win.txt").write_bytes(("Заголовок\n\n" + text).encode(encoding))
    c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    assert c.documents["encoding"].tolist() == [encoding]
    assert c.sentences["text"].tolist() == ["Заголовок", text.strip()]
    assert c.problems["problem"].tolist() == [
        f"articles/001_win.txt: not UTF-8: decoded as {encoding.upper()} without a byte-order mark "
        f"(detected)"]


def test_binary_data_is_still_binary():
    assert formats.is_binary(bytes(range(32)) * 10)
    assert formats.is_binary(b"ab\x00\x01" * 100)


def test_empty_file_cell_names_the_manifest_line_and_doc_id(make_corpus):
    articles, manifest_path = make_corpus({"001_a.txt": ARTICLE},
                                          rows=[{"doc_id": "001", "file": "001_a.txt"},
                                                {"doc_id": "002", "file": ""}])
    c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    assert c.problems["problem"].tolist() == [
        "manifest line 3 (doc_id '002'): the file cell is empty; skipped (write the article's file "
        "name there)"]


def test_a_hidden_file_named_in_the_manifest_says_why_it_is_left_out(make_corpus):
    articles, manifest_path = make_corpus({".002_hidden.txt": ARTICLE, "001_a.txt": ARTICLE + "x\n"})
    c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    assert c.problems["problem"].tolist() == [
        "articles/.002_hidden.txt: the name starts with a dot (a hidden file, which is never read); "
        "skipped (rename the file and its manifest cell)"]


def test_a_newline_in_a_file_name_stays_on_one_line(make_corpus):
    articles, manifest_path = make_corpus({"001_a.txt": ARTICLE, "bad\nname.xyz": b"data"},
                                          rows=[{"doc_id": "001", "file": "001_a.txt"}])
    c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    assert [p.split("supported: ")[0] + "supported: " for p in c.problems["problem"]] == [
        "articles/bad\\nname.xyz: unsupported file type '.xyz' (supported: "]
    assert all("\n" not in p for p in c.problems["problem"])


def test_a_folder_named_like_an_article_gets_a_note(make_corpus):
    articles, manifest_path = make_corpus({"001_a.txt": ARTICLE},
                                          rows=[{"doc_id": "001", "file": "001_a.txt"}])
    (articles / "foo.txt").mkdir()
    c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    assert c.problems["problem"].tolist() == [
        "articles/foo.txt: a folder, not a file; skipped (sub-folders are not read)"]


def test_a_link_leaving_the_folder_is_not_followed(make_corpus, tmp_path):
    secret = tmp_path / "outside.txt"
    secret.write_text("Secret\n\nThis text lives outside the article folder.\n", encoding="utf-8")
    articles, manifest_path = make_corpus({"001_a.txt": ARTICLE},
                                          rows=[{"doc_id": "001", "file": "001_a.txt"}])
    os.symlink(secret, articles / "002_link.txt")
    os.symlink(articles / "001_a.txt", articles / "003_inside.txt")
    c = corpus.load_corpus(articles, manifest_path, use_cache=False)
    assert "outside" not in " ".join(c.sentences["text"])
    assert c.problems["problem"].tolist() == [
        "articles/003_inside.txt: no manifest row; loaded as doc_id '003' with unknown metadata (add "
        "a row to the manifest)",
        "articles/002_link.txt: a link to a file outside the article folder; not followed (copy "
        "the file into the folder to load it)",
        "articles/003_inside.txt: same content as doc_id '001'; skipped as a duplicate"]
