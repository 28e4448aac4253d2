"""Precision of the glossary rules (TC101, TC201-TC203) of `termcheck units` on the real data, against
the labels in tests/realdata/terms_expected.tsv.

    python3 bench/eval_terms_realdata.py [--sets tico-google,tico-facebook,...] [--show-new] [--show-lost] [--show-false]

Prints, per set and rule, true/total over the findings of today's code (a finding without a label is
counted as unlabelled, not as true), then the labelled-true findings that are no longer reported.
The same runs and labels are asserted by tests/test_terms_realdata_labels.py; this script only prints.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from collections import Counter
from contextlib import redirect_stdout

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
REALDATA = os.path.join(ROOT, "..", "shared", "realdata")
EXPECTED = os.path.join(ROOT, "tests", "realdata", "terms_expected.tsv")
WEB_UI = os.path.join(ROOT, "glossaries", "web-ui.csv")
TMX = "tico19/all.en-ar.tmx"
SETS = {
    "tico-google": (TMX, "tico19/g_en_ar.csv"),
    "tico-facebook": (TMX, "tico19/f_en-ar_AR.csv"),
    "django-ui": ("django-5.2.19", None),
    "allauth-ui": ("django-allauth-65.22.1", None),
    "mozilla-ui": ("mozilla-focus-ios/ar.xliff", None),
}


def labels() -> dict[tuple, dict]:
    with open(EXPECTED, encoding="utf-8") as handle:
        rows = list(csv.DictReader([l for l in handle if not l.startswith("#")], delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
    return {(r["set"], r["rule"], r["path"], int(r["line"]), int(r["column"]), r["term"], r["found"]): r
            for r in rows}


def findings(name: str, scratch: str) -> list[dict]:
    from termcheck.cli import main

    path, term_list = SETS[name]
    glossary = WEB_UI
    if term_list:
        from realdata.tico_glossary import convert

        glossary = os.path.join(scratch, f"{name}.csv")
        convert(os.path.join(REALDATA, term_list), glossary)
    out = io.StringIO()
    with redirect_stdout(out):
        try:
            main(["units", os.path.join(REALDATA, path), "-g", glossary, "--format", "json", "--no-config",
                  "--select", "TC1", "--select", "TC201", "--select", "TC202", "--select", "TC203"])
        except SystemExit:
            pass
    return json.loads(out.getvalue())["findings"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--show-new", action="store_true", help="print the unlabelled findings")
    parser.add_argument("--show-false", action="store_true", help="count the findings labelled false, by rule and term")
    parser.add_argument("--show-lost", action="store_true", help="print the labelled-true findings no longer reported")
    args = parser.parse_args()
    known = labels()
    with tempfile.TemporaryDirectory() as scratch:
        for name in args.sets.split(","):
            counts: Counter = Counter()
            false_terms: Counter = Counter()
            seen = set()
            for f in findings(name, scratch):
                k = (name, f["rule"], os.path.relpath(f["path"], REALDATA), int(f["line"]), int(f["column"]),
                     f.get("source_text") or "", f["found"])
                seen.add(k)
                label = known.get(k, {}).get("label", "unlabelled")
                counts[(f["rule"], label)] += 1
                if label == "false":
                    false_terms[(f["rule"], k[5], known[k]["why"][:70])] += 1
                if label == "unlabelled" and args.show_new:
                    print("  new", *k[1:], sep="\t")
            lost = [k for k, r in known.items() if k[0] == name and r["label"] == "true" and k not in seen]
            for rule in sorted({r for r, _ in counts}):
                true, false, new = (counts[(rule, x)] for x in ("true", "false", "unlabelled"))
                total = true + false + new
                print(f"{name:14} {rule}  {true}/{total} = {true / total:.3f}" + (f"  ({new} unlabelled)" if new else ""))
            print(f"{name:14} labelled-true findings lost: {len(lost)}")
            if args.show_false:
                for (rule, term, why), n in false_terms.most_common():
                    print(f"  false {n:4} {rule} {term!r}: {why}")
            if args.show_lost:
                for k in lost:
                    print("  lost", *k[1:], known[k]["why"], sep="\t")


if __name__ == "__main__":
    main()
