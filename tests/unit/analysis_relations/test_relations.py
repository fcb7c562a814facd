"""Dyad and bloc series on hand-built records: counts, weights, smoothing, direction, blocs."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import (
    SERIES_SCHEMA,
    RelationPoint,
    SeriesRules,
    dyad_series,
    relation_series,
    series_points,
)
from tests.unit.analysis_relations.records import event

MONTHLY = SeriesRules(freq=Freq.MONTH)


def _points(*args: object, **kwargs: object) -> list[RelationPoint]:
    return series_points(relation_series(*args, **kwargs))  # type: ignore[arg-type]


def test_one_expulsion_of_sixty_weighs_more_than_one_of_one() -> None:
    big = _points([event("USA", "RUS", "161", "2018-03-26", count=60.0)], "USA", "RUS")
    small = _points([event("USA", "RUS", "161", "2018-03-26", count=1.0)], "USA", "RUS")
    assert big[0].goldstein_total == pytest.approx(-4.0 * (1 + math.log2(60)))
    assert small[0].goldstein_total == -4.0
    assert big[0].goldstein_mean == small[0].goldstein_mean == -4.0
    assert big[0].distrust > small[0].distrust > 0


def test_counts_per_quad_class_and_distinct_sources() -> None:
    events = [
        event("GBR", "RUS", "161", "2018-03-14", doc_id="a"),
        event("GBR", "RUS", "112", "2018-03-15", doc_id="a"),
        event("RUS", "GBR", "036", "2018-03-20", doc_id="b"),
        event("RUS", "GBR", "061", "2018-03-21", doc_id="c"),
    ]
    (march,) = _points(events, "GBR", "RUS")
    assert (march.events, march.sources) == (4, 3)
    quads = (
        march.verbal_cooperation,
        march.material_cooperation,
        march.verbal_conflict,
        march.material_conflict,
    )
    assert quads == (1, 1, 1, 1)
    assert march.hostile == pytest.approx(2.0 + 1.0)
    assert march.trust == pytest.approx(1.0 + 1.5)


def test_directed_series_keep_direction_and_symmetric_events_count_both_ways() -> None:
    events = [
        event("GBR", "RUS", "161", "2018-03-14"),
        event("RUS", "GBR", "161", "2018-03-17"),
        event("RUS", "GBR", "040", "2018-03-20", symmetric=True),
    ]
    gbr_rus = _points(events, "GBR", "RUS", directed=True)
    rus_gbr = _points(events, "RUS", "GBR", directed=True)
    both = _points(events, "GBR", "RUS")
    assert [p.events for p in gbr_rus] == [2]
    assert [p.events for p in rus_gbr] == [2]
    assert [p.events for p in both] == [3]


def test_quiet_months_are_filled_and_the_smoothed_masses_decay() -> None:
    events = [
        event("GBR", "RUS", "161", "2018-01-10"),
        event("GBR", "RUS", "042", "2018-05-10"),
    ]
    points = _points(events, "GBR", "RUS", rules=MONTHLY)
    assert [p.period.month for p in points] == [1, 2, 3, 4, 5]
    assert [p.events for p in points] == [1, 0, 0, 0, 1]
    assert [p.distrust for p in points[:4]] == [2 / 3, 0.0, 0.0, 0.0]
    # Half-life of one month: 2, 1, 0.5, 0.25 of hostile mass, against a prior of 1.
    assert [round(p.distrust_smooth, 4) for p in points[:4]] == [0.6667, 0.5, 0.3333, 0.2]
    assert math.isnan(points[1].goldstein_mean)
    assert points[1].distrust_low < -0.8  # no events: a wide band


def test_start_and_end_pad_and_trim_but_keep_earlier_evidence() -> None:
    events = [event("GBR", "RUS", "161", "2017-12-10"), event("GBR", "RUS", "161", "2018-03-14")]
    points = _points(
        events, "GBR", "RUS", rules=MONTHLY, start=dt.date(2018, 1, 1), end=dt.date(2018, 6, 30)
    )
    assert [p.period.month for p in points] == [1, 2, 3, 4, 5, 6]
    assert points[0].distrust_smooth > 0  # December's expulsion, decayed by one month


def test_a_pair_without_events_over_a_span_is_all_zero() -> None:
    points = _points(
        [event("GBR", "RUS", "161", "2018-03-14")],
        "FRA",
        "CHN",
        rules=MONTHLY,
        start=dt.date(2018, 1, 1),
        end=dt.date(2018, 3, 1),
    )
    assert [(p.events, p.distrust) for p in points] == [(0, 0.0)] * 3
    assert _points([event("GBR", "RUS", "161", "2018-03-14")], "FRA", "CHN") == []


def test_month_dates_stay_out_of_week_series() -> None:
    events = [event("GBR", "RUS", "161", "2018-03"), event("GBR", "RUS", "161", "2018-03-14")]
    weekly = _points(events, "GBR", "RUS", rules=SeriesRules(freq=Freq.WEEK))
    monthly = _points(events, "GBR", "RUS", rules=MONTHLY)
    assert sum(p.events for p in weekly) == 1
    assert sum(p.events for p in monthly) == 2


def test_a_bloc_aggregates_its_members_as_of_each_day() -> None:
    events = [
        event("GBR", "RUS", "161", "2019-06-10"),
        event("GBR", "RUS", "161", "2020-06-10"),  # after Brexit: not the EU
        event("FRA", "RUS", "161", "2020-06-11"),
        event("EU", "RUS", "163", "2020-06-12", source_kind="igo"),
        event("NATO", "RUS", "161", "2020-06-13", source_kind="igo"),  # not the EU
    ]
    points = _points(events, "EU", "RUS", rules=SeriesRules(freq=Freq.YEAR))
    assert [(p.period.year, p.events) for p in points] == [(2019, 1), (2020, 2)]
    west = _points(events, "WST", "RUS", rules=SeriesRules(freq=Freq.YEAR))
    assert [(p.period.year, p.events) for p in west] == [(2019, 1), (2020, 4)]
    assert (west[0].a, west[0].b) == ("WST", "RUS")


def test_dyad_series_covers_every_coded_pair() -> None:
    events = [
        event("GBR", "RUS", "161", "2018-03-14"),
        event("RUS", "GBR", "161", "2018-03-17"),
        event("USA", "RUS", "161", "2018-03-26", count=60.0),
        event("RUS", "USA", "161", "2018-05-29", count=60.0),
    ]
    directed = dyad_series(events, rules=MONTHLY)
    assert directed.schema == SERIES_SCHEMA
    pairs = {(p.a, p.b) for p in series_points(directed)}
    assert pairs == {("GBR", "RUS"), ("RUS", "GBR"), ("USA", "RUS"), ("RUS", "USA")}
    undirected = series_points(dyad_series(events, rules=MONTHLY, directed=False))
    assert {(p.a, p.b) for p in undirected} == {("GBR", "RUS"), ("RUS", "USA")}
    assert [(p.period.month, p.events) for p in undirected if p.b == "USA"] == [
        (3, 1),
        (4, 0),
        (5, 1),
    ]


def test_points_are_json_ready() -> None:
    (point,) = _points([event("GBR", "RUS", "161", "2018-03-14")], "GBR", "RUS")
    body = json.loads(json.dumps(point.to_dict()))
    assert body["period"] == "2018-03-01"
    assert body["events"] == 1 and body["directed"] is False
