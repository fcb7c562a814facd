"""How big an event is on the record: "the largest single-state expulsion of RUS since 1971".

History is a list of records, and several reports can describe one act. So records are first
collapsed into acts: one actor's action against one target on one reported date, with the
count reconciled across reports. Without this, five reports of one expulsion would rank as
five expulsions. An act is compared with acts of the same action (`ActionMatch`) against
the same target, by the same kind of actor: states with states, organisations (NATO, the EU)
with organisations. Only acts up to its own day are compared, because later events are not its
history. A qualified count ("more than 100") is compared by its number.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from riftwatch.analysis.consensus import (
    GROUP,
    ORGANISATION_KINDS,
    ActionMatch,
    Count,
    action_key,
    date_start,
    is_fact,
    iso,
    plain,
    reconcile_count,
    record_start,
)
from riftwatch.analysis.coordinated import CoordinatedAction
from riftwatch.events.records import EventRecord


@dataclass(frozen=True, slots=True)
class Act:
    """One actor's action against one target on one reported date, however many reports."""

    source: str
    target: str
    action: str
    date: str  # as reported: "2018-03-26", "2016-12", "1971"
    count: Count
    event_ids: tuple[str, ...]

    @property
    def start(self) -> dt.date:
        """The first day its date can mean, for ordering."""
        return date_start(self.date)

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "action": self.action,
            "date": self.date,
            "count": plain(self.count.value),
            "count_detail": self.count.to_dict(),
            "events": list(self.event_ids),
        }


@dataclass(frozen=True, slots=True)
class EventRank:
    """Where an event's count stands among comparable acts up to its day."""

    event_id: str
    act: Act
    rank: int  # 1: nothing larger on record up to its day
    compared: int  # comparable acts on record up to its day, itself included
    previous_larger: Act | None  # the latest earlier larger act: "the largest since <date>"

    @property
    def largest_on_record(self) -> bool:
        return self.rank == 1

    def to_dict(self) -> dict[str, object]:
        larger = self.previous_larger
        return {
            "event": self.event_id,
            "act": self.act.to_dict(),
            "rank": self.rank,
            "compared": self.compared,
            "largest_on_record": self.largest_on_record,
            "largest_since": larger.date if larger else None,
            "previous_larger": larger.to_dict() if larger else None,
        }


def rank_event(
    event: EventRecord, history: Iterable[EventRecord], *, match: ActionMatch = ActionMatch.CAMEO
) -> EventRank | None:
    """Rank `event` by count among comparable acts in `history`.

    Returns None when the event has no count, no target or no date: there is nothing to rank.
    """
    if event.count is None or event.target is None or event.date is None:
        return None
    rows = {r.id: r for r in history if _comparable(r, event, match)}
    rows[event.id] = event
    acts = _acts(rows.values(), match)
    own = next(a for a in acts if event.id in a.event_ids)
    earlier = [a for a in acts if a is not own and a.start <= own.start]
    larger = [a for a in earlier if a.count.value > own.count.value]
    before = [a for a in larger if a.start < own.start]
    previous = max(before, key=lambda a: (a.start, a.count.value), default=None)
    return EventRank(event.id, own, 1 + len(larger), 1 + len(earlier), previous)


def _comparable(r: EventRecord, event: EventRecord, match: ActionMatch) -> bool:
    return (
        is_fact(r)
        and r.source_kind != GROUP
        and r.count is not None
        and record_start(r) is not None
        and r.target == event.target
        and action_key(r, match) == action_key(event, match)
        and _is_organisation(r) == _is_organisation(event)
    )


def _is_organisation(r: EventRecord) -> bool:
    return r.source_kind in ORGANISATION_KINDS


def _acts(rows: Iterable[EventRecord], match: ActionMatch) -> list[Act]:
    groups: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for r in rows:
        groups[(r.source, r.date or "")].append(r)
    acts = []
    for (source, date), group in sorted(groups.items()):
        count = reconcile_count(group)
        if count is not None and group[0].target is not None:
            key = action_key(group[0], match)
            ids = tuple(sorted(r.id for r in group))
            acts.append(Act(source, group[0].target, key, date, count, ids))
    return acts


@dataclass(frozen=True, slots=True)
class ActionRank:
    """Where a coordinated action stands among actions against the same target on record."""

    action: CoordinatedAction
    rank: int  # by enumerated total
    rank_by_participants: int
    compared: int  # actions on record up to its first day, itself included
    previous_larger: CoordinatedAction | None  # the latest earlier one with a larger total

    @property
    def largest_on_record(self) -> bool:
        return self.rank == 1

    def to_dict(self) -> dict[str, object]:
        return {
            "action": self.action.id,
            "target": self.action.target,
            "cameo": self.action.action,
            "window": [iso(self.action.first), iso(self.action.last)],
            "total": plain(self.action.total),
            "participants": len(self.action.participants),
            "rank": self.rank,
            "rank_by_participants": self.rank_by_participants,
            "compared": self.compared,
            "largest_on_record": self.largest_on_record,
            "previous_larger": _summary(self.previous_larger),
        }


def rank_action(action: CoordinatedAction, history: Sequence[CoordinatedAction]) -> ActionRank:
    """Rank `action` by total and by participants among earlier actions against its target."""
    earlier = [
        a
        for a in history
        if a.id != action.id
        and a.target == action.target
        and (a.action, a.match) == (action.action, action.match)
        and a.first <= action.first
    ]
    larger = [a for a in earlier if a.total > action.total]
    more = [a for a in earlier if len(a.participants) > len(action.participants)]
    before = [a for a in larger if a.first < action.first]
    previous = max(before, key=lambda a: (a.first, a.total), default=None)
    return ActionRank(action, 1 + len(larger), 1 + len(more), 1 + len(earlier), previous)


def _summary(action: CoordinatedAction | None) -> dict[str, object] | None:
    if action is None:
        return None
    return {
        "id": action.id,
        "window": [iso(action.first), iso(action.last)],
        "total": plain(action.total),
        "participants": len(action.participants),
    }
