from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.actors.membership import build_table, parse_membership

ROWS = [
    {"bloc": "NATO", "member": "FIN", "start": "2023-04-04", "end": None},
    {"bloc": "EU", "member": "GBR", "start": "1973-01-01", "end": "2020-02-01"},
    {"bloc": "ARL", "member": "SYR", "start": "1945-03-22", "end": None},
    {
        "bloc": "ARL",
        "member": "SYR",
        "start": "2011-11-16",
        "end": "2023-05-07",
        "status": "suspended",
    },
]


def test_members_follow_accession_exit_and_suspension() -> None:
    table = build_table(parse_membership(r) for r in ROWS)
    assert "FIN" not in table.members("NATO", dt.date(2022, 5, 1))
    assert "FIN" in table.members("NATO", dt.date(2023, 4, 4))
    assert table.is_member("GBR", "EU", dt.date(2020, 1, 31))
    assert not table.is_member("GBR", "EU", dt.date(2020, 2, 1))
    assert "SYR" not in table.members("ARL", dt.date(2018, 1, 1))
    assert "SYR" in table.members("ARL", dt.date(2018, 1, 1), include_suspended=True)
    assert table.blocs_of("SYR", dt.date(2024, 1, 1)) == {"ARL"}


def test_malformed_lines_are_refused() -> None:
    with pytest.raises(ValueError, match="after start"):
        parse_membership(
            {"bloc": "EU", "member": "GBR", "start": "2020-02-01", "end": "1973-01-01"}
        )
    with pytest.raises(ValueError, match="status"):
        parse_membership({"bloc": "EU", "member": "GBR", "status": "observer"})


def test_packaged_table_knows_nato_and_eu_enlargements() -> None:
    from riftwatch.actors.membership import load_membership

    table = load_membership()
    before, after = dt.date(2018, 3, 27), dt.date(2026, 1, 1)
    assert (len(table.members("NATO", before)), len(table.members("NATO", after))) == (29, 32)
    assert (len(table.members("EU", before)), len(table.members("EU", after))) == (28, 27)
    assert "GBR" in table.members("WST", after) and "RUS" not in table.members("WST", after)
    assert {"BRICS", "SCO"} <= table.blocs_of("IRN", after)
