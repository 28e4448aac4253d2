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

    confidence    beads  mean conf  right      (held-out split, 1,188 sentence beads, 81 wrong;
    [0.30, 0.50)      5      0.442  0.600       AUC 0.864, was 0.758 with the margin alone)
    [0.50, 0.70)     61      0.579  0.525
    [0.70, 0.90)     89      0.825  0.719
    [0.90, 0.97)    109      0.943  0.917
    [0.97, 1.00]    924      0.996  0.983

On the tuning split the same table reads 0.169/0.200, 0.605/0.535, 0.814/0.829, 0.941/0.958,
0.996/0.995 (AUC 0.93). A finding in a bead below 0.5 is downgraded (termcheck.rules.bilingual):
such a bead is more likely wrong than right. Refit after any change to the cost model.
"""

from __future__ import annotations

import math

from termcheck.align.cost import BeadScorer
from termcheck.model import Bead

MAX_MARGIN = 20.0
# Intercept first, then one weight per feature; "sentence" and "paragraph" levels.
COEFFICIENTS: dict[str, tuple[float, ...]] = {
    "paragraph": (2.3082, 0.2008, 0.2008, -3.0316, -3.6571, -0.0503, 1.8378, 1.3494, 0.0000),  # 601 beads, 14 wrong
    "sentence": (2.0797, 0.1631, 0.0446, -1.9436, -2.9274, -0.8274, 4.1490, -0.8283, -0.2715),  # 1380 beads, 55 wrong
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
