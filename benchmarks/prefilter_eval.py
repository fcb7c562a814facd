"""Coding quality with and without the parse prefilter, on every gold set, in one run.

    .venv/bin/python benchmarks/prefilter_eval.py [GOLD.jsonl ...]

Three columns per set: `off` parses every sentence; `on` is the default (documents longer than
WHOLE_DOCUMENT_CHARS prefiltered); `forced` prefilters every document, however short, which is
what the prefilter costs on a dense text. Also prints the events that differ from `off`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from riftwatch.evaluation import load_gold, score, scored_records
from riftwatch.pipeline import DocumentResult, process

# The module, not the function of the same name that riftwatch.nlp exports.
parse_module = importlib.import_module("riftwatch.nlp.parse")

DEFAULT_SETS = [
    "../shared/gold/dev.jsonl",
    "tests/data/gold-holdout.jsonl",
    "tests/data/gold-extra.jsonl",
    "tests/gold/part-a.jsonl",
    "tests/gold/part-b.jsonl",
    "tests/gold/part-c.jsonl",
]


def _records(gold_path: str, *, prefilter: bool, whole_below: int) -> list[dict]:
    parse_module.WHOLE_DOCUMENT_CHARS = whole_below
    gold = load_gold(gold_path)
    found = []
    for res in process((g.document for g in gold), prefilter=prefilter):
        if isinstance(res, DocumentResult):
            found.extend(r.to_dict() for r in res.records())
    return found


def _key(record: dict) -> tuple:
    return (
        record["doc_id"],
        record["source"],
        record["target"],
        record["cameo"],
        record["modality"],
        record["date"],
        record["count"],
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", default=DEFAULT_SETS)
    args = parser.parse_args()
    default = parse_module.WHOLE_DOCUMENT_CHARS
    modes = {"off": (False, default), "on": (True, default), "forced": (True, 0)}
    print(f"{'set':34s} " + " ".join(f"{m + ' F1':>9s}" for m in modes) + "  differing events")
    for path in args.sets:
        if not Path(path).exists():
            print(f"{path}: missing", file=sys.stderr)
            continue
        gold = load_gold(path)
        runs = {m: _records(path, prefilter=p, whole_below=w) for m, (p, w) in modes.items()}
        f1 = {m: score(gold, scored_records(r)).overall.f1 for m, r in runs.items()}
        base = {_key(r) for r in runs["off"]}
        diffs = {m: len(base ^ {_key(r) for r in runs[m]}) for m in ("on", "forced")}
        print(
            f"{path:34s} "
            + " ".join(f"{f1[m]:9.4f}" for m in modes)
            + f"  on {diffs['on']}, forced {diffs['forced']}"
        )
    parse_module.WHOLE_DOCUMENT_CHARS = default


if __name__ == "__main__":
    main()
