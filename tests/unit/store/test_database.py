from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from riftwatch.events.records import EventRecord
from riftwatch.store import EventFilter, Store, content_hash
from riftwatch.store.schema import MIGRATIONS
from riftwatch.types import ActorKind, ActorMention, Document
from tests.records import BASE_RECORD

DOC = Document(
    id="d1",
    text="Nato expelled seven Russian diplomats.",
    title="t",
    published=dt.date(2018, 3, 27),
    origin="d1.txt",
)

EVENT = replace(BASE_RECORD, id="e1", doc_id="d1", count=7.0)  # a float count round-trips


def _event(**changes: object) -> EventRecord:
    return replace(EVENT, **changes)


def _mention() -> ActorMention:
    return ActorMention(
        doc_id="d1",
        sentence=0,
        start=0,
        end=4,
        token_start=0,
        token_end=1,
        text="Nato",
        code="NATO",
        name="NATO",
        kind=ActorKind.IGO,
    )


def test_save_and_query_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_document(DOC, [_mention()], [_event()])
        rows = store.query_events()
    assert rows == [_event()]


def test_saving_twice_keeps_one_copy(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_document(DOC, [_mention()], [_event()])
        store.save_document(DOC, [_mention()], [_event()])
        assert store.counts() == {"documents": 1, "mentions": 1, "events": 1}
        assert store.has_document(DOC)
        assert not store.has_document(replace(DOC, text=DOC.text + " More."))


def test_stored_hashes_answer_for_a_batch_of_ids(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_document(DOC, [], [])
        assert store.stored_hashes(["d1", "d2"]) == {"d1": content_hash(DOC)}
        assert store.stored_hashes([]) == {}


def test_failed_write_keeps_what_was_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_document(DOC, [_mention()], [_event()])
        broken = _event(id="e2", trigger=None)  # violates NOT NULL: the transaction must roll back
        with pytest.raises(Exception, match="could not store"):
            store.save_document(DOC, [], [broken])  # type: ignore[list-item]
        assert store.query_events() == [_event()]


def test_filters_select_by_actor_root_and_modality(tmp_path: Path) -> None:
    negated = _event(id="e2", source="JPN", modality="negated")
    threat = _event(id="e3", source="GBR", cameo="130", root="13", confidence=0.4)
    with Store(tmp_path / "s.duckdb") as store:
        store.save_document(DOC, [], [_event(), negated, threat])
        assert [e.id for e in store.query_events()] == ["e1", "e3"]
        assert [e.id for e in store.query_events(EventFilter(modality="all"))] == ["e1", "e2", "e3"]
        assert [e.id for e in store.query_events(EventFilter(root="13"))] == ["e3"]
        assert [e.id for e in store.query_events(EventFilter(min_confidence=0.5))] == ["e1"]
        assert [e.id for e in store.query_events(EventFilter(actor="GBR"))] == ["e3"]


def test_group_claims_are_listed_only_on_request(tmp_path: Path) -> None:
    claim = _event(id="e9", source="WST", source_kind="group", count=130.0)
    with Store(tmp_path / "s.duckdb") as store:
        store.save_document(DOC, [], [_event(), claim])
        assert [e.id for e in store.query_events()] == ["e1"]
        assert [e.id for e in store.query_events(EventFilter(groups=True))] == ["e1", "e9"]


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    Store(path).close()
    con = duckdb.connect(str(path))
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone() == (len(MIGRATIONS),)
