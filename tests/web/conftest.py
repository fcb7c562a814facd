"""The dashboard in a real browser: Debian's Chromium (/usr/bin/chromium, headless) driven by
Playwright, against uvicorn on loopback over a store the pipeline built from the 2018 reports.

One browser and two servers serve the whole session: `site` is never written to (its numbers
are the corpus's), `upload_site` takes the uploads. Each test gets a fresh browser context,
which refuses every request that leaves the server (the dashboard must work offline) and
fails the test on an uncaught script error. Screenshots go to build/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

import riftwatch
from riftwatch.store import Store
from tests.api.servers import CORPUS, TOKEN, Server
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, Shot, serve_copy


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store as `riftwatch.run` leaves it after the 34 reports of March 2018."""
    path = tmp_path_factory.mktemp("web-store") / "reports.duckdb"
    with Store(path) as store:
        report = riftwatch.run([CORPUS], store=store)
    assert not report.failures and report.documents == 34
    return path


@pytest.fixture(scope="session")
def site(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard over the 2018 reports; no test writes to it."""
    yield from serve_copy(pristine, tmp_path_factory.mktemp("web-site"), TOKEN)


@pytest.fixture(scope="session")
def upload_site(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A second server over its own copy of the store, for uploads."""
    yield from serve_copy(pristine, tmp_path_factory.mktemp("web-uploads"), TOKEN)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium. Install it "
            "with `apt-get install chromium` (.ci/run does so when it is missing).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh context: loopback only, and no uncaught script errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(10_000)
    outside: list[str] = []
    errors: list[str] = []

    def loopback_only(route: Route) -> None:
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", loopback_only)
    opened = context.new_page()
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"script errors on the page: {errors}"
    assert not outside, f"the dashboard asked for resources off the server: {outside}"


@pytest.fixture(scope="session")
def shot() -> Shot:
    """Save a full-page screenshot as build/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page: Page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
