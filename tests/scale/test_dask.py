"""Runs on a Dask cluster write the store a single-process run writes, and survive a killed
worker (#8)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import dask
import pytest
from distributed import LocalCluster

from riftwatch import pipeline
from riftwatch.scale import open_mapper
from riftwatch.scale.batches import DaskMapper
from tests.scale.conftest import KillingMapper, Snapshot, run_into, snapshot

# As README advises for a cluster of one's own: one thread a worker, no profiler, and without
# the MALLOC_TRIM_THRESHOLD_ Dask's nannies set (it costs 13 ms of page faults an article).
DASK_SETTINGS = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A Dask cluster of two worker processes on this machine, as `dask worker` would start."""
    with (
        dask.config.set(DASK_SETTINGS),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as found,
    ):
        yield found


@pytest.fixture(scope="module")
def mapper(cluster: LocalCluster) -> Iterator[DaskMapper]:
    """A mapper on `cluster`, shared by the tests of this module."""
    with open_mapper(scheduler=cluster.scheduler_address) as found:
        assert isinstance(found, DaskMapper)
        yield found


def test_a_local_cluster_writes_what_one_process_writes(
    articles: Path, reference: Snapshot, mapper: DaskMapper, tmp_path: Path
) -> None:
    report = run_into(tmp_path / "dask.duckdb", [articles], mapper=mapper)
    assert (report.documents, report.failures) == (200, [])
    assert snapshot(tmp_path / "dask.duckdb") == reference


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
    killing = KillingMapper(mapper, victim, at=3)
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
