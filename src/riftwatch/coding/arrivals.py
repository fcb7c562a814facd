"""Arrivals that deliver aid: "a Japanese rescue team arrived in Sichuan", "the first aid
flights from New Zealand landed in Tonga, carrying water" provide aid (070); investigators
arriving investigate ("a team of 18 Russian investigators arrived in Ankara", 090); a leader
arriving is a visit (042)."""

from __future__ import annotations

from riftwatch.types import Sentence, Token
from riftwatch.wordlists import words

_BEARERS = words("aid-bearer-nouns")
_AID_WORDS = words("aid-words")
_ARRIVING = frozenset({"arrive", "land", "reach", "visit"})
_INVESTIGATORS = words("investigator-nouns")
PROVIDE_AID = "070"
INVESTIGATE = "090"


def aid_arrival(sentence: Sentence, trigger: Token) -> bool:
    """The trigger is an arrival whose subject is a team, flight or convoy bringing aid."""
    subject = _arriving(sentence, trigger)
    if subject is None or subject.lemma.lower() not in _BEARERS:
        return False
    said = {t.lemma.lower() for t in sentence.subtree(trigger)}
    return bool(said & _AID_WORDS)


def investigators_arrival(sentence: Sentence, trigger: Token) -> bool:
    """The trigger is an arrival of investigators or inspectors, or of a team of them."""
    subject = _arriving(sentence, trigger)
    if subject is None:
        return False
    heads = [subject] + [
        o
        for p in sentence.children(subject)
        if p.lower == "of"
        for o in sentence.children(p)
        if o.dep == "pobj"
    ]
    return any(h.lemma.lower() in _INVESTIGATORS for h in heads)


def _arriving(sentence: Sentence, trigger: Token) -> Token | None:
    """Who or what arrives, when the trigger is an arrival."""
    if trigger.lemma not in _ARRIVING:
        return None
    subject = next((c for c in sentence.children(trigger) if c.dep == "nsubj"), None)
    if subject is None and trigger.dep in {"advcl", "conj", "xcomp"} and trigger.head != trigger.i:
        # "inspectors carried out their first inspections, visiting two sites"
        head = sentence.token(trigger.head)
        subject = next((c for c in sentence.children(head) if c.dep == "nsubj"), None)
    return subject
