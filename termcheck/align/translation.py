"""Machine translation as a similarity signal for the aligner (as Bleualign does).

Each source sentence's machine translation is compared with the target sentences of a candidate
bead by chrF (sacrebleu's sentence chrF: character n-grams up to 6, white space left out, with beta
CHRF_BETA = 1, so that text the target lacks counts as much as text the translation lacks: with
the usual beta 2 a merged bead loses little for its extra sentence): the words a translator and a
machine both choose show which sentences render which, where length and anchors say little (a
free translation, a sentence without names or numbers). The bead's cost falls by MT_WEIGHT x
(chrF - MT_NEUTRAL) where chrF is above MT_NEUTRAL; below it nothing changes: a model that
translates badly must not argue against right beads (counted both ways, the oracle below gained
more, 0.9709 / 0.9647 / 0.9748, but a poor translation then taxed every bead and favoured
merges). Several units on a side are compared joined, with a space between them. Sentence beads
only; the paragraph programme and the linear walk past termcheck.align.scale's threshold do not
use it.

Calibration: no real model can be run offline here, so the signal was measured with an oracle
(`bench/eval_align.py --oracle-mt N`: each source sentence 'translated' as its share of its gold
bead's target words, every N-th word left out to stand for a weaker model). Sentence strict F1,
no glossary, N = 2 (half the words): TICO-19 tune 0.9655 -> 0.9698, held-out 0.9508 -> 0.9584,
nine blind pairs unchanged at 0.9685 (tests/test_align.py: a bead of PubMed_9 found), measured
before the 2-2 paragraph prior went down (termcheck.align.cost). Weights 3, 6 and 10 gave 0.9684,
0.9691 and 0.9691 on the tune split (beta 2, counted both ways); beta 1 0.9709.
A real model scores right beads lower than the oracle, so the signal then weighs less, never more.
Without `translations` nothing of this runs and sacrebleu is not imported.
"""

from __future__ import annotations

MT_WEIGHT = 6.0
MT_NEUTRAL = 0.25
CHRF_BETA = 1  # precision counts as much as recall: a merged bead adds text the target lacks


class TranslationSimilarity:
    """chrF of source sentences' translations against target sentences, `translations[k]` the MT
    of source sentence k; beads are given as sentence indices, scores cached for the whole
    alignment (its paragraph groups and its second pass ask for the same beads again)."""

    def __init__(self, translations: list[str], targets: list[str]) -> None:
        from sacrebleu.metrics import CHRF

        self._chrf = CHRF(beta=CHRF_BETA)
        self._translations = translations
        self._targets = targets
        self._cache: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def __call__(self, i0: int, i1: int, j0: int, j1: int) -> float:
        return self.score(tuple(range(i0, i1)), tuple(range(j0, j1)))

    def score(self, sources: tuple[int, ...], targets: tuple[int, ...]) -> float:
        score = self._cache.get((sources, targets))
        if score is None:
            hypothesis = " ".join(self._translations[i] for i in sources)
            reference = " ".join(self._targets[j] for j in targets)
            score = self._cache[(sources, targets)] = self._chrf.sentence_score(hypothesis, [reference]).score / 100.0
        return score

    def cost_change(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """What the bead's cost gains (negative: evidence for it)."""
        return _cost_change(self(i0, i1, j0, j1))

    def restricted(self, source_ids: list[int], target_ids: list[int]) -> GroupSimilarity:
        """The same signal over a paragraph group's sentences, renumbered from 0."""
        return GroupSimilarity(self, source_ids, target_ids)


class GroupSimilarity:
    """TranslationSimilarity seen from one paragraph group: local indices, the shared cache."""

    __slots__ = ("_whole", "_sources", "_targets")

    def __init__(self, whole: TranslationSimilarity, source_ids: list[int], target_ids: list[int]) -> None:
        self._whole, self._sources, self._targets = whole, source_ids, target_ids

    def __call__(self, i0: int, i1: int, j0: int, j1: int) -> float:
        return self._whole.score(tuple(self._sources[i0:i1]), tuple(self._targets[j0:j1]))

    def cost_change(self, i0: int, i1: int, j0: int, j1: int) -> float:
        return _cost_change(self(i0, i1, j0, j1))


def _cost_change(chrf: float) -> float:
    return -MT_WEIGHT * max(0.0, chrf - MT_NEUTRAL)
