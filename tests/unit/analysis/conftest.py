"""Hand-built event records and a small membership table for the analysis tests."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest

from riftwatch.actors.membership import Membership, MembershipTable, build_table
from riftwatch.events.records import EventRecord

MakeRecord = Callable[..., EventRecord]

BASE = EventRecord(
    id="e0",
    doc_id="d0",
    sentence=0,
    start=0,
    end=40,
    trigger_start=10,
    trigger_end=18,
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


@pytest.fixture
def rec() -> MakeRecord:
    """rec("DEU", count=4, date="2018-03-27", ...): BASE with a fresh id and these fields."""
    ids = itertools.count(1)

    def make(source: str = "FRA", **changes: object) -> EventRecord:
        fields: dict[str, object] = {"id": f"e{next(ids)}", "source": source, "source_name": source}
        fields.update(changes)
        if "cameo" in changes and "root" not in changes:
            fields["root"] = str(changes["cameo"])[:2]
        if "count" in changes and "count_qualifier" not in changes:
            fields["count_qualifier"] = "exact"
        return replace(BASE, **fields)  # type: ignore[arg-type]

    return make


@pytest.fixture
def blocs() -> MembershipTable:
    """EU: FRA, DEU, AUT; WST: those and USA, GBR."""
    start = dt.date(1990, 1, 1)
    rows = [Membership("EU", code, start, None) for code in ("FRA", "DEU", "AUT")]
    rows += [Membership("WST", code, start, None) for code in ("FRA", "DEU", "AUT", "USA", "GBR")]
    return build_table(rows)
