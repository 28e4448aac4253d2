"""Time loading a 50,000-concept glossary and compiling its Matcher.

    python3 bench/bench_glossary.py [--concepts 50000] [--repeat 3] [--profile] [--cache]

Writes a synthetic CSV (en + ar preferred, 1-3 forbidden variants per concept, chosen
deterministically) to a temporary directory, then times `load_glossary` and `Matcher(...)`
separately; the best of --repeat runs is printed. --profile prints the top functions of one
load + build under cProfile.
--cache times the compiled-glossary cache (termcheck.glossary.cache) in a scratch cache folder:
the first load (parse, build, store in the background) and the cached load (unpickle), each in a
fresh interpreter, best of --repeat, wall and CPU; and the CPU of the Arabic lemma layer, which the
matcher builds (or reads from the cache) on the first text with Arabic.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from termcheck.glossary import load_glossary  # noqa: E402
from termcheck.match import Matcher  # noqa: E402

LATIN = "abdefghiklmnorstuyz"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _word(rng: random.Random, letters: str, low: int, high: int) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(low, high)))


def write_glossary(path: str, concepts: int, seed: int = 7) -> int:
    """Write the CSV; returns the number of terms written."""
    rng = random.Random(seed)
    terms = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "en", "ar", "en_forbidden", "ar_forbidden"])
        for i in range(concepts):
            en = " ".join(_word(rng, LATIN, 3, 9).capitalize() for _ in range(rng.randint(1, 3)))
            ar = " ".join(_word(rng, ARABIC, 3, 7) for _ in range(rng.randint(1, 3)))
            # 1-3 forbidden variants per concept, each English or Arabic: the preferred form
            # with a suffix (English) or with the article and a suffix (Arabic).
            en_bad, ar_bad = [], []
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.5:
                    en_bad.append(f"{en}{_word(rng, LATIN, 1, 2)}")
                else:
                    ar_bad.append("ال" + ar + _word(rng, ARABIC, 1, 1))
            writer.writerow([f"c{i}", en, ar, "|".join(en_bad), "|".join(ar_bad)])
            terms += 2 + len(en_bad) + len(ar_bad)
    return terms


CACHED_LOAD = r"""
import sys, time
t0, c0 = time.perf_counter(), time.process_time()
from termcheck.glossary.cache import compiled_matcher
matcher = compiled_matcher([sys.argv[1]], background=sys.argv[2] == "background")
t1, c1 = time.perf_counter(), time.process_time()
matcher.find("\u0643\u0644\u0645\u0629")  # the Arabic lemma layer, built or read on the first Arabic text
print(t1 - t0, c1 - c0, time.process_time() - c1, len(matcher._automaton))
"""


def cache_times(path: str, repeat: int) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """((wall, CPU, Arabic layer CPU) of the first load, the same of the cached load) in fresh
    interpreters, imports included; best of `repeat` each (CPU: the process's, what the wall time
    is on an idle machine)."""
    import subprocess

    firsts, cached = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, "TERMCHECK_CACHE_DIR": folder, "TERMCHECK_NO_CACHE": "0"}
            run = [sys.executable, "-c", CACHED_LOAD, path]
            firsts.append(subprocess.run(run + ["background"], env=env, capture_output=True, text=True,
                                         check=True).stdout.split()[:3])
            # the first load stored the cache from a forked child; store it here if it is not there yet
            subprocess.run(run + ["foreground"], env=env, capture_output=True, check=True)
            cached.append(subprocess.run(run + ["foreground"], env=env, capture_output=True, text=True,
                                         check=True).stdout.split()[:3])
    return (tuple(min(float(t[k]) for t in firsts) for k in range(3)),
            tuple(min(float(t[k]) for t in cached) for k in range(3)))


def _best(fn, repeat: int):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--cache", action="store_true", help="time the compiled-glossary cache")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "synthetic.csv")
        terms = write_glossary(path, args.concepts)
        size = os.path.getsize(path)
        load_s, glossary = _best(lambda: load_glossary(path), args.repeat)
        build_s, matcher = _best(lambda: Matcher(glossary), args.repeat)
        print(f"glossary: {args.concepts} concepts, {terms} terms, {size / 1e6:.1f} MB")
        print(f"load_glossary: {load_s:.3f} s")
        print(f"Matcher():     {build_s:.3f} s ({len(matcher._automaton)} automaton keys)")
        print(f"total:         {load_s + build_s:.3f} s (target < 1 s)")
        start = time.perf_counter()
        matcher.find("\u0643\u0644\u0645\u0629")  # the Arabic lemma layer is built on the first Arabic text
        layer_s = time.perf_counter() - start
        print(f"Arabic layer:  {layer_s:.3f} s, on the first text with Arabic (with it: {load_s + build_s + layer_s:.3f} s)")
        if args.cache:
            first, cached = cache_times(path, args.repeat)
            print(f"compiled-glossary cache: first load {first[0]:.3f} s, cached load {cached[0]:.3f} s "
                  f"(targets 1 s and 0.2 s; load average {os.getloadavg()[0]:.1f})")
            print(f"  CPU: first load {first[1]:.3f} s, cached load {cached[1]:.3f} s; then the Arabic lemma "
                  f"layer on the first Arabic text: {first[2]:.3f} s built, {cached[2]:.3f} s from the cache")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            Matcher(load_glossary(path))
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
