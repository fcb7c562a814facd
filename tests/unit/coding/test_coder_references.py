"""Acts a sentence refers to, vows or reports, end to end on real sentences."""

from __future__ import annotations

import pytest

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


def test_an_act_named_by_an_adjective_alone_is_a_reference(parse_text: ParseText) -> None:
    text = "Relations soured over Turkish criticism of the arrest of journalists in Egypt."
    assert not {f for f in _tuples(_code(parse_text, text)) if f[0] == "TUR"}


def test_an_act_owned_by_a_named_state_is_still_reported(parse_text: ParseText) -> None:
    text = "Turkey's criticism of Egypt over the arrests angered Cairo."
    assert ("TUR", "EGY", "11") in _tuples(_code(parse_text, text))


def test_a_vow_to_use_force_threatens_and_a_pledge_to_help_promises(
    parse_text: ParseText,
) -> None:
    text = "Iran vowed to strike back at Israel. China pledged to help Pakistan rebuild."
    found = _tuples(_code(parse_text, text))
    assert ("IRN", "ISR", "13") in found and ("CHN", "PAK", "03") in found, found
    assert ("IRN", "ISR", "03") not in found, found


def test_talks_before_an_act_are_its_subjects_and_aim_nothing_else(
    parse_text: ParseText,
) -> None:
    text = (
        "Turkish jets shot down a Russian bomber on Tuesday. Speaking before talks with "
        "Jordan's King Abdullah in Sochi, President Vladimir Putin called the downing a stab in "
        "the back."
    )
    found = _tuples(_code(parse_text, text))
    assert {("RUS", "JOR", "04"), ("RUS", "TUR", "11")} <= found, found
    assert ("RUS", "JOR", "11") not in found, found


def test_troops_massed_at_no_one_named_face_whom_the_source_last_opposed(
    parse_text: ParseText,
) -> None:
    text = (
        "India recalled its high commissioner from Islamabad on Friday, blaming Pakistan-based "
        "militants for the attack. India has been moving troops toward the border."
    )
    assert ("IND", "PAK", "15") in _tuples(_code(parse_text, text))


def test_the_means_of_a_response_answer_whoever_acted_before(parse_text: ParseText) -> None:
    text = (
        "North Korea test-fired a new intercontinental ballistic missile on Wednesday, and South "
        "Korea's military responded minutes later with a precision missile strike drill."
    )
    assert ("KOR", "PRK", "15") in _tuples(_code(parse_text, text))


def test_a_massacre_is_done_by_whom_its_relative_clause_names_in_its_own_year(
    parse_text: ParseText,
) -> None:
    text = (
        "Serbia had violated its obligation to prevent genocide in the 1995 Srebrenica massacre, "
        "in which Bosnian Serb forces killed about 8,000 Muslim men and boys."
    )
    found = [e for e in _code(parse_text, text, "2007-02-26") if e.action.root == "20"]
    assert [(e.source.code, e.target and e.target.code) for e in found] == [("BIH", "BIH")]
    assert found[0].date is not None and (found[0].date.year, found[0].date.month) == (1995, None)


def test_investigators_arriving_investigate_where_a_leader_would_visit(
    parse_text: ParseText,
) -> None:
    text = "A team of 18 Russian investigators arrived in Ankara on Tuesday."
    found = _code(parse_text, text)
    assert [(e.source.code, e.target and e.target.code, e.action.cameo) for e in found] == [
        ("RUS", "TUR", "090")
    ]
    visit = _code(
        parse_text, "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Tuesday."
    )
    assert {e.action.root for e in visit} == {"04"}, visit


def test_nuclear_inspectors_verifying_investigate_for_the_iaea(parse_text: ParseText) -> None:
    text = "UN nuclear inspectors have verified that North Korea has shut down its reactor."
    assert ("IAEA", "PRK", "09") in _tuples(_code(parse_text, text))


def test_a_jet_shot_down_with_its_passengers_is_force_not_a_massacre(
    parse_text: ParseText,
) -> None:
    text = (
        "Iran's military shot down a Ukrainian passenger jet near Tehran on Wednesday, killing "
        "all 176 people on board."
    )
    found = _tuples(_code(parse_text, text))
    assert ("IRN", "UKR", "19") in found and not {t for t in found if t[2] == "20"}, found


def test_those_punished_for_an_act_did_it(parse_text: ParseText) -> None:
    text = (
        "An Italian court convicted 23 Americans in absentia for the 2003 abduction of an"
        " Egyptian cleric from a Milan street."
    )
    events = _code(parse_text, text, published="2009-11-04")
    abduction = [e for e in events if e.action.root == "18"]
    assert [(e.source.code, e.target and e.target.code) for e in abduction] == [("USA", "EGY")]
    assert abduction[0].date is not None and abduction[0].date.iso == "2003"


def test_a_court_punishing_someone_unnamed_did_not_do_the_act(parse_text: ParseText) -> None:
    text = "An Italian court jailed him for the abduction of an Egyptian cleric."
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[0] == "ITA" and f[2] == "18"}, found


def test_the_leaders_are_the_group_named_before(parse_text: ParseText) -> None:
    text = (
        "African Union leaders agreed on Monday to suspend Niger. The leaders called on the"
        " United Nations to impose sanctions on the junta."
    )
    found = _tuples(_code(parse_text, text))
    assert ("AU", "UN", "02") in found, found


def test_the_leaders_named_by_no_actor_stay_unresolved(parse_text: ParseText) -> None:
    text = "Protests spread on Monday. The leaders called on the United Nations to act."
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[1] == "UN" and f[2] == "02"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Indian Prime Minister Narendra Modi concluded a two-day visit to Japan on Sunday.",
        "Indian Prime Minister Narendra Modi wrapped up a visit to Japan on Sunday.",
    ],
)
def test_a_visit_wrapped_up_is_a_visit_made(parse_text: ParseText, text: str) -> None:
    assert ("IND", "JPN", "04") in _tuples(_code(parse_text, text))


@pytest.mark.parametrize(
    "text",
    [
        "Liberia's president appealed to Barack Obama for help, warning in a letter sent on"
        " Tuesday that without it her country could lose the battle against Ebola.",
        "Ukraine warned the United States on Monday that its economy could collapse without aid.",
    ],
)
def test_a_warning_of_what_will_befall_the_speaker_threatens_no_one(
    parse_text: ParseText, text: str
) -> None:
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[2] == "13"}, found


def test_a_warning_told_as_a_noun_threatens(parse_text: ParseText) -> None:
    text = (
        "Donald Trump's warning on Tuesday that North Korea would face fire and fury if it kept"
        " threatening America has alarmed allies."
    )
    assert ("USA", "PRK", "13") in _tuples(_code(parse_text, text))


def test_a_travel_warning_threatens_no_one(parse_text: ParseText) -> None:
    text = "The State Department issued a travel warning for Mexico on Friday."
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[2] == "13"}, found


def test_a_resolution_rejected_is_the_bodys_not_the_latest_acts(parse_text: ParseText) -> None:
    text = (
        "The Organization of American States on Friday called on Nicaragua to withdraw its"
        " forces, after Costa Rica said Nicaraguan troops had occupied part of its territory."
        " Nicaraguan President Daniel Ortega rejected the resolution on Saturday."
    )
    found = _tuples(_code(parse_text, text))
    assert ("NIC", "OAS", "12") in found, found
    assert ("NIC", "CRI", "12") not in found, found


def test_who_backs_a_force_or_a_court_is_not_it(parse_text: ParseText) -> None:
    text = (
        "Egypt warned that any advance by Turkish-backed forces on the Libyan city of Sirte"
        " would be a red line. Cambodia's UN-backed tribunal found two Khmer Rouge leaders"
        " guilty of genocide."
    )
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if "TUR" in f or f[0] == "UN"}, found
    assert ("KHM", "KHM", "11") in found, found


def test_the_russian_led_csto_is_the_csto_and_a_saudi_led_coalition_saudi(
    parse_text: ParseText,
) -> None:
    text = (
        "Armenia asked the Russian-led Collective Security Treaty Organization for military"
        " assistance. The Saudi-led coalition struck Houthi positions in Yemen."
    )
    found = _tuples(_code(parse_text, text))
    assert ("ARM", "CSTO", "02") in found and ("ARM", "RUS", "02") not in found, found
    assert ("SAU", "YEM", "19") in found, found
