"""Hand-built event records for the relation tests: `event("GBR", "RUS", "161", "2018-03-14")`."""

from __future__ import annotations

import itertools
from dataclasses import replace

from riftwatch.coding.cameo import load_cameo_table
from riftwatch.events.records import EventRecord
from tests.records import BASE_RECORD

_IDS = itertools.count(1)

BASE = replace(
    BASE_RECORD,
    source="GBR",
    source_name="GBR",
    target_name="RUS",
    target_sector="GOV",
    date="2018-03-14",
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
