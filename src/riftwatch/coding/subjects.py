"""Subjects the parse does not give plainly: the object that does an infinitive ("prompted
Abe to condemn"), the speaker a misjoined verb belongs to, the agent of a passive, the country
a passive expulsion was from, the accused of "accusing X of".
"""

from __future__ import annotations

from riftwatch.coding.phrases import MentionIndex, actors_in, child_of, to_infinitive
from riftwatch.types import ActorMention, Sentence, Token
from riftwatch.wordlists import words

_PRONOUNS = words("pronouns")

# Verbs whose object does the infinitive that follows ("prompted Abe to condemn").
_OBJECT_CONTROL = frozenset(
    "prompt force compel lead cause spur drive push press pressure urge ask tell order "
    "persuade encourage invite allow permit enable help".split()
)


def acts_on_itself(
    sentence: Sentence, trigger: Token, found: list[ActorMention], index: MentionIndex
) -> bool:
    """ "demanded that Britain hand back the islands, accusing London of ...": a participle
    hung on a reported clause whose subject is its own object belongs to the main clause."""
    if trigger.tag != "VBG" or trigger.dep != "advcl" or trigger.head == trigger.i:
        return False
    if sentence.token(trigger.head).dep != "ccomp":
        return False
    obj = child_of(sentence, trigger, ("dobj",))
    objects = {m.code for m in actors_in(sentence, obj, index)} if obj is not None else set()
    return bool(objects) and {m.code for m in found} <= objects


def controller(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The object of "prompted", "urged", "forced" that does the infinitive below it."""
    if verb.dep not in {"xcomp", "ccomp"} or verb.head == verb.i:
        return []
    if not to_infinitive(sentence, verb):
        return []  # "told the Senate that genocide had been committed" is no control
    head = sentence.token(verb.head)
    if head.lemma not in _OBJECT_CONTROL:
        return []
    obj = child_of(sentence, head, ("dobj",))
    return actors_in(sentence, obj, index) if obj is not None and obj.i < verb.i else []


def misjoined_conj(sentence: Sentence, trigger: Token, clause: Token, index: MentionIndex) -> bool:
    """ "Japan said the missiles had landed in its zone and lodged a protest": the parser joins
    "lodged" to the reported "had landed", but a plain past verb cannot share its "had", nor
    can missiles lodge protests; it continues the speech verb's clause."""
    if trigger.dep != "conj" or trigger.head != clause.i or clause.dep != "ccomp":
        return False
    perfect = any(c.dep == "aux" and c.lemma == "have" for c in sentence.children(clause))
    subject = child_of(sentence, clause, ("nsubj",))
    things = subject is not None and subject.lower not in _PRONOUNS
    things = things and not actors_in(sentence, subject, index)
    return trigger.tag == "VBD" and (perfect or things)


def left_country(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """ "Two diplomats were expelled from Bulgaria", "were ordered to leave Bulgaria": with no
    agent named, the country they must leave did it."""
    for child in sentence.children(verb):
        if child.dep == "prep" and child.lower == "from":
            pobj = child_of(sentence, child, ("pobj",))
            if pobj is not None:
                return actors_in(sentence, pobj, index)
        if child.dep == "xcomp" and child.lemma == "leave":
            obj = child_of(sentence, child, ("dobj",))
            if obj is not None:
                return actors_in(sentence, obj, index)
    return []


def place_of(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """ "Fujimori was arrested on arrival in Santiago": with no agent named, the state where
    it happened ("in" a place, under the verb or one phrase below it) did it."""
    phrases = [c for c in sentence.children(verb) if c.dep == "prep"]
    for prep in phrases + [
        k for p in phrases for o in sentence.children(p) for k in sentence.children(o)
    ]:
        pobj = child_of(sentence, prep, ("pobj",)) if prep.lower == "in" else None
        found = actors_in(sentence, pobj, index) if pobj is not None else []
        if found:
            return found
    return []


def accused_object(sentence: Sentence, gerund: Token, index: MentionIndex) -> list[ActorMention]:
    """ "condemned France for carrying out a test", "accused Iran of plotting": the one blamed
    does the act in the gerund, not the one who blames."""
    prep = sentence.token(gerund.head)
    if prep.lower not in {"for", "of", "over"} or prep.head == prep.i:
        return []
    obj = child_of(sentence, sentence.token(prep.head), ("dobj",))
    return actors_in(sentence, obj, index) if obj is not None else []


def agent_actors(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The "by" agent of a passive, also one that two joined verbs share: "were fired on and
    seized by Russian border guards"."""
    joined = [c for c in sentence.children(verb) if c.dep == "conj"]
    if verb.dep == "conj" and verb.head != verb.i:
        joined.append(sentence.token(verb.head))
    for holder in [verb, *joined]:
        for child in sentence.children(holder):
            pobj = child_of(sentence, child, ("pobj",)) if child.dep == "agent" else None
            if pobj is not None:
                return actors_in(sentence, pobj, index)
    return []
