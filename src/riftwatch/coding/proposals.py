"""Proposals answered: "India rejected Trump's offer to mediate", "Burundi rejected an African
Union plan to send 5,000 peacekeepers", "defying appeals from the United States": the proposal
was made, by its maker, to whoever answers it, whatever the answer was."""

from __future__ import annotations

from dataclasses import dataclass

from riftwatch.coding.phrases import MentionIndex, actors_in, child_of, is_venue_modifier
from riftwatch.types import ActorMention, Sentence, Token
from riftwatch.wordlists import pairs, words

RULE = "proposals:answered"
_ANSWERING = words("answering-verbs")
_CODES = {noun: code for code, nouns in pairs("proposal-codes").items() for noun in nouns}
_MAKER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})


@dataclass(frozen=True, slots=True)
class Proposal:
    noun: Token
    answer: Token  # the verb that answers it: rejected, approved, defied ...
    code: str
    makers: tuple[ActorMention, ...]
    act: Token | None  # what it proposes: "a plan to send 5,000 peacekeepers" -> send


def answered_proposal(sentence: Sentence, noun: Token, index: MentionIndex) -> Proposal | None:
    """The proposal `noun` names, when a verb answers it and its maker is named."""
    code = _CODES.get(noun.lemma)
    if code is None or noun.pos != "NOUN":
        return None
    answer = _answering_verb(sentence, noun)
    makers = _makers(sentence, noun, index) if answer is not None else []
    if answer is None or not makers:
        return None
    act = child_of(sentence, noun, ("acl",))
    return Proposal(noun, answer, code, tuple(makers), act)


def _answering_verb(sentence: Sentence, noun: Token) -> Token | None:
    tok = noun
    while tok.dep == "conj" and tok.head != tok.i:  # "a court order ... and appeals from"
        tok = sentence.token(tok.head)
    if tok.dep != "dobj" or tok.head == tok.i:
        return None
    verb = sentence.token(tok.head)
    if verb.lemma not in _ANSWERING:
        return None
    if verb.lemma == "turn" and child_of(sentence, verb, ("prt",)) is None:
        return None  # "turned down", not "turned the offer into"
    return verb


def _makers(sentence: Sentence, noun: Token, index: MentionIndex) -> list[ActorMention]:
    """ "Trump's offer", "an Indian offer", "an African Union plan", "appeals from the UN"."""
    for child in sentence.children(noun):
        found = index.at(child) if child.dep in _MAKER_DEPS else None
        if found is not None and not is_venue_modifier(child, noun):
            return [found]
    for child in sentence.children(noun):
        if child.dep == "prep" and child.lower in {"from", "by"}:
            pobj = child_of(sentence, child, ("pobj",))
            if pobj is not None:
                return actors_in(sentence, pobj, index)
    return []
