"""Publication dates written near the top of plain-text articles."""

from __future__ import annotations

import datetime as dt
import re

from riftwatch.errors import RecordError

_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATE_HEADER = re.compile(r"^\s*(?:date|published|dateline)\s*:\s*(?P<value>.+?)\s*$", re.I)
# A header value shaped like an ISO date; one that names no real day ("2018-02-30", year 99999)
# is an error in the file to report, not a date to leave out silently.
_ISO_SHAPED = re.compile(r"(\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?")
HEADER_LINES = 5


def parse_iso_date(value: str) -> dt.date | None:
    """An ISO date or datetime string ('2018-03-27', '2018-03-27T10:00:00Z') as a date."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def header_date(text: str, origin: str, max_lines: int = HEADER_LINES) -> dt.date | None:
    """A `Date: ...` header or an ISO date in the first `max_lines` non-empty lines; raises
    RecordError naming `origin` for a header that states an ISO date that does not exist."""
    for line in _leading_lines(text, max_lines):
        match = _DATE_HEADER.match(line)
        if match and (found := _parse_header_value(match["value"], origin)):
            return found
        if found := _first_iso_date(line):
            return found
    return None


def is_date_line(line: str) -> bool:
    """True for a line that is only a date header or an ISO date, which is not a title."""
    stripped = line.strip()
    return bool(_DATE_HEADER.match(stripped)) or parse_iso_date(stripped) is not None


def _leading_lines(text: str, max_lines: int) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            lines.append(line)
            if len(lines) == max_lines:
                break
    return lines


def _first_iso_date(line: str) -> dt.date | None:
    for match in _ISO_DATE.finditer(line):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def _parse_header_value(value: str, origin: str) -> dt.date | None:
    if iso := _ISO_SHAPED.fullmatch(value):
        # Not for dateparser, which reads "2018-13-01" as 13 January rather than refuse it.
        return _real_date(iso, value, origin)
    if found := _first_iso_date(value) or parse_iso_date(value):
        return found
    # dateparser is slow to import; only pay for it when a header is not in ISO form.
    import dateparser

    parsed = dateparser.parse(
        value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def _real_date(iso: re.Match[str], value: str, origin: str) -> dt.date:
    try:
        return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    except (ValueError, OverflowError):  # a year of 100 digits overflows (found by atheris, #9)
        raise RecordError(
            origin, f"invalid date {value!r} in a date header (expected YYYY-MM-DD)"
        ) from None
