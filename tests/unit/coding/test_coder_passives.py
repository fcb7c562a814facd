"""Acts told in the passive or in a relative clause, end to end on real sentences."""

from __future__ import annotations

import pytest

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


def test_two_passive_verbs_share_their_subject_and_agent(parse_text: ParseText) -> None:
    text = (
        "Three Ukrainian navy vessels were fired on and seized by Russian border guards near "
        "the Kerch Strait on Sunday, Kiev said."
    )
    found = _code(parse_text, text)
    assert {("RUS", "UKR", "19"), ("RUS", "UKR", "17")} <= _tuples(found), found
    assert {e.action.cameo for e in found if e.action.root == "17"} == {"1711"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause with a subject and no object acts on the noun it modifies
        (
            "Obama and Castro agreed to restore the diplomatic relations Washington broke off"
            " in 1961.",
            ("USA", "CUB", "16"),
        ),
        (
            "A Dutch court jailed a businessman who sold chemicals for the mustard gas that Iraq"
            " used against Iranian troops.",
            ("IRQ", "IRN", "20"),
        ),
        (
            "Malaysia retaliated by stopping North Korean citizens from leaving.",
            ("MYS", "PRK", "17"),
        ),
    ],
)
def test_acts_on_the_noun_a_relative_clause_modifies(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found, found


def test_it_in_a_relative_clause_is_the_speaker_not_the_noun_it_modifies(
    parse_text: ParseText,
) -> None:
    text = (
        "Poland's government said the nearly four dozen Russian diplomats it ordered out on"
        " Wednesday had used their status to carry out intelligence work."
    )
    found = _tuples(_code(parse_text, text))
    assert ("POL", "RUS", "16") in found, found
    assert not {f for f in found if f[0] == "RUS" and f[2] == "16"}, found
