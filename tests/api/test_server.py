"""The server as a whole: health, JSON errors, OpenAPI, a store held by another process,
concurrent readers, and `riftwatch serve` itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from typer.testing import CliRunner

from riftwatch.api import create_app
from riftwatch.cli.app import app as cli
from riftwatch.store import Store
from tests.api.servers import Server, copy_store, free_port, serve

PATHS = {
    "/events": {"get"},
    "/events/{event_id}": {"get"},
    "/documents": {"post"},
    "/documents/{doc_id}": {"get"},
    "/actors": {"get"},
    "/coordination": {"get"},
    "/relations": {"get"},
    "/relations/matrix": {"get"},
    "/rifts": {"get"},
    "/health": {"get"},
}


def test_health_counts_the_store(api: httpx.Client, store: Store) -> None:
    body = api.get("/health").json()
    counts = store.counts()
    assert body["status"] == "ok" and body["writes"] is True
    assert (body["documents"], body["events"]) == (counts["documents"], counts["events"])
    assert body["merged_events"] > 0


def test_errors_are_json_never_html(api: httpx.Client) -> None:
    for method, path, status in [
        ("GET", "/no/such/page", 404),
        ("DELETE", "/events", 405),
        ("PUT", "/documents", 405),
        ("GET", "/events?limit=x", 422),
    ]:
        response = api.request(method, path)
        assert response.status_code == status
        assert response.headers["content-type"] == "application/json"
        assert set(response.json()["error"]) == {"code", "message"}


def test_openapi_describes_every_route_with_models(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    assert {path: set(ops) for path, ops in spec["paths"].items()} == PATHS
    events = spec["paths"]["/events"]["get"]["responses"]["200"]["content"]
    assert set(events) == {"application/json", "text/csv", "application/vnd.apache.parquet"}
    assert events["application/json"]["schema"] == {"$ref": "#/components/schemas/EventPage"}
    upload = spec["paths"]["/documents"]["post"]
    assert set(upload["requestBody"]["content"]) >= {"text/plain", "application/x-ndjson"}
    assert upload["security"] == [{"HTTPBearer": []}]
    assert {"EventRow", "MergedRow", "ErrorBody", "CoordinatedActionOut", "RiftOut"} <= set(
        spec["components"]["schemas"]
    )
    assert api.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_a_store_held_by_another_process_is_busy_then_served(
    pristine: Path, tmp_path: Path
) -> None:
    path = copy_store(pristine, tmp_path)
    command = [sys.executable, "-c", HOLD, str(path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
            with serve(create_app(path)) as url, httpx.Client(base_url=url) as client:
                busy = client.get("/events")
                assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
                assert busy.json()["error"]["code"] == "busy"
                assert "in use by another process" in busy.json()["error"]["message"]
                holder.terminate()
                holder.wait(timeout=30)
                assert client.get("/events").status_code == 200
        finally:
            holder.kill()


HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(60)
"""


def test_the_cli_and_a_running_server_share_the_store(pristine: Path, tmp_path: Path) -> None:
    path = copy_store(pristine, tmp_path)
    script = Path(sys.executable).with_name("riftwatch")
    with serve(create_app(path)) as url, httpx.Client(base_url=url) as client:
        assert client.get("/health").status_code == 200  # the server lets go of the store after
        result = subprocess.run(
            [str(script), "events", "--db", str(path), "--format", "jsonl"],
            capture_output=True,
            text=True,
        )
        assert client.get("/health").json()["documents"] == 34
        total = int(client.get("/events", params={"limit": 1}).headers["X-Total-Count"])
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == total


def test_concurrent_readers_get_the_same_answers(reader: Server) -> None:
    queries = [
        ("/events", {"actor": "RUS", "limit": "50"}),
        ("/events", {"merged": "true"}),
        ("/coordination", {"target": "RUS"}),
        ("/relations", {"a": "RUS", "b": "WST"}),
    ]
    with reader.client() as client:
        expected = [client.get(path, params=params).json() for path, params in queries]

    def ask(i: int) -> object:
        path, params = queries[i % len(queries)]
        with reader.client() as client:
            return client.get(path, params=params).json()

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(ask, range(48)))
    assert answers == [expected[i % len(queries)] for i in range(48)]


def test_serve_has_help() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert all(option in result.stdout for option in ("--db", "--host", "--port"))
    assert "RIFTWATCH_TOKEN" in result.stdout


def test_riftwatch_serve_answers_on_loopback(pristine: Path, tmp_path: Path) -> None:
    path = copy_store(pristine, tmp_path)
    port = free_port()
    script = Path(sys.executable).with_name("riftwatch")
    env = {**os.environ, "RIFTWATCH_TOKEN": "serve-token"}
    command = [str(script), "serve", "--db", str(path), "--port", str(port)]
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as server:
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
                health = _wait_for(client, server)
                assert health.json()["writes"] is True and health.json()["documents"] == 34
                plain = {"Content-Type": "text/plain"}
                assert client.post("/documents", content="x", headers=plain).status_code == 401
        finally:
            server.terminate()
            server.wait(timeout=30)
        assert server.stderr is not None and "uploads enabled" in server.stderr.read()


def _wait_for(client: httpx.Client, server: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return client.get("/health")
        except httpx.TransportError:
            assert time.monotonic() < deadline and server.poll() is None
            time.sleep(0.1)
