"""Coordinated actions over a large history: records per second and peak memory.

Usage: .venv/bin/python benchmarks/bench_coordination.py [--records 500000] [--waves 200]

Synthetic records cover 150 actors, ten CAMEO codes and ten years. They are mostly scattered
background events, with `--waves` bursts in which 10-30 actors take the same action against
one target within a fortnight. Refusals (5 %), group claims (2 %) and the target's reactions
are mixed in. The baseline, measured in the same run, is one pass that groups the same records
by (target, code) and sorts each group by day. That is the least work any window search over
them must do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time
from collections import defaultdict
from dataclasses import replace

from riftwatch.actors.membership import load_membership
from riftwatch.analysis import find_coordinated_actions
from riftwatch.analysis.cues import load_cues
from riftwatch.events.records import EventRecord

CODES = ["161", "163", "172", "112", "040", "051", "190", "130", "057", "111"]
ACTORS = [f"A{i:03d}" for i in range(150)]
START = dt.date(2015, 1, 1)

BASE = EventRecord(
    "", "", 0, 0, 80, 10, 18, "expelled", "A000 expelled diplomats over the attack.", "", "",
    "", "state", None, None, "", "161", "16", -4.0, 4, "REDUCE", "", None, None, None, None,
    "day", False, "asserted", 0.9, False, "bench",
)  # fmt: skip


def _record(
    rng: random.Random, i: int, source: str, target: str | None, day: dt.date, **kw: object
) -> EventRecord:
    cameo = str(kw.pop("cameo", rng.choice(CODES)))
    count = float(rng.randint(1, 60)) if rng.random() < 0.6 else None
    fields: dict[str, object] = {
        "id": f"e{i}", "doc_id": f"d{i // 3}", "source": source, "source_name": source,
        "target": target, "target_name": target, "cameo": cameo, "root": cameo[:2],
        "count": count, "count_qualifier": "exact" if count else None, "date": day.isoformat(),
    }  # fmt: skip
    fields.update(kw)
    return replace(BASE, **fields)  # type: ignore[arg-type]


def synthetic(n: int, waves: int, seed: int = 7) -> list[EventRecord]:
    """`n` records: background events, `waves` coordinated bursts, refusals, claims, reactions."""
    rng = random.Random(seed)
    rows: list[EventRecord] = []
    per_wave = n // (4 * max(waves, 1))
    for w in range(waves):
        target, cameo = rng.choice(ACTORS), rng.choice(CODES)
        first = START + dt.timedelta(days=rng.randrange(3650))
        for _ in range(per_wave):
            source = rng.choice(ACTORS[:30])
            day = first + dt.timedelta(days=rng.randrange(14))
            rows.append(_record(rng, len(rows), source, target, day, cameo=cameo))
        rows.append(_record(rng, len(rows), "WST", target, first, cameo=cameo, source_kind="group"))
        rows.append(_record(rng, len(rows), target, ACTORS[w % 30], first, cameo=cameo))
    while len(rows) < n:
        source, target = rng.sample(ACTORS, 2)
        day = START + dt.timedelta(days=rng.randrange(3650))
        roll = rng.random()
        modality = "negated" if roll < 0.05 else "asserted"
        kind = "group" if 0.05 <= roll < 0.07 else "state"
        rows.append(
            _record(rng, len(rows), source, target, day, modality=modality, source_kind=kind)
        )
    return rows


def baseline(rows: list[EventRecord]) -> None:
    groups: dict[tuple[str | None, str], list[EventRecord]] = defaultdict(list)
    for r in rows:
        groups[(r.target, r.cameo)].append(r)
    for group in groups.values():
        group.sort(key=lambda r: r.date or "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=500_000)
    parser.add_argument("--waves", type=int, default=200)
    args = parser.parse_args()
    load_cues(), load_membership()  # read once, outside the timings
    rows = synthetic(args.records, args.waves)
    start = time.perf_counter()
    baseline(rows)
    base = time.perf_counter() - start
    start = time.perf_counter()
    actions = find_coordinated_actions(rows)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(rows):,} records: {len(actions):,} coordinated actions in {took:.2f} s "
        f"({len(rows) / took:,.0f} records/s); baseline group-and-sort {base:.2f} s "
        f"({took / base:.1f}x); peak RSS {peak:,.0f} MiB"
    )


if __name__ == "__main__":
    main()
