"""The verb lexicon on real parses: which CAMEO action a trigger expresses."""

from __future__ import annotations

import pytest

from riftwatch.coding.verbs import ActionMatch, load_verb_lexicon

# (sentence, trigger text, expected CAMEO code, symmetric)
CASES = [
    ("Putin said on Monday that talks were useful.", "said", "010", False),
    ("Moscow denied involvement in the attack.", "denied", "016", False),
    ("The ministry declined to comment.", "declined", "011", False),
    ("China urged Washington to cancel the sale immediately.", "urged", "020", False),
    ("The Security Council called on both sides to show restraint.", "called", "020", False),
    ("Nato would still seek regular talks with Moscow.", "seek", "036", False),
    ("Japan pledged humanitarian aid to Turkey.", "pledged", "033", False),
    ("Trump and Putin met for two hours in Helsinki.", "met", "040", True),
    ("The ministers held talks in Geneva on Monday.", "held", "040", True),
    ("Macron spoke with Putin by phone on Friday.", "spoke", "041", True),
    ("Kim made a visit to Beijing.", "made", "042", False),
    ("Trump praised the talks as deeply productive.", "praised", "051", False),
    ("Guterres welcomed the agreement as a sign of hope.", "welcomed", "051", False),
    ("Ethiopia and Eritrea signed a declaration on Monday.", "signed", "057", True),
    ("The two countries agreed to share intelligence.", "share", "064", True),
    ("Britain will send 40 million pounds of humanitarian aid to Ukraine.", "send", "073", False),
    ("Iran released two British sailors on Friday.", "released", "0841", False),
    ("The EU lifted sanctions on Belarus.", "lifted", "085", False),
    ("The army withdrew its troops from the region.", "withdrew", "0874", False),
    ("Prosecutors launched an investigation into the crash.", "launched", "090", False),
    ("Beijing demanded an apology from Ottawa.", "demanded", "100", False),
    ("China on Tuesday condemned the arms sale.", "condemned", "111", False),
    ("Moscow denounced the expulsions.", "denounced", "111", False),
    ("The US accused Moscow of malign activity.", "accused", "112", False),
    ("May told parliament that Russia was culpable for the attack.", "was", "112", False),
    ("London holds Moscow responsible for the poisoning.", "holds", "112", False),
    ("The Kremlin rejected the proposal.", "rejected", "120", False),
    ("Russia vetoed the resolution.", "vetoed", "129", False),
    ("Rouhani threatened to disrupt oil shipments.", "threatened", "130", False),
    ("The ministry promised a tough response.", "promised", "130", False),
    ("Pyongyang threatened a nuclear attack on Guam.", "threatened", "138", False),
    ("Thousands of protesters demonstrated outside the embassy.", "demonstrated", "141", False),
    ("Turkey mobilised troops along the border.", "mobilised", "154", False),
    ("Nato expelled seven Russian diplomats on Tuesday.", "expelled", "161", False),
    ("The Netherlands ordered two Russian diplomats to leave.", "ordered", "161", False),
    ("Portugal recalled its ambassador from Moscow.", "recalled", "161", False),
    ("Russia will close the US consulate in St Petersburg.", "close", "161", False),
    ("Canada declared a Chinese diplomat persona non grata.", "declared", "161", False),
    ("Britain cut ties with Iran.", "cut", "161", False),
    ("Britain announced the expulsion of 23 Russian diplomats.", "expulsion", "161", False),
    ("The talks were suspended indefinitely.", "suspended", "164", False),
    ("The US Treasury imposed sanctions on seven Russian oligarchs.", "imposed", "163", False),
    ("Washington sanctioned three Chinese firms.", "sanctioned", "163", False),
    ("Police arrested three men in Salisbury.", "arrested", "173", False),
    ("Israel deported the activists.", "deported", "174", False),
    ("Rebels kidnapped two aid workers.", "kidnapped", "181", False),
    ("Gunmen assassinated the governor.", "assassinated", "186", False),
    ("Indian and Chinese troops clashed in the Galwan Valley.", "clashed", "190", True),
    ("Russia annexed Crimea from Ukraine in 2014.", "annexed", "192", False),
    ("Russian forces shelled the city overnight.", "shelled", "194", False),
    ("Israeli jets launched airstrikes on Gaza.", "launched", "195", False),
    ("Troops massacred hundreds of villagers.", "massacred", "202", False),
    ("The regime used chemical weapons against civilians.", "used", "2041", False),
    (
        "North Korea admitted that its agents had abducted Japanese citizens.",
        "admitted",
        "015",
        False,
    ),
    ("The group took responsibility for the attack.", "took", "015", False),
    ("The ministry refuted the allegations.", "refuted", "016", False),
    ("Abe laid a wreath at the memorial.", "laid", "017", False),
    ("Yerevan asked Moscow for military assistance.", "asked", "023", False),
    ("China sought support from its allies.", "sought", "022", False),
    ("Turkey offered to mediate between Russia and Ukraine.", "offered", "039", False),
    ("The president accepted an invitation to visit Beijing.", "accepted", "036", False),
    ("Biden and Xi held a video call on Monday.", "call", "041", True),
    ("Iran and six world powers reached an agreement on Tuesday.", "reached", "057", True),
    ("The two sides struck a deal on grain exports.", "struck", "057", True),
    ("Tokyo offered an apology for the incident.", "offered", "055", False),
    ("The two countries will reopen their embassies.", "reopen", "050", False),
    ("The US will train Ukrainian troops.", "train", "062", False),
    ("Pakistan handed over the captured Indian pilot.", "handed", "0841", False),
    ("Russia and Ukraine exchanged prisoners on Saturday.", "exchanged", "0841", True),
    ("Russia lifted the blockade of the port.", "lifted", "0872", False),
    ("The rebels surrendered to government forces.", "surrendered", "0874", False),
    ("Zelensky lashed out at the alliance.", "lashed", "111", False),
    ("Britain, France and Germany regretted the decision.", "regretted", "110", False),
    ("Russia opposes the plan.", "opposes", "110", False),
    ("Moscow turned down the offer.", "turned", "120", False),
    ("The government rejected the offer of talks.", "rejected", "125", False),
    ("Workers went on strike on Monday.", "went", "143", False),
    ("Protesters blocked the main highway.", "blocked", "144", False),
    ("The army raised its alert level.", "raised", "152", False),
    ("The United States will send 3,000 troops to Poland.", "send", "154", False),
    ("Troops will deploy to Poland next month.", "deploy", "154", False),
    ("The UN expelled the inspectors.", "expelled", "1662", False),
    ("Russia suspended its participation in the treaty.", "suspended", "160", False),
    ("Saudi Arabia froze all new trade with Ottawa.", "froze", "163", False),
    ("The EU froze the assets of Russian oligarchs.", "froze", "163", False),
    ("The US said it would reimpose sanctions on Iran.", "reimpose", "163", False),
    ("Israeli forces demolished the homes of two attackers.", "demolished", "1712", False),
    ("The authorities shut down the internet.", "shut", "1721", False),
    ("Police fired tear gas at the protesters.", "fired", "175", False),
    ("Police dispersed the protesters with batons.", "dispersed", "175", False),
    ("Militants blew themselves up at a checkpoint.", "blew", "1831", False),
    ("A suicide bombing killed 20 people in Kabul.", "bombing", "183", False),
    ("The regime used civilians as human shields.", "used", "184", False),
    ("Soldiers opened fire on the crowd.", "opened", "190", False),
    ("Troops exchanged fire along the border.", "exchanged", "190", True),
    ("Government forces besieged the city.", "besieged", "191", False),
    ("The army retook the town on Sunday.", "retook", "192", False),
    ("A drone strike killed three militants.", "strike", "195", False),
    ("A chemical attack killed dozens of people in Douma.", "attack", "2041", False),
    ("Pakistan shut NATO supply routes into Afghanistan.", "shut", "163", False),
    ("Islamabad would respond at a time and place of its choosing.", "respond", "130", False),
    ("Vienna wants to keep channels of communication with Moscow open.", "wants", "030", False),
    ("Chung spoke to reporters after briefing Trump at the White House.", "briefing", "040", False),
    ("The bombing of a Pan Am airliner over Lockerbie killed 270.", "bombing", "183", False),
    ("South Sudanese troops seized the disputed Heglig oil field.", "seized", "192", False),
]


def _match(parse_text, text: str, trigger: str) -> ActionMatch | None:  # noqa: ANN001
    sentence = parse_text(text).sentences[0]
    tok = next(t for t in sentence.tokens if t.text == trigger)
    return load_verb_lexicon().match(sentence, tok)


@pytest.mark.parametrize(("text", "trigger", "code", "symmetric"), CASES)
def test_phrasing_codes(parse_text, text: str, trigger: str, code: str, symmetric: bool) -> None:  # noqa: ANN001
    match = _match(parse_text, text, trigger)
    assert match is not None, text
    assert (match.cameo, match.symmetric) == (code, symmetric), match.rule
    assert match.rule.startswith("verbs.v1:")


def test_all_roots_covered() -> None:
    assert {c[2][:2] for c in CASES} == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He took a walk along the river.", "took"),
        ("They have a large house.", "have"),
        ("She made a cake for the children.", "made"),
        ("He gave a speech in Berlin.", "gave"),
        ("Officials signed the guest book.", "signed"),
        ("The minister faced questions from reporters.", "faced"),
        ("Portugal recalled the old days fondly.", "recalled"),
        ("The agency released its annual report.", "released"),
        ("Oil prices hit a record high on Monday.", "hit"),
        ("They met the deadline on Friday.", "met"),
        ("Police fight corruption every day.", "fight"),
        ("Congress killed the bill.", "killed"),
        ("The court struck down the law.", "struck"),
        ("The delegation stormed out of the meeting.", "stormed"),
        ("Demand for oil fell sharply.", "Demand"),
    ],
)
def test_light_and_unrelated_objects_do_not_code(parse_text, text: str, trigger: str) -> None:  # noqa: ANN001
    assert _match(parse_text, text, trigger) is None


def test_said_alone_is_reporting(parse_text) -> None:  # noqa: ANN001
    match = _match(parse_text, "Putin said on Monday.", "said")
    assert match is not None and match.reporting and match.cameo == "010"


def test_object_token_and_noun_covered_by_verb(parse_text) -> None:  # noqa: ANN001
    text = "The US Treasury imposed sanctions on seven Russian oligarchs."
    sentence = parse_text(text).sentences[0]
    lexicon = load_verb_lexicon()
    matches = lexicon.matches(sentence)
    assert [m.trigger.text for m in matches] == ["imposed"]
    assert matches[0].object_token is not None and matches[0].object_token.text == "sanctions"
    assert "sanctions" in [t.text for t in lexicon.triggers(sentence)]


def test_reporting_verb_does_not_swallow_event_noun(parse_text) -> None:  # noqa: ANN001
    sentence = parse_text("Britain announced the expulsion of 23 Russian diplomats.").sentences[0]
    codes = [m.cameo for m in load_verb_lexicon().matches(sentence)]
    assert codes == ["010", "161"]


def test_auxiliaries_are_not_triggers(parse_text) -> None:  # noqa: ANN001
    sentence = parse_text("Britain has expelled and will expel more diplomats.").sentences[0]
    texts = [t.text for t in load_verb_lexicon().triggers(sentence)]
    assert "has" not in texts and "will" not in texts and "expelled" in texts


def test_a_light_verbs_preposition_counts_for_its_object_noun(parse_text) -> None:
    from riftwatch.coding.verbs import load_verb_lexicon

    text = "Zelensky made an emotional appeal to the US Congress for more help."
    sentence = parse_text(text).sentences[0]
    appeal = next(t for t in sentence.tokens if t.text == "appeal")
    match = load_verb_lexicon().match(sentence, appeal)
    assert match is not None and match.cameo.startswith("02")
