"""Hand-annotated TimeML sets (tests/timeline/timeml/): reading them into tables.

``dev.txt`` holds the sentences the TimeML rules were written and tuned on; ``heldout.txt`` was
written first and is only ever scored (benchmarks/bench_timeline.py), never used to write rules.
Each file: ``## doc_id | DCT | language`` starts a document, then one sentence per line with each
TIMEX3 written ``[[text|TYPE|value]]`` or ``[[text|TYPE|value|MOD]]`` (signals stay outside).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

FOLDER = Path(__file__).parent / "timeml"
_TAG = re.compile(r"\[\[([^|\]]+)\|(DATE|TIME|DURATION|SET)\|([^|\]]*)(?:\|([A-Z_]+))?\]\]")


def read_annotated(path: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(sentences, documents, gold timexes) of one annotated file.

    Returns:
        sentences: doc_id, sent_id, text, language; documents: doc_id, published, date_precision,
        language; gold: doc_id, sent_id, text, start, end, type, value, mod.
    """
    sentences, documents, gold = [], [], []
    doc_id, language, n = "", "", 0
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.rstrip() == "#" or line.startswith("# "):
            continue
        if line.startswith("## "):
            doc_id, dct, language = (p.strip() for p in line[3:].split("|"))
            documents.append((doc_id, dct, "day", language))
            n = 0
            continue
        if not doc_id:
            raise ValueError(f"{path}: line {number} comes before any '## doc_id | DCT | language' line")
        n += 1
        sent_id = f"{doc_id}-s{n:02d}"
        text, cursor = "", 0
        for m in _TAG.finditer(line):
            text += line[cursor:m.start()]
            gold.append((doc_id, sent_id, m.group(1), len(text), len(text) + len(m.group(1)),
                         m.group(2), m.group(3), m.group(4) or ""))
            text += m.group(1)
            cursor = m.end()
        text += line[cursor:]
        if "[[" in text or "]]" in text:
            raise ValueError(f"{path}: line {number}: a malformed [[text|TYPE|value]] tag")
        sentences.append((doc_id, sent_id, text, language))
    return (pd.DataFrame(sentences, columns=["doc_id", "sent_id", "text", "language"]),
            pd.DataFrame(documents, columns=["doc_id", "published", "date_precision", "language"]),
            pd.DataFrame(gold, columns=["doc_id", "sent_id", "text", "start", "end", "type", "value",
                                        "mod"]))


def read_split(name: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The 'dev' or 'heldout' set (see the module docstring)."""
    return read_annotated(FOLDER / f"{name}.txt")
