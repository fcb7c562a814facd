"""Benchmark: every monthly dyad series for 1,000,000 synthetic events.

Prints the time `riftwatch.analysis.relations.dyad_series` takes (directed and undirected)
beside two baselines over the same Arrow table in the same run: a plain DuckDB GROUP BY
(source, target, month) with counts and Goldstein sums, and the same with pyarrow's
group_by. The baselines sum; dyad_series also weighs, counts distinct outlets, fills empty
months, smooths and computes indices and bands. Target: under 10 s. It also times building
the event table from Python EventRecords (the path from `Store.query_events`), which is
separate from the series computation.

    .venv/bin/python benchmarks/bench_relations.py [--events 1000000] [--seed 7]
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable

import duckdb
import numpy as np
import pyarrow as pa

from riftwatch.analysis.event_table import EVENT_SCHEMA, event_table
from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import SeriesRules, dyad_series
from riftwatch.coding.cameo import load_cameo_table
from riftwatch.events.records import EventRecord

ACTORS = 60
OUTLETS = 40
FIRST_DAY = 10957  # 2000-01-01
DAYS = 25 * 365
CODES = ["010", "036", "040", "042", "043", "057", "061", "071", "084", "112", "111",
         "120", "130", "138", "161", "163", "172", "174", "190", "016"]  # fmt: skip


def synthetic_events(n: int, seed: int) -> pa.Table:
    """`n` events of EVENT_SCHEMA between ACTORS state-like codes over 25 years."""
    rng = np.random.default_rng(seed)
    codes = np.array([f"A{i:02d}" for i in range(ACTORS)])
    source = rng.integers(0, ACTORS, n)
    target = (source + rng.integers(1, ACTORS, n)) % ACTORS
    cameo = rng.integers(0, len(CODES), n)
    table = load_cameo_table()
    quad = np.array([table.action(c).quad_class for c in CODES], dtype=np.int8)[cameo]
    goldstein = np.array([table.action(c).goldstein for c in CODES])[cameo]
    count = np.where(rng.random(n) < 0.3, rng.integers(1, 61, n).astype(float), np.nan)
    lengths = rng.integers(1, 4, n)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    outlet_values = pa.array(
        np.char.add("outlet", rng.integers(0, OUTLETS, offsets[-1]).astype(str))
    )
    doc_values = pa.array(np.char.add("d", np.arange(offsets[-1]).astype(str)))
    columns = {
        "id": pa.array(np.char.add("e", np.arange(n).astype(str))),
        "source": pa.array(codes[source]),
        "target": pa.array(codes[target]),
        "cameo": pa.array(np.array(CODES)[cameo]),
        "quad_class": pa.array(quad),
        "goldstein": pa.array(goldstein),
        "count": pa.array(count, from_pandas=True),
        "day": pa.array((FIRST_DAY + rng.integers(0, DAYS, n)).astype(np.int32)).cast(pa.date32()),
        "precision": pa.array(np.zeros(n, dtype=np.int8)),
        "symmetric": pa.array(np.isin(np.array(CODES)[cameo], ["036", "040", "057", "190"])),
        "outlets": pa.ListArray.from_arrays(pa.array(offsets), outlet_values),
        "doc_ids": pa.ListArray.from_arrays(pa.array(offsets), doc_values),
    }
    return pa.table(columns, schema=EVENT_SCHEMA)


def as_records(events: pa.Table) -> list[EventRecord]:
    """The same events as EventRecords, as `Store.query_events` returns them."""
    return [
        EventRecord(
            id=row["id"], doc_id=row["doc_ids"][0], sentence=0, start=0, end=0,
            trigger_start=0, trigger_end=0, trigger="", evidence="", source=row["source"],
            source_name="", source_sector="", source_kind="state", target=row["target"],
            target_name="", target_sector="", cameo=row["cameo"], root=row["cameo"][:2],
            goldstein=row["goldstein"], quad_class=row["quad_class"], plover="",
            plover_mode="", count=row["count"], count_qualifier=None, count_unit=None,
            date=row["day"].isoformat(), date_precision="day", date_fallback=False,
            modality="asserted", confidence=0.9, symmetric=row["symmetric"], rule="bench",
        )
        for row in events.to_pylist()
    ]  # fmt: skip


def duckdb_baseline(events: pa.Table) -> int:
    con = duckdb.connect()
    con.register("events", events)
    rows = con.execute(
        "SELECT source, target, date_trunc('month', day) AS month, count(*), "
        "sum(goldstein), sum(CASE WHEN quad_class >= 3 THEN 1 ELSE 0 END) "
        "FROM events GROUP BY ALL"
    ).fetchall()
    con.close()
    return len(rows)


def arrow_baseline(events: pa.Table) -> int:
    days = events["day"].cast(pa.int32()).to_numpy()
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    keyed = events.select(["source", "target", "goldstein"]).append_column(
        "month", pa.array(months)
    )
    grouped = keyed.group_by(["source", "target", "month"]).aggregate(
        [("goldstein", "sum"), ("goldstein", "count")]
    )
    return int(grouped.num_rows)


def timed(name: str, run: Callable[[], int], repeat: int = 3) -> float:
    run()  # warm-up: imports, lexicon loading, first allocation
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    best, mean = min(times), sum(times) / len(times)
    print(f"{name:<44} {best:7.2f} s best, {mean:7.2f} s mean of {repeat}  ({rows:,} rows)")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", type=int, default=100_000, help="for event_table")
    args = parser.parse_args()
    start = time.perf_counter()
    events = synthetic_events(args.events, args.seed)
    print(f"{args.events:,} synthetic events built in {time.perf_counter() - start:.2f} s")
    monthly = SeriesRules(freq=Freq.MONTH)
    timed("baseline: DuckDB GROUP BY source, target, month", lambda: duckdb_baseline(events))
    timed("baseline: pyarrow group_by source, target, month", lambda: arrow_baseline(events))
    directed = timed(
        "dyad_series, monthly, directed",
        lambda: dyad_series(events, rules=monthly, directed=True).num_rows,
    )
    undirected = timed(
        "dyad_series, monthly, undirected",
        lambda: dyad_series(events, rules=monthly, directed=False).num_rows,
    )
    records = as_records(events.slice(0, args.records))
    timed(
        f"event_table from {len(records):,} EventRecords",
        lambda: event_table(records).num_rows,
        repeat=1,
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = "PASS" if max(directed, undirected) < 10 else "FAIL"
    print(f"peak RSS {peak:.0f} MiB; target < 10 s for all monthly dyad series: {verdict}")


if __name__ == "__main__":
    main()
