"""The coder end to end on real sentences: real parse, real actor lexicon, real verb lexicon."""

from __future__ import annotations

import pytest

from riftwatch.actors import find_mentions
from riftwatch.coding.coder import code_document
from riftwatch.types import CodedEvent
from tests.coded import code_text as _code
from tests.coded import root_tuples as _tuples
from tests.conftest import ParseText


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland expelled three Belarusian diplomats on Friday.", ("POL", "BLR", "16")),
        ("Two Czech diplomats were expelled by Russia on Monday.", ("RUS", "CZE", "16")),
        ("Canada recalled its ambassador from Riyadh.", ("CAN", "SAU", "16")),
        ("The European Union imposed sanctions on Iran.", ("EU", "IRN", "16")),
        ("Beijing accused Washington of meddling in its internal affairs.", ("CHN", "USA", "11")),
        ("Germany condemned the Turkish offensive in Syria.", ("DEU", "TUR", "11")),
        ("Kenya urged Somalia to withdraw its troops.", ("KEN", "SOM", "02")),
        ("Russian warplanes bombed rebel positions near Idlib, Syria said.", ("RUS", None, "19")),
    ],
)
def test_common_phrasings(parse_text: ParseText, text: str, expected: tuple) -> None:
    assert expected in _tuples(_code(parse_text, text))


def test_symmetric_meeting_pairs_the_coordinated_subjects(parse_text: ParseText) -> None:
    events = _code(parse_text, "Egypt and Sudan held talks in Cairo on Tuesday.")
    meetings = [e for e in events if e.action.root == "04"]
    assert meetings and all(e.symmetric for e in meetings)
    assert {(e.source.code, e.target.code if e.target else None) for e in meetings} == {
        ("EGY", "SDN")
    }


def test_each_coordinated_source_gets_the_count_and_the_date(parse_text: ParseText) -> None:
    text = "Sweden, Finland and Norway each expelled two Russian diplomats on Monday."
    events = [e for e in _code(parse_text, text, published="2019-05-15") if e.action.root == "16"]
    assert {e.source.code for e in events} == {"SWE", "FIN", "NOR"}
    assert {e.count.number for e in events if e.count} == {2}
    assert {e.date.iso for e in events if e.date} == {"2019-05-13"}


def test_ellipsis_takes_the_target_of_the_same_action_before(parse_text: ParseText) -> None:
    text = "Estonia expelled two Russian diplomats on Monday, and Latvia said it would expel one."
    assert ("LVA", "RUS", "16") in _tuples(_code(parse_text, text))


def test_negated_refused_and_conditional_actions_are_not_facts(parse_text: ParseText) -> None:
    text = (
        "Austria will not expel any Russian diplomats. Cyprus declined to expel Russian "
        "diplomats. Ireland could expel Russian diplomats if the evidence is confirmed."
    )
    events = _code(parse_text, text)
    facts = _tuples(events)
    assert not {t for t in facts if t[2] == "16"}
    kept = {(e.source.code, e.modality.value) for e in events if e.action.root == "16"}
    assert {("AUT", "negated"), ("CYP", "refused"), ("IRL", "hypothetical")} <= kept


def test_a_conditional_hostile_act_is_also_coded_as_a_threat(parse_text: ParseText) -> None:
    text = "Britain could impose new sanctions on Moscow if Russia attacks Ukraine again."
    assert ("GBR", "RUS", "13") in _tuples(_code(parse_text, text))


def test_background_event_keeps_its_own_year(parse_text: ParseText) -> None:
    text = "Relations soured after Russia annexed Crimea from Ukraine in 2014."
    events = [e for e in _code(parse_text, text) if e.action.root == "19"]
    assert events and events[0].date is not None and events[0].date.iso == "2014"
    assert (events[0].source.code, events[0].target.code if events[0].target else None) == (
        "RUS",
        "UKR",
    )


def test_evidence_points_at_the_trigger_in_the_document(parse_text: ParseText) -> None:
    text = "Headline here\nItaly expelled two Russian diplomats on Tuesday."
    parsed = parse_text(text)
    event = code_document(parsed, find_mentions(parsed))[0]
    ev = event.evidence
    assert text[ev.trigger_start : ev.trigger_end] == "expelled"
    assert text[ev.start : ev.end].strip() == "Italy expelled two Russian diplomats on Tuesday."
    assert ev.rule.startswith("verbs.v1:")


def test_the_two_leaders_are_the_parties_named_before(parse_text: ParseText) -> None:
    text = (
        "Chile and Peru resumed trade talks on Monday. The two leaders signed a border "
        "agreement in Lima."
    )
    signed = [e for e in _code(parse_text, text) if e.action.root == "05"]
    assert {frozenset({e.source.code, e.target.code if e.target else ""}) for e in signed} == {
        frozenset({"CHL", "PER"})
    }


def test_an_object_pronoun_is_the_actor_named_before(parse_text: ParseText) -> None:
    text = "Jordan recalled its ambassador from Tehran on Monday, accusing it of meddling."
    assert ("JOR", "IRN", "11") in _tuples(_code(parse_text, text))


def test_what_an_accusation_alleges_is_not_a_fact(parse_text: ParseText) -> None:
    text = "Egypt accused Qatar of supporting armed groups in Libya."
    facts = _tuples(_code(parse_text, text))
    assert ("EGY", "QAT", "11") in facts
    assert not [t for t in facts if t[0] == "QAT"]


def test_missiles_fired_at_no_one_named_are_a_show_of_force(parse_text: ParseText) -> None:
    events = _code(parse_text, "North Korea fired two ballistic missiles into the sea on Sunday.")
    assert {e.action.cameo for e in events if e.source.code == "PRK"} == {"150"}
    aimed = _code(parse_text, "Iran fired missiles at Israel on Saturday.")
    assert ("IRN", "ISR", "19") in _tuples(aimed)


def test_followed_suit_repeats_the_latest_act_by_new_sources(parse_text: ParseText) -> None:
    text = (
        "Bahrain cut diplomatic ties with Qatar on Monday. Yemen later followed suit, "
        "but Kuwait said it would not follow suit."
    )
    events = _code(parse_text, text)
    assert ("YEM", "QAT", "16") in _tuples(events)
    assert ("KWT", "QAT", "16") not in _tuples(events)
    assert ("KWT", "QAT", "16") in _tuples(events, facts_only=False)


def test_a_participle_keeps_the_target_of_its_main_clause(parse_text: ParseText) -> None:
    text = "Algeria cut diplomatic ties with Morocco on Tuesday, accusing its neighbour of plots."
    assert ("DZA", "MAR", "11") in _tuples(_code(parse_text, text))


def test_an_event_noun_as_object_refers_to_an_act_reported_elsewhere(
    parse_text: ParseText,
) -> None:
    events = _code(parse_text, "Moscow denounced the British expulsions on Friday.")
    assert [e.action.root for e in events] == ["11"]


def test_a_warning_about_something_else_is_not_a_threat(parse_text: ParseText) -> None:
    forecast = _code(parse_text, "China warned the United States that the sale would harm ties.")
    assert not [e for e in forecast if e.action.root == "13"]
    threat = _code(parse_text, "China warned the United States that it would retaliate.")
    assert ("CHN", "USA", "13") in _tuples(threat)


def test_each_target_gets_the_count_of_its_own_phrase(parse_text: ParseText) -> None:
    text = "Bolivia expelled Mexico's ambassador and two Spanish diplomats on Monday."
    events = {e.target.code: e for e in _code(parse_text, text) if e.target}
    assert events["ESP"].count is not None and events["ESP"].count.number == 2


def test_a_verdict_on_an_earlier_act_criticises_its_actor(parse_text: ParseText) -> None:
    text = (
        "Iran seized a British tanker on Friday. Britain's foreign secretary said the seizure "
        "was unacceptable."
    )
    assert ("GBR", "IRN", "11") in _tuples(_code(parse_text, text))


def test_two_leaders_are_the_two_people_who_last_met(parse_text: ParseText) -> None:
    text = (
        "President Joe Biden warned Vladimir Putin on Tuesday against an invasion. Putin "
        "demanded guarantees from NATO. The two leaders agreed to hold further talks."
    )
    agreed = [e for e in _code(parse_text, text, published="2021-12-08") if e.trigger == "agreed"]
    assert {e.source.code for e in agreed} <= {"USA", "RUS"} and agreed


def test_crowds_storming_embassies_protest_violently(parse_text: ParseText) -> None:
    text = (
        "KHARTOUM - Thousands of Sudanese protesters stormed the German embassy on Friday. "
        "Protesters in Damascus torched the Danish embassy, while Syrian troops shelled Homs."
    )
    codes = {
        (e.source.code, e.target.code if e.target else None, e.action.cameo)
        for e in _code(parse_text, text, "2012-09-14")
    }
    assert ("SDN", "DEU", "145") in codes and ("SYR", "DNK", "145") in codes
    assert not any(c[2].startswith(("18", "19")) and c[1] in ("DEU", "DNK") for c in codes)


def test_a_crowd_acts_as_a_crowd_wherever_its_mention_points(parse_text: ParseText) -> None:
    text = (
        "BANGKOK - Thailand recalled its ambassador after rioters in Phnom Penh set fire to the "
        "Thai embassy on Wednesday night."
    )
    found = _tuples(_code(parse_text, text, "2003-01-30"))
    assert ("KHM", "THA", "14") in found and ("KHM", "THA", "18") not in found, found


def test_an_attack_counts_its_dead_and_a_model_number_counts_nothing(parse_text: ParseText) -> None:
    events = _code(
        parse_text,
        "NATO helicopters attacked two Pakistani border posts on Saturday, killing 24 soldiers. "
        "Germany said it would send 14 Leopard 2 tanks to Ukraine.",
        "2011-11-27",
    )
    counts = {(e.source.code, e.action.root): e.count.value for e in events if e.count}
    assert counts[("NATO", "19")] == 24
    assert counts[("DEU", "07")] == 14


def test_mass_violence_with_no_other_victim_is_domestic(parse_text: ParseText) -> None:
    events = _code(parse_text, "Syrian government forces massacred hundreds of villagers.")
    assert ("SYR", "SYR", "20") in _tuples(events)


def test_exchanges_go_both_ways_and_both_governments_are_the_last_parties(
    parse_text: ParseText,
) -> None:
    swap = _tuples(_code(parse_text, "Russia and Ukraine exchanged 35 prisoners each on Saturday."))
    assert {("RUS", "UKR", "08"), ("UKR", "RUS", "08")} <= swap
    praise = _tuples(
        _code(
            parse_text,
            "Greece and Macedonia signed an agreement on Sunday. "
            "The European Union praised both governments.",
        )
    )
    assert {("EU", "GRC", "05"), ("EU", "MKD", "05")} <= praise


def test_the_one_blamed_does_the_act_and_a_named_victim_is_assassinated(
    parse_text: ParseText,
) -> None:
    blamed = _tuples(
        _code(parse_text, "New Zealand condemned France for carrying out a nuclear test."),
        facts_only=False,
    )
    assert ("NZL", "FRA", "11") in blamed
    assert not any(t[0] == "NZL" and t[2] not in ("11", "12") for t in blamed)
    killed = _code(
        parse_text, "Israeli troops killed Hamas leader Yahya Sinwar in Rafah.", "2024-10-18"
    )
    assert any(e.action.cameo == "186" for e in killed)
    demands = _tuples(
        _code(
            parse_text,
            "Saudi Arabia handed Qatar a list of demands, including closing a Turkish base.",
        )
    )
    assert ("SAU", "QAT", "10") in demands and ("SAU", "TUR", "10") not in demands


def test_a_condemned_act_is_coded_and_its_author_is_the_one_condemned(
    parse_text: ParseText,
) -> None:
    events = _tuples(
        _code(parse_text, "The UN Security Council condemned Iraq's invasion of Kuwait.")
    )
    assert {("UN", "IRQ", "11"), ("IRQ", "KWT", "19")} <= events
    assert ("UN", "KWT", "11") not in events


def test_the_four_countries_are_the_four_that_acted_together(parse_text: ParseText) -> None:
    text = (
        "Saudi Arabia, the UAE, Bahrain and Egypt handed Qatar a list of 13 demands, a Kuwaiti "
        "mediator said. The four countries cut diplomatic links with Doha on June 5."
    )
    cut = {e.source.code for e in _code(parse_text, text, "2017-06-23") if e.action.root == "16"}
    assert cut == {"SAU", "ARE", "BHR", "EGY"}


def test_reporting_anothers_atrocity_accuses_its_author(parse_text: ParseText) -> None:
    text = "John Kerry said Syrian government forces massacred hundreds of civilians."
    events = _tuples(_code(parse_text, text, "2013-08-30"))
    assert ("USA", "SYR", "11") in events
    own = _tuples(_code(parse_text, "Syria said its forces had massacred nobody and shelled Homs."))
    assert not any(t[2] == "11" for t in own)


def test_expelled_from_a_country_with_no_agent_means_that_country_expelled(
    parse_text: ParseText,
) -> None:
    events = _tuples(_code(parse_text, "Two Russian diplomats were ordered to leave Bulgaria."))
    assert ("BGR", "RUS", "16") in events
    recalled = _tuples(_code(parse_text, "The ambassador was recalled from Moscow."))
    assert not any(t[0] == "RUS" for t in recalled)


def test_not_ruling_out_force_threatens_it_and_an_unless_is_an_ultimatum(
    parse_text: ParseText,
) -> None:
    threat = _tuples(
        _code(parse_text, "Trump said he would not rule out a military option in Venezuela.")
    )
    assert ("USA", "VEN", "13") in threat
    ultimatum = _tuples(
        _code(
            parse_text,
            "Spain said it would recognise Guaido as president of Venezuela unless an election "
            "was called.",
        )
    )
    assert ("ESP", "VEN", "13") in ultimatum


def test_a_state_acting_on_its_own_society_is_domestic_not_itself(parse_text: ParseText) -> None:
    arrests = _tuples(
        _code(parse_text, "Egyptian police arrested 50 Egyptian protesters in Cairo.")
    )
    assert ("EGY", "EGY", "17") in arrests
    meeting = _tuples(_code(parse_text, "Russian President Vladimir Putin met Russian officials."))
    assert not any(t[1] == "RUS" for t in meeting)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A decision's complement is the act ("agreed to impose", "voted to open").
        ("EU ministers agreed on Monday to impose new sanctions on Belarus.", ("EU", "BLR", "16")),
        (
            "The UN Security Council voted on Friday to investigate abuses in Sudan.",
            ("UN", "SDN", "09"),
        ),
        # The purpose of a contact is done by it.
        ("Italy summoned Egypt's ambassador to protest.", ("ITA", "EGY", None)),
        (
            "Spain's prime minister telephoned the Moroccan king to express condolences.",
            ("ESP", "MAR", "01"),
        ),
        # "lodged" continues "said", not the reported "had crossed".
        (
            "Finland said two Russian jets had crossed into its airspace and lodged a protest"
            " with Moscow.",
            ("FIN", "RUS", "11"),
        ),
        # A subordinate clause after the main one does not govern it.
        (
            "Chile agreed on Tuesday to send aid to Peru, the ministry said, after Lima promised"
            " that it would open its ports.",
            ("CHL", "PER", "07"),
        ),
    ],
)
def test_decisions_contacts_and_misparsed_clauses(
    parse_text: ParseText, text: str, expected: tuple
) -> None:
    found = _tuples(_code(parse_text, text))
    if expected[2] is None:
        assert any(t[:2] == expected[:2] for t in found), found
    else:
        assert expected in found, found


def test_an_agreed_meeting_is_an_intent_not_a_meeting(parse_text: ParseText) -> None:
    found = _tuples(_code(parse_text, "Ukraine agreed on Sunday to meet Russian officials."))
    assert ("UKR", "RUS", "04") not in found
    assert ("UKR", "RUS", "03") in found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Sudanese troops opened fire on villagers in Darfur, killing dozens of people.",
            ("SDN", "SDN", "20"),
            ("SDN", "SDN", "19"),
        ),
        (
            "Ethiopian soldiers killed 40 civilians in a village near the border on Sunday.",
            ("ETH", "ETH", "20"),
            ("ETH", None, "19"),
        ),
    ],
)
def test_killing_civilians_in_numbers_is_mass_violence(
    parse_text: ParseText, text: str, expected: tuple, not_expected: tuple
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found and not_expected not in found, found


def test_fighting_between_armies_stays_combat(parse_text: ParseText) -> None:
    found = _tuples(_code(parse_text, "Indian troops killed 20 Chinese soldiers in a clash."))
    assert not any(t[2] == "20" for t in found), found


def test_a_name_the_parser_hangs_on_the_object_is_the_next_verbs_subject(
    parse_text: ParseText,
) -> None:
    text = (
        "Germany said on Monday it would expel 40 Russian diplomats and France said it would"
        " expel 35, after the discovery of civilians."
    )
    found = _tuples(_code(parse_text, text, published="2022-04-04"))
    assert ("FRA", "RUS", "16") in found and ("DEU", "FRA", "16") not in found, found


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


def _dated(events: list[CodedEvent]) -> dict[tuple[object, ...], str | None]:
    return {
        (e.source.code, e.target.code if e.target else None, e.action.root): (
            e.date.iso if e.date else None
        )
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "published", "key", "iso"),
    [
        # The date on the act's continuation ("fired on and seized ... on Sunday").
        (
            "Russian border guard vessels fired on and seized three Ukrainian navy ships near"
            " the strait on Sunday, wounding several sailors.",
            "2018-11-26",
            ("RUS", "UKR", "19"),
            "2018-11-25",
        ),
        # "late on Saturday" dates the launch, not the "April 1 strike" it answers.
        (
            "Iran launched drones at Israel late on Saturday in retaliation for an April 1"
            " strike on its consulate.",
            "2024-04-14",
            ("IRN", "ISR", "19"),
            "2024-04-13",
        ),
        # "a day after X": X is a day before the main clause's (here the story's) day.
        (
            "Putin signed the treaty on Tuesday. The move came a day after Washington imposed"
            " sanctions on Russia.",
            "2014-03-18",
            ("USA", "RUS", "16"),
            "2014-03-17",
        ),
    ],
)
def test_event_dates_from_continuations_adverbs_and_offsets(
    parse_text: ParseText, text: str, published: str, key: tuple, iso: str
) -> None:
    assert _dated(_code(parse_text, text, published=published)).get(key) == iso


def _counted(events: list[CodedEvent]) -> dict[tuple[object, ...], float | None]:
    return {
        (e.source.code, e.target.code if e.target else None, e.action.root): (
            e.count.value if e.count else None
        )
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "key", "count"),
    [
        ("India demanded that Pakistan hand over 20 fugitives.", ("IND", "PAK", "10"), 20),
        (
            "Erdogan threatened to send 3.6 million refugees to Europe if the European Union"
            " called the operation an invasion.",
            ("TUR", "EU", "13"),
            3_600_000,
        ),
        ("A team of six Chinese medical experts arrived in Serbia.", ("CHN", "SRB", "07"), 6),
    ],
)
def test_counts_of_acts_about_acts_and_of_arrivals(
    parse_text: ParseText, text: str, key: tuple, count: float
) -> None:
    assert _counted(_code(parse_text, text)).get(key) == count


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


def test_a_week_after_the_attack_counts_from_the_attack(parse_text: ParseText) -> None:
    text = (
        "A Syrian helicopter dropped chlorine on the town of Douma on April 7, 2018, killing 43"
        " people. A week after the attack, the United States launched missile strikes on Syria."
    )
    found = _dated(_code(parse_text, text, published="2018-04-20"))
    assert found.get(("USA", "SYR", "19")) == "2018-04-14", found


def test_forces_readied_in_the_passive_are_their_states(parse_text: ParseText) -> None:
    text = "The Pentagon said 8,500 US troops had been placed on heightened alert."
    found = _counted(_code(parse_text, text))
    assert found.get(("USA", None, "15")) == 8500, found


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


def test_the_two_leaders_pledging_together_pledge_to_each_other(parse_text: ParseText) -> None:
    text = (
        "Japanese Prime Minister Koizumi met North Korean leader Kim Jong Il in Pyongyang on"
        " Tuesday. The two leaders signed a declaration pledging to work toward normal relations."
    )
    found = _tuples(_code(parse_text, text, published="2002-09-18"))
    mutual = {("JPN", "PRK", "03"), ("PRK", "JPN", "03")}
    assert found & mutual and ("JPN", None, "03") not in found, found


def test_killing_one_named_official_is_an_assassination(parse_text: ParseText) -> None:
    text = "A US drone strike killed Iran's top commander, Qassem Soleimani, at Baghdad airport."
    found = _tuples(_code(parse_text, text))
    assert ("USA", "IRN", "18") in found and ("USA", "IRN", "19") not in found, found
    text = "Indian troops killed 20 Chinese soldiers in a clash on Monday."
    assert not any(t[2] == "18" for t in _tuples(_code(parse_text, text)))


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An offer with a condition is still an offer made.
        (
            "Pakistan offered to cooperate with an investigation if India shared evidence.",
            ("PAK", "IND", "03"),
        ),
        # A named actor's offer is an intent, whoever rejects it.
        ("India rejected President Trump's offer to mediate with Pakistan.", ("USA", "PAK", "03")),
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
