"""Incremental merging: 100,000 new events into a store that already holds 1,000,000.

Usage: .venv/bin/python benchmarks/bench_merge.py [--existing 1000000] [--new 100000]

Synthetic events are generated inside DuckDB (seconds, not minutes): real-world events between
120 actors, ten CAMEO codes and ten years, each reported about four times with the variations
the merge has to absorb (a day off, month precision, a story-date fallback, a missing count,
the odd negation); one document per report, 40 outlets. The new batch is 60 % follow-up
reports of stored events and 40 % reports of 10,000 new events. The baseline, measured in the
same run, is a plain INSERT of the same new rows into the events and documents tables.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import duckdb

from riftwatch.store import Store

_REAL = """
    CREATE OR REPLACE TABLE bench_real AS
    SELECT r,
        'A' || (hash(r, 's') % 120) AS source,
        'A' || ((hash(r, 's') % 120 + 1 + hash(r, 't') % 119) % 120) AS target,
        ['161', '163', '172', '112', '040', '051', '190', '130', '057', '111'][
            CAST(1 + hash(r, 'c') % 10 AS BIGINT)] AS cameo,
        CASE WHEN r < $old THEN DATE '2015-01-01' + CAST(hash(r, 'd') % 3650 AS INTEGER)
             ELSE DATE '2025-01-01' + CAST(hash(r, 'd') % 365 AS INTEGER) END AS day,
        CASE WHEN hash(r, 'n') % 2 = 0 THEN CAST(1 + hash(r, 'k') % 80 AS DOUBLE) END AS count
    FROM range($total) t(r)
"""
# Which real event report i is about: four per event for the stored ones; the new batch is
# 60 % follow-ups of stored events and 40 % reports of new events.
_REPORTS = """
    CREATE OR REPLACE TABLE bench_reports AS
    SELECT i, b.*, hash(i, 'v') % 20 AS variant,
        b.day + CAST(hash(i, 'p') % 3 AS INTEGER) AS published
    FROM (
        SELECT i, CASE
            WHEN i < $existing THEN i // 4
            WHEN i < $existing + $follow THEN hash(i, 'f') % ($existing // 4)
            ELSE $existing // 4 + (i - $existing - $follow) // 4 END AS r
        FROM range($existing + $new) t(i)
    ) pick JOIN bench_real b USING (r)
"""
_EVENT_ROWS = """
    SELECT 'e' || i AS id, 'd' || i AS doc_id, 0, 0, 80, 10, 17, 'expelled', 'synthetic',
        source, source, '', 'state', target, target, '', cameo, cameo[:2], -4.0, 4,
        'SANCTION', '',
        CASE WHEN variant = 9 THEN NULL ELSE count END,
        CASE WHEN count IS NULL OR variant = 9 THEN NULL ELSE 'exact' END, 'diplomat',
        CASE WHEN variant = 7 THEN strftime(day, '%Y-%m')
             WHEN variant = 8 THEN strftime(published, '%Y-%m-%d')
             WHEN variant = 6 THEN strftime(day + 1, '%Y-%m-%d')
             ELSE strftime(day, '%Y-%m-%d') END,
        CASE WHEN variant = 7 THEN 'month' ELSE 'day' END,
        variant = 8,
        CASE WHEN variant = 19 THEN 'negated' ELSE 'asserted' END,
        0.8, cameo IN ('040', '057'), 'bench'
    FROM bench_reports WHERE i >= $lo AND i < $hi
"""
_DOCUMENT_ROWS = """
    SELECT 'd' || i, '', '', published, 'https://www.outlet' || (i % 40) || '.com/' || i,
        'bench', '', now(), 'outlet' || (i % 40) || '.com'
    FROM bench_reports WHERE i >= $lo AND i < $hi
"""


def _generate(path: Path, existing: int, new: int) -> None:
    """Stored events and documents, plus the new batch staged in tables of its own."""
    follow = new * 6 // 10
    with duckdb.connect(str(path)) as con:
        con.execute(_REAL, {"old": existing // 4, "total": existing // 4 + new // 4 + 1})
        con.execute(_REPORTS, {"existing": existing, "follow": follow, "new": new})
        old = {"lo": 0, "hi": existing}
        con.execute(f"INSERT INTO documents {_DOCUMENT_ROWS}", old)
        con.execute(f"INSERT INTO events {_EVENT_ROWS}", old)
        fresh = {"lo": existing, "hi": existing + new}
        con.execute(f"CREATE TABLE bench_new_documents AS {_DOCUMENT_ROWS}", fresh)
        con.execute(f"CREATE TABLE bench_new_events AS {_EVENT_ROWS}", fresh)


def _insert_new(path: Path) -> float:
    """The baseline: store the new rows, with nothing else done to them."""
    with duckdb.connect(str(path)) as con:
        start = time.perf_counter()
        con.execute("BEGIN TRANSACTION")
        con.execute("INSERT INTO documents SELECT * FROM bench_new_documents")
        con.execute("INSERT INTO events SELECT * FROM bench_new_events")
        con.execute("COMMIT")
        return time.perf_counter() - start


def _merge(path: Path) -> tuple[float, int, int]:
    with Store(path) as store:
        start = time.perf_counter()
        report = store.merge_events()
        seconds = time.perf_counter() - start
    return seconds, report.mentions, report.events


def _merged_rows(path: Path) -> tuple[int, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(
            "SELECT (SELECT count(*) FROM merged_events), (SELECT count(*) FROM merged_mentions)"
        ).fetchone()
    assert row is not None
    return row[0], row[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--existing", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        Store(path).close()  # create the schema
        start = time.perf_counter()
        _generate(path, args.existing, args.new)
        print(f"generated {args.existing:,} + {args.new:,} events in {_since(start):.1f} s")
        setup, mentions, merged = _merge(path)
        print(f"setup: first merge of {mentions:,} events into {merged:,} in {setup:6.1f} s")
        insert = _insert_new(path)
        seconds, mentions, merged = _merge(path)
        idle, _, _ = _merge(path)
        total_events, links = _merged_rows(path)
        print(f"plain INSERT of {args.new:,} events (baseline)  {insert:6.2f} s")
        print(
            f"merge of {mentions:,} new events                {seconds:6.2f} s  "
            f"({seconds / insert:.0f}x the insert; {merged:,} merged events rewritten)"
        )
        print(f"merge with nothing new (the check every run pays) {idle:6.2f} s")
        print(f"store now: {links:,} merged mentions in {total_events:,} merged events")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB; target: merge under 60 s")


def _since(start: float) -> float:
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
