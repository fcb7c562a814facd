"""GET /relations/matrix: the distrust index among several actors, as the Python API computes
it, and the same as a one-period relation series of each pair."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from riftwatch.analysis.matrix import distrust_matrix
from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import SeriesRules, relation_series
from riftwatch.store import MergedFilter, Store


def cells(body: dict[str, object]) -> dict[tuple[str, str], dict[str, object]]:
    return {(c["a"], c["b"]): c for c in body["cells"]}  # type: ignore[attr-defined, index]


def test_the_matrix_is_the_python_api_answer(api: httpx.Client, store: Store) -> None:
    response = api.get("/relations/matrix", params={"actors": "usa, RUS,GBR,NATO"})
    assert response.status_code == 200, response.text
    events = store.query_merged(MergedFilter(modality="all"))
    expected = distrust_matrix(events, ["USA", "RUS", "GBR", "NATO"]).to_dict()
    assert response.json() == expected
    assert response.json()["actors"] == ["USA", "RUS", "GBR", "NATO"]


def test_a_cell_is_the_pair_series_over_one_period(api: httpx.Client, store: Store) -> None:
    body = api.get("/relations/matrix", params={"actors": "RUS,GBR,WST"}).json()
    found = cells(body)
    assert len(found) == 6 and found[("RUS", "GBR")] == {
        **found[("GBR", "RUS")],
        "a": "RUS",
        "b": "GBR",
    }
    events = store.query_merged(MergedFilter(modality="all"))
    (year,) = relation_series(events, "RUS", "GBR", rules=SeriesRules(freq=Freq.YEAR)).to_pylist()
    cell = found[("RUS", "GBR")]
    assert cell["events"] == year["events"] == 4
    assert cell["distrust"] == pytest.approx(year["distrust"], abs=1e-4)
    assert cell["distrust"] == pytest.approx(0.9617, abs=1e-4)  # the 2018 expulsions
    assert found[("RUS", "WST")]["events"] > found[("RUS", "GBR")]["events"]  # a bloc counts
    assert found[("GBR", "WST")]["distrust"] is None  # members together: no events


def test_directed_cells_count_one_direction_each(api: httpx.Client) -> None:
    params = {"actors": "RUS,GBR", "directed": "true"}
    directed = cells(api.get("/relations/matrix", params=params).json())
    both = cells(api.get("/relations/matrix", params={"actors": "RUS,GBR"}).json())
    assert (directed[("GBR", "RUS")]["events"], directed[("RUS", "GBR")]["events"]) == (3, 1)
    assert directed[("GBR", "RUS")]["distrust"] != directed[("RUS", "GBR")]["distrust"]
    assert both[("RUS", "GBR")]["events"] == 3 + 1


def test_dates_narrow_the_events(api: httpx.Client, store: Store) -> None:
    params = {"actors": "RUS,USA", "start": "2018-03-27", "end": "2018-03-31"}
    body = api.get("/relations/matrix", params=params).json()
    whole = api.get("/relations/matrix", params={"actors": "RUS,USA"}).json()
    late = store.query_merged(
        MergedFilter(modality="all", start=dt.date(2018, 3, 27), end=dt.date(2018, 3, 31))
    )
    assert body == distrust_matrix(late, ["RUS", "USA"]).to_dict()
    assert cells(body)[("RUS", "USA")]["events"] < cells(whole)[("RUS", "USA")]["events"]


def test_unmerged_counts_every_report(api: httpx.Client) -> None:
    merged = cells(api.get("/relations/matrix", params={"actors": "RUS,GBR"}).json())
    reports = cells(
        api.get("/relations/matrix", params={"actors": "RUS,GBR", "unmerged": "true"}).json()
    )
    assert reports[("RUS", "GBR")]["events"] > merged[("RUS", "GBR")]["events"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"actors": "RUS"}, "give 2 to 20 codes"),
        ({"actors": "RUS,RUS"}, "give 2 to 20 codes"),
        ({"actors": ",".join(f"A{i:02d}" for i in range(21))}, "give 2 to 20 codes"),
        ({"actors": "RUS,<b>"}, "is not an actor code"),
        ({"actors": "RUS,GBR", "start": "2019-01-01", "end": "2018-01-01"}, "start is after end"),
        ({}, "actors"),
    ],
)
def test_bad_matrix_requests_are_422(
    api: httpx.Client, params: dict[str, str], message: str
) -> None:
    response = api.get("/relations/matrix", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and message in error["message"]
