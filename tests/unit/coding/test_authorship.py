"""Authors of acts told as nouns: responsibility, verdicts, carrying on (real parse)."""

from __future__ import annotations

from riftwatch.actors import find_mentions
from riftwatch.coding.coder import code_document
from riftwatch.types import CodedEvent
from tests.conftest import ParseText


def _facts(parse_text: ParseText, text: str) -> set[tuple[str, str | None, str]]:
    parsed = parse_text(text, published="2017-11-22")
    events: list[CodedEvent] = code_document(parsed, find_mentions(parsed))
    return {
        (e.source.code, e.target.code if e.target else None, e.action.root)
        for e in events
        if e.modality.is_factual
    }


def test_whoever_was_responsible_for_an_attack_did_it(parse_text: ParseText) -> None:
    text = (
        "The inquiry concluded that the Syrian government was responsible for a sarin attack "
        "that killed dozens of people."
    )
    assert ("SYR", "SYR", "20") in _facts(parse_text, text)


def test_denied_responsibility_states_no_attack(parse_text: ParseText) -> None:
    text = "Russia denied responsibility for the attack on the airport in Kyiv."
    assert not {f for f in _facts(parse_text, text) if f[2] in {"18", "19", "20"}}


def test_not_responsible_states_no_attack(parse_text: ParseText) -> None:
    text = "Iran said it was not responsible for the attack on the Saudi oil facilities."
    assert not {f for f in _facts(parse_text, text) if f[0] == "IRN" and f[2] in {"18", "19"}}


def test_a_verdict_on_an_operation_states_the_atrocity_and_accuses(
    parse_text: ParseText,
) -> None:
    text = (
        "Secretary of State Rex Tillerson said the Myanmar military's operation against "
        "Rohingya Muslims constituted ethnic cleansing."
    )
    found = _facts(parse_text, text)
    assert ("MMR", "MMR", "20") in found  # no victim state named: its own people
    assert ("USA", "MMR", "11") in found
    assert not {f for f in found if f[2] == "20" and f[1] == "USA"}


def test_an_accusation_of_genocide_is_no_genocide(parse_text: ParseText) -> None:
    text = "Armenia accused Azerbaijan of genocide against the people of Nagorno-Karabakh."
    found = _facts(parse_text, text)
    assert ("ARM", "AZE", "11") in found
    assert not {f for f in found if f[2] == "20"}


def test_pressing_on_with_an_act_does_it(parse_text: ParseText) -> None:
    text = (
        "The UN voted to cut its force in Rwanda as Rwandan government soldiers and Hutu "
        "militias pressed on with massacres that have killed tens of thousands of Tutsis."
    )
    assert ("RWA", "RWA", "20") in _facts(parse_text, text)


def test_the_first_country_to_act_acts(parse_text: ParseText) -> None:
    text = "Sudan on Friday became the first country to recognise South Sudan as a state."
    assert ("SDN", "SSD", "05") in _facts(parse_text, text)


def test_a_trip_for_talks_meets_where_it_goes(parse_text: ParseText) -> None:
    text = "Mexico sent its foreign minister to Washington for talks on Friday."
    assert ("MEX", "USA", "04") in _facts(parse_text, text)


def test_an_invitation_to_come_for_talks_is_no_meeting(parse_text: ParseText) -> None:
    text = (
        "Vajpayee on Thursday invited Pakistan's military ruler, General Pervez Musharraf, to "
        "visit India for talks."
    )
    assert not {f for f in _facts(parse_text, text) if f[2] == "04"}


def test_a_conviction_for_genocide_states_the_genocide(parse_text: ParseText) -> None:
    text = (
        "A Guatemalan court on Friday convicted former dictator Efrain Rios Montt of genocide "
        "over the killing of 1,771 Ixil Maya people by the army."
    )
    parsed = parse_text(text, published="2013-05-11")
    events = code_document(parsed, find_mentions(parsed))
    genocide = [e for e in events if e.action.root == "20"]
    assert [(e.source.code, e.target.code if e.target else None) for e in genocide] == [
        ("GTM", "GTM")
    ]
    assert genocide[0].count is not None and genocide[0].count.number == 1771


def test_guilty_of_genocide_against_the_countrys_ethnic_minority(parse_text: ParseText) -> None:
    text = (
        "Cambodia's tribunal found two leaders of the Khmer Rouge guilty of genocide against "
        "the country's ethnic Vietnamese minority."
    )
    found = _facts(parse_text, text)
    assert ("KHM", "KHM", "20") in found and not {f for f in found if f[1] == "VNM"}, found


def test_an_acquittal_states_no_crime(parse_text: ParseText) -> None:
    text = "A Dutch court acquitted the businessman of complicity in genocide."
    assert not {f for f in _facts(parse_text, text) if f[2] == "20"}
