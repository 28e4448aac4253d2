"""CPU seconds of each document rule of `termcheck lint` on bench_peers' tree, in one process.

    python3 bench/bench_rules_cpu.py                       # writes the 10 MB tree to a temp dir
    python3 bench/bench_rules_cpu.py --work /tmp/speed2    # tree and glossary kept there (reused)
    python3 bench/bench_rules_cpu.py --work /tmp/speed2 --best-of 5   # least CPU of 5 passes a row
    python3 bench/bench_rules_cpu.py --work /tmp/speed2 --translit     # translit_key, caches cleared

Shared work is timed on its own first (the glossary matches, the name spans of TC102-TC104), then
each rule over every document, as `termcheck lint --jobs 1` runs them. CPU time (process_time):
the machine is shared, wall time follows the other jobs. --best-of N makes N passes over the tree
(new contexts, the variant index's memos emptied) and prints each row's least: a steadier figure
for changes of a few per cent, from the second pass on with the functions' lru caches warm (the
first pass is what a lint run pays). --translit times text.translit.translit_key alone, its caches
cleared, over the distinct texts and words of the tree's name spans (what a run computes once each;
best of 5). Numbers to read, no assertion.
"""

from __future__ import annotations

import argparse
import gc
import glob
import os
import sys
import tempfile
import time
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", help="folder for the tree and glossary (kept and reused)")
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--best-of", type=int, default=1, help="passes over the tree; each row's least CPU")
    parser.add_argument("--translit", action="store_true", help="time translit_key on the name spans' texts")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="termcheck-rules-cpu-")
    glossary, tree = os.path.join(work, "glossary.csv"), os.path.join(work, "tree")
    if not os.path.exists(tree):
        from bench_peers import write_glossary, write_tree

        write_tree(tree, args.size, write_glossary(glossary, args.concepts))
    from termcheck.commands.common import read_checked
    from termcheck.contexts import document_context
    from termcheck.glossary.cache import compiled_matcher
    from termcheck.rules.registry import checks
    from termcheck.rules.variants import name_spans, variant_index

    gc.set_threshold(100_000, 50, 100)  # as termcheck lint runs its rules (commands.lint)
    matcher = compiled_matcher([glossary])
    variant_index(matcher)
    docs = [read_checked(path, None, None)[0] for path in sorted(glob.glob(os.path.join(tree, "*", "*.md")))]
    rules = checks("document", None)
    clock = time.process_time
    best: dict[str, float] = {}
    found: dict[str, int] = defaultdict(int)
    for _ in range(args.best_of):
        variant_index(matcher)._empty_memos()
        cpu: dict[str, float] = defaultdict(float)
        found.clear()
        for doc in docs:
            t = clock()
            ctx = document_context(doc, matcher)
            cpu["context (markup masked)"] += clock() - t
            t = clock()
            ctx.matches
            cpu["glossary matches (Matcher.find)"] += clock() - t
            t = clock()
            name_spans(ctx)
            cpu["name spans (TC102-TC104 share)"] += clock() - t
            for rule in rules:
                name = f"{rule.__module__.rsplit('.', 1)[1]}.{rule.__name__}"
                t = clock()
                findings = list(rule(ctx))
                cpu[name] += clock() - t
                found[name] += len(findings)
        best = {name: min(seconds, best.get(name, seconds)) for name, seconds in cpu.items()}
    cpu = best
    if args.translit:
        time_translit([doc for doc in docs], matcher)
    for name, seconds in sorted(cpu.items(), key=lambda item: -item[1]):
        print(f"{name:48} {seconds:6.3f} s" + (f"  {found[name]:>6} findings" if name in found else ""))
    print(f"{'total':48} {sum(cpu.values()):6.3f} s  ({len(docs)} files)")


def time_translit(docs: list, matcher) -> None:
    from termcheck.contexts import document_context
    from termcheck.rules.variants import name_spans
    from termcheck.text import translit

    texts: dict[str, None] = {}
    for doc in docs:
        for span in name_spans(document_context(doc, matcher)):
            texts[span.text] = None
            texts.update(dict.fromkeys(span.text.split()))
    best = float("inf")
    for _ in range(5):
        translit.translit_key.cache_clear()
        translit._word_key.cache_clear()
        t = time.process_time()
        for text in texts:
            translit.translit_key(text)
        best = min(best, time.process_time() - t)
    print(f"{'translit_key, caches cleared (best of 5)':48} {best:6.3f} s  {len(texts):>6} texts")


if __name__ == "__main__":
    main()
