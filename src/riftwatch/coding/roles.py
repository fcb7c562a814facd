"""Find who acts and who is acted upon, from the dependency parse around a trigger."""

from __future__ import annotations

from riftwatch.coding import authorship
from riftwatch.coding.phrases import (
    MentionIndex,
    Roles,
    actors_in,
    antecedent,
    child_of,
    collective_size,
    distinct_parties,
    each_other,
    is_collective,
    is_venue_modifier,
    owned_by_pronoun,
    parties_between,
    stray_subject,
    subject_actors,
)
from riftwatch.coding.subjects import (
    accused_object,
    acts_on_itself,
    agent_actors,
    controller,
    left_country,
    misjoined_conj,
    place_of,
)
from riftwatch.coding.targets import (
    answered_targets,
    brokered_parties,
    ended_act_owner,
    fallback_target,
    investigated_state,
    noun_targets,
    provoking_actor,
    verb_targets,
)
from riftwatch.types import ActorKind, ActorMention, Sentence, Token
from riftwatch.wordlists import words

__all__ = [
    "MentionIndex",
    "Roles",
    "actors_in",
    "collective_size",
    "distinct_parties",
    "find_roles",
    "is_collective",
    "reporter_of",
]

_PRONOUNS = words("pronouns")
_PERSONAL = frozenset({"he", "she"})
_RELATIVE = words("relative-pronouns")
_PEOPLE_NOUNS = words("people-nouns")
# Verbs whose passive names, with "from X" or "to leave X", who did it ("were expelled from").
_EXPELLING_VERBS = frozenset({"expel", "deport", "order", "kick", "throw", "eject", "banish"})
_MEMBER_NOUNS = frozenset({"member", "state", "country", "government", "nation", "ally"})
_LIGHT_VERBS = words("light-verbs")
_SUBJECT_LINKS = frozenset(
    {"xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "pobj", "dobj", "relcl", "acl", "acomp"}
)
_SHARED_ROLE_NOUNS = words("participation-nouns")


def find_roles(
    sentence: Sentence,
    trigger: Token,
    index: MentionIndex,
    *,
    object_token: Token | None = None,
    previous_source: ActorMention | None = None,
    root: str = "",
    symmetric: bool = False,
) -> Roles:
    """Source and target mentions of the action at `trigger`, with the rule that found each."""
    if trigger.lemma in _VERDICT_VERBS or _faces_a_threat(trigger, root):
        sources, s_rule = _reporter(sentence, trigger, index)
        targets, t_rule = subject_actors(sentence, trigger, index), "copula-subject"
    elif trigger.lemma in _EVIDENCE_VERBS and not subject_actors(sentence, trigger, index):
        # "Maas said the evidence pointed to Russian responsibility": Maas accuses Russia
        sources, s_rule = _reporter(sentence, trigger, index)
        targets, t_rule = verb_targets(sentence, trigger, index, object_token)
    elif trigger.pos in {"NOUN", "PROPN"} and trigger.dep not in _CLAUSE_DEPS:
        sources, s_rule = _noun_sources(sentence, trigger, index, previous_source, root)
        targets, t_rule = noun_targets(sentence, trigger, index)
        judged = authorship.judged_act(sentence, trigger) if s_rule == "judged-act" else None
        if judged is not None and not targets:
            # "the operation against X constituted ethnic cleansing": the operation's victims
            targets, t_rule = noun_targets(sentence, judged, index)
        trip = authorship.trip_for(sentence, trigger) if s_rule == "trip-purpose" else None
        if trip is not None and not targets:
            # "sent its foreign minister to Washington for talks": talks where it went
            place = authorship.destination(sentence, trip)
            found = actors_in(sentence, place, index) if place is not None else []
            targets, t_rule = found, "trip-destination"
    else:
        sources, s_rule = _verb_sources(sentence, trigger, index, previous_source)
        targets, t_rule = verb_targets(sentence, trigger, index, object_token)
    if not sources and s_rule == "passive-agent" and root == "15":
        # "8,500 US troops were placed on alert": whose troops are readied readies them.
        sources, targets = targets, []
        s_rule, t_rule = "passive-forces", "none"
    elif not sources and s_rule == "passive-agent" and root == "17":
        sources, s_rule = place_of(sentence, trigger, index), "passive-place"
    elif not sources and s_rule == "passive-agent" and "03" <= root <= "08":
        # "Zardari said none would be handed over to India": the speaker's state would do it
        sources, s_rule = _reporter(sentence, trigger, index)
    if each_other(sentence, trigger):  # "blamed each other": no one else is aimed at
        return Roles(tuple(sources), (), s_rule, "each-other", reciprocal=True)
    codes = {m.code for m in sources}
    if symmetric and len(codes) >= 2:
        # "Australia and East Timor signed a treaty at the United Nations": where, not whom
        targets = [t for t in targets if not _at_venue(sentence, t)]
    kept = tuple(t for t in targets if all(distinct_parties(s, t) for s in sources))
    if not kept and root in {"02", "10"}:
        kept, t_rule = ended_act_owner(sentence, trigger, index, codes)
    if not kept and s_rule == "participle-agent":
        kept, t_rule = brokered_parties(sentence, trigger, index)
    if not kept and root == "09":
        kept, t_rule = investigated_state(sentence, trigger, index, codes)
    if not kept and not (symmetric and len(codes) >= 2):
        kept, t_rule = answered_targets(sentence, trigger, index, codes)
    if not kept and root == "15":
        kept, t_rule = provoking_actor(sentence, trigger, index, codes)
    if not kept and not (symmetric and len(codes) >= 2) and s_rule != "judged-act":
        kept, t_rule = fallback_target(sentence, trigger, index, codes)
    return Roles(tuple(sources), kept, s_rule, t_rule if kept else "none")


def _faces_a_threat(trigger: Token, root: str) -> bool:
    """ "Han said the United States would face the greatest pain": the speaker threatens the
    one who would face it."""
    return trigger.lemma == "face" and root == "13"


def _at_venue(sentence: Sentence, mention: ActorMention) -> bool:
    head = sentence.token(mention.token_end - 1)
    if head.dep != "pobj" or head.head == head.i:
        return False
    return sentence.token(head.head).lower in {"at", "in"}


# Verbs that state a verdict on their subject ("was responsible", "bore responsibility",
# "constituted ethnic cleansing"): the speaker above judges the subject.
_VERDICT_VERBS = frozenset({"be", "bear", "constitute", "amount"})
# A participle the tagger calls a noun ("..., training alongside Australian forces") still
# heads a clause: its roles are a verb's.
_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "relcl"})
# Acts told as the occasion of another ("warned Putin during a video call"): their parties.
_OCCASIONS = frozenset({"04", "19"})
_EVIDENCE_VERBS = frozenset({"point", "suggest", "indicate", "show"})


def reporter_of(sentence: Sentence, trigger: Token, index: MentionIndex) -> list[ActorMention]:
    """Who says so: the subject of the speech verb above `trigger`, if any."""
    return _reporter(sentence, trigger, index)[0]


def _reporter(
    sentence: Sentence, trigger: Token, index: MentionIndex
) -> tuple[list[ActorMention], str]:
    """ "May told parliament that Russia was culpable": the blame is May's, aimed at Russia;
    "Qatar denied the accusations, saying the measures were unjustified": Qatar's."""
    tok = trigger
    while tok.head != tok.i and (
        tok.dep in {"ccomp", "conj"} or (tok.dep == "advcl" and tok.tag == "VBG")
    ):
        tok = sentence.token(tok.head)
        found = subject_actors(sentence, tok, index)
        if found:
            return found, "reporting-subject"
    return [], "none"


def _counted_examples(sentence: Sentence, subject: Token, index: MentionIndex) -> bool:
    """ "More than 20 countries, including the United States, ordered 100 diplomats out": the
    named ones are examples of an uncounted whole; the count is the whole's."""
    counted = any(c.dep == "nummod" for c in sentence.children(subject))
    return counted and subject.lemma in _MEMBER_NOUNS and index.at(subject) is None


def _verb_sources(
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
        if subject is None and child_of(sentence, tok, ("nsubjpass",)) is not None:
            agent = agent_actors(sentence, tok, index)
            if agent:
                return agent, "passive-agent"
            if tok.lemma in _EXPELLING_VERBS:
                return left_country(sentence, tok, index), "passive-origin"
            return [], "passive-agent"
        if subject is not None and subject.lower in _RELATIVE and tok.dep == "relcl":
            return antecedent(sentence, subject, sentence.token(tok.head), index), "relative"
        if subject is not None and is_collective(sentence, subject):
            people = subject.lemma in _PEOPLE_NOUNS
            return [], "collective-people" if people else "collective"
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
    if pronoun and previous is not None:
        return [previous], "pronoun-previous-subject"
    return [], "none"


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


def _noun_sources(
    sentence: Sentence,
    trigger: Token,
    index: MentionIndex,
    previous: ActorMention | None,
    root: str,
) -> tuple[list[ActorMention], str]:
    for child in sentence.children(trigger):
        found = index.at(child) if child.dep in {"poss", "compound", "nmod", "amod"} else None
        if found is None or is_venue_modifier(child, trigger):
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
        return _verb_sources(sentence, clause, index, previous)[0], "responsible"
    trip = authorship.trip_for(sentence, trigger)
    if trip is not None:
        return _verb_sources(sentence, trip, index, previous)[0], "trip-purpose"
    occasion = (
        authorship.occasion_of(sentence, trigger, talks=root == "04")
        if root in _OCCASIONS
        else None
    )
    if occasion is not None and not _names_a_party(sentence, trigger, occasion, index, root):
        occasion = None  # "missiles would stay on the ground during the talks"
    if occasion is not None:
        found = _verb_sources(sentence, occasion, index, previous)[0] or [
            m
            for c in sentence.children(occasion)
            if c.dep == "nsubjpass"
            for m in actors_in(sentence, c, index)
        ]
        if found:
            return found, "occasion"
    response = authorship.response_by(sentence, trigger)
    if response is not None:
        return _verb_sources(sentence, response, index, previous)[0], "response-means"
    verdict = authorship.convicted_of(sentence, trigger)
    if verdict is not None:  # the convicted's state, else the judging court's
        convicted = actors_in(sentence, verdict[0], index)
        return convicted or subject_actors(sentence, verdict[1], index), "convicted"
    judged = authorship.judged_act(sentence, trigger)
    if judged is not None:
        found = _noun_sources(sentence, judged, index, previous, "")[0]
        return found or actors_in(sentence, judged, index), "judged-act"
    if trigger.dep == "dobj" and head.lemma in _LIGHT_VERBS:
        return _verb_sources(sentence, head, index, previous)[0], "light-verb-subject"
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
