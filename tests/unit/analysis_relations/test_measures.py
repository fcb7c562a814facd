"""The published formulas: magnitude weights, distrust categories, indices and bands."""

from __future__ import annotations

import numpy as np
import pytest

from riftwatch.analysis.measures import (
    balance_band,
    balance_index,
    distrust_category,
    distrust_factor,
    magnitude,
    mean_band,
    reliability,
    wilson,
)


def test_magnitude_grows_with_the_count_but_slower() -> None:
    weights = magnitude(np.array([np.nan, 1.0, 4.0, 23.0, 60.0, 0.0]))
    assert weights.round(2).tolist() == [1.0, 1.0, 3.0, 5.52, 6.91, 1.0]


@pytest.mark.parametrize(
    ("cameo", "category", "factor"),
    [
        ("112", "accuse", 1.0),
        ("016", "deny", 1.0),
        ("125", "refuse", 1.0),
        ("138", "threaten", 1.5),
        ("161", "reduce", 2.0),
        ("174", "reduce", 2.0),
        ("163", "sanction", 2.5),
        ("172", "sanction", 2.5),
        ("036", "intend", -1.0),
        ("042", "consult", -1.0),
        ("057", "cooperate", -1.0),
        ("061", "material", -1.5),
        ("071", "aid", -1.5),
        ("084", "yield", -1.0),
    ],
)
def test_distrust_categories_by_longest_prefix(cameo: str, category: str, factor: float) -> None:
    found = distrust_category(cameo)
    assert found is not None and found.name == category
    assert distrust_factor(cameo) == factor


@pytest.mark.parametrize("cameo", ["010", "190", "173", "141", "020"])
def test_other_codes_count_for_neither_side(cameo: str) -> None:
    assert distrust_category(cameo) is None
    assert distrust_factor(cameo) == 0.0


def test_balance_index_is_shrunk_by_the_prior() -> None:
    index = balance_index(np.array([0.0, 1.0, 9.0, 3.0]), np.array([0.0, 0.0, 0.0, 3.0]), 1.0)
    assert index.tolist() == [0.0, 0.5, 0.9, 0.0]


def test_band_holds_the_index_and_narrows_with_more_reports() -> None:
    positive, negative = np.array([8.0, 8.0, 0.0]), np.array([2.0, 2.0, 0.0])
    low, high = balance_band(positive, negative, np.array([2.0, 50.0, 0.0]), prior=1.0, z=1.96)
    index = balance_index(positive, negative, 1.0)
    assert np.all(low <= index) and np.all(index <= high)
    assert high[1] - low[1] < high[0] - low[0]
    assert low[2] < -0.8 and high[2] > 0.8  # no evidence: nearly the whole range


def test_wilson_matches_the_textbook_value() -> None:
    low, high = wilson(np.array([0.5]), np.array([10.0]), 1.96)
    assert (round(float(low[0]), 4), round(float(high[0]), 4)) == (0.2366, 0.7634)


def test_one_outlet_counts_half_an_observation() -> None:
    assert reliability([1, 2, 3]).tolist() == [0.5, 0.75, 0.875]


def test_goldstein_mean_band_is_never_zero_width() -> None:
    mean, low, high = mean_band(
        np.array([-8.0]), np.array([32.0]), np.array([2.0]), np.array([0.5]), prior=1.0, z=1.96
    )
    assert mean.tolist() == [-4.0]
    assert low[0] < -4.0 < high[0]
