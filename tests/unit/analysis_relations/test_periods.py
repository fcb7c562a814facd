"""Periods as integers: weeks start on Monday, months and years round-trip."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.analysis.periods import Freq, label, period_of, start_of


@pytest.mark.parametrize(
    ("day", "freq", "start"),
    [
        ("2018-03-14", Freq.DAY, "2018-03-14"),
        ("2018-03-14", Freq.WEEK, "2018-03-12"),  # a Wednesday; its week starts on Monday
        ("2018-03-18", Freq.WEEK, "2018-03-12"),  # Sunday: same week
        ("2018-03-19", Freq.WEEK, "2018-03-19"),
        ("1969-12-31", Freq.WEEK, "1969-12-29"),
        ("2018-03-31", Freq.MONTH, "2018-03-01"),
        ("2018-12-31", Freq.YEAR, "2018-01-01"),
        ("1965-07-04", Freq.MONTH, "1965-07-01"),
    ],
)
def test_period_start(day: str, freq: Freq, start: str) -> None:
    index = period_of(dt.date.fromisoformat(day), freq)
    assert start_of(index, freq) == dt.date.fromisoformat(start)
    assert period_of(dt.date.fromisoformat(start), freq) == index


def test_consecutive_periods_differ_by_one() -> None:
    january, december = dt.date(2019, 1, 1), dt.date(2018, 12, 1)
    assert period_of(january, Freq.MONTH) - period_of(december, Freq.MONTH) == 1


def test_labels() -> None:
    day = dt.date(2014, 3, 1)
    assert [label(day, f) for f in Freq] == ["2014-03-01", "2014-03-01", "2014-03", "2014"]
