"""Helpers of the browser tests: how Chromium is launched, where screenshots go, servers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from playwright.sync_api import Page

from riftwatch.api import create_app
from tests.api.servers import Server, copy_store, serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).parents[2] / "build" / "screenshots"
Shot = Callable[[Page, str], Path]


def serve_copy(pristine: Path, folder: Path, token: str | None) -> Iterator[Server]:
    """uvicorn over a copy of the store `pristine`, until the generator is closed."""
    path = copy_store(pristine, folder)
    app = create_app(path, token=token)
    with serve(app) as url:
        yield Server(url, app, path)
