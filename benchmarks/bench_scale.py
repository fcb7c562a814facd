"""End-to-end speed, CPU and peak memory of `riftwatch run` in one process, on local worker
processes and on a Dask cluster, beside plain spaCy parsing of the same documents, in one run
(#8).

    .venv/bin/python benchmarks/bench_scale.py [--docs 1000] [--words 500] [--workers 2]
                                               [--rounds 3] [--modes spacy,riftwatch,...]
    .venv/bin/python benchmarks/bench_scale.py --stream 100000 [--workers 2]   # memory, long run

The articles come from benchmarks/corpus.py (deterministic by --seed) as JSONL files. Every
measurement runs in its own process, so its peak memory is its own: the peak of the summed RSS
of that process and all its descendants (workers, Dask scheduler and nannies), sampled every
0.2 s. Rates count from the first document read to the end of the merge; loading the model and
starting workers or a cluster are timed apart (`start s`). The riftwatch rows write a real
DuckDB store. `CPU ms/doc` is the CPU time of all those processes over the timed part, per
document: on a shared machine it moves much less than the rates do, and 1000 / (CPU ms/doc)
is what one free core would code a second.

With --rounds N the modes run N times, interleaved; the table shows the median rate, the
median of each round's ratio to that round's plain spaCy rate, and the load average (the
machine is shared) before each round.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402 - benchmarks/ is not a package

MODES = (
    "spacy",
    "spacy-2",
    "spacy-numpy",
    "riftwatch",
    "riftwatch-full",
    "riftwatch-workers",
    "riftwatch-dask",
)
LABELS = {
    "spacy": "plain spaCy, full parse, 1 process",
    "spacy-2": "plain spaCy, full parse, n_process={workers}",
    "spacy-numpy": "plain spaCy, full parse, numpy BLAS",
    "riftwatch": "riftwatch run, 1 process",
    "riftwatch-full": "riftwatch run --no-prefilter",
    "riftwatch-workers": "riftwatch run --workers {workers}",
    "riftwatch-dask": "riftwatch run --scheduler (Dask, {workers} w.)",
}
# A local Dask cluster set up as README advises for one's own: one thread a worker, no
# profiler, and without the MALLOC_TRIM_THRESHOLD_ that Dask's nannies set by default.
DASK_SETTINGS = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class Processes:
    """Samples this process and all its descendants: peak summed RSS, and CPU time."""

    def __init__(self, every_s: float = 0.2) -> None:
        self.peak = 0
        self.peaks: dict[str, int] = {}  # peak RSS by process kind
        self._every = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Processes:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def sample(self) -> int:
        total = 0
        self.now: dict[str, int] = {}  # summed RSS by process kind at this sample
        for proc in _family():
            try:
                rss = proc.memory_info().rss
                kind = _kind(proc)
            except psutil.Error:
                continue
            total += rss
            self.now[kind] = self.now.get(kind, 0) + rss
            self.peaks[kind] = max(self.peaks.get(kind, 0), rss)
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self.sample()


def cpu_seconds() -> float:
    """CPU time so far of this process, its live descendants and the children it has reaped."""
    me = psutil.Process().cpu_times()
    total = me.user + me.system + me.children_user + me.children_system
    for proc in _family()[1:]:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def _family() -> list[psutil.Process]:
    me = psutil.Process()
    return [me, *me.children(recursive=True)]


def _kind(proc: psutil.Process) -> str:
    if proc.pid == os.getpid():
        return "client"
    line = " ".join(proc.cmdline())
    if "resource_tracker" in line:
        return "tracker"
    return "worker" if "spawn" in line else "other"


def _texts(folder: Path) -> list[str]:
    return [
        json.loads(line)["text"]
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def measure(mode: str, folder: Path, workers: int) -> dict[str, Any]:
    """One measurement, in this process."""
    with Processes() as processes:
        if mode.startswith("spacy"):
            docs, seconds, cpu, start = _plain_spacy(folder, mode, workers)
            extra: dict[str, Any] = {}
        else:
            docs, seconds, cpu, start, extra = _riftwatch(folder, mode, workers)
    return {
        "docs": docs,
        "seconds": seconds,
        "start_s": start,
        "docs_per_s": docs / seconds,
        "cpu_ms_per_doc": 1000 * cpu / docs,
        "peak_mb": processes.peak / 2**20,
        **extra,
    }


def _plain_spacy(folder: Path, mode: str, workers: int) -> tuple[int, float, float, float]:
    import spacy
    from thinc.api import use_ops

    from riftwatch.nlp import MODEL_NAME
    from riftwatch.nlp.blas import OPS_NAME, OPS_OPTIONS, one_blas_thread

    began = time.perf_counter()
    if mode == "spacy-numpy":  # what nlp/blas.py does, and nothing else riftwatch does
        with use_ops(OPS_NAME, **OPS_OPTIONS):
            nlp = spacy.load(MODEL_NAME)
    else:
        nlp = spacy.load(MODEL_NAME)
    start = time.perf_counter() - began
    texts = _texts(folder)
    processes = workers if mode == "spacy-2" else 1
    cpu, began = cpu_seconds(), time.perf_counter()
    with one_blas_thread():
        for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
            pass
    return len(texts), time.perf_counter() - began, cpu_seconds() - cpu, start


def _riftwatch(
    folder: Path, mode: str, workers: int
) -> tuple[int, float, float, float, dict[str, Any]]:
    from riftwatch import pipeline
    from riftwatch.nlp import load_prefilter
    from riftwatch.store import Store

    began = time.perf_counter()
    if mode in ("riftwatch", "riftwatch-full"):
        load_prefilter()  # the model and lexicons; workers load their own
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(Path(tmp) / "bench.duckdb") as store,
        _mapper(mode, workers) as mapper,
    ):
        start = time.perf_counter() - began
        cpu, began = cpu_seconds(), time.perf_counter()
        report = pipeline.run(
            [folder], store=store, mapper=mapper, prefilter=mode != "riftwatch-full"
        )
        seconds, cpu = time.perf_counter() - began, cpu_seconds() - cpu
    assert report.events > 0 and not report.failures, report.failures[:3]
    return report.documents, seconds, cpu, start, {"events": report.events}


@contextmanager
def _mapper(mode: str, workers: int) -> Iterator[Any]:
    from riftwatch.scale import open_mapper

    if mode == "riftwatch-workers":
        with open_mapper(workers=workers) as mapper:
            yield mapper
    elif mode == "riftwatch-dask":
        import dask
        from distributed import LocalCluster

        with (
            dask.config.set(DASK_SETTINGS),
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            ) as cluster,
            open_mapper(scheduler=cluster.scheduler_address) as mapper,
        ):
            yield mapper
    else:
        yield map


def stream(folder: Path, docs: int, workers: int) -> None:
    """Code `docs` articles into one store, printing memory at every tenth."""
    from riftwatch import pipeline
    from riftwatch.scale import open_mapper
    from riftwatch.store import Store

    with Processes() as processes, tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        step = max(1, docs // 10)
        next_mark = [step]

        def on_progress(done: int, _total: int) -> None:
            if done >= next_mark[0]:
                next_mark[0] += step
                rate = done / (time.perf_counter() - began)
                now = processes.sample() / 2**20
                kinds = processes.now
                print(f"{done:7d} docs  {rate:5.1f} docs/s  RSS now {now:6.0f} MB (client "
                      f"{kinds.get('client', 0) / 2**20:4.0f}, workers "
                      f"{kinds.get('worker', 0) / 2**20:4.0f})  peak {processes.peak / 2**20:6.0f}"
                      f" MB  load {os.getloadavg()[0]:4.1f}", flush=True)  # fmt: skip

        with (
            Store(Path(tmp) / "stream.duckdb") as store,
            open_mapper(workers=workers or None) as mapper,
        ):
            report = pipeline.run([folder], store=store, mapper=mapper, on_progress=on_progress)
        size = (Path(tmp) / "stream.duckdb").stat().st_size / 2**20
        seconds = time.perf_counter() - began
    kinds = ", ".join(f"{k} {v / 2**20:.0f} MB" for k, v in sorted(processes.peaks.items()))
    print(
        f"{report.documents} documents, {report.events} events, {len(report.failures)} "
        f"failures, store {size:.0f} MB, {report.documents / seconds:.1f} docs/s overall; "
        f"peak memory {processes.peak / 2**20:.0f} MB (all processes; largest single "
        f"process of each kind: {kinds})"
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
    parser.add_argument("--rounds", type=int, default=1)
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
            print(f"{docs} articles of ~{args.words} words (seed {args.seed}), "
                  f"{args.workers or 'no'} worker processes, {os.cpu_count()} cores, "
                  f"load average {os.getloadavg()[0]:.1f} before the run", flush=True)  # fmt: skip
            stream(folder, args.stream, args.workers)
            return
        _table(folder, args)


def _table(folder: Path, args: argparse.Namespace) -> None:
    print(f"{args.docs} articles of ~{args.words} words (seed {args.seed}), "
          f"{os.cpu_count()} cores, {args.workers} workers")  # fmt: skip
    print(_kept_share(folder), flush=True)
    modes = args.modes.split(",")
    rounds: list[dict[str, dict[str, Any]]] = []
    for n in range(args.rounds):
        print(f"round {n + 1}: load average {os.getloadavg()[0]:.1f} before", flush=True)
        rounds.append({mode: _child(mode, folder, args.workers) for mode in modes})
    print(f"{'':46s} {'docs/s':>7s} {'vs spaCy':>8s} {'CPU ms/doc':>10s} {'peak MB':>8s} "
          f"{'start s':>7s}")  # fmt: skip
    for mode in modes:
        rates = [r[mode]["docs_per_s"] for r in rounds]
        ratios = [r[mode]["docs_per_s"] / r["spacy"]["docs_per_s"] for r in rounds if "spacy" in r]
        label = LABELS[mode].format(workers=args.workers)
        ratio = f"{statistics.median(ratios):7.2f}x" if ratios else ""
        spread = f" ({min(rates):.1f}-{max(rates):.1f})" if len(rates) > 1 else ""
        print(f"{label:46s} {statistics.median(rates):7.1f} {ratio:>8s} "
              f"{statistics.median(r[mode]['cpu_ms_per_doc'] for r in rounds):10.1f} "
              f"{max(r[mode]['peak_mb'] for r in rounds):8.0f} "
              f"{statistics.median(r[mode]['start_s'] for r in rounds):7.1f}{spread}")  # fmt: skip
    print(f"load average after the run: {os.getloadavg()[0]:.1f}")


def _child(mode: str, folder: Path, workers: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", mode, "--corpus", str(folder),
           "--workers", str(workers)]  # fmt: skip
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


if __name__ == "__main__":
    main()
