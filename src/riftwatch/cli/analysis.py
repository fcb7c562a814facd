"""`riftwatch coordination` and `riftwatch largest`: read the store, analyse, render.

Plain Typer-style functions, registered in cli/app.py:

    app.command("coordination")(coordination_command)
    app.command("largest")(largest_command)

`--json` prints exactly the analysis records' `to_dict()`, the same body an API route would return.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from riftwatch import explore
from riftwatch.analysis import (
    ActionMatch,
    ActionRank,
    ClaimedFigure,
    CoordinatedAction,
    CoordinationRules,
    EventRank,
    find_coordinated_actions,
    rank_action,
    rank_event,
)
from riftwatch.analysis.consensus import plain
from riftwatch.cli.stores import open_store
from riftwatch.events.records import EventRecord
from riftwatch.store import DEFAULT_STORE

out = Console()

_WINDOW = re.compile(r"(\d+)\s*([dw]?)", re.IGNORECASE)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
ByRootOption = Annotated[
    bool, typer.Option("--by-root", help="Same CAMEO root is the same action (default: code).")
]


def coordination_command(
    db: DbOption = DEFAULT_STORE,
    target: Annotated[str | None, typer.Option(help="Only actions against this code.")] = None,
    window: Annotated[str, typer.Option(help="First to last participant: 14d, 2w.")] = "14d",
    min_participants: Annotated[int, typer.Option(min=2, help="Distinct actors.")] = 3,
    same_reason: Annotated[
        bool, typer.Option(help="Drop participants with other reasons.")
    ] = False,
    by_root: ByRootOption = False,
    as_json: JsonOption = False,
) -> None:
    """Many actors taking the same action against one target within a window of days."""
    rules = CoordinationRules(
        window_days=parse_window(window),
        min_participants=min_participants,
        match=ActionMatch.ROOT if by_root else ActionMatch.CAMEO,
        same_reason=same_reason,
    )
    with open_store(db, read_only=True) as store:
        actions = explore.coordination(
            store, target=target.upper() if target else None, rules=rules
        )
    if as_json:
        _print_json([a.to_dict() for a in actions])
        return
    if not actions:
        out.print("No coordinated actions found.")
    for action in actions:
        show_action(action)


def largest_command(
    event_id: Annotated[str, typer.Argument(help="Event id, or a unique prefix of one.")],
    db: DbOption = DEFAULT_STORE,
    by_root: ByRootOption = False,
    as_json: JsonOption = False,
) -> None:
    """How the event's count ranks on record, and the coordinated action it is part of."""
    match = ActionMatch.ROOT if by_root else ActionMatch.CAMEO
    with open_store(db, read_only=True) as store:
        records = store.query_events(explore.EVERY_EVENT)
    event = find_event(records, event_id)
    ranked = rank_event(event, records, match=match)
    actions = find_coordinated_actions(records, CoordinationRules(match=match))
    joined = next(
        (a for a in actions if any(event.id in p.event_ids for p in a.participants)), None
    )
    action_rank = rank_action(joined, actions) if joined else None
    if as_json:
        _print_json(
            {
                "event": ranked.to_dict() if ranked else None,
                "coordinated_action": action_rank.to_dict() if action_rank else None,
            }
        )
        return
    show_ranks(event, ranked, action_rank)


def parse_window(text: str) -> int:
    """Days from "14d", "2w" or "14"; BadParameter (exit 2) otherwise."""
    found = _WINDOW.fullmatch(text.strip())
    if not found:
        raise typer.BadParameter(f"window {text!r}: expected days like 14d, 2w or 14")
    return int(found.group(1)) * (7 if found.group(2).lower() == "w" else 1)


def find_event(records: Sequence[EventRecord], event_id: str) -> EventRecord:
    """The record with this id or unique id prefix; BadParameter (exit 2) otherwise."""
    found = [r for r in records if r.id.startswith(event_id)] if event_id else []
    exact = [r for r in found if r.id == event_id]
    if exact or len(found) == 1:
        return (exact or found)[0]
    reason = "matches several events" if found else "is not in the store"
    raise typer.BadParameter(f"event id {event_id!r} {reason}")


def show_action(action: CoordinatedAction) -> None:
    uncounted = f" (no count for {', '.join(action.uncounted)})" if action.uncounted else ""
    out.print(
        f"[bold]{len(action.participants)} actors[/] ({len(action.states)} states) took action "
        f"{action.action} against [bold]{action.target}[/] from {action.first} to {action.last}: "
        f"total {plain(action.total)}{uncounted}. [dim]{action.id}[/]",
        highlight=False,
    )
    rows = [
        (p.code, str(p.date), _count(p.count.value if p.count else None), ", ".join(p.doc_ids))
        for p in action.participants
    ]
    out.print(_table("participants", ("actor", "date", "count", "reports"), rows))
    if action.holdouts:
        held = ", ".join(f"{h.code} ({h.modality})" for h in action.holdouts)
        out.print(f"Held back: {held}", highlight=False)
    claims = [
        (c.text or c.source, _claimed(f), f.compared_with, _count(f.enumerated),
         _count(f.difference), c.doc_id)
        if f else (c.text or c.source, "(no number)", "", "", "", c.doc_id)
        for c in action.claims
        for f in (c.figures or (None,))
    ]  # fmt: skip
    if claims:
        columns = ("group", "claimed", "compared with", "ours", "difference", "report")
        out.print(_table("claims in the texts", columns, claims))
    reactions = [
        (r.target or "?", str(r.date), r.cameo, _count(r.count.value if r.count else None))
        for r in action.reactions
    ]
    if reactions:
        out.print(
            _table(f"reactions by {action.target}", ("against", "date", "code", "count"), reactions)
        )


def show_ranks(event: EventRecord, ranked: EventRank | None, action: ActionRank | None) -> None:
    who = f"{event.source} {event.cameo} {event.target or '-'} on {event.date}"
    if ranked is None:
        out.print(f"{who}: no count, target or date to rank.", highlight=False)
    else:
        larger = ranked.previous_larger
        since = (
            f"the largest since {larger.date} ({larger.source}, {_count(larger.count.value)})"
            if larger
            else "the largest on record"
        )
        place = f"rank {ranked.rank} of {ranked.compared} comparable acts up to its day"
        out.print(f"{who}, count {_count(ranked.act.count.value)}: {place}; {since}.")
    if action is not None:
        record = "the largest on record" if action.largest_on_record else f"rank {action.rank}"
        out.print(
            f"Part of {len(action.action.participants)} actors' action against "
            f"{action.action.target} ({action.action.first} to {action.action.last}), total "
            f"{_count(action.action.total)}: {record} of {action.compared} against this target.",
            highlight=False,
        )


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=title, title_justify="left")
    for name in columns:
        table.add_column(name, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    return table


def _count(value: float | None) -> str:
    return "" if value is None else str(plain(value))


def _claimed(figure: ClaimedFigure) -> str:
    words = "" if figure.qualifier == "exact" else figure.qualifier.replace("_", " ") + " "
    return f"{words}{_count(figure.value)} {figure.unit}".strip()


def _print_json(body: object) -> None:
    sys.stdout.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
