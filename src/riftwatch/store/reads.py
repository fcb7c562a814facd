"""Reads by filter and by id: event rows, Arrow tables, counts, documents and actor codes.

Tables come back with the record's field names (`start`, not the stored `start_char`); an
events table adds the document's `published`, `url` and `outlet` to each row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import duckdb
import pyarrow as pa

from riftwatch.errors import StoreError
from riftwatch.events.records import EventRecord
from riftwatch.store.queries import (
    EVENT_ORDER,
    MERGED_ORDER,
    EventFilter,
    MergedFilter,
    after_key,
    event_conditions,
    first_row,
    merged_conditions,
    page_sql,
    select_sql,
)
from riftwatch.types import Document

EVENT_FIELDS = tuple(f.name for f in fields(EventRecord))
DOCUMENT_FIELDS = ("published", "url", "outlet")
MERGED_FIELDS = (
    "id", "source", "target", "cameo", "root", "plover", "plover_mode", "modality",
    "symmetric", "date", "date_precision", "date_fallback", "count", "count_qualifier",
    "count_low", "count_high", "documents", "sources", "mentions", "first_seen", "last_seen",
)  # fmt: skip
# Column names that are SQL keywords or clash with DuckDB functions get a suffix in the table.
_RENAMED = {"start": "start_char", "end": "end_char"}
STORED_EVENT_COLUMNS = ", ".join(f'"{_RENAMED.get(c, c)}"' for c in EVENT_FIELDS)
_EVENT_AS_FIELDS = ", ".join(f'"{_RENAMED.get(c, c)}" AS "{c}"' for c in EVENT_FIELDS)
_MERGED_COLUMNS = ", ".join(f'"{c}"' for c in MERGED_FIELDS)


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor code seen in the store, its commonest name and how many events name it."""

    code: str
    name: str
    events: int  # events it acts in, as source or target


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """A stored actor mention: where a document names an actor, and whom it resolved to."""

    doc_id: str
    sentence: int
    start: int  # character offsets into the document text
    end: int
    text: str
    code: str
    name: str
    kind: str


def event_rows(con: duckdb.DuckDBPyConnection, where: EventFilter) -> list[tuple[Any, ...]]:
    """Rows of `events` in EventRecord field order."""
    sql, params = _event_select(con, where, STORED_EVENT_COLUMNS)
    return con.execute(sql, params).fetchall()


def events_table(con: duckdb.DuckDBPyConnection, where: EventFilter) -> pa.Table:
    """Events as an Arrow table: the record's fields, then its document's."""
    page, params = _event_select(con, where, _EVENT_AS_FIELDS)
    order = ", ".join(f"e.{c}" for c in EVENT_ORDER)
    documents = ", ".join(f"d.{c}" for c in DOCUMENT_FIELDS)
    sql = (
        f"SELECT e.*, {documents} FROM ({page}) e "
        f"LEFT JOIN documents d ON d.id = e.doc_id ORDER BY {order}"
    )
    return _arrow(con, sql, params)


def count_events(con: duckdb.DuckDBPyConnection, where: EventFilter) -> int:
    """How many events match `where`, paging aside."""
    clauses, params = event_conditions(where)
    sql = f"SELECT count(*) FROM events WHERE {' AND '.join(clauses) or 'true'}"
    return _scalar(con, sql, params)


def merged_ids(con: duckdb.DuckDBPyConnection, where: MergedFilter) -> list[str]:
    """Ids of the merged events matching `where`, in query order."""
    sql, params = _merged_select(con, where, "id")
    return [row[0] for row in con.execute(sql, params).fetchall()]


def merged_table(con: duckdb.DuckDBPyConnection, where: MergedFilter) -> pa.Table:
    """Merged events as an Arrow table, one row each (their mentions are not included)."""
    sql, params = _merged_select(con, where, _MERGED_COLUMNS)
    return _arrow(con, sql, params)


def count_merged(con: duckdb.DuckDBPyConnection, where: MergedFilter) -> int:
    """How many merged events match `where`, paging aside."""
    clauses, params = merged_conditions(where)
    sql = f"SELECT count(*) FROM merged_events WHERE {' AND '.join(clauses) or 'true'}"
    return _scalar(con, sql, params)


def event_by_id(con: duckdb.DuckDBPyConnection, event_id: str) -> EventRecord | None:
    """One event mention, or None."""
    row = first_row(con, f"SELECT {STORED_EVENT_COLUMNS} FROM events WHERE id = ?", [event_id])
    return EventRecord(*row) if row else None


def merged_id_of(con: duckdb.DuckDBPyConnection, event_id: str) -> str | None:
    """The merged event an event mention belongs to, or None (not merged yet, or a claim)."""
    row = first_row(con, "SELECT merged_id FROM merged_mentions WHERE event_id = ?", [event_id])
    return str(row[0]) if row else None


def document_by_id(con: duckdb.DuckDBPyConnection, doc_id: str) -> Document | None:
    """One stored document, or None."""
    row = first_row(
        con,
        "SELECT id, text, coalesce(title, ''), published, url, coalesce(origin, '') "
        "FROM documents WHERE id = ?",
        [doc_id],
    )
    return Document(*row) if row else None


def actor_spans(
    con: duckdb.DuckDBPyConnection, places: Sequence[tuple[str, int]]
) -> list[ActorSpan]:
    """The actor mentions in these (document, sentence) places, in text order; mentions that
    name a place rather than an actor ("talks in Moscow") are left out."""
    if not places:
        return []
    rows = con.execute(
        "SELECT doc_id, sentence, start_char, end_char, text, code, coalesce(name, ''), "
        "coalesce(kind, '') FROM mentions "
        "WHERE list_contains(?, doc_id || ':' || sentence) AND NOT coalesce(place, false) "
        "ORDER BY doc_id, start_char",
        [[f"{doc_id}:{sentence}" for doc_id, sentence in places]],
    ).fetchall()
    return [ActorSpan(*row) for row in rows]


def actor_counts(con: duckdb.DuckDBPyConnection) -> list[ActorCount]:
    """Every actor code that acts in a stored event, most frequent first."""
    rows = con.execute(
        """
        SELECT code, coalesce(mode(name), ''), count(*) AS n FROM (
            SELECT source AS code, source_name AS name FROM events
            UNION ALL
            SELECT target, target_name FROM events WHERE target IS NOT NULL
        ) GROUP BY code ORDER BY n DESC, code
        """
    ).fetchall()
    return [ActorCount(*row) for row in rows]


def _event_select(
    con: duckdb.DuckDBPyConnection, where: EventFilter, columns: str
) -> tuple[str, list[object]]:
    clauses, params = event_conditions(where)
    if where.after is not None:
        params.extend(after_key(con, "events", EVENT_ORDER, where.after))
    sql = select_sql("events", columns, EVENT_ORDER, clauses, keyset=where.after is not None)
    return sql + page_sql(where.limit, where.offset), params


def _merged_select(
    con: duckdb.DuckDBPyConnection, where: MergedFilter, columns: str
) -> tuple[str, list[object]]:
    clauses, params = merged_conditions(where)
    if where.after is not None:
        params.extend(after_key(con, "merged_events", MERGED_ORDER, where.after))
    sql = select_sql(
        "merged_events", columns, MERGED_ORDER, clauses, keyset=where.after is not None
    )
    return sql + page_sql(where.limit, where.offset), params


def _arrow(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> pa.Table:
    relation = con.sql(sql, params=params)  # a relation: no extra copy, unlike a cursor's
    if relation is None:
        raise StoreError(f"query returned no relation: {sql}")
    return relation.to_arrow_table()


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> int:
    row = first_row(con, sql, params)
    return int(row[0]) if row else 0
