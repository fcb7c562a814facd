"""What several reports of one actor's action agree on: which action it is, its day, its count.

Reports disagree: "four" in one report, "five" in another, and a summary gives "more than 100".
A figure summed over actors needs one count for each actor, so the disagreements must still
be shown beside it. The rules are kept here because coordination and ranking both use them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from riftwatch.events.records import FACTUAL_MODALITIES, EventRecord

HOLDING_BACK = frozenset({"negated", "refused"})  # "will not expel", "declined to expel"
ORGANISATION_KINDS = frozenset({"igo", "bloc"})  # NATO, EU: participants in their own right
GROUP = "group"  # "more than 20 Western states": a claim, never a participant
ABOUT_MARGIN = 0.15  # "about 100" holds 85 to 115, as event merging reads it


class ActionMatch(StrEnum):
    """How alike two actions must be to count as the same action."""

    # Same 3-digit code: 161 expulsions do not mix with 163 embargoes, though both are "16
    # reduce relations". 4-digit codes count as their 3-digit parent.
    CAMEO = "cameo"
    # Same 2-digit root: for coders that only get the family right.
    ROOT = "root"


def action_key(record: EventRecord, match: ActionMatch) -> str:
    """The code that `match` compares: "161" (CAMEO) or "16" (ROOT)."""
    return record.cameo[:3] if match is ActionMatch.CAMEO else record.root


def same_action(record: EventRecord, key: str, match: ActionMatch) -> bool:
    """The record's action is `key`, or is its root's unspecified code ("160").

    Refusals and summaries are often vaguer than the act ("Turkey will not take any measures",
    coded 160). `events/merge.py` reads the unspecified code the same way.
    """
    return action_key(record, match) == key or record.cameo[:3] == f"{key[:2]}0"


def is_fact(record: EventRecord) -> bool:
    """Asserted or announced: the text says it happened or was decided."""
    return record.modality in FACTUAL_MODALITIES


def record_day(record: EventRecord) -> dt.date | None:
    """The record's day, or None when it is dated only to the month or year (or not at all).

    A window of days cannot place "in March", so such records stay out of day windows.
    """
    if record.date is None or record.date_precision != "day":
        return None
    return _day(record.date)


@lru_cache(maxsize=1 << 16)
def _day(text: str) -> dt.date:
    # A history holds many records per day; parsing each day once is a measurable saving.
    return dt.date.fromisoformat(text)


def record_start(record: EventRecord) -> dt.date | None:
    """The first day the record's date can mean, or None when it has no date."""
    return date_start(record.date) if record.date else None


def date_start(date: str) -> dt.date:
    """The first day an ISO date of any precision can mean ("1971" -> 1971-01-01)."""
    year, month, day, *_ = [int(part) for part in date.split("-")] + [1, 1]
    return dt.date(year, month, day)


def first_day(records: Sequence[EventRecord]) -> dt.date:
    """The earliest day of day-dated records, a real date before a story-date fallback."""
    dated = [(r.date_fallback, day) for r in records if (day := record_day(r)) is not None]
    if not dated:
        raise ValueError("no day-dated record")
    real = [day for fallback, day in dated if not fallback]
    return min(real or [day for _, day in dated])


@dataclass(frozen=True, slots=True)
class CountReport:
    """One value given for a count, and the documents that give it."""

    value: float
    qualifier: str
    doc_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"value": plain(self.value), "qualifier": self.qualifier, "docs": list(self.doc_ids)}


@dataclass(frozen=True, slots=True)
class Count:
    """The count chosen among the reports, and every value that was reported."""

    value: float
    qualifier: str  # exact | more_than | about ...
    unit: str
    reports: tuple[CountReport, ...]

    @property
    def agreed(self) -> bool:
        """True when every report gives the same value."""
        return len({r.value for r in self.reports}) == 1

    def to_dict(self) -> dict[str, object]:
        return {
            "value": plain(self.value),
            "qualifier": self.qualifier,
            "unit": self.unit,
            "agreed": self.agreed,
            "reports": [r.to_dict() for r in self.reports],
        }


def reconcile_count(records: Iterable[EventRecord]) -> Count | None:
    """One count for reports of the same act: the most precise, then the most reported.

    An exact count beats a qualified one ("four" over "more than three"). Among exact counts,
    the value most documents give wins, and a tie goes to the earliest report: when a later
    story revises a figure it usually says so, and the coder cannot read that.
    """
    docs: dict[tuple[float, str], set[str]] = defaultdict(set)
    earliest: dict[tuple[float, str], tuple[str, str]] = {}
    units: dict[tuple[float, str], str] = {}
    for r in records:
        if r.count is None:
            continue
        key = (float(r.count), r.count_qualifier or "exact")
        docs[key].add(r.doc_id)
        earliest[key] = min(earliest.get(key, ("9999", "")), (r.date or "9999", r.doc_id))
        units.setdefault(key, r.count_unit or "")
    if not docs:
        return None
    best = min(docs, key=lambda k: (k[1] != "exact", -len(docs[k]), earliest[k], k[0]))
    reports = tuple(CountReport(v, q, tuple(sorted(docs[(v, q)]))) for v, q in sorted(docs))
    return Count(best[0], best[1], units[best], reports)


def satisfies(value: float, qualifier: str | None, claimed: float | None) -> bool | None:
    """Whether `value` fits a claimed count read with its qualifier ("more than 20" holds 28).

    None when there is no claimed count or the qualifier is one we do not read.
    """
    if claimed is None:
        return None
    tests = {
        "exact": value == claimed,
        "more_than": value > claimed,
        "at_least": value >= claimed,
        "less_than": value < claimed,
        "up_to": value <= claimed,
        "about": abs(value - claimed) <= ABOUT_MARGIN * claimed,
    }
    return tests.get(qualifier or "exact")


def plain(value: float | None) -> int | float | None:
    """23.0 -> 23 for output; other values unchanged."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
