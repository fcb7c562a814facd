"""`riftwatch events --merged` and `riftwatch merge` on a real store file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from riftwatch.store import MergedFilter, Store
from tests.e2e.test_cli import riftwatch

REPORTS = Path(__file__).parents[1] / "data" / "merge" / "reports.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("merged")
    db = folder / "store.duckdb"
    result = riftwatch("run", REPORTS, "--db", db, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "merged into" in result.stdout
    return db


def test_json_is_the_library_answer(store: Path) -> None:
    result = riftwatch(
        "events",
        "--merged",
        "--json",
        "--target",
        "RUS",
        "--root",
        "16",
        "--db",
        store,
        cwd=store.parent,
    )
    assert result.returncode == 0, result.stderr
    with Store(store, read_only=True) as opened:
        expected = [e.to_dict() for e in opened.query_merged(MergedFilter(target="RUS", root="16"))]
    assert json.loads(result.stdout) == expected
    assert [(e["source"], e["documents"], e["count"]["value"]) for e in expected] == [
        ("GBR", 3, 23),
        ("USA", 2, 60),
        ("POL", 2, 4),
        ("POL", 2, 45),
    ]


def test_table_shows_documents_sources_count_and_date(store: Path) -> None:
    result = riftwatch("events", "--merged", "--actor", "GBR", "--db", store, cwd=store.parent)
    assert result.returncode == 0, result.stderr
    british = next(line for line in result.stdout.splitlines() if "GBR" in line and "RUS" in line)
    cells = [cell.strip() for cell in british.split("│") if cell.strip()]
    assert cells[1:3] == ["2018-03-14", "day"]
    assert cells[6:9] == ["23", "3", "3"]


def test_merge_again_finds_nothing_new(store: Path) -> None:
    result = riftwatch("merge", "--db", store, cwd=store.parent)
    assert result.returncode == 0, result.stderr
    assert "Nothing new to merge" in result.stdout


def test_csv_is_refused_for_merged_events(store: Path) -> None:
    result = riftwatch("events", "--merged", "--format", "csv", "--db", store, cwd=store.parent)
    assert result.returncode == 2
