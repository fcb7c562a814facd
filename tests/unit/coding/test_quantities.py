"""Counts of what an action is about, read from real parses."""

from __future__ import annotations

import pytest

from riftwatch.coding.counted import count_for_action
from riftwatch.coding.quantities import parse_number, quantity_for
from riftwatch.types import ParsedDoc, Sentence, Token


def _find(doc: ParsedDoc, word: str) -> tuple[Sentence, Token]:
    for sentence in doc.sentences:
        for tok in sentence.tokens:
            if tok.text == word:
                return sentence, tok
    raise AssertionError(f"{word!r} not in {doc.document.text!r}")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("seven", (7, "exact")),
        ("one", (1, "exact")),
        ("more than 130", (130, "more_than")),
        ("over 50", (50, "more_than")),
        ("some 15", (15, "about")),
        ("about 30", (30, "about")),
        ("around 30", (30, "about")),
        ("roughly 30", (30, "about")),
        ("approximately 30", (30, "about")),
        ("nearly 100", (100, "less_than")),
        ("fewer than ten", (10, "less_than")),
        ("under 10", (10, "less_than")),
        ("at least 20", (20, "at_least")),
        ("50 or more", (50, "at_least")),
        ("up to 300", (300, "up_to")),
        ("Forty-eight", (48, "exact")),
        ("forty eight", (48, "exact")),
        ("Forty - eight", (48, "exact")),
        ("two dozen", (24, "exact")),
        ("a dozen", (12, "exact")),
        ("1,200", (1200, "exact")),
        ("1.5 million", (1_500_000, "exact")),
        ("40 million", (40_000_000, "exact")),
        ("$5 billion", (5_000_000_000, "exact")),
        ("5bn", (5_000_000_000, "exact")),
        ("one hundred and twenty", (120, "exact")),
        ("a further 40 million", (40_000_000, "exact")),
        ("a total of 60", (60, "exact")),
    ],
)
def test_parse_number(words: str, expected: tuple[float, str]) -> None:
    assert parse_number(words.split()) == (float(expected[0]), expected[1])


@pytest.mark.parametrize(
    "words",
    [
        "dozens",
        "hundreds",
        "thousands",
        "a",
        "",
        "several",
        "20 - 30",
        "20-30",
        "two or three",
        "between 20 and 30",
        "m",
        "twenty diplomats",
    ],
)
def test_parse_number_refuses_vague_or_ranges(words: str) -> None:
    assert parse_number(words.split()) is None


@pytest.mark.parametrize(
    ("text", "noun", "value", "qualifier", "unit"),
    [
        (
            "More than 20 states have sent off more than 130 envoys.",
            "envoys",
            130,
            "more_than",
            "envoy",
        ),
        (
            "France, Germany and some 15 other EU countries joined.",
            "countries",
            15,
            "about",
            "country",
        ),
        ("Britain expelled 23 British diplomats.", "diplomats", 23, "exact", "diplomat"),
        (
            "Britain will send a further 40 million pounds of humanitarian aid to Ukraine.",
            "pounds",
            40_000_000,
            "exact",
            "GBP",
        ),
        ("Russia expelled two dozen diplomats.", "diplomats", 24, "exact", "diplomat"),
    ],
)
def test_quantity_for(parse_text, text, noun, value, qualifier, unit) -> None:
    sentence, tok = _find(parse_text(text), noun)
    found = quantity_for(sentence, tok)
    assert found is not None
    assert (found.number, found.qualifier, found.unit) == (value, qualifier, unit)


def test_quantity_for_ignores_time_nouns(parse_text) -> None:
    sentence, tok = _find(parse_text("They must leave within two weeks."), "weeks")
    assert quantity_for(sentence, tok) is None


@pytest.mark.parametrize(
    ("text", "trigger", "value", "qualifier", "unit"),
    [
        ("Nato expelled seven Russian diplomats on Tuesday.", "expelled", 7, "exact", "diplomat"),
        (
            "Prime Minister Theresa May said on Wednesday that Britain would expel 23 Russian "
            "diplomats, the biggest such expulsion in more than 30 years.",
            "expel",
            23,
            "exact",
            "diplomat",
        ),
        (
            "The Netherlands also ordered two Russian diplomats to leave within two weeks.",
            "ordered",
            2,
            "exact",
            "diplomat",
        ),
        (
            "The Netherlands also ordered two Russian diplomats to leave within two weeks.",
            "leave",
            2,
            "exact",
            "diplomat",
        ),
        (
            "There were larger expulsions from individual countries, such as the United Kingdom in "
            "1976, which expelled more than 100 diplomats.",
            "expelled",
            100,
            "more_than",
            "diplomat",
        ),
        (
            "Germany, France and Poland each said they would expel four Russian diplomats each.",
            "expel",
            4,
            "exact",
            "diplomat",
        ),
        ("Hungary will expel one Russian diplomat.", "expel", 1, "exact", "diplomat"),
        ("Lithuania said it would expel three.", "expel", 3, "exact", ""),
        (
            "Britain will send a further 40 million pounds of humanitarian aid to Ukraine.",
            "send",
            40_000_000,
            "exact",
            "GBP",
        ),
        ("The US pledged $5 billion to Ukraine.", "pledged", 5_000_000_000, "exact", "USD"),
        ("Gunmen killed at least 20 people.", "killed", 20, "at_least", "people"),
        ("At least 20 people were killed in the attack.", "killed", 20, "at_least", "people"),
        ("50 diplomats were expelled.", "expelled", 50, "exact", "diplomat"),
        ("Police arrested 12 protesters.", "arrested", 12, "exact", "protester"),
        ("The expulsion of 23 diplomats angered Moscow.", "expulsion", 23, "exact", "diplomat"),
        ("Forty-eight people died in the clashes.", "died", 48, "exact", "people"),
        ("Russia expelled two dozen diplomats.", "expelled", 24, "exact", "diplomat"),
        ("Moscow expelled 60 of the American diplomats.", "expelled", 60, "exact", "diplomat"),
        ("The US expelled a total of 60 diplomats.", "expelled", 60, "exact", "diplomat"),
        ("Police arrested 1,200 people.", "arrested", 1200, "exact", "people"),
        (
            "Germany said it would expel 40 Russian diplomats and France said it would expel 35, "
            "after the discovery of civilians killed in Bucha.",
            "35",
            35,
            "exact",
            "",
        ),
        ("China is sending a 62-member rescue team.", "sending", 62, "exact", "member"),
        ("Chad sent a 1,000-strong force to Cameroon.", "sent", 1000, "exact", "force"),
    ],
)
def test_count_for_action(parse_text, text, trigger, value, qualifier, unit) -> None:
    sentence, tok = _find(parse_text(text), trigger)
    if tok.like_num:  # the count is the object of the last "expel"
        tok = sentence.token(tok.head)
    found = count_for_action(sentence, tok, None)
    assert found is not None
    assert (found.number, found.qualifier, found.unit) == (value, qualifier, unit)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Trump and Putin met for more than two hours in the Finnish capital on Monday.", "met"),
        (
            "Ethiopia and Eritrea signed a declaration on Monday formally ending two decades of "
            "hostility.",
            "ending",
        ),
        ("The alliance cut the Russian mission from 30 to 20.", "cut"),
        ("Russia annexed Crimea from Ukraine in 2014.", "annexed"),
        ("Dozens of people were killed.", "killed"),
        ("Hundreds of protesters were arrested on 4 March.", "arrested"),
        (
            "Portugal recalled its ambassador from Moscow for consultations on Wednesday.",
            "recalled",
        ),
        ("Police arrested a 66-year-old man.", "arrested"),
        (
            "The US Treasury imposed sanctions on Friday on seven Russian oligarchs and 17 senior "
            "government officials.",
            "imposed",
        ),
    ],
)
def test_count_for_action_skips_dates_durations_and_vague(parse_text, text, trigger) -> None:
    sentence, tok = _find(parse_text(text), trigger)
    assert count_for_action(sentence, tok, None) is None


def test_coordinated_counted_objects_are_summed(parse_text) -> None:
    doc = parse_text(
        "The US Treasury imposed sanctions on Friday on seven Russian oligarchs and 17 senior "
        "government officials."
    )
    sentence, trigger = _find(doc, "imposed")
    _, oligarchs = _find(doc, "oligarchs")
    found = count_for_action(sentence, trigger, oligarchs)
    assert found is not None
    assert (found.number, found.unit) == (24, "oligarch")


def test_given_object_wins(parse_text) -> None:
    doc = parse_text("Nato expelled seven Russian diplomats and blocked three others.")
    sentence, trigger = _find(doc, "expelled")
    _, noun = _find(doc, "diplomats")
    found = count_for_action(sentence, trigger, noun)
    assert found is not None and found.number == 7 and found.text == "seven Russian diplomats"


def test_a_person_named_with_an_article_is_one(parse_text) -> None:
    from riftwatch.actors import find_mentions
    from riftwatch.coding.coder import code_document

    parsed = parse_text("India expelled a senior Canadian diplomat. Britain imposed a ban on Iran.")
    counts = {
        e.source.code: e.count.number if e.count else None
        for e in code_document(parsed, find_mentions(parsed))
    }
    assert counts["IND"] == 1 and counts.get("GBR") is None
