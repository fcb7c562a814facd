"""`riftwatch relations`, `riftwatch rifts` and `riftwatch alignment`: read, analyse, render.

Plain Typer-style functions, registered in cli/app.py:

    app.command("relations")(relations_command)
    app.command("rifts")(rifts_command)
    app.command("alignment")(alignment_command)

Like the REST routes they call `riftwatch.explore`, which reads merged events (one per
real-world event; `--unmerged` counts every report instead).
`--json` prints exactly the analysis records' `to_dict()`, the body an API route would return.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from riftwatch import explore
from riftwatch.analysis.alignment import Alignment, AlignmentRules, align_states
from riftwatch.analysis.coordination import find_coordinated_actions
from riftwatch.analysis.periods import Freq, label
from riftwatch.analysis.relations import (
    RelationPoint,
    SeriesRules,
    relation_series,
    series_points,
)
from riftwatch.analysis.rifts import Measure, Rift, RiftRules, find_rifts
from riftwatch.cli.stores import open_store
from riftwatch.store import DEFAULT_STORE

out = Console()

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
FreqOption = Annotated[Freq, typer.Option("--freq", help="Period: day, week, month or year.")]
PlotOption = Annotated[Path | None, typer.Option("--plot", help="Write a PNG chart here.")]
UnmergedOption = Annotated[
    bool, typer.Option("--unmerged", help="Count every report's event (no merging).")
]
DayOption = Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])]


def relations_command(
    a: Annotated[str, typer.Argument(help="A state or bloc code: RUS, WST, NATO, EU ...")],
    b: Annotated[str, typer.Argument(help="The other state or bloc.")],
    db: DbOption = DEFAULT_STORE,
    freq: FreqOption = Freq.MONTH,
    directed: Annotated[bool, typer.Option(help="Only what A does to B.")] = False,
    start: DayOption = None,
    end: DayOption = None,
    plot: PlotOption = None,
    unmerged: UnmergedOption = False,
    as_json: JsonOption = False,
) -> None:
    """Counts, Goldstein, cooperation and distrust between A and B per period, with bands."""
    a, b = a.upper(), b.upper()
    rules = SeriesRules(freq=freq)
    first, last = (day.date() if day else None for day in (start, end))
    with open_store(db, read_only=True) as store:
        series = explore.relations(
            store,
            a,
            b,
            rules=rules,
            directed=directed,
            start=first,
            end=last,
            unmerged=unmerged,
            max_periods=None,  # the REST API's limits guard a shared server, not a user's run
        )
        events = explore.events_between(store, (a, b), unmerged=unmerged) if plot else []
    if plot is not None:
        from riftwatch.analysis.charts import plot_relations  # matplotlib: only when asked

        rifts = find_rifts(events, a, b, series=rules, directed=directed, start=first, end=last)
        plot_relations(series, plot, freq=freq, rifts=rifts)
    points = series_points(series)
    if as_json:
        print_json([p.to_dict() for p in points])
        return
    show_series(points, freq)
    if plot is not None:
        out.print(f"Chart written to {plot}", highlight=False)


def rifts_command(
    actor: Annotated[str, typer.Argument(help="A state or bloc code.")],
    db: DbOption = DEFAULT_STORE,
    partner: Annotated[
        list[str] | None, typer.Option("--with", help="Partner(s); default: all frequent ones.")
    ] = None,
    freq: FreqOption = Freq.MONTH,
    measure: Annotated[Measure, typer.Option(help="distrust or cooperation.")] = Measure.DISTRUST,
    min_events: Annotated[int, typer.Option(min=1, help="Events for a default partner.")] = 20,
    start: DayOption = None,
    end: DayOption = None,
    plot: PlotOption = None,
    unmerged: UnmergedOption = False,
    as_json: JsonOption = False,
) -> None:
    """Change points in the relations of ACTOR with each partner, with the events behind them."""
    actor = actor.upper()
    partners = [p.upper() for p in partner] if partner else None
    series = SeriesRules(freq=freq)
    first, last = (day.date() if day else None for day in (start, end))
    with open_store(db, read_only=True) as store:
        rifts = explore.rifts(
            store,
            actor,
            partners=partners,
            min_events=min_events,
            rules=RiftRules(measure=measure),
            series=series,
            start=first,
            end=last,
            unmerged=unmerged,
            max_periods=None,
        )
        between = (actor, *(partners or ()))
        events = explore.events_between(store, between, unmerged=unmerged) if plot else []
    if plot is not None:
        from riftwatch.analysis.charts import plot_rifts  # matplotlib: only when asked

        chosen = sorted({r.b for r in rifts} | set(partners or ()))
        panels = {
            p: relation_series(events, actor, p, rules=series, start=first, end=last)
            for p in chosen
        }
        plot_rifts(panels, rifts, plot, freq=freq, title=f"Rifts of {actor} per {freq.value}")
    if as_json:
        print_json([r.to_dict() for r in rifts])
        return
    show_rifts(rifts)
    if plot is not None:
        out.print(f"Chart written to {plot}", highlight=False)


def alignment_command(
    db: DbOption = DEFAULT_STORE,
    side: Annotated[str, typer.Option("--side", help="Scores +1: acting with it.")] = "WST",
    against: Annotated[str, typer.Option("--against", help="Scores -1.")] = "RUS",
    state: Annotated[list[str] | None, typer.Option("--state", help="Only these.")] = None,
    freq: FreqOption = Freq.YEAR,
    unmerged: UnmergedOption = False,
    as_json: JsonOption = False,
) -> None:
    """Which side each state took between SIDE and AGAINST, per period, with evidence."""
    rules = AlignmentRules(side=side.upper(), against=against.upper(), freq=freq)
    with open_store(db, read_only=True) as store:
        records = store.query_events(explore.EVERY_EVENT)
        events = records if unmerged else explore.events_between(store, ())
    actions = find_coordinated_actions(records)
    states = [s.upper() for s in state] if state else None
    found = align_states(events, actions=actions, rules=rules, states=states)
    if as_json:
        print_json([a.to_dict() for a in found])
        return
    show_alignment(found, rules)


def show_series(points: Sequence[RelationPoint], freq: Freq) -> None:
    active = [p for p in points if p.events]
    if not active:
        out.print("No events between these actors.")
        return
    first = active[0]
    arrow = "→" if first.directed else "–"
    table = Table(title=f"{first.a} {arrow} {first.b} per {freq.value}", title_justify="left")
    for name in ("period", "events", "sources", "coop/conflict", "goldstein", "distrust"):
        table.add_column(name, no_wrap=True, justify="left" if name == "period" else "right")
    table.add_column("distrust, smoothed [95%]", no_wrap=True, justify="right")
    for p in active:
        table.add_row(
            label(p.period, freq),
            str(p.events),
            str(p.sources),
            f"{p.verbal_cooperation + p.material_cooperation}/"
            f"{p.verbal_conflict + p.material_conflict}",
            f"{p.goldstein_mean:+.2f}",
            f"{p.distrust:+.2f}",
            f"{p.distrust_smooth:+.2f} [{p.distrust_smooth_low:+.2f}, "
            f"{p.distrust_smooth_high:+.2f}]",
        )
    out.print(table)
    quiet = len(points) - len(active)
    if quiet:
        out.print(f"{quiet} periods without events not shown (--json lists every period).")


def show_rifts(rifts: Sequence[Rift]) -> None:
    if not rifts:
        out.print("No rifts found.")
        return
    table = Table(title="Rifts and thaws", title_justify="left")
    for name in ("period", "pair", "kind", "before → after", "z", "how unusual", "drivers"):
        table.add_column(name, overflow="fold")
    for r in rifts:
        drivers = "; ".join(
            f"{d.source} {d.cameo} {d.target}{f' ×{d.count:g}' if d.count else ''} "
            f"{d.day} ({', '.join(d.doc_ids)})"
            for d in r.drivers[:3]
        )
        table.add_row(
            label(r.period, r.freq),
            f"{r.a}–{r.b}",
            r.kind,
            f"{r.before:+.2f} → {r.after:+.2f}",
            f"{r.z:+.1f}",
            r.description,
            drivers,
        )
    out.print(table)


def show_alignment(found: Sequence[Alignment], rules: AlignmentRules) -> None:
    if not found:
        out.print("No evidence of either side.")
        return
    title = f"Alignment: +1 with {rules.side}, -1 with {rules.against}"
    table = Table(title=title, title_justify="left")
    for name in ("state", "period", "score [95%]", "acted", "joined", "held back", "evidence"):
        table.add_column(name, overflow="fold")
    for a in found:
        evidence = "; ".join(
            f"{e.kind} {e.cameo} {e.toward} {e.day} ({', '.join(e.doc_ids)})"
            for e in a.evidence[:2]
        )
        table.add_row(
            a.state,
            label(a.period, rules.freq),
            f"{a.score:+.2f} [{a.low:+.2f}, {a.high:+.2f}]",
            str(a.acted),
            str(a.joined),
            str(a.held_back),
            evidence,
        )
    out.print(table)


def print_json(body: object) -> None:
    sys.stdout.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
