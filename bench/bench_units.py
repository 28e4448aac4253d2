"""Speed of the units pipeline: PO reading and the term rules (TC101/TC201), separately.

python3 bench/bench_units.py [--units 100000] [--concepts 10000] [--vocabulary N] [--profile] [--dump FILE]
Synthetic data: a PO catalogue of N units and a glossary of M concepts (en/ar forms, some
forbidden); about one unit in three mentions a glossary term. Single process. Times are wall
time, and the CPU time (time.process_time) of all unit checks is printed too: read that one on a
shared machine. All unit checks are timed first, on cold caches, as one `termcheck units` run meets
them: the word caches (lru_cache, 65,536 words) are warm after a first pass over the same units, which
made 20,000 units look a third faster per unit than 100,000 (whose words overflow them); the warm
figure is printed after it. --profile prints the top functions of one more run of all unit checks
(cProfile).
--dump FILE writes the findings of all unit checks, one JSON line each (the temporary folder left
out of the path), to compare two versions' findings byte for byte.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import tempfile
import time
import tracemalloc

from termcheck.formats import read_units
from termcheck.match import Matcher
from termcheck.model import Concept, Glossary, Status, Term
from termcheck.units import Locator, UnitCheckOptions, check_units, term_findings

_AR = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_EN = "abcdefghijklmnopqrstuvwxyz"


def word(rng: random.Random, letters: str, low: int = 3, high: int = 8) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(low, high)))


def make_glossary(rng: random.Random, count: int) -> Glossary:
    concepts = []
    for i in range(count):
        en = " ".join(word(rng, _EN, 5, 9) for _ in range(rng.randint(1, 2)))
        ar = " ".join(word(rng, _AR, 4, 7) for _ in range(rng.randint(1, 2)))
        terms = [Term(en, "en", Status.PREFERRED), Term(ar, "ar", Status.PREFERRED)]
        if i % 5 == 0:
            terms.append(Term(word(rng, _AR, 5, 8), "ar", Status.FORBIDDEN))
        concepts.append(Concept(f"c{i}", terms, index=i))
    return Glossary(concepts, path="synthetic")


def write_po(path: str, rng: random.Random, glossary: Glossary, count: int, vocabulary: int = 0) -> None:
    """`vocabulary` > 0: the words other than terms come from that many words a language, drawn by
    Zipf's law (rank r with weight 1/r), as a catalogue's words recur; 0: every word new (the
    default, the worst case for the word caches)."""
    if vocabulary:
        en_words = [word(rng, _EN) for _ in range(vocabulary)]
        ar_words = [word(rng, _AR) for _ in range(vocabulary)]
        cumulative = list(itertools.accumulate(1 / rank for rank in range(1, vocabulary + 1)))

        def words(letters: str, k: int) -> list[str]:
            return rng.choices(en_words if letters is _EN else ar_words, cum_weights=cumulative, k=k)
    else:
        def words(letters: str, k: int) -> list[str]:
            return [word(rng, letters) for _ in range(k)]
    with open(path, "w", encoding="utf-8") as out:
        out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n\n')
        for i in range(count):
            source = words(_EN, rng.randint(3, 10))
            target = words(_AR, rng.randint(3, 10))
            if i % 3 == 0:
                concept = rng.choice(glossary.concepts)
                source.insert(1, concept.terms[0].text)
                if i % 2 == 0:  # half rendered (sometimes with the forbidden form), half missing
                    target.insert(1, concept.terms[-1].text)
            out.write(f'#: src/file{i % 97}.c:{i}\nmsgid "{" ".join(source)} {i}"\nmsgstr "{" ".join(target)}"\n\n')


def dump_findings(findings: list, path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for finding in findings:
            data = finding.to_dict()
            data["start"], data["end"] = finding.location.start, finding.location.end
            for key in ("path", "source_path"):
                if data.get(key):
                    data[key] = os.path.basename(data[key])
            out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--vocabulary", type=int, default=0,
                        help="draw the words from this many a language, by Zipf's law (default: every word new)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--dump", metavar="FILE", help="write the findings of all unit checks as JSON lines")
    args = parser.parse_args()
    rng = random.Random(7)
    glossary = make_glossary(rng, args.concepts)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.po")
        write_po(path, rng, glossary, args.units, args.vocabulary)
        size = os.path.getsize(path)

        start, cpu_start = time.perf_counter(), time.process_time()
        units = read_units(path)
        read_s, read_cpu = time.perf_counter() - start, time.process_time() - cpu_start

    start = time.perf_counter()
    matcher = Matcher(glossary)
    matcher.find("ا")  # the Arabic lemma layer is built on the first Arabic text: count it here
    build_s = time.perf_counter() - start

    start, cpu_start = time.perf_counter(), time.process_time()
    everything = check_units(units, matcher, UnitCheckOptions())
    all_s, all_cpu = time.perf_counter() - start, time.process_time() - cpu_start

    start = time.perf_counter()
    findings = list(term_findings(units, matcher, Locator({})))
    terms_s = time.perf_counter() - start
    # Memory in a second run: tracemalloc slows Python code down, so it stays out of the timing.
    tracemalloc.start()
    list(term_findings(units, matcher, Locator({})))
    _, peak_terms = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    cpu_start = time.process_time()
    again = check_units(units, matcher, UnitCheckOptions())
    warm_cpu = time.process_time() - cpu_start
    assert again == everything

    if args.dump:
        dump_findings(everything, args.dump)
    n = len(units)
    print(f"units: {n:,} ({size / 1e6:.1f} MB PO), glossary: {len(glossary):,} concepts")
    print(f"read (PO parse + line numbers): {read_s:.2f} s = {n / read_s:,.0f} units/s; "
          f"CPU {read_cpu:.2f} s = {n / read_cpu:,.0f} units/s")
    print(f"matcher build (Arabic layer included): {build_s:.2f} s")
    print(f"term rules TC101+TC201: {terms_s:.2f} s = {n / terms_s:,.0f} units/s, {len(findings):,} findings, "
          f"peak traced memory during them {peak_terms / 1e6:.1f} MB")
    print(f"all unit checks (no TC307), cold caches: {all_s:.2f} s = {n / all_s:,.0f} units/s, {len(everything):,} findings; "
          f"CPU {all_cpu:.2f} s = {n / all_cpu:,.0f} units/s")
    print(f"all unit checks again, warm caches: CPU {warm_cpu:.2f} s = {n / warm_cpu:,.0f} units/s")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        check_units(units, matcher, UnitCheckOptions())
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
