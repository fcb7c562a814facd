"""Force, coercion and their look-alikes, end to end on real sentences."""

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


def test_hours_given_to_leave_expel_rather_than_threaten(parse_text: ParseText) -> None:
    text = "Saudi Arabia expelled Canada's ambassador on Sunday, giving him 24 hours to leave."
    found = _tuples(_code(parse_text, text))
    assert ("SAU", "CAN", "16") in found and not {f for f in found if f[2] == "13"}, found


def test_who_reports_a_swap_did_not_make_it(parse_text: ParseText) -> None:
    text = "In all, 24 prisoners were swapped at Ankara airport, Turkish intelligence said."
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[0] == "TUR"}, found


def test_whoever_is_deported_is_from_elsewhere(parse_text: ParseText) -> None:
    text = "Australia deported tennis star Novak Djokovic on Sunday."
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert ("AUS", "AUS", "17") not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Costa Rica says Nicaraguan troops have occupied part of its territory.",
            ("NIC", "CRI", "19"),
        ),
        (
            "India said that Pakistani jets had shot down one of its fighters over Kashmir.",
            ("PAK", "IND", "19"),
        ),
    ],
)
def test_its_in_the_object_is_the_speakers_when_it_cannot_be_the_doers(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _tuples(_code(parse_text, text))


def test_their_is_the_doers_own_when_they_are_plural(parse_text: ParseText) -> None:
    text = (
        "France said civilians were killed by Russian forces during their occupation of the"
        " town of Bucha."
    )
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[0] == "RUS" and f[1] == "FRA"}, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twenty-three Russian diplomats are to be sent home from the UK, the prime minister"
            " announced.",
            ("GBR", "RUS", "16"),
        ),
        ("Congo gave Rwanda's ambassador 48 hours to quit the country.", ("COD", "RWA", "16")),
        (
            "British Royal Marines seized an Iranian supertanker off Gibraltar.",
            ("GBR", "IRN", "17"),
        ),
        ("Iraqi forces overran Kuwait on Thursday.", ("IRQ", "KWT", "19")),
    ],
)
def test_expulsions_seizures_and_invasions_in_other_words(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found, found
    assert (expected[1], expected[0], expected[2]) not in found, found


def test_a_killing_with_its_own_doer_is_not_the_strikes_toll(parse_text: ParseText) -> None:
    text = (
        "India struck nine sites in Pakistan on Wednesday, two weeks after gunmen killed 26"
        " people, most of them tourists, in Indian Kashmir."
    )
    events = [e for e in _code(parse_text, text) if e.source.code == "IND"]
    assert events and {e.action.root for e in events} == {"19"}, events
    assert all(e.count is None or e.count.value != 26 for e in events), events


def test_where_two_leaders_meet_is_no_party(parse_text: ParseText) -> None:
    text = (
        "Joe Biden and Xi Jinping met for three hours on Monday on the Indonesian island of Bali."
    )
    found = _tuples(_code(parse_text, text))
    assert not {f for f in found if "IDN" in f}, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ecuadorian security forces stormed Mexico's embassy in Quito.", ("ECU", "MEX", "17")),
        ("Sudanese protesters stormed the German embassy in Khartoum.", ("SDN", "DEU", "14")),
        (
            "Israel struck Iran in retaliation for Iran's barrage of missiles against Israel.",
            ("IRN", "ISR", "19"),
        ),
    ],
)
def test_embassies_stormed_and_barrages_fired(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _tuples(_code(parse_text, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mali's government on Monday gave France's ambassador Joel Meyer 72 hours to leave the"
            " country.",
            ("MLI", "FRA", "16"),
        ),
        (
            "Pakistan's air force shot down an Indian jet, capturing its pilot.",
            ("PAK", "IND", "17"),
        ),
    ],
)
def test_time_to_leave_and_captured_airmen(
    parse_text: ParseText, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _tuples(_code(parse_text, text))


def test_abducting_an_officer_stays_an_abduction(parse_text: ParseText) -> None:
    text = "Russia abducted an Estonian security officer near the border on Friday."
    found = _tuples(_code(parse_text, text))
    assert ("RUS", "EST", "18") in found, found


def test_lowering_relations_reduces_them(parse_text: ParseText) -> None:
    assert ("CHN", "LTU", "16") in _tuples(
        _code(parse_text, "China lowered relations with Lithuania.")
    )


def test_twenty_of_its_soldiers_are_the_speakers(parse_text: ParseText) -> None:
    text = "India said 20 of its soldiers died in a brawl with Chinese troops."
    assert ("IND", "CHN", "19") in _tuples(_code(parse_text, text))


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Russia fired dozens of missiles at cities across Ukraine on Monday.",
            ("RUS", "UKR", "19"),
            ("RUS", "UKR", "15"),
        ),
        (
            "North Korea said it was examining plans to fire missiles at waters around Guam,"
            " a US territory.",
            ("PRK", "USA", "13"),
            ("PRK", "USA", "01"),
        ),
    ],
)
def test_missiles_aimed_and_plans_weighed(
    parse_text: ParseText,
    text: str,
    expected: tuple[str, str, str],
    absent: tuple[str, str, str],
) -> None:
    found = _tuples(_code(parse_text, text))
    assert expected in found and absent not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired two missiles into the sea on Thursday.",
        "North Korea fired two missiles at waters off its east coast on Thursday.",
    ],
)
def test_missiles_fired_at_no_one_show_force(parse_text: ParseText, text: str) -> None:
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[2] == "19"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Iran fired 180 missiles at Israel on Tuesday, sending millions of people into shelters.",
        "Germany expelled 40 Russian diplomats it considered a threat to its security.",
        "Macron spoke on the evening news programmes of France's two main television channels.",
    ],
)
def test_look_alikes_of_aid_options_and_talks(parse_text: ParseText, text: str) -> None:
    found = _tuples(_code(parse_text, text), facts_only=False)
    assert not {f for f in found if f[2] in {"01", "04", "07"}}, found
