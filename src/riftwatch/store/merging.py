"""Merged events in the store: re-cluster only the blocks that new or changed events fall in.

What needs merging is read from the data, not from a queue: each link in `merged_mentions`
keeps a fingerprint of what the merge read from its event and document (and of the merge
rules), so an event that is new, changed or gone shows up as a difference between `events` and
the links. A run killed before it merged, a document stored again with other text, or a
change of rules is picked up by the next merge, and a document stored twice unchanged adds
nothing. The blocks touched are deleted and rewritten whole, inside the caller's transaction.

A merge holds in memory one chunk of blocks at a time (about CHUNK_MENTIONS mentions): the
work lists live in DuckDB temp tables, which spill to disk beyond its memory limit. On a store
whose blocks all recur, as on generated articles, a merge re-clusters nearly every mention, and
reading them all at once made the merge's memory grow with the store (#8).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from riftwatch.events.merge import MergeRules, block_key, group_blocks, merge_block
from riftwatch.events.merged import EventMention, MergedEvent, merged_event
from riftwatch.store.queries import MergedFilter
from riftwatch.store.reads import merged_ids

# Bump when block_key or clustering changes meaning: every link then looks stale, and the next
# merge redoes the whole store once (as it would if a DuckDB upgrade changed hash()).
MERGE_VERSION = "merge.v1"

_MENTION_COLUMNS = """
    e.id, e.doc_id, coalesce(d.outlet, ''), d.published, e.sentence, e.start_char, e.end_char,
    e.trigger_start, e.trigger_end, e.source, e.target, e.cameo, e.root, e.plover,
    e.plover_mode, e.count, e.count_qualifier, e.count_unit, e.date, e.date_precision,
    coalesce(e.date_fallback, false), e.modality, coalesce(e."symmetric", false)
"""
# Group claims ("more than 20 Western states") are claims about many events, not one event.
_CURRENT = f"""
    CREATE OR REPLACE TEMP TABLE _current AS
    SELECT e.id, hash({_MENTION_COLUMNS}, ?::VARCHAR) AS fp
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE e.source_kind IS DISTINCT FROM 'group'
"""
# The new or changed mentions, numbered so that their block keys can be worked out page by page.
_NEW = """
    CREATE OR REPLACE TEMP TABLE _new AS
    SELECT row_number() OVER () AS n, c.id, c.fp FROM _current c
    WHERE NOT EXISTS (
        SELECT 1 FROM merged_mentions l WHERE l.event_id = c.id AND l.fingerprint = c.fp)
"""
_NEW_PAGE = f"""
    SELECT {_MENTION_COLUMNS}, w.fp
    FROM _new w JOIN events e ON e.id = w.id JOIN documents d ON d.id = e.doc_id
    WHERE w.n > ? AND w.n <= ?
"""
_STALE_BLOCKS = """
    SELECT DISTINCT l.block FROM merged_mentions l
    WHERE NOT EXISTS (SELECT 1 FROM _current c WHERE c.id = l.event_id AND c.fp = l.fingerprint)
"""
# Every mention of the touched blocks: the new ones, and those kept from the last merge. Only
# their keys: the columns are read chunk by chunk.
_WORK = """
    CREATE OR REPLACE TEMP TABLE _work AS
    SELECT block, id, fp FROM _pending
    UNION ALL
    SELECT l.block, l.event_id, l.fingerprint
    FROM merged_mentions l
    JOIN _touched t ON t.block = l.block
    JOIN _current c ON c.id = l.event_id AND c.fp = l.fingerprint
"""
_BLOCK_SIZES = """
    SELECT t.block, count(w.block) FROM _touched t LEFT JOIN _work w ON w.block = t.block
    GROUP BY t.block ORDER BY t.block
"""
_CHUNK_BLOCKS = "SELECT block FROM _touched WHERE block >= ? AND block <= ?"
_CHUNK = f"""
    SELECT {_MENTION_COLUMNS}, w.fp
    FROM _work w JOIN events e ON e.id = w.id JOIN documents d ON d.id = e.doc_id
    WHERE w.block >= ? AND w.block <= ?
"""
_TEMP_TABLES = ("_current", "_new", "_pending", "_touched", "_work")
# A merge reads, clusters and writes the touched blocks in chunks of about this many mentions
# (a block is never split), so that its memory does not grow with the store (#8).
CHUNK_MENTIONS = 20_000
_MERGED_FIELDS = (
    "id", "block", "source", "target", "cameo", "root", "plover", "plover_mode", "modality",
    "symmetric", "date", "date_precision", "date_fallback", "count", "count_qualifier",
    "count_low", "count_high", "documents", "sources", "mentions", "first_seen", "last_seen",
)  # fmt: skip
_MERGED_COLUMNS = ", ".join(f'"{name}"' for name in _MERGED_FIELDS)


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What one merge did."""

    mentions: int = 0  # new or changed event mentions read
    blocks: int = 0  # blocks re-clustered
    events: int = 0  # merged events written for those blocks


def merge_pending(
    con: duckdb.DuckDBPyConnection,
    rules: MergeRules,
    *,
    chunk: int = CHUNK_MENTIONS,
    transaction: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> MergeReport:
    """Merge the events that are new or changed since the last merge, `chunk` mentions at a
    time; a whole block at once, so the result does not depend on `chunk`.

    Each chunk is written inside its own `transaction()`. A chunk rewrites whole blocks, so a
    merge stopped between chunks leaves each block either merged anew or as it was, and the
    next merge finds the rest (their links still hold the old fingerprints). One transaction
    for the whole merge held every rewritten row in memory until the end (#8)."""
    con.execute(_CURRENT, [f"{MERGE_VERSION}:{rules!r}"])
    pending = _key_new_mentions(con, chunk)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _touched AS "
        f"SELECT DISTINCT block FROM _pending UNION {_STALE_BLOCKS}"
    )
    con.execute(_WORK)
    sizes = con.execute(_BLOCK_SIZES).fetchall()
    events = 0
    for blocks in _chunks(sizes, chunk):
        with transaction():
            events += _merge_blocks(con, blocks, rules)
    for table in _TEMP_TABLES:
        con.execute(f"DROP TABLE {table}")
    return MergeReport(pending, len(sizes), events)


def _key_new_mentions(con: duckdb.DuckDBPyConnection, page: int) -> int:
    """Fill `_pending` with the block and fingerprint of every new or changed mention, a page
    at a time (block keys are worked out in Python); return how many there are."""
    con.execute(_NEW)
    con.execute("CREATE OR REPLACE TEMP TABLE _pending (block VARCHAR, id VARCHAR, fp UBIGINT)")
    total = con.execute("SELECT count(*) FROM _new").fetchone()[0]  # type: ignore[index]
    for start in range(0, total, page):
        rows = _fetch_mentions(con, _NEW_PAGE, [start, start + page])
        keyed = pa.table(
            {
                "block": [block_key(m) for m, _ in rows],
                "id": [m.id for m, _ in rows],
                "fp": pa.array([fp for _, fp in rows], pa.uint64()),
            }
        )
        _insert(con, "_pending", "block, id, fp", keyed)
    return int(total)


def _chunks(sizes: Sequence[tuple[str, int]], limit: int) -> Iterator[list[str]]:
    """Consecutive blocks whose mentions add up to at most `limit` (a larger block alone)."""
    blocks: list[str] = []
    total = 0
    for block, size in sizes:
        if blocks and total + size > limit:
            yield blocks
            blocks, total = [], 0
        blocks.append(block)
        total += size
    if blocks:
        yield blocks


def _merge_blocks(con: duckdb.DuckDBPyConnection, blocks: list[str], rules: MergeRules) -> int:
    """Re-cluster these blocks from all their current mentions and rewrite them; return how
    many merged events they now hold."""
    span = [blocks[0], blocks[-1]]  # _touched and _work hold the touched blocks only
    mentions = _fetch_mentions(con, _CHUNK, span)
    fingerprints = {m.id: fp for m, fp in mentions}
    grouped = group_blocks(m for m, _ in mentions)
    merged = [(key, event) for key, block in grouped.items() for event in merge_block(block, rules)]
    for table in ("merged_events", "merged_mentions"):
        con.execute(f"DELETE FROM {table} WHERE block IN ({_CHUNK_BLOCKS})", span)
    _insert(con, "merged_events", _MERGED_COLUMNS, _event_table(merged))
    _insert(
        con,
        "merged_mentions",
        "merged_id, event_id, block, fingerprint",
        _link_table(merged, fingerprints),
    )
    return len(merged)


def query_merged(con: duckdb.DuckDBPyConnection, where: MergedFilter) -> list[MergedEvent]:
    """Merged events matching `where`, by date, each rebuilt from its mentions."""
    return merged_events(con, merged_ids(con, where))


def merged_events(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[MergedEvent]:
    """The merged events with these ids, in that order, each rebuilt from its mentions."""
    if not ids:
        return []
    con.register("_selected", pa.table({"id": list(ids)}))
    rows = con.execute(
        f"SELECT l.merged_id, {_MENTION_COLUMNS} FROM merged_mentions l "
        "JOIN _selected s ON s.id = l.merged_id "
        "JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = e.doc_id"
    ).fetchall()
    con.unregister("_selected")
    members: dict[str, list[EventMention]] = {merged: [] for merged in ids}
    for row in rows:
        members[row[0]].append(_mention(row[1:]))
    return [merged_event(members[merged]) for merged in ids if members[merged]]


def _fetch_mentions(
    con: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[object] = ()
) -> list[tuple[EventMention, int]]:
    return [(_mention(row), row[-1]) for row in con.execute(sql, parameters).fetchall()]


def _mention(row: Sequence[Any]) -> EventMention:
    """An EventMention from a row in `_MENTION_COLUMNS` order (fingerprint after it)."""
    return EventMention(*row[:23])


def _event_table(merged: list[tuple[str, MergedEvent]]) -> pa.Table:
    rows = [_event_row(key, event) for key, event in merged]
    return pa.table({name: [row[i] for row in rows] for i, name in enumerate(_MERGED_FIELDS)})


def _event_row(key: str, e: MergedEvent) -> tuple[object, ...]:
    count = e.count
    return (
        e.id,
        key,
        e.source,
        e.target,
        e.cameo,
        e.root,
        e.plover,
        e.plover_mode,
        e.modality,
        e.symmetric,
        e.date,
        e.date_precision,
        e.date_fallback,
        count.value if count else None,
        count.qualifier if count else None,
        count.low if count else None,
        count.high if count else None,
        e.documents,
        e.sources,
        len(e.mentions),
        e.first_seen,
        e.last_seen,
    )


def _link_table(merged: list[tuple[str, MergedEvent]], fingerprints: dict[str, int]) -> pa.Table:
    links = [(e.id, m.id, key, fingerprints[m.id]) for key, e in merged for m in e.mentions]
    return pa.table(
        {
            "merged_id": [link[0] for link in links],
            "event_id": [link[1] for link in links],
            "block": [link[2] for link in links],
            "fingerprint": pa.array([link[3] for link in links], pa.uint64()),
        }
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: str, rows: pa.Table) -> None:
    if rows.num_rows:
        con.register("_rows", rows)
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _rows")
        con.unregister("_rows")
