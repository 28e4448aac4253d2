"""Precision and recall of `termcheck glossary mine`, and its speed on the TICO-19 memory.

    python3 bench/eval_mine.py [--unlabeled] [--runs N]

Bundled corpora (the three planted pairs ar.md/en.md, mined without any glossary):
- recall: of the house-glossary concepts written at least twice in each language across the six
  files (termcheck's matcher with glossaries/house.csv counts them), the share that some candidate
  proposes with the right pairing: one of its English spellings and one of its Arabic spellings
  are both, whole, forms of that concept (the matcher decides: inflection, hamza and case folded);
- precision: the share of the top 50 candidates labelled `accept` in
  tests/data/mine/bundled_labels.tsv (a reviewer's call, one row per candidate: en, ar, label,
  reason).
TICO-19 (../shared/realdata/tico19, read in place):
- recall: the Google (both directions) and Facebook term-list pairs whose English and Arabic forms
  both occur in at least 3 units of the TMX (matched as above; `X (Y)` forms match X or Y); a pair
  is recalled when a candidate's spellings and the pair's forms match each other, whole, one way
  or the other (a candidate `symptom` against the list's `symptoms`); a list's leading 'the' is
  dropped ('the incubation period');
- precision@100: the top 100 term candidates (kind `term`: paired by association; names, paired
  by transliteration, are listed first in the output and left out here) against
  tests/data/mine/tico19_labels.tsv;
- speed: reading and mining the 3,071-unit TMX, best of --runs, with the load average.
--unlabeled prints the top candidates that have no label yet, ready to paste and label.
"""

from __future__ import annotations

import argparse
import csv
import glob
import os
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from termcheck.formats import read_units  # noqa: E402
from termcheck.glossary import load_glossary  # noqa: E402
from termcheck.io import read_text  # noqa: E402
from termcheck.match import Matcher  # noqa: E402
from termcheck.mine import mine  # noqa: E402
from termcheck.mine.sources import article_pairs, unit_pairs  # noqa: E402
from termcheck.model import Concept, Document, Glossary, Status, Term  # noqa: E402

CORPORA = os.path.join(ROOT, "corpora")
HOUSE = os.path.join(ROOT, "glossaries", "house.csv")
TICO = os.path.join(ROOT, "..", "shared", "realdata", "tico19")
LABELS = os.path.join(ROOT, "tests", "data", "mine")
SOURCE_LANG = {"pmf-budget": "ar", "sudani-factions": "en", "haydariyun-rally": "ar"}
TOP_BUNDLED, TOP_TICO = 50, 100


def bundled_documents() -> list[tuple[Document, Document]]:
    pairs = []
    for name, source in SOURCE_LANG.items():
        docs = {lang: Document(f"corpora/{name}/{lang}.md", read_text(os.path.join(CORPORA, name, f"{lang}.md"))[0], lang)
                for lang in ("ar", "en")}
        pairs.append((docs[source], docs["en" if source == "ar" else "ar"]))
    return pairs


def mine_bundled(min_count: int = 2):
    return mine((p for s, t in bundled_documents() for p in article_pairs(s, t)), min_count=min_count)


def tico_units():
    return read_units(os.path.join(TICO, "all.en-ar.tmx"))


def mine_tico(min_count: int = 2):
    return mine(unit_pairs(tico_units()), min_count=min_count)


def _whole(matcher: Matcher, text: str) -> set[str]:
    """Concepts of which `text` is, whole, a form."""
    return {c.key for m in matcher.find(text) if m.start == 0 and m.end == len(text) for c in m.concepts}


def proposes(candidate, matcher: Matcher, key: str) -> bool:
    return (any(key in _whole(matcher, s.text) for s in candidate.en)
            and any(key in _whole(matcher, s.text) for s in candidate.ar))


def bundled_recall(candidates) -> tuple[list[str], list[str]]:
    """(concepts that occur twice in each language, those proposed with the right pairing)."""
    house = load_glossary(HOUSE)
    matcher = Matcher(house)
    counts: dict[tuple[str, str], int] = {}
    for source, target in bundled_documents():
        for doc in (source, target):
            for match in matcher.find(doc.text):
                for concept in match.concepts:
                    counts[(concept.key, doc.lang)] = counts.get((concept.key, doc.lang), 0) + 1
    frequent = [c.key for c in house.concepts if counts.get((c.key, "en"), 0) >= 2 and counts.get((c.key, "ar"), 0) >= 2]
    found = [key for key in frequent if any(proposes(c, matcher, key) for c in candidates)]
    return frequent, found


def gold_term_lists() -> Glossary:
    """The Google and Facebook lists as one glossary: one concept per distinct (en, ar) pair."""
    rows: list[tuple[str, str, str]] = []
    for name, en_col, ar_col in (("g_en_ar.csv", "sourceString", "targetString"),
                                 ("g_ar_en.csv", "targetString", "sourceString"),
                                 ("f_en-ar_AR.csv", "sourceString", "targetString")):
        with open(os.path.join(TICO, name), encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                en, ar = row[en_col].strip(), row[ar_col].strip()
                if en.lower().startswith("the "):
                    en = en[4:]  # 'the incubation period': the term is 'incubation period'
                if en and ar:
                    rows.append((name, en, ar))
    concepts, seen = [], set()
    for name, en, ar in rows:
        if (en.lower(), ar) in seen:
            continue
        seen.add((en.lower(), ar))
        concepts.append(Concept(f"{en} = {ar}", [Term(en, "en", Status.PREFERRED), Term(ar, "ar", Status.PREFERRED)],
                                note=name, index=len(concepts)))
    return Glossary(concepts, path="tico19-term-lists")


def tico_recall(candidates, units) -> tuple[list[str], list[str]]:
    gold = gold_term_lists()
    matcher = Matcher(gold)
    together: dict[str, int] = {}
    for unit in units:
        both = {c.key for m in matcher.find(unit.source) for c in m.concepts} & {c.key for m in matcher.find(unit.target) for c in m.concepts}
        for key in both:
            together[key] = together.get(key, 0) + 1
    frequent = [c for c in gold.concepts if together.get(c.key, 0) >= 3]
    mined = Glossary([Concept(f"#{i}", [Term(s.text, "en", Status.PREFERRED) for s in c.en]
                              + [Term(s.text, "ar", Status.PREFERRED) for s in c.ar], index=i)
                      for i, c in enumerate(candidates)], path="mined")
    mined_matcher = Matcher(mined)
    found = []
    for concept in frequent:
        en, ar = concept.preferred("en").text, concept.preferred("ar").text
        forward = any(proposes(c, matcher, concept.key) for c in candidates)
        backward = bool(_whole(mined_matcher, en) & _whole(mined_matcher, ar))
        if forward or backward:
            found.append(concept.key)
    return [c.key for c in frequent], found


def read_labels(name: str) -> dict[tuple[str, str], tuple[str, str]]:
    path = os.path.join(LABELS, name)
    labels = {}
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))  # the labelling rule
        for row in csv.DictReader(lines, delimiter="\t"):
            labels[(row["en"], row["ar"])] = (row["label"], row["reason"])
    return labels


def precision(candidates, labels, top: int) -> tuple[int, int, list]:
    """(accepted, labelled, unlabelled candidates) among the top `top`."""
    accepted = labelled = 0
    missing = []
    for c in candidates[:top]:
        label = labels.get((c.preferred("en"), c.preferred("ar")))
        if label is None:
            missing.append(c)
            continue
        labelled += 1
        accepted += label[0] == "accept"
    return accepted, labelled, missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unlabeled", action="store_true", help="print top candidates without a label")
    parser.add_argument("--runs", type=int, default=3, help="TMX timing: best of N")
    args = parser.parse_args()

    mined = mine_bundled()
    frequent, found = bundled_recall(mined.candidates)
    print(f"bundled corpora: {mined.pairs} aligned pairs, {len(mined.candidates)} candidates")
    print(f"  recall: {len(found)}/{len(frequent)} = {len(found) / max(1, len(frequent)):.3f} of house concepts written >= 2 times in each language")
    print("  missed: " + (", ".join(k for k in frequent if k not in found) or "none"))
    accepted, labelled, missing = precision(mined.candidates, read_labels("bundled_labels.tsv"), TOP_BUNDLED)
    print(f"  precision@{TOP_BUNDLED}: {accepted}/{labelled} = {accepted / max(1, labelled):.3f} ({len(missing)} unlabelled)")
    if args.unlabeled:
        for c in missing:
            print(f"    {c.preferred('en')}\t{c.preferred('ar')}\t?\t{c.kind} {c.pairs}")

    units = tico_units()
    timings = []
    for _ in range(max(1, args.runs)):
        start = time.perf_counter()
        tico = mine(unit_pairs(tico_units()), min_count=2)
        timings.append(time.perf_counter() - start)
    frequent, found = tico_recall(tico.candidates, units)
    print(f"TICO-19 TMX: {len(units)} units, {len(tico.candidates)} candidates")
    print(f"  recall: {len(found)}/{len(frequent)} = {len(found) / max(1, len(frequent)):.3f} of term-list pairs in >= 3 units")
    tico_terms = [c for c in tico.candidates if c.kind == "term"]
    accepted, labelled, missing = precision(tico_terms, read_labels("tico19_labels.tsv"), TOP_TICO)
    print(f"  precision@{TOP_TICO} of term candidates: {accepted}/{labelled} = {accepted / max(1, labelled):.3f} ({len(missing)} unlabelled)")
    if args.unlabeled:
        for c in missing:
            print(f"    {c.preferred('en')}\t{c.preferred('ar')}\t?\t{c.kind} {c.pairs}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"  time (read + mine the TMX): best {min(timings):.2f} s of {len(timings)} (load average {load:.2f})")


if __name__ == "__main__":
    main()
