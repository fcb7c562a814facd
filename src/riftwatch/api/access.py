"""Who may do what to the store, and how requests share it.

DuckDB lets one process write a database file (or any number read it). The server opens the
store once and keeps it: each request reads through its own session (a cursor on the same
database, so reads run side by side and see committed data only), and uploads write one at a
time through a lock, as datasette funnels writes through one connection. When the lock or
the file is held elsewhere the request gets 503 busy and Retry-After, never a half-write.

Writes need `Authorization: Bearer <token>`, compared in constant time; a server started
without a token refuses every write. Request bodies are limited in size before they are read.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from riftwatch.api.errors import ApiError, error_response
from riftwatch.errors import StoreBusyError
from riftwatch.store import Store


class StoreAccess:
    """The server's one open store: a session per request, writes one at a time."""

    def __init__(self, path: Path, *, write_wait: float = 10.0) -> None:
        self.path = path
        self.write_wait = write_wait  # seconds an upload waits for another to finish
        self._store: Store | None = None
        self._opening = threading.Lock()
        self._writing = threading.Lock()

    @staticmethod
    def of(request: Request) -> StoreAccess:
        """The access object of the app serving `request`."""
        return cast(StoreAccess, request.app.state.access)

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A session for one request's reads."""
        session = self._open().session()
        try:
            yield session
        finally:
            session.close()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The one write session; StoreBusyError when another upload holds it too long."""
        if not self._writing.acquire(timeout=self.write_wait):
            raise StoreBusyError(
                "another upload is being written to the store: try again in a moment"
            )
        try:
            with self.reading() as session:
                yield session
        finally:
            self._writing.release()

    def close(self) -> None:
        with self._opening:
            if self._store is not None:
                self._store.close()
                self._store = None

    def _open(self) -> Store:
        # Opened on first use, so a server started while `riftwatch run` holds the file
        # answers 503 until the run ends, then serves.
        with self._opening:
            if self._store is None:
                self._store = Store(self.path)
            return self._store


def check_token(credentials: HTTPAuthorizationCredentials | None, token: str | None) -> None:
    """Let a write through only with the server's bearer token."""
    if token is None:
        raise ApiError(
            403,
            "writes_disabled",
            "this server accepts no writes: start it with RIFTWATCH_TOKEN set to enable uploads",
        )
    given = credentials.credentials if credentials is not None else ""
    # compare_digest on bytes: constant time, and no TypeError for non-ASCII input.
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise ApiError(
            401,
            "unauthorized",
            "writes need the header 'Authorization: Bearer <token>' with the server's token",
            headers={"WWW-Authenticate": "Bearer"},
        )


class BodyLimit:
    """ASGI middleware: 413 for a body over `max_bytes`, by its Content-Length before any of
    it is read, or while it streams in when it has none."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise ApiError(413, "too_large", self._message())
            return message

        await self.app(scope, limited, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "too_large", self._message(), {"Connection": "close"})
        await response(scope, receive, send)

    def _message(self) -> str:
        return (
            f"request body over the limit of {self.max_bytes:,} bytes: "
            "split the upload into smaller requests"
        )
