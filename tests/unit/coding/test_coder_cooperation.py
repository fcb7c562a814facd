"""Cooperation promised, allowed and done, and who does it, end to end on real sentences."""

from __future__ import annotations

import pytest

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Under the pact, France would come to Mali's aid in the event of an invasion.",
            ("FRA", "MLI", "03"),
        ),
        (
            "Germany said it could supply more tanks to Ukraine if Russia attacked again.",
            ("DEU", "UKR", "03"),
        ),
    ],
)
def test_conditional_cooperation_is_a_promise(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    events = _code(parse_text, text)
    found = _tuples(events)
    assert expected in found, found
    assert (expected[0], expected[1], "07") not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran agreed to give UN inspectors access to the site.", ("IRN", "UN", "08")),
        (
            "Colombia sent 12 wanted drug traffickers to the United States on Monday.",
            ("COL", "USA", "06"),
        ),
        ("Britain returned the territory of Hong Kong to China in 1997.", ("GBR", "CHN", "08")),
    ],
)
def test_access_suspects_and_territory_handed_over(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found, found


def test_suspects_sent_are_counted(parse_text: ParseText) -> None:
    text = "Colombia sent 12 wanted drug traffickers to the United States on Monday."
    sent = [e for e in _code(parse_text, text) if e.action.root == "06"]
    assert sent and sent[0].count is not None and sent[0].count.value == 12


def test_they_after_a_passive_are_its_subject(parse_text: ParseText) -> None:
    text = (
        "Three Iranian agents were arrested in Nairobi after they tried to poison an Israeli"
        " diplomat."
    )
    found = _tuples(_code(parse_text, text))
    assert ("IRN", "ISR", "18") in found, found


def test_investigators_arriving_to_work_with_police_cooperate(parse_text: ParseText) -> None:
    text = (
        "A team of French detectives arrived in Beirut to work with Lebanese police on the"
        " investigation."
    )
    found = _tuples(_code(parse_text, text))
    assert ("FRA", "LBN", "06") in found or ("LBN", "FRA", "06") in found, found


def test_a_group_led_by_an_actor_acts_for_it(parse_text: ParseText) -> None:
    text = (
        "A team of international experts led by the World Health Organization arrived in Wuhan"
        " on Thursday to investigate the origins of the pandemic."
    )
    found = _tuples(_code(parse_text, text))
    assert any(f[0] == "WHO" and f[2] == "09" for f in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's president will attend the inauguration in Kampala on Sunday.",
            ("KEN", "UGA", "03"),
        ),
        ("Kenya's president attended the inauguration in Kampala on Sunday.", ("KEN", "UGA", "04")),
        ("North Korea has committed to refrain from further missile tests.", ("PRK", None, "03")),
    ],
)
def test_visits_and_commitments(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found, found


def test_committing_a_crime_or_troops_is_no_commitment(parse_text: ParseText) -> None:
    text = "Serbia committed war crimes in Kosovo, and Britain committed troops to Mali."
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[2] == "03"}, found


def test_what_a_signed_declaration_pledges_is_the_signing(parse_text: ParseText) -> None:
    text = "Japan and China signed a declaration pledging to work toward normal relations."
    found = _tuples(_code(parse_text, text))
    assert not {f for f in found if f[2] == "03"}, found
    assert {f for f in found if f[2] == "05"}, found


def test_relations_with_no_one_named_are_the_subjects_with_each_other(
    parse_text: ParseText,
) -> None:
    text = (
        "Saudi Arabia and Iran agreed on Friday to restore relations, seven years after they cut"
        " ties, in a deal brokered by China."
    )
    found = _tuples(_code(parse_text, text))
    assert {("SAU", "IRN", "16"), ("IRN", "SAU", "16")} <= found, found
    assert {("CHN", "SAU", "04"), ("CHN", "IRN", "04")} <= found, found
    assert not {f for f in found if f[1] == "CHN"}, found


def test_ties_cut_with_one_state_aim_at_it_alone(parse_text: ParseText) -> None:
    text = "Qatar and Bahrain cut ties with Iran on Sunday."
    found = _tuples(_code(parse_text, text))
    assert {("QAT", "IRN", "16"), ("BHR", "IRN", "16")} <= found, found
    assert ("QAT", "BHR", "16") not in found, found


def test_a_participle_acts_on_the_noun_it_modifies(parse_text: ParseText) -> None:
    text = (
        "US Marines began training alongside Australian forces on Wednesday under an agreement"
        " announced by President Barack Obama and Prime Minister Julia Gillard last November."
    )
    events = _code(parse_text, text, published="2012-04-04")
    announced = [e for e in events if e.action.root == "03"]
    assert {(e.source.code, e.target and e.target.code) for e in announced} & {
        ("USA", "AUS"),
        ("AUS", "USA"),
    }, events
    assert {e.date.iso for e in announced if e.date} == {"2011-11"}, announced
    training = [e for e in events if e.action.root == "06"]
    assert training and all(e.date and e.date.iso == "2012-04-04" for e in training), training


def test_an_aid_flight_allowed_in_is_aid_allowed(parse_text: ParseText) -> None:
    text = (
        "The first American aid flight allowed in by Myanmar's military government landed in"
        " Yangon on Monday."
    )
    found = _tuples(_code(parse_text, text))
    assert ("MMR", "USA", "08") in found, found


def test_ambassadors_recalled_by_two_states_from_each_other(parse_text: ParseText) -> None:
    text = "Colombia and Venezuela recalled their ambassadors on Thursday."
    found = _tuples(_code(parse_text, text))
    assert {("COL", "VEN", "16"), ("VEN", "COL", "16")} <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China's leader Xi Jinping received Washington's top diplomat on Monday.",
            ("CHN", "USA", "04"),
        ),
        ("France is bringing its ambassador home from Niger, Macron said.", ("FRA", "NER", "16")),
        ("Beijing's withdrawal of its envoy from Vilnius angered Lithuania.", ("CHN", "LTU", "16")),
        (
            "After a call between Emmanuel Macron and Joe Biden, the two agreed to meet.",
            ("FRA", "USA", "04"),
        ),
    ],
)
def test_visits_calls_and_recalls_in_other_words(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found or (expected[1], expected[0], expected[2]) in found, found


def test_money_in_dollars_signs_is_aid(parse_text: ParseText) -> None:
    text = "The United States will provide Ukraine with another $800 million, Biden said."
    assert ("USA", "UKR", "07") in _tuples(_code(parse_text, text))


def test_two_leaders_who_spoke_discussed(parse_text: ParseText) -> None:
    text = "Vladimir Putin and Donald Trump spoke for nearly an hour and a half on Wednesday."
    found = _tuples(_code(parse_text, text))
    assert ("RUS", "USA", "04") in found or ("USA", "RUS", "04") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov spoke to reporters in Moscow on Monday.",
        "George W. Bush, speaking in Beijing on Saturday, called for calm.",
    ],
)
def test_speaking_alone_or_somewhere_is_no_discussion(parse_text: ParseText, text: str) -> None:
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[2] == "04" and f[1] is not None}, found


def test_two_states_pulling_their_forces_back_do_so_toward_each_other(
    parse_text: ParseText,
) -> None:
    text = (
        "Greece and Turkey agreed on Wednesday to pull their warships and troops back from a"
        " pair of islets after US mediation."
    )
    found = _tuples(_code(parse_text, text))
    assert ("GRC", "TUR", "08") in found and ("GRC", "USA", "08") not in found, found


def test_ambassadors_recalled_from_a_named_capital_are_not_mutual(parse_text: ParseText) -> None:
    found = _tuples(_code(parse_text, "Britain and France recalled their ambassadors from Moscow."))
    assert ("GBR", "RUS", "16") in found and ("GBR", "FRA", "16") not in found, found


def test_inspectors_visiting_sites_inspect_and_commitments_met_are_no_meeting(
    parse_text: ParseText,
) -> None:
    text = (
        "UN weapons inspectors carried out their first inspections in Iraq on Wednesday,"
        " visiting two sites near Baghdad. The watchdog said Tehran had met its commitments."
    )
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert ("UN", "IRQ", "09") in found, found
    assert not {f for f in found if f[2] == "04"}, found
