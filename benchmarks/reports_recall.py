"""Recall of the coder on the reference mentions of the event-merging corpus.

`tests/data/reports/` holds 144 multi-outlet reports and, for each of 65 real events, the
(report, source, target, root) tuples under which a reader finds it: 187 mentions written
without looking at riftwatch. They are not exhaustive, so only recall can be measured: the
share of mentions the coder reports (a joint act, root 04-06, matches either way round).

    .venv/bin/python benchmarks/reports_recall.py [--misses]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "tests" / "data" / "reports"
_EITHER_WAY = frozenset({"04", "05", "06"})


def predicted() -> dict[str, set[tuple[str, str | None, str]]]:
    """(source, target, root) of every reported event, by report id."""
    from riftwatch.evaluation import scored_records
    from riftwatch.pipeline import DocumentResult, process
    from riftwatch.types import Document

    rows = [json.loads(line) for line in (REPORTS / "reports.jsonl").open(encoding="utf-8")]
    docs = [
        Document(id=r["id"], text=r["text"], published=dt.date.fromisoformat(r["date"]))
        for r in rows
    ]
    found: dict[str, set[tuple[str, str | None, str]]] = defaultdict(set)
    for result in process(docs):
        if isinstance(result, DocumentResult):
            for record in scored_records([r.to_dict() for r in result.records()]):
                found[record["doc_id"]].add(
                    (record["source"], record["target"], record["cameo"][:2])
                )
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list the mentions not found")
    args = parser.parse_args()
    found = predicted()
    reference = [json.loads(line) for line in (REPORTS / "reference.jsonl").open()]
    total, hits = Counter(), Counter()
    for event in reference:
        for report, source, target, root in event["reports"]:
            total[root] += 1
            mine = found[report]
            hit = (source, target, root) in mine or (
                root in _EITHER_WAY and (target, source, root) in mine
            )
            hits[root] += hit
            if args.misses and not hit:
                print(f"miss {report}: {source}->{target} {root} ({event['description']})")
    print(
        f"recall {sum(hits.values())}/{sum(total.values())} = "
        f"{sum(hits.values()) / sum(total.values()):.3f}"
    )
    print("by root: " + ", ".join(f"{r} {hits[r]}/{total[r]}" for r in sorted(total)))


if __name__ == "__main__":
    main()
