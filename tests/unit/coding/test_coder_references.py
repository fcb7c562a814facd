"""Acts a sentence refers to rather than reports, end to end on real sentences."""

from __future__ import annotations

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


def test_an_act_named_by_an_adjective_alone_is_a_reference(parse_text: ParseText) -> None:
    text = "Relations soured over Turkish criticism of the arrest of journalists in Egypt."
    assert not {f for f in _tuples(_code(parse_text, text)) if f[0] == "TUR"}


def test_an_act_owned_by_a_named_state_is_still_reported(parse_text: ParseText) -> None:
    text = "Turkey's criticism of Egypt over the arrests angered Cairo."
    assert ("TUR", "EGY", "11") in _tuples(_code(parse_text, text))
