"""POST /documents (ingest text, HTML or JSONL; needs the token) and GET /documents/{id}."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from riftwatch.api.access import StoreAccess, check_token
from riftwatch.api.errors import ApiError
from riftwatch.api.formats import json_response, json_rows
from riftwatch.api.models import DocumentOut, ErrorBody, IntakeOut
from riftwatch.errors import NotFoundError
from riftwatch.events.merged import outlet_of
from riftwatch.intake import IntakeReport, Status, UploadKind, read_upload, run_documents
from riftwatch.store import EventFilter

router = APIRouter(tags=["documents"])
bearer = HTTPBearer(auto_error=False, description="The server's RIFTWATCH_TOKEN.")

_KINDS = {
    "text/plain": UploadKind.TEXT,
    "text/html": UploadKind.HTML,
    "application/xhtml+xml": UploadKind.HTML,
    "application/x-ndjson": UploadKind.JSONL,
    "application/jsonl": UploadKind.JSONL,
    "application/x-jsonlines": UploadKind.JSONL,
    "application/json": UploadKind.JSON,
}
_RECORD = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": "string"},
        "text": {"type": "string"},
        "title": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "url": {"type": "string"},
    },
}
_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "application/x-ndjson": {"schema": {"type": "string"}},
        "application/json": {"schema": {"anyOf": [_RECORD, {"type": "array", "items": _RECORD}]}},
    },
}


@router.post(
    "/documents",
    response_model=IntakeOut,
    responses={code: {"model": ErrorBody} for code in (401, 403, 413, 415, 503)},
    openapi_extra={"requestBody": _BODY},
    summary="Code and store uploaded documents",
)
async def post_documents(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    content_type: Annotated[str | None, Header()] = None,
    kind: Annotated[UploadKind | None, Query(description="Overrides Content-Type.")] = None,
    date: Annotated[dt.date | None, Query(description="For documents without a date.")] = None,
) -> Response:
    """One article (text/plain or text/html) or many records (application/x-ndjson, one
    {id, date, title, text, url} per line, or application/json, one record or an array).
    Each document is stored in its own transaction; the answer says, per document, whether
    it was stored, was already there unchanged, or failed and why."""
    check_token(credentials, request.app.state.token)
    upload = kind or _kind(content_type)
    body = await request.body()
    report = await run_in_threadpool(_ingest, StoreAccess.of(request), body, upload, date)
    return json_response(_intake_body(report))


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentOut,
    responses={404: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    summary="One document with its events",
)
def get_document(
    request: Request, doc_id: Annotated[str, Path(min_length=1, max_length=200)]
) -> Response:
    """The stored text, title, date and source of a document, and every event read in it."""
    with StoreAccess.of(request).reading() as store:
        document = store.get_document(doc_id)
        if document is None:
            raise NotFoundError(f"no document {doc_id!r} in the store")
        events = store.events_table(
            EventFilter(doc_id=doc_id, modality="all", groups=True, min_confidence=0.0)
        )
    body = {
        "id": document.id,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "url": document.url,
        "outlet": outlet_of(document.url),
        "text": document.text,
        "events": json_rows(events),
    }
    return json_response(body)


def _kind(content_type: str | None) -> UploadKind:
    media = (content_type or "").split(";")[0].strip().lower()
    if media in _KINDS:
        return _KINDS[media]
    raise ApiError(
        415,
        "unsupported_media_type",
        f"cannot read a body of type {media or '(none)'!r}: send text/plain, text/html, "
        "application/x-ndjson or application/json (or pass ?kind=text|html|jsonl|json)",
    )


def _ingest(
    access: StoreAccess, body: bytes, kind: UploadKind, date: dt.date | None
) -> IntakeReport:
    documents = read_upload(body, kind, default_date=date)
    with access.writing() as store:
        return run_documents(documents, store=store)


def _intake_body(report: IntakeReport) -> dict[str, object]:
    documents = [
        {**asdict(d), "status": d.status.value, "events": list(d.events)} for d in report.documents
    ]
    return {
        "documents": documents,
        "stored": report.count(Status.STORED),
        "unchanged": report.count(Status.UNCHANGED),
        "failed": report.count(Status.FAILED),
        "events": report.events,
        "merge": asdict(report.merge),
    }
