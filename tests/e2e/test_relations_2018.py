"""Done-when (issue 6): the real pipeline over the March 2018 expulsions corpus
(tests/data/reports-2018) into a real store, merged, then the RUS-West series.

The corpus holds only 14-31 March 2018, so "rises in March 2018" is shown two ways: against
the weeks and months before it (no events: the index reads 0 with a wide band) and within
March (the week of 12 March, with the first British expulsion, against the weeks after the
collective expulsions of 26 March). The figures are printed (pytest -s shows them), and the
chart is written to the test's folder.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import riftwatch
from riftwatch.analysis.charts import plot_relations
from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import RelationPoint, SeriesRules, relation_series, series_points
from riftwatch.analysis.rifts import find_rifts
from riftwatch.cli.relations import alignment_command, relations_command, rifts_command
from riftwatch.events.merged import MergedEvent
from riftwatch.store import MergedFilter, Store

REPORTS = Path(__file__).parents[1] / "data" / "reports-2018" / "reports.jsonl"
JANUARY, APRIL = dt.date(2018, 1, 1), dt.date(2018, 4, 30)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("relations") / "store.duckdb"
    with Store(db) as opened:
        report = riftwatch.run([REPORTS], store=opened)
    assert not report.failed
    return db


@pytest.fixture(scope="module")
def merged(store: Path) -> list[MergedEvent]:
    with Store(store, read_only=True) as opened:
        return opened.query_merged(MergedFilter(modality="all"))


def _series(events: list[MergedEvent], freq: Freq) -> list[RelationPoint]:
    table = relation_series(
        events, "RUS", "WST", rules=SeriesRules(freq=freq), start=JANUARY, end=APRIL
    )
    return series_points(table)


def _show(points: list[RelationPoint], freq: Freq) -> None:
    for p in points:
        print(
            f"RUS-WST {freq.value} {p.period}: events {p.events:2d}, sources {p.sources:2d}, "
            f"H {p.hostile:6.2f}, C {p.trust:5.2f}, distrust {p.distrust:+.2f} "
            f"[{p.distrust_low:+.2f}, {p.distrust_high:+.2f}], smoothed {p.distrust_smooth:+.2f} "
            f"[{p.distrust_smooth_low:+.2f}, {p.distrust_smooth_high:+.2f}]"
        )


def test_distrust_rises_in_march_2018_by_month(merged: list[MergedEvent]) -> None:
    points = _series(merged, Freq.MONTH)
    _show(points, Freq.MONTH)
    january, february, march, april = points
    assert january.events == february.events == 0
    assert january.distrust == february.distrust == 0.0
    assert march.events >= 20 and march.sources >= 6
    assert march.distrust > 0.8
    assert march.distrust_low > 0.3  # the whole band is above the quiet months' 0
    assert april.distrust_smooth > 0.5  # still high a month later, fading


def test_distrust_by_week_rises_with_the_expulsions(merged: list[MergedEvent]) -> None:
    points = _series(merged, Freq.WEEK)
    _show(points, Freq.WEEK)
    by_week = {p.period: p for p in points}
    quiet = [p for p in points if p.period < dt.date(2018, 3, 12)]
    assert quiet and all(p.events == 0 and p.distrust == 0.0 for p in quiet)
    uk = by_week[dt.date(2018, 3, 12)]  # Britain expels 23 (14 March); Russia answers (17th)
    collective = by_week[dt.date(2018, 3, 26)]  # 26-31 March: the collective expulsions
    assert uk.distrust > 0.8 and collective.distrust > 0.8
    assert collective.events > uk.events
    assert collective.distrust_smooth_low > 0.3


def test_relations_chart_is_written(merged: list[MergedEvent], store: Path) -> None:
    path = store.parent / "rus-wst-week.png"
    table = relation_series(
        merged, "RUS", "WST", rules=SeriesRules(freq=Freq.WEEK), start=JANUARY, end=APRIL
    )
    plot_relations(table, path, freq=Freq.WEEK)
    print(f"chart: {path}")
    assert path.read_bytes().startswith(b"\x89PNG")


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    """The commands as cli/app.py registers them."""
    app = typer.Typer()
    app.command("relations")(relations_command)
    app.command("rifts")(rifts_command)
    app.command("alignment")(alignment_command)
    return app


def _run(cli: typer.Typer, *args: str | Path) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_relations_json_is_the_library_answer(
    cli: typer.Typer, store: Path, merged: list[MergedEvent]
) -> None:
    out = _run(cli, "relations", "RUS", "GBR", "--freq", "day", "--db", store, "--json")
    with Store(store, read_only=True) as opened:
        events = opened.query_merged(MergedFilter(actor="RUS", modality="all"))
    table = relation_series(events, "RUS", "GBR", rules=SeriesRules(freq=Freq.DAY))
    assert json.loads(out) == [p.to_dict() for p in series_points(table)]


def test_relations_table_and_plot(cli: typer.Typer, store: Path) -> None:
    png = store.parent / "rus-gbr.png"
    out = _run(cli, "relations", "RUS", "GBR", "--freq", "week", "--db", store, "--plot", png)
    assert "RUS – GBR per week" in out and "2018-03-12" in out
    assert png.read_bytes().startswith(b"\x89PNG")


def test_rifts_and_alignment_commands(cli: typer.Typer, store: Path) -> None:
    rifts = json.loads(_run(cli, "rifts", "RUS", "--with", "WST", "--db", store, "--json"))
    assert isinstance(rifts, list)  # one month of data: no change of level to find
    out = _run(cli, "alignment", "--freq", "month", "--db", store)
    assert "+1 with WST, -1 with RUS" in out
    body = json.loads(_run(cli, "alignment", "--db", store, "--json", "--state", "AUT"))
    assert [(a["state"], a["held_back"] >= 1, a["score"] < 0) for a in body] == [
        ("AUT", True, True)
    ]


def test_the_rift_is_dated_and_explained(merged: list[MergedEvent]) -> None:
    rifts = find_rifts(
        merged, "RUS", "WST", series=SeriesRules(freq=Freq.WEEK), start=JANUARY, end=APRIL
    )
    for r in rifts:
        drivers = [(d.source, d.cameo, d.target, d.count, d.doc_ids) for d in r.drivers[:3]]
        print(f"{r.period} {r.kind} {r.before:+.2f} -> {r.after:+.2f} z {r.z:+.1f}: "
              f"{r.description}; drivers {drivers}")  # fmt: skip
    first = rifts[0]
    assert (first.period, first.kind) == (dt.date(2018, 3, 12), "rift")
    assert first.description == "largest rise in distrust on record (since 2018-01-01)"
    british = first.drivers[0]
    assert (british.source, british.cameo, british.target) == ("GBR", "161", "RUS")
    assert {"s001", "s002"} & set(british.doc_ids)
    assert all(r.kind != "thaw" for r in rifts)  # the end of the corpus reads "quiet"
