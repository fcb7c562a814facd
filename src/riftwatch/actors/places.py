"""Tell a place from an actor: "talks in Moscow" names where, "Moscow said" names who.

A capital or seat of power inside a locative phrase ("in Kyiv", "at the Kremlin"), after a verb
of motion ("fled Kabul", "flew to Beijing") or naming a thing ("the Oval Office meeting") is a
place. A state's own name stays an actor in those positions ("air strikes in Yemen" hit Yemen),
unless it follows a city as its region ("Atlanta, Georgia"). An adjective of nationality on a
thing rather than on people or their assets ("Russian oil", "the Ukrainian border") is not an
actor either.
"""

from __future__ import annotations

from collections.abc import Sequence

from riftwatch.types import ActorKind, ActorMention, Sentence, Token
from riftwatch.wordlists import words

_LOCATIVE = words("locative-prepositions")
_MOTION_VERBS = words("motion-verbs")
_THING_NOUNS = words("thing-nouns")
_PEOPLE_NOUNS = words("people-nouns") | words("office-holder-nouns")
_OF_PLACE_NOUNS = words("of-place-nouns")
_RULING_NOUNS = words("ruling-nouns")
_FUNCTION_DEPS = frozenset({"det", "case", "punct"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_DIRECTIONS = frozenset({"to", "into", "from", "toward", "towards"})


def is_place(
    sentence: Sentence, mention: ActorMention, others: Sequence[ActorMention] = ()
) -> bool:
    """True when `mention` names a place or a thing of a country, not an actor.

    `others` are the sentence's other mentions: a city that is itself an actor ("France,
    Germany") does not make the next name its region.
    """
    if mention.kind not in (ActorKind.STATE, ActorKind.BLOC):
        return False
    if mention.sector and not mention.seat:
        return False
    head = _head(sentence, mention)
    if head.dep in _MODIFIER_DEPS and head.head != head.i:
        return _names_thing(sentence, head, mention.seat)
    if not mention.seat:
        return _after_city(sentence, mention, others)
    return _located(sentence, head)


def _head(sentence: Sentence, mention: ActorMention) -> Token:
    """The mention's syntactic head: the token whose head lies outside the mention."""
    inside = range(mention.token_start, mention.token_end)
    for i in inside:
        tok = sentence.token(i)
        if tok.dep not in _FUNCTION_DEPS and (tok.head not in inside or tok.head == tok.i):
            return tok
    return sentence.token(mention.token_end - 1)


def _names_thing(sentence: Sentence, modifier: Token, seat: bool) -> bool:
    """A modifier of a thing ("Russian oil"); a seat modifies anything but people."""
    noun = sentence.token(modifier.head)
    while noun.dep == "compound" and noun.head != noun.i:
        noun = sentence.token(noun.head)
    if noun.lemma in _THING_NOUNS or noun.lower in _THING_NOUNS:
        return True
    return seat and noun.pos == "NOUN" and noun.lemma not in _PEOPLE_NOUNS


def _located(sentence: Sentence, head: Token) -> bool:
    governor = sentence.token(head.head) if head.head != head.i else head
    if head.dep == "dobj":
        return governor.lemma in _MOTION_VERBS
    if head.dep != "pobj":
        return False
    above = sentence.token(governor.head) if governor.head != governor.i else governor
    if governor.lower in _LOCATIVE:
        before = sentence.token(governor.i - 1) if governor.i > sentence.tokens[0].i else governor
        return not {above.lemma, before.lemma} & _RULING_NOUNS
    if governor.lower == "of":
        before = governor.i - 1
        out_of = before >= sentence.tokens[0].i and sentence.token(before).lower == "out"
        return out_of or above.lemma in _OF_PLACE_NOUNS
    return governor.lower in _DIRECTIONS and above.lemma in _MOTION_VERBS


def _after_city(sentence: Sentence, mention: ActorMention, others: Sequence[ActorMention]) -> bool:
    """'Atlanta, Georgia': a state name right after a city and a comma is its region."""
    comma = mention.token_start - 1
    if comma - 1 < sentence.tokens[0].i or sentence.token(comma).text != ",":
        return False
    city = sentence.token(comma - 1)
    if city.ent_type != "GPE" or city.pos != "PROPN":
        return False
    return not any(o.token_start <= city.i < o.token_end for o in others)


def ethnic_group(sentence: Sentence, mention: ActorMention) -> bool:
    """ "the country's ethnic Vietnamese", "ethnic Albanians in Kosovo": a people, not the state."""
    if mention.kind is not ActorKind.STATE or mention.token_start == 0:
        return False
    before = sentence.token(mention.token_start - 1)
    return before.lower == "ethnic"
