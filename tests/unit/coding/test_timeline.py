from __future__ import annotations

import datetime as dt

from riftwatch.actors import find_mentions
from riftwatch.coding.coder import code_document
from riftwatch.coding.timeline import StoryDays, event_date, is_story_day
from riftwatch.types import PartialDate
from tests.conftest import ParseText


def _date(parse_text: ParseText, text: str, word: str, published: str, **kw: object) -> str:
    sentence = parse_text(text, published=published).sentences[0]
    trigger = next(t for t in sentence.tokens if t.text == word)
    found = event_date(sentence, trigger, dt.date.fromisoformat(published), **kw)  # type: ignore[arg-type]
    assert found is not None
    return found.iso


def test_a_day_after_counts_back_from_the_main_clause(parse_text: ParseText) -> None:
    text = (
        "India expelled a Canadian diplomat on Tuesday, a day after Ottawa expelled an Indian one."
    )
    assert _date(parse_text, text, "expelled", "2023-09-20") == "2023-09-19"
    sentence = parse_text(text, published="2023-09-20").sentences[0]
    later = [t for t in sentence.tokens if t.text == "expelled"][1]
    found = event_date(sentence, later, dt.date(2023, 9, 20))
    assert found is not None and found.iso == "2023-09-18"


def test_two_days_before(parse_text: ParseText) -> None:
    text = "Chile recalled its envoy on Friday, two days before Peru closed its embassy."
    sentence = parse_text(text, published="2019-05-18").sentences[0]
    closed = next(t for t in sentence.tokens if t.text == "closed")
    found = event_date(sentence, closed, dt.date(2019, 5, 18))
    assert found is not None and found.iso == "2019-05-19"


def test_a_sentence_without_a_date_keeps_the_story_day(parse_text: ParseText) -> None:
    story = StoryDays(latest=PartialDate(2018, 5, 8, text="Tuesday"))
    text = "Britain and France said they regretted the decision."
    assert _date(parse_text, text, "regretted", "2018-05-09", story=story) == "2018-05-08"
    sentence = parse_text(text, published="2018-05-09").sentences[0]
    regretted = next(t for t in sentence.tokens if t.text == "regretted")
    fallback = event_date(sentence, regretted, dt.date(2018, 5, 9))
    assert fallback is not None and fallback.fallback and fallback.iso == "2018-05-09"


def test_only_stated_days_are_story_days() -> None:
    assert is_story_day(PartialDate(2018, 5, 8))
    assert not is_story_day(PartialDate(2018, 5, 8, fallback=True))
    assert not is_story_day(PartialDate(1976))


def test_a_date_hung_on_the_subject_dates_its_act_and_offsets_climb_to_a_dated_verb(
    parse_text,
) -> None:
    text = (
        "The Organization of American States on Friday called on Nicaragua to withdraw its "
        "troops. Abbott refused on Tuesday to apologise over reports that spies had tried to "
        "tap phones, a day after Jakarta recalled its ambassador from Canberra."
    )
    parsed = parse_text(text, "2013-11-23")
    dates = {
        (e.source.code, e.action.root): e.date.iso
        for e in code_document(parsed, find_mentions(parsed))
    }
    assert dates[("OAS", "02")] == "2013-11-22"
    assert dates[("IDN", "16")] == "2013-11-18"


def test_an_act_told_as_a_noun_is_dated_by_what_it_did(parse_text: ParseText) -> None:
    text = (
        "South Korea and Japan on Wednesday condemned North Korea's artillery attack on the "
        "island of Yeonpyeong, which killed two South Korean marines on Tuesday."
    )
    assert _date(parse_text, text, "attack", "2010-11-24") == "2010-11-23"
    assert _date(parse_text, text, "condemned", "2010-11-24") == "2010-11-24"


def test_a_date_hung_inside_the_acts_own_clause_dates_it(parse_text: ParseText) -> None:
    text = (
        "The US military struck a boat carrying drugs from Venezuela in the southern Caribbean "
        "on Tuesday, killing 11 people, President Donald Trump said."
    )
    assert _date(parse_text, text, "struck", "2025-09-03") == "2025-09-02"
    lead = (
        "Japan suspended food aid to North Korea and froze its funding for a project to build "
        "two reactors in the North on Tuesday, a day after Pyongyang fired a ballistic missile."
    )
    assert _date(parse_text, lead, "suspended", "1998-09-01") == "1998-09-01"
    assert _date(parse_text, lead, "fired", "1998-09-01") == "1998-08-31"


def test_the_story_violence_dates_attacks_referred_to_later(parse_text: ParseText) -> None:
    story = StoryDays(
        latest=PartialDate(1999, 5, 8, text="Saturday"),
        violence=PartialDate(1999, 5, 7, text="Friday"),
    )
    text = "The Chinese government condemned NATO's attack as barbaric."
    assert _date(parse_text, text, "attack", "1999-05-09", story=story) == "1999-05-07"
    assert _date(parse_text, text, "condemned", "1999-05-09", story=story) == "1999-05-08"
    also = "The United States also struck training camps in Afghanistan."
    assert _date(parse_text, also, "struck", "1999-05-09", story=story) == "1999-05-07"


def test_the_story_day_is_the_lead_act_not_what_happened_before(parse_text: ParseText) -> None:
    text = (
        "BEIJING - Thousands of Chinese protesters hurled rocks at the US embassy on Saturday "
        "after NATO bombs struck China's embassy in Belgrade late on Friday. Demonstrators also "
        "besieged the British embassy."
    )
    parsed = parse_text(text, published="1999-05-09")
    events = code_document(parsed, find_mentions(parsed))
    besieged = [e for e in events if e.trigger == "besieged"]
    assert besieged and all(e.date is not None and e.date.iso == "1999-05-08" for e in besieged)
