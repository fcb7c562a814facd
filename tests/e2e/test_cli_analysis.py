"""`riftwatch coordination` and `riftwatch largest` over a real store of the 2018 reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import riftwatch
from riftwatch.analysis import find_coordinated_actions
from riftwatch.cli.analysis import parse_window
from riftwatch.cli.app import app
from riftwatch.store import EventFilter, Store

CORPUS = Path(__file__).parents[1] / "data" / "reports-2018" / "reports.jsonl"

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "store.duckdb"
    results, failures = riftwatch.extract([CORPUS])
    assert not failures
    with Store(path) as store:
        for result in results:
            store.save_document(result.document, result.mentions, result.records())
    return path


def invoke(*args: str) -> typer.testing.Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_coordination_json_is_the_library_answer(db: Path) -> None:
    result = invoke("coordination", "--db", str(db), "--target", "rus", "--json")
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        records = store.query_events(EventFilter(modality="all", groups=True, min_confidence=0))
    expected = [a.to_dict() for a in find_coordinated_actions(records, target="RUS")]
    assert json.loads(result.stdout) == expected
    [expulsions] = [a for a in expected if a["action"] == "161"]
    assert expulsions["window"] == ["2018-03-14", "2018-03-28"]


def test_coordination_table(db: Path) -> None:
    result = invoke("coordination", "--db", str(db), "--target", "RUS", "--window", "2w")
    assert result.exit_code == 0, result.output
    assert "against RUS from 2018-03-14 to 2018-03-28" in result.stdout
    assert "Held back: AUT (negated)" in result.stdout
    assert "reactions by RUS" in result.stdout


def test_a_narrow_window_leaves_britain_out(db: Path) -> None:
    result = invoke("coordination", "--db", str(db), "--target", "RUS", "--window", "7d", "--json")
    [expulsions] = [a for a in json.loads(result.stdout) if a["action"] == "161"]
    assert expulsions["window"] == ["2018-03-26", "2018-03-28"]


def test_largest_ranks_the_event_and_its_action(db: Path) -> None:
    with Store(db, read_only=True) as store:
        [usa] = [
            r
            for r in store.query_events(EventFilter(source="USA", target="RUS"))
            if r.count == 60 and r.modality == "asserted"
        ]
    result = invoke("largest", usa.id[:10], "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert (body["event"]["rank"], body["event"]["largest_on_record"]) == (1, True)
    assert body["coordinated_action"]["largest_on_record"] is True
    text = invoke("largest", usa.id, "--db", str(db)).stdout
    assert "the largest on record" in text and "count 60" in text


@pytest.mark.parametrize(
    "args",
    [
        ("coordination", "--window", "soon"),
        ("largest", "no-such-event"),
        ("largest", ""),
    ],
)
def test_bad_usage_exits_2(db: Path, args: tuple[str, ...]) -> None:
    assert invoke(*args, "--db", str(db)).exit_code == 2


def test_windows_are_read_in_days_or_weeks() -> None:
    assert [parse_window(w) for w in ("14d", "2w", "10", " 3W ")] == [14, 14, 10, 21]


@pytest.mark.parametrize("command", ["coordination", "largest"])
def test_every_command_has_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "--db" in result.stdout
