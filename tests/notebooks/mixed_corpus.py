"""A mixed corpus of articles written for the tests: English, Russian, HTML, Markdown, and one file
of each hostile kind the workbook must survive. Built in a temporary folder by build_mixed_corpus;
EXPECTED says, per file, whether it loads and which problem line it must produce.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

EN_CHIPS = """Russia's chip problem

Russia's plans for artificial intelligence depend on computing power it cannot easily buy. Export controls imposed by the United States and the European Union since 2022 restrict access to advanced GPUs and semiconductors.

Sberbank has said that GigaChat is trained on domestic data centres, but analysts doubt that Russia can match the scale of American or Chinese models by 2030.

- Sanctions limit access to chips.
- Brain drain reduces the talent pool.
"""

EN_TALENT = """Where have Russia's engineers gone?

Thousands of Russian software engineers have emigrated since February 2022. Yandex moved part of its staff abroad, and universities report fewer graduates in machine learning.

The government answers with retraining programmes and new funding for domestic AI research. Critics say the money cannot replace the people who left.
"""

RU_STRATEGY = """Национальная стратегия развития искусственного интеллекта

Правительство России обновило национальную стратегию развития искусственного интеллекта. Президент Владимир Путин заявил, что к 2030 году Россия должна войти в число лидеров в области ИИ.

Сбербанк развивает модель ГигаЧат, а Яндекс — YandexGPT. Обе компании заявляют, что их модели конкурируют с зарубежными аналогами.

Главные препятствия — санкции, нехватка микросхем и отток специалистов за рубеж.
"""

RU_DATA_CENTERS = """Дата-центры и энергетика

Для обучения больших моделей России нужны новые центры обработки данных. Их предлагают строить рядом с атомными электростанциями, чтобы обеспечить надёжное энергоснабжение.

Эксперты оценивают необходимые инвестиции в 850 миллиардов рублей до 2030 года.
"""

RU_CP1251 = """Суверенный ИИ

Россия стремится к технологическому суверенитету в области искусственного интеллекта. Государство поддерживает отечественных разработчиков и ограничивает зависимость от иностранных платформ.
"""

LATIN1_TEXT = """L'IA russe vue de Paris

La Russie reste en retard dans la course à l'intelligence artificielle. Les sanctions européennes limitent l'accès aux puces électroniques, selon les économistes français.
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Moscow bets on sovereign AI | Example Wire</title>
<meta name="author" content="Anna Petrova">
<meta property="article:published_time" content="2024-04-11T09:00:00Z">
<meta property="og:site_name" content="Example Wire">
</head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/world">World</a></nav>
<article>
<h1>Moscow bets on sovereign AI</h1>
<p>Russia announced a national programme for sovereign artificial intelligence on Thursday. The plan sets targets for 2030 and relies on domestic chips and data centres.</p>
<h2>Sanctions bite</h2>
<p>Export controls limit access to GPUs. Sberbank's GigaChat and Yandex's YandexGPT compete with foreign models, officials say.</p>
<ul><li>Investment in research will grow.</li><li>Universities will train more engineers.</li></ul>
</article>
<aside><h3>Related</h3><a href="/moldova">Moldova votes on September 28</a></aside>
<footer>Share on social media. All rights reserved.</footer>
</body></html>
"""

MARKDOWN = """# Russia and BRICS: an AI alliance

Russia proposes an **AI Alliance Network** with [BRICS partners](https://example.org/brics), including China and India.

## Why it matters

The alliance would share computing resources and data. It counters Western dominance in AI, officials argue.

- Joint research centres
- Shared standards for AI regulation
"""

NO_PUNCTUATION = """AI in Russian industry

robots in factories autonomous systems in logistics and machine vision in mines show how Russian industry uses AI without waiting for a national strategy
engineers say the gap with China keeps growing and investment is too small
"""

ARABIC = """روسيا والذكاء الاصطناعي

تسعى روسيا إلى تطوير نماذج الذكاء الاصطناعي الخاصة بها. لكن العقوبات الغربية تحد من حصولها على الرقائق المتقدمة.
"""

EMOJI = """Russia's AI hype 🚀🤖

Russian state media celebrate every new robot 🤖 as a breakthrough. Independent analysts are less impressed 😐 and point to the lack of investment.
"""

SCRIPT_TEXT = """When articles carry code

This article about web security quotes a snippet: <script>window.__pwned = true; document.title = "pwned";</script> and an image tag <img src=x onerror="window.__pwned = true"> that must never run.

Russian hackers and AI tools are a growing concern for national security, the report says.
"""

HREF_TEXT = """Copied from a browser

The <a href="https://example.org/report">full report</a> says Russia spends less on AI than <b>India</b>. Funding for research grew in 2023 but remains small.
"""

MOJIBAKE_TEXT = """CafÃ© talk on AI

Analysts at a cafÃ© in Moscow said the governmentâ€™s AI plan is ambitious. Some characters were lost in transmission: \ufffd\ufffd and cannot be recovered.
"""

FILES_THAT_LOAD = {
    "001_en_chips.txt": EN_CHIPS,
    "002_en_talent.txt": EN_TALENT,
    "003_ru_strategy.txt": RU_STRATEGY,
    "004_ru_data_centers.txt": RU_DATA_CENTERS,
    "005_page.html": HTML_PAGE,
    "006_brics.md": MARKDOWN,
    "007_ru_cp1251.txt": RU_CP1251.encode("cp1251"),
    "008_latin1.txt": LATIN1_TEXT.encode("latin-1"),
    "009_mixed_encodings.txt": (RU_DATA_CENTERS.replace("850", "900").encode("utf-8")
                                + "Россия и санкции: новый доклад.\n".encode("cp1251")),
    "010_bom.txt": b"\xef\xbb\xbf" + EN_CHIPS.replace("GigaChat", "Kandinsky").encode("utf-8"),
    "011_crlf.txt": EN_TALENT.replace("Yandex", "VK").replace("\n", "\r\n").encode("utf-8"),
    "012_no_punctuation.txt": NO_PUNCTUATION,
    "013_arabic.txt": ARABIC,
    "014_emoji.txt": EMOJI,
    "015 статья о ИИ.txt": RU_STRATEGY.replace("2030", "2035"),
    "016_script.txt": SCRIPT_TEXT,
    "017_href.txt": HREF_TEXT,
    "018_mojibake.txt": MOJIBAKE_TEXT,
    "019_bad_date.txt": EN_CHIPS.replace("Sberbank", "Rostec"),
    "021_duplicate_of_001.txt": EN_CHIPS,
}
FILES_SKIPPED = {
    "030_empty.txt": b"",
    "031_binary.txt": bytes(range(256)) * 64,
    "032_blob.txt": json.dumps({"id": 1, "title": "Not an article", "tags": ["ai", "russia"]}),
}

# Problem lines the files must produce: (file, text the one-line message contains).
EXPECTED_PROBLEMS = [
    ("007_ru_cp1251.txt", "not UTF-8: decoded as cp1251 (detected)"),
    ("008_latin1.txt", "not UTF-8: decoded as cp1252 (detected)"),
    ("009_mixed_encodings.txt", "mixed encodings: 1 line(s) in cp1251, the rest UTF-8"),
    ("016_script.txt", "HTML markup in a text file: tags removed (img, script)"),
    ("017_href.txt", "HTML markup in a text file: tags removed (a, b)"),
    ("018_mojibake.txt", "mojibake repaired in 2 line(s)"),
    ("018_mojibake.txt", "2 replacement character(s) (U+FFFD)"),
    ("019_bad_date.txt", "published '2025-13-01' is not a calendar date"),
    ("021_duplicate_of_001.txt", "same content as doc_id '001'; skipped as a duplicate"),
    ("030_empty.txt", "empty file; skipped"),
    ("031_binary.txt", "binary data, not text; skipped"),
    ("032_blob.txt", "JSON data, not article text; skipped"),
    ("033_huge_line.txt", "paragraph(s) with over 2,000 characters without sentence punctuation"),
]
HUGE_LINE_NAME = "033_huge_line.txt"


def huge_line(n_bytes: int = 5_000_000) -> bytes:
    """One line of about n_bytes: words without any sentence punctuation."""
    words = "russia builds sovereign ai models despite sanctions on chips and brain drain "
    return (words * (n_bytes // len(words) + 1))[:n_bytes].encode("utf-8")


def build_mixed_corpus(folder: Path, with_huge_line: bool = True) -> tuple[Path, Path]:
    """Write the mixed corpus and its manifest into ``folder``; return (articles dir, manifest)."""
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    files = {**FILES_THAT_LOAD, **FILES_SKIPPED}
    if with_huge_line:
        files[HUGE_LINE_NAME] = huge_line()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (articles / name).write_bytes(data)
    manifest = folder / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["doc_id", "file", "publisher", "published", "source_type", "sha256"])
        for name in sorted(files):
            doc_id = name[:3]
            published = {"019_bad_date.txt": "2025-13-01", "001_en_chips.txt": "2024-05",
                         "003_ru_strategy.txt": "2025-11-19"}.get(name, "")
            source_type = "news" if int(doc_id) % 2 else "blog"
            digest = hashlib.sha256((articles / name).read_bytes()).hexdigest()
            writer.writerow([doc_id, name, f"Publisher {doc_id}", published, source_type, digest])
    return articles, manifest
