"""Properties of the merger (events/merge.py, merged.py) on generated mentions: the merged
result depends on the set of mentions, not their order; merging is idempotent; every mention
lands in exactly one merged event, with mentions it may be the same event as (#9).

Mentions are drawn from a few actors, codes, dates and counts, so that many of them collide
and the clustering has real choices to make.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from riftwatch.events.merge import merge_mentions, same_event
from riftwatch.events.merged import EventMention, mention_from_record
from tests.property.profile import PROPERTY
from tests.records import BASE_RECORD

PLOVER = {"160": "REDUCE", "161": "REDUCE", "163": "SANCTION", "190": "ATTACK", "195": "ATTACK"}
DATES = [
    ("2018-03-14", "day"),
    ("2018-03-15", "day"),
    ("2018-03-17", "day"),
    ("2018-03-26", "day"),
    ("2018-03", "month"),
    ("2018", "year"),
    ("2017-12-31", "day"),
    (None, None),
]
COUNTS = [
    (None, None, None),
    (23.0, "exact", "diplomat"),
    (24.0, "exact", "diplomat"),
    (20.0, "more_than", "diplomat"),
    (24.0, "less_than", "diplomat"),
    (23.0, "about", ""),
    (6.0, "exact", "location"),
]
URLS = ["https://www.bbc.co.uk/a", "https://reuters.com/b", "https://tass.ru/c", None]


@st.composite
def mentions(draw: st.DrawFn, index: int) -> EventMention:
    """One event mention, built from BASE_RECORD, with its id from `index`."""
    cameo = draw(st.sampled_from(sorted(PLOVER)))
    date, precision = draw(st.sampled_from(DATES))
    count, qualifier, unit = draw(st.sampled_from(COUNTS))
    source, target = draw(st.sampled_from([("GBR", "RUS"), ("RUS", "GBR"), ("USA", "RUS")]))
    record = replace(
        BASE_RECORD,
        id=f"e{index:03d}",
        doc_id=f"d{draw(st.integers(0, 5))}",
        source=source,
        target=draw(st.sampled_from([target, None])),
        cameo=cameo,
        root=cameo[:2],
        plover=PLOVER[cameo],
        count=count,
        count_qualifier=qualifier,
        count_unit=unit,
        date=date,
        date_precision=precision,
        date_fallback=draw(st.booleans()) and date is not None,
        modality=draw(st.sampled_from(["asserted", "asserted", "announced", "negated"])),
        symmetric=draw(st.booleans()),
    )
    published = dt.date(2018, 3, draw(st.integers(14, 28)))
    return mention_from_record(record, published=published, url=draw(st.sampled_from(URLS)))


@st.composite
def mention_sets(draw: st.DrawFn) -> list[EventMention]:
    size = draw(st.integers(min_value=0, max_value=24))
    return [draw(mentions(n)) for n in range(size)]


@PROPERTY
@given(mention_sets(), st.randoms(use_true_random=False))
def test_the_order_of_the_mentions_does_not_change_the_merged_events(
    found: list[EventMention], rng: object
) -> None:
    shuffled = list(found)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert merge_mentions(shuffled) == merge_mentions(found)


@PROPERTY
@given(mention_sets())
def test_merging_is_idempotent(found: list[EventMention]) -> None:
    merged = merge_mentions(found)
    again = merge_mentions([m for event in merged for m in event.mentions])
    assert again == merged
    for event in merged:  # each merged event's mentions merge into that event alone
        assert merge_mentions(event.mentions) == [event]
    assert merge_mentions(found + found[: len(found) // 2]) == merged  # repeats count once


@PROPERTY
@given(mention_sets())
def test_every_mention_is_in_exactly_one_merged_event_with_its_equals(
    found: list[EventMention],
) -> None:
    merged = merge_mentions(found)
    placed = sorted(m.id for event in merged for m in event.mentions)
    assert placed == sorted(m.id for m in found)
    for event in merged:
        assert all(same_event(a, b) for a, b in combinations(event.mentions, 2))
