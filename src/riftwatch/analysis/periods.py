"""Calendar periods as integers: days, ISO weeks (from Monday), months and years.

Days are counted from 1970-01-01, as Arrow's date32 does; a period's integer index grows by
one from one period to the next, so gaps and decay are plain subtraction.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import numpy as np
import numpy.typing as npt

EPOCH = dt.date(1970, 1, 1)
Ints = npt.NDArray[np.int64]


class Freq(StrEnum):
    """How long one period of a series is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def finest_precision(self) -> int:
        """The coarsest date precision an event may have to be placed in one period
        (0 day, 1 month, 2 year): a "March 2018" event has no day or week."""
        return {Freq.DAY: 0, Freq.WEEK: 0, Freq.MONTH: 1, Freq.YEAR: 2}[self]


def period_index(days: npt.ArrayLike, freq: Freq) -> Ints:
    """The period holding each day (days since 1970-01-01)."""
    d = np.asarray(days, dtype=np.int64)
    if freq is Freq.DAY:
        return d
    if freq is Freq.WEEK:
        return (d + 3) // 7  # 1970-01-01 was a Thursday: weeks start on Monday 1969-12-29
    unit = "M" if freq is Freq.MONTH else "Y"
    return np.asarray(d.astype("datetime64[D]").astype(f"datetime64[{unit}]"), dtype=np.int64)


def period_start(index: npt.ArrayLike, freq: Freq) -> Ints:
    """The first day (days since 1970-01-01) of each period."""
    i = np.asarray(index, dtype=np.int64)
    if freq is Freq.DAY:
        return i
    if freq is Freq.WEEK:
        return i * 7 - 3
    unit = "M" if freq is Freq.MONTH else "Y"
    return np.asarray(i.astype(f"datetime64[{unit}]").astype("datetime64[D]"), dtype=np.int64)


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def period_of(day: dt.date, freq: Freq) -> int:
    """The period index of one day."""
    return int(period_index([day_number(day)], freq)[0])


def start_of(index: int, freq: Freq) -> dt.date:
    """The first day of one period."""
    return EPOCH + dt.timedelta(days=int(period_start([index], freq)[0]))


def label(day: dt.date, freq: Freq) -> str:
    """How a period is named in text: 2018-03-26 (day, week), 2018-03 (month), 2018 (year)."""
    if freq is Freq.MONTH:
        return f"{day:%Y-%m}"
    if freq is Freq.YEAR:
        return f"{day:%Y}"
    return day.isoformat()
