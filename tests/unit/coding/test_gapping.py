from __future__ import annotations

from riftwatch.actors import find_mentions
from riftwatch.coding.coder import code_document
from tests.conftest import ParseText


def _expulsions(parse_text: ParseText, text: str) -> dict[str, tuple[str | None, object, str]]:
    parsed = parse_text(text, "2018-03-26")
    return {
        e.source.code: (
            e.target.code if e.target else None,
            e.count.number if e.count else None,
            e.modality.value,
        )
        for e in code_document(parsed, find_mentions(parsed))
        if e.action.root == "16"
    }


def test_gapped_lists_are_new_subjects_with_their_own_counts(parse_text: ParseText) -> None:
    found = _expulsions(
        parse_text,
        "Britain expelled 23 Russian diplomats. Washington expelled 60 and Ukraine 13. "
        "Germany, France and Poland each expelled four, the Czech Republic and Lithuania three "
        "each, and the Netherlands, Denmark, Italy and Albania two each.",
    )
    assert found["UKR"][:2] == ("RUS", 13)
    assert found["CZE"][:2] == ("RUS", 3) and found["LTU"][:2] == ("RUS", 3)
    assert found["ALB"][:2] == ("RUS", 2) and found["DEU"][:2] == ("RUS", 4)
    assert "UKR" not in {v[0] for v in found.values()}


def test_diplomats_sent_home_or_out_and_decisions_against(parse_text: ParseText) -> None:
    found = _expulsions(
        parse_text,
        "France is sending four Russian diplomats home. Sweden ordered one Russian diplomat "
        "out. Hungary would expel a single Russian diplomat. Slovenia decided against joining "
        "the expulsions.",
    )
    assert found["FRA"][:2] == ("RUS", 4) and found["SWE"][:2] == ("RUS", 1)
    assert found["HUN"][1] == 1
    assert found["SVN"][2] == "refused"
