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

    confidence    beads  mean conf  right      (held-out split, 1,194 sentence beads, 74 wrong;
    [0.50, 0.70)     60      0.620  0.500       AUC 0.858, was 0.758 with the margin alone)
    [0.70, 0.90)     89      0.834  0.809
    [0.90, 0.97)     79      0.940  0.949
    [0.97, 1.00]    966      0.996  0.976

On the tuning split the same table reads 0.211/0.143, 0.392/0.000, 0.611/0.667, 0.830/0.820,
0.939/0.948, 0.997/0.996 (AUC 0.940). Refitted after distinctive support
(termcheck.align.cost.BeadScorer.unsupported), the closing of one-sided detours, paragraph kinds
and the lexicon's MIN_DICE 0.25 (fitted with TRAIN_CONFIDENCE 0.85; at 0.9, held-out AUC 0.861). A finding in a bead below 0.5 is downgraded
(termcheck.rules.bilingual): such a bead is more likely wrong than right. Refit after any change to the cost model.
"""

from __future__ import annotations

import math

from termcheck.align.cost import BeadScorer
from termcheck.model import Bead

MAX_MARGIN = 20.0
# Intercept first, then one weight per feature; "sentence" and "paragraph" levels.
COEFFICIENTS: dict[str, tuple[float, ...]] = {
    "paragraph": (3.2529, 0.1547, 0.1547, -3.0179, -3.6326, -0.0100, 0.8669, 1.1471, -4.4193),  # 599 beads, 10 wrong
    "sentence": (2.9053, 0.1596, 0.0018, -2.5015, -3.3926, -0.5833, 3.4330, -1.4927, -1.7696),  # 1376 beads, 51 wrong
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
