"""Chain the stages: read -> parse -> actors -> code, with errors collected per document.

Documents stream through in batches of BATCH_SIZE: a batch is read, parsed with one `nlp.pipe`,
coded and (by `run`) stored before the next is read, so memory stays flat whatever the corpus
size. `process_batch` is the unit of work; `run` hands batches to a `map`-like function, the
builtin `map` in this process or `riftwatch.scale` on a Dask cluster, and stores every result
itself, so there is one writer however many processes code.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from riftwatch.actors import find_mentions
from riftwatch.coding.coder import code_document
from riftwatch.errors import RecordError, RiftwatchError
from riftwatch.events.records import EventRecord, to_record
from riftwatch.ingest import ReadFailure, iter_documents
from riftwatch.nlp import parse, parse_many
from riftwatch.store import MergeReport, Store, content_hash
from riftwatch.types import ActorMention, CodedEvent, Document, ParsedDoc

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
# Documents parsed together by one nlp.pipe call, handed to a worker as one task, and stored in
# one transaction.
BATCH_SIZE = 64
# A long run merges every this many documents, so that a merge's memory stays bounded.
MERGE_EVERY = 10_000


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


Result = DocumentResult | Failure
BatchFunction = Callable[[list[Document]], list[Result]]
# How `run` spreads batches over processes: same contract as the builtin `map` (one result list
# per batch, in order).
BatchMapper = Callable[[BatchFunction, Iterable[list[Document]]], Iterator[list[Result]]]


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
            failures.append(_read_failure(item))
        else:
            documents.append(item)
    return documents, failures


def process(
    documents: Iterable[Document],
    *,
    prefilter: bool = True,
    on_progress: ProgressCallback | None = None,
) -> Iterator[Result]:
    """Parse and code documents in batches, one result per document in order; a document that
    fails does not stop the others. `prefilter=False` parses every sentence of every document."""
    total = len(documents) if isinstance(documents, Sized) else 0
    done = 0
    for batch in batched(documents, BATCH_SIZE):
        for item in process_batch(batch, prefilter=prefilter):
            yield item
            done += 1
            if on_progress:
                on_progress(done, max(total, done))


def process_batch(documents: list[Document], *, prefilter: bool = True) -> list[Result]:
    """Parse (one nlp.pipe) and code one batch: the unit of work of a worker process."""
    return [
        _code_one(d, p) for d, p in zip(documents, _parse_batch(documents, prefilter), strict=True)
    ]


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """`items` in lists of `size` (the last may be shorter), read lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _parse_batch(batch: list[Document], prefilter: bool) -> list[ParsedDoc | Failure]:
    try:
        return list(parse_many(batch, prefilter=prefilter))
    except Exception:  # noqa: BLE001 - fall back to one by one to isolate the bad document
        return [_parse_one(d, prefilter) for d in batch]


def _parse_one(document: Document, prefilter: bool) -> ParsedDoc | Failure:
    try:
        return parse(document, prefilter=prefilter)
    except Exception as exc:  # noqa: BLE001 - reported per document
        return Failure(document.origin or document.id, f"parser failed: {exc}", "RW400")


def _code_one(document: Document, parsed: ParsedDoc | Failure) -> Result:
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
    prefilter: bool = True,
    on_progress: ProgressCallback | None = None,
) -> tuple[list[DocumentResult], list[Failure]]:
    """Read and code the documents under `paths`, without a store."""
    documents, failures = read_documents(paths, default_date=default_date)
    results: list[DocumentResult] = []
    for item in process(documents, prefilter=prefilter, on_progress=on_progress):
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
    prefilter: bool = True,
    mapper: BatchMapper = map,
    on_progress: ProgressCallback | None = None,
) -> RunReport:
    """Read, code and store the documents under `paths`, then merge the new events into one
    record per real-world event; stored documents are not redone.

    Reading, skipping and storing happen here, batch by batch; coding happens wherever `mapper`
    sends the batches (`riftwatch.scale.dask_mapper` for a Dask cluster).
    """
    report = RunReport()
    fresh = _FreshDocuments(paths, store, report, default_date)
    work = partial(process_batch, prefilter=prefilter)
    unmerged = 0
    with store.bounded_memory():
        for results in mapper(work, batched(fresh, BATCH_SIZE)):
            _store_batch(results, store, report)
            unmerged += len(results)
            if unmerged >= MERGE_EVERY:  # keeps the merge's temp tables small
                report.merge = _sum(report.merge, store.merge_events())
                unmerged = 0
            if on_progress:
                on_progress(report.documents + len(report.failures) - fresh.failed, fresh.queued)
        # Once per run (or per MERGE_EVERY documents), not per document: a merge scans the
        # store to find what is new. A run killed before this line loses nothing; the next
        # merge picks its events up, and merging is incremental and independent of order, so
        # merging in steps ends in the same merged events as merging once.
        report.merge = _sum(report.merge, store.merge_events())
    return report


def _sum(a: MergeReport, b: MergeReport) -> MergeReport:
    return MergeReport(a.mentions + b.mentions, a.blocks + b.blocks, a.events + b.events)


@dataclass(slots=True)
class _FreshDocuments:
    """The documents under `paths` not stored yet with this text, the first of each id; read
    failures, id clashes and skips are counted into `report` as they are met."""

    paths: Sequence[str | Path]
    store: Store
    report: RunReport
    default_date: dt.date | None
    seen: dict[str, tuple[str, str]] = field(default_factory=dict)  # id: (hash, origin) of 1st
    queued: int = 0  # documents handed on to be coded
    failed: int = 0  # read failures and id clashes (they never reach the mapper)

    def __iter__(self) -> Iterator[Document]:
        items = iter_documents(self.paths, default_date=self.default_date)
        while batch := list(islice(items, BATCH_SIZE)):
            first: list[tuple[Document, str]] = []  # first of their id, and their hash
            for item in batch:
                if isinstance(item, ReadFailure):
                    self._fail(_read_failure(item))
                elif item.id in self.seen:
                    self._again(item)
                else:
                    first.append((item, content_hash(item)))
                    self.seen[item.id] = (first[-1][1], item.origin)
            stored = self.store.stored_hashes([d.id for d, _ in first]) if first else {}
            for document, digest in first:
                if stored.get(document.id) == digest:
                    self.report.skipped += 1
                else:
                    self.queued += 1
                    yield document

    def _again(self, document: Document) -> None:
        """A later document with an id met before: skipped if it is the same, else reported.
        The first of an id is kept whether or not it was stored before, so that a re-run does
        not swap in the other one (#9)."""
        first_hash, first_origin = self.seen[document.id]
        if content_hash(document) == first_hash:
            self.report.skipped += 1
            return
        reason = f"same id {document.id!r} as {first_origin} but another text, title or date"
        self._fail(Failure(document.origin or document.id, reason, RecordError.code))

    def _fail(self, failure: Failure) -> None:
        self.report.failures.append(failure)
        self.failed += 1


def _store_batch(results: list[Result], store: Store, report: RunReport) -> None:
    """Store a batch's documents in one transaction; count what was stored and what failed."""
    done = [r for r in results if isinstance(r, DocumentResult)]
    report.failures.extend(r for r in results if isinstance(r, Failure))
    errors = store.save_documents([(r.document, r.mentions, r.records()) for r in done])
    failed = {document.id for document, _ in errors}
    for result in done:
        if result.document.id not in failed:
            report.documents += 1
            report.events += len(result.events)
    report.failures.extend(Failure(d.origin or d.id, str(e), e.code) for d, e in errors)


def _read_failure(item: ReadFailure) -> Failure:
    return Failure(item.origin, item.error.reason, item.error.code)
