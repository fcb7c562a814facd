"""Events as one Arrow table, the input of relation series, rifts and alignment.

`event_table` turns `MergedEvent`s (one row per real-world event, the preferred input) or
`EventRecord`s (one row per report) into `EVENT_SCHEMA`. A table of that schema built from
elsewhere (a GDELT export, say) works as well.

What goes in:
- facts (asserted or announced) by named actors with a stated target and a date;
- a refusal to cooperate ("declined to meet"): CAMEO codes it as 12x "reject", while our coder
  keeps the cooperative code and marks it refused, so it is read back as CAMEO 120;
- not negated, hypothetical or other refused events, nor claims by unnamed groups.

Dates keep their precision: a "March 2018" event has day 2018-03-01 and precision month,
and counts in month and year series but not in day or week ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TypeAlias

import pyarrow as pa

from riftwatch.analysis.measures import (
    REFUSAL_CAMEO,
    REFUSAL_GOLDSTEIN,
    REFUSAL_QUAD,
    distrust_factor,
)
from riftwatch.coding.cameo import load_cameo_table
from riftwatch.events.merged import MergedEvent
from riftwatch.events.records import FACTUAL_MODALITIES, EventRecord

PRECISION = {"day": 0, "month": 1, "year": 2}

EVENT_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),  # merged event id or record id
        pa.field("source", pa.string(), nullable=False),
        pa.field("target", pa.string(), nullable=False),
        pa.field("cameo", pa.string(), nullable=False),  # the code as counted (120: refusal)
        pa.field("quad_class", pa.int8(), nullable=False),
        pa.field("goldstein", pa.float64(), nullable=False),
        pa.field("count", pa.float64()),  # null: no number given
        pa.field("day", pa.date32(), nullable=False),  # first day the date can mean
        pa.field("precision", pa.int8(), nullable=False),  # 0 day, 1 month, 2 year
        pa.field("symmetric", pa.bool_(), nullable=False),  # no direction: "met", "clashed"
        pa.field("outlets", pa.list_(pa.string()), nullable=False),  # distinct sources
        pa.field("doc_ids", pa.list_(pa.string()), nullable=False),  # evidence
    ]
)

Events: TypeAlias = pa.Table | Iterable[EventRecord | MergedEvent]


def event_table(events: Events) -> pa.Table:
    """`events` as a table of `EVENT_SCHEMA` (a table of that schema is returned as it is)."""
    if isinstance(events, pa.Table):
        return events.select(EVENT_SCHEMA.names).cast(EVENT_SCHEMA)
    rows = [row for event in events if (row := _row(event)) is not None]
    columns = {name: [row[i] for row in rows] for i, name in enumerate(EVENT_SCHEMA.names)}
    return pa.table(columns, schema=EVENT_SCHEMA)


def _row(event: EventRecord | MergedEvent) -> tuple[object, ...] | None:
    if isinstance(event, EventRecord) and event.source_kind == "group":
        return None
    if not event.target or event.target == event.source or not event.date:
        return None
    coded = _as_counted(event.cameo, event.modality)
    if coded is None:
        return None
    cameo, quad_class, goldstein = coded
    outlets, doc_ids = _evidence(event)
    count = event.count if isinstance(event, EventRecord) else _merged_count(event)
    return (
        event.id,
        event.source,
        event.target,
        cameo,
        quad_class,
        goldstein,
        count,
        date_start(event.date),
        PRECISION.get(event.date_precision or "day", 0),
        event.symmetric,
        outlets,
        doc_ids,
    )


@lru_cache(maxsize=4096)
def _as_counted(cameo: str, modality: str) -> tuple[str, int, float] | None:
    """The code, quad class and Goldstein score the event counts with, or None to leave it out."""
    table = load_cameo_table()
    if cameo not in table:
        return None
    action = table.action(cameo)
    if modality in FACTUAL_MODALITIES:
        return cameo, action.quad_class, action.goldstein
    if modality == "refused" and (distrust_factor(cameo) < 0 or action.quad_class <= 2):
        return REFUSAL_CAMEO, REFUSAL_QUAD, REFUSAL_GOLDSTEIN
    return None


def _evidence(event: EventRecord | MergedEvent) -> tuple[list[str], list[str]]:
    """Distinct outlets and documents; an unmerged record's document is its own source."""
    if isinstance(event, EventRecord):
        return [f"doc:{event.doc_id}"], [event.doc_id]
    outlets = sorted({m.outlet or f"doc:{m.doc_id}" for m in event.mentions})
    return outlets, sorted({m.doc_id for m in event.mentions})


def _merged_count(event: MergedEvent) -> float | None:
    """The agreed count, else the lowest reported: the number every report supports."""
    if event.count is None:
        return None
    return event.count.value if event.count.value is not None else event.count.low


@lru_cache(maxsize=65536)
def date_start(date: str) -> dt.date:
    """The first day an ISO date of any precision can mean ("2018-03" -> 2018-03-01)."""
    parts = [int(part) for part in date.split("-")[:3]]
    year, month, day = (parts + [1, 1])[:3]
    return dt.date(year, month, day)


def empty_events() -> pa.Table:
    """A table of `EVENT_SCHEMA` with no rows."""
    return EVENT_SCHEMA.empty_table()


def take_rows(table: pa.Table, rows: Sequence[int]) -> list[dict[str, object]]:
    """The given rows of an event table as dicts (for evidence in rifts and alignment)."""
    return table.take(pa.array(rows, type=pa.int64())).to_pylist()  # type: ignore[no-any-return]
