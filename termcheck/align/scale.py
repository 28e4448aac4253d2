"""Alignment of very long pairs in linear time: plain 1-1 beads taken as they come, the full
sentence programme in short windows around everything else.

Engages when a side has more than SCALE_SENTENCES sentences (termcheck.align.align_documents);
below that nothing here runs, so ordinary articles (a few hundred to a few thousand sentences)
are aligned exactly as before. Past it the full programme is out of reach: it prices ~500 beads per
sentence (10,000 lines took 7.8 s, a million would take over 10 minutes), and its anchors, lexicon
and confidence features hold a few KB per sentence.

Model. All sentences of the pair are aligned as one sequence (paragraph breaks do not constrain
it; the paragraph beads are the groups the sentence beads connect). Walking both sides from the
start, the next source and target sentences are taken as a 1-1 bead when they plainly belong
together: the Gale-Church length deviation of the pair (termcheck.align.cost, the document's own
character ratio) is at most FIT_DELTA, and they hold the same glossary concepts and the same digit
strings (Arabic-Indic digits read as ASCII). Anything else is trouble: the last BACKUP beads taken
that way are taken back (a dropped sentence shows a little after it happened) and the full
sentence programme (termcheck.align.dp with SENTENCE_MODEL, all anchors of
termcheck.align.anchors, the detour closing) aligns a window of WINDOW source sentences and the
target sentences the length diagonal puts against them (plus 4). The beads of its last KEEP_TAIL
source sentences (and their share of the target) are dropped, where the window's artificial end
can pull them; the walk goes on from there. A window that reaches the end of both texts keeps
everything; once one side is used up, the rest of the other is one-sided.

Work and memory are linear: a length (characters less spaces, tabs and line breaks, counted by
str.count) and a signature per sentence, one test per sentence where the copy is regular, a
64 x ~80 programme per irregular stretch; anchors exist only for the window in hand. The beads
are LinearBeads, three numbers a bead (a million-line pair's Bead objects held ~180 MB), and
equal signatures share one frozenset.

Confidence: a bead taken as it came gets 1 - (1 - p) / 2 with p = P(|Z| >= delta) of the length
model (0.66 at FIT_DELTA, 1 for a perfect fit); a window's beads keep the programme's margin
confidence. Neither is calibrated (termcheck.align.confidence is fitted on full-programme features).

Quality, with the walk forced on ordinary pairs (bench/eval_align.py --scale-path): sentence strict
F1 0.909 on the TICO-19 tuning split and 0.863 held out (the full programme: 0.963 / 0.950; length-only
Gale-Church: 0.765 / 0.742), bundled pairs 0.977 (1.000). FIT_DELTA 0.5, 1.0 and 1.5 give the same
tuning F1 (0.9089-0.9093): the signatures and the windows decide. Windows, tuning split F1 (held
out) and time for a 2,281 x 3,643-sentence bench pair (bench_check_scale `lines` layout): 25 % more
target text and half of each window kept 0.9089 (0.8634), 9.1 s; the diagonal's share and all but
the last 16 source sentences kept 0.9093 (0.8630), 3.0 s; 25 % more and all but 16 kept 0.9040
(0.7147): the surplus target text piles up at the window's end and leaks into the kept part.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from termcheck.model import Bead, Segment
from termcheck.text.numbers import DIGIT_RUN, TO_ASCII
from termcheck.text.segment import bounds, paragraph_numbers

SCALE_SENTENCES = 20_000  # more sentences than this on a side: aligned here
FIT_DELTA = 1.0
WINDOW = 64
WINDOW_SLACK = 1.0  # the target window holds the text the length diagonal puts against the source, plus 4 sentences
BACKUP = 8
KEEP_TAIL = 16  # source sentences at a window's end whose beads are not kept (with their share of the target)
_SQRT2 = math.sqrt(2.0)


@dataclass
class LongSide:
    """What the walk needs of one side: sentence lengths (prefix sums) and signatures."""

    sentences: list[Segment]
    prefix: array  # prefix[k] = non-space characters of sentences [0, k)
    signatures: Signatures  # per sentence: None, or a frozenset of concept keys and digit strings


class _DistinctRows(Sequence):
    """A column of values held as rows of a table of the distinct ones: `rows` is an array of the
    smallest type the table's size allows (a byte a value while under 256 distinct ones)."""

    __slots__ = ("rows", "table", "_row_of")

    def _row(self, key, value) -> int:
        """The row of `value` (known by `key`), added to the table when new; `rows` widens when the
        table outgrows its type, so call this before indexing `rows`."""
        row = self._row_of.get(key)
        if row is None:
            row = self._row_of[key] = len(self.table)
            self.table.append(value)
            typecode = next(code for code, most in _ROW_TYPES if len(self.table) <= most)
            if typecode != self.rows.typecode:
                self.rows = array(typecode, self.rows)
        return row

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self.table[row] for row in self.rows[k]]
        return self.table[self.rows[k]]


class Signatures(_DistinctRows):
    """Each sentence's signature as a row of a table of the distinct ones (row 0: None): a byte
    or two a sentence where a list held 8 (a dense text has a few distinct signatures, and 2.3
    million sentences). `rows` and `table` are read directly by the walk."""

    __slots__ = ()

    def __init__(self, count: int) -> None:
        self.rows = array("B", bytes(count))
        self.table: list[frozenset | None] = [None]
        self._row_of: dict[frozenset, int] = {}

    def add(self, k: int, key) -> None:
        """Sentence k's signature gains `key`."""
        signature = (self.table[self.rows[k]] or frozenset()) | {key}
        row = self._row(signature, signature)  # first: it may widen self.rows
        self.rows[k] = row


_ROW_TYPES = (("B", 1 << 8), ("H", 1 << 16), ("i", 1 << 31))  # array types of rows, by the table's size



def long_side(masked: str, sentences: Sequence[Segment], matches) -> LongSide:
    prefix = array("i" if len(masked) < 1 << 31 else "q", [0])  # sums of lengths: 4 bytes a sentence where they fit
    total = 0
    count = masked.count
    starts, ends = bounds(sentences)
    for start, end in zip(starts, ends):
        total += end - start - count(" ", start, end) - count("\n", start, end) - count("\t", start, end)
        prefix.append(total)
    signatures = Signatures(len(sentences))
    concepts = ((match.start, ("c", concept.key)) for match in matches or () for concept in match.concepts)
    numbers = ((number.start(), ("n", number.group().translate(TO_ASCII).lstrip("0")))
               for number in DIGIT_RUN.finditer(masked))
    for keys in (concepts, numbers):  # each in text order: one walk along the sentences, no index of starts
        k = 0
        for offset, key in keys:
            while k < len(ends) and ends[k] <= offset:
                k += 1
            if k < len(ends) and starts[k] <= offset:
                signatures.add(k, key)
    return LongSide(sentences, prefix, signatures)


class LazyItems(Sequence):
    """A sequence whose item k is made when asked for, by `_item(k)` (indices, negatives and slices
    as a list takes them)."""

    __slots__ = ()

    def _item(self, k: int):
        raise NotImplementedError

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self._item(i) for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self._item(k)

    def __iter__(self):
        return (self._item(k) for k in range(len(self)))


class LinearBeads(LazyItems):
    """The sentence beads of the walk, in order, every sentence of both sides in exactly one bead
    and each bead's sentences consecutive: bead k holds source sentences [src_before[k],
    src_before[k + 1]) and target sentences [tgt_before[k], tgt_before[k + 1]). Three numbers a
    bead (10 bytes where sentence numbers fit in 4 bytes: 2.3 million one-sided beads held 57 MB
    at 24) instead of a Bead with two tuples (~180 bytes, most of a million-line check's memory);
    a Bead is made when one is asked for."""

    __slots__ = ("src_before", "tgt_before", "confidences")

    def __init__(self, typecode: str = "q") -> None:
        self.src_before = array(typecode, [0])
        self.tgt_before = array(typecode, [0])
        self.confidences = Confidences()

    def add(self, sources: int, targets: int, confidence: float) -> None:
        self.src_before.append(self.src_before[-1] + sources)
        self.tgt_before.append(self.tgt_before[-1] + targets)
        self.confidences.append(confidence)

    def add_bead(self, bead: Bead) -> None:
        """Add a Bead whose sentences are the next ones of each side."""
        i, j = self.src_before[-1], self.tgt_before[-1]
        if bead.source != tuple(range(i, i + len(bead.source))) or bead.target != tuple(range(j, j + len(bead.target))):
            raise ValueError(f"bead {bead} does not continue the walk at ({i}, {j})")
        self.add(len(bead.source), len(bead.target), bead.confidence)

    def truncate(self, count: int) -> None:
        """Keep the first `count` beads."""
        del self.src_before[count + 1:], self.tgt_before[count + 1:]
        self.confidences.truncate(count)

    def bead_of_target(self, j: int) -> int:
        """The index of the bead that holds target sentence j."""
        return bisect.bisect_right(self.tgt_before, j) - 1

    def __len__(self) -> int:
        return len(self.confidences)

    def _item(self, k: int) -> Bead:
        sp, tp = self.src_before, self.tgt_before
        return Bead(_indices(sp[k], sp[k + 1]), _indices(tp[k], tp[k + 1]), self.confidences[k])

    def __iter__(self) -> Iterator[Bead]:
        sp, tp = self.src_before, self.tgt_before
        for k, confidence in enumerate(self.confidences):
            yield Bead(_indices(sp[k], sp[k + 1]), _indices(tp[k], tp[k + 1]), confidence)


class Confidences(_DistinctRows):
    """The beads' confidences, each a row of a table of the distinct values: a byte or two a bead
    where an array of doubles held 8 (a walk's confidences are rounded to 4 places, and a long
    one-sided stretch has one value). The values are the floats given, unchanged."""

    __slots__ = ()

    def __init__(self) -> None:
        self.rows = array("B")
        self.table: list[float] = []
        self._row_of: dict[float | str, int] = {}

    def append(self, confidence: float) -> None:
        key = confidence if confidence else repr(confidence)  # 0.0 and -0.0 are equal keys, not equal values
        row = self._row(key, confidence)  # first: it may widen self.rows
        self.rows.append(row)

    def truncate(self, count: int) -> None:
        del self.rows[count:]

    def __iter__(self) -> Iterator[float]:
        return map(self.table.__getitem__, self.rows)


def _indices(first: int, stop: int) -> tuple[int, ...]:
    return (first,) if stop - first == 1 else tuple(range(first, stop))


WindowAligner = Callable[[int, int, int, int], list[Bead]]


def align_long(src: LongSide, tgt: LongSide, ratio: float, variance: float, window: WindowAligner) -> LinearBeads:
    """Sentence beads over the whole pair. `window(i0, i1, j0, j1)` aligns source [i0, i1) with
    target [j0, j1) by the full programme, as beads in the window's own indices."""
    n, m = len(src.sentences), len(tgt.sentences)
    sp, tp = src.prefix, tgt.prefix
    src_rows, src_table = src.signatures.rows, src.signatures.table
    tgt_rows, tgt_table = tgt.signatures.rows, tgt.signatures.table
    beads = LinearBeads("i" if n + m < 1 << 31 else "q")
    taken = 0  # beads at the end of `beads` that were taken as they came (may be taken back)
    i = j = 0
    while i < n and j < m:
        ls = sp[i + 1] - sp[i]
        lt = (tp[j + 1] - tp[j]) / ratio
        if src_table[src_rows[i]] == tgt_table[tgt_rows[j]] and (ls or lt):
            delta = abs(lt - ls) / math.sqrt(variance * (ls + lt) / 2.0)
            if delta <= FIT_DELTA:
                p = math.erfc(delta / _SQRT2)
                beads.add(1, 1, round(1.0 - (1.0 - p) / 2.0, 4))
                taken += 1
                i += 1
                j += 1
                continue
        back = min(taken, BACKUP)
        if back:
            beads.truncate(len(beads) - back)
            i -= back
            j -= back
        taken = 0
        i, j = _window(beads, i, j, n, m, sp, tp, ratio, window)
    for _ in range(i, n):
        beads.add(1, 0, 1.0)
    for _ in range(j, m):
        beads.add(0, 1, 1.0)
    return beads


def _window(beads: LinearBeads, i0: int, j0: int, n: int, m: int, sp, tp, ratio: float, window: WindowAligner):
    """Align one window from (i0, j0), append the beads kept, return where the walk goes on."""
    i1 = min(n, i0 + WINDOW)
    wanted = (sp[i1] - sp[i0]) * ratio * WINDOW_SLACK
    j1 = min(m, bisect.bisect_left(tp, tp[j0] + wanted, j0) + 4)
    found = window(i0, i1, j0, j1)
    keep_i = n if i1 == n else max(i0 + 1, i1 - KEEP_TAIL)
    keep_j = m if j1 == m else max(j0 + 1, j1 - round(KEEP_TAIL * (j1 - j0) / (i1 - i0)))
    i, j = i0, j0
    for bead in found:
        end_i, end_j = i + len(bead.source), j + len(bead.target)
        if (end_i > keep_i or end_j > keep_j) and (i, j) != (i0, j0):
            break
        beads.add_bead(Bead(tuple(i0 + k for k in bead.source), tuple(j0 + k for k in bead.target), bead.confidence))
        i, j = end_i, end_j
    return i, j


def paragraph_groups(beads: Sequence[Bead], src_sentences: Sequence[Segment], tgt_sentences: Sequence[Segment],
                     src_paragraphs: int, tgt_paragraphs: int) -> list[Bead]:
    """Paragraph beads: the paragraphs that sentence beads connect, as contiguous groups (a
    paragraph no bead touches, which cannot happen with every sentence in a bead, is left out)."""
    groups: list[list] = []  # [source paragraphs, target paragraphs, confidence]
    last_p = last_q = -1
    src_paragraph, tgt_paragraph = paragraph_numbers(src_sentences), paragraph_numbers(tgt_sentences)
    for source, target, confidence in _bead_parts(beads):
        ps = _paragraphs_of(src_paragraph, source)
        qs = _paragraphs_of(tgt_paragraph, target)
        if not groups or not ((ps and ps[0] <= last_p) or (qs and qs[0] <= last_q)):
            groups.append([[], [], 1.0])
        group = groups[-1]
        if ps and ps[-1] > last_p:  # (sorted: else none is new, as for most beads of a long paragraph)
            group[0].extend(p for p in ps if p > last_p)
        if qs and qs[-1] > last_q:
            group[1].extend(q for q in qs if q > last_q)
        if confidence < group[2]:
            group[2] = confidence
        if ps and ps[-1] > last_p:
            last_p = ps[-1]
        if qs and qs[-1] > last_q:
            last_q = qs[-1]
    return [Bead(tuple(p), tuple(q), c) for p, q, c in groups]


def _bead_parts(beads: Sequence[Bead]) -> Iterator[tuple[Sequence[int], Sequence[int], float]]:
    """(source sentences, target sentences, confidence) of each bead; LinearBeads make no Bead."""
    if isinstance(beads, LinearBeads):
        sp, tp = beads.src_before, beads.tgt_before
        for k, confidence in enumerate(beads.confidences):
            yield range(sp[k], sp[k + 1]), range(tp[k], tp[k + 1]), confidence
    else:
        for bead in beads:
            yield bead.source, bead.target, bead.confidence


def _paragraphs_of(paragraph: Sequence[int], indices: Sequence[int]) -> Sequence[int]:
    """The paragraphs of some sentences (`paragraph[k]`: sentence k's), in order, each once."""
    if len(indices) == 1:
        return (paragraph[indices[0]],)
    return sorted({paragraph[k] for k in indices})
