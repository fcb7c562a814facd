"""The distrust index among several actors at once: one cell per pair over a whole span.

Each cell is the pair's relation series (`relation_series`, so blocs stand for their members
as of each event's day) summed over every period: the hostile and trust masses H and C of all
their events, and the index `(H - C) / (H + C + k)` of those sums (docs/relations.md), which is
the index of one period as long as the span. A pair with no events has no index (NaN).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import permutations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from riftwatch.actors.membership import MembershipTable, load_membership
from riftwatch.analysis.event_table import Events, event_table
from riftwatch.analysis.measures import balance_index
from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import SeriesRules, relation_series
from riftwatch.analysis.sides import side_stints

# Years: every dated event counts whatever its precision; the sums do not depend on periods.
MATRIX_SERIES = SeriesRules(freq=Freq.YEAR)


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """The relations of `a` and `b` over the span (what `a` does to `b`, if directed)."""

    a: str
    b: str
    events: int
    hostile: float  # summed weighted masses H and C
    trust: float
    distrust: float  # +1 all hostile, -1 all trust; NaN without events

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: NaN as None, floats rounded to 4 places."""
        index = None if math.isnan(self.distrust) else round(self.distrust, 4)
        return {
            "a": self.a,
            "b": self.b,
            "events": self.events,
            "hostile": round(self.hostile, 4),
            "trust": round(self.trust, 4),
            "distrust": index,
        }


@dataclass(frozen=True, slots=True)
class DistrustMatrix:
    """Cells for every ordered pair of `actors` (both orders hold the same cell when the
    matrix is undirected)."""

    actors: tuple[str, ...]
    directed: bool
    cells: tuple[MatrixCell, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "actors": list(self.actors),
            "directed": self.directed,
            "cells": [cell.to_dict() for cell in self.cells],
        }


def distrust_matrix(
    events: Events,
    actors: Sequence[str],
    *,
    directed: bool = False,
    rules: SeriesRules = MATRIX_SERIES,
    membership: MembershipTable | None = None,
) -> DistrustMatrix:
    """The distrust index of every pair of `actors` (states or blocs) over all `events`;
    narrow the span by choosing the events."""
    blocs = membership if membership is not None else load_membership()
    codes = tuple(dict.fromkeys(actors))
    table = _among(event_table(events), codes, blocs)
    found: dict[tuple[str, str], MatrixCell] = {}
    for a, b in permutations(codes, 2):
        if not directed and (b, a) in found:
            found[(a, b)] = replace(found[(b, a)], a=a, b=b)
            continue
        series = relation_series(table, a, b, rules=rules, directed=directed, membership=blocs)
        found[(a, b)] = _cell(a, b, series, rules.prior)
    return DistrustMatrix(codes, directed, tuple(found.values()))


def _among(table: pa.Table, codes: Sequence[str], blocs: MembershipTable) -> pa.Table:
    """Only the events between codes that can count for one of the sides: every pair's
    series reads the table again, and most of a large store is about other actors."""
    allowed = pa.array(sorted({s.code for side in codes for s in side_stints(side, blocs)}))
    keep = pc.and_(
        pc.is_in(table["source"], value_set=allowed), pc.is_in(table["target"], value_set=allowed)
    )
    return table.filter(keep)


def _cell(a: str, b: str, series: pa.Table, prior: float) -> MatrixCell:
    events = int(pc.sum(series["events"]).as_py() or 0)
    hostile = float(pc.sum(series["hostile"]).as_py() or 0.0)
    trust = float(pc.sum(series["trust"]).as_py() or 0.0)
    index = float(balance_index(np.array([hostile]), np.array([trust]), prior)[0])
    return MatrixCell(a, b, events, hostile, trust, index if events else math.nan)
