"""What the context makes of a matched code: a crowd's violence is a riot (145), missiles
fired at no one show force (150), troops killing civilians in numbers is mass violence (202),
a rescue team arriving delivers aid (070), a diplomatic act to come is an intent (03x)."""

from __future__ import annotations

from riftwatch.coding import arrivals, modality, violence
from riftwatch.coding.counts import FORCE_ROOTS
from riftwatch.coding.phrases import child_of
from riftwatch.coding.roles import Roles
from riftwatch.coding.verbs import ActionMatch
from riftwatch.types import ActorKind, Modality, Quantity, Sentence, Token
from riftwatch.wordlists import pairs, words

_FIRE_CODES = frozenset({"194", "195"})
_LAUNCH_VERBS = words("launch-verbs")
_CROWD_NOUNS = words("crowd-nouns")
_MANY = words("many-words")
# Armed men outside any army: their violence is an assault (18), not military force (19).
_IRREGULARS = words("irregular-fighter-nouns")
_UNCONVENTIONAL = "180"
_COERCIVE = words("coercive-verbs")
_THREAT = "130"
_ULTIMATUM = "139"
_CONSIDER = "014"
_OPEN_WATERS = frozenset({"water", "waters", "sea", "ocean", "area", "zone", "sky"})
_LAUNCHING = words("launch-verbs")
_FORCE_THREAT = "138"
_LEAVING = frozenset({"leave", "depart", "go", "quit"})
_EXPULSION = "161"
# People boycotting as private persons protest (143); a state's boycott is an embargo (163).
_PRIVATE_PERSONS = words("private-person-nouns")
_EMBARGO, _CIVIL_BOYCOTT = "163", "143"
_KILL_VERBS = frozenset({"kill", "assassinate", "murder", "shoot"})
_MILITARY_AID = "072"
_STATING_AUXILIARIES = frozenset({"did", "does", "had", "has", "have", "was", "is", "were", "are"})
_HELPING = frozenset({"help", "assist", "support", "aid", "restore"})
_RECIPIENT_RULES = frozenset(
    {
        "dobj",
        "dative",
        "prep-object",
        "recipient",
        "passive-subject",
        "passive-relative",
        "same-action-earlier",
        "echo",
    }
)
_AIMED_RULES = frozenset(
    {"dobj", "prep-object", "passive-subject", "passive-relative", "noun-prep-object"}
)
# Threats, offers and demands are conditional by nature: "offered to cooperate if New Delhi
# shared evidence" is an offer made, as "would retaliate if attacked" is a threat made and
# "demanding her release, warning of consequences if she was not freed" a demand made.
CONDITIONAL_BY_NATURE = frozenset({"03", "10", "13"})
# Verbs that threaten only when stated as to come ("will retaliate", "would respond in kind").
_VOW_VERBS = frozenset({"retaliate", "reciprocate", "respond", "answer", "react"})
_INTENT_FOR_ROOT = {root: min(codes) for root, codes in pairs("intent-codes").items()}


def code_in_context(
    sentence: Sentence, match: ActionMatch, roles: Roles, count: Quantity | None
) -> str:
    """The CAMEO code of the act at `match`, given who does it, to whom, and how many."""
    trigger = match.trigger
    subject = _acting_noun(sentence, trigger)
    crowd = _by_crowd(roles) or (subject is not None and _crowd_noun(sentence, subject))
    code = _aimed_code(sentence, match, roles, crowd=crowd)
    if code[:2] in {"19", "20"} and subject is not None and subject.lemma in _IRREGULARS:
        return _UNCONVENTIONAL  # "gunmen stormed a mall, killing 39": an assault, not a war
    if code == _EMBARGO and trigger.lemma == "boycott" and (crowd or _civilian(subject)):
        return _CIVIL_BOYCOTT  # "South Korean consumers have been boycotting Japanese beer"
    if code.startswith("19") and violence.mass_killing(sentence, trigger, count):
        return violence.MASS_KILLING
    if code == "190" and violence.kills_one_person(sentence, trigger):
        return violence.ASSASSINATION
    if code == _ULTIMATUM and _time_to_leave(sentence, trigger):
        return _EXPULSION  # "giving him 24 hours to leave": an expulsion, not an ultimatum
    if code == _CONSIDER and _weighs_force(sentence, match.object_token or trigger):
        return _FORCE_THREAT  # "examining plans to fire missiles at waters around Guam"
    if code.startswith("03") and _vows_force(sentence, trigger):
        return _THREAT  # "Khartoum vowed to use all legitimate means to drive them out"
    if code.startswith("04") and arrivals.aid_arrival(sentence, trigger):
        return arrivals.PROVIDE_AID
    if code.startswith("04") and arrivals.investigators_arrival(sentence, trigger):
        return arrivals.INVESTIGATE
    if code == "154" and roles.targets and _sent_to_help(sentence, trigger):
        return _MILITARY_AID  # "sent troops into Cameroon to help its army", "at the request of"
    return code


def _time_to_leave(sentence: Sentence, trigger: Token) -> bool:
    """ "gave him 24 hours to leave", "gave the envoy 48 hours to quit the country": the time
    given is to leave in (the parser hangs "to leave" on the time or on the verb)."""
    time = child_of(sentence, trigger, ("dobj",))
    holders = [trigger] if time is None else [trigger, time]
    return any(
        c.dep in {"relcl", "acl", "xcomp", "advcl"} and c.lemma in _LEAVING
        for h in holders
        for c in sentence.children(h)
    )


def _insists_on_fact(sentence: Sentence, trigger: Token) -> bool:
    """ "insisted that Iran withdraw" demands; "insisted Russia did not invade" states."""
    clause = child_of(sentence, trigger, ("ccomp",))
    if clause is None:
        return False
    return clause.tag in {"VBD", "VBZ"} or any(
        c.dep in {"aux", "auxpass"} and c.lower in _STATING_AUXILIARIES
        for c in sentence.children(clause)
    )


def _sent_to_help(sentence: Sentence, trigger: Token) -> bool:
    for child in sentence.children(trigger):
        if child.dep in {"advcl", "xcomp"} and child.lemma in _HELPING:
            return True
        request = child_of(sentence, child, ("pobj",)) if child.dep == "prep" else None
        if request is not None and request.lemma in {"request", "invitation", "behest"}:
            return True
    return False


def stated_now(
    sentence: Sentence, trigger: Token, code: str, mode: Modality
) -> tuple[str, Modality] | None:
    """Code and modality of what is stated now, or None when nothing is: "will retaliate" is a
    threat made now (130), a past "retaliated by expelling" names no act of its own; "would
    seek talks" is an intent stated now (036)."""
    if trigger.lemma == "insist" and _insists_on_fact(sentence, trigger):
        return None  # "the Kremlin insisted Russia did not invade": a statement, no demand
    if code == "130" and trigger.lemma in _VOW_VERBS:
        if not modality.is_future(sentence, trigger) or mode is not Modality.ANNOUNCED:
            return None
        return code, Modality.ASSERTED
    intent = _INTENT_FOR_ROOT.get(code[:2])
    if intent and mode is Modality.ANNOUNCED and modality.is_future(sentence, trigger):
        return intent, Modality.ASSERTED
    if intent and mode is not Modality.NEGATED and modality.is_readiness(sentence, trigger):
        return intent, Modality.ASSERTED
    return code, mode


def _aimed_code(sentence: Sentence, match: ActionMatch, roles: Roles, *, crowd: bool) -> str:
    """Missiles fired or launched at no one named ("into the sea", "in drills") show force
    (150); they are an attack (194/195) only when the text says at whom. A crowd storming or
    torching something protests violently (145); it does not wage war."""
    if match.cameo[:2] in FORCE_ROOTS and crowd:
        return "145"
    if match.cameo[:2] in {"02", "10"} and crowd:
        return "141"  # protesters "calling for a boycott" are demonstrating
    if match.cameo == "141" and match.trigger.lemma == "protest" and not crowd:
        return "114"  # a government that protests complains officially; crowds demonstrate
    if match.cameo == "190" and match.trigger.lemma in _KILL_VERBS and _a_person(roles):
        return "186"  # killing a named person is an assassination, not a battle
    if match.cameo == "072" and roles.target_rule not in _RECIPIENT_RULES:
        return "154"  # "sending ships and fighter jets to eastern Europe": deployed, not given
    launch = match.trigger.lemma in _LAUNCH_VERBS
    aimed = roles.target_rule in _AIMED_RULES or _fired_at(sentence, match.trigger)
    if launch and match.cameo in _FIRE_CODES and not aimed:
        return "150"
    return match.cameo


def _fired_at(sentence: Sentence, trigger: Token) -> bool:
    """ "fired dozens of missiles at cities across Ukraine": aimed at something, if not at a
    state by name ("fired two missiles into the sea" is aimed at nothing)."""
    for prep in sentence.children(trigger):
        pobj = child_of(sentence, prep, ("pobj",)) if prep.dep == "prep" else None
        if pobj is None or pobj.ent_type in {"DATE", "TIME"}:
            continue  # "on Thursday"
        if prep.lower in {"at", "on", "against"}:
            return pobj.lemma not in _OPEN_WATERS  # "fired missiles at waters off its coast"
    return False


def _a_person(roles: Roles) -> bool:
    return bool(roles.targets) and all(m.kind is ActorKind.PERSON for m in roles.targets)


def _by_crowd(roles: Roles) -> bool:
    return bool(roles.sources) and all(
        m.text.split()[-1].lower() in _CROWD_NOUNS for m in roles.sources
    )


def _acting_noun(sentence: Sentence, trigger: Token) -> Token | None:
    """Who does the act at `trigger` ("rioters in Phnom Penh set fire", "thousands of
    supporters marched on the embassy, setting fire to a door"), as the parse names them."""
    tok = trigger
    for _ in range(4):
        subject = child_of(sentence, tok, ("nsubj",))
        if subject is not None:
            return subject
        if tok.dep not in {"conj", "advcl", "xcomp"} or tok.head == tok.i:
            return None
        tok = sentence.token(tok.head)
    return None


def _vows_force(sentence: Sentence, trigger: Token) -> bool:
    """A promise whose infinitive (or the infinitive of its infinitive) is an act of force."""
    frontier = [trigger]
    for _ in range(2):
        frontier = [c for v in frontier for c in sentence.children(v) if c.dep == "xcomp"]
        if any(v.lemma in _COERCIVE for v in frontier):
            return True
    return False


def _weighs_force(sentence: Sentence, plan: Token) -> bool:
    """A plan or option weighed whose act is force ("plans to fire missiles at Guam")."""
    acts = [c for c in sentence.children(plan) if c.dep in {"acl", "xcomp", "relcl"}]
    return any(a.lemma in _COERCIVE or a.lemma in _LAUNCHING for a in acts)


def _civilian(noun: Token | None) -> bool:
    return noun is not None and noun.lemma.lower() in _PRIVATE_PERSONS


def _crowd_noun(sentence: Sentence, noun: Token) -> bool:
    """A crowd wherever its mention points: "protesters", "thousands of supporters",
    "thousands of Iranians" (people named by where they are from, in numbers)."""
    if noun.lemma.lower() in _CROWD_NOUNS:
        return True
    if noun.lower not in _MANY:
        return False
    of = child_of(sentence, noun, ("prep",))
    pobj = child_of(sentence, of, ("pobj",)) if of is not None and of.lower == "of" else None
    if pobj is None:
        return False
    return pobj.lemma.lower() in _CROWD_NOUNS or (pobj.tag == "NNPS" and pobj.ent_type == "NORP")
