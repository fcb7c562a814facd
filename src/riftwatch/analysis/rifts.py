"""Rifts: the periods where a pair's relations changed level, with the events behind them.

For one pair (states or blocs, `relations.relation_series`), PELT (`changepoints`) segments the
per-period index (distrust by default, or cooperation) into runs of constant mean, with a
penalty of `penalty * sd**2 * ln(n)` per change (sd: the robust noise scale of the series).
Changes whose shift in mean is under `min_shift` are dropped. Each change point is:

- a **rift** when relations worsen (distrust rises, or cooperation falls), else a **thaw**,
  or **quiet** when the new level has no events at all (reports stop; an empty period
  reads 0, so the index falls back to neutral);
- compared with the pair's own history: `z` is the shift in noise units; `since` is the most
  recent earlier change of the same direction at least as large ("the largest rise in
  distrust since 2014-03"), None when none was ("the largest on record"); `level_since` is the
  last earlier period whose index reached the new level;
- explained by its **drivers**: the events of its first period that moved the index most in
  the direction of the change, with their ids and documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from riftwatch.actors.membership import MembershipTable, load_membership
from riftwatch.analysis.changepoints import (
    change_points,
    noise_scale,
    segment_means,
    significant_points,
)
from riftwatch.analysis.event_table import Events, event_table
from riftwatch.analysis.measures import QUAD_SCORE, distrust_factor, magnitude
from riftwatch.analysis.periods import Freq, label, period_index, period_of
from riftwatch.analysis.relations import DEFAULT_SERIES, SeriesRules, pair_rows, relation_series
from riftwatch.analysis.sides import side_mask, side_stints
from riftwatch.coding.cameo import load_cameo_table


class Measure(StrEnum):
    """The index a rift is a change of."""

    DISTRUST = "distrust"  # rises are rifts
    COOPERATION = "cooperation"  # falls are rifts


@dataclass(frozen=True, slots=True)
class RiftRules:
    """How change points are found and described (see docs/relations.md)."""

    measure: Measure = Measure.DISTRUST
    penalty: float = 4.0  # per change point, in units of sd**2 * ln(n)
    min_size: int = 2  # periods in the shortest segment
    min_shift: float = 0.15  # smallest change of segment mean kept, in index units
    noise_floor: float = 0.05  # lower bound on the noise sd (a quiet pair reads 0 throughout)
    drivers: int = 5  # events listed per rift


DEFAULT_RIFTS = RiftRules()


@dataclass(frozen=True, slots=True)
class Driver:
    """An event of the rift's first period, and how far it moved the index's masses."""

    event_id: str
    source: str
    target: str
    cameo: str
    action: str  # the CAMEO label
    count: float | None
    day: dt.date
    contribution: float  # weighted mass in the direction of the change
    doc_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "event": self.event_id,
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "action": self.action,
            "count": self.count,
            "day": self.day.isoformat(),
            "contribution": round(self.contribution, 4),
            "docs": list(self.doc_ids),
        }


@dataclass(frozen=True, slots=True)
class Rift:
    """A change in the level of a pair's index, from `period` on."""

    a: str
    b: str
    directed: bool
    measure: Measure
    freq: Freq
    period: dt.date  # first period of the new level
    kind: str  # "rift" (relations worsen), "thaw", or "quiet" (no events after it at all)
    before: float  # mean index of the segment before and after
    after: float
    z: float  # shift in units of the series' noise sd
    since: dt.date | None  # last earlier change of this direction at least as large
    level_since: dt.date | None  # last earlier period whose index reached `after`
    first_period: dt.date  # the series' first period: "on record" means since then
    drivers: tuple[Driver, ...]

    @property
    def shift(self) -> float:
        return self.after - self.before

    @property
    def description(self) -> str:
        """ "largest rise in distrust since 2014-03", or "... on record (since 2010-01)"."""
        word = "rise" if self.shift > 0 else "drop"
        head = f"largest {word} in {self.measure.value}"
        if self.since is not None:
            return f"{head} since {label(self.since, self.freq)}"
        return f"{head} on record (since {label(self.first_period, self.freq)})"

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "directed": self.directed,
            "measure": self.measure.value,
            "freq": self.freq.value,
            "period": self.period.isoformat(),
            "kind": self.kind,
            "before": round(self.before, 4),
            "after": round(self.after, 4),
            "shift": round(self.shift, 4),
            "z": round(self.z, 2),
            "since": self.since.isoformat() if self.since else None,
            "level_since": self.level_since.isoformat() if self.level_since else None,
            "description": self.description,
            "drivers": [d.to_dict() for d in self.drivers],
        }


def find_rifts(
    events: Events,
    a: str,
    b: str,
    *,
    rules: RiftRules = DEFAULT_RIFTS,
    series: SeriesRules = DEFAULT_SERIES,
    directed: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    membership: MembershipTable | None = None,
) -> list[Rift]:
    """The change points of the pair's series, oldest first. The series runs from its first
    event to its last, or over `start`..`end` when given (quiet periods read 0)."""
    table = event_table(events)
    blocs = membership if membership is not None else load_membership()
    points = relation_series(
        table, a, b, rules=series, directed=directed, start=start, end=end, membership=blocs
    )
    if points.num_rows == 0:
        return []
    y = points[rules.measure.value].to_numpy()
    periods = points["period"].to_pylist()
    # The index is 2p - 1 for a share p; arcsin(sqrt(p)) gives a share's noise the same
    # variance at every level, so a quiet pair near 0 and a hostile one near 1 compare.
    stable = np.arcsin(np.sqrt(np.clip((y + 1) / 2, 0.0, 1.0)))
    sd = noise_scale(stable, floor=rules.noise_floor)
    penalty = rules.penalty * sd * sd * np.log(max(len(y), 2))
    found = change_points(stable, penalty=penalty, min_size=rules.min_size)
    found = significant_points(y, found, min_shift=rules.min_shift)
    means = segment_means(y, found)
    counts = points["events"].to_numpy()
    edges = [*found, len(y)]
    rows = pair_rows(table, a, b, directed=directed, membership=blocs)
    rifts: list[Rift] = []
    for i, at in enumerate(found):
        before, after = means[i], means[i + 1]
        worse = (after > before) == (rules.measure is Measure.DISTRUST)
        rifts.append(
            Rift(
                a=a,
                b=b,
                directed=directed,
                measure=rules.measure,
                freq=series.freq,
                period=periods[at],
                kind=_kind(worse, int(counts[at : edges[i + 1]].sum())),
                before=before,
                after=after,
                z=(_stable(after) - _stable(before)) / sd,
                since=_since(rifts, after - before),
                level_since=_level_since(y[:at], periods, after > before, after),
                first_period=periods[0],
                drivers=_drivers(table, rows, periods[at], after > before, rules, series.freq),
            )
        )
    return rifts


def actor_rifts(
    events: Events,
    actor: str,
    *,
    partners: Sequence[str] | None = None,
    min_events: int = 20,
    rules: RiftRules = DEFAULT_RIFTS,
    series: SeriesRules = DEFAULT_SERIES,
    start: dt.date | None = None,
    end: dt.date | None = None,
    membership: MembershipTable | None = None,
) -> list[Rift]:
    """Rifts between `actor` and each partner (default: every actor it has at least
    `min_events` events with), by period; `start` and `end` as for `find_rifts`."""
    blocs = membership if membership is not None else load_membership()
    table, counterpart = _involving(event_table(events), actor, blocs)
    chosen = list(partners) if partners is not None else _partners(counterpart, min_events)
    found = [
        rift
        for partner in chosen
        for rift in find_rifts(
            table,
            actor,
            partner,
            rules=rules,
            series=series,
            start=start,
            end=end,
            membership=blocs,
        )
    ]
    return sorted(found, key=lambda r: (r.period, r.b))


def _involving(table: pa.Table, actor: str, blocs: MembershipTable) -> tuple[pa.Table, pa.Array]:
    """The events between `actor`'s side and anyone outside it, and that other party's code."""
    days = table["day"].cast(pa.int32()).to_numpy()
    stints = side_stints(actor, blocs)
    acts = side_mask(table["source"], days, stints)
    acted_on = side_mask(table["target"], days, stints)
    keep = pa.array(acts ^ acted_on)
    other = pc.if_else(pa.array(acts), table["target"], table["source"])
    return table.filter(keep), pc.filter(other, keep)


def _partners(counterpart: pa.Array, min_events: int) -> list[str]:
    """Codes that appear opposite the actor in at least `min_events` events."""
    counts = pc.value_counts(counterpart).to_pylist()
    return sorted(str(c["values"]) for c in counts if c["counts"] >= min_events)


def _kind(worse: bool, events_after: int) -> str:
    """A fall to no events at all is the news going quiet, not evidence of a thaw."""
    if worse:
        return "rift"
    return "thaw" if events_after else "quiet"


def _stable(index: float) -> float:
    return float(np.arcsin(np.sqrt(min(max((index + 1) / 2, 0.0), 1.0))))


def _since(earlier: Iterable[Rift], shift: float) -> dt.date | None:
    same = [r.period for r in earlier if r.shift * shift > 0 and abs(r.shift) >= abs(shift)]
    return max(same, default=None)


def _level_since(
    history: np.ndarray, periods: Sequence[dt.date], rising: bool, level: float
) -> dt.date | None:
    reached = np.flatnonzero(history >= level if rising else history <= level)
    return periods[int(reached[-1])] if len(reached) else None


def _drivers(
    table: pa.Table, rows: np.ndarray, period: dt.date, rising: bool, rules: RiftRules, freq: Freq
) -> tuple[Driver, ...]:
    """The events of `period` that pushed the index furthest in the change's direction."""
    days = table["day"].cast(pa.int32()).to_numpy()[rows]
    precise = table["precision"].to_numpy()[rows] <= freq.finest_precision
    in_period = rows[precise & (period_index(days, freq) == period_of(period, freq))]
    if not len(in_period):
        return ()
    picked = table.take(pa.array(in_period)).to_pylist()
    weights = magnitude(np.array([np.nan if r["count"] is None else r["count"] for r in picked]))
    if rules.measure is Measure.DISTRUST:
        scores = np.array([distrust_factor(r["cameo"]) for r in picked])
    else:
        scores = np.array([QUAD_SCORE.get(r["quad_class"], 0.0) for r in picked])
    pushes = weights * scores * (1.0 if rising else -1.0)
    order = [i for i in np.argsort(-pushes, kind="stable") if pushes[i] > 0][: rules.drivers]
    actions = load_cameo_table().actions
    return tuple(
        Driver(
            event_id=picked[i]["id"],
            source=picked[i]["source"],
            target=picked[i]["target"],
            cameo=picked[i]["cameo"],
            action=actions[code].label if (code := picked[i]["cameo"]) in actions else "",
            count=picked[i]["count"],
            day=picked[i]["day"],
            contribution=float(pushes[i]),
            doc_ids=tuple(picked[i]["doc_ids"]),
        )
        for i in order
    )
