"""Arrivals that deliver aid: "a Japanese rescue team arrived in Sichuan", "the first aid
flights from New Zealand landed in Tonga, carrying water" provide aid (070); a leader
arriving is a visit (042)."""

from __future__ import annotations

from riftwatch.types import Sentence, Token
from riftwatch.wordlists import words

_BEARERS = words("aid-bearer-nouns")
_AID_WORDS = words("aid-words")
_ARRIVING = frozenset({"arrive", "land", "reach"})
PROVIDE_AID = "070"


def aid_arrival(sentence: Sentence, trigger: Token) -> bool:
    """The trigger is an arrival whose subject is a team, flight or convoy bringing aid."""
    if trigger.lemma not in _ARRIVING:
        return False
    subject = next((c for c in sentence.children(trigger) if c.dep == "nsubj"), None)
    if subject is None or subject.lemma.lower() not in _BEARERS:
        return False
    said = {t.lemma.lower() for t in sentence.subtree(trigger)}
    return bool(said & _AID_WORDS)
