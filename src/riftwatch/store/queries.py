"""What the store's event queries select, and the parameterised SQL they become.

`EventFilter` selects event mentions (one row per report, table `events`), `MergedFilter`
merged events (one row per real-world event, table `merged_events`). Both page in a fixed
order, by `offset` or, cheaper for deep pages, by `after`: the id of the last row already
seen (keyset paging, stable while rows are added elsewhere in the order).

Dates of any precision match a range when they can fall inside it: "2018-03" matches
15 March to 10 April 2018, because each date is compared with the bounds cut to its length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from riftwatch.errors import NotFoundError
from riftwatch.events.records import REPORTED_CONFIDENCE

# Order of event mentions: document, then reading order. Merged events: by date with undated
# ones last ("~" sorts after every ISO date), then id; spelt so a row key compares with it.
EVENT_ORDER = ("doc_id", "sentence", "trigger_start", "id")
MERGED_ORDER = ("coalesce(date, '~')", "id")
FACTUAL = "modality IN ('asserted', 'announced')"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `Store.query_events` selects; None means any."""

    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    root: str | None = None
    modality: str | None = None  # None: factual only (asserted, announced); "all": everything
    doc_id: str | None = None
    min_confidence: float = REPORTED_CONFIDENCE  # 0.0: the guesses under the floor as well
    groups: bool = False  # include claims by unnamed groups ("more than 20 Western states")
    limit: int | None = None
    cameo: str | None = None  # the full code, "161"
    plover: str | None = None  # PLOVER event type, "SANCTION"
    start: dt.date | None = None  # events whose date can fall on or after this day
    end: dt.date | None = None  # ... on or before this day
    offset: int = 0
    after: str | None = None  # keyset paging: rows after this event id, in query order
    ids: tuple[str, ...] | None = None  # only these events


@dataclass(frozen=True, slots=True)
class MergedFilter:
    """What `Store.query_merged` selects; None means any."""

    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    root: str | None = None
    modality: str | None = None  # None: facts only (asserted, announced); "all": everything
    doc_id: str | None = None  # events this document reports
    min_documents: int = 1
    min_sources: int = 0
    limit: int | None = None
    cameo: str | None = None
    plover: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    offset: int = 0
    after: str | None = None  # keyset paging: rows after this merged event id


def event_conditions(where: EventFilter) -> tuple[list[str], list[object]]:
    """WHERE clauses (joined with AND) and their parameters for `where`, paging aside."""
    clauses, params = _shared(where)
    clauses.append("confidence >= ?")
    params.append(where.min_confidence)
    if where.doc_id is not None:
        clauses.append("doc_id = ?")
        params.append(where.doc_id)
    if where.ids is not None:
        clauses.append("list_contains(?, id)")
        params.append(list(where.ids))
    if not where.groups:
        clauses.append("source_kind <> 'group'")
    return clauses, params


def merged_conditions(where: MergedFilter) -> tuple[list[str], list[object]]:
    """WHERE clauses and parameters for `where` on `merged_events`, paging aside."""
    clauses, params = _shared(where)
    clauses.extend(["documents >= ?", "sources >= ?"])
    params.extend([where.min_documents, where.min_sources])
    if where.doc_id is not None:
        clauses.append(
            "id IN (SELECT l.merged_id FROM merged_mentions l "
            "JOIN events e ON e.id = l.event_id WHERE e.doc_id = ?)"
        )
        params.append(where.doc_id)
    return clauses, params


def select_sql(
    table: str, columns: str, order: tuple[str, ...], clauses: list[str], *, keyset: bool
) -> str:
    """SELECT `columns` of `table` under `clauses` in `order`; with `keyset`, one parameter
    per ordering column (the last row seen) keeps only the rows after it."""
    key = f"({', '.join(order)}) > ({', '.join('?' for _ in order)})"
    conditions = [*clauses, key] if keyset else clauses
    where = " AND ".join(conditions) or "true"
    return f"SELECT {columns} FROM {table} WHERE {where} ORDER BY {', '.join(order)}"


def page_sql(limit: int | None, offset: int) -> str:
    """LIMIT and OFFSET clauses, formatted from integers."""
    sql = f" LIMIT {int(limit)}" if limit is not None else ""
    return sql + (f" OFFSET {int(offset)}" if offset else "")


def _shared(where: EventFilter | MergedFilter) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if where.modality is None:
        clauses.append(FACTUAL)
    elif where.modality != "all":
        clauses.append("modality = ?")
        params.append(where.modality)
    for column, value in (
        ("source", where.source),
        ("target", where.target),
        ("root", where.root),
        ("cameo", where.cameo),
        ("plover", where.plover),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if where.actor is not None:
        clauses.append("(source = ? OR target = ?)")
        params.extend([where.actor, where.actor])
    if where.start is not None:
        clauses.append("date >= left(?, length(date))")
        params.append(where.start.isoformat())
    if where.end is not None:
        clauses.append("date <= left(?, length(date))")
        params.append(where.end.isoformat())
    return clauses, params


def after_key(
    con: duckdb.DuckDBPyConnection, table: str, order: tuple[str, ...], row_id: str
) -> list[object]:
    """The ordering values of row `row_id`, where keyset paging resumes; NotFoundError if it
    is not there (gone since the page that named it was read)."""
    row = first_row(con, f"SELECT {', '.join(order)} FROM {table} WHERE id = ?", [row_id])
    if row is None:
        raise NotFoundError(
            f"no row {row_id!r} in {table} to page after: start again from the first page"
        )
    return list(row)


def first_row(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None
) -> tuple[Any, ...] | None:
    """The first row of a query (meant for one row), or None. Fetched whole: DuckDB refuses a
    relation query on a connection left with an unfinished result, as fetchone() leaves it."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None
