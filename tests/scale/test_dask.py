"""Dask runs write the store a single-process run writes, and survive a killed worker (#8)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from riftwatch import pipeline
from riftwatch.pipeline import BatchFunction, Result
from riftwatch.scale import open_mapper
from riftwatch.scale.batches import DaskMapper
from riftwatch.types import Document
from tests.scale.conftest import Snapshot, run_into, snapshot


@pytest.fixture(scope="module")
def mapper() -> Iterator[DaskMapper]:
    """A local cluster of two worker processes, shared by the tests of this module."""
    with open_mapper(workers=2) as found:
        assert isinstance(found, DaskMapper)
        yield found


def test_a_local_cluster_writes_what_one_process_writes(
    articles: Path, reference: Snapshot, mapper: DaskMapper, tmp_path: Path
) -> None:
    report = run_into(tmp_path / "dask.duckdb", [articles], mapper=mapper)
    assert (report.documents, report.failures) == (200, [])
    assert snapshot(tmp_path / "dask.duckdb") == reference


class _KillingMapper:
    """`mapper`, but SIGKILLs the worker process `pid` when the `at`-th batch is handed out,
    while the batches before it are being coded."""

    def __init__(self, mapper: DaskMapper, pid: int, at: int) -> None:
        self.mapper, self.pid, self.at = mapper, pid, at
        self.killed = False

    def __call__(
        self, fn: BatchFunction, batches: Iterable[list[Document]]
    ) -> Iterator[list[Result]]:
        return self.mapper(fn, self._kill_during(batches))

    def _kill_during(self, batches: Iterable[list[Document]]) -> Iterator[list[Document]]:
        for n, batch in enumerate(batches):
            if n == self.at:
                os.kill(self.pid, signal.SIGKILL)
                self.killed = True
            yield batch


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
    articles: Path,
    reference: Snapshot,
    mapper: DaskMapper,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 10)  # 20 batches, so the kill lands mid-run
    before = mapper.client.run(os.getpid)
    victim = sorted(before.values())[0]
    killing = _KillingMapper(mapper, victim, at=3)
    report = run_into(tmp_path / "killed.duckdb", [articles], mapper=killing)
    assert killing.killed
    assert (report.documents, report.failures) == (200, [])
    assert snapshot(tmp_path / "killed.duckdb") == reference
    # The nanny brought a new worker process up in the dead one's place.
    mapper.client.wait_for_workers(2, timeout=60)
    assert victim not in mapper.client.run(os.getpid).values()


def test_the_cli_codes_on_an_existing_cluster(
    articles: Path, reference: Snapshot, mapper: DaskMapper, tmp_path: Path
) -> None:
    address = mapper.client.scheduler.address
    db = tmp_path / "cli.duckdb"
    done = _riftwatch("run", articles, "--db", db, "--scheduler", address)
    assert done.returncode == 0, done.stderr
    assert snapshot(db) == reference
    again = _riftwatch("run", articles, "--db", db, "--scheduler", address)
    assert again.returncode == 0 and "200 already stored" in again.stdout
    assert snapshot(db) == reference


def test_workers_and_scheduler_together_are_bad_usage(tmp_path: Path) -> None:
    done = _riftwatch("run", tmp_path, "--workers", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert done.returncode == 2
    assert "not both" in done.stderr


@pytest.mark.slow
def test_two_thousand_documents_on_dask_equal_one_process(
    corpus: ModuleType, mapper: DaskMapper, tmp_path: Path
) -> None:
    corpus.write_corpus(tmp_path / "articles", 2_000, words=500, seed=2000)
    single = run_into(tmp_path / "single.duckdb", [tmp_path / "articles"])
    dask = run_into(tmp_path / "dask.duckdb", [tmp_path / "articles"], mapper=mapper)
    assert single.documents == dask.documents == 2_000
    assert snapshot(tmp_path / "dask.duckdb") == snapshot(tmp_path / "single.duckdb")


def _riftwatch(*args: str | Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "riftwatch"
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [str(exe), *map(str, args)], capture_output=True, text=True, env=env, timeout=600
    )
