"""Properties of the number parser (coding/quantities.py): words and digits agree, qualifiers
are read whatever the number, and no text makes it crash (#9)."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st

from riftwatch.coding.quantities import (
    GROUP_MULTIPLIERS,
    QUALIFIERS,
    SCALES,
    SMALL_NUMBERS,
    TRAILING_QUALIFIERS,
    parse_number,
)
from tests.property.profile import PROPERTY

ONES = [w for w, n in SMALL_NUMBERS.items() if n < 20]
TENS = {n: w for w, n in SMALL_NUMBERS.items() if n >= 20}
QUALIFIER_NAMES = set(QUALIFIERS.values()) | set(TRAILING_QUALIFIERS.values()) | {"exact"}
# Words the parser knows, so that generated phrases reach its deeper branches.
VOCABULARY = sorted(
    set(SMALL_NUMBERS)
    | set(GROUP_MULTIPLIERS)
    | set(SCALES)
    | {w for key in QUALIFIERS for w in key}
    | {w for key in TRAILING_QUALIFIERS for w in key}
    | {"a", "an", "and", "-", ",", "the", "$", "£", "1,000", "2.5", "5bn", "40m", "0"}
)
numbers = st.integers(min_value=0, max_value=999_999_999)


def in_words(n: int, *, hyphen: bool = True, use_and: bool = True) -> str:
    """English words for `n` < 10**9: 48 -> "forty-eight", 1203 -> "one thousand two hundred
    and three"."""
    if n == 0:
        return "zero"
    parts = []
    for scale, name in ((10**6, "million"), (10**3, "thousand"), (1, "")):
        group, n = divmod(n, scale)
        if group:
            parts.append(_group_words(group, hyphen=hyphen, use_and=use_and) + f" {name}")
    return " ".join(parts).strip()


def _group_words(n: int, *, hyphen: bool, use_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest and hundreds and use_and:
        words.append("and")
    if 0 < rest < 20:
        words.append(ONES[rest])
    elif rest:
        tens, ones = divmod(rest, 10)
        joiner = "-" if hyphen else " "
        words.append(TENS[10 * tens] + (joiner + ONES[ones] if ones else ""))
    return " ".join(words)


@PROPERTY
@given(numbers, st.booleans(), st.booleans())
@example(48, True, True)  # "forty-eight", as the issue puts it
def test_number_words_and_digits_give_the_same_value(n: int, hyphen: bool, use_and: bool) -> None:
    words = in_words(n, hyphen=hyphen, use_and=use_and)
    assert parse_number(words.split()) == (float(n), "exact")
    assert parse_number([str(n)]) == (float(n), "exact")
    assert parse_number([f"{n:,}"]) == (float(n), "exact")


@PROPERTY
@given(numbers)
def test_a_hyphen_tokenised_apart_still_joins_tens_and_ones(n: int) -> None:
    # spaCy splits "forty-eight" into "forty", "-", "eight".
    words = in_words(n).replace("-", " - ").split()
    assert parse_number(words) == (float(n), "exact")


@PROPERTY
@given(st.sampled_from(sorted(QUALIFIERS)), numbers, st.booleans())
@example(("more", "than"), 130, False)
def test_a_leading_qualifier_is_read_whatever_the_number(
    qualifier: tuple[str, ...], n: int, as_words: bool
) -> None:
    number = in_words(n).split() if as_words else [str(n)]
    assert parse_number([*qualifier, *number]) == (float(n), QUALIFIERS[qualifier])


@PROPERTY
@given(st.sampled_from(sorted(TRAILING_QUALIFIERS)), numbers)
def test_a_trailing_qualifier_is_read_whatever_the_number(
    qualifier: tuple[str, ...], n: int
) -> None:
    assert parse_number([str(n), *qualifier]) == (float(n), TRAILING_QUALIFIERS[qualifier])


@PROPERTY
@given(st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=12), max_size=8))
@example(["9" * 400])  # a float overflow: no finite count
@example(["1" * 400, "billion"])
def test_no_words_make_it_crash_and_any_value_is_a_count(words: list[str]) -> None:
    parsed = parse_number(words)
    if parsed is not None:
        value, qualifier = parsed
        assert math.isfinite(value) and value >= 0
        assert qualifier in QUALIFIER_NAMES
