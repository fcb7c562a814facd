"""Event dates from real parses, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.coding.dates import fallback_date, parse_date_expression, resolve_event_date
from riftwatch.types import ParsedDoc, Precision, Sentence, Token

TUESDAY = dt.date(2018, 3, 27)


def _find(doc: ParsedDoc, word: str) -> tuple[Sentence, Token]:
    for sentence in doc.sentences:
        for tok in sentence.tokens:
            if tok.text == word:
                return sentence, tok
    raise AssertionError(f"{word!r} not in {doc.document.text!r}")


def _resolve(parse_text, text: str, trigger: str, published: str) -> str | None:
    sentence, tok = _find(parse_text(text, published=published), trigger)
    found = resolve_event_date(sentence, tok, dt.date.fromisoformat(published))
    return found.iso if found else None


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("on Tuesday", "2018-03-27", Precision.DAY),  # the publication day itself
        ("Tuesday", "2018-03-27", Precision.DAY),
        ("on Monday night", "2018-03-26", Precision.DAY),
        ("Monday's", "2018-03-26", Precision.DAY),
        ("last Tuesday", "2018-03-20", Precision.DAY),
        ("next Tuesday", "2018-04-03", Precision.DAY),
        ("in 2014", "2014", Precision.YEAR),
        ("in 1976", "1976", Precision.YEAR),
        ("mid-2014", "2014", Precision.YEAR),
        ("in March", "2018-03", Precision.MONTH),
        ("on 4 March", "2018-03-04", Precision.DAY),
        ("since 4 March", "2018-03-04", Precision.DAY),
        ("March 26", "2018-03-26", Precision.DAY),
        ("26 March 2017", "2017-03-26", Precision.DAY),
        ("March 4, 2016", "2016-03-04", Precision.DAY),
        ("Sept. 11, 2001", "2001-09-11", Precision.DAY),
        ("the 4th of March, 2016", "2016-03-04", Precision.DAY),
        ("28 December", "2017-12-28", Precision.DAY),  # past tense: the last 28 December
        ("2018-03-04", "2018-03-04", Precision.DAY),
        ("last month", "2018-02", Precision.MONTH),
        ("last week", "2018-03", Precision.MONTH),  # 19-25 March, all in March
        ("earlier in the week", "2018-03", Precision.MONTH),
        ("yesterday", "2018-03-26", Precision.DAY),
        ("last night", "2018-03-26", Precision.DAY),
        ("today", "2018-03-27", Precision.DAY),
        ("this morning", "2018-03-27", Precision.DAY),
        ("two years ago", "2016", Precision.YEAR),
        ("three days ago", "2018-03-24", Precision.DAY),
        ("last year", "2017", Precision.YEAR),
    ],
)
def test_parse_date_expression(text: str, iso: str, precision: Precision) -> None:
    found = parse_date_expression(text, TUESDAY)
    assert found is not None
    assert (found.iso, found.precision, found.fallback) == (iso, precision, False)


@pytest.mark.parametrize(
    "text",
    [
        "in the 1990s",
        "more than 30 years",
        "for more than two hours",
        "within two weeks",
        "30 years",
        "two decades",
        "Tuesday afternoon talks",
        "",
    ],
)
def test_parse_date_expression_refuses_durations_and_decades(text: str) -> None:
    assert parse_date_expression(text, TUESDAY) is None


def test_week_across_months_gives_the_year() -> None:
    found = parse_date_expression("this week", TUESDAY)  # 26 March - 1 April
    assert found is not None and found.iso == "2018"


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("at the weekend", "2018-03-26", "2018-03"),  # Saturday 24 and Sunday 25 March
        ("over the weekend", "2018-03-26", "2018-03"),
        ("last weekend", "2018-04-02", "2018"),  # 31 March and 1 April
        ("earlier this month", "2018-03-27", "2018-03"),
        ("in early 2014", "2018-03-27", "2014"),
        ("on Tuesday evening", "2018-03-29", "2018-03-27"),
        ("last November", "2012-04-04", "2011-11"),
        ("last March", "2012-04-04", "2012-03"),
        ("last April", "2012-04-04", "2011-04"),  # the month of publication is "this April"
        ("next March", "2012-04-04", "2013-03"),
        ("this June", "2012-04-04", "2012-06"),
    ],
)
def test_more_relative_expressions(text: str, published: str, iso: str) -> None:
    found = parse_date_expression(text, dt.date.fromisoformat(published))
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("text", ["the previous day", "the next day", "in recent weeks"])
def test_story_relative_expressions_give_no_date(text: str) -> None:
    assert parse_date_expression(text, TUESDAY) is None


def test_future_weekday_is_the_next_one() -> None:
    found = parse_date_expression("on Friday", dt.date(2018, 3, 30), future=True)
    assert found is not None and found.iso == "2018-04-06"


def test_relative_needs_publication_date() -> None:
    assert parse_date_expression("on Tuesday", None) is None
    assert parse_date_expression("on 4 March", None) is None
    found = parse_date_expression("in 2014", None)
    assert found is not None and found.iso == "2014"


@pytest.mark.parametrize(
    ("text", "trigger", "published", "iso"),
    [
        (
            "Nato expelled seven Russian diplomats on Tuesday.",
            "expelled",
            "2018-03-27",
            "2018-03-27",
        ),
        (
            "Indian and Chinese troops clashed in the Galwan Valley on Monday night, the Indian "
            "army said.",
            "clashed",
            "2020-06-16",
            "2020-06-15",
        ),
        (
            "Moscow's access to the alliance was already limited after Russia annexed Crimea from "
            "Ukraine in 2014.",
            "annexed",
            "2018-03-27",
            "2014",
        ),
        (
            "There were larger expulsions from individual countries, such as the United Kingdom in "
            "1976, which expelled more than 100 diplomats.",
            "expelled",
            "2018-03-27",
            "1976",
        ),
        (
            "The US Treasury imposed sanctions on Friday on seven Russian oligarchs and 17 senior "
            "government officials.",
            "imposed",
            "2018-04-06",
            "2018-04-06",
        ),
        (
            "Monday's expulsions surpass the action taken in 2001, when the United States expelled "
            "50 Russian diplomats.",
            "expelled",
            "2018-03-26",
            "2001",
        ),
        (
            "Monday's expulsions surpass the action taken in 2001, when the United States expelled "
            "50 Russian diplomats.",
            "expulsions",
            "2018-03-26",
            "2018-03-26",
        ),
        (
            "Prime Minister Theresa May said on Wednesday that Britain would expel 23 Russian "
            "diplomats.",
            "expel",
            "2018-03-14",
            "2018-03-14",
        ),
        (
            "Russia said on Saturday it would expel 23 British diplomats and close the British "
            "Council.",
            "close",
            "2018-03-17",
            "2018-03-17",
        ),
        (
            "Germany, France and Poland each said on Monday they would expel four Russian "
            "diplomats.",
            "said",
            "2018-03-26",
            "2018-03-26",
        ),
        (
            "Portugal recalled its ambassador from Moscow for consultations on Wednesday.",
            "recalled",
            "2018-03-28",
            "2018-03-28",
        ),
        (
            "China on Tuesday condemned a proposed US arms sale to Taiwan.",
            "condemned",
            "2019-07-09",
            "2019-07-09",
        ),
        (
            "Trump and Putin met for more than two hours in the Finnish capital on Monday.",
            "met",
            "2018-07-16",
            "2018-07-16",
        ),
        (
            "Russia retaliated on Friday, expelling 60 US diplomats.",
            "expelling",
            "2018-03-31",
            "2018-03-30",
        ),
        ("Russia expelled two diplomats last month.", "expelled", "2018-03-27", "2018-02"),
        ("Russia expelled two diplomats yesterday.", "expelled", "2018-03-27", "2018-03-26"),
        ("Troops attacked the town this morning.", "attacked", "2018-03-27", "2018-03-27"),
        ("Troops attacked the town Monday night.", "attacked", "2020-06-16", "2020-06-15"),
        ("Russia expelled diplomats in March.", "expelled", "2018-03-27", "2018-03"),
        ("Russia expelled diplomats on 4 March.", "expelled", "2018-03-27", "2018-03-04"),
        ("Russia expelled diplomats on March 26.", "expelled", "2018-03-27", "2018-03-26"),
        ("Russia expelled diplomats on 26 March 2017.", "expelled", "2018-03-27", "2017-03-26"),
        ("Russia expelled diplomats earlier this week.", "expelled", "2018-03-29", "2018-03"),
        ("Russia expelled diplomats earlier in the week.", "expelled", "2018-03-29", "2018-03"),
        ("Russia annexed Crimea two years ago.", "annexed", "2018-03-27", "2016"),
        ("The leaders met on Friday.", "met", "2018-03-30", "2018-03-30"),
        ("The leaders will meet on Friday.", "meet", "2018-03-30", "2018-04-06"),
        (
            "The expulsion of 23 diplomats on Monday angered Moscow.",
            "expulsion",
            "2018-03-27",
            "2018-03-26",
        ),
        (
            "At least 37 people were killed when a suicide bomber struck a market in Kabul on "
            "Sunday.",
            "killed",
            "2019-07-21",
            "2019-07-21",
        ),
        (
            "Russia said on Monday that it had expelled two diplomats in 2014.",
            "expelled",
            "2018-03-27",
            "2014",
        ),
    ],
)
def test_resolve_event_date(parse_text, text, trigger, published, iso) -> None:
    assert _resolve(parse_text, text, trigger, published) == iso


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # "since 4 March" belongs to "left", in a clause of its own.
        (
            "\u201cIt sends a very clear message to Russia that it has costs,\u201d said Nato "
            "chief Jens Stoltenberg in reference to the attack in Salisbury, UK, that has left "
            "former spy Sergei Skripal and his daughter Yulia in critical condition since 4 March.",
            "said",
        ),
        ("Britain expelled 23 diplomats after Russia annexed Crimea in 2014.", "expelled"),
        ("Russia expelled diplomats in the 1990s.", "expelled"),
        (
            "Prime Minister Theresa May said Britain would expel 23 Russian diplomats, the biggest "
            "such expulsion in more than 30 years.",
            "expel",
        ),
        ("The Netherlands ordered two Russian diplomats to leave within two weeks.", "ordered"),
        ("WASHINGTON - The US Treasury imposed sanctions on seven oligarchs.", "imposed"),
    ],
)
def test_resolve_event_date_keeps_other_clauses_dates(parse_text, text, trigger) -> None:
    assert _resolve(parse_text, text, trigger, "2018-03-27") is None


def test_date_of_the_clause_that_owns_it(parse_text) -> None:
    text = "Stoltenberg said the attack has left Skripal in critical condition since 4 March."
    assert _resolve(parse_text, text, "left", "2018-03-27") == "2018-03-04"


def test_also_anchors_are_tried_after_the_trigger(parse_text) -> None:
    doc = parse_text("Officials who expelled two diplomats spoke to reporters on Monday.")
    sentence, trigger = _find(doc, "expelled")
    _, spoke = _find(doc, "spoke")
    assert resolve_event_date(sentence, trigger, TUESDAY) is None
    found = resolve_event_date(sentence, trigger, TUESDAY, also=[spoke])
    assert found is not None and found.iso == "2018-03-26"


def test_fallback_date() -> None:
    found = fallback_date(TUESDAY)
    assert found is not None
    assert (found.iso, found.fallback, found.precision) == ("2018-03-27", True, Precision.DAY)
    assert fallback_date(None) is None
