"""The only importer of duckdb: open a store file, migrate it, write documents, query events."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import duckdb

from riftwatch.errors import StoreError
from riftwatch.events.merge import DEFAULT_RULES, MergeRules
from riftwatch.events.merged import MergedEvent, outlet_of
from riftwatch.events.records import EventRecord
from riftwatch.store.merging import MergedFilter, MergeReport, merge_pending, query_merged
from riftwatch.store.schema import MIGRATIONS
from riftwatch.types import ActorMention, Document

DEFAULT_STORE = Path("riftwatch.duckdb")
_EVENT_COLUMNS = [f.name for f in fields(EventRecord)]
# Column names that are SQL keywords or clash with DuckDB functions get a suffix in the table.
_RENAMED = {"start": "start_char", "end": "end_char"}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `Store.query_events` selects; None means any."""

    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    root: str | None = None
    modality: str | None = None  # None: factual only (asserted, announced); "all": everything
    doc_id: str | None = None
    min_confidence: float = 0.0
    groups: bool = False  # include claims by unnamed groups ("more than 20 Western states")
    limit: int | None = None


class Store:
    """A DuckDB file holding documents, actor mentions and coded events."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if not read_only:
            self._migrate()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT now())"
        )
        done = {
            row[0] for row in self._con.execute("SELECT version FROM schema_migrations").fetchall()
        }
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self._transaction():
                self._con.execute(sql)
                self._con.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name]
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

    def has_document(self, document: Document) -> bool:
        """True when this document, with this exact text, is already stored."""
        row = self._con.execute(
            "SELECT content_hash FROM documents WHERE id = ?", [document.id]
        ).fetchone()
        return row is not None and row[0] == content_hash(document)

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

    def _insert_document(self, document: Document) -> None:
        self._con.execute(
            "INSERT INTO documents (id, content_hash, title, published, url, origin, text, "
            "outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                document.id,
                content_hash(document),
                document.title,
                document.published,
                document.url,
                document.origin,
                document.text,
                outlet_of(document.url),
            ],
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
        if rows:
            self._con.executemany(
                "INSERT OR IGNORE INTO mentions (doc_id, sentence, start_char, end_char, text, "
                "code, name, sector, kind, rule, place, seat, certainty, doubt) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def _insert_events(self, events: Sequence[EventRecord]) -> None:
        if not events:
            return
        columns = _column_list()
        marks = ", ".join("?" for _ in _EVENT_COLUMNS)
        rows = [[getattr(e, c) for c in _EVENT_COLUMNS] for e in events]
        self._con.executemany(f"INSERT OR IGNORE INTO events ({columns}) VALUES ({marks})", rows)

    def query_events(self, where: EventFilter | None = None) -> list[EventRecord]:
        """Events matching `where`, in document and sentence order."""
        where = where or EventFilter()
        sql, params = _event_query(where)
        rows = self._con.execute(sql, params).fetchall()
        return [EventRecord(*row) for row in rows]

    def merge_events(self, rules: MergeRules = DEFAULT_RULES) -> MergeReport:
        """Fold events stored since the last merge into one record per real-world event.

        Incremental and idempotent: only the blocks new or changed events fall in are redone,
        and merging again with nothing new changes nothing (see store/merging.py).
        """
        try:
            with self._transaction():
                return merge_pending(self._con, rules)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: could not merge events: {exc}") from exc

    def query_merged(self, where: MergedFilter | None = None) -> list[MergedEvent]:
        """Merged events matching `where`, by date, each with every mention of it."""
        try:
            return query_merged(self._con, where or MergedFilter())
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
        row = self._con.execute(sql).fetchone()
        return row[0] if row else None


def _column_list() -> str:
    return ", ".join(f'"{_RENAMED.get(c, c)}"' for c in _EVENT_COLUMNS)


def content_hash(document: Document) -> str:
    """Hash of what coding depends on: text, title and publication date."""
    key = "\x1f".join([document.text, document.title, str(document.published)])
    return hashlib.sha256(key.encode()).hexdigest()


def _event_query(where: EventFilter) -> tuple[str, list[object]]:
    columns = _column_list()
    clauses: list[str] = ["confidence >= ?"]
    params: list[object] = [where.min_confidence]
    if where.modality is None:
        clauses.append("modality IN ('asserted', 'announced')")
    elif where.modality != "all":
        clauses.append("modality = ?")
        params.append(where.modality)
    for column, value in (
        ("source", where.source),
        ("target", where.target),
        ("root", where.root),
        ("doc_id", where.doc_id),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if not where.groups:
        clauses.append("source_kind <> 'group'")
    if where.actor is not None:
        clauses.append("(source = ? OR target = ?)")
        params.extend([where.actor, where.actor])
    sql = f"SELECT {columns} FROM events WHERE {' AND '.join(clauses)} "
    sql += "ORDER BY doc_id, sentence, trigger_start, id"
    if where.limit is not None:
        sql += f" LIMIT {int(where.limit)}"
    return sql, params
