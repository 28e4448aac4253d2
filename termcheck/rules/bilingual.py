"""Cross-language checks (TC2xx): what every pair rule receives, bead views, TC205, downgrading.

A pair rule is a function (PairContext) -> findings. It looks at sentence beads through `BeadView`:
the spans of the bead on each side, and the spans of its paragraph-level group (the paragraph beads
that hold the bead's sentences). Rules check the sentence bead first and accept what they find in
the group, so a sentence the aligner split or merged differently does not produce noise.

TC205 (untranslated segment): consecutive 1-0 sentence beads of one source paragraph give one
finding at the source text (a whole omitted paragraph is one finding, so is a run of omitted
sentences: one omission, one finding), except a dropped credit line: a whole paragraph (not a heading, list
item or quote) of at most 8 words with no sentence punctuation, such as a byline. 0-1 beads (text only in the target: bylines, translator notes,
footers) give nothing: they lose nothing for the reader.

Low confidence: a cross-language finding in a bead whose confidence is below the threshold is
downgraded one level (error -> warning -> info) and says that the alignment is uncertain. The
confidence is a calibrated P(bead right) (termcheck.align.confidence), so 0.5 means "more likely
misaligned than not".
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import operator
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from termcheck.contexts import DocumentContext
from termcheck.match import Matcher, Matches
from termcheck.align.scale import LazyItems, LinearBeads
from termcheck.model import Bead, Finding, Severity
from termcheck.rules.registry import rule
from termcheck.text.segment import bounds, paragraph_numbers

if TYPE_CHECKING:
    from termcheck.align import Alignment

T = TypeVar("T")
TC205 = rule("TC205")
LOW_CONFIDENCE = 0.5
Span = tuple[int, int]
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?\u061f\u2026][\"'\u201d\u2019)\]\u00bb]*$")
CREDIT_WORDS = 8
GROUP_SENTENCES = 40  # a paragraph-level group larger than this is looked at near each bead only
GROUP_WINDOW = 6
_END = operator.itemgetter(1)
_START = operator.attrgetter("start")


@dataclass(frozen=True, slots=True)
class BeadView:
    """One sentence bead as spans of both texts, with its paragraph-level group."""

    index: int
    bead: Bead
    source_spans: tuple[Span, ...]
    target_spans: tuple[Span, ...]
    source_group: tuple[Span, ...]  # paragraphs of the paragraph beads that hold this bead
    target_group: tuple[Span, ...]

    @property
    def confidence(self) -> float:
        return self.bead.confidence

    @property
    def one_sided(self) -> bool:
        return not self.source_spans or not self.target_spans


def within(start: int, spans: Iterable[Span]) -> bool:
    return any(s <= start < e for s, e in spans)


class SpanIndex(Generic[T]):
    """Items sorted by start offset, so a bead finds its own in O(log n) (10 MB texts have
    tens of thousands of beads and matches)."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int]) -> None:
        if isinstance(items, Matches):  # in text order, starts a column: no Match made until asked for
            self._items, self._starts = items, items.starts  # (2.3 million on a 50 MB line, issue 11)
            return
        self._items = sorted(items, key=start)
        self._starts = [start(item) for item in self._items]

    def within(self, spans: Sequence[Span]) -> list[T]:
        """Items starting inside any of `spans` (in start order, each once)."""
        starts = self._starts
        spans = spans if isinstance(spans, (list, tuple)) else list(spans)
        if len(spans) == 1:
            s, e = spans[0]
            found = self._items[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
            return found if isinstance(found, list) else list(found)
        if len(spans) > 1:  # most beads of a long text hold nothing: two bisects say so
            first, last = min(spans)[0], max(spans, key=_END)[1]
            if bisect.bisect_left(starts, first) == bisect.bisect_left(starts, last):
                return []
        picked: dict[int, T] = {}
        for s, e in spans:
            for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
                picked[k] = self._items[k]
        return [picked[k] for k in sorted(picked)]


class StretchIndex(Generic[T]):
    """A SpanIndex of the items of a long text, found a stretch at a time: `find(text)` is run on
    stretches of about STRETCH_CHARS characters cut at sentence starts, and only the last few
    stretches asked for are kept. A text up to STRETCH_CHARS is one stretch: exactly
    SpanIndex(find(text)). Rules visit beads in text order, so each stretch is found about once;
    all the numbers of a million-line Arabic text at once held ~400 bytes each (الاثنين is 2).
    Items are dataclasses (frozen or not) with `start` and `end`, moved to the text's offsets."""

    def __init__(self, text: str, sentences: Sequence, find: Callable[[str], list[T]]) -> None:
        self._text, self._find = text, find
        self._cuts = array("q", [0])
        for sentence in sentences:
            if sentence.start - self._cuts[-1] >= STRETCH_CHARS:
                self._cuts.append(sentence.start)
        self._cuts.append(max(len(text), self._cuts[-1]))
        self._kept: dict[int, SpanIndex[T]] = {}
        self._last: tuple[int, int, SpanIndex[T] | None] = (1, 0, None)  # the stretch found last: [a, b) and its index

    def within(self, spans: Sequence[Span]) -> list[T]:
        """Items starting inside any of `spans` (in start order, each once), as SpanIndex.within."""
        spans = spans if isinstance(spans, (list, tuple)) else list(spans)
        if not spans:
            return []
        if len(spans) == 1:
            a, b, index = self._last
            if a <= spans[0][0] and spans[0][1] <= b:
                return index.within(spans)  # most questions: a sentence of the stretch in hand
        if len(self._cuts) == 2:
            return self._stretch(0).within(spans)
        first = bisect.bisect_right(self._cuts, min(spans)[0]) - 1
        last = bisect.bisect_left(self._cuts, max(spans, key=_END)[1]) - 1
        found: list[T] = []
        for k in range(max(first, 0), min(last, len(self._cuts) - 2) + 1):
            found.extend(self._stretch(k).within(spans))
        return found

    def _stretch(self, k: int) -> SpanIndex[T]:
        index = self._kept.get(k)
        if index is None:
            if len(self._kept) >= STRETCHES_KEPT:
                del self._kept[next(iter(self._kept))]  # the oldest
            a, b = self._cuts[k], self._cuts[k + 1]
            if (a, b) == (0, len(self._text)):
                items = self._find(self._text)
            else:
                items = self._find(self._text[a:b])
                for item in items:  # made just now and held by no one else: moved in place (replace() took 5 us each)
                    object.__setattr__(item, "start", item.start + a)
                    object.__setattr__(item, "end", item.end + a)
            index = self._kept[k] = SpanIndex(items, _START)
        self._last = (self._cuts[k], self._cuts[k + 1], index)
        return index


STRETCH_CHARS = 1 << 20
STRETCHES_KEPT = 3


@dataclass
class PairContext:
    """What every pair rule receives: the alignment, the matcher, both documents' contexts, and
    the monolingual findings of the target (so a pair rule never reports a target span twice)."""

    alignment: Alignment
    matcher: Matcher
    source: DocumentContext
    target: DocumentContext
    target_findings: list[Finding]
    source_findings: list[Finding]
    beads: Sequence[BeadView]  # a list, or LinearViews for a linear alignment
    confidence_threshold: float = LOW_CONFIDENCE
    _indexes: dict = field(default_factory=dict, repr=False)

    def index(self, name: str, items: Callable[[], Iterable[T]], start: Callable[[T], int]) -> SpanIndex[T]:
        """A SpanIndex built once per pair: `name` keys it, `items` makes its content."""
        if name not in self._indexes:
            self._indexes[name] = SpanIndex(items(), start)
        return self._indexes[name]

    def bead_at_target(self, offset: int) -> BeadView | None:
        """The sentence bead whose target side holds `offset`, if any."""
        if isinstance(self.beads, LinearViews):
            return self.beads.at_target(offset)
        if "target_starts" not in self._indexes:
            spans = sorted((s, e, view.index) for view in self.beads for s, e in view.target_spans)
            self._indexes["target_starts"] = ([s for s, _, _ in spans], spans)
        starts, spans = self._indexes["target_starts"]
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and spans[k][0] <= offset < spans[k][1]:
            return self.beads[spans[k][2]]
        return None

    def source_matches(self) -> SpanIndex:
        return self.index("source_matches", lambda: self.source.matches, lambda m: m.start)

    def target_matches(self) -> SpanIndex:
        return self.index("target_matches", lambda: self.target.matches, lambda m: m.start)

    def source_lint(self) -> SpanIndex:
        return self.index("source_lint", lambda: self.source_findings, lambda f: f.location.start)

    def target_lint(self) -> SpanIndex:
        return self.index("target_lint", lambda: self.target_findings, lambda f: f.location.start)


PairRule = Callable[[PairContext], Iterable[Finding]]


def bead_views(alignment: Alignment) -> Sequence[BeadView]:
    """Sentence beads as spans; the group of a bead is every paragraph bead touching its sentences.

    A group larger than GROUP_SENTENCES sentences on a side (a text without paragraph breaks, a
    long list aligned as one block) is narrowed to the sentences of the GROUP_WINDOW sentence beads
    on either side of the bead within it: looking through the whole group from every bead made
    `check` quadratic (a 10,000-line pair took minutes), and a misaligned sentence lies near its
    partner anyway.
    """
    if alignment.linear:
        return LinearViews(alignment)
    src_sents, tgt_sents = alignment.source_sentences, alignment.target_sentences
    src_paras, tgt_paras = alignment.source_paragraphs, alignment.target_paragraphs
    # One span tuple per sentence, shared by every view that names it (a million-sentence pair
    # held a fresh pair of tuples per sentence per view: most of check's memory).
    src_span = [(s.start, s.end) for s in src_sents]
    tgt_span = [(t.start, t.end) for t in tgt_sents]
    src_para_span = [(p.start, p.end) for p in src_paras]
    tgt_para_span = [(p.start, p.end) for p in tgt_paras]
    group_of_src: dict[int, int] = {}  # paragraph -> index of its paragraph bead
    group_of_tgt: dict[int, int] = {}
    for g, pbead in enumerate(alignment.paragraph_beads):
        for i in pbead.source:
            group_of_src[i] = g
        for j in pbead.target:
            group_of_tgt[j] = g
    src_count = [0] * len(alignment.paragraph_beads)
    tgt_count = [0] * len(alignment.paragraph_beads)
    for sentence in src_sents:
        if sentence.paragraph in group_of_src:
            src_count[group_of_src[sentence.paragraph]] += 1
    for sentence in tgt_sents:
        if sentence.paragraph in group_of_tgt:
            tgt_count[group_of_tgt[sentence.paragraph]] += 1
    beads = alignment.sentence_beads
    owners: list[frozenset[int]] = []
    shared: dict[frozenset[int], frozenset[int]] = {}  # one set object per distinct set of owners
    for bead in beads:
        groups = frozenset(
            {group_of_src[src_sents[i].paragraph] for i in bead.source if src_sents[i].paragraph in group_of_src}
            | {group_of_tgt[tgt_sents[j].paragraph] for j in bead.target if tgt_sents[j].paragraph in group_of_tgt}
        )
        owners.append(shared.setdefault(groups, groups))
    views = []
    for k, bead in enumerate(beads):
        source_spans = tuple(src_span[i] for i in bead.source)
        target_spans = tuple(tgt_span[j] for j in bead.target)
        groups = sorted(owners[k])
        if any(src_count[g] > GROUP_SENTENCES or tgt_count[g] > GROUP_SENTENCES for g in groups):
            near = [b for b in range(max(0, k - GROUP_WINDOW), min(len(beads), k + GROUP_WINDOW + 1)) if owners[b] & owners[k]]
            src_near = sorted({i for b in near for i in beads[b].source})
            tgt_near = sorted({j for b in near for j in beads[b].target})
            source_group = source_spans + tuple(src_span[i] for i in src_near)
            target_group = target_spans + tuple(tgt_span[j] for j in tgt_near)
        else:
            src_group = sorted({i for g in groups for i in alignment.paragraph_beads[g].source})
            tgt_group = sorted({j for g in groups for j in alignment.paragraph_beads[g].target})
            source_group = source_spans + tuple(src_para_span[i] for i in src_group)
            target_group = target_spans + tuple(tgt_para_span[j] for j in tgt_group)
        views.append(BeadView(k, bead, source_spans, target_spans, source_group, target_group))
    return views


class LinearViews(LazyItems):
    """bead_views of a linear alignment (termcheck.align.scale): the same views, made when asked for.

    There every sentence is in exactly one bead, in order, and every bead in exactly one paragraph
    group, a contiguous run of beads. So the GROUP_WINDOW beads on either side of a bead that
    share its group are a range of beads, and their sentences a run of consecutive sentences: one
    span per side says what thirteen did (no item starts in the white space between sentences).
    What is kept is a few numbers per bead and per group, in arrays: a list of a million views
    held more memory than everything else of a million-line check.
    """

    def __init__(self, alignment: Alignment) -> None:
        self._alignment = alignment
        src_sents, tgt_sents = alignment.source_sentences, alignment.target_sentences
        self._beads = beads = alignment.sentence_beads  # LinearBeads, as align._align_long stores them
        groups = alignment.paragraph_beads
        # the sentences' numbers, read once: a long text's Sentences hold them in arrays (no Segment per view)
        self._src_starts, self._src_ends = bounds(src_sents)
        self._tgt_starts, self._tgt_ends = bounds(tgt_sents)
        src_paragraph, tgt_paragraph = paragraph_numbers(src_sents), paragraph_numbers(tgt_sents)
        group_of_src = array("q", bytes(8 * len(alignment.source_paragraphs)))
        group_of_tgt = array("q", bytes(8 * len(alignment.target_paragraphs)))
        for g, pbead in enumerate(groups):
            for i in pbead.source:
                group_of_src[i] = g
            for j in pbead.target:
                group_of_tgt[j] = g
        src_count = array("q", bytes(8 * len(groups)))
        tgt_count = array("q", bytes(8 * len(groups)))
        for paragraph in src_paragraph:
            src_count[group_of_src[paragraph]] += 1
        for paragraph in tgt_paragraph:
            tgt_count[group_of_tgt[paragraph]] += 1
        self._big = bytes(a > GROUP_SENTENCES or b > GROUP_SENTENCES for a, b in zip(src_count, tgt_count))
        sp, tp = beads.src_before, beads.tgt_before
        self._group_of_bead = group_of_bead = array("q", (
            group_of_src[src_paragraph[sp[k]]] if sp[k] < sp[k + 1] else group_of_tgt[tgt_paragraph[tp[k]]]
            for k in range(len(beads))))
        self._first_bead = array("q", [-1]) * len(groups)
        self._last_bead = array("q", [-1]) * len(groups)
        for k, g in enumerate(group_of_bead):
            if self._first_bead[g] < 0:
                self._first_bead[g] = k
            self._last_bead[g] = k
        self._spans_of: tuple[int, tuple[tuple[Span, ...], tuple[Span, ...]]] | None = None  # the last small group's

    def __len__(self) -> int:
        return len(self._beads)

    def _item(self, k: int) -> BeadView:
        return self._view(k)

    def at_target(self, offset: int) -> BeadView | None:
        """The view whose target side holds `offset`, if any (PairContext.bead_at_target)."""
        j = bisect.bisect_right(self._tgt_starts, offset) - 1
        if j < 0 or offset >= self._tgt_ends[j]:
            return None
        return self._view(self._beads.bead_of_target(j))

    def _view(self, k: int) -> BeadView:
        sp, tp = self._beads.src_before, self._beads.tgt_before
        i0, i1, j0, j1 = sp[k], sp[k + 1], tp[k], tp[k + 1]
        bead = self._beads[k]
        source_spans = _spans(self._src_starts, self._src_ends, i0, i1)
        target_spans = _spans(self._tgt_starts, self._tgt_ends, j0, j1)
        g = self._group_of_bead[k]
        if self._big[g]:
            lo, hi = max(k - GROUP_WINDOW, self._first_bead[g]), min(k + GROUP_WINDOW, self._last_bead[g]) + 1
            first, last = sp[lo], sp[hi] - 1
            source_group = ((self._src_starts[first], self._src_ends[last]),) if first <= last else ()
            first, last = tp[lo], tp[hi] - 1
            target_group = ((self._tgt_starts[first], self._tgt_ends[last]),) if first <= last else ()
        else:
            spans = self._group_spans(g)
            source_group, target_group = source_spans + spans[0], target_spans + spans[1]
        return BeadView(k, bead, source_spans, target_spans, source_group, target_group)

    def _group_spans(self, g: int) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
        """The paragraph spans of a small group, one tuple per side shared by its views."""
        if self._spans_of is None or self._spans_of[0] != g:
            group, alignment = self._alignment.paragraph_beads[g], self._alignment
            self._spans_of = (g, (
                tuple((alignment.source_paragraphs[i].start, alignment.source_paragraphs[i].end) for i in group.source),
                tuple((alignment.target_paragraphs[j].start, alignment.target_paragraphs[j].end) for j in group.target)))
        return self._spans_of[1]


def _spans(starts: Sequence[int], ends: Sequence[int], first: int, stop: int) -> tuple[Span, ...]:
    """The spans of sentences [first, stop), from their starts and ends (segment.bounds)."""
    if stop - first == 1:
        return ((starts[first], ends[first]),)
    return tuple(zip(starts[first:stop], ends[first:stop]))


def pair_rules() -> list[PairRule]:
    """The pair rules, as declared in termcheck.rules.registry (CHECKS, scope "pair")."""
    from termcheck.rules.registry import checks

    return list(checks("pair"))


def run_pair_rules(ctx: PairContext) -> list[Finding]:
    """Every TC2xx finding of the pair, downgraded where the alignment is uncertain."""
    findings = []
    for pair_rule in pair_rules():
        findings.extend(downgrade(f, ctx.confidence_threshold) for f in pair_rule(ctx))
    return findings


def with_confidence(finding: Finding, view: BeadView) -> Finding:
    """Tag a finding with the confidence of the bead it was found in (read by `downgrade`)."""
    finding.extra["alignment_confidence"] = round(view.confidence, 2)
    return finding


def downgrade(finding: Finding, threshold: float) -> Finding:
    """One severity level down, with a note, when the finding's bead was aligned with low confidence."""
    confidence = finding.extra.get("alignment_confidence")
    if confidence is None or confidence >= threshold:
        finding.extra.pop("alignment_confidence", None)
        return finding
    lower = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO, Severity.INFO: Severity.INFO}
    message = f"{finding.message} (alignment uncertain: confidence {confidence:.2f})"
    return dataclasses.replace(finding, severity=lower[finding.severity], message=message)


def _credit_line(ctx: PairContext, run: list[int], text: str) -> bool:
    """A whole short paragraph with no sentence punctuation: a byline, dateline or photo credit
    ("By a staff correspondent", "بقلم مراسلنا"). Translations often drop these on purpose."""
    sentences, paragraphs = ctx.alignment.source_sentences, ctx.alignment.source_paragraphs
    paragraph = sentences[run[0]].paragraph
    if not 0 <= paragraph < len(paragraphs) or paragraphs[paragraph].kind != "paragraph":
        return False  # a dropped heading, list item or quote is always reported
    # The run is consecutive sentences of one paragraph, and a paragraph's sentences are consecutive:
    # it is the whole paragraph when it reaches both of the paragraph's ends (scanning every
    # sentence for each run made a long one-paragraph text quadratic).
    first, last = run[0], run[-1]
    whole = (first == 0 or sentences[first - 1].paragraph != paragraph) and (
        last + 1 == len(sentences) or sentences[last + 1].paragraph != paragraph)
    return whole and len(text.split()) <= CREDIT_WORDS and not _SENTENCE_END.search(text.rstrip())


def untranslated_segments(ctx: PairContext) -> Iterable[Finding]:
    """TC205: runs of 1-0 sentence beads within one source paragraph, one finding per run."""
    doc, masked = ctx.source.doc, ctx.source.text
    sentences = ctx.alignment.source_sentences
    run: list[int] = []
    confidence = 1.0

    def flush() -> Iterable[Finding]:
        if not run:
            return
        start, end = sentences[run[0]].start, sentences[run[-1]].end
        if _LETTER.search(masked[start:end]) and not _credit_line(ctx, run, masked[start:end]):
            found = doc.text[start:end]
            what = "sentence" if len(run) == 1 else f"{len(run)} sentences"
            finding = Finding(
                rule=TC205.code,
                severity=TC205.severity,
                location=doc.location(start, end),
                found=found,
                message=f"this source {what} has no counterpart in the target (untranslated or dropped)",
            )
            finding.extra["alignment_confidence"] = round(confidence, 2)
            yield finding

    for bead in ctx.alignment.sentence_beads:  # the views' beads: no spans needed here (a view costs 3 beads)
        if bead.source and not bead.target:
            first = bead.source[0]
            if run and (sentences[first].paragraph != sentences[run[-1]].paragraph or first != run[-1] + 1):
                yield from flush()
                run = []
                confidence = 1.0
            run.extend(bead.source)
            confidence = min(confidence, bead.confidence)
        elif bead.source:
            yield from flush()
            run = []
            confidence = 1.0
    yield from flush()
