"""Who acts: the source of a verb or a noun trigger, from the dependency parse."""

from __future__ import annotations

from riftwatch.coding import authorship
from riftwatch.coding.phrases import (
    MentionIndex,
    actors_in,
    antecedent,
    backer_only,
    child_of,
    definite_group,
    is_collective,
    is_venue_modifier,
    owned_by_pronoun,
    parties_between,
    shared_passive_subject,
    stray_subject,
    subject_actors,
    subjects_above,
)
from riftwatch.coding.subjects import (
    accused_object,
    acts_on_itself,
    agent_actors,
    controller,
    left_country,
    misjoined_conj,
)
from riftwatch.coding.targets import noun_targets, verb_targets
from riftwatch.types import ActorKind, ActorMention, Sentence, Token
from riftwatch.wordlists import words

GROUP_RULE = "definite-group"
_PRONOUNS = words("pronouns")
_PERSONAL = frozenset({"he", "she"})
_RELATIVE = words("relative-pronouns")
_PEOPLE_NOUNS = words("people-nouns")
# Verbs whose passive names, with "from X" or "to leave X", who did it ("were expelled from").
_EXPELLING_VERBS = frozenset(
    {"expel", "deport", "order", "kick", "throw", "eject", "banish", "send"}
)
_MEMBER_NOUNS = frozenset({"member", "state", "country", "government", "nation", "ally"})
_LIGHT_VERBS = words("light-verbs")
_SUBJECT_LINKS = frozenset(
    {"xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "pobj", "dobj", "relcl", "acl", "acomp"}
)
_SHARED_ROLE_NOUNS = words("participation-nouns")
# Acts told as the occasion of another ("warned Putin during a video call"): their parties.
_OCCASIONS = frozenset({"04", "19"})


def _counted_examples(sentence: Sentence, subject: Token, index: MentionIndex) -> bool:
    """ "More than 20 countries, including the United States, ordered 100 diplomats out": the
    named ones are examples of an uncounted whole; the count is the whole's."""
    counted = any(c.dep == "nummod" for c in sentence.children(subject))
    return counted and subject.lemma in _MEMBER_NOUNS and index.at(subject) is None


def verb_sources(
    sentence: Sentence, trigger: Token, index: MentionIndex, previous: ActorMention | None
) -> tuple[list[ActorMention], str]:
    tok = trigger
    pronoun = False
    person: ActorMention | None = None
    for _ in range(6):
        subject = child_of(sentence, tok, ("nsubj",)) or stray_subject(sentence, tok)
        doer = controller(sentence, tok, index) if subject is None and tok is trigger else []
        if doer:  # "prompting Abe to condemn", "urged Somalia to withdraw"
            return doer, "controlled-object"
        raised = tok is trigger and shared_passive_subject(sentence, tok) is not None
        if subject is None and (raised or child_of(sentence, tok, ("nsubjpass",)) is not None):
            agent = agent_actors(sentence, tok, index)
            if agent:
                return agent, "passive-agent"
            if pronoun and tok is not trigger:
                # "two Mossad agents were arrested after they tried to poison ...": the agents
                found = _passive_subject(sentence, tok, index)
                if found:
                    return found, "pronoun-passive-subject"
            if tok.lemma in _EXPELLING_VERBS:
                return left_country(sentence, tok, index), "passive-origin"
            return [], "passive-agent"
        if subject is not None and subject.lower in _RELATIVE and tok.dep == "relcl":
            return antecedent(sentence, subject, sentence.token(tok.head), index), "relative"
        if subject is not None and is_collective(sentence, subject):
            people = subject.lemma in _PEOPLE_NOUNS
            return [], "collective-people" if people else "collective"
        if subject is not None and definite_group(sentence, subject):
            return [], f"{GROUP_RULE}:{subject.lemma}"  # "The leaders": named before
        if subject is not None and subject.lower not in _PRONOUNS:
            found = actors_in(sentence, subject, index)
            if found and _counted_examples(sentence, subject, index):
                return found, "subject-examples"
            if misjoined_conj(sentence, trigger, tok, index):
                reporter = subject_actors(sentence, sentence.token(tok.head), index)
                if reporter:
                    return reporter, "subject-of-reporter"
            if found and tok is not trigger and acts_on_itself(sentence, trigger, found, index):
                found = []  # "demanded that Britain hand back ..., accusing London": not Britain
            elif found or not owned_by_pronoun(sentence, subject):
                return found, "subject"
        if subject is not None and subject.lower in _PERSONAL and not pronoun:
            person = _person_before(sentence, subject, index)
        pronoun = pronoun or subject is not None
        if subject is None and tok.dep == "pcomp":
            found = accused_object(sentence, tok, index)
            if found:
                return found, "object-of-governor"
        copula = authorship.first_to_act(sentence, tok) if subject is None else None
        if copula is not None:
            found = subject_actors(sentence, copula, index)
            if found:  # "became the first country to recognise South Sudan"
                return found, "first-to"
        if tok.dep == "acl" and subject is None and not pronoun:
            # not for "..., which he denounced": a pronoun's referent is no noun's owner
            if tok.tag == "VBN":  # "people hit by floods": the participle's agent acts
                return agent_actors(sentence, tok, index), "participle-agent"
            found = actors_in(sentence, sentence.token(tok.head), index)
            if found:
                return found, "acl-head"
        if tok.head == tok.i or not _shares_subject(tok):
            break
        tok = sentence.token(tok.head)
    if person is not None:  # "Maduro ordered ..., in response to ..., which he denounced"
        return [person], "pronoun-person-before"
    governing = subjects_above(sentence, trigger, index) if pronoun else []
    if governing:  # "Poland's government said the diplomats it ordered out ...": Poland
        return governing, "pronoun-governing-subject"
    if pronoun and previous is not None:
        return [previous], "pronoun-previous-subject"
    return [], "none"


def _passive_subject(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    patient = child_of(sentence, verb, ("nsubjpass",))
    if patient is None:
        return []
    if patient.lower in _RELATIVE and verb.dep == "relcl":  # "agents who were arrested"
        return antecedent(sentence, patient, sentence.token(verb.head), index)
    return actors_in(sentence, patient, index)


def _person_before(sentence: Sentence, pronoun: Token, index: MentionIndex) -> ActorMention | None:
    """The person "he" or "she" stands for when no verb above names one: the latest person
    named before it in the sentence ("Trump's remark that he would not rule out ...")."""
    for tok in reversed(sentence.tokens[: pronoun.i - sentence.tokens[0].i]):
        mention = index.at(tok)
        if mention is not None and mention.kind is ActorKind.PERSON:
            return mention
    return None


def _shares_subject(tok: Token) -> bool:
    """A verb takes the subject of the verb it hangs on; "blamed ..., withdrew ... and
    summoned" lists verbs the parser may join by a bare "dep"."""
    return tok.dep in _SUBJECT_LINKS or (tok.dep == "dep" and tok.pos == "VERB")


def noun_sources(
    sentence: Sentence,
    trigger: Token,
    index: MentionIndex,
    previous: ActorMention | None,
    root: str,
) -> tuple[list[ActorMention], str]:
    for child in sentence.children(trigger):
        found = index.at(child) if child.dep in {"poss", "compound", "nmod", "amod"} else None
        if found is None or is_venue_modifier(child, trigger) or backer_only(sentence, child):
            continue
        if child.dep != "amod":
            return [found], "noun-modifier"
        # "Russian expulsions", "Russian sanctions" usually name the target, not the actor.
        if root != "16":
            return [found], "noun-adjective"
    # "the expulsion of 23 diplomats by Britain": the parser may hang "by" on the object
    of_objects = [
        o
        for c in sentence.children(trigger)
        if c.dep == "prep" and c.lower == "of"
        for o in sentence.children(c)
        if o.dep == "pobj"
    ]
    for holder in [trigger, *of_objects]:
        for child in sentence.children(holder):
            if child.dep == "prep" and child.lower == "by":
                pobj = child_of(sentence, child, ("pobj",))
                if pobj is not None:
                    return actors_in(sentence, pobj, index), "noun-by"
    parties = parties_between(sentence, trigger, index)
    if parties:
        return parties, "between"
    told = _told_in_relative(sentence, trigger, index)
    if told:
        return told, "relative-doer"
    return _governed_noun_sources(sentence, trigger, index, previous, root)


def _told_in_relative(sentence: Sentence, noun: Token, index: MentionIndex) -> list[ActorMention]:
    """ "the 1995 Srebrenica massacre, in which Bosnian Serb forces killed about 8,000 men":
    the relative clause that tells the act names who did it."""
    for clause in sentence.children(noun):
        if clause.dep == "relcl" and any(
            c.dep == "prep" and c.lower == "in" for c in sentence.children(clause)
        ):
            found = subject_actors(sentence, clause, index)
            if found:
                return found
    return []


def _governed_noun_sources(
    sentence: Sentence,
    trigger: Token,
    index: MentionIndex,
    previous: ActorMention | None,
    root: str,
) -> tuple[list[ActorMention], str]:
    if trigger.head == trigger.i:
        return [], "none"
    head = sentence.token(trigger.head)
    clause = authorship.responsible_clause(sentence, trigger)
    if clause is not None:
        return verb_sources(sentence, clause, index, previous)[0], "responsible"
    trip = authorship.trip_for(sentence, trigger)
    if trip is not None:
        return verb_sources(sentence, trip, index, previous)[0], "trip-purpose"
    occasion = (
        authorship.occasion_of(sentence, trigger, talks=root == "04")
        if root in _OCCASIONS
        else None
    )
    if occasion is not None and not _names_a_party(sentence, trigger, occasion, index, root):
        occasion = None  # "missiles would stay on the ground during the talks"
    if occasion is not None:
        found = verb_sources(sentence, occasion, index, previous)[0] or [
            m
            for c in sentence.children(occasion)
            if c.dep == "nsubjpass"
            for m in actors_in(sentence, c, index)
        ]
        if found:
            return found, "occasion"
    response = authorship.response_by(sentence, trigger)
    if response is not None:
        return verb_sources(sentence, response, index, previous)[0], "response-means"
    verdict = authorship.convicted_of(sentence, trigger)
    if verdict is not None:  # the convicted's state, else the judging court's
        convicted = actors_in(sentence, verdict[0], index)
        return convicted or subject_actors(sentence, verdict[1], index), "convicted"
    punished = authorship.convicted_for(sentence, trigger)
    if punished is not None:  # only the punished's state: a court does not abduct
        return actors_in(sentence, punished, index), "convicted"
    judged = authorship.judged_act(sentence, trigger)
    if judged is not None:
        found = noun_sources(sentence, judged, index, previous, "")[0]
        return found or actors_in(sentence, judged, index), "judged-act"
    if trigger.dep == "dobj" and head.lemma in _LIGHT_VERBS:
        return verb_sources(sentence, head, index, previous)[0], "light-verb-subject"
    if trigger.dep == "pobj" and head.lower == "in":
        holder = _participation_noun(sentence, head)
        kids = sentence.children(holder) if holder is not None else []
        of = [c for c in kids if c.dep == "prep" and c.lower == "of"]
        pobj = child_of(sentence, of[0], ("pobj",)) if of else None
        if pobj is not None:
            return actors_in(sentence, pobj, index), "participation-of"
    return [], "none"


def _names_a_party(
    sentence: Sentence, noun: Token, verb: Token, index: MentionIndex, root: str
) -> bool:
    """The occasion's other party is named: "a clash with Chinese troops"; for talks, also
    by the verb ("warned Putin during a video call", "apologised to Koizumi during a summit")."""
    if noun_targets(sentence, noun, index)[0]:
        return True
    return root == "04" and bool(verb_targets(sentence, verb, index, None)[0])


def _participation_noun(sentence: Sentence, prep: Token) -> Token | None:
    """ "The participation of France, Germany and 15 others in the expulsions": the parser may
    hang "in" on the last member, so climb the coordination to the participation noun."""
    tok = prep
    for _ in range(6):
        if tok.head == tok.i:
            return None
        tok = sentence.token(tok.head)
        if tok.lemma in _SHARED_ROLE_NOUNS:
            return tok
        if tok.dep not in {"conj", "pobj", "prep", "appos"} and tok.pos != "ADP":
            return None
    return None
