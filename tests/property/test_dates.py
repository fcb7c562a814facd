"""Properties of the date readers (coding/date_expressions.py, dates.py, timeline.py): a
weekday is a day of the week before publication, "in YYYY" is a year, a sentence without a
date gets the flagged story date, and no text makes them crash (#9)."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from riftwatch.coding.date_expressions import MONTHS, WEEKDAYS, parse_date_expression
from riftwatch.coding.dates import fallback_date
from riftwatch.coding.timeline import event_date
from riftwatch.types import PartialDate, Precision, Sentence, Token
from tests.conftest import ParseText
from tests.property.profile import PARSED, PROPERTY

published_days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
weekdays = st.sampled_from(WEEKDAYS)
parts_of_day = st.sampled_from(["", "morning", "night", "evening"])
# Words and numbers the rules look for, so that generated phrases reach their branches.
VOCABULARY = sorted(
    set(WEEKDAYS)
    | set(MONTHS)
    | {"last", "next", "this", "earlier", "later", "ago", "in", "on", "of", "the", "past"}
    | {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years"}
    | {"today", "yesterday", "tomorrow", "tonight", "1990s", "sept.", "4th", "31st", ","}
)
tokens = (
    st.sampled_from(VOCABULARY)
    | st.integers(min_value=0, max_value=10**12).map(str)
    | st.from_regex(r"\A\d{4}-\d{2}(-\d{2})?\Z")
    | st.text(max_size=10)
)


def _day(date: PartialDate) -> dt.date:
    assert date.precision is Precision.DAY and date.month and date.day
    return dt.date(date.year, date.month, date.day)


@PROPERTY
@given(published_days, weekdays, st.sampled_from(["", "on"]), parts_of_day)
def test_a_weekday_in_a_past_story_is_in_the_week_up_to_publication(
    published: dt.date, weekday: str, on: str, part: str
) -> None:
    found = parse_date_expression(f"{on} {weekday.title()} {part}", published)
    assert found is not None and not found.fallback
    day = _day(found)
    assert 0 <= (published - day).days <= 6 and WEEKDAYS[day.weekday()] == weekday


@PROPERTY
@given(published_days, weekdays, parts_of_day)
def test_last_weekday_is_in_the_seven_days_before_publication(
    published: dt.date, weekday: str, part: str
) -> None:
    day = _day(parse_date_expression(f"last {weekday} {part}", published) or PartialDate(0))
    assert 1 <= (published - day).days <= 7 and WEEKDAYS[day.weekday()] == weekday


@PROPERTY
@given(published_days, weekdays)
def test_a_weekday_in_a_future_tense_is_in_the_week_after_publication(
    published: dt.date, weekday: str
) -> None:
    day = _day(parse_date_expression(f"on {weekday}", published, future=True) or PartialDate(0))
    assert 1 <= (day - published).days <= 7 and WEEKDAYS[day.weekday()] == weekday


@PROPERTY
@given(st.integers(min_value=1800, max_value=2100), st.none() | published_days, st.booleans())
def test_in_a_year_gives_that_year_at_year_precision(
    year: int, published: dt.date | None, future: bool
) -> None:
    found = parse_date_expression(f"in {year}", published, future=future)
    assert found is not None
    assert (found.year, found.precision, found.fallback) == (year, Precision.YEAR, False)


@PROPERTY
@given(st.lists(tokens, max_size=6).map(" ".join), st.none() | st.dates(), st.booleans())
@example("2018-13-45", None, False)  # an ISO form that is no date
@example("2018-00-00", None, False)
@example("99999999999 days ago", dt.date(2018, 3, 27), False)  # out of the calendar
@example("999999 months ago", dt.date(2018, 3, 27), False)
@example("9999 years ago", dt.date(2018, 3, 27), False)  # year -7981
@example("tomorrow", dt.date.max, False)
def test_no_text_makes_the_date_reader_crash_and_any_date_is_a_real_day(
    text: str, published: dt.date | None, future: bool
) -> None:
    found = parse_date_expression(text, published, future=future)
    if found is not None:
        dt.date(found.year, found.month or 1, found.day or 1)  # raises if no such day
        assert found.month is None or 1 <= found.month <= 12
        assert found.day is None or found.month is not None
        assert not found.fallback


@PROPERTY
@given(st.none() | published_days)
def test_the_fallback_is_the_story_date_flagged(published: dt.date | None) -> None:
    found = fallback_date(published)
    if published is None:
        assert found is None
    else:
        assert found is not None and found.fallback and _day(found) == published


ACTORS = ["Poland", "Latvia", "The United States", "Germany", "Canada"]
COUNTS = ["two", "four", "23", "seven"]


@PARSED
@given(published_days, st.sampled_from(ACTORS), st.sampled_from(COUNTS))
def test_a_sentence_without_a_date_gets_the_story_date_flagged(
    parse_text: ParseText, published: dt.date, actor: str, count: str
) -> None:
    sentence, trigger = _expelled(
        parse_text, f"{actor} expelled {count} Russian diplomats.", published
    )
    assert event_date(sentence, trigger, published) == fallback_date(published)


@PARSED
@given(published_days, st.sampled_from(ACTORS), weekdays)
def test_a_weekday_in_a_sentence_dates_the_act_in_the_week_up_to_publication(
    parse_text: ParseText, published: dt.date, actor: str, weekday: str
) -> None:
    text = f"{actor} expelled two Russian diplomats on {weekday.title()}."
    sentence, trigger = _expelled(parse_text, text, published)
    found = event_date(sentence, trigger, published)
    assert found is not None and not found.fallback
    day = _day(found)
    assert 0 <= (published - day).days <= 6 and WEEKDAYS[day.weekday()] == weekday


@PARSED
@given(published_days, st.integers(min_value=0, max_value=10**15))
@example(dt.date(2018, 3, 17), 9_999_999)  # once an OverflowError out of timeline.py
def test_a_day_offset_from_the_main_clause_never_leaves_the_calendar(
    parse_text: ParseText, published: dt.date, days: int
) -> None:
    text = (
        f"Moscow expelled 23 British diplomats on Saturday, {days} days after Britain "
        "expelled 23 Russian envoys."
    )
    parsed = parse_text(text, published.isoformat())
    for sentence in parsed.sentences:
        for trigger in (t for t in sentence.tokens if t.lemma == "expel"):
            found = event_date(sentence, trigger, published)
            assert found is not None
            dt.date(found.year, found.month or 1, found.day or 1)


def _expelled(parse_text: ParseText, text: str, published: dt.date) -> tuple[Sentence, Token]:
    parsed = parse_text(text, published.isoformat())
    sentence = parsed.sentences[0]
    trigger = next(t for t in sentence.tokens if t.lemma == "expel")
    return sentence, trigger
