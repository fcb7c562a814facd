"""What an action counts: its object's count ("expelled seven diplomats"), summed over
coordinated objects ("seven oligarchs and 17 officials"), and the dead of an attack."""

from __future__ import annotations

from collections.abc import Sequence

from riftwatch.coding.phrases import object_gap, own_subject, passive_relative
from riftwatch.coding.quantities import CONTAINER_NOUNS, nummod, quantity_for
from riftwatch.types import Quantity, Sentence, Token


def count_for_action(
    sentence: Sentence, trigger: Token, object_token: Token | None
) -> Quantity | None:
    """The count of what the action `trigger` is about: "expelled seven diplomats" -> 7."""
    candidates = _object_candidates(sentence, trigger)
    if object_token is not None:
        candidates = [object_token] + [t for t in candidates if t.i != object_token.i]
    for noun in candidates:
        found = _count_of_object(sentence, noun)
        if found is not None:
            return found
    return None


def casualty_count(sentence: Sentence, trigger: Token) -> Quantity | None:
    """The dead of an attack: "attacked two posts, killing 24 soldiers" -> 24; "strikes that
    killed 25 fighters" -> 25."""
    linked = [v for v in sentence.children(trigger) if v.dep in _CASUALTY_LINKS]
    verbs = [v for v in linked if not own_subject(sentence, v)]  # not "after gunmen killed 26"
    if trigger.dep == "nsubj" and trigger.head != trigger.i:
        verbs.append(sentence.token(trigger.head))  # "clashes between ... killed 20 soldiers"
    if trigger.dep == "pobj" and trigger.head != trigger.i:
        prep = sentence.token(trigger.head)  # "99 soldiers were killed in the fighting"
        if prep.lower in {"in", "during"} and prep.head != prep.i:
            verbs.append(sentence.token(prep.head))
    for verb in verbs:
        if verb.lemma in CASUALTY_VERBS:
            for noun in sentence.children(verb):
                if noun.dep in ("dobj", "nsubjpass"):
                    found = _count_of_object(sentence, noun)
                    if found is not None:
                        return found
    return None


CASUALTY_VERBS = frozenset({"kill"})
_CASUALTY_LINKS = frozenset({"advcl", "xcomp", "relcl", "acl", "conj"})


def _object_candidates(sentence: Sentence, trigger: Token) -> list[Token]:
    """Where the counted thing sits for a verb, a passive or a nominal trigger."""
    children = sentence.children(trigger)
    direct = [t for t in children if t.dep in ("dobj", "nsubjpass", "attr", "oprd")]
    if trigger.pos in ("NOUN", "PROPN"):
        direct = [trigger] + _of_objects(sentence, trigger)
    if not direct and trigger.dep == "xcomp" and trigger.head != trigger.i:
        head = sentence.token(trigger.head)
        direct = [t for t in sentence.children(head) if t.dep == "dobj"]
    if not direct and trigger.lemma in SUBJECT_COUNTED_VERBS:
        direct = [t for t in children if t.dep == "nsubj"]
    if object_gap(sentence, trigger) or passive_relative(sentence, trigger) is not None:
        # "24 sailors captured by Russia", "two Mossad agents who were arrested": the noun the
        # clause modifies is what it counts
        direct = [sentence.token(trigger.head)]
    return direct


# Intransitive verbs whose subject is what is counted ("48 people died").
SUBJECT_COUNTED_VERBS = frozenset(
    "die perish drown flee defect surrender starve arrive land".split()
)


def _of_objects(sentence: Sentence, head: Token) -> list[Token]:
    return [
        obj
        for prep in sentence.children(head)
        if prep.dep == "prep" and prep.lower == "of"
        for obj in sentence.children(prep)
        if obj.dep == "pobj"
    ]


def _count_of_object(sentence: Sentence, noun: Token) -> Quantity | None:
    """The noun's count, summed over coordinated counted nouns; "a total of N" looks inside."""
    if noun.lemma in CONTAINER_NOUNS and nummod(sentence, noun) is None:
        inner = _of_objects(sentence, noun)
        if inner:
            return _count_of_object(sentence, inner[0])
    first = quantity_for(sentence, noun)
    if first is None:
        return None
    counted = [first]
    for conj in _conjuncts(sentence, noun):
        extra = quantity_for(sentence, conj)
        if extra is None:
            return first
        counted.append(extra)
    return _sum(counted) if len(counted) > 1 else first


def _conjuncts(sentence: Sentence, noun: Token) -> list[Token]:
    out: list[Token] = []
    frontier = [noun]
    while frontier:
        tok = frontier.pop()
        nxt = [t for t in sentence.children(tok) if t.dep == "conj"]
        out.extend(nxt)
        frontier.extend(nxt)
    return sorted(out, key=lambda t: t.i)


def _sum(parts: Sequence[Quantity]) -> Quantity:
    """ "seven oligarchs and 17 officials" -> 24 (first unit); mixed qualifiers become "about"."""
    qualifiers = {q.qualifier for q in parts}
    qualifier = qualifiers.pop() if len(qualifiers) == 1 else "about"
    text = " + ".join(q.text for q in parts)
    return Quantity(sum(q.value for q in parts), qualifier, parts[0].unit, text)
