"""Comparisons with history found in hand-written text, linked to hand-built records."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.analysis import ComparisonClaim, find_claims
from riftwatch.analysis.claims import split_sentences
from riftwatch.analysis.cues import load_cues
from riftwatch.types import ActorMention, Document
from tests.unit.analysis.conftest import MakeRecord

PUBLISHED = dt.date(2018, 3, 29)


def document(text: str) -> Document:
    return Document(id="d0", text=text, published=PUBLISHED)


def mention(text: str, word: str, code: str) -> ActorMention:
    start = text.index(word)
    return ActorMention("d0", 0, start, start + len(word), 0, 1, word, code, code)


def claims(text: str, **links: object) -> list[ComparisonClaim]:
    return find_claims([document(text)], **links)  # type: ignore[arg-type]


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = (
        "Russia shut the consulate in St. Petersburg. U.S. Ambassador Jon Huntsman was told.\nNext"
    )
    spans = split_sentences(text, load_cues())
    assert [text[a:b] for a, b in spans] == [
        "Russia shut the consulate in St. Petersburg.",
        "U.S. Ambassador Jon Huntsman was told.",
        "Next",
    ]


@pytest.mark.parametrize(
    ("text", "claim", "collective"),
    [
        (
            "It was the largest collective expulsion of Russian intelligence officers in history.",
            "the largest collective expulsion of Russian intelligence officers in history",
            True,
        ),
        (
            "It is the biggest expulsion in more than 30 years.",
            "the biggest expulsion in more than 30 years",
            False,
        ),
        ("The move was the biggest since the Cold War.", "the biggest since the Cold War", False),
    ],
)
def test_a_superlative_with_a_scope_is_a_claim(text: str, claim: str, collective: bool) -> None:
    [found] = claims(text)
    assert (found.kind, found.text, found.collective) == ("superlative", claim, collective)
    assert (found.start, found.end) == (0, len(text))
    assert text[found.claim_start : found.claim_end] == claim


def test_a_superlative_without_a_scope_is_no_claim() -> None:
    assert claims("Moscow is the largest city in Russia. The biggest group left.") == []


def test_a_year_in_the_scope_is_the_claims_year() -> None:
    [found] = claims("It was the largest expulsion since 1986.")
    assert found.year == 1986


def test_each_precedent_year_is_a_claim_with_its_clause(rec: MakeRecord) -> None:
    text = (
        "Individual countries have gone further in the past: in 1971 Britain expelled 105 Soviet "
        "officials accused of spying, and in December 2016 the United States ordered out 35 "
        "Russian diplomats over interference in its election. In 2018 it was different."
    )
    at = text.index("expelled")
    event = rec("GBR", doc_id="d0", trigger_start=at, count=105, date="1971", date_precision="year")
    mentions = [mention(text, "Britain", "GBR"), mention(text, "United States", "USA")]
    found = claims(text, records=[event], mentions=mentions)
    assert [(c.kind, c.year, c.actor, c.count, c.event_id) for c in found] == [
        ("precedent", 1971, "GBR", 105, event.id),
        ("precedent", 2016, "USA", None, None),  # no coded event: the actor it names
    ]
    assert found[0].text == "in 1971 Britain expelled 105 Soviet officials accused of spying"
    assert found[1].text.startswith("in December 2016 the United States ordered out 35")


def test_a_precedent_runs_on_through_a_relative_clause() -> None:
    text = (
        "“There were larger expulsions from individual countries, such as the United Kingdom "
        "in 1976, which expelled more than 100 diplomats,” says an expert."
    )
    [found] = claims(text, mentions=[mention(text, "United Kingdom", "GBR")])
    assert (
        found.text == "such as the United Kingdom in 1976, which expelled more than 100 diplomats"
    )
    assert (found.year, found.actor) == (1976, "GBR")


def test_a_superlative_about_one_act_takes_the_counted_event_before_it(rec: MakeRecord) -> None:
    text = (
        "Britain would throw out 23 Russian diplomats. The envoys have seven days to leave. "
        "It is the biggest expulsion from Britain in more than 30 years."
    )
    event = rec("GBR", doc_id="d0", trigger_start=text.index("throw"), count=23, date="2018-03-14")
    uncounted = rec("GBR", doc_id="d0", trigger_start=text.index("leave"))
    [found] = claims(text, records=[event, uncounted])
    assert (found.actor, found.target, found.count, found.date) == ("GBR", "RUS", 23, "2018-03-14")


def test_a_collective_superlative_is_not_pinned_on_one_actor(rec: MakeRecord) -> None:
    text = "Poland expelled four. It was the largest coordinated expulsion ever."
    event = rec("POL", doc_id="d0", trigger_start=text.index("expelled"), count=4)
    [found] = claims(text, records=[event], mentions=[mention(text, "Poland", "POL")])
    assert found.collective and (found.actor, found.count, found.event_id) == (None, None, None)


def test_unprecedented_claims_run_to_the_end_of_their_clause() -> None:
    [found] = claims("Officials called it an unprecedented show of unity, a diplomat said.")
    assert (found.kind, found.text) == ("unprecedented", "unprecedented show of unity")
    assert found.to_dict()["rules"] == ["cues.v1:unprecedented-word"]
