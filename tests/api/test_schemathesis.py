"""schemathesis against /openapi.json: generated requests find no server error, and answers
match the published schema. Examples per operation are bounded to keep `make test` quick."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from riftwatch.api import create_app
from riftwatch.store import Store
from tests.api.servers import TOKEN, Server, auth, copy_store, serve
from tests.api.test_server import PATHS

READ_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,  # the same requests every run: a failure here is a bug, not bad luck
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="session")
def upload_server(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    path = copy_store(pristine, tmp_path_factory.mktemp("fuzz-uploads"))
    app = create_app(path, token=TOKEN)
    with serve(app) as url:
        yield Server(url, app, path)


@pytest.fixture(scope="session")
def read_schema(reader: Server) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{reader.url}/openapi.json")


@pytest.fixture(scope="session")
def upload_schema(upload_server: Server) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{upload_server.url}/openapi.json")


# schemathesis's own pytest plugin (from_fixture) does not run under pytest 9, so each
# operation is a parametrized test that draws cases from schemathesis's strategy.
@pytest.mark.parametrize("path", sorted(p for p, methods in PATHS.items() if "get" in methods))
def test_reads_never_fail_and_match_the_schema(
    read_schema: schemathesis.BaseSchema, path: str
) -> None:
    @FUZZ
    @given(case=read_schema[path]["GET"].as_strategy())
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=READ_CHECKS)

    check()


def test_uploads_with_the_token_never_fail(upload_schema: schemathesis.BaseSchema) -> None:
    @FUZZ
    @given(case=upload_schema["/documents"]["POST"].as_strategy())
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=auth(), checks=[not_a_server_error])

    check()


def test_the_fuzzed_store_is_still_whole(upload_server: Server) -> None:
    with upload_server.client() as client:
        health = client.get("/health").json()
    assert health["status"] == "ok" and health["documents"] >= 34
    upload_server.app.state.access.close()
    with Store(upload_server.store, read_only=True) as store:
        assert store.counts()["documents"] == health["documents"]
