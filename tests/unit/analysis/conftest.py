"""Hand-built event records and a small membership table for the analysis tests."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest

from riftwatch.actors.membership import Membership, MembershipTable, build_table
from riftwatch.events.records import EventRecord
from tests.records import BASE_RECORD

MakeRecord = Callable[..., EventRecord]

BASE = BASE_RECORD


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
