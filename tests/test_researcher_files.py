"""Hostile and careless versions of every file a researcher edits: YAML alias bombs, files over
the size cap, duplicate keys, CSV files that are not CSV, and patterns that match nothing or
nearly everything. Each must fail fast with one line naming the file, the entry and the fix.

The bomb cases run in a child process with a memory ceiling and a timeout, so that a regression
fails the test instead of filling the machine's memory.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from helpers import config, patterns
from helpers.compare import gazetteer, stance
from helpers.corpus import rules, sources
from helpers.themes import codebook, validation

MEMORY_CEILING = 3 << 30  # bytes of address space for the child process
THEME = "themes:\n  - {{id: t, label: T, definition: d, include: [{include}]}}\n"


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


def load_in_child(loader: str, path) -> str:
    """Run ``loader(path)`` in a fresh process (memory ceiling, 60 s timeout); return its one
    line of error, or 'loaded'. The load itself (imports aside) must take under 5 s: a generous
    bound that only catches an expansion (it takes about 0.05 s)."""
    code = textwrap.dedent(f"""
        import sys, time
        from helpers.themes import load_codebook
        from helpers.compare.stance import load_stance_cues
        start = time.perf_counter()
        try:
            {loader}(sys.argv[1])
            message = "loaded"
        except ValueError as exc:
            message = str(exc)
        print(f"{{time.perf_counter() - start:.3f}}")
        print(message)
    """)
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=60, preexec_fn=limit_memory)
    assert done.returncode == 0, done.stderr[-2000:]
    elapsed, out = done.stdout.split("\n", 1)
    assert float(elapsed) < 5, f"loading took {elapsed} s"
    return out


def alias_bomb(levels: int = 12) -> str:
    """A YAML list whose aliases expand to 10**levels strings (a "billion laughs")."""
    lines = ['  - &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"  - &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_alias_bomb_under_a_codebook_theme_examples_fails_fast_with_one_line(tmp_path):
    body = ("themes:\n  - id: t\n    label: T\n    definition: d\n    include: [sanction*]\n"
            "    examples:\n" + textwrap.indent(alias_bomb(), "    "))
    out = load_in_child("load_codebook", write(tmp_path, "codebook.yaml", body))
    assert out.count("\n") == 1
    assert out.startswith("codebook.yaml: YAML anchors and aliases expand to more than 100,000 values")
    assert "write the values out" in out


def test_an_alias_bomb_under_stance_hedges_fails_fast_with_one_line(tmp_path):
    body = "positive:\n  leader*: 2\nhedges:\n" + alias_bomb()
    out = load_in_child("load_stance_cues", write(tmp_path, "cues.yaml", body))
    assert out.count("\n") == 1
    assert out.startswith("cues.yaml: YAML anchors and aliases expand to more than 100,000 values")


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path):
    path = write(tmp_path, "cues.yaml", "positive:\n  leader*: 2\nhedges: &h [may, *h]\n")
    with pytest.raises(stance.StanceCuesError, match=r"^cues.yaml: an alias refers to its own anchor "
                                                     r"\(line 3\); write the value out$"):
        stance.load_stance_cues(path)


def test_a_few_aliases_that_reuse_a_list_still_load(tmp_path):
    body = ("themes:\n"
            "  - {id: a, label: A, definition: d, include: &shared [chip*, semiconductor*]}\n"
            "  - {id: b, label: B, definition: d, include: *shared, exclude: [chipmunk*]}\n")
    cb = codebook.load_codebook(write(tmp_path, "codebook.yaml", body))
    assert cb.patterns.groupby("theme")["pattern"].agg(list).to_dict() == {
        "a": ["chip*", "semiconductor*"], "b": ["chip*", "semiconductor*", "chipmunk*"]}


def test_counting_expanded_nodes_counts_each_alias_expansion():
    import yaml

    node = yaml.compose("a: &x [1, 2, 3]\nb: [*x, *x]\n")
    # mapping 1 + key a 1 + list 4 + key b 1 + list (1 + 4 + 4) = 16
    assert config.count_expanded_nodes(node) == 16
    with pytest.raises(Exception, match="more than 15 values"):
        config.count_expanded_nodes(node, budget=15)


@pytest.mark.parametrize("loader, error, name", [
    (codebook.load_codebook, codebook.CodebookError, "codebook.yaml"),
    (stance.load_stance_cues, stance.StanceCuesError, "stance_cues.yaml"),
    (rules.load_cleaning_rules, rules.CleaningRulesError, "cleaning_rules.yaml"),
])
def test_a_yaml_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path, loader, error, name):
    path = tmp_path / name
    path.write_bytes(b"# padding\n" * (config.MAX_YAML_BYTES // 10 + 1))
    with pytest.raises(error, match=rf"^{name}: 5 MB is over the 5 MB limit for this file; is it "
                                    r"the right file\? split it or shorten it$"):
        loader(path)


@pytest.mark.parametrize("loader, error, name, body", [
    (codebook.load_codebook, codebook.CodebookError, "codebook.yaml",
     "themes:\n  - id: t\n    label: T\n    label: U\n    definition: d\n    include: [x]\n"),
    (stance.load_stance_cues, stance.StanceCuesError, "stance_cues.yaml",
     "positive:\n  leader*: 2\n  leader*: 1\n"),
    (rules.load_cleaning_rules, rules.CleaningRulesError, "cleaning_rules.yaml",
     "end_markers: [Share]\nend_markers: [Print]\n"),
])
def test_duplicate_yaml_keys_stay_refused(tmp_path, loader, error, name, body):
    with pytest.raises(error, match=rf"^{name}: '.+' appears twice \(line \d\); keep it once$"):
        loader(write(tmp_path, name, body))


def read_gazetteer(path):
    return gazetteer.load_gazetteer(path)


def read_manifest(path):
    return sources.read_manifest(path)


def read_validation(path):
    return validation.load_validation(path)


CSV_FILES = [
    (read_gazetteer, gazetteer.GazetteerError, "gazetteer",
     "entity,type,country,aliases,note\nRussia,country,Russia,Россия,\n"),
    (read_manifest, sources.CorpusError, "manifest", "doc_id,file\n001,001_a.txt\n"),
    (read_validation, validation.ValidationSampleError, "hand-coded sample",
     "sent_id,theme,is_present,note,text\n001-p01-s01,chips,1,,Chips.\n"),
]


@pytest.mark.parametrize("reader, error, what, good", CSV_FILES)
def test_a_csv_file_over_the_size_cap_gets_one_line(tmp_path, monkeypatch, reader, error, what, good):
    path = write(tmp_path, "table.csv", good)
    reader(path)  # loads under the default cap
    monkeypatch.setattr(config, "MAX_CSV_BYTES", 20)
    with pytest.raises(error, match=rf"^table.csv: {len(good.encode())} bytes is over the 20 bytes limit "
                                    r"for this file; is it the right file\? split it or shorten it$"):
        reader(path)


@pytest.mark.parametrize("reader, error, what, good", CSV_FILES)
def test_a_csv_file_that_is_not_utf8_or_not_csv_gets_one_line(tmp_path, reader, error, what, good):
    path = tmp_path / "table.csv"
    path.write_bytes(good.encode("utf-8") + "Москва,\n".encode("utf-16"))
    with pytest.raises(error, match=rf"^table.csv: cannot read the {what} as UTF-8 CSV \(not UTF-8 text\); "
                                    r"save it as UTF-8$"):
        reader(path)
    path.write_text(good.splitlines()[0] + '\n"unclosed,quote\n', encoding="utf-8")
    with pytest.raises(error) as info:
        reader(path)
    message = str(info.value)
    assert message.startswith(f"table.csv: cannot read the {what} as UTF-8 CSV (") and "\n" not in message


@pytest.mark.parametrize("pattern, problem", [
    ("re:\\b", "it matches the empty string, so it would match everywhere"),
    ("re:x?", "it matches the empty string"),
    ("re:.", "it matches single characters ('a' 'q' 'Z' ...), so it would match nearly everything"),
    ("re:[a-z]", "it matches single characters ('a' 'q' 'Z' ...)"),
    ("re:\\pL", "it matches single characters"),
    ("*", "'*' is allowed only at the end of a word, after at least one letter"),
    ("a*", "'a' with any ending matches nearly every text; write more of the word"),
    ("...", "it has no letter or digit"),
    ("re:", "empty raw pattern after 're:'"),
])
def test_codebook_patterns_that_match_nothing_or_everything_are_refused(tmp_path, pattern, problem):
    path = write(tmp_path, "codebook.yaml", THEME.format(include=f"'{pattern}'"))
    with pytest.raises(codebook.CodebookError) as info:
        codebook.load_codebook(path)
    assert str(info.value).startswith(f"codebook.yaml: theme 't': include (en): pattern '{pattern}': "
                                      f"{problem}")
    assert "\n" not in str(info.value)


def test_a_codebook_pattern_re2_refuses_only_when_combined_is_named_at_load_time(tmp_path):
    path = write(tmp_path, "codebook.yaml", THEME.format(include="chip*, 're:\\pL{1,1000}x'"))
    with pytest.raises(codebook.CodebookError, match=r"^codebook.yaml: theme 't': include \(en\): pattern "
                       r"'re:\\pL\{1,1000\}x': Invalid regular expression: pattern too large - compile "
                       r"failed; shorten it, or use fewer or simpler repetitions$"):
        codebook.load_codebook(path)


@pytest.mark.parametrize("alias, problem", [
    ("*", "'*' may only end a word, after a letter; write '\\*' for a literal star"),
    ("a*", "'a' with any ending matches nearly every text"),
    ("--", "it has no letter or digit"),
    ("Сбер~", "'~' (every inflection) works in the codebook only"),
    ("re:Putin", "'re:' patterns are for the codebook only"),
])
def test_gazetteer_aliases_that_match_nearly_everything_are_refused(tmp_path, alias, problem):
    path = write(tmp_path, "gaz.csv", f"entity,type,country,aliases,note\nPutin,person,,Путин|{alias},\n")
    with pytest.raises(gazetteer.GazetteerError) as info:
        gazetteer.load_gazetteer(path)
    assert str(info.value).startswith(f"gaz.csv row 2 (Putin): alias: pattern '{alias}': {problem}")


@pytest.mark.parametrize("body, message", [
    ('positive:\n  "": 1\n', "cues.yaml: positive cue: pattern '': empty; remove it or write a word"),
    ("positive:\n  leader*: 1\nhedges: [may, '']\n", "cues.yaml: hedges: pattern '': empty"),
    ("positive:\n  leader*: 1\nnegations: ['*']\n", "cues.yaml: negations: pattern '*': '*' may only end"),
    ("negative:\n  re:lag: 1\n", "cues.yaml: negative cue: pattern 're:lag': 're:' patterns are for the"),
    ("positive:\n  leader*: 1\nhedges: may\n", "cues.yaml: 'hedges' must be a list of words or phrases"),
])
def test_stance_cues_that_are_empty_or_too_broad_are_refused(tmp_path, body, message):
    with pytest.raises(stance.StanceCuesError) as info:
        stance.load_stance_cues(write(tmp_path, "cues.yaml", body))
    assert str(info.value).startswith(message)


@pytest.mark.parametrize("body, message", [
    ("furniture_phrases: ['***']\n",
     "rules.yaml: furniture_phrases: pattern '***': these phrases are literal"),
    ("end_markers: ['Read more*']\n", "rules.yaml: end_markers: pattern 'Read more*': these phrases are "
                                      "literal; write '\\*' for a literal star"),
    ("metadata_labels: ['::']\n", "rules.yaml: metadata_labels: pattern '::': it has no letter or digit"),
    ("furniture_words: ['|']\n", "rules.yaml: furniture_words: pattern '|': it has no letter or digit"),
])
def test_cleaning_phrases_that_are_not_literal_words_are_refused(tmp_path, body, message):
    with pytest.raises(rules.CleaningRulesError) as info:
        rules.load_cleaning_rules(write(tmp_path, "rules.yaml", body))
    assert str(info.value).startswith(message)


def test_a_backslash_makes_a_star_or_tilde_literal_in_every_file():
    texts = pd.Series(["We code in C* and C daily", "about 5~10 chips", "Sber~ bank"])
    alias = patterns.phrase_alternation(["C\\*"], patterns.WORD_RE2)
    found = patterns.scan_texts(texts, alias, patterns.phrase_alternation(["C\\*"], patterns.WORD_PY))
    assert found[["row", "start", "end", "match"]].values.tolist() == [[0, 11, 13, "C*"]]
    assert patterns.resolve_phrases(found["match"], ["C\\*"]).tolist() == ["C\\*"]
    patterns.check_phrase("Sber\\~")
    assert patterns.unescape_phrase("Sber\\~ bank*") == "Sber~ bank*"
    regex, group = patterns.join_patterns([patterns.stem_pattern("5\\~10", "en")])
    import re2
    assert [m.group(group) for m in re2.finditer(regex, texts[1])] == ["5~10"]


def test_the_shipped_files_load_in_the_one_language():
    cb = codebook.load_codebook()
    assert len(cb.patterns) > 100 and (cb.patterns["pattern"] != "").all()
    assert len(gazetteer.load_gazetteer()) > 100
    assert len(stance.load_stance_cues().cues) > 20
    assert "Share" in rules.load_cleaning_rules().furniture_phrases


def test_phrases_re2_cannot_run_together_get_one_line(tmp_path, monkeypatch):
    import re2

    from helpers.patterns import checks

    def refuse(core_re2, ignore_case=False):
        raise re2.error("pattern too large - compile failed")

    monkeypatch.setattr(checks, "compile_scan", refuse)
    path = write(tmp_path, "gaz.csv", "entity,type,country,aliases,note\nPutin,person,,Путин|Putin,\n")
    with pytest.raises(gazetteer.GazetteerError, match=r"^gaz.csv: aliases: RE2 cannot run the 2 of them "
                       r"together \(pattern too large - compile failed\); use fewer or shorter ones$"):
        gazetteer.load_gazetteer(path)
    with pytest.raises(stance.StanceCuesError, match=r"^cues.yaml: cues: RE2 cannot run the 1 of them"):
        stance.load_stance_cues(write(tmp_path, "cues.yaml", "positive:\n  leader*: 1\n"))


def test_cleaning_phrases_compile_to_one_literal_alternation_longest_first():
    assert patterns.literal_alternation(("Share", "Share this", "C\\*")) == r"Share\ this|Share|C\*"
    assert patterns.literal_alternation(()) == r"(?!x)x"


def test_a_sign_such_as_the_copyright_mark_is_a_usable_cleaning_phrase(tmp_path):
    loaded = rules.load_cleaning_rules(write(tmp_path, "rules.yaml", "furniture_words: ['©', '№']\n"))
    assert loaded.furniture_words == ("©", "№")
