"""Banded dynamic programme over bead shapes: the least-cost monotone path from (0, 0) to (n, m).

Only cells within `width` of a centre line are filled (the centre comes from the length diagonal
corrected by anchor pairs, see termcheck.align.band). If the best path runs along the band's edge
the band was too narrow there: the band is first re-centred on the path found, and if the new
path still presses on an edge the band takes MAX_WIDTH within PRESS_RADIUS rows of each place it
pressed (the rest keeps its width), at most MAX_FILLS fills in all. Only beads with both sides
count as pressing: a detour of one-sided beads (k 1-0 then k 0-1 instead of k poor 1-1 beads)
that touches the edge and comes back is already inside the band; counting it made the band double
up to 64 on the 2,000-sentence bench pair, at 4 times the cost. Widening the whole band, as it
did before, made long texts superlinear (somewhere in a long text the path presses: a Markdown
list of 8,000 items took 4 times as long as one of 4,000); local widening and the fill limit keep
the work linear. Rows are offset by the row's first column, which keeps 2,000 x 2,400 sentences to
a few hundred thousand cells instead of 4.8 million.

Confidence of a bead: at the cell where the bead ends, the margin between the best and the
second-best way to get there (in nats) gives 1 - exp(-margin) / 2, i.e. 0.5 when two choices tie
and close to 1 when the choice is clear; a cell with one way in gets the bead's own fit instead.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Callable

from termcheck.model import Bead

_INF = float("inf")
FULL_MATRIX_CELLS = 6_000  # smaller problems are filled completely
MAX_WIDTH = 64  # the band stops widening here
PRESS_RADIUS = 32  # rows around a pressing point that get the widest band
DEFAULT_WIDTH = 8
MAX_FILLS = 4  # fills of one programme: initial, re-centred, widened where it pressed, once more


def align(
    n: int,
    m: int,
    shapes: tuple[tuple[int, int], ...],
    cost: Callable[..., float],
    centre: Callable[[int], float] | None = None,
    width: int = DEFAULT_WIDTH,
    fit: Callable[[int, int, int, int], float] | None = None,
) -> list[Bead]:
    """Beads of the best path.

    `cost(i0, i1, j0, j1, limit)` prices source [i0, i1) with target [j0, j1); it may stop early
    and return any value >= limit once the bead cannot beat the two best ways into the cell.
    """
    if n == 0 and m == 0:
        return []
    if centre is None:
        centre = lambda i: i * m / n if n else 0.0  # noqa: E731
    full = (n + 1) * (m + 1) <= FULL_MATRIX_CELLS
    widths = [width] * (n + 1)
    recentred = False
    fills = 0
    while True:
        if full or min(widths) >= max(n, m):
            lo, hi = [0] * (n + 1), [m] * (n + 1)
            full = True
        else:
            lo, hi = _band(n, m, centre, widths)
        path = _fill(n, m, shapes, cost, lo, hi)
        pressing = [] if path is None or full else _pressing_rows(path, lo, hi, m)
        fills += 1
        if path is not None and (fills >= MAX_FILLS or all(widths[i] >= MAX_WIDTH for i in pressing)):
            break
        if path is not None and not recentred:
            centre = _path_centre(path)  # follow the path found once; then widen where it presses
            recentred = True
        elif path is None:
            widths = [w * 2 for w in widths]
        else:
            widths = _widened(widths, pressing, n)
    return _beads(path, fit)


def _widened(widths: list[int], rows: list[int], n: int) -> list[int]:
    """MAX_WIDTH within PRESS_RADIUS rows of each row where the path pressed the edge.

    Doubling the whole band made a long text slower per line the longer it was: somewhere in
    8,000 paragraphs the path presses, and every row paid for it (a 2x longer list took 4x).
    """
    widths = list(widths)
    for i in rows:
        for r in range(max(0, i - PRESS_RADIUS), min(n, i + PRESS_RADIUS) + 1):
            widths[r] = MAX_WIDTH
    return widths


def bead_centre(beads: list[Bead]) -> Callable[[int], float]:
    """The centre line through an earlier alignment's beads (a second pass starts on the first)."""
    path, i, j = [], 0, 0
    for bead in beads:
        i, j = i + len(bead.source), j + len(bead.target)
        path.append((0, i, 0, j, 0.0, 0.0))
    return _path_centre(path)


def _path_centre(path) -> Callable[[int], float]:
    """Centre line through the cells where the path's beads end (linear in between)."""
    columns = {0: 0.0}
    for _, i, _, j, _, _ in path:
        columns[i] = float(j) if i not in columns else max(columns[i], float(j))
    rows = sorted(columns)
    values = [columns[i] for i in rows]

    def centre(i: int) -> float:
        k = bisect.bisect_left(rows, i)
        if k < len(rows) and rows[k] == i:
            return values[k]
        below, above = rows[k - 1], rows[k]
        return values[k - 1] + (i - below) * (values[k] - values[k - 1]) / (above - below)

    return centre


def _band(n: int, m: int, centre: Callable[[int], float], widths: list[int]) -> tuple[list[int], list[int]]:
    lo = [0] * (n + 1)
    hi = [0] * (n + 1)
    for i in range(n + 1):
        c = centre(i)
        lo[i] = max(0, min(m, int(math.floor(c)) - widths[i]))
        hi[i] = max(0, min(m, int(math.ceil(c)) + widths[i]))
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # monotone bounds keep every row reachable from the one before
        lo[i] = max(lo[i], lo[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = min(max(hi[i], lo[i + 1]), hi[i + 1])
        lo[i] = min(lo[i], hi[i])
    return lo, hi


def _fill(n, m, shapes, cost, lo, hi):
    """Fill the band; the path as [(i0, i, j0, j, margin, step_cost)] from (0, 0) on, or None.

    Each row keeps its costs, the shape chosen, its margin and step cost in flat arrays (25 bytes
    a cell; tuples per cell took ~200 bytes, 3.6 GB for a million-sentence text).
    """
    rows: list[array] = []
    choices: list[array] = []
    margins: list[array] = []
    steps: list[array] = []
    for i in range(n + 1):
        first, last = lo[i], hi[i]
        width = last - first + 1
        row = array("d", [_INF]) * width
        chosen = array("b", [-1]) * width
        margin_row = array("d", [0.0]) * width
        step_row = array("d", [0.0]) * width
        for j in range(first, last + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best = second = _INF
            choice = -1
            best_step = 0.0
            for k, (di, dj) in enumerate(shapes):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                if di == 0:
                    prow, pfirst, plast = row, first, last
                else:
                    prow, pfirst, plast = rows[pi], lo[pi], hi[pi]
                if pj < pfirst or pj > plast:
                    continue
                previous = prow[pj - pfirst]
                if previous == _INF:
                    continue
                step = cost(pi, i, pj, j, second - previous)
                total = previous + step
                if total < best:
                    second, best, choice, best_step = best, total, k, step
                elif total < second:
                    second = total
            row[j - first] = best
            if choice >= 0:
                chosen[j - first] = choice
                margin_row[j - first] = second - best
                step_row[j - first] = best_step
        rows.append(row)
        choices.append(chosen)
        margins.append(margin_row)
        steps.append(step_row)
    if rows[n][m - lo[n]] == _INF:
        return None
    path = []
    i, j = n, m
    while (i, j) != (0, 0):
        cell = j - lo[i]
        di, dj = shapes[choices[i][cell]]
        path.append((i - di, i, j - dj, j, margins[i][cell], steps[i][cell]))
        i, j = i - di, j - dj
    path.reverse()
    return path


def _pressing_rows(path, lo, hi, m) -> list[int]:
    """Rows where a bead with both sides ends on the band's edge (one-sided beads that reach it
    are a detour the band already holds: the path comes back, or goes on along the edge with a
    real bead)."""
    rows = []
    for i0, i, j0, j, _, _ in path:
        if i0 == i or j0 == j:
            continue
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            rows.append(i)
    return rows


def _beads(path, fit) -> list[Bead]:
    beads = []
    for i0, i1, j0, j1, margin, step in path:
        if margin == _INF:
            confidence = fit(i0, i1, j0, j1) if fit is not None else 1.0
        else:
            confidence = 1.0 - 0.5 * math.exp(-margin)
        beads.append(Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), round(confidence, 4)))
    return beads
