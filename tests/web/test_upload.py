"""Uploads from the dashboard (progress, per-file outcomes and errors), a server without a
token, and article text that holds markup: it shows as text and never runs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import FilePayload, Page, expect

from riftwatch.web import CSP
from tests.api.servers import Server, auth
from tests.web.browser import Shot, serve_copy

pytestmark = pytest.mark.browser

STATIC = Path(__file__).parents[2] / "src" / "riftwatch" / "web" / "static"
ARTICLE = (
    "Russia expels British diplomats\n\n"
    "Russia expelled 23 British diplomats on Saturday, the foreign ministry in Moscow said.\n"
)
RECORDS = "\n".join(
    [
        json.dumps({"id": "web-1", "date": "2018-03-26", "text": "Italy expelled two diplomats."}),
        "{not json",
    ]
)
PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE = (
    f"Poland expels Russian envoys {PAYLOAD_SCRIPT}\n\n"
    f"Poland expelled four Russian diplomats {PAYLOAD_SCRIPT} on Monday, the foreign ministry "
    f"in Warsaw said {PAYLOAD_IMG}.\n"
)
# Records every status text a file row shows, to see the progress states go by.
WATCH = """() => {
  window.__statuses = [];
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('#upload-list .status'))
      window.__statuses.push(el.textContent);
  }).observe(document.getElementById('upload-list'),
    {subtree: true, childList: true, characterData: true});
}"""


def payload(name: str, text: str, mime: str = "text/plain") -> FilePayload:
    return {"name": name, "mimeType": mime, "buffer": text.encode("utf-8")}


def row(page: Page, name: str):  # type: ignore[no-untyped-def]
    return page.locator(f'#upload-list li[data-file="{name}"]')


@pytest.fixture(scope="module")
def closed_site(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server started without RIFTWATCH_TOKEN."""
    yield from serve_copy(pristine, tmp_path_factory.mktemp("web-closed"), None)


def test_files_upload_one_by_one_with_progress_and_outcomes(
    page: Page, upload_site: Server, shot: Shot
) -> None:
    page.goto(f"{upload_site.url}/#/upload")
    form = page.locator("#upload-form")
    form.locator("[name=token]").fill("test-token-7f3a")
    form.locator("[name=date]").fill("2018-03-17")
    form.locator("[name=files]").set_input_files(
        [
            payload("expulsion.txt", ARTICLE),
            payload("scan.pdf", "%PDF-1.4", "application/pdf"),
            payload("records.jsonl", RECORDS, "application/x-ndjson"),
        ]
    )
    page.evaluate(WATCH)
    form.get_by_role("button", name="Upload").click()
    expect(page.locator("#upload-overall-text")).to_have_text("3 of 3 files done")
    assert page.locator("#upload-overall").evaluate("bar => [bar.value, bar.max]") == [3, 3]

    article = row(page, "expulsion.txt")
    expect(article).to_have_attribute("data-state", "done")
    status = article.locator(".status").text_content() or ""
    events = int(re.fullmatch(r"1 stored: (\d+) events?", status).group(1))  # type: ignore[union-attr]
    assert article.locator("progress").evaluate("bar => bar.value") == 1
    statuses = page.evaluate("window.__statuses")
    assert "coding…" in statuses and any(s.startswith("uploading") for s in statuses)

    expect(row(page, "scan.pdf")).to_have_attribute("data-state", "failed")
    expect(row(page, "scan.pdf").locator(".status")).to_have_text(
        "failed: not a .txt, .html, .jsonl or .json file"
    )
    records = row(page, "records.jsonl")
    expect(records.locator(".status")).to_have_text(
        re.compile(r"^1 stored, 1 failed: \d+ events?$")
    )
    expect(records.locator("li.doc.failed")).to_contain_text("upload:2 · failed:")
    with upload_site.client() as client:
        documents = client.get("/health").json()["documents"]
    expect(page.locator("#store-status")).to_contain_text(f"{documents} documents")
    shot(page, "upload")

    article.locator(".outcome a").click()
    expect(page.locator("#events-summary")).to_have_text(
        f"Showing 1–{events} of {events} event reports"
    )
    sources = page.locator("#events-table tbody td:nth-child(2)").all_text_contents()
    assert "RUS → GBR" in sources

    page.goto(f"{upload_site.url}/#/upload")
    form.locator("[name=token]").fill("not-the-token")
    form.locator("[name=files]").set_input_files([payload("again.txt", ARTICLE)])
    form.get_by_role("button", name="Upload").click()
    expect(row(page, "again.txt")).to_have_attribute("data-state", "failed")
    expect(row(page, "again.txt").locator(".status")).to_contain_text("failed: 401 unauthorized")


def test_a_server_without_token_offers_no_upload(page: Page, closed_site: Server) -> None:
    page.goto(f"{closed_site.url}/#/upload")
    expect(page.locator("#upload-note")).to_contain_text("This server accepts no uploads")
    expect(page.locator("#upload-form button")).to_be_disabled()
    expect(page.locator("#store-status")).to_contain_text("read-only")


def test_markup_in_an_article_shows_as_text_and_never_runs(
    page: Page, upload_site: Server, shot: Shot
) -> None:
    with upload_site.client() as client:
        response = client.post(
            "/documents",
            content=HOSTILE,
            params={"date": "2018-03-26"},
            headers={"Content-Type": "text/plain", **auth()},
        )
        assert response.status_code == 200, response.text
        (document,) = response.json()["documents"]
        stored = client.get(f"/documents/{document['id']}").json()
    event = next(e for e in stored["events"] if e["count"] == 4)
    assert PAYLOAD_SCRIPT in event["evidence"] and PAYLOAD_IMG in event["evidence"]

    page.goto(f"{upload_site.url}/#/events?doc_id={document['id']}&event={event['id']}")
    evidence = page.locator("#event-detail .evidence")
    expect(evidence).to_have_text(event["evidence"])
    expect(page.locator("#events-table")).to_contain_text(PAYLOAD_SCRIPT)
    assert page.locator("#view script, #view img").count() == 0
    marked = evidence.locator("mark").all_text_contents()
    assert {"Poland", "four", "expelled"} <= set(marked)
    page.wait_for_timeout(200)  # an onerror handler would have fired by now
    assert page.evaluate("window.__pwned") is None
    shot(page, "events-markup-as-text")


def test_the_page_is_fenced_and_self_contained(page: Page, site: Server) -> None:
    response = page.goto(f"{site.url}/")
    assert response is not None and response.headers["content-security-policy"] == CSP
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Events")
    remote = re.compile(r"https?://(?!www\.w3\.org/2000/svg)")
    for asset in STATIC.rglob("*"):
        if asset.is_file():
            assert not remote.search(asset.read_text(encoding="utf-8")), asset
