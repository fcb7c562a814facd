"""The event browser: filters and pages show what GET /events answers, and an event's evidence
is its sentence with the actors, the trigger and the count marked."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.api.servers import Server
from tests.web.browser import Shot

pytestmark = pytest.mark.browser

ROWS = "#events-table tbody tr"


def api_events(site: Server, **params: object) -> dict[str, Any]:
    with site.client() as client:
        response = client.get("/events", params={"limit": 25, **params})  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def row_ids(page: Page) -> list[str]:
    return page.locator(ROWS).evaluate_all("rows => rows.map(row => row.dataset.id)")


def marks(page: Page, kind: str) -> list[str]:
    return page.locator(f"#event-detail .evidence mark[data-kind={kind}]").all_text_contents()


def test_pages_and_filters_show_what_the_api_answers(page: Page, site: Server, shot: Shot) -> None:
    first = api_events(site)
    page.goto(f"{site.url}/")
    summary = page.locator("#events-summary")
    expect(summary).to_have_text(f"Showing 1–25 of {first['total']} event reports")
    assert row_ids(page) == [e["id"] for e in first["events"]]
    expect(page.locator("#store-status")).to_contain_text("34 documents")

    page.get_by_role("link", name="Next →").click()
    expect(summary).to_have_text(f"Showing 26–50 of {first['total']} event reports")
    assert row_ids(page) == [e["id"] for e in api_events(site, offset=25)["events"]]

    form = page.locator("#event-filters")
    form.locator("[name=actor]").fill("rus")
    form.locator("[name=root]").select_option("16")
    form.locator("[name=plover]").fill("SANCTION")
    form.locator("[name=modality]").select_option("all")
    form.locator("[name=start]").fill("2018-03-26")
    form.locator("[name=end]").fill("2018-03-27")
    form.get_by_role("button", name="Apply").click()
    wanted = dict(actor="rus", root="16", plover="SANCTION", modality="all")
    narrow = api_events(site, **wanted, start="2018-03-26", end="2018-03-27")
    expect(summary).to_have_text(f"Showing 1–25 of {narrow['total']} event reports")
    assert 25 < narrow["total"] < first["total"]
    assert row_ids(page) == [e["id"] for e in narrow["events"]]
    assert "root=16" in page.url and "start=2018-03-26" in page.url
    cameo = page.locator(f"{ROWS} td:nth-child(3)").all_text_contents()
    assert cameo and all(code.startswith("16") for code in cameo)
    shot(page, "events-filtered")

    expect(form.locator("[name=min_sources]")).to_be_disabled()
    form.locator("[name=merged]").check()
    form.locator("[name=min_sources]").fill("2")
    form.get_by_role("button", name="Apply").click()
    merged = api_events(
        site, **wanted, start="2018-03-26", end="2018-03-27", merged="true", min_sources=2
    )
    expect(summary).to_have_text(f"Showing 1–{merged['total']} of {merged['total']} events")
    assert row_ids(page) == [e["id"] for e in merged["events"]]
    sources = page.locator(f"{ROWS} td:nth-child(7)").all_text_contents()
    assert sources and all(int(n) >= 2 for n in sources)


def test_evidence_marks_actors_trigger_and_count(page: Page, site: Server, shot: Shot) -> None:
    found = api_events(site, actor="GBR")["events"]
    throw = next(e for e in found if e["trigger"] == "throw" and e["count"] == 23)
    page.goto(f"{site.url}/#/events?actor=GBR")
    page.locator(f'{ROWS}[data-id="{throw["id"]}"]').click()
    evidence = page.locator("#event-detail .evidence")
    expect(evidence).to_have_text(throw["evidence"])
    assert marks(page, "source") == ["Prime Minister Theresa May", "Britain"]
    assert marks(page, "target") == ["Russian diplomats", "Moscow"]
    assert marks(page, "trigger") == ["throw"] and marks(page, "count") == ["23"]
    expect(page.locator(f'{ROWS}[data-id="{throw["id"]}"]')).to_have_class("selected")
    detail = page.locator("#event-detail")
    expect(detail.locator("h2")).to_have_text("GBR → RUS")
    expect(detail).to_contain_text("2 documents from 2 outlets")
    shot(page, "events-evidence")

    with site.client() as client:
        body = client.get(f"/events/{throw['id']}").json()
    others = [m["id"] for m in body["merged"]["mentions"] if m["id"] != throw["id"]]
    links = page.locator("#other-reports a")
    assert links.evaluate_all("links => links.map(a => a.dataset.report)") == others
    links.first.click()
    froze = next(e for e in found if e["id"] == others[0])
    expect(evidence).to_have_text(froze["evidence"])
    assert marks(page, "trigger") == [froze["trigger"]] == ["froze"]
    assert marks(page, "source") == ["Theresa May"] and marks(page, "count") == []
    assert f"event={others[0]}" in page.url and "actor=GBR" in page.url


def test_counts_written_as_words_are_marked(page: Page, site: Server) -> None:
    event = next(e for e in api_events(site, actor="POL")["events"] if e["doc_id"] == "s008")
    page.goto(f"{site.url}/#/events?actor=POL&event={event['id']}")
    expect(page.locator("#event-detail .evidence")).to_have_text(event["evidence"])
    assert marks(page, "count") == ["four"] and marks(page, "trigger") == ["expelled"]
    assert marks(page, "source") == ["Poland"]
    assert {"Germany", "France"} <= set(marks(page, "actor"))


def test_a_document_link_lists_its_events(page: Page, site: Server) -> None:
    doc_id = api_events(site, actor="GBR")["events"][0]["doc_id"]
    page.goto(f"{site.url}/#/events?actor=GBR")
    page.locator(ROWS).first.click()
    page.locator("#event-detail .caption a", has_text=f"document {doc_id}").click()
    with site.client() as client:
        doc = client.get(f"/documents/{doc_id}").json()
    expect(page.locator("#events-summary")).to_have_text(
        f"Showing 1–{len(doc['events'])} of {len(doc['events'])} event reports"
    )
    assert sorted(row_ids(page)) == sorted(e["id"] for e in doc["events"])
