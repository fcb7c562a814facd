"""Who belonged to which bloc on a given day (NATO, the EU, BRICS, the West ...).

The table is data (lexicons/membership/v1.jsonl, one line per bloc, member and period, from
public record); bloc analysis aggregates its members as of each date through this module.
Suspensions are kept apart: a suspended member is not counted unless asked for.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from riftwatch.errors import LexiconError
from riftwatch.lexicons import lexicon_file, read_lexicon

MEMBER = "member"
SUSPENDED = "suspended"


@dataclass(frozen=True, slots=True)
class Membership:
    """One period of one state in one bloc; `end` is exclusive, None while it lasts."""

    bloc: str
    member: str
    start: dt.date | None
    end: dt.date | None
    status: str = MEMBER
    source: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class MembershipTable:
    """Membership periods indexed by bloc and by member."""

    by_bloc: Mapping[str, tuple[Membership, ...]]
    by_member: Mapping[str, tuple[Membership, ...]]

    @property
    def blocs(self) -> frozenset[str]:
        return frozenset(self.by_bloc)

    def members(
        self, bloc: str, day: dt.date, *, include_suspended: bool = False
    ) -> frozenset[str]:
        """The states in `bloc` on `day`."""
        return frozenset(
            m.member
            for m in self.by_bloc.get(bloc, ())
            if m.covers(day) and (m.status == MEMBER or include_suspended)
        ) - (frozenset() if include_suspended else self._suspended(bloc, day))

    def blocs_of(self, state: str, day: dt.date) -> frozenset[str]:
        """The blocs `state` belonged to on `day` (suspensions excluded)."""
        return frozenset(
            m.bloc
            for m in self.by_member.get(state, ())
            if m.status == MEMBER and m.covers(day) and state in self.members(m.bloc, day)
        )

    def is_member(self, state: str, bloc: str, day: dt.date) -> bool:
        return state in self.members(bloc, day)

    def _suspended(self, bloc: str, day: dt.date) -> frozenset[str]:
        return frozenset(
            m.member for m in self.by_bloc.get(bloc, ()) if m.status == SUSPENDED and m.covers(day)
        )


def build_table(rows: Iterable[Membership]) -> MembershipTable:
    by_bloc: dict[str, list[Membership]] = defaultdict(list)
    by_member: dict[str, list[Membership]] = defaultdict(list)
    for row in rows:
        by_bloc[row.bloc].append(row)
        by_member[row.member].append(row)
    return MembershipTable(
        by_bloc={k: tuple(v) for k, v in by_bloc.items()},
        by_member={k: tuple(v) for k, v in by_member.items()},
    )


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("dates must be ISO strings or null")
    return dt.date.fromisoformat(value)


def parse_membership(raw: Mapping[str, object]) -> Membership:
    """One decoded line; ValueError when a field is missing or malformed."""
    bloc, member = raw.get("bloc"), raw.get("member")
    if not isinstance(bloc, str) or not isinstance(member, str) or not bloc or not member:
        raise ValueError("bloc and member must be non-empty strings")
    status = str(raw.get("status") or MEMBER)
    if status not in (MEMBER, SUSPENDED):
        raise ValueError(f"unknown status {status!r}")
    start, end = _date(raw.get("start")), _date(raw.get("end"))
    if start and end and end <= start:
        raise ValueError("end must come after start")
    return Membership(bloc, member, start, end, status, str(raw.get("source") or ""))


@lru_cache(maxsize=1)
def load_membership() -> MembershipTable:
    """The packaged membership table (read once per process)."""
    rows = []
    for number, raw in read_lexicon("membership"):
        try:
            rows.append(parse_membership(raw))
        except ValueError as exc:
            raise LexiconError(f"{lexicon_file('membership')}:{number}: {exc}") from exc
    return build_table(rows)
