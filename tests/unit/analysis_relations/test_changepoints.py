"""PELT on plain arrays: exact on clean steps, silent on flat noise, minimum segment length."""

from __future__ import annotations

import numpy as np

from riftwatch.analysis.changepoints import (
    change_points,
    noise_scale,
    segment_means,
    significant_points,
)


def test_clean_steps_are_found_exactly() -> None:
    y = np.array([0.0] * 10 + [1.0] * 5 + [0.3] * 8)
    assert change_points(y, penalty=0.1, min_size=2) == [10, 15]
    assert segment_means(y, [10, 15]) == [0.0, 1.0, 0.3]


def test_noise_alone_gives_no_change() -> None:
    rng = np.random.default_rng(1)
    y = rng.normal(0, 0.2, 200)
    sd = noise_scale(y, floor=0.01)
    assert 0.15 < sd < 0.25
    assert change_points(y, penalty=4 * sd * sd * np.log(200), min_size=2) == []


def test_noisy_shift_is_found_within_a_period() -> None:
    rng = np.random.default_rng(2)
    y = np.concatenate([rng.normal(-0.4, 0.2, 60), rng.normal(0.4, 0.2, 60)])
    sd = noise_scale(y, floor=0.01)
    (point,) = change_points(y, penalty=4 * sd * sd * np.log(120), min_size=2)
    assert abs(point - 60) <= 1


def test_segments_are_at_least_min_size_long() -> None:
    y = np.array([0.0] * 6 + [5.0] + [0.0] * 6)
    assert change_points(y, penalty=0.1, min_size=2) in ([6, 8], [5, 7], [6, 7])
    assert all(
        b - a >= 3
        for points in [change_points(y, penalty=0.1, min_size=3)]
        for a, b in zip([0, *points], [*points, len(y)], strict=True)
    )


def test_small_shifts_are_dropped() -> None:
    y = np.array([0.0] * 5 + [0.05] * 5 + [1.0] * 5)
    assert significant_points(y, [5, 10], min_shift=0.15) == [10]


def test_too_short_for_two_segments() -> None:
    assert change_points(np.array([0.0, 1.0, 0.0]), penalty=0.1, min_size=2) == []
