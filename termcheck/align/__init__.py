"""Bilingual alignment of two documents: paragraphs first, then sentences inside each paragraph bead.

    alignment = align_documents(source_doc, target_doc, matcher)

Works offline with no model: a Gale-Church length model calibrated on the pair's own character
ratio (termcheck.align.cost) plus anchors found on both sides (glossary concepts, numbers, Latin
tokens, name skeletons: termcheck.align.anchors), in a banded dynamic programme
(termcheck.align.dp). A 1-0 bead next to a 0-1 bead whose sentences share anchors is closed into
one 1-1 bead (_close_detours): tuning split strict F1 0.9618 -> 0.9633 at REJOIN_SHARE 0.15-0.3
(0.9632 at 0, 0.9618 at 0.5), omissions found unchanged. The sentences of a 1-1 paragraph bead that the
sentence programme left all one-sided are one bead when their lengths fit (_whole_paragraph): a
blind court pair's 1-2 read as dropped; TICO-19 splits and blind pairs unchanged, the omission
bench's drops found unchanged (other findings per drop 0.61 -> 0.60 tune, 0.25 -> 0.24 held-out). Inputs that cannot be aligned sensibly give warnings, or InputError when
nothing at all can be done.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from termcheck.align.anchors import Anchors, segment_anchors
from termcheck.align.band import centre_line
from termcheck.align.furniture import solo_paragraphs
from termcheck.align.quotes import quote_continuations
from termcheck.align.confidence import bead_features, probability
from termcheck.align.lexicon import TRAIN_CONFIDENCE, add_lexical_anchors, content_words, learn, spread_sample
from termcheck.align.cost import PARAGRAPH_KINDS, PARAGRAPH_MODEL, SENTENCE_MODEL, BeadScorer, CostModel
from termcheck.align import dp, scale
from termcheck.model import Bead, Document, InputError, Segment
from termcheck.text.markup import masked_text
from termcheck.text.segment import paragraphs, sentences

__all__ = ["Alignment", "align_documents", "EXPECTED_RATIO"]

# Non-space characters of the target per character of the source, for a normal translation
# (measured on the TICO-19 English-Arabic memory: English has 1.10 times the characters).
EXPECTED_RATIO = {("ar", "en"): 1.10, ("en", "ar"): 1 / 1.10}
WILD_RATIO = 3.0  # a pair further than this from the expected ratio is suspect
PARAGRAPH_COUNT_SPREAD = 3.0  # more paragraphs than this factor on one side: align sentences only
# Band half-width of the second pass, centred on the first pass's path (the band still widens
# where the path presses its edge, termcheck.align.dp).
SECOND_PASS_WIDTH = 4

_SPACE = re.compile(r"\s+")


@dataclass
class Alignment:
    source: Document
    target: Document
    source_paragraphs: list[Segment]
    target_paragraphs: list[Segment]
    source_sentences: list[Segment]
    target_sentences: list[Segment]
    paragraph_beads: list[Bead]
    sentence_beads: list[Bead]
    warnings: list[str] = field(default_factory=list)
    # Confidence features of each bead (termcheck.align.confidence), for calibration and diagnosis.
    features: dict[str, list[tuple[float, ...]]] = field(default_factory=dict)
    # Aligned by the linear walk of termcheck.align.scale (a pair past scale.SCALE_SENTENCES); then
    # sentence_beads is a scale.LinearBeads (rules.bilingual.LinearViews reads its arrays).
    linear: bool = False


@dataclass
class _Side:
    doc: Document
    masked: str
    paragraphs: list[Segment]
    sentences: list[Segment]
    lengths: list[int]  # non-space characters of each sentence
    anchors: list[Anchors]
    matches: list | None = None  # the glossary matches, read by the scale path (termcheck.align.scale)
    continues: list[bool] | None = None  # each sentence continues the quotation before it (align.quotes)
    _match_starts: Sequence[int] | None = None

    @property
    def chars(self) -> int:
        return sum(self.lengths)

    def match_starts(self) -> list[int]:
        if self._match_starts is None:  # a Matches has them as a column (no list of 2.3 million ints)
            starts = getattr(self.matches, "starts", None)
            self._match_starts = starts if starts is not None else [m.start for m in self.matches]
        return self._match_starts


def _side(doc: Document, matcher, matches=None) -> _Side:
    masked = masked_text(doc)
    if matches is None and matcher is not None:
        matches = matcher.find(masked)
    paras = paragraphs(doc, masked)
    sents = sentences(doc, paras, masked)
    if len(sents) > scale.SCALE_SENTENCES:  # lengths and anchors are made by the scale path, as it needs them
        return _Side(doc, masked, paras, sents, [], [], matches)
    lengths = [len(_SPACE.sub("", masked[s.start:s.end])) for s in sents]
    return _Side(doc, masked, paras, sents, lengths, segment_anchors(doc, masked, sents, matches), matches,
                 continues=quote_continuations(masked, sents))


def align_documents(source: Document, target: Document, matcher=None, *, matches=None,
                    translations: list[str] | None = None) -> Alignment:
    """Align `target` to `source`; `matcher` (a glossary Matcher) adds term anchors.

    `matches`: the (source, target) glossary matches of the masked texts, when the caller has
    them already (check_pair does), so the documents are not matched twice. `translations`: a
    machine translation of each source sentence (`source_sentences`), which then weighs in on the
    sentence beads (termcheck.align.translation).
    """
    src_matches, tgt_matches = matches if matches is not None else (None, None)
    src, tgt = _side(source, matcher, src_matches), _side(target, matcher, tgt_matches)
    warnings: list[str] = []
    result = Alignment(source, target, src.paragraphs, tgt.paragraphs, src.sentences, tgt.sentences, [], [], warnings)
    if not src.sentences and not tgt.sentences:
        raise InputError(f"{source.path}:1: no text to align, and {target.path} has none either")
    if not src.sentences or not tgt.sentences:
        empty, other = (source, target) if not src.sentences else (target, source)
        warnings.append(f"{empty.path}: one side is empty: every segment of {other.path} is left unpaired")
        result.paragraph_beads = _one_sided(len(src.paragraphs), len(tgt.paragraphs))
        result.sentence_beads = _one_sided(len(src.sentences), len(tgt.sentences))
        return result
    if source.lang == target.lang:
        warnings.append(
            f"same language on both sides ({source.lang}): is {target.path} really a translation of {source.path}?"
        )
    if max(len(src.sentences), len(tgt.sentences)) > scale.SCALE_SENTENCES:
        return _align_long(src, tgt, result)
    ratio = _ratio(src, tgt, warnings)
    translation = None
    if translations is not None:
        from termcheck.align.translation import TranslationSimilarity

        if len(translations) != len(src.sentences):
            raise ValueError(f"{len(translations)} translations for {len(src.sentences)} source sentences")
        translation = TranslationSimilarity(translations, [target.text[s.start:s.end] for s in tgt.sentences])
    groups, scorer = _paragraph_groups(src, tgt, ratio, warnings)
    beads, features, groups = _sentence_beads(src, tgt, groups, ratio, translation)
    if _learn_lexicon(src, tgt, beads):  # Moore's second pass: realign with the pair's own lexicon
        groups, scorer = _paragraph_groups(src, tgt, ratio, [], previous=groups)
        beads, features, groups = _sentence_beads(src, tgt, groups, ratio, translation)
    paragraph_features = [bead_features(scorer, b, b.confidence, b.confidence) for b in groups]
    result.paragraph_beads = [_calibrated(b, f, "paragraph") for b, f in zip(groups, paragraph_features)]
    result.sentence_beads = [_calibrated(b, f, "sentence") for b, f in zip(beads, features)]
    result.features = {"paragraph": paragraph_features, "sentence": features}
    return result


def _align_long(src: _Side, tgt: _Side, result: Alignment) -> Alignment:
    """Past scale.SCALE_SENTENCES sentences on a side: the linear walk of termcheck.align.scale."""
    long_src = scale.long_side(src.masked, src.sentences, src.matches)
    long_tgt = scale.long_side(tgt.masked, tgt.sentences, tgt.matches)
    ratio = _ratio_of(src.doc, tgt.doc, long_src.prefix[-1], long_tgt.prefix[-1], result.warnings)
    result.warnings.append(
        f"{src.doc.path}: {len(src.sentences):,} x {len(tgt.sentences):,} sentences: aligned in linear time "
        f"(more than {scale.SCALE_SENTENCES:,} on a side; the full programme only where the copy is irregular)"
    )

    def window(i0: int, i1: int, j0: int, j1: int) -> list[Bead]:
        src_lengths, src_anchors = _window_units(src, i0, i1)
        tgt_lengths, tgt_anchors = _window_units(tgt, j0, j1)
        beads, scorer = _align_units(SENTENCE_MODEL, src_lengths, tgt_lengths, src_anchors, tgt_anchors, ratio)
        return _close_detours(scorer, beads)

    beads = scale.align_long(long_src, long_tgt, ratio, SENTENCE_MODEL.variance, window)
    result.linear = True
    result.sentence_beads = beads
    result.paragraph_beads = scale.paragraph_groups(
        beads, src.sentences, tgt.sentences, len(src.paragraphs), len(tgt.paragraphs)
    )
    return result


class _Shifted:
    """A glossary match moved to the start of a slice of the text (segment_anchors reads these two)."""

    __slots__ = ("start", "concepts")

    def __init__(self, start: int, concepts) -> None:
        self.start, self.concepts = start, concepts


def _window_units(side: _Side, k0: int, k1: int) -> tuple[list[int], list[Anchors]]:
    """Lengths and anchors of sentences [k0, k1) of a side, computed on that stretch of text only."""
    if k0 >= k1:
        return [], []
    base, stop = side.sentences[k0].start, side.sentences[k1 - 1].end
    piece = side.masked[base:stop]
    segments = [Segment(k, s.start - base, s.end - base, s.kind, s.paragraph)
                for k, s in enumerate(side.sentences[k0:k1])]
    matches = None
    if side.matches is not None:
        starts = side.match_starts()
        matches = [_Shifted(m.start - base, m.concepts)
                   for m in side.matches[bisect.bisect_left(starts, base):bisect.bisect_left(starts, stop)]]
    lengths = [len(_SPACE.sub("", piece[s.start:s.end])) for s in segments]
    return lengths, segment_anchors(side.doc, piece, segments, matches)


def _calibrated(bead: Bead, features: tuple[float, ...], level: str) -> Bead:
    return Bead(bead.source, bead.target, round(probability(features, level, bead.confidence), 4))


def _learn_lexicon(src: _Side, tgt: _Side, beads: list[Bead]) -> bool:
    """Add lexical anchors learned from the confident beads; False when nothing was learned."""
    src_words = content_words(src.masked, src.doc.lang, [(s.start, s.end) for s in src.sentences])
    tgt_words = content_words(tgt.masked, tgt.doc.lang, [(t.start, t.end) for t in tgt.sentences])
    confident = [
        b for b in beads
        if b.source and b.target and len(b.source) <= 2 and len(b.target) <= 2 and b.confidence >= TRAIN_CONFIDENCE
    ]
    training = (
        (set().union(*(src_words[i] for i in b.source)), set().union(*(tgt_words[j] for j in b.target)))
        for b in spread_sample(confident)
    )
    forward, backward = learn(training)
    if not forward:
        return False
    add_lexical_anchors(src_words, tgt_words, src.anchors, tgt.anchors, forward, backward)
    return True


def _one_sided(n: int, m: int) -> list[Bead]:
    return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]


def _ratio(src: _Side, tgt: _Side, warnings: list[str]) -> float:
    return _ratio_of(src.doc, tgt.doc, src.chars, tgt.chars, warnings)


def _ratio_of(source: Document, target: Document, src_chars: int, tgt_chars: int, warnings: list[str]) -> float:
    """The document's own character ratio, unless it is wildly off the usual one for the pair."""
    observed = tgt_chars / src_chars if src_chars else 1.0
    expected = EXPECTED_RATIO.get((source.lang, target.lang), 1.0)
    if observed > expected * WILD_RATIO or observed < expected / WILD_RATIO:
        warnings.append(
            f"{target.path} has {observed / expected:.1f} times the text expected for a translation of "
            f"{source.path} ({tgt_chars} vs {src_chars} characters): one of them may be incomplete; "
            "text without a counterpart is left unpaired"
        )
        return expected
    return observed


def _grouped(side: _Side) -> tuple[list[int], list[Anchors]]:
    """Lengths and anchors of each paragraph (sums and unions of its sentences)."""
    lengths = [0] * len(side.paragraphs)
    anchors = [Anchors() for _ in side.paragraphs]
    for sentence, length, anchor in zip(side.sentences, side.lengths, side.anchors):
        lengths[sentence.paragraph] += length
        anchors[sentence.paragraph].merge(anchor)
    return lengths, anchors


def _paragraph_groups(
    src: _Side, tgt: _Side, ratio: float, warnings: list[str], previous: list[Bead] | None = None
) -> tuple[list[Bead], BeadScorer | None]:
    """Paragraph beads; `previous` (the first pass's beads) centres the band of the second pass."""
    n, m = len(src.paragraphs), len(tgt.paragraphs)
    fewer, more = min(n, m), max(n, m)
    if more >= 3 and more > fewer * PARAGRAPH_COUNT_SPREAD:
        flat = src.doc if n < m else tgt.doc
        warnings.append(
            f"{flat.path}: {fewer} paragraph(s) against {more} on the other side (no paragraph breaks?): "
            "aligning sentences across the whole text"
        )
        return [Bead(tuple(range(n)), tuple(range(m)), 1.0)], None
    src_lengths, src_anchors = _grouped(src)
    tgt_lengths, tgt_anchors = _grouped(tgt)
    return _align_units(
        PARAGRAPH_MODEL, src_lengths, tgt_lengths, src_anchors, tgt_anchors, ratio,
        _solo(src, src_lengths), _solo(tgt, tgt_lengths), centre=dp.bead_centre(previous) if previous else None,
        src_kinds=_kinds(src), tgt_kinds=_kinds(tgt),
    )


def _kinds(side: _Side) -> list[int]:
    return [PARAGRAPH_KINDS.get(p.kind, 0) for p in side.paragraphs]


def _solo(side: _Side, lengths: list[int]) -> list[bool]:
    counts = [0] * len(side.paragraphs)
    for sentence in side.sentences:
        counts[sentence.paragraph] += 1
    return solo_paragraphs(side.paragraphs, lengths, counts)


def _align_units(
    model: CostModel,
    src_lengths: list[int],
    tgt_lengths: list[int],
    src_anchors: list[Anchors],
    tgt_anchors: list[Anchors],
    ratio: float,
    src_solo: list[bool] | None = None,
    tgt_solo: list[bool] | None = None,
    centre=None,
    src_kinds: list[int] | None = None,
    tgt_kinds: list[int] | None = None,
    src_continues: list[bool] | None = None,
    tgt_continues: list[bool] | None = None,
    translation=None,
) -> tuple[list[Bead], BeadScorer]:
    scorer = BeadScorer(model, src_lengths, tgt_lengths, src_anchors, tgt_anchors, ratio, src_solo, tgt_solo, src_kinds,
                        tgt_kinds, src_continues, tgt_continues, translation)
    width = dp.DEFAULT_WIDTH
    if centre is None:
        centre = centre_line(src_lengths, tgt_lengths, src_anchors, tgt_anchors)
    else:
        width = SECOND_PASS_WIDTH
    beads = dp.align(len(src_lengths), len(tgt_lengths), model.bead_types, scorer.cost, centre, width, fit=scorer.fit)
    return beads, scorer


def _sentence_beads(
    src: _Side, tgt: _Side, groups: list[Bead], ratio: float, translation=None
) -> tuple[list[Bead], list[tuple[float, ...]], list[Bead]]:
    """Sentence beads inside each paragraph bead, renumbered over the whole documents, with the
    confidence features of each (the confidence is still the margin one: margin x group margin),
    and the paragraph beads as they stand after rejoining (see _rejoin_candidates)."""
    src_by_para = _sentences_by_paragraph(src)
    tgt_by_para = _sentences_by_paragraph(tgt)
    beads: list[Bead] = []
    features: list[tuple[float, ...]] = []
    kept: list[Bead] = []
    for candidate in _rejoin_candidates(groups):
        group = candidate[0] if len(candidate) == 1 else Bead(
            candidate[0].source + candidate[1].source,
            candidate[0].target + candidate[1].target,
            min(candidate[0].confidence, candidate[1].confidence),
        )
        src_ids = [s for p in group.source for s in src_by_para[p]]
        tgt_ids = [t for p in group.target for t in tgt_by_para[p]]
        local: list[Bead] = []
        if src_ids and tgt_ids:
            local, scorer = _align_units(
                SENTENCE_MODEL,
                [src.lengths[s] for s in src_ids],
                [tgt.lengths[t] for t in tgt_ids],
                [src.anchors[s] for s in src_ids],
                [tgt.anchors[t] for t in tgt_ids],
                ratio,
                src_continues=[src.continues[s] for s in src_ids],
                tgt_continues=[tgt.continues[t] for t in tgt_ids],
                translation=translation.restricted(src_ids, tgt_ids) if translation is not None else None,
            )
            local = _close_detours(scorer, local)
            if len(candidate) == 1 and len(group.source) == len(group.target) == 1:
                local = _whole_paragraph(scorer, local, len(src_ids), len(tgt_ids))
            if len(candidate) == 2 and not any(_evidenced(scorer, b) for b in local):
                local = []  # nothing on one side is found on the other: they stay unpaired
        if not local:
            for part in candidate:
                part_src = [s for p in part.source for s in src_by_para[p]]
                part_tgt = [t for p in part.target for t in tgt_by_para[p]]
                for bead in [Bead((s,), (), part.confidence) for s in part_src] + [Bead((), (t,), part.confidence) for t in part_tgt]:
                    beads.append(bead)
                    features.append(bead_features(None, bead, part.confidence, part.confidence))
                kept.append(part)
            continue
        kept.append(group)
        for bead in local:
            features.append(bead_features(scorer, bead, bead.confidence, group.confidence))
            beads.append(
                Bead(
                    tuple(src_ids[k] for k in bead.source),
                    tuple(tgt_ids[k] for k in bead.target),
                    round(bead.confidence * group.confidence, 4),
                )
            )
    return beads, features, kept


def _rejoin_candidates(groups: list[Bead]) -> list[tuple[Bead, ...]]:
    """Paragraph beads one by one, except a source-only bead next to a target-only one (either
    order): the pair is a candidate to align as one group at the sentence level.

    The paragraph programme sometimes prefers 1-0 + 0-1 to a 1-1 whose lengths disagree (a
    sentence dropped or added inside it); the sentences then decide, and the pair is rejoined
    only when a two-sided sentence bead in it shares an anchor (_evidenced).
    """
    out: list[tuple[Bead, ...]] = []
    k = 0
    while k < len(groups):
        a = groups[k]
        b = groups[k + 1] if k + 1 < len(groups) else None
        if b is not None and (
            (a.source and not a.target and b.target and not b.source)
            or (a.target and not a.source and b.source and not b.target)
        ):
            out.append((a, b))
            k += 2
        else:
            out.append((a,))
            k += 1
    return out


REJOIN_SHARE = 0.3


def _close_detours(scorer: BeadScorer, beads: list[Bead]) -> list[Bead]:
    """A 1-0 bead next to a 0-1 bead (either order) becomes one 1-1 bead when the two sentences
    share enough anchors: at least REJOIN_SHARE of their anchor weight is found across.

    The programme takes such a detour when a 1-1's lengths disagree (a free translation): two
    one-sided priors then cost less than the length term. Content decides instead; an omission
    next to an unrelated addition shares nothing and stays as it is."""
    out: list[Bead] = []
    k = 0
    while k < len(beads):
        a = beads[k]
        b = beads[k + 1] if k + 1 < len(beads) else None
        if b is not None and len(a.source) + len(a.target) == 1 and len(b.source) + len(b.target) == 1 and (
            (a.source and b.target) or (a.target and b.source)
        ):
            i = (a.source or b.source)[0]
            j = (a.target or b.target)[0]
            required = scorer.required(i, i + 1, j, j + 1)
            if required and scorer.matched(i, i + 1, j, j + 1) >= REJOIN_SHARE * required:
                out.append(Bead((i,), (j,), min(a.confidence, b.confidence)))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


WHOLE_FIT = 2.0  # length cost (nats) under which a paired paragraph's sentences are one bead


def _whole_paragraph(scorer: BeadScorer, local: list[Bead], sources: int, targets: int) -> list[Bead]:
    """The sentences of a 1-1 paragraph bead as one bead when the sentence programme paired none of
    them, their shape is a sentence bead's (up to 3-1, 2-3 ...) and their lengths fit (WHOLE_FIT):
    the paragraphs were paired, so their sentences are one another's translation, and what left
    them apart was anchors the pair's lexicon does not know, or a term rendered otherwise (a blind
    court pair: one Arabic sentence in two English ones, left 0-1, 0-1, 1-0 and read as dropped)."""
    if not local or any(b.source and b.target for b in local) or (sources, targets) not in SENTENCE_MODEL.priors:
        return local
    if scorer.length_cost(0, sources, 0, targets) >= WHOLE_FIT:
        return local
    return [Bead(tuple(range(sources)), tuple(range(targets)), min(b.confidence for b in local))]


def _evidenced(scorer: BeadScorer, bead: Bead) -> bool:
    if not bead.source or not bead.target:
        return False
    return scorer.matched(bead.source[0], bead.source[-1] + 1, bead.target[0], bead.target[-1] + 1) > 0


def _sentences_by_paragraph(side: _Side) -> list[list[int]]:
    result: list[list[int]] = [[] for _ in side.paragraphs]
    for sentence in side.sentences:
        result[sentence.paragraph].append(sentence.index)
    return result
