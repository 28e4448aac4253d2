"""TC204 on the number cases of issue 10 and on real translations: what it reports, and how often.

    python3 bench/eval_numbers.py [-v] [--tmx ../shared/realdata/tico19/all.en-ar.tmx]

1. The cases of issue 10: a one-sentence Arabic source and its English rendering, checked with
   `check_pair`, the real aligner and no glossary (numbers need none). The sentences were written
   for this script. Per case: whether TC204 fired and what it said, then how many behave as expected.
2. Precision on real human translation (when the TICO-19 memory is there, read in place, CC0):
   TC204 on each of its 3,071 English->Arabic units as a 1-1 pair, and on the 24 development
   document pairs of bench/devsets.py with their gold alignment (so the aligner does not count).
   Every finding there is a candidate false alarm; -v prints them to be read. Recall on real copy:
   each English number word whose value the Arabic renders is changed (three -> four), one at a
   time, and the changed unit must be reported.
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


def _tc204(source, target, matcher, alignment) -> list:
    return [f for f in check_pair(source, target, matcher, alignment=alignment).findings if f.rule == "TC204"]


def real_units(tmx: str, verbose: bool = False) -> int:
    """TC204 findings over every unit of a TMX, each unit a one-sentence pair aligned 1-1."""
    from termcheck.align import Alignment
    from termcheck.formats.tmx import read_tmx
    from termcheck.model import Bead, Segment

    matcher = Matcher(Glossary([], path=""))
    units = [u for u in read_tmx(tmx) if u.source.strip() and u.target.strip()]
    count = 0
    for unit in units:
        source = Document(path="source", text=unit.source, lang=unit.source_lang)
        target = Document(path="target", text=unit.target, lang=unit.target_lang)
        sides = [([Segment(0, 0, len(d.text), "paragraph")], [Segment(0, 0, len(d.text), "sentence", 0)])
                 for d in (source, target)]
        one = [Bead((0,), (0,), 1.0)]
        alignment = Alignment(source, target, sides[0][0], sides[1][0], sides[0][1], sides[1][1], one, one, [])
        for f in _tc204(source, target, matcher, alignment):
            count += 1
            if verbose:
                print(f"  {unit.id}: {f.found!r}: {f.message}")
    print(f"TMX units: {len(units)} pairs, {count} TC204")
    _word_recall(units, matcher, verbose)
    return count


_NEXT_WORD = {"two": "three", "three": "four", "four": "five", "five": "six", "six": "seven", "seven": "eight",
              "eight": "nine", "nine": "seven", "ten": "twelve", "twelve": "ten", "twenty": "thirty", "thirty": "forty",
              "forty": "fifty", "fifty": "sixty", "hundred": "thousand", "thousand": "million", "million": "billion",
              "billion": "million"}


def _word_recall(units, matcher, verbose: bool) -> None:
    """Recall on words in real copy: each English number word whose value the Arabic renders (digits,
    words or a dual) is changed to another value (three -> four, million -> billion), one unit at a
    time, where the unit had no TC204; a finding is a catch."""
    import re

    from termcheck.text.numbers import extract_numbers

    eligible = caught = 0
    for unit in units:
        if unit.source_lang != "en":
            continue
        values = {m.value for m in extract_numbers(unit.target, unit.target_lang)}
        for mention in extract_numbers(unit.source, "en"):
            words = re.findall(r"[A-Za-z]+", mention.text)
            swap = next((w for w in words if w.lower() in _NEXT_WORD), None)
            if mention.kind not in ("count", "word") or swap is None or mention.value not in values:
                continue
            if _tc204_one(unit.source, unit.target, matcher):
                break  # the unit has findings already: a catch would prove nothing
            new = _NEXT_WORD[swap.lower()]
            new = new.capitalize() if swap[0].isupper() else new
            text = mention.text.replace(swap, new, 1)
            mutated = unit.source[:mention.start] + text + unit.source[mention.end:]
            eligible += 1
            found = _tc204_one(mutated, unit.target, matcher)
            caught += bool(found)
            if verbose and not found:
                print(f"  MISSED {unit.id}: {mention.text!r} -> {text!r}")
    print(f"English number words changed in real units: {caught}/{eligible} reported")


def _tc204_one(source_text: str, target_text: str, matcher) -> list:
    from termcheck.align import Alignment
    from termcheck.model import Bead, Segment

    source = Document(path="source", text=source_text, lang="en")
    target = Document(path="target", text=target_text, lang="ar")
    sides = [([Segment(0, 0, len(d.text), "paragraph")], [Segment(0, 0, len(d.text), "sentence", 0)])
             for d in (source, target)]
    one = [Bead((0,), (0,), 1.0)]
    alignment = Alignment(source, target, sides[0][0], sides[1][0], sides[0][1], sides[1][1], one, one, [])
    return _tc204(source, target, matcher, alignment)


def dev_sets_with_gold(tmx: str, verbose: bool = False) -> int:
    """TC204 findings over the development document pairs, aligned by their gold."""
    import dataclasses

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from devsets import dev_pairs

    from termcheck.align import align_documents
    from termcheck.model import Bead

    matcher = Matcher(Glossary([], path=""))
    pairs = dev_pairs(path=tmx)
    count = 0
    for pair in pairs:
        segments = align_documents(pair.source, pair.target, matcher)
        gold = dataclasses.replace(
            segments,
            paragraph_beads=[Bead(tuple(s), tuple(t), 1.0) for s, t in pair.gold["paragraph"]],
            sentence_beads=[Bead(tuple(s), tuple(t), 1.0) for s, t in pair.gold["sentence"]],
        )
        for f in _tc204(pair.source, pair.target, matcher, gold):
            count += 1
            if verbose:
                print(f"  {pair.name}: {f.found!r}: {f.message} (source {f.source_text[:60]!r})")
    print(f"dev document pairs (gold alignment): {len(pairs)} pairs, {count} TC204")
    return count


def main() -> None:
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every TC204 message")
    parser.add_argument("--tmx", default=os.path.join(root, "..", "shared", "realdata", "tico19", "all.en-ar.tmx"),
                        help="a real English->Arabic TMX for the precision counts (skipped when missing)")
    args = parser.parse_args()
    run(args.verbose)
    if os.path.isfile(args.tmx):
        real_units(args.tmx, args.verbose)
        dev_sets_with_gold(args.tmx, args.verbose)
    else:
        print(f"{args.tmx}: not found; real-data counts skipped")


if __name__ == "__main__":
    main()
