"""Proposals answered by another: the proposal was made, to whoever answers it."""

from __future__ import annotations

import pytest

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkey rejected Russia's offer to mediate in the dispute with Greece.",
            ("RUS", "TUR", "03"),
        ),
        ("Chad declined a French offer to send more helicopters.", ("FRA", "TCD", "03")),
        (
            "Kenya's court approved Uganda's request for the suspect's extradition.",
            ("UGA", "KEN", "02"),
        ),
        ("Iran has defied demands from the IAEA to halt enrichment.", ("IAEA", "IRN", "10")),
        ("Serbia turned down an EU proposal for new border checks.", ("EU", "SRB", "02")),
    ],
)
def test_an_answered_proposal_is_the_makers_act_aimed_at_the_answerer(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found, found


def test_a_proposal_is_made_whatever_the_answer(parse_text: ParseText) -> None:
    text = "Sudan rejected a United Nations plan to send 4,000 peacekeepers to Darfur."
    events = _code(parse_text, text)
    plan = [e for e in events if e.evidence.rule == "proposals:answered"]
    assert [(e.source.code, e.target and e.target.code) for e in plan] == [("UN", "SDN")]
    assert plan[0].modality.is_factual and plan[0].action.root == "03"
    assert plan[0].count is not None and plan[0].count.value == 4000
    assert ("SDN", "UN", "12") in _tuples(events)


def test_an_ultimatum_answered_is_a_threat(parse_text: ParseText) -> None:
    text = "Maduro rejected an ultimatum from Spain and France to call new elections."
    found = _tuples(_code(parse_text, text))
    assert {("ESP", "VEN", "13"), ("FRA", "VEN", "13")} <= found, found
    assert ("ESP", "VEN", "10") not in found, found


def test_a_proposal_no_one_answers_is_not_aimed_at_anyone_new(parse_text: ParseText) -> None:
    text = "Critics said Israel's plan to build new settlements would anger Jordan."
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[0] == "ISR" and f[2] == "03"}, found


def test_a_proposal_whose_maker_is_unnamed_makes_no_event(parse_text: ParseText) -> None:
    text = "Egypt rejected the plan to send peacekeepers to Gaza."
    events = _code(parse_text, text)
    assert not [e for e in events if e.evidence.rule == "proposals:answered"], events
