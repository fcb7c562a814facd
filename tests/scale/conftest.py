"""Fixtures for the scale tests: generated articles, a reference single-process store, and a
snapshot of a store's tables to compare stores row for row.

Tests marked `slow` (2,000 documents) run only with RIFTWATCH_SLOW=1.
"""

from __future__ import annotations

import importlib.util
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from riftwatch import pipeline
from riftwatch.store import Store
from riftwatch.types import Document

ROOT = Path(__file__).parents[2]
Snapshot = dict[str, list[tuple[object, ...]]]
# Every stored column but the clock's (stored_at, applied_at): what a run wrote.
_TABLES = {
    "documents": "id, content_hash, title, published, url, origin, text, outlet",
    "mentions": "*",
    "events": "*",
    "merged_events": "*",
    "merged_mentions": "*",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("RIFTWATCH_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set RIFTWATCH_SLOW=1 to run")
    for item in items:
        if "slow" in item.keywords and Path(str(item.fspath)).is_relative_to(
            ROOT / "tests" / "scale"
        ):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def corpus() -> ModuleType:
    """benchmarks/corpus.py (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def articles(corpus: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 generated articles of about 250 words (long enough to be prefiltered)."""
    folder = tmp_path_factory.mktemp("articles")
    corpus.write_corpus(folder, 200, words=250, seed=8)
    return folder


def snapshot(db: Path) -> Snapshot:
    """Every table a run writes, sorted, clock columns left out."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
            for table, cols in _TABLES.items()
        }


def run_into(db: Path, paths: list[Path], **options: object) -> pipeline.RunReport:
    with Store(db) as store:
        return pipeline.run(paths, store=store, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def reference(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The store a single-process run writes for `articles`."""
    db = tmp_path_factory.mktemp("reference") / "single.duckdb"
    report = run_into(db, [articles])
    assert report.documents == 200 and not report.failures
    return snapshot(db)


SnapshotOf = Callable[[Path], Snapshot]


class KillingMapper:
    """`mapper`, but SIGKILLs the worker process `pid` when the `at`-th batch is handed out,
    while the batches before it are being coded."""

    def __init__(self, mapper: pipeline.BatchMapper, pid: int, at: int) -> None:
        self.mapper, self.pid, self.at = mapper, pid, at
        self.killed = False

    def __call__(
        self, fn: pipeline.BatchFunction, batches: Iterable[list[Document]]
    ) -> Iterator[list[pipeline.Result]]:
        return self.mapper(fn, self._kill_during(batches))

    def _kill_during(self, batches: Iterable[list[Document]]) -> Iterator[list[Document]]:
        for n, batch in enumerate(batches):
            if n == self.at:
                os.kill(self.pid, signal.SIGKILL)
                self.killed = True
            yield batch
