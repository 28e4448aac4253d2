"""TC204 on the number cases of issue 10: wrong renderings that must be reported, right ones that must not.

    python3 bench/eval_numbers.py [-v]

Each case is a one-sentence Arabic source and its English rendering, checked with `check_pair`,
the real aligner and no glossary (numbers need none). The sentences were written for this script.
It prints, per case, whether TC204 fired and what it said; the last line counts the cases that behave
as expected.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from termcheck.check import check_pair  # noqa: E402
from termcheck.match import Matcher  # noqa: E402
from termcheck.model import Document, Glossary  # noqa: E402

# (what the case is about, Arabic source, English target, TC204 expected)
CASES = [
    ("ثلاثة ملايين -> 30 million", "نزح ثلاثة ملايين شخص بسبب الحرب.", "The war displaced 30 million people.", True),
    ("مئة ألف -> $10,000", "تبرعت الشركة بمئة ألف دولار للمستشفى.", "The company donated $10,000 to the hospital.", True),
    ("ستة أشهر -> seven months", "استمر الحصار ستة أشهر.", "The siege lasted seven months.", True),
    ("عامين -> three years", "قضى عامين في السجن.", "He spent three years in prison.", True),
    ("الأول من آذار -> March 11", "عقد الاجتماع في الأول من آذار.", "The meeting was held on March 11.", True),
    ("1980 ... 1981 -> 1980 ... 1982", "تأسست الجماعة عام 1980 وانشقت عام 1981.",
     "The group was founded in 1980 and split in 1982.", True),
    ("target-only figure", "قال المسؤول إن الهجوم أوقع قتلى.", "The official said the attack killed 40 people.", True),
    ("ثلاثة مليارات دولار -> $3 billion", "خصصت الحكومة ثلاثة مليارات دولار للإعمار.",
     "The government allocated $3 billion for reconstruction.", False),
    ("مئة ألف دولار -> $100,000", "تبرعت الشركة بمئة ألف دولار للمستشفى.", "The company donated $100,000 to the hospital.", False),
    ("ستة أشهر -> six months", "استمر الحصار ستة أشهر.", "The siege lasted six months.", False),
    ("عامين -> two years", "قضى عامين في السجن.", "He spent two years in prison.", False),
    ("الأول من آذار -> March 1", "عقد الاجتماع في الأول من آذار.", "The meeting was held on March 1.", False),
    ("1980 ... 1981 -> 1980 ... 1981", "تأسست الجماعة عام 1980 وانشقت عام 1981.",
     "The group was founded in 1980 and split in 1981.", False),
]


def run(verbose: bool = False) -> int:
    matcher = Matcher(Glossary([], path=""))
    right = 0
    for label, source_text, target_text, expected in CASES:
        source = Document(path="ar.txt", text=source_text + "\n", lang="ar")
        target = Document(path="en.txt", text=target_text + "\n", lang="en")
        findings = [f for f in check_pair(source, target, matcher).findings if f.rule == "TC204"]
        ok = bool(findings) == expected
        right += ok
        status = "ok  " if ok else "FAIL"
        wanted = "report" if expected else "silent"
        print(f"{status} {label} (want {wanted}): {len(findings)} TC204")
        if verbose or not ok:
            for f in findings:
                print(f"       {f.found!r}: {f.message}")
    print(f"TOTAL {right}/{len(CASES)} cases as expected")
    return right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every TC204 message")
    run(parser.parse_args().verbose)


if __name__ == "__main__":
    main()
