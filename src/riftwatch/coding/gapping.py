"""Gapped coordination: "Washington expelled 60 and Ukraine 13" states two expulsions.

The parser reads the second state as one more object of the verb. A state (or a list of
states) in the object's coordination followed by a number of its own is instead a new subject
doing the same act that many times: "Germany expelled four, the Czech Republic and Lithuania
three each, and the Netherlands two".
"""

from __future__ import annotations

from dataclasses import dataclass

from riftwatch.coding.quantities import parse_number
from riftwatch.coding.roles import MentionIndex
from riftwatch.types import ActorKind, ActorMention, Quantity, Sentence, Token

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
# Where the parser hangs the gapped list or its number besides conj: a bare noun phrase on
# the verb ("..., the Czech Republic and Lithuania three each") or an apposition ("Macedonia
# one").
_LIST_DEPS = frozenset({"npadvmod"})
_NUMBER_DEPS = frozenset({"nummod", "appos"})


@dataclass(frozen=True, slots=True)
class GappedGroup:
    """States that do the trigger's act with their own count."""

    sources: tuple[ActorMention, ...]
    count: Quantity


def gapped_groups(sentence: Sentence, trigger: Token, index: MentionIndex) -> list[GappedGroup]:
    """The groups of states after the trigger's object that carry their own number."""
    objects = [c for c in sentence.children(trigger) if c.dep in _OBJECT_DEPS]
    if not objects:
        return []
    objects += [c for c in sentence.children(trigger) if c.dep in _LIST_DEPS and c.i > objects[0].i]
    # The parser may also hang the gapped list on the verb as a second object.
    chain = sorted({t for obj in objects for t in _coordination(sentence, obj)}, key=lambda t: t.i)
    groups: list[GappedGroup] = []
    pending: list[ActorMention] = []
    for tok in chain[1:]:
        mention = index.at(tok)
        number = _number(sentence, tok) if mention is None or _has_count(sentence, tok) else None
        if mention is not None and _is_state(mention) and mention not in pending:
            pending.append(mention)
        if number is not None and pending:
            groups.append(GappedGroup(tuple(pending), number))
            pending = []
    return groups


def _coordination(sentence: Sentence, head: Token) -> list[Token]:
    """`head` and its conjuncts, in text order."""
    found = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in sentence.children(tok):
            if child.dep == "conj":
                found.append(child)
                stack.append(child)
    return sorted(found, key=lambda t: t.i)


def _has_count(sentence: Sentence, tok: Token) -> bool:
    return any(c.dep in _NUMBER_DEPS and c.like_num for c in sentence.children(tok))


def _number(sentence: Sentence, tok: Token) -> Quantity | None:
    """The number a conjunct is ("three") or carries ("Ukraine 13")."""
    candidates = [tok] if tok.like_num else []
    candidates += [c for c in sentence.children(tok) if c.dep in _NUMBER_DEPS and c.like_num]
    for cand in candidates:
        parsed = parse_number([cand.text])
        if parsed is not None:
            return Quantity(parsed[0], parsed[1], "", cand.text)
    return None


def _is_state(mention: ActorMention) -> bool:
    return mention.kind in (ActorKind.STATE, ActorKind.IGO) and not mention.sector
