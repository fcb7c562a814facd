"""`riftwatch serve`: the REST API over one store, with uvicorn.

A plain Typer-style function, registered in cli/app.py as `app.command("serve")(serve_command)`.
The token for writes is read here, at the edge, from RIFTWATCH_TOKEN; the app never reads the
environment. The server holds the store file only while requests use it (api/access.py), so
`riftwatch run` and the other commands can work on the same store while it serves.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from riftwatch.store import DEFAULT_STORE

TOKEN_VARIABLE = "RIFTWATCH_TOKEN"


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the REST API (described at /openapi.json); POST /documents needs
    the bearer token in RIFTWATCH_TOKEN, and is refused when it is not set."""
    import uvicorn  # the server only when serving: other commands start faster without it

    from riftwatch.api import create_app
    from riftwatch.nlp import load_model

    token = os.environ.get(TOKEN_VARIABLE) or None
    writes = "enabled" if token else f"disabled (set {TOKEN_VARIABLE} to enable)"
    if token:
        # Now, not in the first upload, which would hold the store (and every other upload)
        # for the seconds the model takes to load.
        load_model()
    typer.echo(f"riftwatch API on http://{host}:{port} over {db}; uploads {writes}", err=True)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
