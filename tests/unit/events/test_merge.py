"""Event identity on hand-built mentions: the compatibility rules, clustering and order."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from riftwatch.events.merge import (
    MergeRules,
    block_key,
    counts_compatible,
    dates_compatible,
    merge_mentions,
    same_actors,
    same_event,
)
from riftwatch.events.merged import EventMention, mention_from_record, merged_event, outlet_of
from tests.records import EXPULSION

BASE = mention_from_record(EXPULSION, published=dt.date(2018, 3, 15), outlet="bbc.co.uk")


def _m(id: str = "e1", **changes: object) -> EventMention:
    return replace(BASE, id=id, doc_id=f"doc-{id}", **changes)


def _dated(date: str, **changes: object) -> EventMention:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return _m(date=date, date_precision=precision, **changes)


def test_symmetric_actions_match_in_either_order_directed_ones_do_not() -> None:
    meet = _m(source="USA", target="RUS", cameo="040", root="04", symmetric=True)
    assert same_actors(meet, replace(meet, source="RUS", target="USA"))
    assert block_key(meet) == block_key(replace(meet, source="RUS", target="USA"))
    assert not same_actors(BASE, _m(source="RUS", target="GBR"))
    [clash] = merge_mentions([_m(source="KGZ", target=None, cameo="190", symmetric=True)])
    assert (clash.source, clash.target) == ("KGZ", None)


def test_actions_match_on_three_digit_cameo_or_plover_type_and_mode() -> None:
    assert same_event(BASE, _m(cameo="1611"))
    assert same_event(BASE, _m(cameo="164"))  # both REDUCE, no mode
    assert not same_event(BASE, _m(cameo="164", plover="REDUCE", plover_mode="aid"))
    assert not same_event(BASE, _m(cameo="162", plover="COERCE"))
    assert same_event(BASE, _m(cameo="160", plover="SANCTION"))  # the root's unspecified code
    assert same_event(_m(cameo="16", plover=""), _m(cameo="162", plover="COERCE"))


@pytest.mark.parametrize(
    ("date", "fits"),
    [
        ("2018-03", True),  # a month holds its days
        ("2018", True),
        ("2018-03-15", True),  # within the 1-day tolerance
        ("2018-03-13", True),
        ("2018-03-16", False),
        ("2018-04", False),
        ("2017", False),
    ],
)
def test_dates_are_compared_at_their_precision(date: str, fits: bool) -> None:
    assert dates_compatible(BASE, _dated(date)) is fits


def test_day_tolerance_is_configurable() -> None:
    two_days = _dated("2018-03-16")
    assert not dates_compatible(BASE, two_days)
    assert dates_compatible(BASE, two_days, MergeRules(day_tolerance=2))
    assert not dates_compatible(BASE, _dated("2018-03-15"), MergeRules(day_tolerance=0))


def test_a_story_date_fallback_reaches_a_few_days_back() -> None:
    story = _dated("2018-03-16", date_fallback=True)  # "this week", published on the 16th
    assert dates_compatible(story, BASE)  # the 14th: two days before
    assert not dates_compatible(story, _dated("2018-03-10"))
    assert not dates_compatible(story, _dated("2018-03-18"))  # after the story was written
    assert dates_compatible(story, _dated("2018-03-10"), MergeRules(fallback_window=7))


@pytest.mark.parametrize(
    ("count", "qualifier", "fits"),
    [
        (23.0, "exact", True),
        (None, None, True),  # a report without a number fits any number
        (20.0, "more_than", True),  # "more than 20" holds 23
        (24.0, "less_than", True),  # "nearly two dozen"
        (25.0, "about", True),
        (23.0, "at_least", True),
        (22.0, "up_to", False),
        (23.0, "more_than", False),
        (25.0, "exact", False),  # different exact counts conflict
    ],
)
def test_counts_are_compatible_within_their_qualifiers(
    count: float | None, qualifier: str | None, fits: bool
) -> None:
    other = _m(count=count, count_qualifier=qualifier)
    assert counts_compatible(BASE, other) is fits


def test_counts_of_different_things_do_not_conflict() -> None:
    locations = _m("a", count=6.0, count_unit="location")
    assert counts_compatible(locations, _m("b", count=26.0, count_unit="people"))
    assert not counts_compatible(locations, _m("b", count=9.0, count_unit="location"))
    assert not counts_compatible(locations, _m("b", count=26.0, count_unit=None))
    events = merge_mentions([locations, _m("b", count=26.0, count_unit="people")])
    assert len(events) == 1 and events[0].count is not None
    assert [r.unit for r in events[0].count.reports] == ["location", "people"]


def test_a_unitless_count_must_fit_every_unit_in_the_event() -> None:
    mentions = [
        _m("a", count=6.0, count_unit="location"),
        _m("b", count=26.0, count_unit="people"),
        _m("c", count=6.0, count_unit=None),  # fits "six locations" but not "26 people"
    ]
    assert sorted(len(e.mentions) for e in merge_mentions(mentions)) == [1, 2]


def test_only_facts_merge_into_facts() -> None:
    assert same_event(BASE, _m(modality="announced"))
    assert not same_event(BASE, _m(modality="negated"))
    assert not same_event(BASE, _m(modality="hypothetical"))
    assert same_event(_m(modality="refused"), _m("e2", modality="refused"))


def test_reports_of_one_event_become_one_record() -> None:
    reports = [
        _m("a", outlet="bbc.co.uk", published=dt.date(2018, 3, 14)),
        _m(
            "b",
            outlet="reuters.com",
            date="2018-03",
            date_precision="month",
            count=20.0,
            count_qualifier="more_than",
            published=dt.date(2018, 3, 16),
        ),
        _m(
            "c",
            outlet="bbc.co.uk",
            date="2018-03-16",
            date_fallback=True,
            count=None,
            published=dt.date(2018, 3, 16),
        ),
    ]
    [event] = merge_mentions(reports)
    assert (event.source, event.target, event.cameo, event.root) == ("GBR", "RUS", "161", "16")
    assert (event.documents, event.sources, len(event.mentions)) == (3, 2, 3)
    assert (event.date, event.date_precision, event.date_fallback) == ("2018-03-14", "day", False)
    assert event.count is not None and event.count.label() == "23"
    assert (event.first_seen, event.last_seen) == (dt.date(2018, 3, 14), dt.date(2018, 3, 16))


def test_disagreeing_qualified_counts_give_a_range_and_each_source() -> None:
    reports = [
        _m("a", count=20.0, count_qualifier="more_than", outlet="a.com"),
        _m("b", count=24.0, count_qualifier="less_than", outlet="b.com"),
    ]
    [event] = merge_mentions(reports)
    assert event.count is not None and not event.count.agreed
    assert (event.count.low, event.count.high, event.count.label()) == (20.0, 24.0, "20 or 24")
    assert [(r.outlet, r.value) for r in event.count.reports] == [("a.com", 20.0), ("b.com", 24.0)]


def test_distinct_exact_counts_stay_apart() -> None:
    assert len(merge_mentions([_m("a"), _m("b", count=45.0)])) == 2


def test_a_month_mention_does_not_chain_two_days_into_one_event() -> None:
    early, late = _dated("2018-03-03", count=None), _dated("2018-03-28", count=None)
    month = _dated("2018-03", count=None)
    events = merge_mentions([replace(early, id="a"), replace(late, id="b"), replace(month, id="c")])
    assert sorted(len(e.mentions) for e in events) == [1, 2]


def test_look_alike_events_years_apart_stay_apart() -> None:
    then = _m("a", source="POL", count=4.0)
    now = _m("b", source="POL", count=None, date="2022-03-23", published=dt.date(2022, 3, 24))
    assert len(merge_mentions([then, now])) == 2


def test_background_mention_joins_the_past_event_not_the_story_day() -> None:
    annexation = _m(
        "a",
        source="RUS",
        target="UKR",
        cameo="192",
        root="19",
        plover="OCCUPY",
        count=None,
        date="2014-03-18",
        published=dt.date(2014, 3, 19),
    )
    background = replace(
        annexation,
        id="b",
        doc_id="d-2022",
        date="2014",
        date_precision="year",
        published=dt.date(2022, 3, 23),
    )  # "after Russia annexed Crimea in 2014"
    [event] = merge_mentions([annexation, background])
    assert (event.date, event.documents) == ("2014-03-18", 2)
    assert event.last_seen == dt.date(2022, 3, 23)


def test_only_story_dates_give_the_earliest_as_a_fallback() -> None:
    first = _m("a", date="2018-03-16", date_fallback=True, count=None)
    second = _m("b", date="2018-03-17", date_fallback=True, count=None)
    event = merged_event([second, first])
    assert (event.date, event.date_fallback) == ("2018-03-16", True)


def _corpus() -> list[EventMention]:
    """Four events, with weak reports that could go to more than one of them."""
    rows = []
    for n, (date, count, qualifier, fallback) in enumerate(
        [
            ("2018-03-14", 23.0, "exact", False),
            ("2018-03-15", None, None, False),
            ("2018-03", 20.0, "more_than", False),
            ("2018-03-16", None, None, True),
            ("2018-03-26", 60.0, "exact", False),
            ("2018-03-26", 60.0, "exact", False),
            ("2018-03-27", None, None, True),
            ("2018-03-27", 4.0, "exact", False),
            ("2018-03", None, None, False),
            ("2018", 50.0, "more_than", False),
            ("2018-03-03", None, None, False),
        ]
    ):
        precision = {4: "year", 7: "month", 10: "day"}[len(date)]
        rows.append(
            _m(
                f"e{n:02d}",
                date=date,
                date_precision=precision,
                count=count,
                count_qualifier=qualifier,
                date_fallback=fallback,
            )
        )
    meets = [
        _m(f"s{n}", source=a, target=b, cameo="040", root="04", symmetric=True)
        for n, (a, b) in enumerate([("USA", "RUS"), ("RUS", "USA"), ("USA", "RUS")])
    ]
    return rows + meets + [_m("n1", modality="negated")]


def test_merging_does_not_depend_on_input_order() -> None:
    mentions = _corpus()
    expected = merge_mentions(mentions)
    rng = random.Random(5)
    for _ in range(200):
        rng.shuffle(mentions)
        assert merge_mentions(mentions) == expected
    assert merge_mentions(mentions + mentions[:5]) == expected  # a mention given twice counts once


def test_outlet_is_the_url_domain_or_the_given_name() -> None:
    assert outlet_of("https://www.bbc.co.uk/news/uk-43402506") == "bbc.co.uk"
    assert outlet_of(None, "Reuters") == "Reuters"
    assert outlet_of(None) == ""
