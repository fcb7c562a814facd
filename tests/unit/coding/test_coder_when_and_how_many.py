"""When an act happened and how many it concerned, end to end on real sentences."""

from __future__ import annotations

import pytest

from riftwatch.types import CodedEvent
from tests.coded import code_text as _code
from tests.conftest import ParseText


def test_a_conditional_threat_counts_what_it_threatens(parse_text: ParseText) -> None:
    text = (
        "On Saturday Trump warned that the United States would strike 52 Iranian sites if "
        "Tehran attacked Americans."
    )
    threats = [e for e in _code(parse_text, text, "2020-01-06") if e.action.root == "13"]
    assert threats and {e.count.number for e in threats if e.count} == {52}, threats


def test_an_exercise_counts_the_forces_taking_part(parse_text: ParseText) -> None:
    text = "Belarus began military exercises on Monday, with 12,000 troops taking part."
    drills = [e for e in _code(parse_text, text, "2021-09-14") if e.action.root in {"06", "15"}]
    assert drills and {e.count.number for e in drills if e.count} == {12000}, drills


def _dated(events: list[CodedEvent]) -> dict[tuple[object, ...], str | None]:
    return {
        (e.source.code, e.target.code if e.target else None, e.action.root): (
            e.date.iso if e.date else None
        )
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "published", "key", "iso"),
    [
        # The date on the act's continuation ("fired on and seized ... on Sunday").
        (
            "Russian border guard vessels fired on and seized three Ukrainian navy ships near"
            " the strait on Sunday, wounding several sailors.",
            "2018-11-26",
            ("RUS", "UKR", "19"),
            "2018-11-25",
        ),
        # "late on Saturday" dates the launch, not the "April 1 strike" it answers.
        (
            "Iran launched drones at Israel late on Saturday in retaliation for an April 1"
            " strike on its consulate.",
            "2024-04-14",
            ("IRN", "ISR", "19"),
            "2024-04-13",
        ),
        # "a day after X": X is a day before the main clause's (here the story's) day.
        (
            "Putin signed the treaty on Tuesday. The move came a day after Washington imposed"
            " sanctions on Russia.",
            "2014-03-18",
            ("USA", "RUS", "16"),
            "2014-03-17",
        ),
    ],
)
def test_event_dates_from_continuations_adverbs_and_offsets(
    parse_text: ParseText, text: str, published: str, key: tuple, iso: str
) -> None:
    assert _dated(_code(parse_text, text, published=published)).get(key) == iso


def _counted(events: list[CodedEvent]) -> dict[tuple[object, ...], float | None]:
    return {
        (e.source.code, e.target.code if e.target else None, e.action.root): (
            e.count.value if e.count else None
        )
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "key", "count"),
    [
        ("India demanded that Pakistan hand over 20 fugitives.", ("IND", "PAK", "10"), 20),
        (
            "Erdogan threatened to send 3.6 million refugees to Europe if the European Union"
            " called the operation an invasion.",
            ("TUR", "EU", "13"),
            3_600_000,
        ),
        ("A team of six Chinese medical experts arrived in Serbia.", ("CHN", "SRB", "07"), 6),
    ],
)
def test_counts_of_acts_about_acts_and_of_arrivals(
    parse_text: ParseText, text: str, key: tuple, count: float
) -> None:
    assert _counted(_code(parse_text, text)).get(key) == count


def test_a_week_after_the_attack_counts_from_the_attack(parse_text: ParseText) -> None:
    text = (
        "A Syrian helicopter dropped chlorine on the town of Douma on April 7, 2018, killing 43"
        " people. A week after the attack, the United States launched missile strikes on Syria."
    )
    found = _dated(_code(parse_text, text, published="2018-04-20"))
    assert found.get(("USA", "SYR", "19")) == "2018-04-14", found


def test_forces_readied_in_the_passive_are_their_states(parse_text: ParseText) -> None:
    text = "The Pentagon said 8,500 US troops had been placed on heightened alert."
    found = _counted(_code(parse_text, text))
    assert found.get(("USA", None, "15")) == 8500, found


def test_years_after_an_act_date_it_to_the_year(parse_text: ParseText) -> None:
    text = "Egypt and Turkey agreed on Monday to restore relations, nine years after they cut ties."
    cut = [e for e in _code(parse_text, text, "2022-03-15") if e.action.root == "16"]
    assert cut and {e.date.iso for e in cut if e.date} == {"2013"}, cut


@pytest.mark.parametrize(
    ("text", "root", "number"),
    [
        ("Jordan freed two Mossad agents who were arrested in Amman last week.", "17", 2),
        ("Kyiv welcomed home 24 Ukrainian sailors captured by Russia off Crimea.", "17", 24),
    ],
)
def test_a_clause_counts_the_noun_it_modifies(
    parse_text: ParseText, text: str, root: str, number: int
) -> None:
    events = [e for e in _code(parse_text, text, "2019-09-07") if e.action.root == root]
    assert events and {e.count.number for e in events if e.count} == {number}, events
