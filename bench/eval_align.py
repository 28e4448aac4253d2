"""Alignment quality and speed on the bundled corpora: termcheck's aligner against a length-only
Gale-Church baseline, strict and lax precision / recall / F1, paragraph and sentence level.

    python3 bench/eval_align.py [--corpora corpora] [--glossary glossaries/house.csv] [--no-timing] [--scale-path]

Strict: a predicted bead counts when the gold has exactly the same bead. Lax (as in the
Bleualign evaluation of Sennrich & Volk 2010): a predicted bead counts when some gold bead shares
at least one source and one target segment with it; a 1-0 / 0-1 bead counts when a gold bead of
the same one-sided kind holds one of its segments. Recall runs the same test from the gold side.
Scores are summed over all pairs (micro average). One-sided beads are compared one segment at a
time (`one_sided_apart`).

Timing (CPU seconds, small pairs best of REPEATS runs, the load average printed beside them): a real
pair of about 200 x 250 sentences (four English->Arabic dev pairs joined, SPEED_PAIR), the bundled
pairs repeated to ~200 and ~2,000 sentences, and the latter without paragraph breaks.
"""

from __future__ import annotations

import argparse
import bisect
import math
import os
import random
import sys
import time
from dataclasses import dataclass

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from termcheck.align import Alignment, align_documents  # noqa: E402
from termcheck.align import dp  # noqa: E402
from termcheck.align.cost import length_cost  # noqa: E402
from termcheck.model import Bead, Document  # noqa: E402
from termcheck.text.markup import masked_text  # noqa: E402
from termcheck.text.segment import paragraphs, sentences  # noqa: E402

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def read_gold(path: str) -> dict[str, list[Pair]]:
    gold: dict[str, list[Pair]] = {"paragraph": [], "sentence": []}
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if header != ["level", "source", "target"]:
            raise SystemExit(f"{path}:1: expected the header 'level<TAB>source<TAB>target'")
        for line in handle:
            if not line.strip():
                continue
            level, source, target = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            gold[level].append((_indices(source), _indices(target)))
    return gold


def _indices(cell: str) -> tuple[int, ...]:
    return tuple(int(x) for x in cell.split(",") if x.strip())


def _lax_hit(bead: Pair, others: list[Pair]) -> bool:
    source, target = set(bead[0]), set(bead[1])
    for other_source, other_target in others:
        if source and target:
            if source & set(other_source) and target & set(other_target):
                return True
        elif source and not other_target and source & set(other_source):
            return True
        elif target and not other_source and target & set(other_target):
            return True
    return False


@dataclass
class Score:
    strict_hits_p: int = 0
    strict_hits_r: int = 0
    lax_hits_p: int = 0
    lax_hits_r: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: list[Pair], gold: list[Pair]) -> None:
        predicted, gold = one_sided_apart(predicted), one_sided_apart(gold)
        gold_set, predicted_set = set(gold), set(predicted)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.strict_hits_p += sum(1 for b in predicted if b in gold_set)
        self.strict_hits_r += sum(1 for b in gold if b in predicted_set)
        self.lax_hits_p += sum(1 for b in predicted if _lax_hit(b, gold))
        self.lax_hits_r += sum(1 for b in gold if _lax_hit(b, predicted))

    @staticmethod
    def _f(hits_p: int, predicted: int, hits_r: int, gold: int) -> tuple[float, float, float]:
        p = hits_p / predicted if predicted else 0.0
        r = hits_r / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def strict(self) -> tuple[float, float, float]:
        return self._f(self.strict_hits_p, self.predicted, self.strict_hits_r, self.gold)

    def lax(self) -> tuple[float, float, float]:
        return self._f(self.lax_hits_p, self.predicted, self.lax_hits_r, self.gold)


def one_sided_apart(beads: list[Pair]) -> list[Pair]:
    """A one-sided bead links nothing, so it is scored segment by segment: a 2-0 bead (a dropped
    unit that the segmenter reads as two sentences, in the TICO-19 gold) is two 1-0 beads, on
    either side of the comparison. termcheck emits one-sided beads one segment each."""
    apart: list[Pair] = []
    for source, target in beads:
        if (not source or not target) and len(source) + len(target) > 1:
            apart += [((i,), ()) for i in source] + [((), (j,)) for j in target]
        else:
            apart.append((source, target))
    return apart


def as_pairs(beads: list[Bead]) -> list[Pair]:
    return [(tuple(b.source), tuple(b.target)) for b in beads]


# -- the baseline: Gale-Church on lengths alone, same segmentation, same two levels


def _lengths(doc: Document, segments) -> list[int]:
    masked = masked_text(doc)
    return [sum(1 for ch in masked[s.start:s.end] if not ch.isspace()) for s in segments]


GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}


def gale_church(src: list[int], tgt: list[int], ratio: float) -> list[Bead]:
    prior = {k: -math.log(v) for k, v in GC_PRIORS.items()}
    sp = [0]
    for x in src:
        sp.append(sp[-1] + x)
    tp = [0.0]
    for x in tgt:
        tp.append(tp[-1] + x / ratio)

    def cost(i0, i1, j0, j1, limit=math.inf):
        return prior[(i1 - i0, j1 - j0)] + length_cost(sp[i1] - sp[i0], tp[j1] - tp[j0], 6.8)

    return dp.align(len(src), len(tgt), tuple(GC_PRIORS), cost, width=len(src) + len(tgt))


def baseline(source: Document, target: Document) -> tuple[list[Bead], list[Bead]]:
    sp, tp = paragraphs(source), paragraphs(target)
    ss, ts = sentences(source, sp), sentences(target, tp)
    sl, tl = _lengths(source, ss), _lengths(target, ts)
    ratio = sum(tl) / max(sum(sl), 1)
    spl, tpl = [0] * len(sp), [0] * len(tp)
    for s, n in zip(ss, sl):
        spl[s.paragraph] += n
    for t, n in zip(ts, tl):
        tpl[t.paragraph] += n
    para = gale_church(spl, tpl, ratio)
    sent: list[Bead] = []
    for bead in para:
        s_ids = [s.index for s in ss if s.paragraph in bead.source]
        t_ids = [t.index for t in ts if t.paragraph in bead.target]
        if not s_ids or not t_ids:
            sent += [Bead((s,), ()) for s in s_ids] + [Bead((), (t,)) for t in t_ids]
            continue
        for b in gale_church([sl[s] for s in s_ids], [tl[t] for t in t_ids], ratio):
            sent.append(Bead(tuple(s_ids[k] for k in b.source), tuple(t_ids[k] for k in b.target)))
    return para, sent


# -- runs


def load_pair(folder: str, clean: bool) -> tuple[Document, Document]:
    """(source, target) of a bundled pair; the direction is the one its gold.tsv counts fit."""
    from termcheck.io import read_document

    suffix = ".clean.md" if clean else ".md"
    ar = read_document(os.path.join(folder, "ar" + suffix))
    en = read_document(os.path.join(folder, "en" + suffix))
    return (en, ar) if source_language(folder, ar, en) == "en" else (ar, en)


def source_language(folder: str, ar: Document, en: Document) -> str:
    """'ar' or 'en': the file the TC201 rows of errors.tsv point at (a missing term stands in the
    source), else the file the gold's source paragraph indices describe (ar when both fit)."""
    errors = os.path.join(folder, "errors.tsv")
    if os.path.isfile(errors):
        with open(errors, encoding="utf-8") as handle:
            files = {line.split("\t")[1].split(".")[0] for line in handle if line.startswith("TC201\t")}
        if len(files) == 1:
            return files.pop()
    gold = read_gold(os.path.join(folder, "gold.tsv"))["paragraph"]
    sources = 1 + max((i for s, _ in gold for i in s), default=-1)
    targets = 1 + max((j for _, t in gold for j in t), default=-1)
    counts = (len(paragraphs(ar)), len(paragraphs(en)))
    return "en" if counts == (targets, sources) and counts != (sources, targets) else "ar"


def bundled_pairs(corpora: str, clean: bool) -> list[tuple[str, Document, Document, dict[str, list[Pair]]]]:
    folders = sorted(f for f in (os.path.join(corpora, d) for d in os.listdir(corpora)) if os.path.isfile(os.path.join(f, "gold.tsv")))
    return [(os.path.basename(f), *load_pair(f, clean), read_gold(os.path.join(f, "gold.tsv"))) for f in folders]


def dev_set(split: str) -> list[tuple[str, Document, Document, dict[str, list[Pair]]]]:
    """The TICO-19 development pairs of one split (bench/devsets.py); [] without the memory."""
    from devsets import dev_pairs

    return [(p.name, p.source, p.target, p.gold) for p in dev_pairs(split)]


def oracle_translations(source: Document, target: Document, gold: dict[str, list[Pair]], drop_every: int = 0) -> list[str]:
    """A stand-in for machine translation (--oracle-mt): each source sentence 'translated' as the
    target sentences its gold bead holds (every `drop_every`-th word left out, for a weaker MT);
    in a many-to-one bead each source sentence gets its share of the target's words, in order, as
    a model translating it alone would; one with no counterpart gets an empty string."""
    src_sents = sentences(source, paragraphs(source))
    tgt_sents = sentences(target, paragraphs(target))
    out = [""] * len(src_sents)
    for src_ids, tgt_ids in gold["sentence"]:
        words = " ".join(target.text[tgt_sents[j].start:tgt_sents[j].end] for j in tgt_ids).split()
        if drop_every:
            words = [w for k, w in enumerate(words, 1) if k % drop_every]
        lengths = [src_sents[i].end - src_sents[i].start for i in src_ids]
        taken = 0
        for k, i in enumerate(src_ids):  # each source sentence gets its share of the bead's words, in order
            upto = round(len(words) * sum(lengths[:k + 1]) / max(1, sum(lengths)))
            out[i] = " ".join(words[taken:upto])
            taken = upto
    return out


def evaluate(label: str, pairs, matcher, verbose: bool = True, oracle_mt: int | None = None) -> dict:
    """Print strict/lax scores of one set; return the scores and the (confidence, correct) of each bead."""
    scores = {(system, level): Score() for system in ("termcheck", "gale-church") for level in ("paragraph", "sentence")}
    judged: list[tuple[float, bool]] = []
    for name, source, target, gold in pairs:
        translations = None if oracle_mt is None else oracle_translations(source, target, gold, oracle_mt)
        alignment = align_documents(source, target, matcher, translations=translations)
        gc_para, gc_sent = baseline(source, target)
        for level, ours, theirs in (
            ("paragraph", alignment.paragraph_beads, gc_para),
            ("sentence", alignment.sentence_beads, gc_sent),
        ):
            scores[("termcheck", level)].add(as_pairs(ours), gold[level])
            scores[("gale-church", level)].add(as_pairs(theirs), gold[level])
            wrong = set(as_pairs(ours)) ^ set(gold[level])
            if wrong and verbose:
                print(f"  {name} {level}: differs from gold at {sorted(wrong)[:12]}{' ...' if len(wrong) > 12 else ''}")
        gold_set = set(one_sided_apart(gold["sentence"]))
        judged += [(b.confidence, (b.source, b.target) in gold_set) for b in alignment.sentence_beads]
    print(f"{label}: {len(pairs)} pairs, glossary anchors: {'yes' if matcher else 'no'}")
    print(f"{'system':<12} {'level':<10} {'strict P':>8} {'R':>6} {'F1':>7}   {'lax P':>6} {'R':>6} {'F1':>6}")
    for (system, level), score in scores.items():
        sp, sr, sf = score.strict()
        lp, lr, lf = score.lax()
        # strict F1 to four places: 0.9496 must not print as 0.950 beside a 0.95 bar
        print(f"{system:<12} {level:<10} {sp:8.3f} {sr:6.3f} {sf:7.4f}   {lp:6.3f} {lr:6.3f} {lf:6.3f}")
    return {"scores": scores, "judged": judged}


def auc(judged: list[tuple[float, bool]]) -> float:
    """P(a right bead has a higher confidence than a wrong one), ties counting half."""
    right = sorted(c for c, ok in judged if ok)
    wrong = sorted(c for c, ok in judged if not ok)
    if not right or not wrong:
        return float("nan")

    total = 0.0
    for w in wrong:
        above, ties = len(right) - bisect.bisect_right(right, w), bisect.bisect_right(right, w) - bisect.bisect_left(right, w)
        total += above + 0.5 * ties
    return total / (len(right) * len(wrong))


def reliability(label: str, judged: list[tuple[float, bool]]) -> None:
    """Share of right beads per confidence bin (a calibrated confidence has share ~ bin mean)."""
    bins = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.01)]
    print(f"{label}: sentence-bead confidence, AUC {auc(judged):.3f} over {len(judged)} beads "
          f"({sum(1 for _, ok in judged if not ok)} wrong)")
    print(f"  {'confidence':<12} {'beads':>6} {'mean conf':>9} {'right':>6}")
    for lo, hi in bins:
        inside = [(c, ok) for c, ok in judged if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            share = sum(1 for _, ok in inside if ok) / len(inside)
            print(f"  [{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'} {len(inside):>6} {mean:9.3f} {share:6.3f}")


def synthetic_pair(corpora: str, sentences_wanted: int, seed: int = 7) -> tuple[Document, Document]:
    """Concatenate the bundled pairs (paragraph order shuffled per copy, a few paragraphs dropped on
    the target side) until the source has about `sentences_wanted` sentences."""
    rng = random.Random(seed)
    pairs = []
    for d in sorted(os.listdir(corpora)):
        folder = os.path.join(corpora, d)
        if os.path.isfile(os.path.join(folder, "gold.tsv")):
            pairs.append(load_pair(folder, clean=False))
    per_pair = []
    for source, target in pairs:
        gold = read_gold(os.path.join(corpora, os.path.basename(os.path.dirname(source.path)) or "", "gold.tsv"))
        beads = gold["paragraph"]
        if source.lang != "ar":  # Arabic on the Arabic side: an en->ar pair goes in reversed
            source, target, beads = target, source, [(t, s) for s, t in beads]
        per_pair.append((source, target, beads))
    src_parts: list[str] = []
    tgt_parts: list[str] = []
    count = 0
    while count < sentences_wanted:
        source, target, gold = per_pair[rng.randrange(len(per_pair))]
        sp, tp = paragraphs(source), paragraphs(target)
        count += len(sentences(source, sp))
        for s_ids, t_ids in gold:
            if s_ids:
                src_parts.append(" ".join(source.text[sp[i].start:sp[i].end] for i in s_ids))
            if t_ids and rng.random() > 0.02:
                tgt_parts.append(" ".join(target.text[tp[j].start:tp[j].end] for j in t_ids))
    return (
        Document("synthetic-ar.txt", "\n\n".join(src_parts) + "\n", "ar"),
        Document("synthetic-en.txt", "\n\n".join(tgt_parts) + "\n", "en"),
    )


# English->Arabic dev pairs whose concatenation is a real pair of about 200 x 250 sentences (the
# speed bar of issue 10): texts of realistic structure, not the bundled pairs repeated.
SPEED_PAIR = ("Wikipedia_handpicked_3", "wiki_13", "wiki_7", "wiki_11")
REPEATS = 5  # small pairs: best of this many runs (a shared machine's noise only ever adds time)


def dev_speed_pair() -> tuple[Document, Document] | None:
    """SPEED_PAIR's documents joined (paragraph breaks between them); None without the memory."""
    from devsets import dev_pairs

    found = {p.name: p for p in dev_pairs()}
    if not all(name in found for name in SPEED_PAIR):
        return None
    parts = [found[name] for name in SPEED_PAIR]
    return (
        Document("dev-200-en.md", "\n\n".join(p.source.text.strip() for p in parts) + "\n", "en"),
        Document("dev-250-ar.md", "\n\n".join(p.target.text.strip() for p in parts) + "\n", "ar"),
    )


def timings(corpora: str, matcher) -> None:
    print(f"load average {os.getloadavg()[0]:.2f} (CPU seconds of this process; small pairs best of {REPEATS})")
    pair = dev_speed_pair()
    if pair is not None:
        real = _time(lambda: align_documents(*pair, matcher), REPEATS)
        print(f"dev pair {'+'.join(SPEED_PAIR)} ({len(real[1].source_sentences)} x "
              f"{len(real[1].target_sentences)} sentences): {real[0]:.3f} s CPU")
    source, target = synthetic_pair(corpora, 200)
    small = _time(lambda: align_documents(source, target, matcher), REPEATS)
    print(f"~200-sentence pair ({len(small[1].source_sentences)} x {len(small[1].target_sentences)} sentences): {small[0]:.3f} s CPU")
    source, target = synthetic_pair(corpora, 2000)
    big = _time(lambda: align_documents(source, target, matcher))
    print(f"synthetic pair ({len(big[1].source_sentences)} x {len(big[1].target_sentences)} sentences, "
          f"{len(big[1].source_paragraphs)} x {len(big[1].target_paragraphs)} paragraphs): {big[0]:.2f} s CPU")
    flat_source = Document("flat-ar.txt", source.text.replace("\n\n", " "), "ar")
    flat_target = Document("flat-en.txt", target.text.replace("\n\n", " "), "en")
    flat = _time(lambda: align_documents(flat_source, flat_target, matcher))
    print(f"same pair without paragraph breaks ({len(flat[1].source_sentences)} x {len(flat[1].target_sentences)} sentences, "
          f"one band over all sentences): {flat[0]:.2f} s CPU")


def _time(run, repeats: int = 1) -> tuple[float, Alignment]:
    """Least CPU seconds of this process over `repeats` runs (wall time too, on stderr: a busy
    machine inflates it)."""
    best = math.inf
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        result = run()
        best = min(best, time.process_time() - cpu)
        print(f"  (wall {time.perf_counter() - start:.2f} s)", file=sys.stderr)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpora"))
    parser.add_argument("--glossary", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "glossaries", "house.csv"))
    parser.add_argument("--no-glossary", action="store_true", help="align without glossary anchors")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list the differing beads of the dev sets too")
    parser.add_argument("--quiet", action="store_true", help="do not list the differing beads of the bundled pairs")
    parser.add_argument("--oracle-mt", type=int, default=None, metavar="N",
                        help="give the aligner each source sentence's gold target as its machine translation, "
                             "every N-th word left out (0: none), to see what the MT signal can do")
    parser.add_argument("--scale-path", action="store_true",
                        help="align every pair by the linear walk of termcheck.align.scale, as past its size threshold")
    args = parser.parse_args()
    if args.scale_path:
        from termcheck.align import scale

        scale.SCALE_SENTENCES = 0
    matcher = None
    if not args.no_glossary and os.path.exists(args.glossary):
        from termcheck.glossary import load_glossary
        from termcheck.match import Matcher

        matcher = Matcher(load_glossary(args.glossary))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    for clean in (False, True):
        if clean and args.oracle_mt is not None:
            continue  # the gold describes the published files
        evaluate(f"bundled ({'clean' if clean else 'as published'} files)", bundled_pairs(args.corpora, clean), matcher,
                 not args.quiet, args.oracle_mt)
        print()
    for split in ("tune", "held-out"):
        pairs = dev_set(split)
        if pairs:
            result = evaluate(f"TICO-19 dev set, {split} split", pairs, matcher, args.verbose, args.oracle_mt)
            reliability(f"TICO-19 {split}", result["judged"])
            print()
    if not args.no_timing:
        timings(args.corpora, matcher)


if __name__ == "__main__":
    main()
