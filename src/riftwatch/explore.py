"""The analyses of `riftwatch coordination|relations|rifts`, fed from a store, and the
evidence behind one event.

Each reads what its analysis needs and calls the pure function in `riftwatch.analysis`:
coordination reads every event mention (holdouts are negated or refused, claims come from
unnamed groups); relations and rifts read merged events of every modality (refusals count),
or every report's event with `unmerged`, narrowed to a state among the actors asked about.
The REST routes of the same names call these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa

from riftwatch.actors.membership import load_membership
from riftwatch.analysis import CoordinatedAction, CoordinationRules, find_coordinated_actions
from riftwatch.analysis.event_table import date_start
from riftwatch.analysis.periods import Freq, period_of
from riftwatch.analysis.relations import DEFAULT_SERIES, SeriesRules, relation_series
from riftwatch.analysis.rifts import DEFAULT_RIFTS, Rift, RiftRules, actor_rifts
from riftwatch.analysis.windows import DEFAULT_RULES
from riftwatch.errors import QueryError
from riftwatch.events.merged import MergedEvent
from riftwatch.events.records import EventRecord
from riftwatch.store import ActorSpan, EventFilter, MergedFilter, Store

# Every event mention: coordination needs holdouts (negated or refused) and group claims.
EVERY_EVENT = EventFilter(modality="all", groups=True, min_confidence=0.0)
# A series is an array per period (cheap); change points cost about the square of its length
# (20,000 periods take seconds), so rifts get the shorter limit.
MAX_SERIES_PERIODS = 100_000
MAX_RIFT_PERIODS = 5_000


def coordination(
    store: Store, *, target: str | None = None, rules: CoordinationRules = DEFAULT_RULES
) -> list[CoordinatedAction]:
    """The coordinated actions in the store (against `target` only, if given), by first day."""
    return find_coordinated_actions(store.query_events(EVERY_EVENT), rules, target=target)


def relations(
    store: Store,
    a: str,
    b: str,
    *,
    rules: SeriesRules = DEFAULT_SERIES,
    directed: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unmerged: bool = False,
    max_periods: int | None = MAX_SERIES_PERIODS,
) -> pa.Table:
    """The relation series of `a` and `b` (states or blocs), one row per period
    (`riftwatch.series_points` turns it into RelationPoint records); QueryError past
    `max_periods` periods (None: no limit)."""
    events = events_between(store, (a, b), unmerged=unmerged)
    check_span(events, rules.freq, start=start, end=end, limit=max_periods)
    return relation_series(events, a, b, rules=rules, directed=directed, start=start, end=end)


def rifts(
    store: Store,
    actor: str,
    *,
    partners: Sequence[str] | None = None,
    min_events: int = 20,
    rules: RiftRules = DEFAULT_RIFTS,
    series: SeriesRules = DEFAULT_SERIES,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unmerged: bool = False,
    max_periods: int | None = MAX_RIFT_PERIODS,
) -> list[Rift]:
    """Change points in the relations of `actor` with each partner (default: every actor it
    has at least `min_events` events with), by period; QueryError past `max_periods` periods
    (None: no limit)."""
    events = events_between(store, (actor, *(partners or ())), unmerged=unmerged)
    check_span(events, series.freq, start=start, end=end, limit=max_periods)
    return actor_rifts(
        events,
        actor,
        partners=partners,
        min_events=min_events,
        rules=rules,
        series=series,
        start=start,
        end=end,
    )


@dataclass(frozen=True, slots=True)
class EventEvidence:
    """An event with what backs it: every report of the real-world event, as rows of
    `Store.events_table` (each with its sentence and document), and the actors those
    sentences name, with offsets into each document's text."""

    event: EventRecord | None  # the report asked for; None when asked by a merged id
    merged: MergedEvent | None  # None for a report not merged (yet), or a group claim
    reports: pa.Table
    actors: list[ActorSpan]


def event_evidence(store: Store, event_id: str) -> EventEvidence | None:
    """The evidence for an event mention or a merged event, or None if neither has this id."""
    record = store.get_event(event_id)
    merged_id = store.merged_id_of(event_id) if record is not None else event_id
    merged = store.get_merged(merged_id) if merged_id is not None else None
    if record is None and merged is None:
        return None
    ids = tuple(m.id for m in merged.mentions) if merged is not None else (event_id,)
    reports = store.events_table(
        EventFilter(ids=ids, modality="all", groups=True, min_confidence=0.0)
    )
    columns = (reports["doc_id"].to_pylist(), reports["sentence"].to_pylist())
    places = sorted(set(zip(*columns, strict=True)))
    return EventEvidence(record, merged, reports, store.actor_spans(places))


def check_span(
    events: Sequence[EventRecord | MergedEvent],
    freq: Freq,
    *,
    start: dt.date | None,
    end: dt.date | None,
    limit: int | None,
) -> None:
    """QueryError when the series would run over more than `limit` periods (None: no limit):
    from `start` (or the first event) to `end` (or the last)."""
    if limit is None:
        return
    days = [date_start(e.date) for e in events if e.date]
    first, last = start or min(days, default=None), end or max(days, default=None)
    if first is None or last is None:
        return
    periods = period_of(last, freq) - period_of(first, freq) + 1
    if periods > limit:
        raise QueryError(
            f"{first} to {last} holds {periods:,} periods of a {freq.value}, over the limit "
            f"of {limit:,}: narrow start and end, or use a longer period"
        )


def events_between(
    store: Store, actors: Sequence[str], *, unmerged: bool = False
) -> list[EventRecord] | list[MergedEvent]:
    """Events of every modality that may involve `actors` (the first, then its partners):
    narrowed to the first when it is a state, else to the one state among the partners; a
    bloc's events are its members', so blocs, or several partners, narrow nothing."""
    blocs = load_membership().blocs
    states = [code for code in actors[1:] if code not in blocs]
    if actors and actors[0] not in blocs:
        actor: str | None = actors[0]
    else:
        actor = states[0] if len(states) == 1 else None
    if unmerged:
        return store.query_events(EventFilter(actor=actor, modality="all", min_confidence=0.0))
    return store.query_merged(MergedFilter(actor=actor, modality="all"))
