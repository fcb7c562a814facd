"""Mass violence told by its victims: armed forces killing civilians in numbers (CAMEO 202).

"Indonesian troops opened fire on mourners, killing dozens of people" is a massacre, not a
battle: the codebook keeps 19 for fighting between armed parties and 20 for violence against
the unarmed in numbers. The victims' noun and their number decide it.
"""

from __future__ import annotations

from riftwatch.coding.phrases import own_subject
from riftwatch.types import Quantity, Sentence, Token
from riftwatch.wordlists import words

_CIVILIANS = words("civilian-nouns")
_MANY = words("many-words")
_KILLING = frozenset({"kill", "massacre", "slaughter", "murder", "execute"})
_LINKS = frozenset({"advcl", "xcomp", "relcl", "acl", "conj"})
MASS_KILLING = "202"
ASSASSINATION = "186"
# One person in office or in the public eye: killing them is an assassination, not a battle.
_ONE_PERSON_NOUNS = frozenset(
    "commander general leader official ambassador diplomat minister president premier envoy "
    "journalist cleric activist politician governor mayor chief judge prosecutor".split()
)
_MANY_DEAD = 20  # fewer dead are a killing the codebook keeps under 18/19


def mass_killing(sentence: Sentence, trigger: Token, count: Quantity | None) -> bool:
    """The act at `trigger`, or a killing it leads to ("opened fire ..., killing dozens"),
    kills civilians in numbers."""
    if any(c.dep == "prt" and c.lower == "down" for c in sentence.children(trigger)):
        return False  # "shot down a passenger jet, killing all 176 on board": an aircraft downed
    # not a killing with a subject of its own ("struck ..., two weeks after gunmen killed 26")
    linked = [c for c in sentence.children(trigger) if c.dep in _LINKS]
    verbs = [trigger, *(c for c in linked if not own_subject(sentence, c))]
    return any(verb.lemma in _KILLING and _many_civilians(sentence, verb, count) for verb in verbs)


def _many_civilians(sentence: Sentence, verb: Token, count: Quantity | None) -> bool:
    for noun in sentence.children(verb):
        if noun.dep not in {"dobj", "nsubjpass"}:
            continue
        victims = _head_noun(sentence, noun)
        if victims.lemma.lower() not in _CIVILIANS:
            continue
        if count is not None and count.value >= _MANY_DEAD:
            return True
        if any(t.lower in _MANY for t in sentence.subtree(noun)):
            return True
        numbers = [c for c in sentence.children(victims) if c.dep == "nummod"]
        if any(_number(n) >= _MANY_DEAD for n in numbers):
            return True
    return False


def _head_noun(sentence: Sentence, noun: Token) -> Token:
    """ "dozens of people": the people."""
    if noun.lower in _MANY:
        for prep in sentence.children(noun):
            if prep.dep == "prep" and prep.lower == "of":
                pobj = [c for c in sentence.children(prep) if c.dep == "pobj"]
                if pobj:
                    return pobj[0]
    return noun


def _number(token: Token) -> float:
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return 0.0


def kills_one_person(sentence: Sentence, trigger: Token) -> bool:
    """ "killed Iran's most powerful military commander, Qassem Soleimani": one named person,
    killed outside a battle (186)."""
    if trigger.lemma not in _KILLING:
        return False
    for noun in sentence.children(trigger):
        if noun.dep not in {"dobj", "nsubjpass"}:
            continue
        if noun.tag in {"NNS", "NNPS"} or any(c.dep == "nummod" for c in sentence.children(noun)):
            return False
        named = noun.ent_type == "PERSON" or any(
            c.dep == "appos" and c.ent_type == "PERSON" for c in sentence.children(noun)
        )
        return named or noun.lemma.lower() in _ONE_PERSON_NOUNS
    return False
