"""Choose where pipeline batches are coded: here, on local worker processes, or on a Dask
cluster, and hand `pipeline.run` a `map` for it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from riftwatch.errors import RiftwatchError
from riftwatch.pipeline import BatchMapper

if TYPE_CHECKING:
    from distributed import Client

# How long to wait for a scheduler to answer and for its first worker to join.
CONNECT_TIMEOUT_S = 30


class ClusterError(RiftwatchError):
    """Worker processes could not be started, the Dask cluster could not be reached, or its
    workers cannot run riftwatch."""

    code = "RW600"


@contextmanager
def open_mapper(
    *, workers: int | None = None, scheduler: str | None = None
) -> Iterator[BatchMapper]:
    """A `map` for `pipeline.run`: on `workers` local processes, on the Dask cluster whose
    scheduler listens at `scheduler` ("tcp://HOST:PORT"), or the builtin `map`."""
    if scheduler is not None and workers is not None:
        raise ClusterError("give --workers (local processes) or --scheduler, not both")
    if workers is not None:
        from riftwatch.scale.pool import ProcessMapper

        pool = ProcessMapper(workers)
        try:
            yield pool
        finally:
            pool.close()
    elif scheduler is not None:
        from riftwatch.scale.batches import DaskMapper

        with ExitStack() as stack:
            yield DaskMapper(stack.enter_context(_client(scheduler)))
    else:
        yield map


@contextmanager
def _client(scheduler: str) -> Iterator[Client]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError(
            "Dask is not installed: pip install 'riftwatch[scale]' (dask and distributed)"
        ) from exc
    with ExitStack() as stack:
        try:
            connected = Client(scheduler, timeout=CONNECT_TIMEOUT_S)  # type: ignore[no-untyped-call]
            client = stack.enter_context(connected)
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, RuntimeError) as exc:
            raise ClusterError(f"cannot use the Dask cluster at {scheduler}: {exc}") from exc
        _check_workers(client)
        _warm_up(client)
        yield client


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
