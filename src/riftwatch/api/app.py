"""The FastAPI application: routes, error handlers, body limit, and the store they share.

`create_app` is the whole server; `riftwatch serve` hands it to uvicorn. The web dashboard
(`riftwatch.web`) is served by this same app at /, reading through these routes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

import riftwatch
from riftwatch.api.access import BodyLimit, StoreAccess
from riftwatch.api.errors import install_error_handlers
from riftwatch.api.routes import analysis, documents, events, matrix, meta
from riftwatch.ingest import DEFAULT_MAX_BYTES
from riftwatch.web import mount_dashboard

MAX_BODY = DEFAULT_MAX_BYTES  # a request body holds at most what one input file may


def create_app(
    store: str | Path,
    *,
    token: str | None = None,
    max_body: int = MAX_BODY,
    write_wait: float = 10.0,
) -> FastAPI:
    """The REST API over the store file `store`; writes need `token` (None: no writes)."""
    access = StoreAccess(Path(store), write_wait=write_wait)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        title="riftwatch",
        version=riftwatch.__version__,
        summary="Coded international events (CAMEO, PLOVER) with evidence, over one store.",
        lifespan=lifespan,
        # Swagger UI and ReDoc load their scripts from a CDN; the server works offline, so
        # it publishes /openapi.json only.
        docs_url=None,
        redoc_url=None,
    )
    app.state.access = access
    app.state.token = token or None
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    for module in (events, documents, analysis, matrix, meta):
        app.include_router(module.router)
    mount_dashboard(app)
    return app
