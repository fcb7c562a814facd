"""The only importer of duckdb: open a store file, migrate it, write documents, query events."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from riftwatch.errors import StoreBusyError, StoreError
from riftwatch.events.merge import DEFAULT_RULES, MergeRules
from riftwatch.events.merged import MergedEvent, outlet_of
from riftwatch.events.records import EventRecord
from riftwatch.store import reads
from riftwatch.store.merging import MergeReport, merge_pending, merged_events, query_merged
from riftwatch.store.queries import EventFilter, MergedFilter, first_row
from riftwatch.store.reads import EVENT_FIELDS, STORED_EVENT_COLUMNS, ActorCount, ActorSpan
from riftwatch.store.schema import MIGRATIONS
from riftwatch.types import ActorMention, Document

DEFAULT_STORE = Path("riftwatch.duckdb")
_Q = TypeVar("_Q")
_R = TypeVar("_R")
# DuckDB's messages when another process holds the file's lock (one writer, or many readers),
# or this process has it open in the other mode (read-only or not).
_LOCKED = ("Could not set lock on file", "different configuration than existing connections")
_RETRY_EVERY = 0.05  # seconds between attempts to open a store that is in use
# DuckDB's own memory (its cache of the file, key indexes, the merge's work tables) during a
# long write; beyond it DuckDB evicts or spills to a temp file. By default it may take 80% of
# the RAM, and its cache grew by about 35 MB per 10,000 articles stored (#8).
WRITE_MEMORY_LIMIT = "384MB"


class Store:
    """A DuckDB file holding documents, actor mentions and coded events."""

    def __init__(
        self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False, wait: float = 0.0
    ) -> None:
        """Open (or create) the store; while another process holds the file, try again for up
        to `wait` seconds, then raise StoreBusyError."""
        self.path = Path(path)
        if not read_only:
            _create_whole(self.path)
        self._con = self._connect(read_only, wait)
        if not read_only:
            self._migrate()

    def _connect(self, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + wait
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.Error as exc:
                if not any(message in str(exc) for message in _LOCKED):
                    raise StoreError(f"cannot open store {self.path}: {exc}") from exc
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"store {self.path} is in use by another process (one writer at a "
                        "time, or any number of read-only readers): try again when it is done"
                    ) from exc
            time.sleep(_RETRY_EVERY)

    def session(self) -> Store:
        """Another handle on this open database, for one thread's work (DuckDB connections
        are not shared between threads); closing it leaves this one open."""
        other = object.__new__(Store)
        other.path = self.path
        other._con = self._con.cursor()
        return other

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Bring the schema up to date in one transaction: a process killed midway leaves the
        store at its old version, never between two (#9)."""
        with self._transaction():
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT now())"
            )
            rows = self._con.execute("SELECT version FROM schema_migrations").fetchall()
            done = {row[0] for row in rows}
            for version, name, sql in MIGRATIONS:
                if version not in done:
                    self._con.execute(sql)
                    self._con.execute(
                        "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                        [version, name],
                    )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    @contextmanager
    def bounded_memory(self, limit: str = WRITE_MEMORY_LIMIT) -> Iterator[None]:
        """Hold DuckDB to `limit` of memory and one thread while a long run writes (the
        coding processes have the cores), then give it back its defaults."""
        settings = {
            "memory_limit": f"'{limit}'",
            "threads": "1",
            "preserve_insertion_order": "false",  # no query of a run needs rows in table order
        }
        for name, value in settings.items():
            self._con.execute(f"SET {name} = {value}")
        try:
            yield
        finally:
            for name in settings:
                self._con.execute(f"RESET {name}")

    def has_document(self, document: Document) -> bool:
        """True when this document, with this exact text, is already stored."""
        row = first_row(self._con, "SELECT content_hash FROM documents WHERE id = ?", [document.id])
        return row is not None and row[0] == content_hash(document)

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """The content hash of each of these documents that is stored, by id: one query for
        a batch (one a document cost up to 6 ms on a large store, #8)."""
        rows = self._con.execute(
            "SELECT id, content_hash FROM documents WHERE id IN (SELECT UNNEST(?))", [list(ids)]
        ).fetchall()
        return dict(rows)

    def save_document(
        self,
        document: Document,
        mentions: Sequence[ActorMention],
        events: Sequence[EventRecord],
    ) -> None:
        """Store one document with its mentions and events in one transaction (replacing any
        earlier version of the same document id)."""
        try:
            with self._transaction():
                for table in ("events", "mentions"):
                    self._con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [document.id])
                self._con.execute("DELETE FROM documents WHERE id = ?", [document.id])
                self._insert_document(document)
                self._insert_mentions(mentions)
                self._insert_events(events)
        except duckdb.Error as exc:
            raise StoreError(f"{document.origin or document.id}: could not store: {exc}") from exc

    def save_documents(
        self,
        items: Sequence[tuple[Document, Sequence[ActorMention], Sequence[EventRecord]]],
    ) -> list[tuple[Document, StoreError]]:
        """Store a batch of documents with their mentions and events in one transaction, as
        `save_document` would one by one; if the batch fails, store them one by one so only
        the bad ones fail. Returns those, with their errors (empty when all were stored)."""
        ids = list({document.id for document, _, _ in items})
        if not ids:
            return []
        try:
            with self._transaction():
                for table, column in (
                    ("events", "doc_id"),
                    ("mentions", "doc_id"),
                    ("documents", "id"),
                ):
                    self._con.execute(
                        f"DELETE FROM {table} WHERE {column} IN (SELECT UNNEST(?))", [ids]
                    )
                self._insert_rows(
                    "documents", _DOCUMENT_COLUMNS, [_document_row(d) for d, _, _ in items]
                )
                self._insert_mentions([m for _, mentions, _ in items for m in mentions])
                self._insert_events([e for _, _, events in items for e in events])
        except duckdb.Error:
            failed = ((item[0], self._save_one(*item)) for item in items)
            return [(document, exc) for document, exc in failed if exc is not None]
        return []

    def _save_one(
        self, document: Document, mentions: Sequence[ActorMention], events: Sequence[EventRecord]
    ) -> StoreError | None:
        try:
            self.save_document(document, mentions, events)
        except StoreError as exc:
            return exc
        return None

    def _insert_document(self, document: Document) -> None:
        marks = ", ".join("?" for _ in _DOCUMENT_COLUMNS.split(","))
        self._con.execute(
            f"INSERT INTO documents ({_DOCUMENT_COLUMNS}) VALUES ({marks})",
            _document_row(document),
        )

    def _insert_mentions(self, mentions: Sequence[ActorMention]) -> None:
        rows = [
            [
                m.doc_id,
                m.sentence,
                m.start,
                m.end,
                m.text,
                m.code,
                m.name,
                m.sector,
                m.kind.value,
                m.rule,
                m.place,
                m.seat,
                m.certainty,
                m.doubt,
            ]
            for m in mentions
        ]
        columns = (
            "doc_id, sentence, start_char, end_char, text, code, name, sector, kind, rule, "
            "place, seat, certainty, doubt"
        )
        self._insert_rows("mentions", columns, rows)

    def _insert_events(self, events: Sequence[EventRecord]) -> None:
        rows = [[getattr(e, c) for c in EVENT_FIELDS] for e in events]
        self._insert_rows("events", STORED_EVENT_COLUMNS, rows)

    def _insert_rows(self, table: str, columns: str, rows: Sequence[Sequence[object]]) -> None:
        """INSERT OR IGNORE `rows` at once through an Arrow table: executemany binds them one
        by one, about 1.5 ms a row, which made storing slower than coding (#8)."""
        if not rows:
            return
        names = [f"c{k}" for k in range(len(rows[0]))]
        data = pa.table({name: [row[k] for row in rows] for k, name in enumerate(names)})
        self._con.register("_riftwatch_rows", data)
        try:
            self._con.execute(
                f"INSERT OR IGNORE INTO {table} ({columns}) SELECT * FROM _riftwatch_rows"
            )
        finally:
            self._con.unregister("_riftwatch_rows")

    def query_events(self, where: EventFilter | None = None) -> list[EventRecord]:
        """Events matching `where`, in document and sentence order."""
        rows = reads.event_rows(self._con, where or EventFilter())
        return [EventRecord(*row) for row in rows]

    def events_table(self, where: EventFilter | None = None) -> pa.Table:
        """`query_events` as an Arrow table, each row with its document's published, url and
        outlet."""
        return reads.events_table(self._con, where or EventFilter())

    def count_events(self, where: EventFilter | None = None) -> int:
        """How many events `query_events` would return without limit and offset."""
        return reads.count_events(self._con, where or EventFilter())

    def get_event(self, event_id: str) -> EventRecord | None:
        """One event mention by id, whatever its modality, or None."""
        return reads.event_by_id(self._con, event_id)

    def get_document(self, doc_id: str) -> Document | None:
        """One stored document by id, or None."""
        return reads.document_by_id(self._con, doc_id)

    def actor_spans(self, places: Sequence[tuple[str, int]]) -> list[ActorSpan]:
        """The actors named in these (document id, sentence) places, with their offsets."""
        return reads.actor_spans(self._con, places)

    def actor_counts(self) -> list[ActorCount]:
        """The actor codes acting in stored events, with a name each, most frequent first."""
        return reads.actor_counts(self._con)

    def merge_events(self, rules: MergeRules = DEFAULT_RULES) -> MergeReport:
        """Fold events stored since the last merge into one record per real-world event.

        Incremental and idempotent: only the blocks new or changed events fall in are redone,
        and merging again with nothing new changes nothing (see store/merging.py).
        """
        try:
            return merge_pending(self._con, rules, transaction=self._transaction)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: could not merge events: {exc}") from exc

    def query_merged(self, where: MergedFilter | None = None) -> list[MergedEvent]:
        """Merged events matching `where`, by date, each with every mention of it."""
        return self._merged(query_merged, where or MergedFilter())

    def merged_table(self, where: MergedFilter | None = None) -> pa.Table:
        """`query_merged` as an Arrow table, one row per merged event without its mentions."""
        return self._merged(reads.merged_table, where or MergedFilter())

    def count_merged(self, where: MergedFilter | None = None) -> int:
        """How many merged events `query_merged` would return without limit and offset."""
        return self._merged(reads.count_merged, where or MergedFilter())

    def get_merged(self, merged_id: str) -> MergedEvent | None:
        """One merged event by id with every mention of it, or None."""
        found = self._merged(merged_events, [merged_id])
        return found[0] if found else None

    def merged_id_of(self, event_id: str) -> str | None:
        """The id of the merged event an event mention belongs to, or None."""
        return self._merged(reads.merged_id_of, event_id)

    def _merged(self, read: Callable[[duckdb.DuckDBPyConnection, _Q], _R], query: _Q) -> _R:
        try:
            return read(self._con, query)
        except duckdb.CatalogException as exc:
            raise StoreError(
                f"{self.path} has no merged events yet: run `riftwatch merge --db {self.path}`"
            ) from exc

    def counts(self) -> dict[str, int]:
        """Number of rows per table."""
        return {
            table: int(self._scalar(f"SELECT count(*) FROM {table}"))
            for table in ("documents", "mentions", "events")
        }

    def _scalar(self, sql: str) -> Any:
        row = first_row(self._con, sql)
        return row[0] if row else None


_DOCUMENT_COLUMNS = "id, content_hash, title, published, url, origin, text, outlet"


def _create_whole(path: Path) -> None:
    """Create a missing store file under a temporary name and link it into place, so that a
    process killed while DuckDB writes a new file's headers leaves no store rather than a file
    DuckDB refuses to open (#9). Where hard links fail, DuckDB creates the file in place."""
    if path.exists() or str(path) == ":memory:":
        return
    temp = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        duckdb.connect(str(temp)).close()
        # link, unlike rename, never replaces a store another process created meanwhile.
        os.link(temp, path)
    except (OSError, duckdb.Error):
        pass  # the store exists now, or the connect that follows reports why it cannot
    finally:
        temp.unlink(missing_ok=True)


def _document_row(document: Document) -> list[object]:
    return [
        document.id,
        content_hash(document),
        document.title,
        document.published,
        document.url,
        document.origin,
        document.text,
        outlet_of(document.url),
    ]


def content_hash(document: Document) -> str:
    """Hash of what coding depends on: text, title and publication date."""
    key = "\x1f".join([document.text, document.title, str(document.published)])
    return hashlib.sha256(key.encode()).hexdigest()
