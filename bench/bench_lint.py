"""Benchmark `termcheck lint`: throughput, glossary load time, peak memory, start-up time, and
precision and recall of all rules on the planted errors of the generated corpora.

    python3 bench/bench_lint.py            # full run: 1 MB and 10 MB corpora, 100..50,000 concepts
    python3 bench/bench_lint.py --quick    # 1 MB corpus, 100 and 10,000 concepts
    python3 bench/bench_lint.py --accuracy # only precision/recall: 10 MB English + 1 MB Arabic, 10,000 concepts

Each measurement runs in a fresh interpreter so that peak memory (ru_maxrss) belongs to it alone.
Prints one JSON object per line and a table at the end. Nothing here is asserted by tests.

Accuracy. The generator knows every error it plants, with its offsets: a forbidden form (TC101),
among them case-only forbidden forms (`Kataib hizbullah` for `Kataib Hizbullah`) and, in the
Arabic corpus, hamza-only ones (إ for ا); a drifted spelling of a name (TC102, or TC101 where the
drift happens to be the listed forbidden form); a lower-case `al-` name at the start of a sentence
(TC103). Everything else in the corpus is correct: English filler with weekdays, months and
sentence-initial common nouns, and names spelled as listed. A finding is true when a planted error
has its rule and exact span (a TC104 finding pointing at a planted misspelling is true as well);
recall counts the planted errors found by their rule at their span.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap
import time
from typing import NamedTuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYLLABLES = ["ka", "ta", "ib", "hiz", "bul", "lah", "mu", "han", "dis", "qa", "sim", "sul", "ay", "ma", "ni", "ha",
             "dar", "iy", "un", "ra", "fi", "di", "sa", "ba", "ri", "zay", "nab", "jaf", "far", "kha", "lid", "amr"]
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
FILLER = ("said on Tuesday that the talks would continue despite objections from rival blocs in parliament. "
          "Officials in Baghdad declined to comment on the figures, which could not be verified independently. "
          "The committee met for a third time this month and is expected to publish its findings next week. ").split()
# Ordinary words that look like names to a capitalized-run scan: sentence openers, weekdays, months.
OPENERS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
           "August September October November December Muslim Arabic Sunday Parliament Security Witnesses Minister "
           "Residents Analysts Lawmakers Critics Diplomats Negotiators Protesters Police Policy Islamic").split()
AR_FILLER = ("قال المسؤولون إن المحادثات ستستمر رغم اعتراضات الكتل المنافسة في البرلمان . "
             "ورفض مسؤولون في بغداد التعليق على الأرقام التي لم يتسن التحقق منها بشكل مستقل . "
             "واجتمعت اللجنة للمرة الثالثة هذا الشهر ومن المتوقع أن تنشر نتائجها الأسبوع المقبل . ").split()


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


class Concept(NamedTuple):
    en: str
    en_forbidden: str
    ar: str
    ar_forbidden: str  # "" when the concept has none


def _case_only(name: str) -> str | None:
    """`Kataib hizbullah` for `Kataib Hizbullah`: the second word lower-cased (None if it has an article)."""
    words = name.split()
    if len(words) < 2 or words[1].startswith("al-"):
        return None
    return " ".join([words[0], words[1].lower(), *words[2:]])


def write_glossary(path: str, concepts: int, seed: int = 7) -> list[Concept]:
    """One concept in 20 forbids a case-only variant; one in 10 a hamza-only Arabic variant."""
    rng = random.Random(seed)
    names: list[Concept] = []
    seen: set[str] = set()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "en", "ar", "en_forbidden", "ar_forbidden"])
        while len(names) < concepts:
            en = _name(rng)
            forbidden = _variant(en, rng)
            if len(names) % 20 == 19:
                forbidden = _case_only(en) or forbidden
            if en.lower() in seen or forbidden.lower() in seen or forbidden == en:
                continue
            seen.update((en.lower(), forbidden.lower()))
            ar = " ".join("".join(rng.choice(ARABIC) for _ in range(rng.randint(3, 6))) for _ in range(2))
            ar_forbidden = ""
            if len(names) % 10 == 3:
                ar = "ا" + ar
                ar_forbidden = "إ" + ar[1:]
            writer.writerow([f"c{len(names)}", en, ar, forbidden, ar_forbidden])
            names.append(Concept(en, forbidden, ar, ar_forbidden))
    return names


class Planted(NamedTuple):
    start: int
    end: int
    rule: str
    expected: str


def write_corpus(path: str, size: int, names: list[Concept], seed: int = 11) -> list[Planted]:
    """News-like English: names spelled right (most), forbidden or drifted (some), lines wrapped at 72.

    Returns the planted errors. Sentences after a full stop open with an ordinary capitalized word
    now and then (Monday, Police): correct text a name scan must not take for a variant.
    """
    rng = random.Random(seed)
    # A drift may land on another concept's listed form: that is what the glossary says it is.
    preferred = {c.en for c in names}
    forbidden = {c.en_forbidden: c.en for c in names}
    out: list[str] = []
    planted: list[Planted] = []
    total = 0
    while total < size:
        words: list[str] = []
        offset = total
        for _ in range(rng.randint(3, 6)):
            concept = rng.choice(names)
            roll = rng.random()
            name = concept.en if roll < 0.8 else concept.en_forbidden if roll < 0.9 else _variant(concept.en, rng)
            at_start = not words or words[-1].endswith(".")
            start = offset + sum(len(w) + 1 for w in words)
            end = start + len(name)
            if name in forbidden:
                planted.append(Planted(start, end, "TC101", forbidden[name]))
            elif name not in preferred:
                planted.append(Planted(start, end, "TC102", concept.en))
            if at_start and name.startswith("al-") and name not in forbidden:
                word_end = start + len(name.split()[0])
                planted.append(Planted(start, word_end, "TC103", "A" + name.split()[0][1:]))
            words.append(name)
            filler = rng.sample(FILLER, rng.randint(6, 18))
            words.extend(w if not (i and filler[i - 1].endswith(".") and rng.random() < 0.5) else
                         rng.choice(OPENERS) for i, w in enumerate(filler))
        # spaces become line breaks, nothing else changes: the planted offsets stay exact
        paragraph = textwrap.fill(" ".join(words) + ".", 72, break_on_hyphens=False, break_long_words=False)
        assert len(paragraph) == len(" ".join(words)) + 1
        out.append(paragraph)
        total += len(paragraph) + 2
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(out) + "\n")
    return planted


def write_arabic_corpus(path: str, size: int, names: list[Concept], seed: int = 13) -> list[Planted]:
    """Arabic copy: listed names (most) and hamza-only forbidden forms (some) among filler."""
    rng = random.Random(seed)
    with_hamza = [c for c in names if c.ar_forbidden]
    out: list[str] = []
    planted: list[Planted] = []
    total = 0
    while total < size * 0.55:  # Arabic letters take two bytes
        words: list[str] = []
        for _ in range(rng.randint(3, 6)):
            concept = rng.choice(with_hamza if rng.random() < 0.3 else names)
            name = concept.ar
            if concept.ar_forbidden and rng.random() < 0.4:
                name = concept.ar_forbidden
                start = total + sum(len(w) + 1 for w in words)
                planted.append(Planted(start, start + len(name), "TC101", concept.ar))
            words.append(name)
            words.extend(rng.sample(AR_FILLER, rng.randint(6, 18)))
        paragraph = " ".join(words) + " ."
        out.append(paragraph)
        total += len(paragraph) + 2
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(out) + "\n")
    return planted


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
doc = read_document(sys.argv[2], lang=sys.argv[3] if len(sys.argv) > 3 else "en")
t3 = time.perf_counter()
ctx = document_context(doc, matcher)
t4 = time.perf_counter()
c4 = time.process_time()
findings = lint_document(doc, matcher)
t5 = time.perf_counter()
c5 = time.process_time()
size = len(doc.text.encode("utf-8")) / 1e6
print(json.dumps({
    "concepts": len(glossary), "corpus_mb": round(size, 2),
    "glossary_read_s": round(t1 - t0, 3), "matcher_build_s": round(t2 - t1, 3),
    "match_only_mb_s": round(size / (t4 - t3), 1), "lint_all_rules_s": round(t5 - t4, 3), "lint_all_rules_cpu_s": round(c5 - c4, 3),
    "lint_all_rules_mb_s": round(size / (t5 - t4), 2), "matches": len(ctx.matches), "findings": len(findings),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
if len(sys.argv) > 4:  # the findings, for precision and recall
    with open(sys.argv[4], "w", encoding="utf-8") as out:
        for f in findings:
            out.write(json.dumps([f.rule, f.location.start, f.location.end, f.found, f.expected]) + "\n")
"""


def measure(glossary: str, corpus: str, lang: str = "en", findings_path: str | None = None) -> dict:
    argv = [sys.executable, "-c", MEASURE, glossary, corpus, lang] + ([findings_path] if findings_path else [])
    result = subprocess.run(argv, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def score(findings_path: str, planted: list[Planted], forbidden: dict[str, str], text: str) -> dict:
    """Precision and recall of all rules against the planted errors (see the module doc).

    `forbidden` maps each forbidden form to its preferred form: a TC101 finding on a forbidden form
    is true wherever it stands (inside a drifted longer name too). A planted misspelling is found
    when a finding of its rule has its span, or when the TC101/TC102 findings inside its span,
    applied, give the expected name (the drifted word of a long name was another concept's
    forbidden form).
    """
    truth = {(p.rule, p.start, p.end): p for p in planted}
    misspelt = {(p.start, p.end) for p in planted if p.rule != "TC103"}
    found: set[tuple[str, int, int]] = set()
    fixes: list[tuple[int, int, str]] = []
    true = 0
    false_by_rule: dict[str, int] = {}
    false_examples: dict[str, dict[str, int]] = {}
    with open(findings_path, encoding="utf-8") as handle:
        for line in handle:
            rule, start, end, found_text, expected = json.loads(line)
            key = (rule, start, end)
            hit = truth.get(key)
            if rule in ("TC101", "TC102") and expected:
                fixes.append((start, end, expected))
            if hit is not None and (expected or "").lower() == hit.expected.lower():
                true += 1
                found.add(key)
            elif rule == "TC104" and (start, end) in misspelt:
                true += 1
            elif rule == "TC101" and forbidden.get(found_text) == expected:
                true += 1
            else:
                text_ = found_text
                false_by_rule[rule] = false_by_rule.get(rule, 0) + 1
                examples = false_examples.setdefault(rule, {})
                label = f"{text_} -> {expected}"
                examples[label] = examples.get(label, 0) + 1
    fixes.sort()
    starts = [f[0] for f in fixes]
    for p in planted:
        if p.rule == "TC103" or (p.rule, p.start, p.end) in found:
            continue
        inside = [f for f in fixes[bisect.bisect_left(starts, p.start):bisect.bisect_left(starts, p.end)] if f[1] <= p.end]
        fixed, at = "", p.start
        for start, end, expected in inside:
            if start >= at:
                fixed, at = fixed + text[at:start] + expected, end
        if inside and " ".join((fixed + text[at:p.end]).split()).lower() == p.expected.lower():
            found.add((p.rule, p.start, p.end))
    total = true + sum(false_by_rule.values())
    by_rule = {}
    for rule in sorted({p.rule for p in planted}):
        wanted = [k for k in truth if k[0] == rule]
        by_rule[rule] = f"{sum(k in found for k in wanted)}/{len(wanted)}"
    worst = {r: sorted(e.items(), key=lambda kv: -kv[1])[:6] for r, e in false_examples.items()}
    return {"findings": total, "true": true, "precision": round(true / total, 4) if total else 1.0,
            "planted": len(truth), "recall": round(len(found) / len(truth), 4) if truth else 1.0,
            "recall_by_rule": by_rule, "false_by_rule": false_by_rule, "top_false": worst}


def accuracy(tmp: str, count: int = 10_000, size: int = 10_000_000) -> list[dict]:
    """Precision and recall of `lint` (all rules) on a 10 MB English and a 1 MB Arabic corpus."""
    glossary = os.path.join(tmp, f"acc{count}.csv")
    names = write_glossary(glossary, count)
    forbidden = {form: preferred for c in names
                 for form, preferred in ((c.en_forbidden, c.en), (c.ar_forbidden, c.ar)) if form}
    rows = []
    for lang, corpus_size, writer in (("en", size, write_corpus), ("ar", size // 10, write_arabic_corpus)):
        corpus = os.path.join(tmp, f"acc-{lang}.txt")
        planted = writer(corpus, corpus_size, names)
        findings = os.path.join(tmp, f"acc-{lang}.jsonl")
        row = measure(glossary, corpus, lang, findings)
        with open(corpus, encoding="utf-8") as handle:
            text = handle.read()
        row = {"accuracy": lang, "concepts": row["concepts"], "corpus_mb": row["corpus_mb"],
               "lint_all_rules_s": row["lint_all_rules_s"], "lint_all_rules_cpu_s": row["lint_all_rules_cpu_s"],
               **score(findings, planted, forbidden, text)}
        rows.append(row)
        os.remove(corpus)
    return rows


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
    parser.add_argument("--accuracy", action="store_true", help="only precision and recall (10,000 concepts, 10 MB)")
    args = parser.parse_args()
    if args.accuracy:
        with tempfile.TemporaryDirectory() as tmp:
            for row in accuracy(tmp):
                print(json.dumps(row, ensure_ascii=False), flush=True)
        return
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
        accuracy_rows = [] if args.quick else accuracy(tmp)
    print(json.dumps(start))
    for row in accuracy_rows:
        print(json.dumps(row, ensure_ascii=False))
    print()
    print(f"{'concepts':>9} {'MB':>5} {'load s':>7} {'build s':>8} {'match MB/s':>10} {'lint MB/s':>9} {'peak MB':>8}")
    for r in rows:
        print(f"{r['concepts']:>9} {r['corpus_mb']:>5} {r['glossary_read_s']:>7} {r['matcher_build_s']:>8} "
              f"{r['match_only_mb_s']:>10} {r['lint_all_rules_mb_s']:>9} {r['peak_rss_mb']:>8}")
    print(f"start-up: lint of {start['startup_article']} ({start['article_kb']} KB): "
          f"best {start['startup_best_s']} s, median {start['startup_median_s']} s")
    for row in accuracy_rows:
        print(f"accuracy ({row['accuracy']}, {row['corpus_mb']} MB, {row['concepts']} concepts, all rules): "
              f"precision {row['precision']:.2%} ({row['true']}/{row['findings']}), "
              f"recall {row['recall']:.2%} of {row['planted']} planted {row['recall_by_rule']}")


if __name__ == "__main__":
    main()
