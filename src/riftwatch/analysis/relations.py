"""Relation series: for a pair of actors and each period, how they treated each other.

For every (pair, period): event counts per quad class and distinct sources; the Goldstein
total and weighted mean with a band; the cooperation-conflict index and the distrust index,
each per period and smoothed, each with a band. The formulas are in `measures` and
docs/relations.md.

- `dyad_series`: every pair of actors as coded, directed (source acts on target) or not.
- `relation_series`: one pair, where either side may be a bloc (WST, NATO, EU, BRICS ...)
  standing for its members as of each event's day (`sides`).

In a directed series a symmetric event ("met", "clashed") counts in both directions; in an
undirected one every event counts once. Periods with no events between a pair's first and
last are present with zero counts, so smoothing decays through them. Smoothing is an
exponentially decayed sum of each mass, `S_t = X_t + d * S_{t-1}`, with `d = 2**(-1/h)` for a
half-life of `h` periods, and the smoothed indices are computed from the smoothed masses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from riftwatch.actors.membership import MembershipTable, load_membership
from riftwatch.analysis.event_table import Events, event_table
from riftwatch.analysis.measures import (
    QUAD_SCORE,
    balance_band,
    balance_index,
    distrust_factor,
    magnitude,
    mean_band,
    reliability,
)
from riftwatch.analysis.periods import Freq, period_index, period_of, period_start
from riftwatch.analysis.sides import side_mask, side_stints

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

DEFAULT_HALF_LIFE = {Freq.DAY: 7.0, Freq.WEEK: 2.0, Freq.MONTH: 1.0, Freq.YEAR: 1.0}
# Masses summed per (pair, period) and then smoothed; counts are summed only.
_MASSES = ("positive", "negative", "hostile", "trust", "observations")
_SUMS = ("weight", "goldstein_total", "goldstein_squares", *_MASSES)
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class SeriesRules:
    """Period length, smoothing and prior of a series (see docs/relations.md)."""

    freq: Freq = Freq.MONTH
    half_life: float | None = None  # in periods; None: DEFAULT_HALF_LIFE for the freq
    prior: float = 1.0  # neutral evidence, in units of one event's weight
    z: float = 1.96  # bands are 95 % intervals

    @property
    def decay(self) -> float:
        half_life = self.half_life or DEFAULT_HALF_LIFE[self.freq]
        return float(2.0 ** (-1.0 / half_life))


DEFAULT_SERIES = SeriesRules()


@dataclass(frozen=True, slots=True)
class RelationPoint:
    """One pair in one period. Indices run from -1 to 1; NaN means no events to measure."""

    a: str  # in a directed series, `a` acts on `b`
    b: str
    directed: bool
    period: dt.date  # first day of the period
    events: int
    sources: int  # distinct outlets (documents, for unmerged records) behind the events
    verbal_cooperation: int  # events per quad class
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    weight: float  # summed magnitude weights
    goldstein_total: float  # sum of weight * Goldstein score
    goldstein_mean: float
    goldstein_low: float
    goldstein_high: float
    cooperation: float  # cooperation-conflict index: +1 all cooperation, -1 all conflict
    cooperation_low: float
    cooperation_high: float
    cooperation_smooth: float
    cooperation_smooth_low: float
    cooperation_smooth_high: float
    hostile: float  # distrust masses H and C
    trust: float
    distrust: float  # +1 all hostile, -1 all trust
    distrust_low: float
    distrust_high: float
    distrust_smooth: float
    distrust_smooth_low: float
    distrust_smooth_high: float

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: ISO date, NaN as None, floats rounded to 4 places."""
        row: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float):
                value = None if np.isnan(value) else round(value, 4)
            row[f.name] = value.isoformat() if isinstance(value, dt.date) else value
        return row


_ARROW_TYPES = {
    "int": pa.int64(),
    "float": pa.float64(),
    "str": pa.string(),
    "bool": pa.bool_(),
    "dt.date": pa.date32(),
}
SERIES_SCHEMA = pa.schema([(f.name, _ARROW_TYPES[str(f.type)]) for f in fields(RelationPoint)])


def dyad_series(
    events: Events, *, rules: SeriesRules = DEFAULT_SERIES, directed: bool = True
) -> pa.Table:
    """The series of every pair of actors as coded (no bloc expansion), one row per period."""
    prepared = _Prepared.of(event_table(events), rules.freq)
    both = pa.chunked_array(prepared.table["source"].chunks + prepared.table["target"].chunks)
    actors = both.unique()
    actors = actors.take(pc.sort_indices(actors))
    source = pc.index_in(prepared.table["source"], value_set=actors).to_numpy().astype(np.int64)
    target = pc.index_in(prepared.table["target"], value_set=actors).to_numpy().astype(np.int64)
    n = len(actors)
    rows = np.arange(len(source), dtype=np.int64)
    if directed:
        mirrored = np.flatnonzero(prepared.symmetric)
        rows = np.concatenate([rows, mirrored])
        pair = np.concatenate([source * n + target, target[mirrored] * n + source[mirrored]])
    else:
        pair = np.minimum(source, target) * n + np.maximum(source, target)
    names = np.asarray(actors.to_pylist(), dtype=object)
    return _series(prepared, rows, pair, rules, directed, names, n)


def relation_series(
    events: Events,
    a: str,
    b: str,
    *,
    rules: SeriesRules = DEFAULT_SERIES,
    directed: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    membership: MembershipTable | None = None,
) -> pa.Table:
    """The series of one pair; either side may be a bloc, standing for its members as of each
    event's day. Every period from `start` (or the first event) to `end` (or the last) is
    present; smoothing runs over every event before `start` as well."""
    prepared = _Prepared.of(event_table(events), rules.freq)
    rows = pair_rows(prepared.table, a, b, directed=directed, membership=membership)
    span = None
    if start is not None or end is not None:
        span = (
            period_of(start, rules.freq) if start else None,
            period_of(end, rules.freq) if end else None,
        )
    names = np.asarray([a, b], dtype=object)
    pair = np.full(len(rows), 1, dtype=np.int64)  # a is name 0, b is name 1: key 0 * 2 + 1
    return _series(prepared, rows, pair, rules, directed, names, 2, span=span)


def pair_rows(
    table: pa.Table,
    a: str,
    b: str,
    *,
    directed: bool = False,
    membership: MembershipTable | None = None,
) -> Ints:
    """Rows of an event table between sides `a` and `b` (a acting on b, if `directed`)."""
    blocs = membership if membership is not None else load_membership()
    days = table["day"].cast(pa.int32()).to_numpy()
    side_a, side_b = side_stints(a, blocs), side_stints(b, blocs)
    a_acts = side_mask(table["source"], days, side_a) & side_mask(table["target"], days, side_b)
    b_acts = side_mask(table["source"], days, side_b) & side_mask(table["target"], days, side_a)
    if directed:
        b_acts &= table["symmetric"].to_numpy(zero_copy_only=False)
    return np.flatnonzero(a_acts | b_acts).astype(np.int64)


def series_points(table: pa.Table) -> list[RelationPoint]:
    """The rows of a series table as typed records."""
    return [RelationPoint(**row) for row in table.to_pylist()]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """Per-event numbers the series are summed from."""

    table: pa.Table
    period: Ints
    placed: npt.NDArray[np.bool_]  # date precise enough for the freq
    symmetric: npt.NDArray[np.bool_]
    values: dict[str, Floats]  # per event: each of _SUMS and the quad flags
    outlet_offsets: Ints
    outlet_codes: Ints

    @classmethod
    def of(cls, table: pa.Table, freq: Freq) -> _Prepared:
        table = table.combine_chunks()
        count = table["count"].to_numpy(zero_copy_only=False).astype(np.float64)
        weight = magnitude(count)
        goldstein = table["goldstein"].to_numpy()
        quad = table["quad_class"].to_numpy().astype(np.int64)
        score = np.array([QUAD_SCORE.get(q, 0.0) for q in range(5)])[np.clip(quad, 0, 4)]
        factor = _distrust_factors(table["cameo"])
        outlets = table["outlets"].chunk(0) if table.num_rows else pa.array([], pa.list_(pa.utf8()))
        offsets = outlets.offsets.to_numpy().astype(np.int64)
        flat = pc.dictionary_encode(outlets.values).indices.to_numpy().astype(np.int64)
        values = {
            "weight": weight,
            "goldstein_total": weight * goldstein,
            "goldstein_squares": weight * goldstein * goldstein,
            "positive": weight * np.maximum(score, 0.0),
            "negative": weight * np.maximum(-score, 0.0),
            "hostile": weight * np.maximum(factor, 0.0),
            "trust": weight * np.maximum(-factor, 0.0),
            "observations": reliability(np.diff(offsets)),
        }
        for number, name in enumerate(_QUADS, start=1):
            values[name] = (quad == number).astype(np.float64)
        days = table["day"].cast(pa.int32()).to_numpy()
        return cls(
            table=table,
            period=period_index(days, freq),
            placed=table["precision"].to_numpy() <= freq.finest_precision,
            symmetric=table["symmetric"].to_numpy(zero_copy_only=False),
            values=values,
            outlet_offsets=offsets,
            outlet_codes=flat,
        )


def _distrust_factors(cameo: pa.ChunkedArray | pa.Array) -> Floats:
    encoded = pc.dictionary_encode(cameo)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    table = np.array([distrust_factor(c) for c in encoded.dictionary.to_pylist()] + [0.0])
    return np.asarray(table[encoded.indices.to_numpy().astype(np.int64)], dtype=np.float64)


def _series(
    prepared: _Prepared,
    rows: Ints,
    pair: Ints,
    rules: SeriesRules,
    directed: bool,
    names: npt.NDArray[np.object_],
    n: int,
    *,
    span: tuple[int | None, int | None] | None = None,
) -> pa.Table:
    """Sum the events in `rows` per (pair key, period), fill the gaps, smooth, index."""
    placed = prepared.placed[rows]
    rows, pair = rows[placed], pair[placed]
    period = prepared.period[rows]
    low, high = span or (None, None)
    if not len(rows) and (low is None or high is None):
        return SERIES_SCHEMA.empty_table()
    ends = [p for p in (low, high) if p is not None]
    if len(period):
        ends += [int(period.min()), int(period.max())]
    base, width = min(ends), max(ends) - min(ends) + 1
    keys, group = np.unique(pair * width + (period - base), return_inverse=True)
    sums: dict[str, Floats] = {
        name: np.bincount(group, weights=values[rows], minlength=len(keys)).astype(np.float64)
        for name, values in prepared.values.items()
    }
    sums["events"] = np.bincount(group, minlength=len(keys)).astype(np.float64)
    sums["sources"] = _distinct_sources(prepared, rows, group, len(keys))
    group_pair, group_period = keys // width, keys % width + base
    if not len(keys):  # a pair with no events over a requested span
        group_pair = np.ones(1, dtype=np.int64)
        group_period = np.full(1, low, dtype=np.int64)
        sums = {name: np.zeros(1) for name in sums}
    dense_pair, dense_period, position, starts = _dense(group_pair, group_period, low, high)
    dense = {name: np.zeros(len(dense_pair)) for name in sums}
    for name, values in sums.items():
        dense[name][position] = values
    smooth = {name: _decayed(dense[name], starts, rules.decay) for name in _MASSES}
    keep = np.ones(len(dense_pair), dtype=bool)
    if low is not None:
        keep &= dense_period >= low
    if high is not None:
        keep &= dense_period <= high
    columns = _columns(dense, smooth, rules)
    columns["a"] = pa.array(names[dense_pair // n].tolist(), pa.string())
    columns["b"] = pa.array(names[dense_pair % n].tolist(), pa.string())
    columns["directed"] = pa.array(np.full(len(dense_pair), directed))
    start_days = period_start(dense_period, rules.freq).astype(np.int32)
    columns["period"] = pa.array(start_days).cast(pa.date32())
    table = pa.table({name: columns[name] for name in SERIES_SCHEMA.names}, schema=SERIES_SCHEMA)
    return table.filter(pa.array(keep))


def _distinct_sources(prepared: _Prepared, rows: Ints, group: Ints, groups: int) -> Floats:
    """Distinct outlets per group, over the outlet lists of the events in it."""
    offsets = prepared.outlet_offsets
    lengths = offsets[rows + 1] - offsets[rows]
    total = int(lengths.sum())
    if not total:
        return np.zeros(groups)
    before = np.cumsum(lengths) - lengths
    flat = np.repeat(offsets[rows] - before, lengths) + np.arange(total)
    outlets = prepared.outlet_codes[flat]
    span = int(outlets.max()) + 1
    keys = np.sort(np.repeat(group, lengths) * span + outlets)
    seen = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
    return np.bincount(seen // span, minlength=groups).astype(np.float64)


def _dense(
    pair: Ints, period: Ints, low: int | None, high: int | None
) -> tuple[Ints, Ints, Ints, Ints]:
    """Every period of each pair from its first to its last (widened to low..high): the dense
    pair and period arrays, where each (pair, period) group lands, and where each pair starts."""
    pairs, first_at, which = np.unique(pair, return_index=True, return_inverse=True)
    last_at = np.append(first_at[1:], len(pair)) - 1
    first, last = period[first_at], period[last_at]
    if low is not None:
        first = np.minimum(first, low)
    if high is not None:
        last = np.maximum(last, high)
    lengths = last - first + 1
    starts = np.cumsum(lengths) - lengths
    step = np.arange(int(lengths.sum())) - np.repeat(starts, lengths)
    dense_pair = np.repeat(pairs, lengths)
    dense_period = np.repeat(first, lengths) + step
    position = starts[which] + (period - first[which])
    return dense_pair, dense_period, position, starts


def _decayed(values: Floats, starts: Ints, decay: float) -> Floats:
    """`S_t = X_t + decay * S_{t-1}` within each run of rows beginning at `starts`.

    The loop runs over positions within a run (periods), each step over all pairs at once.
    """
    out = values.copy()
    run_start = np.zeros(len(values), dtype=np.int64)
    run_start[starts] = starts
    run_start = np.maximum.accumulate(run_start)
    step = np.arange(len(values)) - run_start
    order = np.argsort(step, kind="stable")
    bounds = np.searchsorted(step[order], np.arange(int(step.max(initial=0)) + 2))
    for k in range(1, len(bounds) - 1):
        rows = order[bounds[k] : bounds[k + 1]]
        out[rows] += decay * out[rows - 1]
    return out


def _columns(
    dense: dict[str, Floats], smooth: dict[str, Floats], rules: SeriesRules
) -> dict[str, object]:
    k, z = rules.prior, rules.z
    columns: dict[str, object] = {
        "events": dense["events"].astype(np.int64),
        "sources": dense["sources"].astype(np.int64),
        "weight": dense["weight"],
        "goldstein_total": dense["goldstein_total"],
        "hostile": dense["hostile"],
        "trust": dense["trust"],
    }
    for name in _QUADS:
        columns[name] = dense[name].astype(np.int64)
    mean, mean_low, mean_high = mean_band(
        dense["goldstein_total"],
        dense["goldstein_squares"],
        dense["weight"],
        dense["observations"],
        prior=k,
        z=z,
    )
    columns.update(goldstein_mean=mean, goldstein_low=mean_low, goldstein_high=mean_high)
    for index, (pos, neg) in {
        "cooperation": ("positive", "negative"),
        "distrust": ("hostile", "trust"),
    }.items():
        for suffix, masses in (("", dense), ("_smooth", smooth)):
            name = index + suffix
            columns[name] = balance_index(masses[pos], masses[neg], k)
            band = balance_band(masses[pos], masses[neg], masses["observations"], prior=k, z=z)
            columns[name + "_low"], columns[name + "_high"] = band
    return columns
