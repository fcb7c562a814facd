"""How many an event is about, beyond its own object: the toll of an attack ("killing 24
soldiers"), the count of the act a demand or threat is about, each target's own count."""

from __future__ import annotations

from riftwatch.coding import counted, quantities
from riftwatch.coding.phrases import to_infinitive
from riftwatch.coding.verbs import ActionMatch
from riftwatch.types import ActorMention, Quantity, Sentence, Token

FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# Acts about another act (demand, reject, threaten) whose count is that act's.
_ABOUT_ANOTHER_ACT = frozenset({"10", "12", "13"})
_DEATH_NOUNS = frozenset({"killing", "death", "murder", "massacre", "execution"})
# Shows of force and joint drills, counted by the forces they involve.
_FORCES_COUNTED = frozenset({"06", "15"})
_FORCE_NOUNS = frozenset(
    "troop soldier sailor marine personnel serviceman warship ship vessel aircraft jet tank".split()
)


def event_count(sentence: Sentence, match: ActionMatch) -> Quantity | None:
    """The count of what the act at `match` is about."""
    trigger = match.trigger
    count = counted.count_for_action(sentence, trigger, match.object_token)
    if match.cameo[:2] in FORCE_ROOTS and trigger.lemma not in counted.CASUALTY_VERBS:
        count = counted.casualty_count(sentence, trigger) or count
    if count is None and match.cameo[:2] in _ABOUT_ANOTHER_ACT:
        count = _embedded_count(sentence, trigger)
    if count is None and match.cameo[:2] in _FORCES_COUNTED:
        count = _forces_with(sentence, trigger) or _forces_acting(sentence, trigger)
    if count is None and match.cameo.startswith("20"):
        count = _toll_told(sentence)
    return count


def _forces_acting(sentence: Sentence, trigger: Token) -> Quantity | None:
    """ "The first 200 US Marines began a rotation, training alongside Australian forces": the
    forces that do the exercise count it."""
    verbs = [trigger]
    if trigger.dep in {"advcl", "xcomp", "conj"} and trigger.head != trigger.i:
        verbs.append(sentence.token(trigger.head))
    for verb in verbs:
        for subject in sentence.children(verb):
            name = subject.lemma.lower()
            forces = name in _FORCE_NOUNS or name.removesuffix("s") in _FORCE_NOUNS
            if subject.dep == "nsubj" and forces:
                return quantities.quantity_for(sentence, subject)
    return None


def _toll_told(sentence: Sentence) -> Quantity | None:
    """ "convicted of genocide over the killing of 1,771 Ixil Maya people": mass violence told
    by name counts the dead its sentence gives."""
    for tok in sentence.tokens:
        if tok.lemma in _DEATH_NOUNS and tok.pos == "NOUN":
            objects = [
                o
                for p in sentence.children(tok)
                if p.lower == "of"
                for o in sentence.children(p)
                if o.dep == "pobj"
            ]
        elif tok.lemma in counted.CASUALTY_VERBS:
            objects = [o for o in sentence.children(tok) if o.dep in {"dobj", "nsubjpass"}]
        else:
            continue
        for noun in objects:
            found = quantities.quantity_for(sentence, noun)
            if found is not None:
                return found
    return None


def _forces_with(sentence: Sentence, trigger: Token) -> Quantity | None:
    """ "began exercises on Tuesday, with some 300,000 troops taking part": the forces an
    exercise or a deployment involves count it."""
    for prep in sentence.children(trigger):
        if prep.dep != "prep" or prep.lower != "with":
            continue
        nouns = [c for c in sentence.children(prep) if c.dep == "pobj"]
        for clause in sentence.children(prep):  # "with 12,000 troops taking part"
            if clause.dep == "pcomp":
                nouns += [c for c in sentence.children(clause) if c.dep == "nsubj"]
        for noun in nouns:
            if noun.lemma in _FORCE_NOUNS:
                found = quantities.quantity_for(sentence, noun)
                if found is not None:
                    return found
    return None


def count_for_target(
    sentence: Sentence, trigger: Token, target: ActorMention | None
) -> Quantity | None:
    """ "expelled Mexico's ambassador and two Spanish diplomats": Spain's count is its own."""
    if target is None or target.sentence != sentence.index:
        return None
    own = {t.i for t in sentence.subtree(trigger)}
    for i in range(target.token_start, target.token_end):
        tok = sentence.token(i)
        if i in own and tok.pos == "NOUN" and tok.dep in {"dobj", "conj", "nsubjpass", "pobj"}:
            found = quantities.quantity_for(sentence, tok)
            if found is not None:
                return found
    return None


def _embedded_count(sentence: Sentence, trigger: Token) -> Quantity | None:
    """ "demanded that Pakistan hand over 20 fugitives", "rejected a plan to send 5,000
    peacekeepers": a demand, rejection or threat counts what the act it is about counts."""
    acts = [
        c
        for c in sentence.children(trigger)
        if c.dep in {"ccomp", "xcomp"} or c.dep == "advcl" and to_infinitive(sentence, c)
    ]
    for obj in sentence.children(trigger):
        if obj.dep == "dobj":
            acts += [c for c in sentence.children(obj) if c.dep == "acl"]
    acts += [c for act in acts for c in sentence.children(act) if c.dep == "conj"]
    for act in acts:
        found = counted.count_for_action(sentence, act, None)
        if found is not None:
            return found
    return None
