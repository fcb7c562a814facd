"""GET /events on a store of 1,000,000 events: p50 and p95 through the REST API, beside the
same query through the Python API (`Store.events_table` + `Store.count_events`).

Usage: .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--rounds 50]

The store is generated inside DuckDB in seconds: 100,000 documents from 40 outlets over 15
years, ten events each between 150 actors (RUS, USA, GBR ... and A10-A149), ten CAMEO codes,
mostly facts, some month-precision dates, a few group claims; a merged event per four events.
The server is `riftwatch serve` in its own process; one client sends each query `--rounds`
times over one keep-alive connection after two warm-up requests (target: p95 <= 100 ms),
then four clients ask at once. On a shared machine, other work's load shows in the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import httpx

from riftwatch.store import EventFilter, MergedFilter, Store

_NAMED = "['RUS', 'USA', 'GBR', 'CHN', 'FRA', 'DEU', 'UKR', 'IRN', 'ISR', 'TUR']"


def _actor(number: str) -> str:
    """SQL naming actor `number` (0-149): ten real codes, then A10 ... A149."""
    return f"CASE WHEN {number} < 10 THEN {_NAMED}[{number} + 1] ELSE 'A' || {number} END"


_CAMEO = "['161', '163', '172', '112', '040', '051', '190', '130', '057', '111']"
_DOCUMENTS = """
    INSERT INTO documents (id, content_hash, title, published, url, origin, text, outlet)
    SELECT 'd' || lpad(i::VARCHAR, 7, '0'), '', 'Story ' || i,
        DATE '2010-01-01' + CAST(hash(i, 'p') % 5475 AS INTEGER),
        'https://www.outlet' || (i % 40) || '.com/' || i, 'bench', 'synthetic text',
        'outlet' || (i % 40) || '.com'
    FROM range($documents) t(i)
"""
_EVENTS = f"""
    INSERT INTO events
    SELECT md5(i::VARCHAR)[:20],
        'd' || lpad((i // 10)::VARCHAR, 7, '0'), i % 10, 0, 120, 10, 18, 'expelled',
        'A synthetic sentence about an expulsion.',
        s.source, s.source, 'GOV', CASE WHEN hash(i, 'g') % 50 = 0 THEN 'group' ELSE 'state' END,
        s.target, s.target, 'GOV', s.cameo, s.cameo[:2], -4.0, 4, 'SANCTION', 'withdraw',
        CASE WHEN hash(i, 'n') % 2 = 0 THEN CAST(1 + hash(i, 'k') % 80 AS DOUBLE) END,
        'exact', 'diplomat',
        CASE WHEN hash(i, 'm') % 10 = 0 THEN strftime(s.day, '%Y-%m')
             ELSE strftime(s.day, '%Y-%m-%d') END,
        CASE WHEN hash(i, 'm') % 10 = 0 THEN 'month' ELSE 'day' END, false,
        ['asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'announced',
         'negated', 'hypothetical', 'asserted'][CAST(1 + hash(i, 'q') % 10 AS BIGINT)],
        0.5 + (hash(i, 'c') % 50) / 100.0, false, 'bench'
    FROM (
        SELECT i, CAST(hash(i, 's') % 150 AS BIGINT) AS k,
            CAST((hash(i, 's') % 150 + 1 + hash(i, 't') % 149) % 150 AS BIGINT) AS k2,
            {_CAMEO}[CAST(1 + hash(i, 'a') % 10 AS BIGINT)] AS cameo,
            DATE '2010-01-01' + CAST(hash(i // 10, 'p') % 5475 AS INTEGER) AS day
        FROM range($events) t(i)
    ) r, LATERAL (SELECT {_actor("k")} AS source, {_actor("k2")} AS target,
        r.cameo AS cameo, r.day AS day) s
"""
_MERGED = """
    INSERT INTO merged_events
    SELECT 'm' || e.id, 'b' || (row_number() OVER () % 5000), source, target, cameo, root,
        plover, plover_mode, modality, false, date, date_precision, false, count,
        count_qualifier, count, count, 1 + hash(e.id, 'd') % 4, 1 + hash(e.id, 'o') % 3, 4,
        published, published
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE e.sentence % 4 = 0 AND e.source_kind = 'state'
"""
CONCURRENT = "actor=RUS, 4 clients at once"
QUERIES = {
    "first page, no filter": {},
    "actor=RUS": {"actor": "RUS"},
    "target=RUS root=16": {"target": "RUS", "root": "16"},
    "source=USA in 2018": {"source": "USA", "start": "2018-01-01", "end": "2018-12-31"},
    "actor=A77 cameo=161 all modalities": {"actor": "A77", "cameo": "161", "modality": "all"},
    "merged target=RUS min_sources=2": {"merged": "true", "target": "RUS", "min_sources": "2"},
    "actor=RUS page 40 via cursor": {"actor": "RUS", "cursor": None},
    "actor=GBR limit=1000 parquet": {"actor": "GBR", "limit": "1000", "format": "parquet"},
}


def generate(path: Path, events: int) -> None:
    Store(path).close()  # the schema, by the store's own migrations
    with duckdb.connect(str(path)) as con:
        con.execute(_DOCUMENTS, {"documents": events // 10 + 1})
        con.execute(_EVENTS, {"events": events})
        con.execute(_MERGED)
        con.execute("CHECKPOINT")


def as_filter(params: dict[str, str | None]) -> EventFilter | MergedFilter:
    """The Python API's filter for the query's parameters (limit 100 unless given)."""
    shared = {k: params[k] for k in ("actor", "source", "target", "root", "cameo") if k in params}
    limit = int(params.get("limit") or 100) + 1
    dates = {k: dt.date.fromisoformat(v) for k in ("start", "end") if (v := params.get(k))}
    modality = params.get("modality")
    if params.get("merged"):
        return MergedFilter(**shared, **dates, limit=limit, min_sources=2, modality=modality)
    after = params.get("cursor")
    return EventFilter(**shared, **dates, limit=limit, modality=modality, after=after)


def deep_cursor(store: Store) -> str:
    """The id of the last row of page 39 of actor=RUS (or of the last page, in a small
    store), where the next page starts."""
    offset = min(39 * 100, store.count_events(EventFilter(actor="RUS"))) - 1
    page = store.events_table(EventFilter(actor="RUS", limit=1, offset=offset))
    return str(page["id"][0].as_py())


def timed(run: Callable[[], object], rounds: int) -> tuple[float, float]:
    for _ in range(2):
        run()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def python_api(path: Path, rounds: int) -> dict[str, tuple[float, float]]:
    figures = {}
    with Store(path, read_only=True) as store:
        for name, params in QUERIES.items():
            where = as_filter(params)
            if isinstance(where, MergedFilter):
                figures[name] = timed(
                    lambda w=where: (store.merged_table(w), store.count_merged(w)), rounds
                )
            else:
                figures[name] = timed(
                    lambda w=where: (store.events_table(w), store.count_events(w)), rounds
                )
    return figures


def rest_api(path: Path, rounds: int) -> dict[str, tuple[float, float]]:
    port = _free_port()
    script = Path(sys.executable).with_name("riftwatch")
    server = subprocess.Popen(
        [str(script), "serve", "--db", str(path), "--port", str(port)],
        stderr=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "RIFTWATCH_TOKEN"},
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            _wait(client)
            figures = {}
            for name, params in QUERIES.items():
                query = {k: v for k, v in params.items() if v is not None}

                def get(query: dict[str, str] = query) -> None:
                    client.get("/events", params=query).raise_for_status()

                figures[name] = timed(get, rounds)
            figures[CONCURRENT] = concurrent(client.base_url, rounds)
            return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def concurrent(base_url: httpx.URL, rounds: int, clients: int = 4) -> tuple[float, float]:
    """p50 and p95 of actor=RUS while `clients` clients ask at once (Python API: n/a)."""

    def one_client(_: int) -> list[float]:
        times = []
        with httpx.Client(base_url=base_url, timeout=30) as client:
            for _ in range(rounds):
                start = time.perf_counter()
                client.get("/events", params={"actor": "RUS"}).raise_for_status()
                times.append((time.perf_counter() - start) * 1000)
        return times

    with ThreadPoolExecutor(max_workers=clients) as pool:
        times = sorted(t for batch in pool.map(one_client, range(clients)) for t in batch)
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        generate(path, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s")
        with Store(path, read_only=True) as store:
            QUERIES["actor=RUS page 40 via cursor"]["cursor"] = deep_cursor(store)
        baseline = python_api(path, args.rounds)
        served = rest_api(path, args.rounds)
    print(f"{'GET /events query':38} {'REST p50':>9} {'p95':>7}   {'Python p50':>10} {'p95':>7}")
    for name in QUERIES:
        (p50, p95), (b50, b95) = served[name], baseline[name]
        print(f"{name:38} {p50:7.1f}ms {p95:5.1f}ms   {b50:8.1f}ms {b95:5.1f}ms")
    p50, p95 = served[CONCURRENT]
    print(f"{CONCURRENT:38} {p50:7.1f}ms {p95:5.1f}ms")
    worst = max(served[name][1] for name in QUERIES)
    print(f"worst REST p95 of one client {worst:.1f} ms; target <= 100 ms")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(client: httpx.Client) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if client.get("/health").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not answer /health within 60 s")


if __name__ == "__main__":
    main()
