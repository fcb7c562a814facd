"""Chain the stages: read -> parse -> actors -> code, with errors collected per document."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from riftwatch.actors import find_mentions
from riftwatch.coding.coder import code_document
from riftwatch.errors import RiftwatchError
from riftwatch.events.records import EventRecord, to_record
from riftwatch.ingest import ReadFailure, iter_documents
from riftwatch.nlp import parse, parse_many
from riftwatch.store import MergeReport, Store
from riftwatch.types import ActorMention, CodedEvent, Document, ParsedDoc

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class Failure:
    """A document (or input) that could not be processed, and why."""

    origin: str
    reason: str
    code: str


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What the pipeline found in one document."""

    document: Document
    mentions: tuple[ActorMention, ...]
    events: tuple[CodedEvent, ...]

    def records(self) -> list[EventRecord]:
        return [to_record(e) for e in self.events]


@dataclass(slots=True)
class RunReport:
    """The outcome of a batch: counts and every failure by name."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    merge: MergeReport = field(default_factory=MergeReport)

    @property
    def failed(self) -> bool:
        return bool(self.failures)


def read_documents(
    paths: Sequence[str | Path], *, default_date: dt.date | None = None
) -> tuple[list[Document], list[Failure]]:
    """Read every document under `paths`; unreadable ones become Failures."""
    documents: list[Document] = []
    failures: list[Failure] = []
    for item in iter_documents(paths, default_date=default_date):
        if isinstance(item, ReadFailure):
            failures.append(Failure(item.origin, item.error.reason, item.error.code))
        else:
            documents.append(item)
    return documents, failures


def process(
    documents: Iterable[Document], *, on_progress: ProgressCallback | None = None
) -> Iterator[DocumentResult | Failure]:
    """Parse and code documents in batches; a document that fails does not stop the others."""
    pending = list(documents)
    done = 0
    for start in range(0, len(pending), BATCH_SIZE):
        batch = pending[start : start + BATCH_SIZE]
        for document, parsed in zip(batch, _parse_batch(batch), strict=True):
            yield _code_one(document, parsed)
            done += 1
            if on_progress:
                on_progress(done, len(pending))


def _parse_batch(batch: list[Document]) -> list[ParsedDoc | Failure]:
    try:
        return list(parse_many(batch))
    except Exception:  # noqa: BLE001 - fall back to one by one to isolate the bad document
        return [_parse_one(d) for d in batch]


def _parse_one(document: Document) -> ParsedDoc | Failure:
    try:
        return parse(document)
    except Exception as exc:  # noqa: BLE001 - reported per document
        return Failure(document.origin or document.id, f"parser failed: {exc}", "RW400")


def _code_one(document: Document, parsed: ParsedDoc | Failure) -> DocumentResult | Failure:
    if isinstance(parsed, Failure):
        return parsed
    try:
        mentions = find_mentions(parsed)
        events = code_document(parsed, mentions)
    except RiftwatchError as exc:
        return Failure(document.origin or document.id, str(exc), exc.code)
    except Exception as exc:  # noqa: BLE001 - a coder bug must not sink the batch
        log.exception("coding failed for %s", document.id)
        return Failure(document.origin or document.id, f"coding failed: {exc!r}", "RW500")
    return DocumentResult(document, tuple(mentions), tuple(events))


def extract(
    paths: Sequence[str | Path],
    *,
    default_date: dt.date | None = None,
    on_progress: ProgressCallback | None = None,
) -> tuple[list[DocumentResult], list[Failure]]:
    """Read and code the documents under `paths`, without a store."""
    documents, failures = read_documents(paths, default_date=default_date)
    results: list[DocumentResult] = []
    for item in process(documents, on_progress=on_progress):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            results.append(item)
    return results, failures


def run(
    paths: Sequence[str | Path],
    *,
    store: Store,
    default_date: dt.date | None = None,
    on_progress: ProgressCallback | None = None,
) -> RunReport:
    """Read, code and store the documents under `paths`, then merge the new events into one
    record per real-world event; stored documents are not redone."""
    documents, failures = read_documents(paths, default_date=default_date)
    report = RunReport(failures=failures)
    fresh = _unique([d for d in documents if not store.has_document(d)])
    report.skipped = len(documents) - len(fresh)
    for item in process(fresh, on_progress=on_progress):
        if isinstance(item, Failure):
            report.failures.append(item)
            continue
        try:
            store.save_document(item.document, item.mentions, item.records())
        except RiftwatchError as exc:
            report.failures.append(Failure(item.document.origin, str(exc), exc.code))
            continue
        report.documents += 1
        report.events += len(item.events)
    # Once per run, not per document: a merge scans the store to find what is new. A run killed
    # before this line loses nothing; the next merge picks its events up.
    report.merge = store.merge_events()
    return report


def _unique(documents: list[Document]) -> list[Document]:
    """The first document of each id: a batch naming one file twice codes it once."""
    first: dict[str, Document] = {}
    for document in documents:
        first.setdefault(document.id, document)
    return list(first.values())
