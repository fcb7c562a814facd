"""The dyad timeline, the coordination view and the relations matrix show what /relations,
/coordination and /relations/matrix answer, and link to one another and to the evidence."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.api.servers import Server
from tests.web.browser import Shot

pytestmark = pytest.mark.browser


def api(site: Server, path: str, **params: object) -> Any:
    with site.client() as client:
        response = client.get(path, params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return response.json()


def data(page: Page, selector: str, name: str) -> list[str]:
    return page.locator(selector).evaluate_all(f"els => els.map(el => el.dataset.{name})")


def test_dyad_timeline_plots_the_relations_series(page: Page, site: Server, shot: Shot) -> None:
    points = api(site, "/relations", a="RUS", b="WST", freq="week")
    page.goto(f"{site.url}/#/dyad")
    total = sum(p["events"] for p in points)
    expect(page.locator("#dyad-summary")).to_have_text(
        f"RUS – WST by week: {total} events over {len(points)} periods"
    )
    busy = [p for p in points if p["events"]]
    for index in ("cooperation", "distrust"):
        selector = f"#dyad-{index} g.point"
        assert data(page, selector, "period") == [p["period"] for p in busy]
        assert [float(v) for v in data(page, selector, "value")] == [p[index] for p in busy]
    assert [int(n) for n in data(page, "#dyad-events g.bar", "events")] == [
        p["events"] for p in points
    ]
    page.get_by_text("The numbers").click()
    first = page.locator("#dyad-table tbody tr").first.locator("td").all_text_contents()
    assert first[:2] == [points[0]["period"], str(points[0]["events"])]
    assert first[5] == f"{points[0]['distrust']:.3f}"
    shot(page, "dyad-rus-wst")

    form = page.locator("#dyad-form")
    form.locator("[name=a]").fill("GBR")
    form.locator("[name=b]").fill("RUS")
    form.locator("[name=freq]").select_option("month")
    form.locator("[name=directed]").check()
    form.get_by_role("button", name="Show").click()
    directed = api(site, "/relations", a="GBR", b="RUS", freq="month", directed="true")
    expect(page.locator("#dyad-summary")).to_have_text(
        f"GBR → RUS by month: {sum(p['events'] for p in directed)} events over "
        f"{len(directed)} periods"
    )
    assert [float(v) for v in data(page, "#dyad-distrust g.point", "value")] == [
        p["distrust"] for p in directed if p["events"]
    ]

    page.goto(f"{site.url}/#/dyad?a=XXX&b=YYY&freq=week")
    expect(page.locator("#dyad-summary")).to_have_text(
        "No events between XXX and YYY in the store."
    )


def test_coordination_shows_who_joined_the_2018_expulsions(
    page: Page, site: Server, shot: Shot
) -> None:
    actions = api(site, "/coordination", target="RUS")
    expulsion = next(a for a in actions if a["action"] == "161")
    page.goto(f"{site.url}/#/coordination")
    expect(page.locator("#coordination-summary")).to_have_text(
        f"{len(actions)} coordinated actions"
    )
    card = page.locator(f'details.action[data-action="{expulsion["id"]}"]')
    stat = card.locator(".stat .value")
    # The figures of tests/data/reports-2018/reference.json: 29 took part, 152 expelled.
    assert stat.all_text_contents() == ["29", "152", "10", str(len(expulsion["reactions"]))]
    chips = card.locator(".timeline-chart .chip.participant")
    dated = [p for p in expulsion["participants"] if p["date"]]
    assert chips.count() == len(dated) == 29
    assert card.locator('.chip.participant[data-code="GBR"] text').text_content() == "GBR 23"
    assert card.locator('.chip.participant[data-code="USA"] text').text_content() == "USA 60"
    held = data(page, f'details.action[data-action="{expulsion["id"]}"] .chip.holdout', "code")
    assert sorted(held) == sorted(h["code"] for h in expulsion["holdouts"])
    assert "AUT" in held
    expect(card.locator(".running-total text")).to_have_text("total 152")
    rows = card.locator("table.participants tbody tr")
    assert rows.count() == 29
    usa = card.locator('table.participants tr[data-code="USA"] td').all_text_contents()
    assert usa[:4] == ["USA", "United States", "2018-03-26", "60"]
    shot(page, "coordination-rus-2018")

    card.locator('table.participants tr[data-code="GBR"] a').click()
    evidence = page.locator("#event-detail .evidence")
    expect(evidence).to_be_visible()
    assert page.locator("#event-detail .evidence mark[data-kind=source]").count() >= 1
    assert "GBR" in page.locator("#event-detail h2").text_content()  # type: ignore[operator]

    page.goto(f"{site.url}/#/coordination?target=RUS&window=14d&min_participants=40")
    expect(page.locator("#coordination-summary")).to_have_text("No coordinated actions match.")


def test_matrix_heatmap_shows_the_distrust_index(page: Page, site: Server, shot: Shot) -> None:
    body = api(site, "/relations/matrix", actors="USA,RUS,GBR,NATO")
    cells = {(c["a"], c["b"]): c for c in body["cells"]}
    page.goto(f"{site.url}/#/matrix?actors=USA,RUS,GBR,NATO")
    pairs = {frozenset(k) for k, c in cells.items() if c["distrust"] is not None}
    expect(page.locator("#matrix-summary")).to_have_text(f"{len(pairs)} of 6 pairs have events")
    rus_gbr = page.locator('g.cell[data-a="RUS"][data-b="GBR"]')
    assert rus_gbr.get_attribute("data-distrust") == str(cells[("RUS", "GBR")]["distrust"])
    assert rus_gbr.locator("text").text_content() == f"{cells[('RUS', 'GBR')]['distrust']:.2f}"
    assert rus_gbr.locator("rect").get_attribute("fill")
    empty = page.locator('g.cell[data-a="USA"][data-b="GBR"]')
    assert cells[("USA", "GBR")]["distrust"] is None
    assert empty.locator("text").text_content() == "·"
    assert page.locator("g.cell").count() == 12  # 4 x 4 less the diagonal
    shot(page, "matrix")

    rus_gbr.locator("rect").click()
    expect(page.locator("#dyad-summary")).to_contain_text("RUS – GBR by week")

    page.goto(f"{site.url}/#/matrix")
    form = page.locator("#matrix-form")
    form.locator("[name=actors]").fill("RUS")
    form.get_by_role("button", name="Show").click()
    expect(page.locator("#matrix-out .error")).to_contain_text("give 2 to 20 codes")
