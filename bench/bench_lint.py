"""Benchmark `termcheck lint`: throughput, glossary load time, peak memory and start-up time.

    python3 bench/bench_lint.py            # full run: 1 MB and 10 MB corpora, 100..50,000 concepts
    python3 bench/bench_lint.py --quick    # 1 MB corpus, 100 and 10,000 concepts

Each measurement runs in a fresh interpreter so that peak memory (ru_maxrss) belongs to it alone.
Prints one JSON object per line and a table at the end. Nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYLLABLES = ["ka", "ta", "ib", "hiz", "bul", "lah", "mu", "han", "dis", "qa", "sim", "sul", "ay", "ma", "ni", "ha",
             "dar", "iy", "un", "ra", "fi", "di", "sa", "ba", "ri", "zay", "nab", "jaf", "far", "kha", "lid", "amr"]
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
FILLER = ("said on Tuesday that the talks would continue despite objections from rival blocs in parliament. "
          "Officials in Baghdad declined to comment on the figures, which could not be verified independently. "
          "The committee met for a third time this month and is expected to publish its findings next week. ").split()


def _name(rng: random.Random) -> str:
    words = []
    for _ in range(rng.choice((1, 2, 2, 3))):
        words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize())
    if rng.random() < 0.5:
        words[-1] = "al-" + words[-1]
    return " ".join(words)


def _variant(name: str, rng: random.Random) -> str:
    swaps = [("u", "o"), ("i", "e"), ("q", "k"), ("ay", "ai"), ("un", "oun")]
    rng.shuffle(swaps)
    for a, b in swaps:
        if a in name:
            return name.replace(a, b, 1)
    return name + "h"


def write_glossary(path: str, concepts: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "en", "ar", "en_forbidden"])
        while len(names) < concepts:
            en = _name(rng)
            forbidden = _variant(en, rng)
            if en.lower() in seen or forbidden.lower() in seen or forbidden == en:
                continue
            seen.update((en.lower(), forbidden.lower()))
            ar = " ".join("".join(rng.choice(ARABIC) for _ in range(rng.randint(3, 6))) for _ in range(2))
            writer.writerow([f"c{len(names)}", en, ar, forbidden])
            names.append((en, forbidden))
    return names


def write_corpus(path: str, size: int, names: list[tuple[str, str]], seed: int = 11) -> None:
    """News-like English: names spelled right (most), forbidden or drifted (some), lines wrapped at 72."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        words = []
        for _ in range(rng.randint(3, 6)):
            en, forbidden = rng.choice(names)
            roll = rng.random()
            words.append(en if roll < 0.8 else forbidden if roll < 0.9 else _variant(en, rng))
            words.extend(rng.sample(FILLER, rng.randint(6, 18)))
        paragraph = textwrap.fill(" ".join(words) + ".", 72)
        out.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(out) + "\n")


MEASURE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from termcheck.glossary import load_glossary
from termcheck.match import Matcher
from termcheck.io import read_document
from termcheck.lint import lint_document, document_context
glossary = load_glossary(sys.argv[1])
t1 = time.perf_counter()
matcher = Matcher(glossary)
t2 = time.perf_counter()
doc = read_document(sys.argv[2], lang="en")
t3 = time.perf_counter()
ctx = document_context(doc, matcher)
t4 = time.perf_counter()
findings = lint_document(doc, matcher)
t5 = time.perf_counter()
size = len(doc.text.encode("utf-8")) / 1e6
print(json.dumps({
    "concepts": len(glossary), "corpus_mb": round(size, 2),
    "glossary_read_s": round(t1 - t0, 3), "matcher_build_s": round(t2 - t1, 3),
    "match_only_mb_s": round(size / (t4 - t3), 1), "lint_all_rules_s": round(t5 - t4, 3),
    "lint_all_rules_mb_s": round(size / (t5 - t4), 2), "matches": len(ctx.matches), "findings": len(findings),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
"""


def measure(glossary: str, corpus: str) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, glossary, corpus], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def startup(tmp: str, runs: int = 5) -> dict:
    """Wall time of `termcheck lint` on a ~10 KB article with the bundled glossary, interpreter start included."""
    parts = sorted(os.path.join(d, "en.md") for d, _, files in os.walk(os.path.join(ROOT, "corpora")) if "en.md" in files)
    text = ""
    while len(text.encode("utf-8")) < 10_000:
        text += "\n\n".join(open(p, encoding="utf-8").read() for p in parts)
    article = os.path.join(tmp, "article.md")
    with open(article, "w", encoding="utf-8") as handle:
        handle.write(text.encode("utf-8")[:10_240].decode("utf-8", "ignore"))
    glossary = os.path.join(ROOT, "glossaries", "house.csv")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "termcheck", "lint", article, "-g", glossary], capture_output=True)
        times.append(time.perf_counter() - t0)
    return {"startup_article": "corpora/*/en.md cut to 10 KB", "article_kb": round(os.path.getsize(article) / 1024, 1),
            "startup_best_s": round(min(times), 3), "startup_median_s": round(sorted(times)[len(times) // 2], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [1_000_000] if args.quick else [1_000_000, 10_000_000]
    counts = [100, 10_000] if args.quick else [100, 1_000, 10_000, 50_000]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            glossary = os.path.join(tmp, f"g{count}.csv")
            names = write_glossary(glossary, count)
            for size in sizes:
                corpus = os.path.join(tmp, f"c{count}-{size}.txt")
                write_corpus(corpus, size, names)
                row = measure(glossary, corpus)
                print(json.dumps(row), flush=True)
                rows.append(row)
                os.remove(corpus)
        start = startup(tmp)
    print(json.dumps(start))
    print()
    print(f"{'concepts':>9} {'MB':>5} {'load s':>7} {'build s':>8} {'match MB/s':>10} {'lint MB/s':>9} {'peak MB':>8}")
    for r in rows:
        print(f"{r['concepts']:>9} {r['corpus_mb']:>5} {r['glossary_read_s']:>7} {r['matcher_build_s']:>8} "
              f"{r['match_only_mb_s']:>10} {r['lint_all_rules_mb_s']:>9} {r['peak_rss_mb']:>8}")
    print(f"start-up: lint of {start['startup_article']} ({start['article_kb']} KB): "
          f"best {start['startup_best_s']} s, median {start['startup_median_s']} s")


if __name__ == "__main__":
    main()
