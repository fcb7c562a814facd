"""How commands open the store: waiting a while for a server or another run to let go.

DuckDB lets one process at a time hold a store file to write (or any number to read only).
`riftwatch serve` holds it only while requests use it, so a command on the same store tries
again for up to RIFTWATCH_STORE_WAIT seconds (default 15) and, if the store is still in use,
exits with code 3 (see `main` in cli/app.py). While a command holds the store, the server
answers 503 busy.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from riftwatch.store import Store

WAIT_VARIABLE = "RIFTWATCH_STORE_WAIT"
DEFAULT_WAIT = 15.0


def open_store(db: Path, *, read_only: bool = False) -> Store:
    """The store at `db`, once no other process holds it (waiting up to `store_wait()`)."""
    return Store(db, read_only=read_only, wait=store_wait())


def store_wait() -> float:
    """Seconds to wait for a store in use, from RIFTWATCH_STORE_WAIT."""
    value = os.environ.get(WAIT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_WAIT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise typer.BadParameter(f"{WAIT_VARIABLE}={value!r}: expected seconds, e.g. 15")
    return seconds
