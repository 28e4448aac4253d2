"""How `check` grows with the input: CPU time and peak memory of check_pair on ever larger pairs.

    python3 bench/bench_check_scale.py [--sizes 1000,2000,4000] [--layouts paragraphs,lines,list]

Each pair repeats the bundled corpora (bench/eval_align.synthetic_pair: paragraph order shuffled,
a few target paragraphs dropped) until the source has about SIZE sentences, in one of three
layouts: `paragraphs` as published (blank lines between paragraphs), `lines` (one sentence per
line and no blank line: the whole text is one paragraph, as in a sentence-per-line corpus file),
`list` (one Markdown list item per sentence: every sentence is a paragraph). Each run is a fresh
subprocess, so the peak RSS it reports is its own. Prints CPU seconds, microseconds per input
line, the growth exponent between consecutive sizes (1.0 = linear) and the peak RSS against the
input size. No assertion: numbers to compare before and after a change, on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, HERE)


def build(size: int, layout: str):
    from eval_align import synthetic_pair
    from termcheck.model import Document
    from termcheck.text.segment import paragraphs, sentences

    source, target = synthetic_pair(os.path.join(HERE, "..", "corpora"), size)
    if layout == "paragraphs":
        return source, target
    marker = "- " if layout == "list" else ""
    docs = []
    for doc in (source, target):
        spans = sentences(doc, paragraphs(doc))
        text = "\n".join(marker + " ".join(doc.text[s.start:s.end].split()) for s in spans) + "\n"
        docs.append(Document(doc.path.replace(".txt", ".md"), text, doc.lang))
    return docs[0], docs[1]


def one_run(size: int, layout: str, glossary: str | None) -> dict:
    from termcheck.check import check_pair

    matcher = None
    if glossary:
        from termcheck.glossary import load_glossary
        from termcheck.match import Matcher

        matcher = Matcher(load_glossary(glossary))
    source, target = build(size, layout)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = time.process_time()
    result = check_pair(source, target, matcher)
    seconds = time.process_time() - cpu
    return {
        "lines": source.text.count("\n") + target.text.count("\n"),
        "bytes": len(source.text.encode()) + len(target.text.encode()),
        "sentences": (len(result.alignment.source_sentences), len(result.alignment.target_sentences)),
        "cpu": seconds,
        "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "base_rss_kb": base_rss,
        "findings": len(result.findings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000")
    parser.add_argument("--layouts", default="paragraphs,lines,list")
    parser.add_argument("--glossary", default=os.path.join(HERE, "..", "glossaries", "house.csv"))
    parser.add_argument("--one", help=argparse.SUPPRESS)  # SIZE:LAYOUT, run in a subprocess
    args = parser.parse_args()
    if args.one:
        size, layout = args.one.split(":")
        print(json.dumps(one_run(int(size), layout, args.glossary or None)))
        return
    print(f"load average {os.getloadavg()[0]:.2f} (CPU seconds are this process's own)")
    for layout in args.layouts.split(","):
        previous = None
        for size in (int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, __file__, "--one", f"{size}:{layout}", "--glossary", args.glossary],
                capture_output=True, text=True, check=True,
            ).stdout
            run = json.loads(out.strip().splitlines()[-1])
            growth = ""
            if previous is not None:
                growth = f"  growth x^{math.log(run['cpu'] / previous['cpu']) / math.log(run['lines'] / previous['lines']):.2f}"
            extra_mb = (run["rss_kb"] - run["base_rss_kb"]) / 1024
            print(
                f"{layout:<10} {run['lines']:>8} lines {run['bytes'] / 1e6:6.2f} MB  "
                f"{run['sentences'][0]}x{run['sentences'][1]} sentences  check {run['cpu']:7.2f} s CPU "
                f"({1e6 * run['cpu'] / run['lines']:5.0f} us/line){growth}  peak RSS {run['rss_kb'] / 1024:5.0f} MB "
                f"(+{extra_mb:.0f} MB during check, {run['rss_kb'] * 1024 / run['bytes']:.0f}x input in all)  "
                f"wall {time.perf_counter() - started:.1f} s"
            )
            previous = run


if __name__ == "__main__":
    main()
