"""Armed forces on the move, end to end on real sentences: who they are decides the code."""

from __future__ import annotations

import pytest

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senegalese troops crossed into Gambia on Thursday.", ("SEN", "GMB", "19")),
        ("Russian tanks rolled into Georgia on Friday.", ("RUS", "GEO", "19")),
        # leaving one country for another is a withdrawal from the first
        ("US troops crossed from Iraq into Kuwait on Sunday.", ("USA", "IRQ", "08")),
    ],
)
def test_forces_crossing_a_border(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found, found
    assert ("USA", "KWT", "19") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Ukrainian refugees crossed into Poland on Sunday.",
        "Mexican migrants crossed into the United States on Monday.",
    ],
)
def test_people_crossing_a_border_use_no_force(parse_text: ParseText, text: str) -> None:
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[2] == "19"}, found
