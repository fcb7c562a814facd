"""Decide how a sentence presents an action: asserted, announced, negated, refused, hypothetical."""

from __future__ import annotations

from riftwatch.coding.phrases import child_of, to_infinitive
from riftwatch.types import Modality, Sentence, Token
from riftwatch.wordlists import words

_NEGATORS = words("negators")
_REFUSAL_VERBS = words("refusal-verbs")
_NEGATING_VERBS = words("negating-verbs")
_PLAN_NOUNS = words("plan-nouns")
_MODALS_HYPOTHETICAL = words("hypothetical-modals")
_MODALS_FUTURE = words("future-modals")
_HYPOTHETICAL_GOVERNORS = words("hypothetical-governors")
_ANNOUNCING_GOVERNORS = words("announcing-governors")
_PROPOSAL_NOUNS = words("proposal-nouns")
_DECISION_NOUNS = words("decision-nouns")
_LIGHT_VERBS = words("light-verbs")
_REALISING_VERBS = words("purpose-realising-verbs")
_AGREEING_GOVERNORS = frozenset({"agree", "vote"})
_READY = frozenset({"ready", "willing", "prepared", "eager", "keen", "open"})
_SUBORDINATORS = frozenset(
    {"after", "before", "as", "when", "while", "since", "because", "although", "though", "until"}
)
_COMPLEMENT_TAKERS = (
    _ANNOUNCING_GOVERNORS | _HYPOTHETICAL_GOVERNORS | _REFUSAL_VERBS | _NEGATING_VERBS
)
# Links through which the governing word still describes the same act ("said it would expel").
# Not "advcl": a subordinate clause ("While Moscow denied ..., neither side is ...") keeps its
# own polarity.
# Not "conj" either: "called the downing a stab in the back and warned ..." are two acts; a
# shared negation ("did not expel or recall") is handled in _is_negated.
_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "acomp"})
_SUBJECTS = ("nsubj", "nsubjpass")


def classify(
    sentence: Sentence, trigger: Token, *, threat: bool = False, meeting: bool = False
) -> Modality:
    """Return the modality of the action whose trigger is `trigger`.

    A threat (`threat=True`) is conditional by nature: its "if"/"unless" clause does not make
    the threat itself hypothetical. A meeting (`meeting=True`) that was agreed or voted on has
    not been held yet: the agreement is the event (an intent, 03).
    """
    if trigger.pos == "NOUN" and trigger.dep == "dobj" and trigger.head != trigger.i:
        verb = sentence.token(trigger.head)
        if verb.lemma in _LIGHT_VERBS:  # "decided against joining the expulsions": the verb's
            return classify(sentence, verb, threat=threat, meeting=meeting)
    if _is_negated(sentence, trigger) or _shares_negation(sentence, trigger):
        return Modality.NEGATED
    if trigger.pos == "NOUN" and any(c.lower == "any" for c in sentence.children(trigger)):
        return Modality.HYPOTHETICAL  # "would retaliate against any attack by Israel"
    chain = _governors(sentence, trigger)
    if any(g.lemma in _REFUSAL_VERBS or _is_stop_short(sentence, g) for g in chain):
        return Modality.REFUSED
    if any(_is_decided_against(sentence, g) for g in chain):
        return Modality.REFUSED
    if any(_is_negated(sentence, g) or g.lemma in _NEGATING_VERBS for g in chain):
        return Modality.NEGATED
    if _is_hypothetical(sentence, trigger, chain, threat=threat):
        return Modality.HYPOTHETICAL
    if meeting and _agreed_to(sentence, trigger):
        return Modality.HYPOTHETICAL
    if is_future(sentence, trigger) or any(
        g.lemma in _ANNOUNCING_GOVERNORS and g.pos == "VERB" for g in chain
    ):
        return Modality.ANNOUNCED
    return Modality.ASSERTED


def has_condition(sentence: Sentence, trigger: Token) -> bool:
    """True when the trigger's clause carries an "if"/"unless" condition or a contingency."""
    clauses = [trigger]
    if trigger.dep in {"xcomp", "conj"} and trigger.head != trigger.i:
        clauses.append(sentence.token(trigger.head))
    for clause in clauses:
        for child in sentence.children(clause):
            if child.dep == "advcl" and _marker(sentence, child) in {"if", "unless", "should"}:
                return True
            if _contingency(sentence, child):
                return True
    # "would come to Tuvalu's aid in the event of an attack": hung on the object
    objects = [o for c in sentence.children(trigger) for o in _object_and_pobjs(sentence, c)]
    return any(_contingency(sentence, c) for o in objects for c in sentence.children(o))


def _object_and_pobjs(sentence: Sentence, child: Token) -> list[Token]:
    if child.dep == "dobj":
        return [child]
    return [o for o in sentence.children(child) if o.dep == "pobj"] if child.dep == "prep" else []


def _contingency(sentence: Sentence, prep: Token) -> bool:
    """ "in the event of a military attack", "in case of war": a condition as a phrase."""
    if prep.dep != "prep" or prep.lower != "in":
        return False
    noun = next((c for c in sentence.children(prep) if c.dep == "pobj"), None)
    return noun is not None and noun.lemma in {"event", "case"}


def has_ultimatum(sentence: Sentence, trigger: Token) -> bool:
    """True when the trigger's clause is made to depend on an "unless": an ultimatum."""
    clauses = [trigger]
    if trigger.dep in {"xcomp", "conj"} and trigger.head != trigger.i:
        clauses.append(sentence.token(trigger.head))
    return any(
        child.dep == "advcl" and _marker(sentence, child) == "unless"
        for clause in clauses
        for child in sentence.children(clause)
    )


def _marker(sentence: Sentence, clause: Token) -> str:
    marks = [c.lower for c in sentence.children(clause) if c.dep == "mark"]
    return marks[0] if marks else ""


def _governors(sentence: Sentence, trigger: Token) -> list[Token]:
    """The words that govern the trigger's clause, nearest first, up to the clause's root."""
    chain: list[Token] = []
    tok = trigger
    while tok.head != tok.i and _links_up(sentence, tok) and len(chain) < 6:
        if _is_misattached(sentence, tok):
            break
        if tok.dep == "pobj" and sentence.token(tok.head).lower == "during":
            break  # "warned Putin during a video call": the call took place, warning or not
        if tok.dep == "conj":  # shares its first verb's governors, not that verb itself
            tok = sentence.token(tok.head)
            continue
        tok = sentence.token(tok.head)
        if tok.pos in {"VERB", "AUX", "NOUN", "ADJ", "ADP", "ADV"}:
            chain.append(tok)
        if tok.dep == "ccomp" or tok.pos == "VERB" and not _links_up(sentence, tok):
            break
    return chain


def _is_misattached(sentence: Sentence, tok: Token) -> bool:
    """ "Ukraine agreed ..., after Lukashenko promised that ...": a later subordinate clause
    cannot govern the main clause before it, though the parser sometimes hangs it so."""
    head = sentence.token(tok.head)
    return head.i > tok.i and any(
        c.dep == "mark" and c.lower in _SUBORDINATORS for c in sentence.children(head)
    )


def _links_up(sentence: Sentence, tok: Token) -> bool:
    """The clause continues its head's: a complement, or an infinitive the parser hung as an
    adverbial clause ("threatened on Sunday to impose")."""
    if tok.dep in _CLAUSE_LINKS:
        return True
    if tok.dep == "conj" and tok.head != tok.i and child_of(sentence, tok, _SUBJECTS) is None:
        # "demanding that the alliance rule out ... and pull back forces": a second verb of
        # a complement, with no subject of its own, is governed as the first is
        return _links_up(sentence, sentence.token(tok.head))
    return tok.dep == "advcl" and _is_infinitive(sentence, tok)


def _is_infinitive(sentence: Sentence, verb: Token) -> bool:
    kids = sentence.children(verb)
    to = to_infinitive(sentence, verb)
    if {c.lower for c in kids if c.dep == "mark"} == {"for"}:
        return to  # "called for NATO to deploy more troops"
    return to and not any(c.dep in {"nsubj", "mark"} for c in kids)


def _shares_negation(sentence: Sentence, tok: Token) -> bool:
    """ "did not expel or recall": the second verb shares the first one's negation."""
    if tok.dep != "conj" or tok.head == tok.i:
        return False
    if any(c.dep in {"nsubj", "nsubjpass"} for c in sentence.children(tok)):
        return False
    return _is_negated(sentence, sentence.token(tok.head))


def _is_negated(sentence: Sentence, tok: Token) -> bool:
    for child in sentence.children(tok):
        if child.dep == "dobj" and _has_negating_det(sentence, child):
            return True  # "had no plans for a meeting", "has no intention of"
        if child.dep == "neg" or (child.dep in {"det", "advmod"} and child.lower in _NEGATORS):
            return True
        if child.dep == "preconj" and child.lower == "neither":
            return True
    if tok.dep in {"acl", "xcomp"} and tok.head != tok.i:
        head = sentence.token(tok.head)
        if head.lemma in _PLAN_NOUNS and any(
            c.lower in _NEGATORS for c in sentence.children(head) if c.dep == "det"
        ):
            return True
    return _has_negated_subject(sentence, tok)


def _has_negating_det(sentence: Sentence, noun: Token) -> bool:
    return any(c.dep == "det" and c.lower in {"no", "neither"} for c in sentence.children(noun))


def _has_negated_subject(sentence: Sentence, tok: Token) -> bool:
    """ "Neither Russia nor the West are showing ..." / "No country has expelled ..." """
    for child in sentence.children(tok):
        if child.dep in {"nsubj", "nsubjpass"}:
            kids = sentence.children(child)
            if child.lower in {"nobody", "none", "neither"}:
                return True
            if any(k.lower in {"no", "neither"} and k.dep in {"det", "preconj"} for k in kids):
                return True
    return False


def _is_decided_against(sentence: Sentence, tok: Token) -> bool:
    """ "decided against joining the expulsions", "voted against sending troops" """
    if tok.dep != "prep" or tok.lower != "against" or tok.head == tok.i:
        return False
    return sentence.token(tok.head).lemma in {"decide", "vote", "opt", "choose", "rule"}


def _is_stop_short(sentence: Sentence, tok: Token) -> bool:
    """ "stopped short of expelling" """
    if tok.lemma == "short":
        return tok.head != tok.i and sentence.token(tok.head).lemma in {"stop", "fall"}
    return tok.lemma in {"stop", "fall"} and any(c.lower == "short" for c in sentence.children(tok))


def _is_hypothetical(
    sentence: Sentence, trigger: Token, chain: list[Token], *, threat: bool
) -> bool:
    auxes = _auxiliaries(sentence, trigger)
    if auxes & _MODALS_HYPOTHETICAL or {"would", "have"} <= auxes:  # "would have deplored"
        return True
    for verb in (g for g in chain if g.pos in {"VERB", "AUX"}):
        # "a motion that would have allowed troops to be deployed"; a tagged modal only, not
        # "May" the name the parser hung as one
        modals = {
            c.lower
            for c in sentence.children(verb)
            if c.dep == "aux" and c.tag == "MD" and not _is_name_may(sentence, c)
        }
        perfect = any(c.dep == "aux" and c.lemma == "have" for c in sentence.children(verb))
        if modals & _MODALS_HYPOTHETICAL or ("would" in modals and perfect):
            return True
    if _in_condition(sentence, trigger) or (not threat and has_condition(sentence, trigger)):
        return True
    if any(g.lemma in _PROPOSAL_NOUNS for g in chain if g.pos == "NOUN"):
        return True
    if _is_purpose(sentence, trigger):
        return True
    if any(_marker(sentence, t) == "whether" for t in [trigger, *chain]):
        return True  # "it was not clear whether Baghdad intended to invade"
    if _subjunctive_demand(sentence, trigger, chain):
        return True
    return any(
        g.lemma in _HYPOTHETICAL_GOVERNORS and not _carrying_on(sentence, g)
        for g in chain
        if g.pos in {"VERB", "NOUN"}
    )


def _subjunctive_demand(sentence: Sentence, trigger: Token, chain: list[Token]) -> bool:
    """ "insisted that Iran release the sailors": a bare verb under "insist" is demanded."""
    if not chain or chain[0].lemma != "insist" or trigger.tag not in {"VB", "VBP"}:
        return False
    kids = sentence.children(trigger)
    if any(c.dep in {"aux", "auxpass"} for c in kids):
        return False
    # "that Iran release": a present form with a singular subject is no present tense
    singular = any(c.dep == "nsubj" and c.tag in {"NN", "NNP"} for c in kids)
    return trigger.tag == "VB" or singular


def _carrying_on(sentence: Sentence, verb: Token) -> bool:
    """ "pressed on with massacres", "pushed ahead with the offensive": done, not urged."""
    return any(c.dep == "prt" and c.lower in {"on", "ahead"} for c in sentence.children(verb))


def _is_purpose(sentence: Sentence, trigger: Token) -> bool:
    """ "sent a delegation to meet Russian officials": the meeting is a purpose, not a fact;
    "the decision to expel" and "the first country to expel" report the act."""
    if trigger.dep == "advcl" and _is_infinitive(sentence, trigger):
        # "sent troops to protect ...": a purpose clause; but "voted on Thursday to launch"
        # is the vote's complement, hung as an adverbial clause by the parser.
        head = sentence.token(trigger.head).lemma
        return head not in _COMPLEMENT_TAKERS and head not in _REALISING_VERBS
    if trigger.dep != "acl" or trigger.head == trigger.i:
        return False
    noun = sentence.token(trigger.head)
    to = to_infinitive(sentence, trigger)
    settled = noun.lemma in _DECISION_NOUNS or any(
        c.dep == "amod" and c.lower in {"first", "last", "only"} for c in sentence.children(noun)
    )
    return to and noun.pos == "NOUN" and not settled


def _in_condition(sentence: Sentence, trigger: Token) -> bool:
    tok = trigger
    while tok.head != tok.i:
        if tok.dep == "advcl" and _marker(sentence, tok) in {"if", "unless"}:
            return True
        tok = sentence.token(tok.head)
    return False


def _agreed_to(sentence: Sentence, trigger: Token) -> bool:
    """ "agreed to meet", "voted to hold talks": a meeting agreed is still to come; not "a deal
    brokered by China", which only hangs on the agreement as a phrase."""
    tok = trigger
    while tok.dep in {"xcomp", "conj", "ccomp"} and tok.head != tok.i:
        tok = sentence.token(tok.head)
        if tok.lemma in _AGREEING_GOVERNORS:
            return True
    return False


def is_readiness(sentence: Sentence, trigger: Token) -> bool:
    """ "said it was ready to resume talks", "is willing to negotiate": an intent stated now."""
    if trigger.dep == "conj" and trigger.head != trigger.i:
        trigger = sentence.token(trigger.head)  # "ready to sit down and talk"
    if trigger.dep != "xcomp" or trigger.head == trigger.i:
        return False
    head = sentence.token(trigger.head)
    if head.pos != "ADJ" or head.lemma not in _READY:
        return False
    copula = sentence.token(head.head) if head.head != head.i else head
    return not any(c.dep == "neg" for v in (head, copula) for c in sentence.children(v))


def is_future(sentence: Sentence, trigger: Token) -> bool:
    """ "will expel", "would meet", "is to visit": the act is stated as to come."""
    auxes = _auxiliaries(sentence, trigger)
    infinitive = trigger.dep == "advcl" and _is_infinitive(sentence, trigger)
    if (trigger.dep == "xcomp" or infinitive) and trigger.head != trigger.i:
        head = sentence.token(trigger.head)  # "would move to restore relations"
        if head.lemma in _ANNOUNCING_GOVERNORS:
            auxes |= _auxiliaries(sentence, head)
    if auxes & _MODALS_FUTURE:
        return True
    # "is to expel", "is going to expel"
    return (
        trigger.tag == "VB"
        and to_infinitive(sentence, trigger)
        and sentence.token(trigger.head).lemma in {"be", "go"}
    )


def _auxiliaries(sentence: Sentence, trigger: Token) -> set[str]:
    verbs = [trigger]
    own_subject = any(c.dep in {"nsubj", "nsubjpass"} for c in sentence.children(trigger))
    if trigger.dep == "conj" and trigger.head != trigger.i and not own_subject:
        verbs.append(sentence.token(trigger.head))  # "will expel and recall", not "..., and X has"
    return {
        c.lower
        for verb in verbs
        for c in sentence.children(verb)
        if c.dep in {"aux", "auxpass"} and not _is_name_may(sentence, c)
    }


def _is_name_may(sentence: Sentence, aux: Token) -> bool:
    """ "May said ...": Theresa May the parser took for a modal of a verb with no subject."""
    if aux.text != "May" or aux.head == aux.i:
        return False
    verb = sentence.token(aux.head)
    return not any(c.dep in {"nsubj", "nsubjpass"} for c in sentence.children(verb))
