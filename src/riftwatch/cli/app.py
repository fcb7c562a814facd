"""Typer commands: parse options, call the library, render with Rich, choose the exit code.

Exit codes: 0 all fine, 1 some documents failed, 2 bad usage (or a store that cannot be read),
3 the store is in use by another process and stayed so for RIFTWATCH_STORE_WAIT seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from riftwatch import pipeline
from riftwatch.actors import explain_actors
from riftwatch.actors.scoring import score_actor_set
from riftwatch.cli import render
from riftwatch.cli.analysis import coordination_command, largest_command
from riftwatch.cli.relations import alignment_command, relations_command, rifts_command
from riftwatch.cli.serve import serve_command
from riftwatch.cli.stores import open_store
from riftwatch.errors import RiftwatchError, StoreBusyError
from riftwatch.evaluation import evaluate
from riftwatch.events.records import REPORTED_CONFIDENCE, select_records
from riftwatch.scale import open_mapper
from riftwatch.store import DEFAULT_STORE, EventFilter, MergedFilter

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
DateOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--date", formats=["%Y-%m-%d"], help="Publication date for documents without one."
    ),
]
PathsArg = Annotated[
    list[str], typer.Argument(help="Files, directories or globs (.txt .html .jsonl).")
]


MinConfidenceOption = Annotated[
    float,
    typer.Option(
        help=f"Report events at least this confident ({REPORTED_CONFIDENCE} by default: fewer "
        "than one in five under it were right on the gold sets); 0 shows every one."
    ),
]
PrefilterOption = Annotated[
    bool, typer.Option(help="Parse only sentences that may hold an event (long documents).")
]


@app.command()
def run(
    paths: PathsArg,
    db: DbOption = DEFAULT_STORE,
    date: DateOption = None,
    workers: Annotated[
        int | None, typer.Option(help="Code on a local Dask cluster of N worker processes.")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Code on the Dask cluster at tcp://HOST:PORT.")
    ] = None,
    prefilter: PrefilterOption = True,
) -> None:
    """Read, code and store the documents in PATHS; print a summary."""
    with (
        open_store(db) as store,
        open_mapper(workers=workers, scheduler=scheduler) as mapper,
        render.progress("Coding") as on_progress,
    ):
        report = pipeline.run(
            paths,
            store=store,
            default_date=_day(date),
            prefilter=prefilter,
            mapper=mapper,
            on_progress=on_progress,
        )
    render.run_report(report, db)
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def extract(
    paths: PathsArg,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL file.")] = None,
    date: DateOption = None,
    all_modalities: Annotated[
        bool, typer.Option(help="Also negated, refused, hypothetical.")
    ] = False,
    groups: Annotated[
        bool, typer.Option(help="Also claims by unnamed groups ('20 Western states').")
    ] = False,
    min_confidence: MinConfidenceOption = REPORTED_CONFIDENCE,
    prefilter: PrefilterOption = True,
) -> None:
    """Code the documents in PATHS and write event records as JSONL (no database)."""
    with render.progress("Coding") as on_progress:
        results, failures = pipeline.extract(
            paths, default_date=_day(date), prefilter=prefilter, on_progress=on_progress
        )
    records = select_records(
        (r for res in results for r in res.records()),
        all_modalities=all_modalities,
        groups=groups,
        min_confidence=min_confidence,
    )
    lines = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)
    if output is None:
        sys.stdout.write(lines)
    else:
        output.write_text(lines, encoding="utf-8")
    render.failures(failures)
    raise typer.Exit(1 if failures else 0)


@app.command()
def events(
    db: DbOption = DEFAULT_STORE,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    actor: Annotated[str | None, typer.Option(help="Source or target code.")] = None,
    source: str | None = None,
    target: str | None = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, e.g. 16.")] = None,
    all_modalities: Annotated[
        bool, typer.Option(help="Also negated, refused, hypothetical.")
    ] = False,
    groups: Annotated[
        bool, typer.Option(help="Also claims by unnamed groups ('20 Western states').")
    ] = False,
    min_confidence: MinConfidenceOption = REPORTED_CONFIDENCE,
    limit: int | None = None,
    merged: Annotated[
        bool, typer.Option(help="One row per real-world event, merged across reports.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List the events in the store, or with --merged one record per real-world event."""
    if format not in {"table", "jsonl", "csv"} or (merged and format == "csv"):
        raise typer.BadParameter("--format must be table, jsonl or csv (csv without --merged)")
    fmt = "json" if as_json else format
    root = root.zfill(2) if root else None
    modality = "all" if all_modalities else None
    actors = {"actor": actor, "source": source, "target": target}
    with open_store(db, read_only=True) as store:
        if merged:
            where = MergedFilter(**actors, root=root, modality=modality, limit=limit)
            render.merged_events(store.query_merged(where), fmt)
            return
        rows = store.query_events(
            EventFilter(
                **actors,
                root=root,
                modality=modality,
                min_confidence=min_confidence,
                groups=groups,
                limit=limit,
            )
        )
    render.events(rows, fmt)


@app.command()
def merge(db: DbOption = DEFAULT_STORE) -> None:
    """Merge the store's events into one record per real-world event (`run` does this too)."""
    with open_store(db) as store:
        report = store.merge_events()
    render.merge_report(report, db)


app.command("coordination")(coordination_command)
app.command("largest")(largest_command)
app.command("relations")(relations_command)
app.command("rifts")(rifts_command)
app.command("alignment")(alignment_command)
app.command("serve")(serve_command)


@app.command()
def actors(
    text: Annotated[
        str, typer.Argument(help="Text naming actors, e.g. 'Nato chief Jens Stoltenberg'.")
    ],
    date: DateOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Resolve the actors in TEXT as of --date and explain each answer (entry, source, role)."""
    render.actor_explanations(explain_actors(text, date=_day(date)), as_json=as_json)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (shared/gold/dev.jsonl format).")],
    pred: Annotated[Path | None, typer.Option(help="Score this JSONL of predictions.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    calibration: Annotated[
        bool, typer.Option("--calibration", help="Also print precision per confidence bin.")
    ] = False,
    min_confidence: MinConfidenceOption = REPORTED_CONFIDENCE,
) -> None:
    """Score riftwatch (or --pred FILE) on a gold set: P/R/F1, counts, dates, traps, per root."""
    predictions = None
    if pred is not None:
        lines = pred.read_text(encoding="utf-8").splitlines()
        predictions = [json.loads(line) for line in lines if line.strip()]
    report = evaluate(gold, predictions=predictions, min_confidence=min_confidence)
    render.eval_report(report, as_json=as_json, calibration=calibration)
    raise typer.Exit(1 if report.failures else 0)


@app.command("eval-actors")
def eval_actors(
    gold: Annotated[
        Path, typer.Argument(help="Annotated actor mentions (tests/data/actors.jsonl).")
    ],
    errors: Annotated[bool, typer.Option(help="List every wrong or missed mention.")] = False,
) -> None:
    """Score the actor resolver on an annotated mention set, per category."""
    render.actor_set_report(score_actor_set(gold), errors=errors)


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def main() -> None:
    """Entry point: run the app, turning our errors into one red line and exit code 2 (3 for a
    store in use: worth trying again)."""
    try:
        app()
    except StoreBusyError as exc:
        render.error(str(exc))
        sys.exit(3)
    except RiftwatchError as exc:
        render.error(str(exc))
        sys.exit(2)
