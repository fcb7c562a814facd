"""Tell a place from an actor: "talks in Moscow" names where, "Moscow said" names who.

A state, capital or seat of power inside a locative phrase ("in Kyiv", "at the Kremlin"), after
a verb of motion ("fled to Kabul"), or an adjective of nationality on a thing rather than on
people or their assets ("Russian oil", "the Ukrainian border") is not an actor.
"""

from __future__ import annotations

from riftwatch.types import ActorKind, ActorMention, Sentence, Token
from riftwatch.wordlists import words

_LOCATIVE = words("locative-prepositions")
_MOTION_VERBS = words("motion-verbs")
_THING_NOUNS = words("thing-nouns")


def is_place(sentence: Sentence, mention: ActorMention) -> bool:
    """True when `mention` names a place or a thing of a country, not an actor."""
    if mention.kind not in (ActorKind.STATE, ActorKind.BLOC) or mention.sector:
        return False
    head = _head(sentence, mention)
    if head.dep == "amod" or (head.dep == "compound" and head.head != head.i):
        return sentence.token(head.head).lemma in _THING_NOUNS
    return head.dep == "pobj" and _locative(sentence, sentence.token(head.head))


def _head(sentence: Sentence, mention: ActorMention) -> Token:
    """The mention's syntactic head: the token whose head lies outside the mention."""
    inside = range(mention.token_start, mention.token_end)
    for i in inside:
        tok = sentence.token(i)
        if tok.head not in inside or tok.head == tok.i:
            return tok
    return sentence.token(mention.token_end - 1)


def _locative(sentence: Sentence, prep: Token) -> bool:
    if prep.lower in _LOCATIVE:
        return True
    verb = sentence.token(prep.head) if prep.head != prep.i else prep
    return prep.lower in {"to", "into"} and verb.lemma in _MOTION_VERBS
