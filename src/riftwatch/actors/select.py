"""Pick the role of an actor that holds on the story's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from riftwatch.actors.lexicon import ActorEntry

CURATED = "riftwatch"


def _rank(entry: ActorEntry, date: dt.date | None) -> tuple[int, int]:
    if date is None:
        # No story date: take the current (open-ended) role, else the default.
        return (0 if entry.dated and entry.end is None else 1, 0)
    if entry.dated and entry.valid_at(date):
        return (0, 0)
    if not entry.dated:
        return (1, 0)
    return (2, _distance(entry, date))


def _distance(entry: ActorEntry, date: dt.date) -> int:
    gaps = [abs((d - date).days) for d in (entry.start, entry.end) if d is not None]
    return min(gaps) if gaps else 0


def pick(entries: Sequence[ActorEntry], date: dt.date | None) -> ActorEntry:
    """The entry valid at `date`, undated roles as defaults, else the nearest in time.

    Curated entries replace upstream ones for the same phrase: upstream roles stop around 2015
    and leave stale open-ended offices behind.
    """
    curated = [e for e in entries if e.source == CURATED]
    pool = curated or list(entries)
    return min(pool, key=lambda e: _rank(e, date))
