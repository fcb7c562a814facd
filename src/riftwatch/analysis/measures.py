"""The published formulas behind relation series (docs/relations.md gives them in full).

- **Magnitude**: an event weighs `w = 1 + log2(max(count, 1))`; an event without a count
  weighs 1. Expelling one diplomat weighs 1, four weigh 3, sixty weigh 6.9: more people,
  more weight, but a sixty-person expulsion is not sixty separate events.
- **Cooperation-conflict**: quad classes score +1 (verbal cooperation), +2 (material
  cooperation), -1 (verbal conflict), -2 (material conflict). P and N are the weighted
  positive and negative masses; the index is `(P - N) / (P + N + k)`.
- **Distrust**: hostile categories (accusations, denials, refusals, threats, reductions and
  expulsions, sanctions) against trust categories (intent to cooperate, consultation,
  diplomatic and material cooperation, aid, yielding), each with a published factor. H and C
  are the weighted masses; the index is `(H - C) / (H + C + k)`.
- **Prior**: `k` is neutral evidence of one unit weight, so a month with one mild accusation
  reads 0.5, not 1, and a month with nothing reads 0.
- **Bands**: a Wilson interval on the share `(H + k/2) / (H + C + k)` with `n` the
  reliability-weighted number of events plus `k`; an event reported by `s` distinct outlets
  counts `1 - 2**-s` (one outlet: half an observation, two: 0.75, three: 0.875).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]

# The Goldstein scale runs from -10 to +10: a standard deviation of 5 is an uninformed guess.
PRIOR_VARIANCE = 25.0

# Quad class -> cooperation-conflict score.
QUAD_SCORE: Mapping[int, float] = {1: 1.0, 2: 2.0, 3: -1.0, 4: -2.0}


@dataclass(frozen=True, slots=True)
class DistrustCategory:
    """CAMEO codes by prefix, and the factor an event of them adds to H (hostile) or C."""

    name: str
    prefixes: tuple[str, ...]
    hostile: bool
    factor: float


# Longest prefix wins: 163 (sanctions) before 16 (reduce relations). CAMEO 172 "impose
# administrative sanctions" and 174 "expel or deport individuals" sit under root 17 (coerce)
# but are the same kinds of act as 163 and 16x, so they count with them.
DISTRUST_CATEGORIES: tuple[DistrustCategory, ...] = (
    DistrustCategory("accuse", ("11",), True, 1.0),
    DistrustCategory("deny", ("016",), True, 1.0),
    DistrustCategory("refuse", ("12",), True, 1.0),
    DistrustCategory("threaten", ("13",), True, 1.5),
    DistrustCategory("reduce", ("16", "174"), True, 2.0),
    DistrustCategory("sanction", ("163", "172"), True, 2.5),
    DistrustCategory("intend", ("03",), False, 1.0),
    DistrustCategory("consult", ("04",), False, 1.0),
    DistrustCategory("cooperate", ("05",), False, 1.0),
    DistrustCategory("material", ("06",), False, 1.5),
    DistrustCategory("aid", ("07",), False, 1.5),
    DistrustCategory("yield", ("08",), False, 1.0),
)

# CAMEO codes a refusal to cooperate as 12x ("reject"); our coder keeps the cooperative code
# and marks the modality "refused", so such events are read back as CAMEO 120.
REFUSAL_CAMEO = "120"
REFUSAL_GOLDSTEIN = -4.0
REFUSAL_QUAD = 3


def distrust_category(cameo: str) -> DistrustCategory | None:
    """The category of a CAMEO code by longest prefix, or None when it counts for neither."""
    best: DistrustCategory | None = None
    length = 0
    for category in DISTRUST_CATEGORIES:
        for prefix in category.prefixes:
            if cameo.startswith(prefix) and len(prefix) > length:
                best, length = category, len(prefix)
    return best


def distrust_factor(cameo: str) -> float:
    """Signed factor: positive for hostile codes, negative for trust codes, 0 otherwise."""
    category = distrust_category(cameo)
    if category is None:
        return 0.0
    return category.factor if category.hostile else -category.factor


def magnitude(count: Floats) -> Floats:
    """`1 + log2(max(count, 1))`; NaN (no count) weighs 1."""
    known = np.where(np.isnan(count), 1.0, np.maximum(count, 1.0))
    return np.asarray(1.0 + np.log2(known), dtype=np.float64)


def reliability(sources: npt.ArrayLike) -> Floats:
    """How much one event counts as an observation: `1 - 2**-s` for `s` distinct outlets."""
    s = np.maximum(np.asarray(sources, dtype=np.float64), 1.0)
    return np.asarray(1.0 - np.exp2(-s), dtype=np.float64)


def balance_index(positive: Floats, negative: Floats, prior: float) -> Floats:
    """`(pos - neg) / (pos + neg + prior)`, in (-1, 1); 0 when there is no evidence."""
    return np.asarray((positive - negative) / (positive + negative + prior), dtype=np.float64)


def balance_band(
    positive: Floats, negative: Floats, n: Floats, *, prior: float, z: float
) -> tuple[Floats, Floats]:
    """Low and high ends of the balance index from a Wilson interval on its share."""
    share = (positive + prior / 2) / (positive + negative + prior)
    low, high = wilson(share, n + prior, z)
    return 2 * low - 1, 2 * high - 1


def wilson(share: Floats, n: Floats, z: float) -> tuple[Floats, Floats]:
    """Wilson score interval for a proportion `share` observed over `n` trials."""
    n = np.maximum(n, 1e-9)
    z2 = z * z
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = z * np.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


def mean_band(
    total: Floats, squares: Floats, weight: Floats, n: Floats, *, prior: float, z: float
) -> tuple[Floats, Floats, Floats]:
    """Weighted mean Goldstein score and `mean -+ z * sd / sqrt(n + prior)`; NaN without events.

    The variance is shrunk towards `PRIOR_VARIANCE` with the prior's weight, so that one event
    alone does not get a band of zero width.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(weight > 0, total / weight, np.nan)
        spread = np.maximum(squares - weight * mean * mean, 0.0)
        variance = (spread + prior * PRIOR_VARIANCE) / (weight + prior)
        half = z * np.sqrt(variance / (n + prior))
    return mean, mean - half, mean + half
