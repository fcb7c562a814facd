"""Hand-built event records for the relation tests: `event("GBR", "RUS", "161", "2018-03-14")`."""

from __future__ import annotations

import itertools
from dataclasses import replace

from riftwatch.coding.cameo import load_cameo_table
from riftwatch.events.records import EventRecord

_IDS = itertools.count(1)

BASE = EventRecord(
    id="e0",
    doc_id="d0",
    sentence=0,
    start=0,
    end=10,
    trigger_start=0,
    trigger_end=5,
    trigger="acted",
    evidence="Someone acted.",
    source="GBR",
    source_name="GBR",
    source_sector="GOV",
    source_kind="state",
    target="RUS",
    target_name="RUS",
    target_sector="GOV",
    cameo="161",
    root="16",
    goldstein=-4.0,
    quad_class=4,
    plover="REDUCE",
    plover_mode="",
    count=None,
    count_qualifier=None,
    count_unit=None,
    date="2018-03-14",
    date_precision="day",
    date_fallback=False,
    modality="asserted",
    confidence=0.9,
    symmetric=False,
    rule="test",
)


def event(
    source: str, target: str | None, cameo: str, date: str | None, **changes: object
) -> EventRecord:
    """A record of `cameo` with its Goldstein score and quad class from the CAMEO table."""
    action = load_cameo_table().action(cameo)
    serial = next(_IDS)
    precision = {1: "year", 2: "month"}.get(date.count("-") + 1, "day") if date else None
    fields: dict[str, object] = {
        "id": f"e{serial}",
        "doc_id": f"d{serial}",
        "source": source,
        "target": target,
        "cameo": cameo,
        "root": cameo[:2],
        "goldstein": action.goldstein,
        "quad_class": action.quad_class,
        "date": date,
        "date_precision": precision,
    }
    fields.update(changes)
    return replace(BASE, **fields)  # type: ignore[arg-type]
