"""Wire-story datelines: "LONDON - ..." names where the story is filed, not an actor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from riftwatch.actors.lexicon import ActorLexicon

_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3})"
    r"(?:\s*,\s*(?P<country>[A-Za-z.' ]{2,30}?))?\s*(?:\([^)]{1,30}\))?\s*[-–—]+\s+"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    end: int  # character offset just after the dash
    city: str
    code: str | None  # the state the city belongs to, when the lexicon knows it


def find_dateline(text: str, lexicon: ActorLexicon) -> Dateline | None:
    """The dateline at the start of `text`, with the city's state if known."""
    match = _DATELINE.match(text)
    if not match:
        return None
    city = match.group("city")
    # a capital, or a large city the lexicon keeps as a place of its state ("LAGOS")
    codes = [e.code for e in lexicon.lookup(city.lower()) if e.kind in {"state", "place"}]
    codes = [code for code in codes if code]
    country = match.group("country")
    if not codes and country:  # "KHABARI CROSSING, Kuwait -"
        codes = [e.code for e in lexicon.lookup(country.lower()) if e.kind == "state"]
    return Dateline(end=match.end(), city=city, code=codes[0] if codes else None)
