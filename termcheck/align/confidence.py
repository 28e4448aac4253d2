"""Bead confidence: an estimate of P(the bead is right), by logistic regression on bead features.

The dynamic programme's margin (termcheck.align.dp) says how much better the chosen bead was than
the second-best way into its cell; alone it is over-confident (on the TICO-19 tuning split, beads
with a margin confidence >= 0.97 were right 95 % of the time, those at 0.7-0.9 only 40 %, AUC
0.73-0.77). The features below add what the bead itself shows: its shape, how well the lengths fit,
what share of its anchors is found across it, whether it holds a unit nothing supports.

Features (in order): margin log-odds (capped at 20 nats), the paragraph group's margin log-odds,
one-sided, more than two units, length cost, matched share of the bead's anchors, two-sided with no
anchors at all, unsupported units (termcheck.align.cost.BeadScorer.unsupported).

Fitted by bench/fit_confidence.py (IRLS, L2 1e-2) on the tuning split of bench/devsets.py; the
reliability table and AUC of bench/eval_align.py on the held-out split (never fitted on) are:

    confidence    beads  mean conf  right      (held-out split, 1,194 sentence beads, 80 wrong;
    [0.30, 0.50)      3      0.483  0.333       AUC 0.867, was 0.758 with the margin alone)
    [0.50, 0.70)     70      0.584  0.529
    [0.70, 0.90)     81      0.838  0.765
    [0.90, 0.97)     90      0.942  0.944
    [0.97, 1.00]    950      0.996  0.978

On the tuning split the same table reads 0.181/0.286, 0.415/0.500, 0.592/0.529, 0.826/0.833,
0.941/0.958, 0.997/0.995 (AUC 0.947). Refitted after the lexicon weight 0.6, the 1-0 prior 0.06
and the rejoining of one-sided paragraph neighbours. A finding in a bead below 0.5 is downgraded
(termcheck.rules.bilingual): such a bead is more likely wrong than right. Refit after any change to the cost model.
"""

from __future__ import annotations

import math

from termcheck.align.cost import BeadScorer
from termcheck.model import Bead

MAX_MARGIN = 20.0
# Intercept first, then one weight per feature; "sentence" and "paragraph" levels.
COEFFICIENTS: dict[str, tuple[float, ...]] = {
    "paragraph": (2.0147, 0.1366, 0.1366, -1.3665, -4.1203, 0.0312, 3.3426, 2.1780, 0.0000),  # 599 beads, 10 wrong
    "sentence": (2.2261, 0.2007, 0.0079, -2.0060, -3.1623, -0.7937, 4.1631, -0.9024, -0.0549),  # 1376 beads, 51 wrong
}


def margin_odds(confidence: float) -> float:
    """The DP margin in nats behind a margin confidence 1 - exp(-margin) / 2."""
    rest = 2.0 * (1.0 - confidence)
    return MAX_MARGIN if rest <= math.exp(-MAX_MARGIN) else min(MAX_MARGIN, max(0.0, -math.log(rest)))


def bead_features(scorer: BeadScorer | None, bead: Bead, margin: float, group_margin: float) -> tuple[float, ...]:
    """Features of a bead given in the scorer's own (local) unit indices."""
    one_sided = not bead.source or not bead.target
    many = len(bead.source) + len(bead.target) > 2
    length = share = bare = unsupported = 0.0
    if not one_sided and scorer is not None:
        i0, i1, j0, j1 = bead.source[0], bead.source[-1] + 1, bead.target[0], bead.target[-1] + 1
        length = min(scorer.length_cost(i0, i1, j0, j1), 20.0)
        required = scorer.required(i0, i1, j0, j1)
        if required:
            share = scorer.matched(i0, i1, j0, j1) / required
        else:
            bare = 1.0
        unsupported = float(scorer.unsupported(i0, i1, j0, j1))
    return (margin_odds(margin), margin_odds(group_margin), float(one_sided), float(many), length, share, bare, unsupported)


def probability(features: tuple[float, ...], level: str, fallback: float) -> float:
    """P(right) under the fitted model of `level`; `fallback` (the margin confidence) if none."""
    weights = COEFFICIENTS.get(level)
    if weights is None:
        return fallback
    z = weights[0] + sum(w * x for w, x in zip(weights[1:], features))
    return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0
