"""Who acts on whom, end to end on real sentences: occasions, reciprocals, requests, brokers."""

from __future__ import annotations

import pytest

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


def test_a_joint_act_between_two_parties_pairs_them(parse_text: ParseText) -> None:
    text = "At least 99 soldiers were killed on Tuesday in fighting between Armenia and Azerbaijan."
    fights = [e for e in _code(parse_text, text, "2022-09-13") if e.action.root == "19"]
    pairs = {(e.source.code, e.target.code if e.target else None) for e in fights}
    assert pairs == {("ARM", "AZE"), ("AZE", "ARM")}, pairs
    assert {e.count.number for e in fights if e.count} == {99}
    clash = "Clashes between Indian and Chinese troops killed 20 soldiers."
    assert ("IND", "CHN", "19") in _tuples(_code(parse_text, clash))


def test_by_hung_on_the_object_still_names_the_actor(parse_text: ParseText) -> None:
    text = "The expulsion of 23 Russian diplomats by Britain angered Moscow."
    assert ("GBR", "RUS", "16") in _tuples(_code(parse_text, text))


def test_a_participle_hung_on_a_demanded_clause_belongs_to_the_demander(
    parse_text: ParseText,
) -> None:
    text = (
        "Argentina demanded that Britain hand the Falkland Islands back to Argentina, accusing "
        "London of a blatant exercise of colonialism."
    )
    found = _tuples(_code(parse_text, text))
    assert ("ARG", "GBR", "11") in found and ("GBR", "ARG", "11") not in found, found


def test_a_court_acts_on_its_own_state_when_no_one_else_is_named(parse_text: ParseText) -> None:
    text = (
        "A Guatemalan court on Friday convicted former dictator Efrain Rios Montt of genocide "
        "and sentenced him to 80 years in prison."
    )
    found = _tuples(_code(parse_text, text, "2013-05-11"))
    assert ("GTM", "GTM", "11") in found and ("GTM", "GTM", "17") in found, found
    other = _tuples(_code(parse_text, "Iran detained a French tourist on spying charges."))
    assert ("IRN", "FRA", "17") in other and ("IRN", "IRN", "17") not in other, other


def test_condemning_the_attack_condemns_the_attacker_not_whom_others_blamed(
    parse_text: ParseText,
) -> None:
    text = (
        "Iran launched more than 300 drones and missiles at Israel late on Saturday, in "
        "retaliation for an April 1 strike on its consulate in Damascus that Tehran blamed on "
        "Israel. UN Secretary-General Antonio Guterres strongly condemned the attack."
    )
    found = _tuples(_code(parse_text, text, "2024-04-14"))
    assert ("UN", "IRN", "11") in found and ("UN", "ISR", "11") not in found, found


def test_condemning_the_killing_aims_at_the_killer_not_at_a_threat_told_since(
    parse_text: ParseText,
) -> None:
    text = (
        "A US drone strike killed Iran's top general at Baghdad airport on Friday. Iran vowed "
        "harsh revenge, and Iraq's prime minister condemned the killing."
    )
    found = _tuples(_code(parse_text, text))
    assert ("IRQ", "USA", "11") in found and ("IRQ", "IRN", "11") not in found, found


def test_the_proposals_discussed_are_those_made_not_an_act_they_demand(
    parse_text: ParseText,
) -> None:
    text = (
        "Russia published draft treaties on Friday, demanding that NATO pull back its forces. "
        "The White House said it was ready to discuss the proposals but would not compromise "
        "on the principle that NATO's door stays open."
    )
    found = _tuples(_code(parse_text, text))
    assert ("USA", "RUS", "03") in found and ("USA", "NATO", "03") not in found, found


def test_calling_an_act_named_by_its_noun_an_injustice_denounces_its_author(
    parse_text: ParseText,
) -> None:
    text = (
        "Thailand extradited Viktor Bout to the United States on Tuesday. Russian Foreign "
        "Minister Sergei Lavrov called the extradition an extreme injustice."
    )
    assert ("RUS", "THA", "11") in _tuples(_code(parse_text, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Venezuelan President Nicolas Maduro ordered troops into exercises, in response to "
            "Britain's decision to send a patrol ship to Guyana, which he denounced as a threat.",
            ("VEN", "GBR", "11"),
        ),
        (
            "Venezuela's government on Saturday denounced as a hostile act President Donald "
            "Trump's remark on Friday that he would not rule out a military option to deal with "
            "the crisis in the South American country.",
            ("USA", "VEN", "13"),
        ),
    ],
)
def test_he_is_the_person_named_before_when_no_verb_above_names_one(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _tuples(_code(parse_text, text))


def test_it_after_an_owned_decision_is_that_decision(parse_text: ParseText) -> None:
    text = (
        "Jordan and Saudi Arabia on Thursday condemned President Donald Trump's decision to "
        "recognise Jerusalem as Israel's capital, with the Saudi royal court calling it "
        "unjustified and irresponsible."
    )
    found = _tuples(_code(parse_text, text))
    assert ("SAU", "USA", "11") in found and ("SAU", "ISR", "11") not in found, found


def test_whoever_says_another_will_face_pain_threatens_it(parse_text: ParseText) -> None:
    text = "North Korea's envoy said the United States would face the greatest pain."
    assert _tuples(_code(parse_text, text)) == {("PRK", "USA", "13")}


def test_an_act_done_at_anothers_request_was_asked_for(parse_text: ParseText) -> None:
    text = (
        "Canada arrested Huawei's chief financial officer Meng Wanzhou in Vancouver on Dec. 1 "
        "at the request of the United States."
    )
    found = _tuples(_code(parse_text, text, "2018-12-06"))
    assert ("USA", "CAN", "02") in found, found


def test_the_object_of_prompted_does_the_infinitive(parse_text: ParseText) -> None:
    text = (
        "North Korea fired four ballistic missiles into the sea on Monday, prompting Prime "
        "Minister Shinzo Abe to condemn the launches."
    )
    found = _tuples(_code(parse_text, text, "2017-03-07"))
    assert ("JPN", "PRK", "11") in found and ("PRK", None, "11") not in found, found


def test_a_speech_verbs_continuation_is_the_speakers_act(parse_text: ParseText) -> None:
    text = (
        "Japan said five of the missiles landed in its exclusive economic zone and lodged a "
        "protest with Beijing."
    )
    assert ("JPN", "CHN", "11") in _tuples(_code(parse_text, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Joe Biden warned Vladimir Putin during a two-hour video call on Tuesday.",
            ("USA", "RUS", "04"),
        ),
        (
            "20 Indian soldiers were killed in a clash with Chinese troops on the border.",
            ("IND", "CHN", "19"),
        ),
        (
            "Kim Jong Il admitted on Tuesday that his country's agents had abducted 13 Japanese "
            "citizens and apologised to Prime Minister Junichiro Koizumi during a one-day summit.",
            ("PRK", "JPN", "04"),
        ),
    ],
)
def test_a_talk_or_fight_told_as_the_occasion_of_another_act(
    parse_text: ParseText, text: str, expected: tuple
) -> None:
    assert expected in _tuples(_code(parse_text, text))


def test_missiles_staying_grounded_during_talks_hold_no_talks(parse_text: ParseText) -> None:
    text = (
        "Lukashenko promised that Russian aircraft and missiles on Belarusian soil would stay "
        "on the ground during the talks."
    )
    assert not {f for f in _tuples(_code(parse_text, text)) if f[2] == "04"}


def test_a_participle_of_saying_reports_for_the_clause_it_hangs_on(parse_text: ParseText) -> None:
    text = "Qatar denied the accusations, saying the measures were unjustified."
    assert ("QAT", None, "11") in _tuples(_code(parse_text, text))


def test_welcoming_a_verdict_welcomes_those_who_gave_it(parse_text: ParseText) -> None:
    text = (
        "A Guatemalan court on Friday convicted former dictator Efrain Rios Montt of genocide. "
        "UN human rights chief Navi Pillay welcomed the verdict as historic."
    )
    assert ("UN", "GTM", "05") in _tuples(_code(parse_text, text, "2013-05-11"))


def test_a_show_of_force_answers_whoever_acted_in_the_clause_it_follows(
    parse_text: ParseText,
) -> None:
    text = (
        "The United States ordered thousands more troops and dozens of warplanes to the Gulf "
        "after Iraq moved tens of thousands of soldiers toward the Kuwaiti border, the Pentagon "
        "said on Sunday."
    )
    assert ("USA", "IRQ", "15") in _tuples(_code(parse_text, text))


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan blamed each other for the renewed fighting.",
        "Armenia and Azerbaijan traded accusations over the renewed fighting.",
        "Armenia and Azerbaijan fought on Tuesday, with each side blaming the other.",
    ],
)
def test_parties_that_accuse_each_other_each_accuse(parse_text: ParseText, text: str) -> None:
    found = _tuples(_code(parse_text, text))
    assert {("ARM", "AZE", "11"), ("AZE", "ARM", "11")} <= found, found


def test_a_broker_mediates_between_the_parties_of_the_deal(parse_text: ParseText) -> None:
    text = (
        "Saudi Arabia and Iran agreed on Friday to restore diplomatic relations, in a deal "
        "brokered by China after four days of talks in Beijing."
    )
    found = _tuples(_code(parse_text, text))
    assert {("CHN", "SAU", "04"), ("CHN", "IRN", "04")} <= found, found


def test_two_parties_that_agree_commit_to_each_other(parse_text: ParseText) -> None:
    text = "Saudi Arabia and Iran agreed on Friday to restore ties, in a deal brokered by China."
    found = _tuples(_code(parse_text, text))
    assert ("SAU", "IRN", "05") in found, found
    assert not {f for f in found if f[:2] == ("SAU", "CHN")}, found


def test_the_four_governments_may_be_the_four_an_act_was_aimed_at(parse_text: ParseText) -> None:
    text = (
        "Maduro on Sunday rejected an ultimatum from Spain, France, Germany and Britain. The four"
        " European governments said they would recognise Guaido as interim president of"
        " Venezuela unless an election was called."
    )
    found = _tuples(_code(parse_text, text, published="2019-02-04"))
    assert {("ESP", "VEN", "13"), ("GBR", "VEN", "13")} <= found, found


def test_a_reply_is_aimed_at_the_one_whose_act_it_answers(parse_text: ParseText) -> None:
    text = "Pakistan carried out five nuclear tests on Thursday in response to India's tests."
    assert ("PAK", "IND", "15") in _tuples(_code(parse_text, text))


def test_an_investigation_targets_where_the_abuses_happened(parse_text: ParseText) -> None:
    text = (
        "The UN Human Rights Council voted on Friday to set up an independent fact-finding"
        " mission to investigate alleged extrajudicial killings, enforced disappearances and"
        " torture in Venezuela since 2014."
    )
    assert ("UN", "VEN", "09") in _tuples(_code(parse_text, text, published="2019-09-28"))


def test_a_government_protesting_complains_officially(parse_text: ParseText) -> None:
    text = "Nigeria summoned South Africa's envoy on Tuesday to protest against attacks on shops."
    found = _code(parse_text, text)
    assert any(e.action.cameo == "114" and e.target and e.target.code == "ZAF" for e in found)


def test_an_extradition_aims_at_the_receiving_state(parse_text: ParseText) -> None:
    text = "Thailand extradited suspected Russian arms dealer Viktor Bout to the United States."
    found = _tuples(_code(parse_text, text))
    assert ("THA", "USA", "06") in found and ("THA", "RUS", "06") not in found, found


def test_an_arrest_with_no_one_named_is_made_where_it_happened(parse_text: ParseText) -> None:
    text = "Former Peruvian President Alberto Fujimori was arrested on arrival in Santiago."
    assert _tuples(_code(parse_text, text)) == {("CHL", "PER", "17")}


def test_those_a_relative_clause_arrests_are_its_antecedent(parse_text: ParseText) -> None:
    text = (
        "Israel agreed to free Sheikh Ahmed Yassin to secure the return of two Mossad agents "
        "who were arrested in Amman after they tried to poison Hamas leader Khaled Meshaal."
    )
    found = _tuples(_code(parse_text, text))
    assert ("JOR", "ISR", "17") in found and ("JOR", "PSE", "17") not in found, found


def test_those_killed_along_with_the_object_are_targets_too(parse_text: ParseText) -> None:
    text = (
        "A US drone strike killed Iran's top general, Qassem Soleimani, at Baghdad airport on "
        "Friday, along with Iraqi militia leader Abu Mahdi al-Muhandis."
    )
    assert {("USA", "IRN", "18"), ("USA", "IRQ", "18")} <= _tuples(_code(parse_text, text))


def test_bosnian_serb_forces_are_one_actor(parse_text: ParseText) -> None:
    text = "Bosnian Serb forces killed about 8,000 Muslim men and boys in Srebrenica in 1995."
    assert _tuples(_code(parse_text, text)) == {("BIH", "BIH", "20")}


def test_where_two_parties_sign_is_no_party(parse_text: ParseText) -> None:
    text = "Australia and East Timor signed a treaty at the United Nations on Tuesday."
    found = _tuples(_code(parse_text, text))
    assert ("AUS", "TLS", "05") in found and ("AUS", "UN", "05") not in found, found


def test_two_armies_agreeing_a_ceasefire_agree_it_with_each_other(parse_text: ParseText) -> None:
    found = _tuples(_code(parse_text, "India and Pakistan agreed a ceasefire on Thursday."))
    assert ("IND", "PAK", "08") in found and ("IND", None, "08") not in found, found


def test_aid_goes_to_whoever_appealed_for_it(parse_text: ParseText) -> None:
    text = (
        "Nepal's president appealed for international help on Saturday after the earthquake."
        " The United States said it was sending search-and-rescue teams and emergency supplies."
    )
    assert ("USA", "NPL", "07") in _tuples(_code(parse_text, text, published="2015-04-26"))


def test_the_two_leaders_signing_together_sign_with_each_other(parse_text: ParseText) -> None:
    text = (
        "Japanese Prime Minister Koizumi met North Korean leader Kim Jong Il in Pyongyang on"
        " Tuesday. The two leaders signed a declaration pledging to work toward normal relations."
    )
    found = _tuples(_code(parse_text, text, published="2002-09-18"))
    mutual = {("JPN", "PRK", "05"), ("PRK", "JPN", "05")}
    assert found & mutual and ("JPN", None, "05") not in found, found


def test_him_is_the_person_named_before_not_the_nearest_state(parse_text: ParseText) -> None:
    text = (
        "Thailand extradited Russian arms dealer Viktor Bout to the United States on Tuesday,"
        " two years after Thai police arrested him at a Bangkok hotel."
    )
    found = _tuples(_code(parse_text, text))
    assert ("THA", "RUS", "17") in found and ("THA", "USA", "17") not in found, found


def test_states_sharing_data_share_it_with_each_other(parse_text: ParseText) -> None:
    text = (
        "South Korea, Japan and the United States began sharing real-time warning data on North"
        " Korean missile launches on Tuesday."
    )
    pairs = {frozenset(t[:2]) for t in _tuples(_code(parse_text, text)) if t[2] == "06"}
    assert pairs == {frozenset(p) for p in [("KOR", "JPN"), ("KOR", "USA"), ("JPN", "USA")]}


def test_a_sanction_given_with_its_targets_fault_accuses_it(parse_text: ParseText) -> None:
    text = (
        "The United States on Tuesday ordered 15 Cuban diplomats to leave the country, saying"
        " Havana had failed to protect US embassy staff."
    )
    found = _tuples(_code(parse_text, text, published="2017-10-04"))
    assert {("USA", "CUB", "16"), ("USA", "CUB", "11")} <= found, found


def test_the_speakers_state_does_what_it_says_will_be_done(parse_text: ParseText) -> None:
    text = "Pakistan's president said on Tuesday that none would be handed over to India."
    assert ("PAK", "IND", "12") in _tuples(_code(parse_text, text, published="2008-12-03"))


def test_blocking_a_membership_bid_rejects_it(parse_text: ParseText) -> None:
    text = "Hungary blocked Sweden's bid to join NATO on Monday."
    assert ("HUN", "SWE", "12") in _tuples(_code(parse_text, text))


def test_three_parties_to_a_joint_act_are_paired_each_with_each(parse_text: ParseText) -> None:
    text = "Armenia, Azerbaijan and Russia signed an agreement on Monday."
    found = _tuples(_code(parse_text, text))
    pairs = {frozenset(t[:2]) for t in found if t[2] == "05"}
    assert pairs == {frozenset(p) for p in [("ARM", "AZE"), ("ARM", "RUS"), ("AZE", "RUS")]}


def test_who_asked_or_bargained_is_not_the_target(parse_text: ParseText) -> None:
    text = "Canadian police arrested Meng in Vancouver at the request of the United States."
    assert ("CAN", "USA", "17") not in _tuples(_code(parse_text, text))
    text = "A Canadian judge freed Meng Wanzhou under a deal with US prosecutors."
    assert ("CAN", "USA", "08") not in _tuples(_code(parse_text, text))
    text = "President Trump accepted an invitation to meet North Korean leader Kim Jong Un."
    assert ("USA", "PRK", "03") in _tuples(_code(parse_text, text))
