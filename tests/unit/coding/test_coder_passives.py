"""Acts told in the passive, end to end on real sentences."""

from __future__ import annotations

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
