"""Fit the bead-confidence model (termcheck.align.confidence) on the tuning split of the dev sets.

    python3 bench/fit_confidence.py [--split tune]

Aligns every pair of the split (bench/devsets.py), labels each bead right when the gold has exactly
that bead, and fits a logistic regression per level (IRLS with an L2 penalty of 1e-2 on the weights,
not the intercept). Prints the coefficients as termcheck/align/confidence.py writes them; the
reliability of the result is printed by bench/eval_align.py (held-out split).
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, HERE)

from termcheck.align import align_documents  # noqa: E402
from termcheck.align import confidence  # noqa: E402
from termcheck.glossary import load_glossary  # noqa: E402
from termcheck.match import Matcher  # noqa: E402

L2 = 1e-2


def fit(x: np.ndarray, y: np.ndarray, iterations: int = 50) -> np.ndarray:
    """Logistic regression by iteratively reweighted least squares; intercept first."""
    design = np.hstack([np.ones((len(x), 1)), x])
    weights = np.zeros(design.shape[1])
    penalty = L2 * np.eye(design.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ weights)))
        w = np.clip(p * (1 - p), 1e-9, None)
        gradient = design.T @ (y - p) - penalty @ weights
        hessian = design.T @ (design * w[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        weights += step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="tune")
    args = parser.parse_args()
    from eval_align import dev_set

    matcher = Matcher(load_glossary(os.path.join(HERE, "..", "glossaries", "house.csv")))
    confidence.COEFFICIENTS.clear()  # features do not depend on the fitted model; start from none
    rows: dict[str, tuple[list, list]] = {"paragraph": ([], []), "sentence": ([], [])}
    for _, source, target, gold in dev_set(args.split):
        alignment = align_documents(source, target, matcher)
        for level, beads in (("paragraph", alignment.paragraph_beads), ("sentence", alignment.sentence_beads)):
            right = set(gold[level])
            rows[level][0].extend(alignment.features[level])
            rows[level][1].extend(1.0 if (b.source, b.target) in right else 0.0 for b in beads)
    print("COEFFICIENTS = {")
    for level, (x, y) in rows.items():
        weights = fit(np.array(x, dtype=float), np.array(y, dtype=float))
        print(f'    "{level}": ({", ".join(f"{w:.4f}" for w in weights)}),  # {len(y)} beads, {int(len(y) - sum(y))} wrong')
    print("}")


if __name__ == "__main__":
    main()
