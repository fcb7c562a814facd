"""Speed and peak memory of `riftwatch extract` beside plain spaCy parsing of the same documents.

Each measurement runs in its own process so peak RSS is its own. Usage:
    .venv/bin/python benchmarks/bench_extract.py [--docs 400] [PATH ...]
PATH defaults to examples/; its documents are repeated (with a distinct id) up to --docs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from dataclasses import replace


def _documents(paths: list[str], n: int) -> list:
    from riftwatch.pipeline import read_documents

    docs, _ = read_documents(paths)
    return [replace(docs[i % len(docs)], id=f"bench-{i}") for i in range(n)]


def _measure(mode: str, paths: list[str], n: int) -> dict[str, float]:
    documents = _documents(paths, n)
    start = time.perf_counter()
    if mode == "spacy":  # stock spaCy: riftwatch's load_model() multiplies faster (nlp/blas.py)
        import spacy

        from riftwatch.nlp import MODEL_NAME

        for _ in spacy.load(MODEL_NAME).pipe((d.text for d in documents), batch_size=16):
            pass
    else:
        from riftwatch.pipeline import process

        events = sum(len(r.events) for r in process(documents) if hasattr(r, "events"))
        assert events > 0, "the benchmark corpus produced no events"
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"docs": n, "seconds": seconds, "docs_per_s": n / seconds, "peak_rss_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=["examples/"])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--child", choices=["spacy", "riftwatch"])
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.child, args.paths, args.docs)))
        return
    rows = {}
    for mode in ("spacy", "riftwatch"):
        cmd = [sys.executable, __file__, "--child", mode, "--docs", str(args.docs), *args.paths]
        rows[mode] = json.loads(
            subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        )
    for mode, r in rows.items():
        print(
            f"{mode:10s} {r['docs']:5d} docs  {r['seconds']:7.2f} s  "
            f"{r['docs_per_s']:7.1f} docs/s  peak RSS {r['peak_rss_mb']:7.1f} MB"
        )
    ratio = rows["riftwatch"]["docs_per_s"] / rows["spacy"]["docs_per_s"]
    print(f"riftwatch extract runs at {ratio:.0%} of plain spaCy parsing speed")


if __name__ == "__main__":
    main()
