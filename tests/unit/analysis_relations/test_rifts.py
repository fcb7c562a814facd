"""Rifts on a hand-built history: where, which way, how unusual, and which events drove them."""

from __future__ import annotations

import datetime as dt
import json

from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import SeriesRules
from riftwatch.analysis.rifts import Measure, RiftRules, actor_rifts, find_rifts
from riftwatch.events.records import EventRecord
from tests.unit.analysis_relations.records import event


def _month(year: int, month: int, *codes: str, **changes: object) -> list[EventRecord]:
    return [event("GBR", "RUS", code, f"{year}-{month:02d}-1{i}", **changes) for i, code in
            enumerate(codes)]  # fmt: skip


def _history() -> list[EventRecord]:
    events: list[EventRecord] = []
    for month in range(1, 13):  # 2016: consultations
        events += _month(2016, month, "040", "042")
    events += _month(2017, 1, "112", doc_id="big") + [
        event("GBR", "RUS", "161", "2017-01-20", count=23.0, doc_id="expel23"),
        event("RUS", "GBR", "161", "2017-01-25", count=23.0, doc_id="retort"),
    ]
    for month in range(2, 7):  # 2017 H1: hostile
        events += _month(2017, month, "112", "161")
    for month in range(7, 13):  # 2017 H2: a thaw
        events += _month(2017, month, "040", "042")
    for month in range(1, 7):  # 2018 H1: hostile again, less so
        events += _month(2018, month, "112", "042")
    return events


def test_rifts_and_thaws_are_placed_and_described() -> None:
    rifts = find_rifts(_history(), "GBR", "RUS")
    assert [(r.period, r.kind) for r in rifts] == [
        (dt.date(2017, 1, 1), "rift"),
        (dt.date(2017, 7, 1), "thaw"),
        (dt.date(2018, 1, 1), "rift"),
    ]
    first, thaw, second = rifts
    assert first.since is None
    assert first.description == "largest rise in distrust on record (since 2016-01)"
    assert second.description == "largest rise in distrust since 2017-01"
    assert thaw.description == "largest drop in distrust on record (since 2016-01)"
    assert first.level_since is None
    assert second.after < first.after and second.z > 0


def test_drivers_are_the_heaviest_events_of_the_first_period() -> None:
    first = find_rifts(_history(), "GBR", "RUS")[0]
    assert [d.doc_ids for d in first.drivers][:2] == [("expel23",), ("retort",)]
    assert first.drivers[0].count == 23.0
    assert first.drivers[0].action == "Reduce or break diplomatic relations"
    assert all(d.day.month == 1 and d.day.year == 2017 for d in first.drivers)
    body = json.loads(json.dumps(first.to_dict()))
    assert body["drivers"][0]["docs"] == ["expel23"]


def test_cooperation_measure_calls_a_fall_a_rift() -> None:
    rules = RiftRules(measure=Measure.COOPERATION)
    rifts = find_rifts(_history(), "GBR", "RUS", rules=rules)
    assert rifts[0].period == dt.date(2017, 1, 1)
    assert rifts[0].kind == "rift" and rifts[0].shift < 0
    assert rifts[0].description.startswith("largest drop in cooperation")


def test_a_quiet_pair_has_no_rifts() -> None:
    events = [e for m in range(1, 13) for e in _month(2016, m, "040", "042")]
    assert find_rifts(events, "GBR", "RUS") == []
    assert find_rifts(events, "FRA", "CHN") == []


def test_actor_rifts_cover_frequent_partners_and_blocs() -> None:
    history = _history()
    monthly = SeriesRules(freq=Freq.MONTH)
    by_default = actor_rifts(history, "RUS", min_events=10, series=monthly)
    assert {r.b for r in by_default} == {"GBR"}
    with_bloc = actor_rifts(history, "RUS", partners=["WST"], series=monthly)
    assert [r.period for r in with_bloc] == [r.period for r in by_default]
    assert {(r.a, r.b) for r in with_bloc} == {("RUS", "WST")}
    assert actor_rifts(history, "RUS", min_events=1000) == []


def test_reports_stopping_is_quiet_not_a_thaw() -> None:
    events = [e for m in range(1, 7) for e in _month(2017, m, "112", "161")]
    rifts = find_rifts(events, "GBR", "RUS", start=dt.date(2016, 7, 1), end=dt.date(2017, 12, 31))
    assert [(r.period, r.kind) for r in rifts] == [
        (dt.date(2017, 1, 1), "rift"),
        (dt.date(2017, 7, 1), "quiet"),
    ]
