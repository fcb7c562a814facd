"""GET /events/{id} and GET /documents/{id}: one record with its evidence."""

from __future__ import annotations

import httpx

from riftwatch.api.models import DocumentOut, EventDetail
from riftwatch.store import EventFilter, MergedFilter, Store


def test_an_event_comes_with_its_merged_event_and_every_report(
    api: httpx.Client, store: Store
) -> None:
    merged = store.query_merged(MergedFilter(target="RUS", cameo="161", min_sources=2))[0]
    mention = merged.mentions[0]
    response = api.get(f"/events/{mention.id}")
    assert response.status_code == 200
    detail = EventDetail.model_validate(response.json())
    assert detail.event is not None and detail.event.id == mention.id
    assert detail.merged is not None and detail.merged.id == merged.id
    assert {r.id for r in detail.reports} == {m.id for m in merged.mentions}
    assert {r.doc_id for r in detail.reports} == {m.doc_id for m in merged.mentions}
    assert response.json()["merged"] == merged.to_dict()


def test_actor_spans_lie_in_the_evidence_sentences(api: httpx.Client, store: Store) -> None:
    record = store.query_events(EventFilter(doc_id="s002", target="RUS"))[0]
    detail = api.get(f"/events/{record.id}").json()
    report = next(r for r in detail["reports"] if r["id"] == record.id)
    inside = [
        a
        for a in detail["actors"]
        if a["doc_id"] == record.doc_id and a["sentence"] == record.sentence
    ]
    assert {record.source, record.target} <= {a["code"] for a in inside}
    for actor in inside:
        start, end = actor["start"] - report["start"], actor["end"] - report["start"]
        assert report["evidence"][start:end] == actor["text"]
    trigger = report["evidence"][
        report["trigger_start"] - report["start"] : report["trigger_end"] - report["start"]
    ]
    assert trigger == report["trigger"]


def test_a_merged_id_gives_the_merged_event(api: httpx.Client, store: Store) -> None:
    merged = store.query_merged(MergedFilter(min_sources=2))[0]
    detail = api.get(f"/events/{merged.id}").json()
    assert detail["event"] is None and detail["merged"]["id"] == merged.id
    assert len(detail["reports"]) == len(merged.mentions)


def test_a_group_claim_is_an_event_without_a_merged_one(api: httpx.Client, store: Store) -> None:
    claim = next(
        e for e in store.query_events(EventFilter(groups=True)) if e.source_kind == "group"
    )
    detail = api.get(f"/events/{claim.id}").json()
    assert detail["event"]["id"] == claim.id and detail["merged"] is None
    assert [r["id"] for r in detail["reports"]] == [claim.id]


def test_unknown_ids_are_json_404s(api: httpx.Client) -> None:
    for path in ("/events/nope", "/documents/nope"):
        response = api.get(path)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
        assert "nope" in response.json()["error"]["message"]


def test_a_document_comes_with_every_event_read_in_it(api: httpx.Client, store: Store) -> None:
    response = api.get("/documents/s002")
    assert response.status_code == 200
    document = DocumentOut.model_validate(response.json())
    stored = store.get_document("s002")
    assert stored is not None
    assert (document.title, document.text, document.published) == (
        stored.title,
        stored.text,
        stored.published,
    )
    assert document.outlet == "reuters.com"
    everything = store.query_events(EventFilter(doc_id="s002", modality="all", groups=True))
    assert [e.id for e in document.events] == [e.id for e in everything]
    assert "origin" not in response.json()  # server paths stay on the server
