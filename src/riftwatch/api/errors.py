"""Every error as JSON `{"error": {"code", "message"}}`, with the status its class carries.

ApiError               raised by routes: status, code and message chosen there
StoreBusyError         503 busy (Retry-After: 1): another process or upload holds the store
NotFoundError          404 not_found
QueryError             422 invalid_request (a span of too many periods ...)
InputError             422 invalid_input (a body that is not a document)
RiftwatchError         500 with the error's RW code (a store that cannot be read ...)
HTTPException          its own status: 404 for unknown paths, 405, ...
RequestValidationError 422 invalid_request, naming each bad parameter
Exception              500 internal_error; the traceback goes to the server log only
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from riftwatch.errors import (
    InputError,
    NotFoundError,
    QueryError,
    RiftwatchError,
    StoreBusyError,
)

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "busy",
}


class ApiError(Exception):
    """An error a route answers with: HTTP status, stable code, a message saying what to do."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The JSON response for an error."""
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception a request can raise to a JSON error response."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StoreBusyError, _busy)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(RiftwatchError, _riftwatch_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _internal_error)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    error = cast(ApiError, exc)  # registered for ApiError only
    return error_response(error.status, error.code, error.message, error.headers)


async def _busy(request: Request, exc: Exception) -> JSONResponse:
    return error_response(503, "busy", str(exc), {"Retry-After": "1"})


async def _not_found(request: Request, exc: Exception) -> JSONResponse:
    return error_response(404, "not_found", str(exc))


async def _input_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(422, "invalid_input", str(exc))


async def _query_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(422, "invalid_request", str(exc))


async def _riftwatch_error(request: Request, exc: Exception) -> JSONResponse:
    code = getattr(exc, "code", "RW000")
    log.error("%s %s failed: %s", request.method, request.url.path, exc)
    return error_response(500, code, str(exc))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    error = cast(HTTPException, exc)
    code = _HTTP_CODES.get(error.status_code, f"http_{error.status_code}")
    message = error.detail if isinstance(error.detail, str) else str(error.detail)
    if error.status_code == 404 and message == "Not Found":
        message = f"no such path: {request.url.path} (the API is described at /openapi.json)"
    return error_response(error.status_code, code, message, error.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    errors = cast(RequestValidationError, exc).errors()
    problems = "; ".join(_problem(error) for error in errors)
    return error_response(422, "invalid_request", problems or "invalid request")


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "internal server error (logged on the server)")


def _problem(error: Mapping[str, Any]) -> str:
    where: Sequence[object] = error.get("loc", ())
    name = ".".join(str(part) for part in where if part not in ("query", "path", "body"))
    return f"{name or 'request'}: {error.get('msg', 'invalid')}"
