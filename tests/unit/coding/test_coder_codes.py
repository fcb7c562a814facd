"""Which code, count and modality an act gets, end to end on real sentences."""

from __future__ import annotations

import pytest

from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


def test_armed_men_outside_an_army_assault_rather_than_wage_war(parse_text: ParseText) -> None:
    text = (
        "NAIROBI - Gunmen from Somalia's al Shabaab group stormed a shopping mall in Nairobi "
        "on Saturday, killing at least 39 people."
    )
    found = _tuples(_code(parse_text, text, "2013-09-22"))
    assert ("SOM", "KEN", "18") in found, found
    assert not {f for f in found if f[2] in {"19", "20"}}, found


def test_thousands_of_a_people_protesting_demonstrate(parse_text: ParseText) -> None:
    text = "Thousands of Iranians protested outside the Saudi embassy in Tehran."
    found = _tuples(_code(parse_text, text))
    assert ("IRN", "SAU", "14") in found, found
    assert all(e.action.cameo != "114" for e in _code(parse_text, text))


def test_people_boycotting_protest_where_a_state_imposes_an_embargo(
    parse_text: ParseText,
) -> None:
    found = _code(parse_text, "South Korean consumers have been boycotting Japanese beer.")
    assert [(e.source.code, e.target and e.target.code, e.action.cameo) for e in found] == [
        ("KOR", "JPN", "143")
    ]
    state = _code(parse_text, "The United States boycotted the Moscow Olympics.")
    assert {e.action.cameo for e in state} == {"163"}, state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The IAEA began an inspection of Iran's nuclear sites.", ("IAEA", "IRN", "09")),
        ("China sent warships into disputed waters near Japan's islands.", ("CHN", "JPN", "15")),
        ("Poland ordered the closure of the Russian consulate in Poznan.", ("POL", "RUS", "16")),
        ("China lodged stern representations with the United States.", ("CHN", "USA", "11")),
        ("Erdogan received the Swedish prime minister in Ankara.", ("TUR", "SWE", "04")),
        ("Germany approved the delivery of 18 Leopard tanks to Ukraine.", ("DEU", "UKR", "07")),
        ("China and Russia blocked a UN statement on Myanmar.", ("CHN", "UN", "12")),
        ("Turkey lifted its veto on Finland's membership of NATO.", ("TUR", "FIN", "08")),
        ("Secretary of State Mike Pompeo travelled to Pyongyang.", ("USA", "PRK", "04")),
        ("Macron telephoned Putin on Sunday.", ("FRA", "RUS", "04")),
        # a past tense with its own subject acts, though parsed as an adjective ("drug lord")
        (
            'MEXICO CITY - Mexico extradited drug lord Joaquin "El Chapo" Guzman to the United '
            "States on Thursday, the foreign ministry said, on the eve of Trump's inauguration.",
            ("MEX", None, "06"),
        ),
        (
            "German Foreign Minister Heiko Maas said the evidence pointed to Russian "
            "responsibility.",
            ("DEU", "RUS", "11"),
        ),
        (
            "Britain said the findings showed Iranian involvement in the attack.",
            ("GBR", "IRN", "11"),
        ),
        ("The World Bank approved a 500 million dollar loan for Pakistan.", ("WB", "PAK", "07")),
        ("The IAEA sent inspectors to Iran.", ("IAEA", "IRN", "09")),
        (
            "US President George W. Bush called for an end to the Russian bombing.",
            ("USA", "RUS", "02"),
        ),
        (
            "ABUJA - West African leaders demanded on Sunday that the military junta in Niger "
            "release President Mohamed Bazoum within one week.",
            ("ECOWAS", "NER", "10"),
        ),
        ("China allowed a Japanese rescue team into the disaster zone.", ("CHN", "JPN", "08")),
        (
            "Duterte's spokesman said on Thursday that ICC investigators would not be allowed "
            "into the country.",
            ("PHL", "ICC", "12"),
        ),
        (
            "THE HAGUE - Judges at the International Criminal Court on Wednesday authorised a "
            "full investigation into killings during Philippine President Rodrigo Duterte's war "
            "on drugs.",
            ("ICC", "PHL", "09"),
        ),
        (
            "Saudi Arabia froze trade with Ottawa, calling Canadian criticism of its human "
            "rights record blatant interference.",
            ("SAU", "CAN", "11"),
        ),
        ("Kyrgyzstan closed its border with Kazakhstan.", ("KGZ", "KAZ", "16")),
    ],
)
def test_more_phrasings(parse_text: ParseText, text: str, expected: tuple) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found, found
    assert not {f for f in found if f[2] == "07"} or expected[2] == "07", found


def test_an_inquiry_that_concludes_is_no_new_inquiry(parse_text: ParseText) -> None:
    text = "A UN inquiry concluded on Thursday that Lebanon's own inquiry was seriously flawed."
    assert not {f for f in _tuples(_code(parse_text, text)) if f[2] == "09"}


def test_being_ready_to_talk_is_an_intent_and_not_ready_is_none(parse_text: ParseText) -> None:
    ready = _code(parse_text, "Tehran said it was ready to resume talks with Washington.")
    assert {
        (e.source.code, e.target.code if e.target else None, e.action.cameo) for e in ready
    } >= {("IRN", "USA", "036")}
    not_ready = _code(parse_text, "Iran said it was not ready to meet US officials.")
    assert not [e for e in not_ready if e.modality.is_factual and e.action.root in {"03", "04"}]


def test_a_demand_with_a_warning_attached_is_a_demand_made(parse_text: ParseText) -> None:
    text = (
        "China summoned Canada's ambassador on Saturday to lodge a strong protest over the "
        "arrest of Meng Wanzhou, demanding her immediate release and warning of grave "
        "consequences if she was not freed."
    )
    found = _tuples(_code(parse_text, text, "2018-12-09"))
    assert ("CHN", "CAN", "10") in found and ("CHN", "CAN", "11") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Biden and Putin agreed to return their ambassadors and to start a dialogue on "
            "strategic stability.",
            ("USA", "RUS", "036"),
        ),
        (
            "Obama and Castro announced they would move to restore the diplomatic relations "
            "Washington broke off in 1961.",
            ("USA", "CUB", "032"),
        ),
    ],
)
def test_intents_stated_together(parse_text: ParseText, text: str, expected: tuple) -> None:
    found = {
        (e.source.code, e.target.code if e.target else None, e.action.cameo)
        for e in _code(parse_text, text)
    }
    assert expected in found, found


def test_a_call_on_a_date_is_no_appeal(parse_text: ParseText) -> None:
    text = "Modi and Sharif held a call on Tuesday."
    assert not {f for f in _tuples(_code(parse_text, text), facts_only=False) if f[2] == "02"}


def test_forces_training_alongside_anothers_cooperate_and_count(parse_text: ParseText) -> None:
    text = (
        "The first 200 US Marines began a six-month rotation in northern Australia on "
        "Wednesday, training alongside Australian forces."
    )
    events = [e for e in _code(parse_text, text, "2012-04-04") if e.action.root == "06"]
    assert {(e.source.code, e.target.code if e.target else None) for e in events} >= {
        ("USA", "AUS")
    }
    assert {e.count.number for e in events if e.count} == {200}


def test_weighing_force_threatens_and_a_conditional_warning_is_no_forecast(
    parse_text: ParseText,
) -> None:
    plan = (
        "Pyongyang said on Wednesday it was examining a plan to fire missiles into waters "
        "around the US Pacific territory of Guam."
    )
    found = _tuples(_code(parse_text, plan))
    assert ("PRK", "USA", "13") in found and ("PRK", "USA", "09") not in found, found
    assert ("PRK", "USA", "15") not in found  # weighed, not done
    fury = (
        "Trump warned on Tuesday that North Korea would be met with fire and fury if it kept "
        "threatening the United States."
    )
    assert ("USA", "PRK", "13") in _tuples(_code(parse_text, fury))


def test_forces_sent_to_no_recipient_are_deployed_not_given(parse_text: ParseText) -> None:
    text = (
        "NATO said on Monday it was sending more ships and fighter jets to eastern Europe, as "
        "Russia kept more than 100,000 troops massed near Ukraine's borders."
    )
    events = _code(parse_text, text, "2022-01-25")
    found = _tuples(events)
    assert ("NATO", "RUS", "15") in found and ("RUS", "UKR", "15") in found, found
    assert not {f for f in found if f[2] == "07"}, found
    given = "Germany said it would send 14 Leopard 2 battle tanks to Ukraine."
    assert ("DEU", "UKR", "07") in _tuples(_code(parse_text, given))


def test_troops_sent_to_help_a_state_are_military_aid(parse_text: ParseText) -> None:
    helped = (
        "Chad sent a convoy of troops and armoured vehicles into Cameroon on Friday to help its "
        "neighbour's army against Boko Haram."
    )
    assert ("TCD", "CMR", "07") in _tuples(_code(parse_text, helped))
    posture = "The United States will send 3,000 troops to Poland to bolster NATO's eastern flank."
    assert ("USA", "POL", "15") in _tuples(_code(parse_text, posture))


def test_calls_and_insistence_demand_only_what_is_still_to_be_done(parse_text: ParseText) -> None:
    called = _code(parse_text, "Poland called for NATO to deploy more troops on its territory.")
    assert ("POL", "NATO", "02") in _tuples(called)
    assert not [e for e in called if e.action.root == "15" and e.modality.is_factual]
    insisted = _code(parse_text, "Washington insisted that Iran release the sailors.")
    assert ("USA", "IRN", "10") in _tuples(insisted)
    assert not [e for e in insisted if e.action.root == "08" and e.modality.is_factual]
    stated = _code(parse_text, "Russia did not invade Ukraine in 2014, the Kremlin insisted.")
    assert not [e for e in stated if e.action.root == "10"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Khamenei said Iran would not negotiate with Washington.", ("IRN", "USA", "12")),
        ("Poland refused to send tanks to Ukraine on Monday.", ("POL", "UKR", "12")),
    ],
)
def test_declining_a_cooperative_act_is_a_rejection(
    parse_text: ParseText, text: str, expected: tuple
) -> None:
    assert expected in _tuples(_code(parse_text, text))


def test_an_act_that_merely_did_not_happen_is_no_rejection(parse_text: ParseText) -> None:
    found = _tuples(_code(parse_text, "The two ministers did not meet in Geneva on Monday."))
    assert not any(t[2] == "12" for t in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin arrived in Beijing on Monday.", ("RUS", "CHN", "04")),
        ("A Japanese rescue team arrived in Nepal on Friday.", ("JPN", "NPL", "07")),
        ("The first aid flights from New Zealand landed in Tonga.", ("NZL", "TON", "07")),
    ],
)
def test_arrivals_are_visits_or_aid(parse_text: ParseText, text: str, expected: tuple) -> None:
    assert expected in _tuples(_code(parse_text, text))


def test_an_agreement_reports_the_act_agreed_not_an_intent_besides(
    parse_text: ParseText,
) -> None:
    text = "Saudi Arabia agreed on Tuesday to give Pakistan 3 billion dollars in support."
    found = _tuples(_code(parse_text, text))
    assert ("SAU", "PAK", "07") in found and ("SAU", "PAK", "03") not in found, found
    meeting = "Ukraine agreed on Sunday to meet Russian officials in Minsk."
    assert ("UKR", "RUS", "03") in _tuples(_code(parse_text, meeting))


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Stoltenberg said Nato would still seek regular talks with Moscow.",
            ("NATO", "RUS", "03"),
            ("NATO", "RUS", "04"),
        ),
        (
            "Lebanon said it would cooperate fully with the United Nations.",
            ("LBN", "UN", "03"),
            ("LBN", "UN", "05"),
        ),
        # Material acts stated as to come keep their own code.
        ("Britain will send more aid to Ukraine.", ("GBR", "UKR", "07"), ("GBR", "UKR", "03")),
    ],
)
def test_a_diplomatic_act_to_come_is_an_intent(
    parse_text: ParseText, text: str, expected: tuple, not_expected: tuple
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found and not_expected not in found, found


def test_an_act_under_a_counterfactual_governor_is_no_fact(parse_text: ParseText) -> None:
    text = (
        "Turkey's parliament rejected a motion that would have allowed some 62,000 US troops to"
        " be deployed on Turkish soil."
    )
    found = _tuples(_code(parse_text, text, published="2003-03-02"))
    assert ("TUR", "USA", "12") in found and ("USA", "TUR", "15") not in found, found


def test_the_name_may_is_no_modal(parse_text: ParseText) -> None:
    text = (
        "Theresa May said on Wednesday that Britain would expel 23 Russian diplomats. May told"
        " parliament that Russia was culpable for the attempted murder."
    )
    assert ("GBR", "RUS", "11") in _tuples(_code(parse_text, text, published="2018-03-14"))


def test_an_attack_by_a_named_actor_is_coded_and_a_contingency_is_not(
    parse_text: ParseText,
) -> None:
    text = "South Korea condemned North Korea's artillery attack on South Korea's island."
    assert ("PRK", "KOR", "19") in _tuples(_code(parse_text, text))
    text = "Australia would come to Tuvalu's defence in the event of a military attack by China."
    assert not any(t[2] == "19" for t in _tuples(_code(parse_text, text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan said on Tuesday it would retaliate against India.", {("PAK", "IND", "13")}),
        (
            "The EU imposed sanctions on Russian officials. Moscow said it will respond in kind"
            " to any such measures.",
            {("EU", "RUS", "16"), ("RUS", "EU", "13")},
        ),
    ],
)
def test_a_retaliation_to_come_is_a_threat(parse_text: ParseText, text: str, expected: set) -> None:
    assert expected <= _tuples(_code(parse_text, text))


def test_a_past_retaliation_is_no_threat(parse_text: ParseText) -> None:
    found = _tuples(_code(parse_text, "Malaysia retaliated on Tuesday against North Korea."))
    assert not any(t[2] == "13" for t in found), found


def test_a_named_actors_recognition_of_a_capital_is_coded(parse_text: ParseText) -> None:
    text = "Crowds marched against President Trump's recognition of Jerusalem as Israel's capital."
    assert ("USA", "ISR", "05") in _tuples(_code(parse_text, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korea denied involvement and warned South Korea that any punishment would"
            " mean all-out war.",
            ("PRK", "KOR", "13"),
        ),
        (
            "Blinken said on Monday that the crackdown by Myanmar's military amounted to"
            " genocide, and warned that those responsible could face more US sanctions.",
            ("USA", "MMR", "13"),
        ),
    ],
)
def test_warning_of_war_or_of_ones_own_sanctions_threatens(
    parse_text: ParseText, text: str, expected: tuple
) -> None:
    assert expected in _tuples(_code(parse_text, text, published="2017-11-23"))


def test_a_forecast_is_no_threat(parse_text: ParseText) -> None:
    text = "China warned the United States that the arms sale would harm relations."
    assert not any(t[2] == "13" for t in _tuples(_code(parse_text, text)))


def test_protesters_calling_for_a_boycott_are_demonstrating(parse_text: ParseText) -> None:
    text = (
        "NEW DELHI - Protesters burned Chinese flags in several cities on Wednesday and called"
        " for a boycott of Chinese goods."
    )
    found = _tuples(_code(parse_text, text))
    assert ("IND", "CHN", "14") in found and ("IND", "CHN", "02") not in found, found


def test_killing_one_named_official_is_an_assassination(parse_text: ParseText) -> None:
    text = "A US drone strike killed Iran's top commander, Qassem Soleimani, at Baghdad airport."
    found = _tuples(_code(parse_text, text))
    assert ("USA", "IRN", "18") in found and ("USA", "IRN", "19") not in found, found
    text = "Indian troops killed 20 Chinese soldiers in a clash on Monday."
    assert not any(t[2] == "18" for t in _tuples(_code(parse_text, text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An offer with a condition is still an offer made.
        (
            "Pakistan offered to cooperate with an investigation if India shared evidence.",
            ("PAK", "IND", "03"),
        ),
        # A named actor's offer is an intent, made to whoever rejects it.
        ("India rejected President Trump's offer to mediate with Pakistan.", ("USA", "IND", "03")),
        # "would move to restore relations": an intent stated now.
        (
            "President Barack Obama and Cuban President Raul Castro said their countries would"
            " move to restore full diplomatic relations.",
            ("USA", "CUB", "03"),
        ),
    ],
)
def test_offers_and_moves_are_intents(parse_text: ParseText, text: str, expected: tuple) -> None:
    assert expected in _tuples(_code(parse_text, text, published="2014-12-18"))
