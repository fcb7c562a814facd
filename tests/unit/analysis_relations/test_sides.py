"""Sides of a relation: a state is itself, a bloc its members (and member blocs) as of the day."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa

from riftwatch.actors.membership import load_membership
from riftwatch.analysis.periods import day_number
from riftwatch.analysis.sides import side_mask, side_stints


def _counts(side: str, code: str, day: str) -> bool:
    days = np.array([day_number(dt.date.fromisoformat(day))], dtype=np.int32)
    stints = side_stints(side, load_membership())
    return bool(side_mask(pa.array([code]), days, stints)[0])


def test_a_state_is_only_itself() -> None:
    assert _counts("RUS", "RUS", "2018-03-14")
    assert not _counts("RUS", "BLR", "2018-03-14")


def test_the_west_holds_its_members_the_bloc_and_nato_and_the_eu() -> None:
    for code in ("GBR", "USA", "FRA", "WST", "NATO", "EU"):
        assert _counts("WST", code, "2018-03-26"), code
    assert not _counts("WST", "RUS", "2018-03-26")
    assert not _counts("WST", "UN", "2018-03-26")  # the UN has non-Western members


def test_membership_is_as_of_the_day() -> None:
    assert _counts("EU", "GBR", "2020-01-31")
    assert not _counts("EU", "GBR", "2020-02-01")  # left on 31 January 2020
    assert not _counts("NATO", "FIN", "2023-04-03")
    assert _counts("NATO", "FIN", "2023-04-04")


def test_nato_does_not_act_for_the_eu() -> None:
    assert not _counts("EU", "NATO", "2018-03-26")
