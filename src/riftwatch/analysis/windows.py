"""The windows in which many actors took one action against one target.

For each (target, action) the window holding the most distinct actors is taken (ties: the
earliest), its records are removed, and the search repeats on the rest until a window holds
fewer than `min_participants` actors. Two pointers keep each search linear in the records.
See coordination.py for what a candidate record is.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from riftwatch.analysis.consensus import GROUP, ActionMatch, action_key, is_fact, record_day
from riftwatch.analysis.cues import CueLexicon
from riftwatch.analysis.reasons import agreeing_actors, find_reasons, reason_terms
from riftwatch.events.records import EventRecord

Dated = tuple[dt.date, EventRecord]


@dataclass(frozen=True, slots=True)
class CoordinationRules:
    """What counts as acting together."""

    window_days: int = 14  # first to last participant, both days counted
    min_participants: int = 3  # distinct actors; two states acting at once is not "many"
    follow_days: int = 7  # claims and reactions may come this many days after the window
    match: ActionMatch = ActionMatch.CAMEO
    same_reason: bool = False


DEFAULT_RULES = CoordinationRules()


@dataclass(frozen=True, slots=True, eq=False)
class Frame:
    """A window found: the participants' records before they are summarised."""

    target: str
    key: str
    records: tuple[EventRecord, ...]
    first: dt.date
    last: dt.date


def find_frames(
    rows: Sequence[EventRecord], rules: CoordinationRules, cues: CueLexicon
) -> list[Frame]:
    """Every window of `rows` with enough actors, by first day."""
    groups: dict[tuple[str, str], list[Dated]] = defaultdict(list)
    for r in rows:
        day = record_day(r)
        if day and is_fact(r) and r.source_kind != GROUP and r.target and r.target != r.source:
            groups[(r.target, action_key(r, rules.match))].append((day, r))
    frames = []
    for (target, key), dated in sorted(groups.items()):
        for chosen in _windows(sorted(dated, key=lambda d: (d[0], d[1].id)), rules):
            kept = _same_reason(chosen, cues) if rules.same_reason else chosen
            if len({r.source for _, r in kept}) >= rules.min_participants:
                days = [day for day, _ in kept]
                frames.append(Frame(target, key, tuple(r for _, r in kept), min(days), max(days)))
    return sorted(frames, key=lambda f: (f.first, f.target, f.key))


def _windows(dated: list[Dated], rules: CoordinationRules) -> Iterator[list[Dated]]:
    """The busiest windows, one after another, while they hold enough distinct actors."""
    for run in _runs(dated, rules.window_days):
        pending = list(run)
        while len({r.source for _, r in pending}) >= rules.min_participants:
            actors, (i, j) = _busiest(pending, rules.window_days)
            if actors < rules.min_participants:
                break
            yield pending[i:j]
            del pending[i:j]


def _runs(dated: list[Dated], days: int) -> Iterator[list[Dated]]:
    """Split where consecutive days are more than `days` apart: no window spans such a gap.

    This keeps the repeated search local, so a long sparse history costs about one pass.
    """
    start = 0
    for k in range(1, len(dated) + 1):
        if k == len(dated) or (dated[k][0] - dated[k - 1][0]).days > days:
            yield dated[start:k]
            start = k


def _busiest(dated: Sequence[Dated], days: int) -> tuple[int, tuple[int, int]]:
    """The slice [i, j) spanning at most `days` with the most distinct sources (two pointers)."""
    best, span = 0, (0, 0)
    inside: Counter[str] = Counter()
    j = 0
    for i, (day, record) in enumerate(dated):
        while j < len(dated) and (dated[j][0] - day).days <= days:
            inside[dated[j][1].source] += 1
            j += 1
        if len(inside) > best:
            best, span = len(inside), (i, j)
        inside[record.source] -= 1
        if not inside[record.source]:
            del inside[record.source]
    return best, span


def _same_reason(chosen: list[Dated], cues: CueLexicon) -> list[Dated]:
    terms: dict[str, frozenset[str]] = defaultdict(frozenset)
    for _, r in chosen:
        for reason in find_reasons(r.evidence, cues):
            terms[r.source] |= reason_terms(reason.text, cues)
    agreeing = agreeing_actors(terms)
    if not agreeing:
        return chosen
    return [(day, r) for day, r in chosen if r.source in agreeing or not terms[r.source]]


@dataclass(frozen=True, slots=True)
class DayIndex:
    """Day-dated records by a key, sorted by day, so that a window's records are a bisection.

    Without it, every action would scan every record for its holdouts, claims and reactions.
    """

    days: Mapping[str, list[dt.date]]
    records: Mapping[str, list[EventRecord]]

    @classmethod
    def build(
        cls, rows: Iterable[EventRecord], key: Callable[[EventRecord], str | None]
    ) -> DayIndex:
        """Index the day-dated `rows` whose `key` is not None."""
        buckets: dict[str, list[Dated]] = defaultdict(list)
        for r in rows:
            bucket, day = key(r), record_day(r)
            if bucket is not None and day is not None:
                buckets[bucket].append((day, r))
        days, records = {}, {}
        for bucket, dated in buckets.items():
            dated.sort(key=lambda d: (d[0], d[1].id))
            days[bucket] = [day for day, _ in dated]
            records[bucket] = [r for _, r in dated]
        return cls(days, records)

    def between(self, key: str, first: dt.date, last: dt.date) -> list[EventRecord]:
        """The records under `key` dated from `first` to `last`, both included."""
        days = self.days.get(key)
        if not days:
            return []
        return self.records[key][bisect_left(days, first) : bisect_right(days, last)]
