"""/actors, /coordination, /relations, /rifts: the body is what the CLI prints with --json."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from riftwatch.cli.app import app

runner = CliRunner()


def cli_json(*args: str) -> object:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("path", "params", "command"),
    [
        ("/coordination", {"target": "rus"}, ["coordination", "--target", "rus"]),
        ("/coordination", {"window": "2w", "by_root": "true"}, ["coordination", "--by-root"]),
        ("/relations", {"a": "RUS", "b": "WST"}, ["relations", "RUS", "WST"]),
        (
            "/relations",
            {"a": "gbr", "b": "rus", "freq": "week", "directed": "true", "unmerged": "true"},
            ["relations", "gbr", "rus", "--freq", "week", "--directed", "--unmerged"],
        ),
        ("/rifts", {"actor": "RUS", "min_events": "2"}, ["rifts", "RUS", "--min-events", "2"]),
        (
            "/rifts",
            {"actor": "RUS", "partner": ["GBR", "NATO"], "measure": "cooperation"},
            ["rifts", "RUS", "--with", "GBR", "--with", "NATO", "--measure", "cooperation"],
        ),
    ],
)
def test_analysis_bodies_equal_the_cli_json(
    api: httpx.Client,
    pristine: Path,
    path: str,
    params: dict[str, object],
    command: list[str],
) -> None:
    response = api.get(path, params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    assert response.json() == cli_json(*command, "--db", str(pristine), "--json")


def test_coordination_lists_the_2018_expulsions(api: httpx.Client) -> None:
    actions = api.get("/coordination", params={"target": "RUS"}).json()
    action = next(a for a in actions if a["action"] == "161")
    assert (action["total"], action["participant_count"]) == (152, 29)
    assert len(action["holdouts"]) == 10


def test_relations_series_has_a_row_per_period(api: httpx.Client) -> None:
    points = api.get("/relations", params={"a": "RUS", "b": "GBR", "freq": "month"}).json()
    periods = [p["period"] for p in points]
    assert periods == sorted(periods) and len(set(periods)) == len(periods)
    assert any(p["events"] for p in points) and all(-1 <= (p["distrust"] or 0) <= 1 for p in points)


def test_unknown_actors_give_empty_answers(api: httpx.Client) -> None:
    assert api.get("/relations", params={"a": "XXX", "b": "YYY"}).json() == []
    assert api.get("/rifts", params={"actor": "XXX"}).json() == []
    assert api.get("/coordination", params={"target": "XXX"}).json() == []


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/coordination", {"window": "fortnight"}),
        ("/coordination", {"window": "0d"}),
        ("/coordination", {"min_participants": "1"}),
        ("/relations", {"a": "RUS"}),
        ("/relations", {"a": "RUS", "b": "GBR", "freq": "hour"}),
        ("/relations", {"a": "RUS", "b": "GBR", "start": "2019-01-01", "end": "2018-01-01"}),
        ("/rifts", {}),
    ],
)
def test_bad_analysis_parameters_are_422(
    api: httpx.Client, path: str, params: dict[str, str]
) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/relations", {"a": "RUS", "b": "GBR", "freq": "day", "start": "1700-01-01"}),
        ("/relations", {"a": "RUS", "b": "GBR", "freq": "day", "end": "9999-12-31"}),
        ("/rifts", {"actor": "RUS", "freq": "day", "start": "2000-01-01"}),
    ],
)
def test_spans_of_too_many_periods_are_refused(
    api: httpx.Client, path: str, params: dict[str, str]
) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 422
    assert "over the limit" in response.json()["error"]["message"]


def test_actors_lists_codes_and_blocs(api: httpx.Client) -> None:
    body = api.get("/actors").json()
    assert (body["actors"][0]["code"], body["actors"][0]["name"]) == ("RUS", "Russia")
    counts = [a["events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    assert {"NATO", "EU", "WST"} <= set(body["blocs"]) and body["mentions"] == []


def test_actors_resolves_text_as_the_cli_does(api: httpx.Client) -> None:
    text = "Nato chief Jens Stoltenberg said Moscow would answer."
    body = api.get("/actors", params={"text": text, "date": "2018-03-27"}).json()
    assert body["mentions"] == cli_json("actors", text, "--date", "2018-03-27", "--json")
    assert [m["code"] for m in body["mentions"]][:2] == ["NATO", "RUS"]
