"""Who may do what to the store, and how requests share it with other processes.

DuckDB lets one process at a time hold a database file (to write, or to read while it may
write). So the server opens the store only while requests use it: the first request opens it,
requests that arrive meanwhile join it, each through its own session (a cursor on the same
database, so reads run side by side and see committed data only), and it is closed a moment
after the last one ends. A `riftwatch run` on the same file (which retries for a while, see
`Store(wait=...)`) gets the file in such a gap. Under a steady stream of requests there is no
gap, so after `lease` seconds open the server hands the file over: new requests wait while
those in flight finish, the store is closed and stays closed for `pause` seconds, then reopens.
While another process holds the file, a request waits up to `open_wait` seconds and then
gets 503 busy with Retry-After, never a half-write. Uploads write one at a time through a
lock, as datasette funnels writes through one connection.

Writes need `Authorization: Bearer <token>`, compared in constant time; a server started
without a token refuses every write. Request bodies are limited in size before they are read.
"""

from __future__ import annotations

import hmac
import threading
import time
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

_RETRY_EVERY = 0.05  # seconds between attempts to open a store another process holds


class StoreAccess:
    """The store file, open while requests use it; sessions per request, one writer."""

    def __init__(
        self,
        path: Path,
        *,
        write_wait: float = 10.0,
        open_wait: float = 1.0,
        linger: float = 0.5,
        lease: float = 3.0,
        pause: float = 0.2,
    ) -> None:
        self.path = path
        self.write_wait = write_wait  # seconds an upload waits for another to finish
        self.open_wait = open_wait  # seconds a request waits for the store to be free
        self.linger = linger  # seconds the store stays open after the last request
        self.lease = lease  # seconds of continuous use before the file is handed over ...
        self.pause = pause  # ... and left closed this long (longer than Store's retry step)
        self._state = threading.Condition()
        self._writing = threading.Lock()
        self._store: Store | None = None
        self._users = 0
        self._opened = 0.0  # when the open store was opened (time.monotonic)
        self._handing_over = False  # no new users until the store has been closed
        self._next_open = 0.0  # not before: the pause of a handover, or the next retry
        self._idle = 0  # counts the moments the last user left; a linger timer names one

    @staticmethod
    def of(request: Request) -> StoreAccess:
        """The access object of the app serving `request`."""
        return cast(StoreAccess, request.app.state.access)

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A session for one request's reads; StoreBusyError when the store is not free soon."""
        store = self._acquire()
        try:
            session = store.session()
            try:
                yield session
            finally:
                session.close()
        finally:
            self._release()

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
        """Close the store now (at shutdown, or for a test to open the file itself)."""
        with self._state:
            self._close()

    def _acquire(self) -> Store:
        deadline = time.monotonic() + self.open_wait
        with self._state:
            while True:
                now = time.monotonic()
                if now >= deadline and self._store is not None:
                    # A handover that cannot finish in time (a long upload in flight) is
                    # called off: serving beats handing over.
                    self._handing_over, self._opened = False, now
                store = self._join(now)
                if store is not None:
                    return store
                if now >= deadline:
                    raise StoreBusyError(
                        f"store {self.path} is in use by another process (a `riftwatch run` "
                        "or another server): try again when it is done"
                    )
                # Woken when the store closes; else at the next retry or the deadline.
                wake = deadline if self._store is not None else min(deadline, self._next_open)
                self._state.wait(max(0.001, wake - now))

    def _join(self, now: float) -> Store | None:
        """The open store with one more user, or a newly opened one; None: not now."""
        if self._store is not None:
            if now - self._opened >= self.lease:
                self._handing_over = True
            if not self._handing_over:
                self._users += 1
                return self._store
            if self._users == 0:
                self._close(pause=True)
            return None
        if now < self._next_open:
            return None
        try:
            self._store = Store(self.path)
        except StoreBusyError:
            self._next_open = now + _RETRY_EVERY
            return None
        self._opened, self._users = now, 1
        return self._store

    def _release(self) -> None:
        with self._state:
            self._users -= 1
            if self._users > 0:
                return
            if self._handing_over:
                self._close(pause=True)
                return
            self._idle += 1
            timer = threading.Timer(self.linger, self._close_if_idle, args=(self._idle,))
            timer.daemon = True
            timer.start()

    def _close_if_idle(self, idle: int) -> None:
        with self._state:
            if self._users == 0 and self._idle == idle:
                self._close()

    def _close(self, *, pause: bool = False) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        if pause:
            self._next_open = time.monotonic() + self.pause
        self._handing_over = False
        self._state.notify_all()


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
