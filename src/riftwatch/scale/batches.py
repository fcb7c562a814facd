"""Pipeline batches as Dask tasks: a bounded window in flight, results back in order.

Workers only code; the client stores. A worker that dies takes no write with it: the scheduler
hands its tasks to another worker (the nanny restarts the dead one) and the client stores each
batch once, when its result arrives, so nothing is lost or doubled. A batch that still fails
(the scheduler gave up on it after repeated worker deaths) comes back as one Failure per
document, reported by name and left unstored, so that the next run codes it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from distributed import Client, Future
from distributed.diagnostics.plugin import WorkerPlugin

from riftwatch.pipeline import BatchFunction, Failure, Result
from riftwatch.scale.cluster import ClusterError
from riftwatch.types import Document


class DaskMapper:
    """`map(fn, batches)` on a Dask cluster, in order, with at most `window` batches out."""

    def __init__(self, client: Client, *, window: int | None = None) -> None:
        self.client = client
        # Two batches per worker thread: one running, one waiting while the client stores.
        threads = client.nthreads()  # type: ignore[no-untyped-call]
        self.window = window or max(2, 2 * sum(threads.values()))

    def __call__(
        self, fn: BatchFunction, batches: Iterable[list[Document]]
    ) -> Iterator[list[Result]]:
        pending: deque[tuple[Future[list[Result]], list[Document]]] = deque()
        for batch in batches:
            pending.append((self.client.submit(fn, batch, pure=False), batch))
            if len(pending) >= self.window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _result(future: Future[list[Result]], batch: list[Document]) -> list[Result]:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a lost batch is reported per document
        reason = f"worker failed, not stored (run again to code it): {exc!r}"
        return [Failure(d.origin or d.id, reason, ClusterError.code) for d in batch]


class WarmUp(WorkerPlugin):
    """Loads the spaCy model, the prefilter and the lexicons once when a worker starts."""

    def setup(self, worker: object) -> None:
        from riftwatch.coding.coder import code_document  # noqa: F401 - loads the coder's tables
        from riftwatch.nlp import load_prefilter
        from riftwatch.scale.pool import settle

        load_prefilter()
        settle()
