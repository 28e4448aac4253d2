"""The centre line of the DP band: the length diagonal, pulled onto pairs of unique anchors.

The length diagonal sends source unit i to the target unit at the same fraction of the text's
characters. Anchors that occur exactly once on each side (a glossary concept, a number, a Latin
token) pin the path where they stand; the longest chain of such pairs that is increasing on both
sides is kept (a chain drops pairs that contradict the others), and between pins the offset from
the diagonal is interpolated linearly.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from termcheck.align.anchors import Anchors

MIN_PIN_WEIGHT = 1.0


def centre_line(
    source_lengths: list[int], target_lengths: list[int], source_anchors: list[Anchors], target_anchors: list[Anchors]
) -> Callable[[int], float]:
    n, m = len(source_lengths), len(target_lengths)
    diagonal = _length_diagonal(source_lengths, target_lengths)
    pins = _pins(source_anchors, target_anchors)
    xs = [0.0] + [i + 0.5 for i, _ in pins] + [float(n)]
    offsets = [0.0] + [j + 0.5 - diagonal(i + 0.5) for i, j in pins] + [m - diagonal(float(n))]

    def centre(i: int) -> float:
        k = bisect.bisect_right(xs, i) - 1
        k = min(max(k, 0), len(xs) - 2)
        x0, x1 = xs[k], xs[k + 1]
        t = 0.0 if x1 == x0 else (i - x0) / (x1 - x0)
        return diagonal(i) + offsets[k] + t * (offsets[k + 1] - offsets[k])

    return centre


def _length_diagonal(source_lengths: list[int], target_lengths: list[int]) -> Callable[[float], float]:
    src = _fractions(source_lengths)
    tgt = _fractions(target_lengths)
    m = len(target_lengths)

    def diagonal(i: float) -> float:
        whole = int(i)
        if whole >= len(src) - 1:
            fraction = 1.0
        else:
            fraction = src[whole] + (i - whole) * (src[whole + 1] - src[whole])
        j = bisect.bisect_left(tgt, fraction)
        if j == 0:
            return 0.0
        if j > m:
            return float(m)
        below, above = tgt[j - 1], tgt[j]
        return j - 1 + ((fraction - below) / (above - below) if above > below else 0.0)

    return diagonal


def _fractions(lengths: list[int]) -> list[float]:
    total = float(sum(lengths)) or 1.0
    sums = [0.0]
    for length in lengths:
        sums.append(sums[-1] + length / total)
    sums[-1] = 1.0
    return sums


def _pins(source_anchors: list[Anchors], target_anchors: list[Anchors]) -> list[tuple[int, int]]:
    """Unit pairs that share an anchor found exactly once on each side, as an increasing chain."""
    src_where: dict = {}
    for i, anchors in enumerate(source_anchors):
        for key, weight in anchors.required.items():
            if weight >= MIN_PIN_WEIGHT:
                src_where.setdefault(key, []).append(i)
    tgt_where: dict = {}
    for j, anchors in enumerate(target_anchors):
        for key in anchors.keys:
            if key in src_where:
                tgt_where.setdefault(key, []).append(j)
    pairs = sorted({(src_where[k][0], js[0]) for k, js in tgt_where.items() if len(js) == 1 and len(src_where[k]) == 1})
    return _longest_chain(pairs)


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence strictly increasing in both coordinates (patience sorting)."""
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
        parent[index] = tail_index[k - 1] if k else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        chain.append(pairs[index])
        index = parent[index]
    chain.reverse()
    return chain
