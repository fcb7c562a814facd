"""Who did an act told as a noun, when the noun names no author of its own.

"Syria was responsible for a sarin attack", "the group claimed responsibility for the
bombing", "soldiers pressed on with massacres", "the military's operation constituted ethnic
cleansing": the author is the subject of the clause that holds the noun, or the author of the
act the noun is a verdict on.
"""

from __future__ import annotations

from riftwatch.coding.phrases import child_of, to_infinitive
from riftwatch.types import Sentence, Token
from riftwatch.wordlists import words

_RESPONSIBILITY = words("responsibility-words")
_MOTION_VERBS = words("motion-verbs")
_CONVICTING = frozenset({"convict", "find", "declare", "hold", "judge", "sentence"})
_PUNISHING = frozenset({"convict", "sentence", "jail", "imprison"})
_CARRYING_ON = words("carrying-on-verbs")
_DISOWNING = frozenset({"deny", "reject", "disclaim", "disavow", "dispute", "refuse"})
# "X constituted / amounted to genocide": a verdict that the act happened, and what it was.
VERDICT_VERBS = frozenset({"constitute", "amount"})


def responsible_clause(sentence: Sentence, noun: Token) -> Token | None:
    """The verb whose subject did `noun`: "was responsible for", "claimed responsibility for",
    "pressed on with"."""
    prep = _head(sentence, noun) if noun.dep == "pobj" else None
    if prep is None:
        return None
    holder = _head(sentence, prep)
    if holder is None:
        return None
    if prep.lower == "with" and holder.lemma in _CARRYING_ON and holder.pos == "VERB":
        return holder
    if prep.lower != "for" or holder.lemma.lower() not in _RESPONSIBILITY:
        return None
    verb = _head(sentence, holder)
    if verb is None or verb.pos not in {"VERB", "AUX"} or verb.lemma in _DISOWNING:
        return None
    if any(c.dep == "neg" for c in sentence.children(verb)):
        return None  # "was not responsible for"
    return verb if holder.dep in {"acomp", "attr", "dobj"} else None


def convicted_of(sentence: Sentence, noun: Token) -> tuple[Token, Token] | None:
    """ "convicted the former dictator of genocide", "found the leaders guilty of genocide": a
    verdict states the crime happened; (the convicted, the verb whose subject judged)."""
    prep = _head(sentence, noun) if noun.dep == "pobj" else None
    holder = _head(sentence, prep) if prep is not None and prep.lower == "of" else None
    if holder is None:
        return None
    if holder.lemma == "guilty":
        person = _head(sentence, holder)
        verb = _head(sentence, person) if person is not None else None
        if person is not None and person.pos == "VERB":  # "found them guilty" parsed flat
            person, verb = child_of(sentence, person, ("dobj",)), person
    elif holder.pos in {"NOUN", "PROPN"} and holder.dep == "dobj":
        person, verb = holder, _head(sentence, holder)
    else:
        return None
    if person is None or verb is None or verb.lemma not in _CONVICTING:
        return None
    return person, verb


def convicted_for(sentence: Sentence, noun: Token) -> Token | None:
    """ "convicted 23 Americans ... for the 2003 abduction of Abu Omar", "jailed him for the
    killing": whom a verdict punishes for the act (the parser may hang "for" on any word of
    the verb's phrase)."""
    prep = _head(sentence, noun) if noun.dep == "pobj" else None
    if prep is None or prep.lower != "for":
        return None
    tok: Token | None = prep
    for _ in range(5):
        tok = _head(sentence, tok) if tok is not None else None
        if tok is None or tok.pos in {"VERB", "AUX"}:
            break
    if tok is None or tok.lemma not in _PUNISHING:
        return None
    return child_of(sentence, tok, ("dobj", "nsubjpass"))


def occasion_of(sentence: Sentence, noun: Token, *, talks: bool = False) -> Token | None:
    """ "warned Putin during a video call", "soldiers were killed in a clash with Chinese
    troops": the verb whose parties the talk or the fight told as a noun was between; talks
    also "before" or "after" the act ("Speaking before talks with Jordan's King Abdullah,
    Putin called ...": Putin's talks)."""
    prep = _head(sentence, noun) if noun.dep == "pobj" else None
    preps = _OCCASION_PREPS | (_AROUND_PREPS if talks else frozenset())
    if prep is None or prep.lower not in preps:
        return None
    verb = _head(sentence, prep)
    return verb if verb is not None and verb.pos == "VERB" else None


_OCCASION_PREPS = frozenset({"during", "in", "at"})
_AROUND_PREPS = frozenset({"before", "after", "following", "ahead"})


_RESPONDING = frozenset({"respond", "retaliate", "react", "answer", "reply", "hit"})


def response_by(sentence: Sentence, noun: Token) -> Token | None:
    """ "South Korea's military responded with a precision missile strike drill": the verb
    of responding whose means the act told as a noun is."""
    prep = _head(sentence, noun) if noun.dep == "pobj" else None
    if prep is None or prep.lower not in {"with", "by"}:
        return None
    verb = _head(sentence, prep)
    return verb if verb is not None and verb.lemma in _RESPONDING else None


def trip_for(sentence: Sentence, noun: Token) -> Token | None:
    """ "sent its foreign minister to Washington for talks", "flew to Beijing for a summit":
    the trip whose purpose `noun` is; its traveller or sender meets where it goes."""
    prep = _head(sentence, noun) if noun.dep == "pobj" else None
    if prep is None or prep.lower != "for":
        return None
    verb = _head(sentence, prep)
    if verb is None or verb.pos != "VERB" or verb.lemma not in _MOTION_VERBS:
        return None
    if noun.lemma in _MOTION_VERBS or to_infinitive(sentence, verb):
        return None  # "arrived for a visit" is the visit; "invited him to visit for talks"
    return verb


def destination(sentence: Sentence, trip: Token) -> Token | None:
    """ "sent its foreign minister to Washington": Washington."""
    for prep in sentence.children(trip):
        if prep.dep in {"prep", "dative"} and prep.lower == "to":
            return child_of(sentence, prep, ("pobj",))
    return None


def first_to_act(sentence: Sentence, verb: Token) -> Token | None:
    """ "Sudan became the first country to recognise South Sudan": the copula whose subject
    does the act told in the infinitive on its attribute."""
    if verb.dep not in {"relcl", "acl"} or not to_infinitive(sentence, verb):
        return None
    noun = _head(sentence, verb)
    if noun is None or noun.dep != "attr":
        return None
    return _head(sentence, noun)


def judged_act(sentence: Sentence, noun: Token) -> Token | None:
    """ "the military's operation constituted ethnic cleansing": the operation."""
    verb = _head(sentence, noun)
    if verb is not None and noun.dep == "pobj" and verb.lower == "to":
        verb = _head(sentence, verb)  # "amounted to genocide"
    elif noun.dep not in {"dobj", "attr"}:
        return None
    if verb is None or verb.lemma not in VERDICT_VERBS | {"be"}:
        return None
    subject = child_of(sentence, verb, ("nsubj",))
    return subject if subject is not None and subject.pos == "NOUN" else None


def _head(sentence: Sentence, tok: Token) -> Token | None:
    return None if tok.head == tok.i else sentence.token(tok.head)
