"""Date text to a PartialDate: "on Tuesday", "in 2014", "last month", "Monday's expulsions".

Relative expressions resolve against the publication date. A weekday in a past-tense story is
the most recent such day on or before publication (same day allowed); with "will"/"shall" it is
the next such day after publication. Expressions that cover a span ("last week", "earlier this
week", "two weeks ago") get the finest precision the whole span shares: a week inside one month
gives that month, a week across two months gives the year. Decades ("the 1990s") and durations
("for two hours", "more than 30 years") give no date. A month and day without a year take the
year that puts them nearest publication on the side the tense points (a week of slack for past
dates). Absolute forms we do not spell out fall back to dateparser, and only when the text has a
month name or a numeric date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from riftwatch.types import PartialDate

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBREVIATIONS = {m[:3]: n for n, m in enumerate(MONTHS, 1)} | {"sept": 9}
PARTS_OF_DAY = frozenset("morning afternoon evening night noon midday midnight dawn".split())
SEASON_WORDS = frozenset("early late mid spring summer autumn fall winter beginning end".split())
FILLER_WORDS = frozenset("the on in at of over during since 's ' , . -".split())
SPAN_UNITS = ("day", "week", "month", "year")
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"a": 1, "an": 1, "several": -1, "few": -1}
_VAGUE_TIME = frozenset({"early", "late", "earlier", "later"})
_WEEKDAY_LEADS = frozenset({"last", "next", "this", "early", "late", "earlier", "later"})
# "the previous day", "the next day" count from another event in the story, not from publication.
_SPAN_OFFSET_UNITS = frozenset({"week", "weekend", "month", "year"})
_PAST_DAYS = {"day": 1, "week": 7, "month": 31, "year": 365}
# "N units ago" further back than this is history, not the date of a reported act; with
# publication years kept to _PUBLISHED_YEARS, date arithmetic stays inside the calendar (#9).
_MAX_AGO_DAYS = 1000 * 365
_PUBLISHED_YEARS = range(1001, 9000)
YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


def parse_date_expression(
    text: str, published: dt.date | None, *, future: bool = False
) -> PartialDate | None:
    """A date expression on its own: "on Monday night", "in 2014", "last month" -> PartialDate."""
    words = _words(text)
    if published is not None and published.year not in _PUBLISHED_YEARS:
        published = None  # a story date at the ends of the calendar anchors nothing
    if not words or any(w.endswith("0s") and w[:-1].isdigit() for w in words):
        return None
    for rule in (_relative_day, _weekday, _span, _ago, _named_month, _absolute):
        found = rule(words, published, future)
        if found is not None:
            return _with_text(found, text.strip())
    return _with_text(_dateparser(text, published, future), text.strip())


def _with_text(found: PartialDate | None, text: str) -> PartialDate | None:
    if found is None:
        return None
    return PartialDate(found.year, found.month, found.day, text=text)


def _words(text: str) -> list[str]:
    raw = re.findall(r"\d{4}-\d{2}(?:-\d{2})?|[\w']+|[^\w\s]", text.lower())
    raw = [w.removesuffix("'s").removesuffix("’s") for w in raw]
    return [w for w in raw if w not in FILLER_WORDS]


def _day(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def _relative_day(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """today / tonight / this morning / yesterday / last night / tomorrow."""
    if published is None:
        return None
    core = [w for w in words if w not in PARTS_OF_DAY and w not in _VAGUE_TIME]
    has_part = len(core) < len([w for w in words if w not in _VAGUE_TIME])
    offset = None
    if core in (["today"], ["tonight"]) or (core == ["this"] and has_part):
        offset = 0
    elif core == ["yesterday"] or (core == ["last"] and "night" in words):
        offset = -1
    elif core == ["tomorrow"]:
        offset = 1
    return None if offset is None else _day(published + dt.timedelta(days=offset))


def _weekday(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """ "Monday", "on Monday night", "last Friday", "next Tuesday"."""
    days = [w for w in words if w in WEEKDAYS]
    rest = [w for w in words if w not in WEEKDAYS and w not in PARTS_OF_DAY]
    if published is None or len(days) != 1 or not set(rest) <= _WEEKDAY_LEADS:
        return None
    target = WEEKDAYS.index(days[0])
    if "next" in rest or (future and "last" not in rest):
        ahead = (target - published.weekday()) % 7 or 7
        return _day(published + dt.timedelta(days=ahead))
    back = (published.weekday() - target) % 7
    if "last" in rest and back == 0:
        back = 7
    return _day(published - dt.timedelta(days=back))


def _span(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """ "last week", "earlier this month", "this year", "next month", "at the weekend"."""
    unit = words[-1]
    if published is None or len(words) > 3 or unit not in _SPAN_OFFSET_UNITS:
        return None
    lead = set(words[:-1]) - {"earlier", "later"}
    if not lead and (len(words) > 1 or unit == "weekend"):
        lead = {_default_lead(unit, published, future)}  # "earlier in the week", "the weekend"
    if lead == {"past"} and unit != "weekend":
        return _coarsen(published - dt.timedelta(days=_PAST_DAYS[unit]), published)
    offsets = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1}
    if len(lead) != 1 or next(iter(lead)) not in offsets:
        return None
    offset = offsets[next(iter(lead))]
    start, end = _unit_bounds(unit, published, offset)
    if "earlier" in words and offset == 0:
        end = min(end, published)
    return _coarsen(start, end)


def _default_lead(unit: str, published: dt.date, future: bool) -> str:
    """ "the weekend" in a weekday story is the one just past (or the coming one, if future)."""
    if unit != "weekend" or published.weekday() >= 5:
        return "this"
    return "this" if future else "last"


def _unit_bounds(unit: str, base: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar day/week/month/year `offset` units from `base`."""
    if unit == "day":
        day = base + dt.timedelta(days=offset)
        return day, day
    if unit == "weekend":
        saturday = base - dt.timedelta(days=base.weekday() - 5) + dt.timedelta(weeks=offset)
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + offset, 12)
        return dt.date(year, month + 1, 1), _month_end(year, month + 1)
    return dt.date(base.year + offset, 1, 1), dt.date(base.year + offset, 12, 31)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _coarsen(start: dt.date, end: dt.date) -> PartialDate | None:
    """The finest PartialDate containing every day from `start` to `end`."""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return PartialDate(start.year, start.month)
    return PartialDate(start.year) if start.year == end.year else None


def _ago(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """ "two years ago", "three days ago", "a month ago"."""
    if published is None or len(words) != 3 or words[2] != "ago":
        return None
    count = int(words[0]) if words[0].isdigit() else NUMBER_WORDS.get(words[0], -1)
    unit = words[1].rstrip("s")
    if count < 0 or unit not in SPAN_UNITS or count * _PAST_DAYS[unit] > _MAX_AGO_DAYS:
        return None
    if unit == "year":
        return PartialDate(published.year - count)
    if unit == "day":
        return _day(published - dt.timedelta(days=count))
    if unit == "month":
        start, end = _unit_bounds("month", published, -count)
        return _coarsen(start, end)
    middle = published - dt.timedelta(weeks=count)
    return _coarsen(middle - dt.timedelta(days=3), middle + dt.timedelta(days=3))


def _named_month(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """ "last November", "next March", "this June": the month named, before, after or in the
    year of publication."""
    if published is None or len(words) != 2 or words[0] not in {"last", "next", "this"}:
        return None
    month = MONTH_ABBREVIATIONS.get(words[1][:3]) if _is_month(words[1]) else None
    if month is None:
        return None
    year = published.year
    if words[0] == "last" and month >= published.month:
        year -= 1
    elif words[0] == "next" and month <= published.month:
        year += 1
    return _checked(year, month, None)


def _absolute(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """Month names, days and years: "4 March", "March 26", "26 March 2018", "in 2014"."""
    iso = _ISO.match(words[0]) if len(words) == 1 else None
    if iso:
        y, m, d = iso.groups()
        return _checked(int(y), int(m), int(d) if d else None)  # "2018-13-45" is no date
    core = [w for w in words if w not in SEASON_WORDS]
    month = _only([MONTH_ABBREVIATIONS.get(w[:3]) for w in core if _is_month(w)])
    year = _only([int(w) for w in core if YEAR_RE.match(w)])
    day = _only([int(m.group(1)) for w in core if (m := DAY_RE.match(w)) and int(m.group(1)) <= 31])
    known = sum(x is not None for x in (month, year, day))
    if -1 in (month, year, day):
        return None
    if known == 0 or known != len(core) or (day is not None and month is None):
        return None
    if year is None and (published is None or month is None):
        return None
    if year is None:
        year = _infer_year(month, day, published, future)
    return _checked(year, month, day)


def _is_month(word: str) -> bool:
    return word in MONTHS or (word in MONTH_ABBREVIATIONS and word != "may") or word == "sept."


def _only(values: Sequence[int | None]) -> int | None:
    """The single value found, or None when there is none; several make the phrase ambiguous."""
    found = [v for v in values if v is not None]
    return found[0] if len(found) == 1 else (None if not found else -1)


def _infer_year(month: int, day: int | None, published: dt.date, future: bool) -> int:
    """The year that puts a month (and day) nearest publication on the side the tense points."""
    candidate = dt.date(published.year, month, min(day or 1, 28))
    if future:
        ahead = (month, day or 31) < (published.month, published.day)
        return published.year + 1 if ahead else published.year
    # A week of slack: datelines and time zones put "on 28 March" in a story of 27 March.
    return published.year - 1 if candidate > published + dt.timedelta(days=7) else published.year


def _checked(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if -1 in (year, month, day):
        return None
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _dateparser(text: str, published: dt.date | None, future: bool) -> PartialDate | None:
    """Last resort for absolute forms we do not spell out ("the 4th of March, 2018", "4/3/2018")."""
    lowered = text.lower()
    if not (_NUMERIC_DATE.search(lowered) or any(_is_month(w) for w in _words(text))):
        return None
    if published is None and not re.search(r"\b(1[89]|20)\d\d\b", lowered):
        return None
    data = _parser(published, future).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    found = data.date_obj.date()
    month = found.month if data.period != "year" else None
    return PartialDate(found.year, month, found.day if data.period == "day" else None)


@lru_cache(maxsize=64)
def _parser(published: dt.date | None, future: bool) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if future else "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)
