"""Build src/riftwatch/data/lexicons/membership/v1.{jsonl,meta.json}: bloc membership periods.

The periods are hand-written from public record in tools/membership_periods.jsonl, one JSON
object a line with the fields of v1.jsonl: bloc, member, start, end (exclusive; null while it
lasts), status ("member", or "suspended" for a period inside a membership), source (the
official list the fact is recorded on) and note (reasons, doubts, renamings). This script checks
them (known bloc and state codes, ISO dates in order, no overlapping periods for one bloc,
member and status, suspensions inside a membership), adds the lines of "the West" derived from
NATO and EU membership, and writes them sorted by bloc, status, member and start.
tools/membership_meta.json is v1.meta.json (schema, sources, definitions, caveats) with its
"entries" count left null; the count is filled in here.

Usage: python tools/build_membership.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from lexicon_files import write_meta

TOOLS = Path(__file__).resolve().parent
PERIODS = TOOLS / "membership_periods.jsonl"
META = TOOLS / "membership_meta.json"
LEXICONS = TOOLS.parent / "src" / "riftwatch" / "data" / "lexicons"
STATES = LEXICONS / "actors" / "v1.jsonl"  # the state codes members are checked against
OUT = LEXICONS / "membership"

FIELDS = ("bloc", "member", "start", "end", "status", "source", "note")
BLOCS = (  # in the order they are written
    "UN NATO EU OSCE COE AU ASEAN G7 G8 G20 BRICS SCO CSTO CIS EEU ARL GCC ECOWAS SADC OAS OIC "
    "MERCOSUR WST"
).split()
STATUSES = ("member", "suspended")
DISSOLVED = {"CSK", "DDR", "YMD", "YUG"}  # ISO 3166-3 codes of states dissolved after 1990
BLOC_MEMBERS = {"G20": {"EU", "AU"}}  # blocs that belong to a bloc in their own right
WST_SOURCE = (
    "riftwatch definition: union of NATO and EU membership plus AUS, NZL, JPN, CHE "
    "(see v1.meta.json)"
)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

Row = dict[str, str | None]
Located = tuple[str, Row]  # "file:line" (or what made the row) and the row


def read_periods(path: Path) -> list[Located]:
    """The rows of `path`, each with its "file:line"."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{number}"
        try:
            rows.append((where, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{where}: not a JSON object ({exc})") from exc
    return rows


def state_codes(path: Path) -> set[str]:
    """The codes of the states in the packaged actor lexicon."""
    entries = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {entry["code"] for entry in entries if entry.get("kind") == "state"}


def build(periods: list[Located], states: set[str]) -> list[Row]:
    """The lines of v1.jsonl in order; SystemExit naming every bad row."""
    problems = [f"{where}: {p}" for where, row in periods for p in _row_problems(row, states)]
    if not problems:
        derived = [("derived from NATO and EU", row) for row in _west(r for _, r in periods)]
        periods = periods + derived
        problems = _overlaps(periods) + _stray_suspensions(periods)
    if problems:
        raise SystemExit("\n".join(problems))
    return sorted((row for _, row in periods), key=_order)


def _row_problems(row: Row, states: set[str]) -> list[str]:
    if not isinstance(row, dict) or set(row) != set(FIELDS):
        return [f"expected an object with exactly the fields {', '.join(FIELDS)}"]
    bloc, member, start, end = row["bloc"], row["member"], row["start"], row["end"]
    problems = []
    if bloc not in BLOCS:
        problems.append(f"unknown bloc {bloc!r} (known: {' '.join(BLOCS)})")
    if member not in states | DISSOLVED | BLOC_MEMBERS.get(str(bloc), set()):
        problems.append(
            f"unknown member {member!r} in {bloc}: expected a state code of the actor lexicon, "
            f"a dissolved state ({' '.join(sorted(DISSOLVED))}) or, in G20 only, EU or AU"
        )
    if row["status"] not in STATUSES:
        problems.append(f"status {row['status']!r} is not one of {', '.join(STATUSES)}")
    if not _is_day(start):
        problems.append(f"start {start!r} is not a YYYY-MM-DD date")
    if end is not None and not _is_day(end):
        problems.append(f"end {end!r} is not a YYYY-MM-DD date or null")
    elif end is not None and _is_day(start) and str(end) <= str(start):
        problems.append(f"end {end} is not after start {start}")
    if not isinstance(row["source"], str) or not row["source"]:
        problems.append("source is empty: name the official list the period is recorded on")
    if not isinstance(row["note"], str):
        problems.append("note must be a string")
    return problems


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or not DAY.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _overlaps(periods: list[Located]) -> list[str]:
    groups: dict[tuple[object, ...], list[Located]] = defaultdict(list)
    for where, row in periods:
        groups[row["bloc"], row["member"], row["status"]].append((where, row))
    problems = []
    for (bloc, member, status), group in groups.items():
        group.sort(key=lambda located: str(located[1]["start"]))
        last_where, last = group[0]
        for where, row in group[1:]:
            if last["end"] is None or str(last["end"]) > str(row["start"]):
                problems.append(
                    f"{where}: {status} period of {member} in {bloc} "
                    f"{row['start']}..{row['end'] or 'open'} overlaps "
                    f"{last['start']}..{last['end'] or 'open'} ({last_where})"
                )
            if last["end"] is not None and (row["end"] is None or row["end"] > last["end"]):
                last_where, last = where, row
    return problems


def _stray_suspensions(periods: list[Located]) -> list[str]:
    members: dict[tuple[object, object], list[Row]] = defaultdict(list)
    for _, row in periods:
        if row["status"] == "member":
            members[row["bloc"], row["member"]].append(row)
    return [
        f"{where}: suspension of {row['member']} in {row['bloc']} from {row['start']} "
        "lies outside its member periods"
        for where, row in periods
        if row["status"] == "suspended"
        and not any(_within(row, m) for m in members[row["bloc"], row["member"]])
    ]


def _within(inner: Row, outer: Row) -> bool:
    starts_in = str(outer["start"]) <= str(inner["start"])
    ends_in = outer["end"] is None or (inner["end"] is not None and inner["end"] <= outer["end"])
    return starts_in and ends_in


def _west(rows: Iterable[Row]) -> Iterator[Row]:
    """WST lines: NATO and EU membership, overlapping or adjacent periods merged."""
    spans: dict[str, dict[str, list[tuple[str, str | None]]]] = defaultdict(
        lambda: {"NATO": [], "EU": []}
    )
    for row in rows:
        if row["bloc"] in ("NATO", "EU") and row["status"] == "member":
            spans[str(row["member"])][str(row["bloc"])].append((str(row["start"]), row["end"]))
    for member in sorted(spans):
        for start, end in _union(spans[member]["NATO"] + spans[member]["EU"]):
            blocs = [
                bloc
                for bloc in ("NATO", "EU")
                if any(
                    s <= (end or "9999") and (e is None or e > start)
                    for s, e in spans[member][bloc]
                )
            ]
            note = f"Derived from {' and '.join(blocs)} membership dates."
            yield dict(
                zip(FIELDS, ("WST", member, start, end, "member", WST_SOURCE, note), strict=True)
            )


def _union(spans: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    merged: list[tuple[str, str | None]] = []
    for start, end in sorted(spans, key=lambda span: span[0]):
        if merged and (merged[-1][1] is None or start <= merged[-1][1]):
            last_start, last_end = merged[-1]
            if last_end is not None and (end is None or end > last_end):
                merged[-1] = (last_start, end)
        else:
            merged.append((start, end))
    return merged


def _order(row: Row) -> tuple[int, int, str, str]:
    return (
        BLOCS.index(str(row["bloc"])),
        STATUSES.index(str(row["status"])),
        str(row["member"]),
        str(row["start"]),
    )


def write(rows: list[Row], out_dir: Path, meta: dict[str, object]) -> None:
    """out_dir/v1.jsonl (fields in FIELDS order) and out_dir/v1.meta.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / "v1.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({key: row[key] for key in FIELDS}, ensure_ascii=False) + "\n")
    write_meta(out_dir / "v1.meta.json", {**meta, "entries": len(rows)}, sort_keys=False)


def main() -> None:
    rows = build(read_periods(PERIODS), state_codes(STATES))
    write(rows, OUT, json.loads(META.read_text(encoding="utf-8")))
    print(len(rows), "rows")


if __name__ == "__main__":
    main()
