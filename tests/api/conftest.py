"""The REST API as users meet it: uvicorn on loopback over a real DuckDB store that the real
pipeline built from the 2018 reports (tests/data/reports-2018/reports.jsonl).

`pristine` is the store as built; servers get copies of it, so tests can read the original
through the Python API (DuckDB lets one process write a file) and compare.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import riftwatch
from riftwatch.api import create_app
from riftwatch.store import Store
from tests.api.servers import CORPUS, TOKEN, Server, copy_store, serve


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store as `riftwatch.run` leaves it after coding and merging the 2018 reports."""
    path = tmp_path_factory.mktemp("api-store") / "reports.duckdb"
    with Store(path) as store:
        report = riftwatch.run([CORPUS], store=store)
    assert not report.failures and report.documents == 34
    return path


@pytest.fixture(scope="session")
def reader(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server no test writes to (uploads go to `writer`)."""
    path = copy_store(pristine, tmp_path_factory.mktemp("reader"))
    app = create_app(path, token=TOKEN)
    with serve(app) as url:
        yield Server(url, app, path)


@pytest.fixture
def writer(pristine: Path, tmp_path: Path) -> Iterator[Server]:
    """A server over a fresh copy of the store, for uploads."""
    path = copy_store(pristine, tmp_path / "writer")
    app = create_app(path, token=TOKEN)
    with serve(app) as url:
        yield Server(url, app, path)


@pytest.fixture
def api(reader: Server) -> Iterator[httpx.Client]:
    with reader.client() as client:
        yield client


@pytest.fixture
def store(pristine: Path) -> Iterator[Store]:
    """The Python API over the same data the reader serves."""
    with Store(pristine, read_only=True) as opened:
        yield opened
