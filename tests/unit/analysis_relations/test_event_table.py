"""Records and merged events into one Arrow table: what is counted, and as what."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from riftwatch.analysis.event_table import EVENT_SCHEMA, event_table
from riftwatch.events.merge import merge_mentions
from riftwatch.events.merged import mention_from_record
from tests.unit.analysis_relations.records import event


def test_facts_with_a_target_and_a_date_are_kept() -> None:
    table = event_table(
        [
            event("GBR", "RUS", "161", "2018-03-14", count=23.0),
            event("GBR", "RUS", "161", "2018-03-14", modality="announced"),
            event("AUT", "RUS", "161", "2018-03-26", modality="negated"),
            event("FRA", "RUS", "161", "2018-03-26", modality="hypothetical"),
            event("GBR", None, "161", "2018-03-14"),
            event("GBR", "GBR", "161", "2018-03-14"),
            event("GBR", "RUS", "161", None),
            event("WST", "RUS", "161", "2018-03-26", source_kind="group"),
        ]
    )
    assert table.schema == EVENT_SCHEMA
    assert table.num_rows == 2
    assert table["count"].to_pylist() == [23.0, None]
    assert table["outlets"].to_pylist()[0] == [f"doc:{table['doc_ids'][0][0]}"]


def test_a_refusal_to_cooperate_counts_as_a_rejection() -> None:
    table = event_table([event("RUS", "GBR", "036", "2018-03-20", modality="refused")])
    row = table.to_pylist()[0]
    assert (row["cameo"], row["quad_class"], row["goldstein"]) == ("120", 3, -4.0)


def test_dates_keep_their_precision() -> None:
    table = event_table([event("GBR", "RUS", "161", "2018-03"), event("GBR", "RUS", "161", "1971")])
    assert table["day"].to_pylist() == [dt.date(2018, 3, 1), dt.date(1971, 1, 1)]
    assert table["precision"].to_pylist() == [1, 2]


def test_merged_events_carry_their_outlets_and_documents() -> None:
    reports = [
        event("GBR", "RUS", "161", "2018-03-14", doc_id="bbc1", count=23.0),
        event("GBR", "RUS", "161", "2018-03-14", doc_id="reuters1", count=23.0),
        event("GBR", "RUS", "161", "2018-03-14", doc_id="reuters2"),
    ]
    outlets = {"bbc1": "bbc.com", "reuters1": "reuters.com", "reuters2": "reuters.com"}
    mentions = [
        mention_from_record(r, published=dt.date(2018, 3, 14), outlet=outlets[r.doc_id])
        for r in reports
    ]
    merged = merge_mentions(mentions)
    assert len(merged) == 1
    row = event_table(merged).to_pylist()[0]
    assert row["outlets"] == ["bbc.com", "reuters.com"]
    assert row["doc_ids"] == ["bbc1", "reuters1", "reuters2"]
    assert row["count"] == 23.0
    assert row["id"] == merged[0].id


def test_an_arrow_table_of_the_schema_passes_through() -> None:
    table = event_table([event("GBR", "RUS", "161", "2018-03-14")])
    again = event_table(pa.Table.from_batches(table.to_batches()))
    assert again.equals(table)
