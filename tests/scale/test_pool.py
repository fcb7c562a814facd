"""Runs on local worker processes (`--workers N`) write the store a single-process run writes,
and survive a killed worker (#8)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import psutil
import pytest

from riftwatch import pipeline
from riftwatch.scale import ClusterError, open_mapper
from riftwatch.scale.pool import ProcessMapper
from tests.scale.conftest import KillingMapper, Snapshot, run_into, snapshot


@pytest.fixture(scope="module")
def mapper() -> Iterator[ProcessMapper]:
    """Two worker processes, shared by the tests of this module."""
    with open_mapper(workers=2) as found:
        assert isinstance(found, ProcessMapper)
        yield found


def _worker_pids() -> list[int]:
    """The pool's worker processes: spawned children of this process."""
    return sorted(
        child.pid
        for child in psutil.Process().children()
        if "spawn_main" in " ".join(child.cmdline())
    )


def test_worker_processes_write_what_one_process_writes(
    articles: Path, reference: Snapshot, mapper: ProcessMapper, tmp_path: Path
) -> None:
    report = run_into(tmp_path / "pool.duckdb", [articles], mapper=mapper)
    assert (report.documents, report.failures) == (200, [])
    assert snapshot(tmp_path / "pool.duckdb") == reference


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
    articles: Path,
    reference: Snapshot,
    mapper: ProcessMapper,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 10)  # 20 batches, so the kill lands mid-run
    before = _worker_pids()
    assert before
    killing = KillingMapper(mapper, before[0], at=3)
    report = run_into(tmp_path / "killed.duckdb", [articles], mapper=killing)
    assert killing.killed
    assert (report.documents, report.failures) == (200, [])
    assert snapshot(tmp_path / "killed.duckdb") == reference
    assert not set(before) & set(_worker_pids())  # a new pool took the broken one's place


def test_the_cli_codes_on_worker_processes(
    articles: Path, reference: Snapshot, tmp_path: Path
) -> None:
    db = tmp_path / "cli.duckdb"
    exe = Path(sys.executable).parent / "riftwatch"
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(
        [str(exe), "run", str(articles), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert snapshot(db) == reference


def test_no_workers_is_bad_usage() -> None:
    with pytest.raises(ClusterError, match="1 or more"), open_mapper(workers=0):
        pass


@pytest.mark.slow
def test_two_thousand_documents_on_worker_processes_equal_one_process(
    corpus: ModuleType, mapper: ProcessMapper, tmp_path: Path
) -> None:
    corpus.write_corpus(tmp_path / "articles", 2_000, words=500, seed=2000)
    single = run_into(tmp_path / "single.duckdb", [tmp_path / "articles"])
    pool = run_into(tmp_path / "pool.duckdb", [tmp_path / "articles"], mapper=mapper)
    assert single.documents == pool.documents == 2_000
    assert snapshot(tmp_path / "pool.duckdb") == snapshot(tmp_path / "single.duckdb")
