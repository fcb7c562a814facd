"""End-to-end speed and peak memory of `riftwatch run`, one process and on a local Dask
cluster, beside plain spaCy parsing of the same documents, in one run (#8).

    .venv/bin/python benchmarks/bench_scale.py [--docs 1000] [--words 500] [--workers 2]
    .venv/bin/python benchmarks/bench_scale.py --stream 10000   # memory over a long run

The articles come from benchmarks/corpus.py (deterministic by --seed) as JSONL files. Every
measurement runs in its own process, so its peak memory is its own; for the Dask run it is the
peak of the sum over the client, the scheduler and the worker processes (sampled). Rates count
from the first document read to the end of the merge; model loading and cluster start-up are
timed apart (`start s`). The riftwatch rows write a real DuckDB store.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402 - benchmarks/ is not a package

MODES = ("spacy", "spacy-2", "riftwatch", "riftwatch-full", "riftwatch-dask")
LABELS = {
    "spacy": "plain spaCy, full parse, 1 process",
    "spacy-2": "plain spaCy, full parse, n_process=2",
    "riftwatch": "riftwatch run, 1 process",
    "riftwatch-full": "riftwatch run --no-prefilter, 1 process",
    "riftwatch-dask": "riftwatch run --workers {workers}",
}


class PeakMemory:
    """Samples the summed RSS of this process and all its descendants."""

    def __init__(self, every_s: float = 0.2) -> None:
        self.peak = 0
        self._every = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def sample(self) -> int:
        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self.sample()


def _texts(folder: Path) -> list[str]:
    return [
        json.loads(line)["text"]
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def measure(mode: str, folder: Path, workers: int) -> dict[str, Any]:
    """One measurement, in this process."""
    with PeakMemory() as memory:
        begin = time.perf_counter()
        if mode.startswith("spacy"):
            docs, seconds, start = _plain_spacy(folder, processes=2 if mode == "spacy-2" else 1)
            extra: dict[str, Any] = {}
        else:
            docs, seconds, start, extra = _riftwatch(folder, mode, workers)
        total = time.perf_counter() - begin
    return {
        "docs": docs,
        "seconds": seconds,
        "start_s": start,
        "total_s": total,
        "docs_per_s": docs / seconds,
        "peak_mb": memory.peak / 2**20,
        **extra,
    }


def _plain_spacy(folder: Path, *, processes: int) -> tuple[int, float, float]:
    import spacy

    from riftwatch.nlp import MODEL_NAME

    began = time.perf_counter()
    nlp = spacy.load(MODEL_NAME)
    start = time.perf_counter() - began
    texts = _texts(folder)
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return len(texts), time.perf_counter() - began, start


def _riftwatch(folder: Path, mode: str, workers: int) -> tuple[int, float, float, dict[str, Any]]:
    from riftwatch import pipeline
    from riftwatch.nlp import load_prefilter
    from riftwatch.scale import open_mapper
    from riftwatch.store import Store

    began = time.perf_counter()
    load_prefilter()  # the model and lexicons
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        with open_mapper(workers=workers if mode == "riftwatch-dask" else None) as mapper:
            start = time.perf_counter() - began
            began = time.perf_counter()
            report = pipeline.run(
                [folder], store=store, mapper=mapper, prefilter=mode != "riftwatch-full"
            )
            seconds = time.perf_counter() - began
    assert report.events > 0 and not report.failures, report.failures[:3]
    return report.documents, seconds, start, {"events": report.events}


def stream(folder: Path, docs: int, workers: int) -> None:
    """Code `docs` articles into one store, printing memory at every tenth."""
    from riftwatch import pipeline
    from riftwatch.scale import open_mapper
    from riftwatch.store import Store

    with PeakMemory() as memory, tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        step = max(1, docs // 10)
        next_mark = [step]

        def on_progress(done: int, _total: int) -> None:
            if done >= next_mark[0]:
                next_mark[0] += step
                rate = done / (time.perf_counter() - began)
                now = memory.sample() / 2**20
                print(f"{done:7d} docs  {rate:5.1f} docs/s  RSS now {now:7.0f} MB  "
                      f"peak {memory.peak / 2**20:7.0f} MB", flush=True)  # fmt: skip

        with (
            Store(Path(tmp) / "stream.duckdb") as store,
            open_mapper(workers=workers or None) as mapper,
        ):
            report = pipeline.run([folder], store=store, mapper=mapper, on_progress=on_progress)
        size = (Path(tmp) / "stream.duckdb").stat().st_size / 2**20
    print(
        f"{report.documents} documents, {report.events} events, store {size:.0f} MB; "
        f"peak memory {memory.peak / 2**20:.0f} MB (all processes)"
    )


def _kept_share(folder: Path, sample: int = 200) -> str:
    """How much of the corpus the prefilter keeps (the rest is never parsed)."""
    from riftwatch.nlp import load_prefilter

    prefilter = load_prefilter()
    sentences = kept = chars = parsed = 0
    for text in _texts(folder)[:sample]:
        selection = prefilter.select(text)
        sentences, kept = sentences + selection.sentences, kept + selection.kept
        chars += len(text)
        parsed += sum(p.end - p.start for p in selection.pieces)
    return (
        f"prefilter keeps {kept / sentences:.0%} of the sentences; with their context it "
        f"parses {parsed / chars:.0%} of the text (first {sample} articles)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--stream", type=int, default=0, help="Only the memory run, N docs.")
    parser.add_argument("--child", choices=MODES)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.corpus, args.workers)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        docs = args.stream or args.docs
        write_corpus(folder, docs, words=args.words, seed=args.seed)
        if args.stream:
            stream(folder, args.stream, args.workers)
            return
        _table(folder, args)


def _table(folder: Path, args: argparse.Namespace) -> None:
    load = os.getloadavg()[0]
    print(f"{args.docs} articles of ~{args.words} words (seed {args.seed}), "
          f"{os.cpu_count()} cores, load average {load:.1f} before the run")  # fmt: skip
    print(_kept_share(folder))
    rows = {}
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, "--child", mode, "--corpus", str(folder),
               "--workers", str(args.workers)]  # fmt: skip
        done = subprocess.run(cmd, check=True, capture_output=True, text=True)
        rows[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    base = rows.get("spacy", {}).get("docs_per_s")
    print(f"{'':42s} {'docs/s':>7s} {'vs spaCy':>8s} {'peak MB':>8s} {'start s':>8s}")
    for mode, r in rows.items():
        label = LABELS[mode].format(workers=args.workers)
        ratio = f"{r['docs_per_s'] / base:7.2f}x" if base else ""
        print(f"{label:42s} {r['docs_per_s']:7.1f} {ratio:>8s} {r['peak_mb']:8.0f} "
              f"{r['start_s']:8.1f}")  # fmt: skip
    print(f"load average after the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
