"""Counts in text: "more than 130 envoys", "two dozen", "40 million pounds", "seven diplomats".

Qualifier choices: about/around/roughly/approximately/some/an estimated -> "about";
more than/over/just over -> "more_than"; fewer than/less than/under/nearly/almost ->
"less_than" (nearly 100 means below 100); at least/no fewer than/or more -> "at_least";
up to/as many as/at most -> "up_to". Vague plurals ("dozens", "hundreds") and ranges
("20 to 30", "two or three") give no count: a guessed number would look exact downstream.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from riftwatch.types import Quantity, Sentence, Token

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SMALL_NUMBERS: dict[str, int] = {w: n for n, w in enumerate(_ONES)} | {
    w: 20 + 10 * n for n, w in enumerate(_TENS)
}
# "hundred" and "dozen" multiply the running group; the scales close a group.
GROUP_MULTIPLIERS: dict[str, int] = {"hundred": 100, "dozen": 12}
SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12,
}  # fmt: skip
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("more", "than"): "more_than", ("over",): "more_than", ("just", "over"): "more_than",
    ("upwards", "of"): "more_than", ("in", "excess", "of"): "more_than",
    ("fewer", "than"): "less_than", ("less", "than"): "less_than", ("under",): "less_than",
    ("just", "under"): "less_than", ("nearly",): "less_than", ("almost",): "less_than",
    ("about",): "about", ("around",): "about", ("roughly",): "about", ("some",): "about",
    ("approximately",): "about", ("approx",): "about", ("an", "estimated"): "about",
    ("estimated",): "about", ("circa",): "about", ("close", "to"): "about",
    ("at", "least"): "at_least", ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least", ("up", "to"): "up_to", ("as", "many", "as"): "up_to",
    ("at", "most"): "up_to", ("no", "more", "than"): "up_to",
}  # fmt: skip
TRAILING_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least",
    ("or", "so"): "about",
    ("plus",): "at_least",
}
# Words that may precede a number without changing it.
NEUTRAL_WORDS = frozenset(
    "the all a an another further additional only just exactly total of each its their".split()
)
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
}  # fmt: skip
CURRENCY_NOUNS: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "rouble": "RUB", "ruble": "RUB", "yen": "JPY", "rupee": "INR", "hryvnia": "UAH",
}  # fmt: skip
# Units that mark a sum of money; callers may keep such counts apart from head counts.
MONEY_UNITS = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_NOUNS.values())
# Nouns whose count measures time, not how many things the action concerned.
TIME_NOUNS = frozenset(
    "second minute hour day night week weekend fortnight month year decade century "
    "millennium time percent per cent point degree".split()
)
NON_COUNT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})
# Heads of "a total of 60 diplomats", "a group of 12 activists": the count sits on the "of" noun.
CONTAINER_NOUNS = frozenset("total group number batch contingent team further".split())
_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_DIGIT_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$")


def parse_number(words: Sequence[str]) -> tuple[float, str] | None:
    """Value and qualifier of a number phrase: ["more", "than", "130"] -> (130.0, "more_than")."""
    tokens = _normalise(words)
    qualifier, tokens = _take_qualifier(tokens)
    tail, tokens = _take_trailing(tokens)
    while tokens and tokens[0] in NEUTRAL_WORDS and not _is_a_multiplier(tokens):
        tokens = tokens[1:]
    value = _words_to_value(tokens)
    if value is None or not math.isfinite(value):  # 400 digits overflow to inf: no count (#9)
        return None
    return float(value), tail or qualifier


def _normalise(words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        for part in re.split(r"(?<=[a-z])-(?=[a-z])", word.lower().strip()):
            part = part.strip()
            for symbol in CURRENCY_SYMBOLS:
                if part.startswith(symbol) and part != symbol:
                    part = part[len(symbol) :]
            if part and part not in CURRENCY_SYMBOLS and part != ",":
                out.append(part)
    return out


def _take_qualifier(tokens: list[str]) -> tuple[str, list[str]]:
    for size in (3, 2, 1):
        if tuple(tokens[:size]) in QUALIFIERS:
            return QUALIFIERS[tuple(tokens[:size])], tokens[size:]
    return "exact", tokens


def _take_trailing(tokens: list[str]) -> tuple[str, list[str]]:
    for size in (2, 1):
        if len(tokens) > size and tuple(tokens[-size:]) in TRAILING_QUALIFIERS:
            return TRAILING_QUALIFIERS[tuple(tokens[-size:])], tokens[:-size]
    return "", tokens


def _is_a_multiplier(tokens: list[str]) -> bool:
    """ "a dozen", "a hundred", "a million": the article means one."""
    return (
        tokens[0] in ("a", "an")
        and len(tokens) > 1
        and (tokens[1] in GROUP_MULTIPLIERS or tokens[1] in SCALES)
    )


def _words_to_value(tokens: list[str]) -> float | None:
    """Add number words group by group; None on anything that is not part of a number."""
    if not tokens or (len(tokens) == 1 and tokens[0] in ("a", "an")):
        return None
    total, group, seen = 0.0, 0.0, False
    for index, word in enumerate(tokens):
        if word == "-" and _hyphen_joins_words(tokens, index):
            continue
        step = _apply_word(word, group, total, first=index == 0)
        if step is None:
            return None
        group, total = step
        seen = seen or word not in ("a", "an", "and")
    return total + group if seen else None


def _hyphen_joins_words(tokens: list[str], index: int) -> bool:
    """ "forty - eight" is one number; "20 - 30" is a range."""
    before = tokens[index - 1] if index else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return before in _TENS and after in SMALL_NUMBERS and SMALL_NUMBERS[after] < 10


def _apply_word(
    word: str, group: float, total: float, *, first: bool
) -> tuple[float, float] | None:
    if word in ("a", "an"):
        return (group, total) if first else None
    if word == "and":
        return (group, total) if group or total else None
    if word in SMALL_NUMBERS:
        return group + SMALL_NUMBERS[word], total
    if word in GROUP_MULTIPLIERS:
        return (group or 1) * GROUP_MULTIPLIERS[word], total
    if word in SCALES and (group or word in _SCALE_WORDS):
        return 0.0, total + (group or 1) * SCALES[word]
    match = _DIGIT_SCALE.match(word)
    if match and not group:
        return 0.0, total + float(match.group(1)) * SCALES[match.group(2)]
    if _DIGITS.match(word) and not group:
        return float(word.replace(",", "")), total
    return None


def quantity_for(sentence: Sentence, noun: Token) -> Quantity | None:
    """The count modifying `noun` ("more than 130 envoys"), or None."""
    if noun.lemma in TIME_NOUNS or (noun.ent_type in NON_COUNT_ENTS and not _object_number(noun)):
        return None
    if _is_number_token(noun):
        return _bare_number_quantity(sentence, noun)
    number = nummod(sentence, noun)
    if number is None:
        sized = _sized_by(sentence, noun)
        if sized is not None:  # "a 300-strong force" counts the force, "a 6-member team" members
            noun, number = sized if sized[0].lemma == "member" else (noun, sized[1])
    if number is None and _a_single(sentence, noun):
        return Quantity(1.0, "exact", noun.lemma, "a single")
    if number is None or number.ent_type in NON_COUNT_ENTS:
        return None
    chain = _number_chain(sentence, noun, number)
    parsed = _parse_tokens(chain)
    if parsed is None:
        return None
    unit = _currency(chain, noun) or noun.lemma
    return Quantity(parsed[0], parsed[1], unit, _span_text(sentence, chain[0], noun))


# People an action can be counted in: "expelled a diplomat" is one expelled.
_PERSON_NOUNS = frozenset(
    "diplomat envoy ambassador attache consul official officer spy agent journalist reporter "
    "citizen national soldier sailor pilot prisoner hostage activist".split()
)


def _a_single(sentence: Sentence, noun: Token) -> bool:
    """ "a single Russian diplomat", "a lone envoy", "a senior Canadian diplomat": one person."""
    kids = sentence.children(noun)
    if not any(c.dep == "det" and c.lower in ("a", "an") for c in kids):
        return False
    single = any(c.lower in {"single", "lone"} for c in kids)
    return single or (noun.tag == "NN" and noun.lemma in _PERSON_NOUNS)


def _is_number_token(tok: Token) -> bool:
    if tok.lemma in GROUP_MULTIPLIERS or tok.lemma in _SCALE_WORDS:
        return True
    return tok.pos == "NUM" or (tok.like_num and tok.pos not in ("NOUN", "PROPN"))


def nummod(sentence: Sentence, noun: Token) -> Token | None:
    """The nearest number modifier before `noun` (NUM, or "dozen" in "two dozen")."""
    found = [
        t
        for t in sentence.children(noun)
        if t.i < noun.i
        and (t.dep == "nummod" or (t.dep == "quantmod" and t.like_num))
        and not _model_number(sentence, t)
    ]
    return found[-1] if found else None


def _model_number(sentence: Sentence, number: Token) -> bool:
    """The "2" of "14 Leopard 2 tanks" names a model, it counts nothing."""
    if number.i == sentence.tokens[0].i:
        return False
    before = sentence.token(number.i - 1)
    return before.pos == "PROPN" and before.text[:1].isupper() and not before.like_num


def _number_chain(sentence: Sentence, noun: Token, number: Token) -> list[Token]:
    """The number's own subtree plus qualifier words hung on the noun ("some", "nearly")."""
    chain = [t for t in sentence.subtree(number) if t.i < noun.i]
    start = chain[0].i
    extra = [
        t
        for t in sentence.children(noun)
        if t.i < start
        and t.dep in ("advmod", "quantmod", "det", "amod")
        and any(t.lower in key for key in QUALIFIERS)
    ]
    for tok in extra:
        chain = [t for t in sentence.subtree(tok) if t.i < start] + chain
    return sorted(chain, key=lambda t: t.i)


def _parse_tokens(chain: Sequence[Token]) -> tuple[float, str] | None:
    """Parse the whole chain; fall back to its qualifier plus numeric words only."""
    parsed = parse_number([t.text for t in chain])
    if parsed is not None:
        return parsed
    # "the first 200 Marines": an ordinal ranks, it does not count
    numeric = [
        t.text
        for t in chain
        if (t.like_num and t.ent_type != "ORDINAL") or t.lower in SCALES or t.lower == "dozen"
    ]
    value = parse_number(numeric)
    if value is None:
        return None
    lead = parse_number([t.text for t in chain if not t.like_num][:3] + numeric)
    return lead if lead is not None else value


def _object_number(tok: Token) -> bool:
    """ "France said it would expel 35, after ...": NER reads a bare object number as a date."""
    return tok.ent_type == "DATE" and tok.dep == "dobj" and tok.text.isdigit() and len(tok.text) < 4


# "a 62-member team", "a 300-strong force": the count sits on the size word.
_SIZE_WORDS = frozenset({"member", "strong", "man", "person"})


def _sized_by(sentence: Sentence, noun: Token) -> tuple[Token, Token] | None:
    for size in sentence.children(noun):
        if size.i < noun.i and size.lemma in _SIZE_WORDS and size.dep in _SIZE_DEPS:
            number = nummod(sentence, size) or next(
                (c for c in sentence.children(size) if c.dep == "npadvmod" and c.like_num), None
            )
            if number is not None:
                return size, number
    return None


_SIZE_DEPS = frozenset({"nmod", "compound", "amod"})


def _bare_number_quantity(sentence: Sentence, number: Token) -> Quantity | None:
    """A number standing for its noun: "expel three", "$5 billion", "60 of its diplomats"."""
    if number.ent_type in NON_COUNT_ENTS and not _object_number(number):
        return None
    chain = [t for t in sentence.subtree(number) if t.i <= number.i]
    parsed = _parse_tokens(chain)
    if parsed is None:
        return None
    unit = _currency(chain, number) or _of_noun_lemma(sentence, number)
    return Quantity(parsed[0], parsed[1], unit, _span_text(sentence, chain[0], chain[-1]))


def _of_noun_lemma(sentence: Sentence, head: Token) -> str:
    for prep in sentence.children(head):
        if prep.dep == "prep" and prep.lower == "of":
            objects = [t for t in sentence.children(prep) if t.dep == "pobj"]
            if objects:
                return objects[0].lemma
    return ""


def _currency(chain: Sequence[Token], noun: Token) -> str:
    """ISO code when the count is money: "$5 billion" -> USD, "40 million pounds" -> GBP."""
    for tok in chain:
        if tok.lower in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[tok.lower]
    if noun.lemma in CURRENCY_NOUNS:
        return CURRENCY_NOUNS[noun.lemma]
    # "pound" is also a weight; only NER's MONEY label makes it sterling.
    if noun.lemma == "pound" and noun.ent_type == "MONEY":
        return "GBP"
    return ""


def _span_text(sentence: Sentence, first: Token, last: Token) -> str:
    """The sentence text from `first` to `last`, inclusive."""
    offset = sentence.start
    return sentence.text[first.start - offset : last.end - offset]
