"""The REST server, a `riftwatch run` and 50 API clients on one store at the same time (#9).

The server opens the store only while requests use it and hands it over under steady load
(api/access.py); the CLI retries for the lock (cli/stores.py). So every answer is either right
or a clear busy error (503, Retry-After, JSON code "busy"), the CLI run finishes, and the
store afterwards holds exactly the seed documents, the CLI's documents and the uploads the
server said it stored: none lost, none doubled.

Default: 50 clients x 8 requests. RIFTWATCH_SLOW=1: 50 clients x 40 requests. The figures
(answers ok / busy / errors, p95 latency) are printed; run with `-s` to see them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import httpx
import pytest

import riftwatch
from riftwatch.store import Store
from tests.api.servers import CORPUS, TOKEN, auth, free_port

CLIENTS = 50
REQUESTS = 40 if os.environ.get("RIFTWATCH_SLOW") == "1" else 8
SEED, CLI_DOCS = 8, 4  # the corpus's first 8 reports are stored first, the next 4 by the CLI
MAX_ATTEMPTS = 60  # a request answered busy is tried again, after Retry-After, this often
COUNTRIES = ("Poland", "Latvia", "Estonia", "Lithuania", "Denmark", "Norway", "Finland", "Ireland")
RIFTWATCH = Path(sys.executable).with_name("riftwatch")


@dataclass
class Tally:
    """Every answer the clients got, and how long each took."""

    requests: int = 0
    ok: int = 0
    busy: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=dict)  # per route, answered ok
    busy_seconds: list[float] = field(default_factory=list)
    stored: dict[str, list[str]] = field(default_factory=dict)  # upload id -> its event ids
    lock: threading.Lock = field(default_factory=threading.Lock)

    def figures(self) -> str:
        """Answers per route with their median and 95th percentile times."""
        rows = [("all", sum(self.seconds.values(), []) + self.busy_seconds)]
        rows += [*self.seconds.items(), ("busy answers", self.busy_seconds)]
        return "\n".join(f"  {name}: {len(times)}, {_percentiles(times)}" for name, times in rows)


@dataclass(frozen=True)
class Expected:
    """Answers that concurrent writes cannot change: the seed documents' own event rows."""

    by_doc: dict[str, object]  # doc id -> GET /events?doc_id= body
    by_event: dict[str, object]  # event id -> GET /events/{id} "event"


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """A store holding the first SEED reports of the 2018 corpus, coded and merged."""
    records = CORPUS.read_text(encoding="utf-8").splitlines()
    (tmp_path / "seed.jsonl").write_text("\n".join(records[:SEED]) + "\n", encoding="utf-8")
    (tmp_path / "cli.jsonl").write_text(
        "\n".join(records[SEED : SEED + CLI_DOCS]) + "\n", encoding="utf-8"
    )
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        report = riftwatch.run([tmp_path / "seed.jsonl"], store=store)
    assert report.documents == SEED and not report.failures
    return db


def test_server_cli_and_fifty_clients_share_one_store(seeded: Path) -> None:
    tally = Tally()
    with _riftwatch_serve(seeded) as url:
        expected = _expected(url)
        cli, cli_done, output = _start_cli(seeded)
        started = time.monotonic()
        try:
            with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
                work = [
                    pool.submit(_client, url, n, expected, tally, cli_done) for n in range(CLIENTS)
                ]
                for done in work:
                    done.result()
        finally:
            if not cli_done.wait(timeout=300):
                cli.kill()
        elapsed = time.monotonic() - started
        stdout, stderr = output
        with httpx.Client(base_url=url, timeout=60) as client:
            assert client.get("/health").status_code == 200
    answers = tally.ok + tally.busy + len(tally.errors)
    print(
        f"\nconcurrency: {CLIENTS} clients, {tally.requests} requests, {answers} answers: "
        f"{tally.ok} ok, {tally.busy} busy, {len(tally.errors)} errors; "
        f"{len(tally.stored)} uploads stored; {elapsed:.1f} s; CLI exit {cli.returncode}\n"
        + tally.figures()
    )
    assert not tally.errors, tally.errors[:5]
    assert tally.ok == tally.requests >= CLIENTS * REQUESTS  # each got its answer in the end
    assert cli.returncode == 0, stderr
    assert f"{CLI_DOCS} documents coded" in " ".join(stdout.split()), stdout
    _check_store(seeded, tally)


def test_a_command_that_cannot_get_the_store_says_so_and_exits_3(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    Store(db).close()
    hold = (
        "import sys, time, duckdb; con = duckdb.connect(sys.argv[1]); "
        "print('held', flush=True); time.sleep(60)"
    )
    with subprocess.Popen(
        [sys.executable, "-c", hold, str(db)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            started = time.monotonic()
            result = subprocess.run(
                [str(RIFTWATCH), "merge", "--db", str(db)],
                capture_output=True,
                text=True,
                env={**os.environ, "RIFTWATCH_STORE_WAIT": "1"},
            )
            waited = time.monotonic() - started
        finally:
            holder.kill()
    assert result.returncode == 3
    assert "in use by another process" in " ".join(result.stderr.split())
    assert waited >= 1
    with duckdb.connect(str(db), read_only=True) as con:  # and the store is as it was
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)


@contextmanager
def _riftwatch_serve(db: Path) -> Iterator[str]:
    """`riftwatch serve` over `db` in its own process, stopped (and its store closed) after."""
    port = free_port()
    command = [str(RIFTWATCH), "serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "RIFTWATCH_TOKEN": TOKEN}
    log = (db.parent / "server.log").open("w")  # a pipe nobody reads could fill and block it
    with log, subprocess.Popen(command, env=env, stderr=log, text=True) as server:
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(url, server)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=60)


def _wait_until_up(url: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=10).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
        time.sleep(0.1)


def _start_cli(db: Path) -> tuple[subprocess.Popen[str], threading.Event, list[str]]:
    """`riftwatch run` of the CLI documents; the event is set, and the list holds its stdout
    and stderr, once it has exited."""
    command = [str(RIFTWATCH), "run", str(db.parent / "cli.jsonl"), "--db", str(db)]
    env = {**os.environ, "RIFTWATCH_STORE_WAIT": "120", "COLUMNS": "200"}
    cli = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    done, output = threading.Event(), []

    def watch() -> None:
        output.extend(cli.communicate(timeout=300))
        done.set()

    threading.Thread(target=watch, daemon=True).start()
    return cli, done, output


def _expected(url: str) -> Expected:
    with httpx.Client(base_url=url, timeout=60) as client:
        ids = [json.loads(line)["id"] for line in CORPUS.read_text().splitlines()[:SEED]]
        by_doc = {d: client.get("/events", params=_doc_query(d)).json() for d in ids}
        events = [row["id"] for body in by_doc.values() for row in body["events"]][:20]
        by_event = {e: client.get(f"/events/{e}").json()["event"] for e in events}
    assert events, "the seed documents hold no events"
    return Expected(by_doc, by_event)


def _doc_query(doc_id: str) -> dict[str, str]:
    return {"doc_id": doc_id, "modality": "all", "groups": "true"}


def _client(
    url: str, number: int, expected: Expected, tally: Tally, cli_done: threading.Event
) -> None:
    """One client: REQUESTS requests and on until the CLI run is over (so the two overlap),
    1 in 10 an upload, the rest reads of three kinds."""
    docs, events = list(expected.by_doc), list(expected.by_event)
    with httpx.Client(base_url=url, timeout=120) as client:
        n = 0
        while n < REQUESTS or not cli_done.is_set():
            n += 1
            kind = (number * REQUESTS + n) % 10
            if kind == 9:
                _upload(client, number, n, tally)
            elif kind in (7, 8):
                _ask(client, tally, lambda: client.get("/coordination"), _is_list)
            elif kind in (4, 5, 6):
                event = events[(number + n) % len(events)]
                want = expected.by_event[event]
                _ask(client, tally, lambda e=event: client.get(f"/events/{e}"), _event_is(want))
            else:
                doc = docs[(number + n) % len(docs)]
                want = expected.by_doc[doc]
                _ask(
                    client,
                    tally,
                    lambda d=doc: client.get("/events", params=_doc_query(d)),
                    lambda body, w=want: body == w,
                )


def _upload(client: httpx.Client, number: int, n: int, tally: Tally) -> None:
    doc_id = f"w{number:02d}-{n:04d}"
    country = COUNTRIES[number % len(COUNTRIES)]
    record = {
        "id": doc_id,
        "date": f"2018-04-{1 + n % 28:02d}",
        "title": f"{country} expels Russian diplomats",
        "text": f"{country} expelled {number + 2} Russian diplomats on Monday, its foreign "
        "ministry said.",
    }

    def post() -> httpx.Response:
        return client.post(
            "/documents",
            content=json.dumps(record) + "\n",
            headers={**auth(), "Content-Type": "application/x-ndjson"},
        )

    def stored(body: object) -> bool:
        assert isinstance(body, dict)
        outcome = body["documents"][0]
        with tally.lock:
            assert doc_id not in tally.stored, f"{doc_id} stored twice"
            tally.stored[doc_id] = list(outcome["events"])
        return outcome["status"] == "stored" and outcome["id"] == doc_id

    _ask(client, tally, post, stored)


def _ask(
    client: httpx.Client,
    tally: Tally,
    send: Callable[[], httpx.Response],
    right: Callable[[object], bool],
) -> None:
    """Send until answered (a busy answer is retried after Retry-After); tally each answer."""
    with tally.lock:
        tally.requests += 1
    for _ in range(MAX_ATTEMPTS):
        started = time.monotonic()
        response = send()
        seconds = time.monotonic() - started
        problem = _problem(response, right)
        with tally.lock:
            if problem == "busy":
                tally.busy += 1
                tally.busy_seconds.append(seconds)
            elif problem:
                tally.errors.append(problem)
            else:
                tally.ok += 1
                tally.seconds.setdefault(_route(response), []).append(seconds)
        if problem != "busy":
            return
        time.sleep(float(response.headers["Retry-After"]))
    with tally.lock:
        tally.errors.append(f"still busy after {MAX_ATTEMPTS} attempts")


def _problem(response: httpx.Response, right: Callable[[object], bool]) -> str:
    """ "" for a right answer, "busy" for a proper busy answer, else what is wrong."""
    where = f"{response.request.method} {response.request.url.path}"
    if response.status_code == 503:
        busy = response.json()["error"]["code"] == "busy"
        if busy and response.headers.get("Retry-After", "").isdigit():
            return "busy"
    if response.status_code != 200:
        return f"{where}: {response.status_code} {response.text[:200]}"
    return "" if right(response.json()) else f"{where}: wrong answer {response.text[:200]}"


def _route(response: httpx.Response) -> str:
    parts = response.request.url.path.split("/")
    return f"{response.request.method} /{parts[1]}" + ("/{id}" if len(parts) > 2 else "")


def _percentiles(seconds: list[float]) -> str:
    ordered = sorted(seconds) or [0.0]
    p50, p95 = (1000 * ordered[int(q * (len(ordered) - 1))] for q in (0.5, 0.95))
    return f"p50 {p50:.0f} ms, p95 {p95:.0f} ms"


def _is_list(body: object) -> bool:
    return isinstance(body, list)


def _event_is(want: object) -> Callable[[object], bool]:
    return lambda body: isinstance(body, dict) and body["event"] == want


def _check_store(db: Path, tally: Tally) -> None:
    """The store opens and holds exactly seed + CLI + stored uploads, each once."""
    records = [json.loads(line) for line in CORPUS.read_text().splitlines()]
    wanted = {r["id"] for r in records[: SEED + CLI_DOCS]} | set(tally.stored)
    with duckdb.connect(str(db), read_only=True) as con:
        docs = [row[0] for row in con.execute("SELECT id FROM documents").fetchall()]
        events = con.execute("SELECT id, doc_id FROM events").fetchall()
        linked = con.execute("SELECT event_id FROM merged_mentions").fetchall()
    assert sorted(docs) == sorted(wanted)  # none lost, none doubled, nothing else
    assert len(events) == len({e for e, _ in events})
    assert len(linked) == len(set(linked))
    for doc_id, ids in tally.stored.items():
        assert sorted(e for e, d in events if d == doc_id) == sorted(ids)
    with Store(db) as store:  # merging again finds nothing left to merge
        assert store.merge_events().mentions == 0
