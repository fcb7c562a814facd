"""Hand-built event records that unit tests vary with `dataclasses.replace`."""

from __future__ import annotations

from dataclasses import replace

from riftwatch.events.records import EventRecord

BASE_RECORD = EventRecord(
    id="e0",
    doc_id="d0",
    sentence=0,
    start=0,
    end=40,
    trigger_start=15,
    trigger_end=23,
    trigger="expelled",
    evidence="The government expelled Russian diplomats.",
    source="FRA",
    source_name="France",
    source_sector="GOV",
    source_kind="state",
    target="RUS",
    target_name="Russia",
    target_sector="",
    cameo="161",
    root="16",
    goldstein=-4.0,
    quad_class=4,
    plover="REDUCE",
    plover_mode="",
    count=None,
    count_qualifier=None,
    count_unit=None,
    date="2018-03-26",
    date_precision="day",
    date_fallback=False,
    modality="asserted",
    confidence=0.9,
    symmetric=False,
    rule="test",
)

# Britain expels 23 Russian diplomats: the report the merging tests retell in other words.
EXPULSION = replace(
    BASE_RECORD,
    source="GBR",
    source_name="United Kingdom",
    count=23.0,
    count_qualifier="exact",
    count_unit="diplomat",
    date="2018-03-14",
)
