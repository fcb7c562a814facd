"""Pipeline batches on worker processes of this machine: `riftwatch run --workers N` (#8).

Workers only code; the calling process reads, skips and stores, as with Dask. On one machine a
pool of processes does the same as a local Dask cluster with less: no scheduler, nannies or
event loops, and no `dask` install. On the 2-core machine of #8 (benchmarks/bench_scale.py,
1,000 articles) two pool workers and their client spent 41.0 ms of CPU an article and held
911 MB at peak; a local Dask cluster of two workers, set up as README advises, 44.0 ms and
982 MB. So `--workers` is the local choice, and Dask the way out to other machines
(`--scheduler`).

A worker that dies (killed, out of memory, a crash in native code) breaks the whole pool and
every batch in flight with it. None of those batches was stored, so a new pool codes them
again, the first one alone: a batch that kills its worker twice is reported as one Failure per
document and left unstored, for the next run to code. Nothing is lost or stored twice.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.synchronize import Semaphore

from riftwatch.pipeline import BatchFunction, Failure, Result
from riftwatch.scale.cluster import ClusterError
from riftwatch.types import Document

# How long a worker may take to start and load the model and the lexicons.
START_TIMEOUT_S = 120


@dataclass(slots=True)
class _Task:
    batch: list[Document]
    future: Future[list[Result]]


class ProcessMapper:
    """`map(fn, batches)` on `workers` local processes, in order, at most `window` batches out."""

    def __init__(self, workers: int, *, window: int | None = None) -> None:
        if workers < 1:
            raise ClusterError(f"--workers must be 1 or more, not {workers}")
        self.workers = workers
        # Two batches per process: one being coded, one waiting while the caller stores.
        self.window = window or 2 * workers
        self._pool = self._start()

    def __call__(
        self, fn: BatchFunction, batches: Iterable[list[Document]]
    ) -> Iterator[list[Result]]:
        pending: deque[_Task] = deque()
        for batch in batches:
            pending.append(_Task(batch, self._pool.submit(fn, batch)))
            if len(pending) >= self.window:
                yield self._result(fn, pending)
        while pending:
            yield self._result(fn, pending)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _result(self, fn: BatchFunction, pending: deque[_Task]) -> list[Result]:
        task = pending.popleft()
        try:
            return task.future.result()
        except BrokenProcessPool:
            self._restart()
            results = self._alone(fn, task.batch)
            for other in pending:
                other.future = self._pool.submit(fn, other.batch)
            return results
        except Exception as exc:  # noqa: BLE001 - a lost batch is reported per document
            return _failures(task.batch, exc)

    def _alone(self, fn: BatchFunction, batch: list[Document]) -> list[Result]:
        """`batch` coded again, by itself on the new pool."""
        try:
            return self._pool.submit(fn, batch).result()
        except BrokenProcessPool as exc:
            self._restart()
            return _failures(batch, exc)
        except Exception as exc:  # noqa: BLE001 - as in _result
            return _failures(batch, exc)

    def _start(self) -> ProcessPoolExecutor:
        """A pool whose every worker has loaded the model and the lexicons."""
        # Fresh interpreters ("spawn"), not forks: the caller holds a DuckDB connection and
        # its threads, which a fork would copy mid-flight.
        context = multiprocessing.get_context("spawn")
        warm = context.Semaphore(0)
        pool = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=warm_up, initargs=(warm,)
        )
        # A task each before any is done makes the pool start every worker now.
        started = [pool.submit(_ready) for _ in range(self.workers)]
        try:
            for future in started:
                future.result(timeout=START_TIMEOUT_S)
            if not all(warm.acquire(timeout=START_TIMEOUT_S) for _ in range(self.workers)):
                raise TimeoutError(f"not ready after {START_TIMEOUT_S} s")
        except (BrokenProcessPool, TimeoutError) as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            raise ClusterError(f"worker processes cannot start riftwatch: {exc!r}") from exc
        return pool

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()


def warm_up(warm: Semaphore) -> None:
    """Load the spaCy model, the prefilter and the lexicons once, when a worker starts."""
    from riftwatch.coding.coder import code_document  # noqa: F401 - loads the coder's tables
    from riftwatch.nlp import load_prefilter

    load_prefilter()
    settle()
    warm.release()


def settle() -> None:
    """Leave what is loaded by now (the model, the lexicons: about 225,000 objects) out of the
    garbage collector's full passes, which otherwise walk all of it again and again: 0.6 ms of
    CPU an article (#8)."""
    gc.collect()
    gc.freeze()


def _ready() -> bool:
    return True


def _failures(batch: list[Document], exc: BaseException) -> list[Result]:
    reason = f"worker failed, not stored (run again to code it): {exc!r}"
    return [Failure(d.origin or d.id, reason, ClusterError.code) for d in batch]
