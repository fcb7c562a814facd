"""Merged events in a real DuckDB store: incremental, idempotent, order-independent."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from riftwatch.errors import StoreError
from riftwatch.events.merge import DEFAULT_RULES
from riftwatch.events.records import EventRecord
from riftwatch.store import MergedFilter, Store
from riftwatch.store.merging import merge_pending
from riftwatch.store.schema import MIGRATIONS
from riftwatch.types import Document
from tests.records import EXPULSION


def _document(n: int, day: int = 15, outlet: str = "bbc.co.uk") -> Document:
    return Document(
        id=f"d{n}",
        text=f"Report {n}: Britain expelled 23 Russian diplomats.",
        published=dt.date(2018, 3, day),
        url=f"https://www.{outlet}/news/{n}",
        origin=f"d{n}.txt",
    )


def _expulsion(n: int, **changes: object) -> EventRecord:
    return replace(replace(EXPULSION, id=f"e{n}", doc_id=f"d{n}"), **changes)


def _reports() -> list[tuple[Document, list[EventRecord]]]:
    """Three reports of the British expulsion, two of the Russian reply, one negated aside."""
    return [
        (_document(1, 14), [_expulsion(1)]),
        (_document(2, 15, "reuters.com"), [_expulsion(2, date="2018-03", date_precision="month")]),
        (
            _document(3, 16, "theguardian.com"),
            [
                _expulsion(
                    3,
                    count=20.0,
                    count_qualifier="more_than",
                    date="2018-03-16",
                    date_fallback=True,
                ),
                _expulsion(30, doc_id="d3", source="JPN", modality="negated"),
            ],
        ),
        (
            _document(4, 17, "reuters.com"),
            [
                _expulsion(4, source="RUS", target="GBR", date="2018-03-17"),
            ],
        ),
        (_document(5, 18), [_expulsion(5, source="RUS", target="GBR", date="2018-03-17")]),
    ]


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    return [
        (e.id, e.source, e.target, e.date, e.documents, sorted(m.id for m in e.mentions))
        for e in store.query_merged(MergedFilter(modality="all"))
    ]


def test_reports_merge_into_one_event_each(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        for document, events in _reports():
            store.save_document(document, [], events)
        report = store.merge_events()
        merged = store.query_merged()
    assert (report.mentions, report.events) == (6, 3)
    assert [(e.source, e.target, e.documents, e.sources) for e in merged] == [
        ("GBR", "RUS", 3, 3),
        ("RUS", "GBR", 2, 2),
    ]
    british = merged[0]
    assert (british.date, british.count and british.count.label()) == ("2018-03-14", "23")
    assert (british.first_seen, british.last_seen) == (dt.date(2018, 3, 14), dt.date(2018, 3, 16))


def test_merging_document_by_document_equals_merging_all_at_once(tmp_path: Path) -> None:
    with Store(tmp_path / "batch.duckdb") as store:
        for document, events in _reports():
            store.save_document(document, [], events)
        store.merge_events()
        expected = _snapshot(store)
    rng = random.Random(5)
    for attempt in range(4):
        reports = _reports()
        rng.shuffle(reports)
        with Store(tmp_path / f"inc{attempt}.duckdb") as store:
            for document, events in reports:
                store.save_document(document, [], events)
                store.merge_events()
            assert _snapshot(store) == expected


def test_the_same_document_twice_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        for _ in range(2):
            for document, events in _reports():
                store.save_document(document, [], events)
            store.merge_events()
        assert store.merge_events().mentions == 0
    with duckdb.connect(str(path), read_only=True) as con:
        links = con.execute("SELECT count(*), count(DISTINCT event_id) FROM merged_mentions")
        assert links.fetchone() == (6, 6)
        assert con.execute("SELECT count(*) FROM merged_events").fetchone() == (3,)


def test_a_changed_document_updates_its_events(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        for document, events in _reports():
            store.save_document(document, [], events)
        store.merge_events()
        document, _ = _reports()[0]
        store.save_document(replace(document, text="Corrected."), [], [])  # no event any more
        store.merge_events()
        [british, _] = store.query_merged()
    assert sorted(m.doc_id for m in british.mentions) == ["d2", "d3"]
    assert british.date == "2018-03"  # the day came from the withdrawn report


def test_filters_select_merged_events(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        for document, events in _reports():
            store.save_document(document, [], events)
        store.merge_events()
        assert [e.source for e in store.query_merged(MergedFilter(target="GBR"))] == ["RUS"]
        assert [e.source for e in store.query_merged(MergedFilter(min_documents=3))] == ["GBR"]
        assert [e.source for e in store.query_merged(MergedFilter(doc_id="d5"))] == ["RUS"]
        assert [e.modality for e in store.query_merged(MergedFilter(modality="negated"))] == [
            "negated"
        ]
        assert len(store.query_merged(MergedFilter(actor="GBR", limit=1))) == 1


def test_group_claims_are_not_merged(tmp_path: Path) -> None:
    claim = _expulsion(9, doc_id="d1", source="WST", source_kind="group", count=130.0)
    with Store(tmp_path / "s.duckdb") as store:
        store.save_document(_document(1), [], [_expulsion(1), claim])
        store.merge_events()
        assert [e.source for e in store.query_merged()] == ["GBR"]


def test_a_store_never_merged_says_what_to_run(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE documents (id VARCHAR)")
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="riftwatch merge"):
        store.query_merged()


def test_an_older_store_is_upgraded_and_merged(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE schema_migrations (version INTEGER, name VARCHAR)")
        for version, name, sql in MIGRATIONS[:3]:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, name])
        con.execute(
            "INSERT INTO documents (id, content_hash, text, published, url) VALUES "
            "('d1', '', 'x', DATE '2018-03-14', 'https://www.BBC.co.uk/news/1')"
        )
    with Store(path) as store:
        store._insert_events([_expulsion(1)])
        store.merge_events()
        [event] = store.query_merged()
    assert event.mentions[0].outlet == "bbc.co.uk"


def _many_blocks() -> list[tuple[Document, list[EventRecord]]]:
    """Reports spread over many blocks (actor pairs and years), several mentions in each."""
    pairs = [("GBR", "RUS"), ("RUS", "GBR"), ("USA", "RUS"), ("FRA", "DEU"), ("JPN", "CHN")]
    rng = random.Random(8)
    reports = []
    for n in range(60):
        source, target = pairs[n % len(pairs)]
        year, day = 2016 + n % 3, 10 + rng.randrange(4)
        events = [
            _expulsion(100 * n + k, doc_id=f"d{n}", source=source, target=target,
                       date=f"{year}-03-{day + k}", count=float(rng.choice([20, 23, 24])))
            for k in range(rng.randrange(1, 4))
        ]  # fmt: skip
        reports.append((_document(n, day), events))
    return reports


def _merged_rows(store: Store) -> list[tuple[object, ...]]:
    con = store._con
    events = con.execute("SELECT * FROM merged_events ORDER BY id").fetchall()
    links = con.execute("SELECT * FROM merged_mentions ORDER BY event_id").fetchall()
    return [*events, *links]


def test_merging_in_chunks_equals_merging_at_once(tmp_path: Path) -> None:
    results = []
    for chunk in (1_000_000, 7, 1):
        with Store(tmp_path / f"c{chunk}.duckdb") as store:
            reports = _many_blocks()
            for document, events in reports[:40]:
                store.save_document(document, [], events)
            with store._transaction():
                merge_pending(store._con, DEFAULT_RULES, chunk=chunk)
            for document, events in reports[30:]:  # ten of them changed, twenty new
                store.save_document(replace(document, title="Updated"), [], events[:1])
            with store._transaction():
                report = merge_pending(store._con, DEFAULT_RULES, chunk=chunk)
            results.append((report, _merged_rows(store)))
    (whole, rows), *chunked = results
    assert whole.blocks > 5 and len(rows) > 50
    assert all(result == (whole, rows) for result in chunked)


class _Stop(Exception):
    pass


def _stopping_after(store: Store, chunks: int) -> Callable[[], AbstractContextManager[None]]:
    """A transaction per chunk, as the store gives, that fails before chunk `chunks` + 1."""
    committed = []

    @contextmanager
    def transaction() -> Iterator[None]:
        if len(committed) == chunks:
            raise _Stop
        with store._transaction():
            yield
        committed.append(True)

    return transaction


def test_a_merge_stopped_between_chunks_is_finished_by_the_next(tmp_path: Path) -> None:
    """Each chunk commits on its own; the blocks a stopped merge did not reach still look
    stale, so the next merge redoes them and ends where one whole merge would."""
    with Store(tmp_path / "whole.duckdb") as store:
        for document, events in _many_blocks():
            store.save_document(document, [], events)
        store.merge_events()
        whole = _merged_rows(store)
    with Store(tmp_path / "stopped.duckdb") as store:
        for document, events in _many_blocks():
            store.save_document(document, [], events)
        with pytest.raises(_Stop):
            merge_pending(store._con, DEFAULT_RULES, chunk=7, transaction=_stopping_after(store, 3))
        assert 0 < len(_merged_rows(store)) < len(whole)
        assert store.merge_events().blocks > 0
        assert store.merge_events().mentions == 0
        assert _merged_rows(store) == whole


def test_a_long_write_holds_duckdb_to_a_memory_limit(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        setting = "SELECT current_setting('memory_limit'), current_setting('threads')"
        default = store._con.execute(setting).fetchone()
        with store.bounded_memory("100MB"):
            limit, threads = store._con.execute(setting).fetchone()  # type: ignore[misc]
            assert (limit, threads) == ("95.3 MiB", 1)
        assert store._con.execute(setting).fetchone() == default
