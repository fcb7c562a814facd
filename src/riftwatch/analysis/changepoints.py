"""Change points in the mean of a series: PELT with a Gaussian cost and a robust noise scale.

PELT (Killick, Fearnhead and Eckley 2012) finds the segmentation that minimises the summed
within-segment squared deviations plus `penalty` per change point, exactly, pruning starts
that can no longer win. The noise scale comes from the median absolute deviation of
first differences, which level shifts barely move.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]

_MAD_TO_SD = 1.4826  # sd of a normal distribution per unit of its median absolute deviation


def noise_scale(y: Floats, *, floor: float) -> float:
    """Robust sd of the noise around a piecewise-constant mean, at least `floor`."""
    if len(y) < 3:
        return floor
    diffs = np.diff(y)
    mad = float(np.median(np.abs(diffs - np.median(diffs))))
    return max(floor, _MAD_TO_SD * mad / float(np.sqrt(2.0)))


def change_points(y: Floats, *, penalty: float, min_size: int) -> list[int]:
    """Indices where a new segment starts (never 0), each segment at least `min_size` long."""
    n = len(y)
    if n < 2 * min_size:
        return []
    first = np.concatenate([[0.0], np.cumsum(y)])
    second = np.concatenate([[0.0], np.cumsum(y * y)])

    def cost(starts: npt.NDArray[np.int64], end: int) -> Floats:
        length = end - starts
        total = first[end] - first[starts]
        return np.asarray(second[end] - second[starts] - total * total / length)

    best = np.full(n + 1, np.inf)
    best[0] = -penalty
    previous = np.zeros(n + 1, dtype=np.int64)
    candidates = np.array([0], dtype=np.int64)
    for end in range(min_size, n + 1):
        ready = candidates[end - candidates >= min_size]
        if not len(ready):
            continue
        costs = best[ready] + cost(ready, end)
        pick = int(np.argmin(costs))
        best[end], previous[end] = costs[pick] + penalty, ready[pick]
        waiting = candidates[end - candidates < min_size]
        kept = ready[costs <= best[end]]  # PELT pruning: these can still start a winner
        candidates = np.concatenate([kept, waiting, [end]])
    points: list[int] = []
    end = n
    while end > 0:
        end = int(previous[end])
        if end > 0:
            points.append(end)
    return sorted(points)


def segment_means(y: Floats, points: list[int]) -> list[float]:
    """The mean of each segment between change points."""
    edges = [0, *points, len(y)]
    return [float(np.mean(y[a:b])) for a, b in zip(edges, edges[1:], strict=False)]


def significant_points(y: Floats, points: list[int], *, min_shift: float) -> list[int]:
    """Drop, smallest first, change points whose shift in mean is below `min_shift`."""
    points = list(points)
    while points:
        means = segment_means(y, points)
        shifts = [abs(b - a) for a, b in zip(means, means[1:], strict=False)]
        weakest = int(np.argmin(shifts))
        if shifts[weakest] >= min_shift:
            break
        points.pop(weakest)
    return points
