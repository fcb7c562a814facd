"""Documents that arrive as bytes (an upload, a message), coded and stored with an outcome each.

`read_upload` turns one body into Documents the way `riftwatch run` reads files of the same
kind (text, HTML, JSONL), in memory: nothing is written anywhere but the store. `run_documents`
codes and stores them as `riftwatch.run` does (documents stored unchanged are not redone,
each document in its own transaction, one merge at the end) and says, per document, whether
it was stored, already there or failed, with its event ids. `POST /documents` is the two.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from riftwatch.errors import InputError, RecordError, RiftwatchError, TooLargeError
from riftwatch.ingest import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    document_from_html,
    document_from_record,
    document_from_text,
)
from riftwatch.ingest.html import declared_charset
from riftwatch.pipeline import DocumentResult, Failure, ProgressCallback, process
from riftwatch.store import EventFilter, MergeReport, Store
from riftwatch.types import Document


class UploadKind(StrEnum):
    """What an uploaded body holds."""

    TEXT = "text"  # one article; the first real line is its title
    HTML = "html"  # one web page; trafilatura finds the article, title and date
    JSONL = "jsonl"  # one {id, date, title, text, url} record per line
    JSON = "json"  # one such record, or an array of them


class Status(StrEnum):
    """What became of one uploaded document."""

    STORED = "stored"  # coded and stored (replacing an earlier text under the same id)
    UNCHANGED = "unchanged"  # stored before with this exact text: not coded again
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    """One document of an upload: its id (None when it could not be read) and what happened."""

    origin: str  # "upload", "upload:3" (JSONL line), "upload[2]" (JSON array item)
    id: str | None
    status: Status
    title: str = ""
    events: tuple[str, ...] = ()  # ids of the document's stored events
    code: str = ""  # error code when it failed (RW101 empty, RW104 bad record ...)
    reason: str = ""


@dataclass(slots=True)
class IntakeReport:
    """The outcome of every document of a batch, in input order, and what the merge did."""

    documents: list[DocumentOutcome] = field(default_factory=list)
    merge: MergeReport = field(default_factory=MergeReport)

    def count(self, status: Status) -> int:
        return sum(1 for d in self.documents if d.status == status)

    @property
    def events(self) -> int:
        return sum(len(d.events) for d in self.documents if d.status is Status.STORED)


def read_upload(
    data: bytes,
    kind: UploadKind,
    *,
    origin: str = "upload",
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document | Failure]:
    """The documents in one body, or a Failure for the body or for each bad record."""
    try:
        if len(data) > max_bytes:
            raise TooLargeError(origin, f"{len(data):,} bytes, over the limit of {max_bytes:,}")
        declared = declared_charset(data) if kind is UploadKind.HTML else None
        text = decode_bytes(data, origin, declared=declared)
        if kind is UploadKind.TEXT:
            return [document_from_text(text, origin, default_date=default_date)]
        if kind is UploadKind.HTML:
            return [document_from_html(text, origin, default_date=default_date)]
    except InputError as exc:
        return [_failure(exc)]
    records = _jsonl(text, origin) if kind is UploadKind.JSONL else _json(text, origin)
    return [_document(record, where, default_date) for where, record in records]


def run_documents(
    documents: Iterable[Document | Failure],
    *,
    store: Store,
    on_progress: ProgressCallback | None = None,
) -> IntakeReport:
    """Code and store `documents` (Failures pass through as failed outcomes), then merge."""
    items = list(documents)
    fresh = _fresh([d for d in items if isinstance(d, Document)], store)
    results = process(fresh.values(), on_progress=on_progress)
    # `process` yields one result per document, in order.
    coded = {
        document.id: _store_one(document, result, store)
        for document, result in zip(fresh.values(), results, strict=True)
    }
    report = IntakeReport()
    for item in items:
        report.documents.append(_outcome(item, fresh, coded, store))
    report.merge = store.merge_events()
    return report


def _store_one(
    document: Document, result: DocumentResult | Failure, store: Store
) -> DocumentOutcome:
    if isinstance(result, Failure):
        return _failed(document, result.code, result.reason)
    records = result.records()
    try:
        store.save_document(document, result.mentions, records)
    except RiftwatchError as exc:
        return _failed(document, exc.code, str(exc))
    ids = tuple(r.id for r in records)
    return DocumentOutcome(document.origin, document.id, Status.STORED, document.title, ids)


def _fresh(documents: Sequence[Document], store: Store) -> dict[str, Document]:
    """The first document of each id that is not stored already with this exact text."""
    first: dict[str, Document] = {}
    for document in documents:
        first.setdefault(document.id, document)
    return {key: d for key, d in first.items() if not store.has_document(d)}


def _outcome(
    item: Document | Failure,
    fresh: dict[str, Document],
    coded: dict[str, DocumentOutcome],
    store: Store,
) -> DocumentOutcome:
    if isinstance(item, Failure):
        return DocumentOutcome(item.origin, None, Status.FAILED, code=item.code, reason=item.reason)
    if fresh.get(item.id) is item:
        return coded[item.id]
    if not store.has_document(item):  # a later document of the upload with the first's id
        reason = f"same id {item.id!r} as an earlier document but another text, title or date"
        return _failed(item, RecordError.code, reason)
    stored = store.query_events(
        EventFilter(doc_id=item.id, modality="all", groups=True, min_confidence=0.0)
    )
    return DocumentOutcome(
        item.origin, item.id, Status.UNCHANGED, item.title, tuple(e.id for e in stored)
    )


def _failed(document: Document, code: str, reason: str) -> DocumentOutcome:
    return DocumentOutcome(
        document.origin, document.id, Status.FAILED, document.title, code=code, reason=reason
    )


def _failure(exc: InputError) -> Failure:
    return Failure(exc.origin, exc.reason, exc.code)


def _jsonl(text: str, origin: str) -> Iterator[tuple[str, Any]]:
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            found = True
            yield f"{origin}:{number}", _loads(line, f"{origin}:{number}")
    if not found:
        yield origin, RecordError(origin, "no records (empty JSONL body)")


def _json(text: str, origin: str) -> Iterator[tuple[str, Any]]:
    value = _loads(text, origin)
    if isinstance(value, list):
        yield from ((f"{origin}[{i}]", item) for i, item in enumerate(value))
        if not value:
            yield origin, RecordError(origin, "no records (empty JSON array)")
    else:
        yield origin, value


def _loads(text: str, origin: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordError(origin, f"not JSON: {exc}")


def _document(record: Any, origin: str, default_date: dt.date | None) -> Document | Failure:
    if isinstance(record, InputError):
        return _failure(record)
    try:
        return document_from_record(record, origin, default_date=default_date)
    except InputError as exc:
        return _failure(exc)
