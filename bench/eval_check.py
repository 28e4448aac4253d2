"""Recall and precision of `termcheck check` on the planted corpora; findings on the clean pairs.

    python3 bench/eval_check.py [--corpora corpora] [--glossary G] [-v] [--gold]

Each pair is checked with its own glossary.csv when it has one, else glossaries/house.csv;
--glossary names one glossary for all.

For each corpora/<pair>/ with an errors.tsv: check ar.md/en.md (planted) and ar.clean.md/en.clean.md
(clean). A finding matches a planted row on rule + file + line; for TC201 the row's file/line are
the SOURCE term's, so they are compared with the finding's source_path/source_line; a TC202 matches
a TC102 row (the same unlisted variant, seen with its source term), and so does a TC104 on a TC102
row's line (the misspelt name as a second spelling beside the listed one). The source
language of a pair is the file of its TC201 rows (a term goes missing from the target), else the
`source:` line of the pair's README, else Arabic. Info findings are left out of both counts.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from dataclasses import dataclass

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from termcheck.check import check_pair  # noqa: E402
from termcheck.glossary import load_glossary  # noqa: E402
from termcheck.io import read_document  # noqa: E402
from termcheck.match import Matcher  # noqa: E402
from termcheck.model import Finding  # noqa: E402


@dataclass(frozen=True)
class Planted:
    rule: str
    file: str
    line: int
    found: str
    note: str


def read_errors(path: str) -> list[Planted]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Planted(r["rule"], r["file"], int(r["line"]), r["found"], r.get("note") or "") for r in rows]


def source_lang(pair_dir: str, planted: list[Planted]) -> str:
    for row in planted:
        if row.rule == "TC201":
            return row.file.split(".")[0]
    return "ar"


def key_of(finding: Finding) -> tuple[str, str, int]:
    """(rule, file name, line) as errors.tsv writes them. A TC202 (unlisted rendering of an aligned
    source term) is the bilingual view of a target TC102 row (corpora/README.md says so)."""
    if finding.rule == "TC201" and finding.source is not None:
        return finding.rule, os.path.basename(finding.source.path), finding.source.line
    rule = "TC102" if finding.rule == "TC202" else finding.rule
    return rule, os.path.basename(finding.location.path), finding.location.line


def _as_planted(key: tuple[str, str, int], wanted: set) -> tuple[str, str, int]:
    """A TC104 where a TC102 row is planted is that row: the misspelt name, reported as a second
    spelling of the name beside the listed one (tests/test_check_corpora.py reads it so too)."""
    if key[0] == "TC104" and key not in wanted and ("TC102", *key[1:]) in wanted:
        return ("TC102", *key[1:])
    return key


def run_pair(pair_dir: str, matcher: Matcher, src_lang: str, clean: bool, gold: bool = False):
    suffix = ".clean.md" if clean else ".md"
    tgt_lang = "en" if src_lang == "ar" else "ar"
    source = read_document(os.path.join(pair_dir, src_lang + suffix), lang=src_lang)
    target = read_document(os.path.join(pair_dir, tgt_lang + suffix), lang=tgt_lang)
    alignment = gold_alignment(pair_dir, source, target, src_lang, tgt_lang) if gold else None
    result = check_pair(source, target, matcher, alignment=alignment)
    # info findings are advisory (TC105's hamza spellings, which the pairs' writers leave as news copy
    # writes them: الاردن): the measure is of what fails a run, errors and warnings
    result.findings = [f for f in result.findings if f.severity.value != "info"]
    return result


# -- the hand-made gold alignment, to measure the rules apart from the aligner -------------------

_KINDS = (("#", "heading"), ("- ", "list-item"), (">", "quote"))


def _gold_segments(doc, sentences_path: str):
    """Paragraph and sentence Segments of `doc` from its gold *.sentences.txt (markers removed,
    inner line breaks written as one space). The gold files describe the planted .md; in a clean
    file a sentence with a planted edit is found by its first or its last four words."""
    import re

    from termcheck.model import Segment

    def pattern(tokens: list[str]) -> re.Pattern:
        return re.compile(r"(?:\s|>)+".join(re.escape(tok) for tok in tokens))

    with open(sentences_path, encoding="utf-8") as handle:
        blocks = [b.splitlines() for b in handle.read().strip("\n").split("\n\n")]
    sentences, pos = [], 0
    for p, block in enumerate(blocks):
        for line in block:
            tokens = line.split()
            whole = pattern(tokens).search(doc.text, pos)
            if whole is not None:
                start, end = whole.span()
            else:
                head = pattern(tokens[:4]).search(doc.text, pos)
                start = head.start() if head else pos
                tail = pattern(tokens[-4:]).search(doc.text, start)
                end = tail.end() if tail else start + len(line)
            sentences.append(Segment(len(sentences), start, end, "sentence", p))
            pos = end
    paragraphs = []
    for p in range(len(blocks)):
        own = [seg for seg in sentences if seg.paragraph == p]
        line_start = doc.text.rfind("\n", 0, own[0].start) + 1
        kind = next((k for marker, k in _KINDS if doc.text.startswith(marker, line_start)), "paragraph")
        paragraphs.append(Segment(p, own[0].start, own[-1].end, kind))
    return paragraphs, sentences


def gold_alignment(pair_dir: str, source, target, src_lang: str, tgt_lang: str):
    from termcheck.align import Alignment
    from termcheck.model import Bead

    src_paras, src_sents = _gold_segments(source, os.path.join(pair_dir, f"{src_lang}.sentences.txt"))
    tgt_paras, tgt_sents = _gold_segments(target, os.path.join(pair_dir, f"{tgt_lang}.sentences.txt"))
    beads: dict[str, list] = {"paragraph": [], "sentence": []}
    with open(os.path.join(pair_dir, "gold.tsv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            side = [tuple(int(i) for i in (row[k] or "").split(",") if i != "") for k in ("source", "target")]
            beads[row["level"]].append(Bead(side[0], side[1], 1.0))
    return Alignment(source, target, src_paras, tgt_paras, src_sents, tgt_sents,
                     beads["paragraph"], beads["sentence"], [])


def _show(finding: Finding) -> str:
    rule, file, line = key_of(finding)
    return f"{rule} {file}:{line} {finding.found!r} {finding.message}"


def evaluate(corpora: str, glossary: str | None, verbose: bool = False, gold: bool = False) -> dict:
    """`glossary` for every pair; None: each pair's own glossary.csv (the blind pairs were written
    with one each), else the house glossary."""
    house = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "glossaries", "house.csv")
    matchers: dict[str, Matcher] = {}

    def matcher_for(pair_dir: str) -> Matcher:
        own = os.path.join(pair_dir, "glossary.csv")
        path = glossary or (own if os.path.isfile(own) else house)
        if path not in matchers:
            matchers[path] = Matcher(load_glossary(path))
        return matchers[path]
    totals = dict(planted=0, found_planted=0, findings=0, true_findings=0, clean_findings=0)
    per_rule: dict[str, list[int]] = {}  # rule -> [planted, found, extra findings, clean findings]
    for name in sorted(os.listdir(corpora)):
        pair_dir = os.path.join(corpora, name)
        errors_path = os.path.join(pair_dir, "errors.tsv")
        if not os.path.isfile(errors_path) or not os.path.isfile(os.path.join(pair_dir, "ar.md")):
            continue  # not a document pair (a blind catalogue is tests/test_units_blind.py's)
        planted = read_errors(errors_path)
        src_lang = source_lang(pair_dir, planted)
        matcher = matcher_for(pair_dir)
        result = run_pair(pair_dir, matcher, src_lang, clean=False, gold=gold)
        clean = run_pair(pair_dir, matcher, src_lang, clean=True, gold=gold)
        wanted = {(p.rule, p.file, p.line) for p in planted}
        got = [_as_planted(key_of(f), wanted) for f in result.findings]
        hit = [p for p in planted if (p.rule, p.file, p.line) in got]
        true = [f for f, k in zip(result.findings, got) if k in wanted]
        totals["planted"] += len(planted)
        totals["found_planted"] += len(hit)
        totals["findings"] += len(result.findings)
        totals["true_findings"] += len(true)
        totals["clean_findings"] += len(clean.findings)
        for p in planted:
            counts = per_rule.setdefault(p.rule, [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += p in hit
        for f, k in zip(result.findings, got):
            if k not in wanted:
                per_rule.setdefault(k[0], [0, 0, 0, 0])[2] += 1
        for f in clean.findings:
            per_rule.setdefault(key_of(f)[0], [0, 0, 0, 0])[3] += 1
        print(f"{name} ({src_lang}->{'en' if src_lang == 'ar' else 'ar'}): planted {len(planted)}, found {len(hit)}; "
              f"findings {len(result.findings)}, correct {len(true)}; clean pair findings {len(clean.findings)}")
        if verbose:
            for p in planted:
                if p not in hit:
                    print(f"  MISSED  {p.rule} {p.file}:{p.line} {p.found!r} ({p.note})")
            for f, k in zip(result.findings, got):
                if k not in wanted:
                    print(f"  EXTRA   {_show(f)}")
            for f in clean.findings:
                print(f"  CLEAN   {_show(f)}")
    for code, (n, found, extra, clean_n) in sorted(per_rule.items()):
        print(f"  {code}: planted {n}, found {found}, extra findings {extra}, clean-pair findings {clean_n}")
    recall = totals["found_planted"] / totals["planted"] if totals["planted"] else 0.0
    precision = totals["true_findings"] / totals["findings"] if totals["findings"] else 0.0
    print(f"TOTAL planted {totals['planted']}, recall {recall:.3f}, precision {precision:.3f} "
          f"({totals['true_findings']}/{totals['findings']} findings), clean-pair findings {totals['clean_findings']}")
    return dict(totals, recall=recall, precision=precision)


def main() -> None:
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.path.join(root, "corpora"))
    parser.add_argument("--glossary", default=None,
                        help="one glossary for every pair (default: each pair's glossary.csv, else glossaries/house.csv)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed, extra and clean-pair findings")
    parser.add_argument("--gold", action="store_true",
                        help="use the hand-made gold alignment (gold.tsv) instead of the aligner: the rules alone")
    args = parser.parse_args()
    print(f"alignment: {'gold.tsv' if args.gold else 'termcheck.align.align_documents'}")
    evaluate(args.corpora, args.glossary, args.verbose, args.gold)


if __name__ == "__main__":
    main()
