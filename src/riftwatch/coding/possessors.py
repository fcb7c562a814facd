"""Whose: the state a possessive pronoun in an act's object stands for.

"Costa Rica says Nicaraguan troops have occupied part of its territory": "its" is not the
occupier's, it is the speaker's: the subject of the nearest verb above the act that names
an actor other than the act's own source.
"""

from __future__ import annotations

from collections.abc import Sequence

from riftwatch.coding.phrases import MentionIndex, subjects_above
from riftwatch.types import ActorMention, Sentence, Token

_POSSESSIVES = frozenset({"its", "their"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "poss", "compound", "amod", "nmod"})


def pronoun_owner(
    sentence: Sentence, trigger: Token, index: MentionIndex, sources: Sequence[ActorMention]
) -> tuple[tuple[ActorMention, ...], str]:
    """The owner of "its"/"their" in what `trigger` is done to, when it cannot be the
    source's own: "Nicaraguan troops ... its territory" (troops are plural), not "Russian
    forces during their occupation"."""
    pronoun = _owned_object(sentence, trigger)
    source_codes = {m.code for m in sources}
    plural = len(source_codes) > 1 or any(_plural(sentence, m) for m in sources)
    if pronoun is None or plural == (pronoun == "their"):
        return (), "none"
    found = tuple(subjects_above(sentence, trigger, index, skip=source_codes))
    return (found, "pronoun-owner") if found else ((), "none")


def _owned_object(sentence: Sentence, trigger: Token) -> str | None:
    """ "its" or "their" in the object phrases of `trigger` ("one of its fighters")."""
    objects = [c for c in sentence.children(trigger) if c.dep in {"dobj", "prep"}]
    while objects:
        tok = objects.pop()
        if tok.dep == "poss" and tok.lower in _POSSESSIVES:
            return tok.lower
        objects.extend(c for c in sentence.children(tok) if c.dep in _OBJECT_DEPS)
    return None


def _plural(sentence: Sentence, mention: ActorMention) -> bool:
    """Whether the phrase naming `mention` is plural: "Nicaraguan troops", not "Israel's"."""
    if mention.sentence != sentence.index:
        return False  # named in an earlier sentence ("they" resolved to it): its phrase is gone
    tok = sentence.token(mention.token_end - 1)
    while tok.dep in {"amod", "compound", "nmod"} and tok.head != tok.i:
        tok = sentence.token(tok.head)
    return tok.tag in {"NNS", "NNPS"}
