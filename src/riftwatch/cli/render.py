"""Rich output for the CLI: progress bars on stderr, tables and reports on stdout."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from riftwatch.actors import ActorExplanation
from riftwatch.actors.scoring import ActorSetReport
from riftwatch.evaluation import EvalReport
from riftwatch.events.merged import MergedEvent
from riftwatch.events.records import EventRecord
from riftwatch.pipeline import Failure, RunReport
from riftwatch.store import MergeReport

out = Console()
err = Console(stderr=True)


@contextmanager
def progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr, driven by the pipeline's (done, total) callback."""
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    task = bar.add_task(label, total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)


def error(message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)


def failures(items: Sequence[Failure]) -> None:
    for f in items:
        # One line each, however narrow the terminal, so a log can be searched by file name.
        err.print(
            f"[red]failed[/] {f.origin}: {f.reason} [dim]({f.code})[/]",
            highlight=False,
            soft_wrap=True,
        )


def run_report(report: RunReport, db: Path) -> None:
    failures(report.failures)
    out.print(
        f"{report.documents} documents coded, {report.events} events stored in {db}; "
        f"{report.skipped} already stored; {len(report.failures)} failed."
    )
    merge_report(report.merge, db)


def merge_report(report: MergeReport, db: Path) -> None:
    if not report.mentions and not report.blocks:
        out.print(f"Nothing new to merge in {db}.")
        return
    out.print(
        f"{report.mentions} new or changed events merged into {report.events} events "
        f"({report.blocks} blocks redone) in {db}."
    )


def merged_events(rows: Sequence[MergedEvent], fmt: str) -> None:
    if fmt == "json":
        _json_array([e.to_dict() for e in rows])
    elif fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.print(_merged_table(rows))


_MERGED_COLUMNS = (
    "id", "date", "precision", "source", "action", "target", "count", "docs", "sources",
    "seen", "modality",
)  # fmt: skip


def _merged_table(rows: Sequence[MergedEvent]) -> Table:
    table = Table(title=f"{len(rows)} merged events")
    for name in _MERGED_COLUMNS:
        table.add_column(
            name, no_wrap=True, justify="right" if name in {"docs", "sources"} else "left"
        )
    for event in rows:
        table.add_row(*_merged_cells(event))
    return table


def _merged_cells(e: MergedEvent) -> tuple[str, ...]:
    seen = [str(day) for day in dict.fromkeys((e.first_seen, e.last_seen)) if day]
    return (
        e.id[:12],
        e.date or "",
        (e.date_precision or "") + (" (story date)" if e.date_fallback else ""),
        e.source,
        f"{e.cameo} {e.plover}".strip(),
        e.target or "-",
        e.count.label() if e.count else "",
        str(e.documents),
        str(e.sources),
        " to ".join(seen),
        e.modality,
    )


def _json_array(rows: list[dict[str, object]]) -> None:
    sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


def events(rows: Sequence[EventRecord], fmt: str) -> None:
    if fmt == "json":
        _json_array([r.to_dict() for r in rows])
    elif fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(asdict(rows[0]) if rows else []))
        if rows:
            writer.writeheader()
            writer.writerows(r.to_dict() for r in rows)
    else:
        out.print(_events_table(rows))


_EVENT_COLUMNS = ("doc", "date", "source", "action", "target", "count", "modality", "conf")


def _events_table(rows: Sequence[EventRecord]) -> Table:
    cells = [_event_cells(r) for r in rows]
    widths = [
        max([len(name), *(len(c[i]) for c in cells)]) for i, name in enumerate(_EVENT_COLUMNS)
    ]
    # The evidence gets what is left of the line: each column costs 3 characters of frame.
    room = max(20, out.width - sum(w + 3 for w in widths) - 4)
    table = Table(title=f"{len(rows)} events")
    for name in _EVENT_COLUMNS:
        table.add_column(name, no_wrap=True)
    table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=room)
    for row, cell in zip(rows, cells, strict=True):
        table.add_row(*cell, _snippet(row, room))
    return table


def _event_cells(r: EventRecord) -> tuple[str, ...]:
    return (
        r.doc_id[:12],
        r.date or "",
        f"{r.source} {r.source_sector}".strip(),
        f"{r.cameo} {r.plover}".strip(),
        r.target or "-",
        "" if r.count is None else _qualified(r),
        r.modality,
        f"{r.confidence:.2f}",
    )


def _qualified(r: EventRecord) -> str:
    number = int(r.count) if r.count is not None and float(r.count).is_integer() else r.count
    qualifier = "" if r.count_qualifier in (None, "exact") else f"{r.count_qualifier} "
    return f"{qualifier}{number}".replace("_", " ")


def _snippet(r: EventRecord, width: int) -> str:
    """The sentence from a little before the trigger, on one line."""
    at = r.trigger_start - r.start
    left = max(0, at - 25)
    prefix = "..." if left else ""
    return prefix + " ".join(r.evidence[left : left + width].split())


def eval_report(report: EvalReport, *, as_json: bool, calibration: bool = False) -> None:
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
        return
    table = Table(title="riftwatch eval")
    for name in ("root", "P", "R", "F1", "pred", "gold", "count acc", "date acc", "traps"):
        table.add_column(name, justify="right")
    rows = [("all", report.overall), *sorted(report.by_root.items())]
    for name, s in rows:
        table.add_row(
            name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.predicted),
            str(s.gold),
            _pct(s.count_accuracy, s.count_total),
            _pct(s.date_accuracy, s.date_total),
            str(s.trap_hits),
        )
    out.print(table)
    for g in report.misses:
        out.print(f"[yellow]miss[/] {g.doc_id}: {g.source}->{g.target} {g.root}", highlight=False)
    for t in report.false_positives:
        out.print(f"[magenta]false positive[/] {t[0]}: {t[1]}->{t[2]} {t[3]}", highlight=False)
    for t in report.traps:
        out.print(f"[red]trap hit[/] {t[0]}: {t[1]}->{t[2]} {t[3]}", highlight=False)
    if calibration:
        out.print(_calibration_table(report))
    for failure in report.failures:
        err.print(f"[red]failed[/] {failure}", highlight=False)
    o = report.overall
    out.print(
        f"F1 {o.f1:.3f} (P {o.precision:.3f}, R {o.recall:.3f}); count accuracy "
        f"{_pct(o.count_accuracy, o.count_total)}; date accuracy "
        f"{_pct(o.date_accuracy, o.date_total)}; trap hits {o.trap_hits}"
    )


def _pct(value: float | None, n: int) -> str:
    return "-" if value is None else f"{value:.2f} ({n})"


def actor_explanations(items: Sequence[ActorExplanation], *, as_json: bool) -> None:
    rows = [e.to_dict() for e in items]
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} actors")
    for name in (
        "mention",
        "code",
        "sector",
        "kind",
        "role",
        "sure",
        "because",
        "source",
        "other readings",
    ):
        table.add_column(name)
    for row in rows:
        table.add_row(
            row["text"],
            row["code"],
            row["sector"],
            row["kind"],
            row["role"],
            f"{row['certainty']:.2f}",
            row["because"],
            row["source"],
            "; ".join(row["other_readings"]),
        )
    out.print(table)


def actor_set_report(report: ActorSetReport, *, errors: bool) -> None:
    table = Table(title="riftwatch eval-actors")
    for name in ("category", "mentions", "right", "accuracy", "sector accuracy"):
        table.add_column(name, justify="right")
    rows = [*sorted(report.by_category.items()), ("all", report.overall)]
    for name, s in rows:
        sector = s.sector_right / s.sector_total if s.sector_total else None
        table.add_row(
            name, str(s.total), str(s.right), f"{s.accuracy:.3f}", _pct(sector, s.sector_total)
        )
    out.print(table)
    for line in report.errors if errors else []:
        out.print(f"[yellow]{line}[/]", highlight=False)


def _calibration_table(report: EvalReport) -> Table:
    table = Table(title="calibration: precision of predicted events per confidence bin")
    for name in ("confidence", "predicted", "right", "precision"):
        table.add_column(name, justify="right")
    for b in report.calibration():
        precision = "-" if b.precision is None else f"{b.precision:.3f}"
        table.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.predicted), str(b.right), precision)
    return table
