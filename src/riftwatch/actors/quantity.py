"""Counts in front of a group noun: "more than 20 Western states" -> Quantity(20, more_than)."""

from __future__ import annotations

from collections.abc import Sequence

from riftwatch.types import Quantity, Token

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
# Longest first: the qualifier words that may stand before the number.
QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("more", "than"), "more_than"),
    (("over",), "more_than"),
    (("fewer", "than"), "less_than"),
    (("less", "than"), "less_than"),
    (("at", "least"), "at_least"),
    (("up", "to"), "up_to"),
    (("some",), "about"),
    (("about",), "about"),
    (("around",), "about"),
    (("roughly",), "about"),
    (("approximately",), "about"),
    (("nearly",), "about"),
    (("almost",), "about"),
)
_SKIP = frozenset({"other", "more", "further", "additional"})


def number_value(text: str) -> float | None:
    """'20', '1,200', 'twenty', 'dozen' -> value; None when not a number."""
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return NUMBER_WORDS.get(text.lower())


def count_before(tokens: Sequence[Token], pos: int) -> tuple[int, Quantity] | None:
    """The count ending just before tokens[pos]: (local index where it starts, Quantity)."""
    j = pos - 1
    while j >= 0 and tokens[j].lower in _SKIP:
        j -= 1
    if j < 0:
        return None
    value = number_value(tokens[j].text)
    if value is None:
        return None
    first = j
    if tokens[j].lower == "dozen" and j > 0:
        factor = number_value(tokens[j - 1].text)
        if factor is not None or tokens[j - 1].lower == "a":
            value, first = value * (factor or 1), j - 1
    start, qualifier = _qualifier(tokens, first)
    text = " ".join(t.text for t in tokens[start : j + 1])
    unit = tokens[pos].lemma if pos < len(tokens) else ""
    return start, Quantity(value=value, qualifier=qualifier, unit=unit, text=text)


def _qualifier(tokens: Sequence[Token], first: int) -> tuple[int, str]:
    for words, name in QUALIFIERS:
        k = first - len(words)
        if k >= 0 and tuple(t.lower for t in tokens[k:first]) == words:
            return k, name
    return first, "exact"
