"""Who counts for a side of a relation on each day: a state, or a bloc as of that day.

A state code stands for itself. A bloc code (WST, NATO, EU, BRICS ...; anything in the
membership table) stands for:
- the bloc's members on the event's day (suspended members excluded), from `membership`;
- the bloc itself as an actor ("NATO expelled seven Russian diplomats");
- any other bloc whose members on that day are all members of it: NATO and the EU act for
  the West (WST), since every member of either is a Western state.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from riftwatch.actors.membership import MembershipTable

_EPOCH = dt.date(1970, 1, 1)
_NEVER = np.iinfo(np.int32).min
_ALWAYS = np.iinfo(np.int32).max


@dataclass(frozen=True, slots=True)
class Stint:
    """`code` counts for the side on days `start <= day < end` (days since 1970-01-01)."""

    code: str
    start: int
    end: int


def side_stints(side: str, membership: MembershipTable) -> tuple[Stint, ...]:
    """Every code that counts for `side`, with the days it does."""
    if side not in membership.blocs:
        return (Stint(side, _NEVER, _ALWAYS),)
    stints = [Stint(side, _NEVER, _ALWAYS)]
    for period, members in _periods(membership, (side,)):
        stints += [Stint(code, *period) for code in members]
    for other in sorted(membership.blocs - {side}):
        for period, (members, others) in _paired_periods(membership, side, other):
            if others and others <= members:
                stints.append(Stint(other, *period))
    return tuple(_merged(stints))


def side_mask(
    codes: pa.ChunkedArray | pa.Array, days: npt.NDArray[np.int32], stints: Iterable[Stint]
) -> npt.NDArray[np.bool_]:
    """Rows whose actor (in `codes`) counts for the side on that row's day."""
    mask = np.zeros(len(days), dtype=bool)
    by_code: dict[str, list[Stint]] = defaultdict(list)
    for stint in stints:
        by_code[stint.code].append(stint)
    wanted = pa.array(sorted(by_code), type=pa.string())
    index = pc.fill_null(pc.index_in(codes, value_set=wanted), -1).to_numpy()
    for position, code in enumerate(wanted.to_pylist()):
        rows = np.flatnonzero(index == position)
        for stint in by_code[code]:
            inside = (days[rows] >= stint.start) & (days[rows] < stint.end)
            mask[rows[inside]] = True
    return mask


def is_bloc(code: str, membership: MembershipTable) -> bool:
    return code in membership.blocs


def _boundaries(membership: MembershipTable, blocs: Iterable[str]) -> list[dt.date]:
    days = {
        day
        for bloc in blocs
        for row in membership.by_bloc.get(bloc, ())
        for day in (row.start, row.end)
        if day is not None
    }
    return sorted(days)


def _spans(boundaries: list[dt.date]) -> Iterable[tuple[tuple[int, int], dt.date]]:
    """Elementary periods between boundaries, each with a day inside it to evaluate."""
    if not boundaries:
        yield (_NEVER, _ALWAYS), _EPOCH
        return
    edges = [_NEVER, *(_days(day) for day in boundaries), _ALWAYS]
    probes = [boundaries[0] - dt.timedelta(days=1), *boundaries]
    for i, probe in enumerate(probes):
        yield (edges[i], edges[i + 1]), probe


def _periods(
    membership: MembershipTable, blocs: tuple[str]
) -> Iterable[tuple[tuple[int, int], frozenset[str]]]:
    for period, probe in _spans(_boundaries(membership, blocs)):
        yield period, membership.members(blocs[0], probe)


def _paired_periods(
    membership: MembershipTable, side: str, other: str
) -> Iterable[tuple[tuple[int, int], tuple[frozenset[str], frozenset[str]]]]:
    for period, probe in _spans(_boundaries(membership, (side, other))):
        yield period, (membership.members(side, probe), membership.members(other, probe))


def _merged(stints: Iterable[Stint]) -> list[Stint]:
    """Adjacent or overlapping stints of one code joined into one."""
    by_code: Mapping[str, list[Stint]] = defaultdict(list)
    for stint in stints:
        by_code[stint.code].append(stint)
    merged: list[Stint] = []
    for code in sorted(by_code):
        current: Stint | None = None
        for stint in sorted(by_code[code], key=lambda s: s.start):
            if current is not None and stint.start <= current.end:
                current = Stint(code, current.start, max(current.end, stint.end))
                continue
            if current is not None:
                merged.append(current)
            current = stint
        if current is not None:
            merged.append(current)
    return merged


def _days(day: dt.date) -> int:
    return (day - _EPOCH).days
