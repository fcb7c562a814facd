"""Connect to (or start) a Dask cluster and turn it into a `map` for `pipeline.run`."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from riftwatch.errors import RiftwatchError
from riftwatch.pipeline import BatchMapper

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

# How long to wait for a scheduler to answer and for its first worker to join.
CONNECT_TIMEOUT_S = 30


class ClusterError(RiftwatchError):
    """The Dask cluster could not be started or reached, or its workers cannot run riftwatch."""

    code = "RW600"


@contextmanager
def open_mapper(
    *, workers: int | None = None, scheduler: str | None = None
) -> Iterator[BatchMapper]:
    """A `map` for `pipeline.run`: on a local cluster of `workers` processes, on the cluster
    whose scheduler listens at `scheduler` ("tcp://HOST:PORT"), or the builtin `map`."""
    if scheduler is None and workers is None:
        yield map
        return
    if scheduler is not None and workers is not None:
        raise ClusterError("give --workers (a local cluster) or --scheduler, not both")
    from riftwatch.scale.batches import DaskMapper

    with ExitStack() as stack:
        client = stack.enter_context(_client(workers=workers, scheduler=scheduler))
        yield DaskMapper(client)


@contextmanager
def _client(*, workers: int | None, scheduler: str | None) -> Iterator[Client]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError(
            "Dask is not installed: pip install 'riftwatch[scale]' (dask and distributed)"
        ) from exc
    with ExitStack() as stack:
        try:
            if scheduler is None:
                cluster = stack.enter_context(_local_cluster(LocalCluster, workers or 1))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT_S))
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, RuntimeError) as exc:
            where = scheduler or f"a local cluster of {workers} workers"
            raise ClusterError(f"cannot use {where}: {exc}") from exc
        _check_workers(client)
        _warm_up(client)
        yield client


# Dask settings for the local cluster's processes. The statistical profiler and the long logs
# grew by about 10 MB per 1,000 articles in each worker over a long run (#8).
LOCAL_SETTINGS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.low-level-log-length": 100,
    "distributed.admin.log-length": 100,
}


def _local_cluster(factory: Any, workers: int) -> Any:
    """Worker processes (not threads: the parser holds the GIL), one thread each, restarted by
    their nanny if they die; no profiler."""
    import dask

    if workers < 1:
        raise ClusterError(f"--workers must be 1 or more, not {workers}")
    with dask.config.set(LOCAL_SETTINGS):  # the nannies hand this config to their workers
        return factory(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: never clash with another cluster on 8787
            silence_logs=logging.ERROR,
        )


def _check_workers(client: Client) -> None:
    """Every worker must import the same riftwatch as this process."""
    import riftwatch

    found = client.run(_riftwatch_version)
    wrong = {addr: version for addr, version in found.items() if version != riftwatch.__version__}
    if wrong:
        listed = ", ".join(f"{a} ({v or 'no riftwatch'})" for a, v in sorted(wrong.items()))
        raise ClusterError(f"workers need riftwatch {riftwatch.__version__} installed: {listed}")


def _riftwatch_version() -> str:
    try:
        import riftwatch
    except ImportError:
        return ""
    return riftwatch.__version__


def _warm_up(client: Client) -> None:
    """Load the model and lexicons on every worker now, and on workers that join later."""
    from riftwatch.scale.batches import WarmUp

    client.register_plugin(WarmUp(), name="riftwatch-warm-up")
