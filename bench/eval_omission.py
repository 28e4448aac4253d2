"""Omission benchmark: drop one target paragraph or sentence at a time, is the loss reported?

    python3 bench/eval_omission.py [--sets bundled,tune,held-out] [--max-per-pair 12] [-v]

For each pair (the bundled clean pairs, the TICO-19 dev splits of bench/devsets.py) and each
target paragraph or sentence whose gold bead is 1-1, the target is checked once without it
(paragraph: its whole lines; sentence: the sentence and the space after it, only in paragraphs of
two sentences or more). A drop is found when a TC205 finding covers at least half of the gold
source text and lies at least half inside it. Other new findings: findings of the run with the
drop that the undamaged pair does not have (compared by rule, file and found text), not counting
the TC205 that found the drop. Per pair at most --max-per-pair drops of each kind, spread evenly
over the document (0 = all). Prints recall and the mean number of other new findings per drop.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, HERE)

from termcheck.check import check_pair  # noqa: E402
from termcheck.glossary import load_glossary  # noqa: E402
from termcheck.match import Matcher  # noqa: E402
from termcheck.model import Document  # noqa: E402
from termcheck.text.markup import masked_text  # noqa: E402
from termcheck.text.segment import paragraphs, sentences  # noqa: E402


@dataclass
class Tally:
    drops: int = 0
    found: int = 0
    stray: int = 0

    def line(self, label: str) -> str:
        recall = self.found / self.drops if self.drops else float("nan")
        mean = self.stray / self.drops if self.drops else float("nan")
        return f"{label:<34} drops {self.drops:>4}  TC205 found {self.found:>4} ({recall:6.1%})  other new findings/drop {mean:5.2f}"


def _spread(items: list, limit: int) -> list:
    if not limit or len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(k * step)] for k in range(limit)]


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _without(doc: Document, start: int, end: int) -> Document:
    return Document(doc.path, doc.text[:start] + doc.text[end:], doc.lang)


def paragraph_drops(source: Document, target: Document, gold) -> list[tuple[tuple[int, int], Document]]:
    """(gold source span, target without the paragraph) for each 1-1 paragraph bead."""
    sp, tp = paragraphs(source), paragraphs(target)
    drops = []
    for s_ids, t_ids in gold["paragraph"]:
        if len(s_ids) != 1 or len(t_ids) != 1:
            continue
        j = t_ids[0]
        start = _line_start(target.text, tp[j].start)
        end = _line_start(target.text, tp[j + 1].start) if j + 1 < len(tp) else len(target.text)
        drops.append(((sp[s_ids[0]].start, sp[s_ids[0]].end), _without(target, start, end)))
    return drops


def sentence_drops(source: Document, target: Document, gold) -> list[tuple[tuple[int, int], Document]]:
    """(gold source span, target without the sentence) for each 1-1 sentence bead whose target
    sentence shares its paragraph with another."""
    ss, ts = sentences(source, paragraphs(source)), sentences(target, paragraphs(target))
    per_paragraph = Counter(t.paragraph for t in ts)
    drops = []
    for s_ids, t_ids in gold["sentence"]:
        if len(s_ids) != 1 or len(t_ids) != 1 or per_paragraph[ts[t_ids[0]].paragraph] < 2:
            continue
        t = ts[t_ids[0]]
        following = ts[t.index + 1] if t.index + 1 < len(ts) and ts[t.index + 1].paragraph == t.paragraph else None
        if following is not None:
            start, end = t.start, following.start
        else:
            start, end = ts[t.index - 1].end, t.end
        drops.append(((ss[s_ids[0]].start, ss[s_ids[0]].end), _without(target, start, end)))
    return drops


def _key(finding) -> tuple[str, str, str]:
    return finding.rule, finding.location.path, finding.found


def _hit(finding, span: tuple[int, int]) -> bool:
    start, end = span
    overlap = min(end, finding.location.end) - max(start, finding.location.start)
    return overlap >= 0.5 * (end - start) and overlap >= 0.5 * (finding.location.end - finding.location.start)


def run_drops(source: Document, target: Document, gold, matcher, limit: int, tallies: dict, verbose: bool, name: str) -> None:
    before = Counter(_key(f) for f in check_pair(source, target, matcher).findings)
    for kind, drops in (("paragraph", paragraph_drops(source, target, gold)), ("sentence", sentence_drops(source, target, gold))):
        for span, damaged in _spread(drops, limit):
            findings = check_pair(source, damaged, matcher).findings
            hits = [f for f in findings if f.rule == "TC205" and f.location.path == source.path and _hit(f, span)]
            new = Counter(_key(f) for f in findings) - before
            if hits:
                new[_key(hits[0])] -= 1
            stray = sum(v for v in new.values() if v > 0)
            tally = tallies[kind]
            tally.drops += 1
            tally.found += bool(hits)
            tally.stray += stray
            if verbose and (not hits or stray):
                print(f"  {name} {kind} drop at source {span}: {'found' if hits else 'MISSED'}, "
                      f"{stray} other new: {sorted(k for k, v in new.items() if v > 0)[:3]}")


def pair_sets(names: list[str]):
    from eval_align import bundled_pairs, dev_set

    for name in names:
        if name == "bundled":
            yield name, bundled_pairs(os.path.join(HERE, "..", "corpora"), clean=True)
        else:
            yield name, dev_set(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="bundled,tune,held-out")
    parser.add_argument("--glossary", default=os.path.join(HERE, "..", "glossaries", "house.csv"))
    parser.add_argument("--max-per-pair", type=int, default=12)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    matcher = Matcher(load_glossary(args.glossary))
    for label, pairs in pair_sets(args.sets.split(",")):
        tallies = {"paragraph": Tally(), "sentence": Tally()}
        for name, source, target, gold in pairs:
            run_drops(source, target, gold, matcher, args.max_per_pair, tallies, args.verbose, name)
        for kind, tally in tallies.items():
            print(tally.line(f"{label}: {kind} drops"))


if __name__ == "__main__":
    main()
