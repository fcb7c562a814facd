"""GET /events: filters give what the Python API gives, pages join up, formats parse back."""

from __future__ import annotations

import csv
import datetime as dt
import io

import httpx
import pyarrow.parquet as pq
import pytest

from riftwatch.api.models import EventRow, MergedRow
from riftwatch.store import EventFilter, MergedFilter, Store

FILTERS = [
    ({}, EventFilter()),
    ({"actor": "RUS"}, EventFilter(actor="RUS")),
    ({"actor": "rus"}, EventFilter(actor="RUS")),
    ({"source": "GBR"}, EventFilter(source="GBR")),
    ({"target": "RUS", "root": "16"}, EventFilter(target="RUS", root="16")),
    ({"cameo": "161"}, EventFilter(cameo="161")),
    ({"plover": "sanction"}, EventFilter(plover="SANCTION")),
    ({"modality": "negated"}, EventFilter(modality="negated")),
    ({"modality": "all", "groups": "true"}, EventFilter(modality="all", groups=True)),
    ({"min_confidence": "0.9"}, EventFilter(min_confidence=0.9)),
    ({"doc_id": "s002"}, EventFilter(doc_id="s002")),
    (
        {"start": "2018-03-26", "end": "2018-03-27"},
        EventFilter(start=dt.date(2018, 3, 26), end=dt.date(2018, 3, 27)),
    ),
]


def every_row(api: httpx.Client, params: dict[str, str]) -> list[dict[str, object]]:
    """All pages of a query, following next_cursor."""
    rows: list[dict[str, object]] = []
    cursor = None
    while True:
        page = api.get("/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        rows += body["events"]
        cursor = body["next_cursor"]
        if cursor is None:
            return rows


@pytest.mark.parametrize(("params", "where"), FILTERS)
def test_filters_select_what_the_python_api_selects(
    api: httpx.Client, store: Store, params: dict[str, str], where: EventFilter
) -> None:
    rows = every_row(api, {**params, "limit": "7"})
    expected = store.query_events(where)
    assert [r["id"] for r in rows] == [e.id for e in expected]
    assert rows and all(EventRow.model_validate(r) for r in rows)
    total = api.get("/events", params=params).json()["total"]
    assert total == len(expected) == store.count_events(where)


def test_rows_are_the_records_with_their_documents(api: httpx.Client, store: Store) -> None:
    row = api.get("/events", params={"doc_id": "s002", "limit": "1"}).json()["events"][0]
    record = store.query_events(EventFilter(doc_id="s002"))[0]
    assert {k: row[k] for k in record.to_dict()} == record.to_dict()
    assert (row["published"], row["outlet"]) == ("2018-03-14", "reuters.com")
    assert row["url"].startswith("https://www.reuters.com/")


def test_date_range_keeps_dates_of_any_precision_that_can_fall_inside(api: httpx.Client) -> None:
    rows = every_row(api, {"start": "2018-03-01", "end": "2018-03-31", "modality": "all"})
    assert rows and all(str(r["date"])[: len("2018-03")] in ("2018-03", "2018") for r in rows)
    assert {r["date_precision"] for r in rows} >= {"day"}
    later = every_row(api, {"start": "2018-03-28"})
    assert all(str(r["date"]) >= "2018-03-28"[: len(str(r["date"]))] for r in later)


def test_merged_events_page_like_mentions(api: httpx.Client, store: Store) -> None:
    rows = every_row(api, {"merged": "true", "min_sources": "2", "limit": "3"})
    expected = store.query_merged(MergedFilter(min_sources=2))
    assert [r["id"] for r in rows] == [e.id for e in expected]
    assert all(MergedRow.model_validate(r) and r["sources"] >= 2 for r in rows)
    first = rows[0]
    assert first["documents"] == expected[0].documents and first["mentions"] >= 2


def test_offset_pages_join_up_and_say_the_total(api: httpx.Client) -> None:
    everything = every_row(api, {"limit": "1000"})
    pages = [
        api.get("/events", params={"limit": "10", "offset": str(start)}).json()
        for start in range(0, len(everything), 10)
    ]
    assert [r["id"] for p in pages for r in p["events"]] == [r["id"] for r in everything]
    assert {p["total"] for p in pages} == {len(everything)}
    assert pages[-1]["next_cursor"] is None and pages[0]["next_cursor"] is not None


def test_headers_give_total_and_the_next_page(api: httpx.Client) -> None:
    first = api.get("/events", params={"limit": "5", "actor": "RUS"})
    cursor = first.headers["X-Next-Cursor"]
    assert first.json()["next_cursor"] == cursor
    assert int(first.headers["X-Total-Count"]) == first.json()["total"]
    link = first.headers["Link"]
    assert link.endswith('; rel="next"') and f"cursor={cursor}" in link
    following = api.get(link[1 : link.index(">")])
    assert following.json()["events"][0]["id"] != first.json()["events"][-1]["id"]
    assert (
        following.json()["events"]
        == api.get("/events", params={"limit": "5", "actor": "RUS", "offset": "5"}).json()["events"]
    )


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"limit": "1001"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"root": "abc"}, "root"),
        ({"start": "2018-13-01"}, "start"),
        ({"modality": "maybe"}, "modality"),
        ({"actr": "RUS"}, "actr"),
        ({"cursor": "x", "offset": "5"}, "cursor or offset"),
        ({"start": "2018-04-01", "end": "2018-03-01"}, "start is after end"),
        ({"min_sources": "2"}, "merged=true"),
        ({"merged": "true", "groups": "true"}, "merged=false"),
        ({"columns": "acled"}, "columns"),
    ],
)
def test_bad_parameters_are_json_422s(api: httpx.Client, params: dict[str, str], says: str) -> None:
    response = api.get("/events", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and says in error["message"]


def test_a_cursor_that_is_not_in_the_store_is_refused(api: httpx.Client) -> None:
    response = api.get("/events", params={"cursor": "0000000000"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_cursor"
    assert "first page" in response.json()["error"]["message"]


def test_csv_parses_back_to_the_json_rows(api: httpx.Client) -> None:
    params = {"actor": "RUS", "limit": "20"}
    body = api.get("/events", params=params).json()
    rows = body["events"]
    response = api.get("/events", params={**params, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in parsed] == [r["id"] for r in rows]
    assert [r["evidence"] for r in parsed] == [r["evidence"] for r in rows]
    assert response.headers["X-Total-Count"] == str(body["total"])


def test_parquet_parses_back_with_types(api: httpx.Client) -> None:
    rows = api.get("/events", params={"limit": "50"}).json()["events"]
    response = api.get(
        "/events", params={"limit": "50"}, headers={"Accept": "application/vnd.apache.parquet"}
    )
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(response.content))
    assert table["id"].to_pylist() == [r["id"] for r in rows]
    assert str(table.schema.field("published").type) == "date32[day]"
    assert str(table.schema.field("confidence").type) == "double"


def test_accept_header_chooses_and_format_overrides(api: httpx.Client) -> None:
    as_csv = api.get("/events", headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    forced = api.get("/events", params={"format": "json"}, headers={"Accept": "text/csv"})
    assert forced.headers["content-type"] == "application/json"
    refused = api.get("/events", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and refused.json()["error"]["code"] == "not_acceptable"


@pytest.mark.parametrize(("columns", "count", "first", "last"), [
    ("gdelt", 61, "GlobalEventID", "SOURCEURL"),
    ("polecat", 40, "Event ID", "Version"),
])  # fmt: skip
def test_foreign_column_sets(
    api: httpx.Client, columns: str, count: int, first: str, last: str
) -> None:
    params = {"target": "RUS", "cameo": "161", "limit": "5", "columns": columns}
    body = api.get("/events", params=params).json()
    assert body["columns"] == columns and len(body["events"]) == 5
    names = list(body["events"][0])
    assert (len(names), names[0], names[-1]) == (count, first, last)
    parquet = api.get("/events", params={**params, "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.column_names == names
    merged = api.get("/events", params={**params, "merged": "true"}).json()["events"]
    assert len(merged[0]) == count


def test_gdelt_columns_carry_our_values(api: httpx.Client) -> None:
    params = {"doc_id": "s002", "limit": "1"}
    ours = api.get("/events", params=params).json()["events"][0]
    gdelt = api.get("/events", params={**params, "columns": "gdelt"}).json()["events"][0]
    assert gdelt["GlobalEventID"] == ours["id"]
    assert gdelt["EventCode"] == ours["cameo"] and gdelt["EventRootCode"] == ours["root"]
    assert gdelt["Actor1CountryCode"] == ours["source"] == "GBR"
    assert gdelt["Day"] == int(str(ours["date"]).replace("-", ""))
    assert gdelt["GoldsteinScale"] == ours["goldstein"] and gdelt["SOURCEURL"] == ours["url"]
    assert gdelt["AvgTone"] is None and gdelt["ActionGeo_Lat"] is None
