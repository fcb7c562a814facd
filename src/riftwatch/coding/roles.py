"""Find who acts and who is acted upon, from the dependency parse around a trigger."""

from __future__ import annotations

from riftwatch.coding import authorship
from riftwatch.coding.phrases import (
    MentionIndex,
    Roles,
    actors_in,
    collective_size,
    distinct_parties,
    each_other,
    is_collective,
    mutual_relations,
    subject_actors,
)
from riftwatch.coding.possessors import pronoun_owner
from riftwatch.coding.sources import noun_sources, verb_sources
from riftwatch.coding.subjects import place_of
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
from riftwatch.types import ActorMention, Sentence, Token
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
        sources, s_rule = noun_sources(sentence, trigger, index, previous_source, root)
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
        sources, s_rule = verb_sources(sentence, trigger, index, previous_source)
        targets, t_rule = verb_targets(sentence, trigger, index, object_token)
    if not sources and s_rule == "passive-agent" and root == "15":
        # "8,500 US troops were placed on alert": whose troops are readied readies them.
        sources, targets = targets, []
        s_rule, t_rule = "passive-forces", "none"
    elif not sources and s_rule == "passive-agent" and root == "17":
        sources, s_rule = place_of(sentence, trigger, index), "passive-place"
    elif not sources and s_rule == "passive-agent" and "03" <= root <= "08":
        # "Zardari said none would be handed over to India": the speaker's state would do it;
        # not so for a swap ("24 prisoners were swapped, Turkish intelligence said")
        if trigger.lemma not in _RECIPROCAL_VERBS:
            sources, s_rule = _reporter(sentence, trigger, index)
    codes = {m.code for m in sources}
    mutual = len(codes) >= 2 and mutual_relations(sentence, trigger, index)
    if each_other(sentence, trigger) or mutual:  # "blamed each other": no one else is aimed at
        return Roles(tuple(sources), (), s_rule, "each-other", reciprocal=True)
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
    if not kept and codes and root >= "13":  # "Nicaraguan troops occupied part of its territory"
        kept, t_rule = pronoun_owner(sentence, trigger, index, sources)
    if not kept and not (symmetric and len(codes) >= 2) and s_rule != "judged-act":
        kept, t_rule = fallback_target(sentence, trigger, index, codes)
        if symmetric:  # "Bush, speaking in Beijing": where, not with whom
            kept = tuple(t for t in kept if not _at_venue(sentence, t))
    return Roles(tuple(sources), kept, s_rule, t_rule if kept else "none")


def _faces_a_threat(trigger: Token, root: str) -> bool:
    """ "Han said the United States would face the greatest pain": the speaker threatens the
    one who would face it."""
    return trigger.lemma == "face" and root == "13"


def _at_venue(sentence: Sentence, mention: ActorMention) -> bool:
    head = sentence.token(mention.token_end - 1)
    while head.dep in {"amod", "compound"} and head.head != head.i:
        head = sentence.token(head.head)  # "on the Indonesian island of Bali"
    if head.dep != "pobj" or head.head == head.i:
        return False
    return sentence.token(head.head).lower in {"at", "in", "on"}  # "on the island of Bali"


_RECIPROCAL_VERBS = words("reciprocal-verbs")
# Verbs that state a verdict on their subject ("was responsible", "bore responsibility",
# "constituted ethnic cleansing"): the speaker above judges the subject.
_VERDICT_VERBS = frozenset({"be", "bear", "constitute", "amount"})
# A participle the tagger calls a noun ("..., training alongside Australian forces") still
# heads a clause: its roles are a verb's.
_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "relcl"})
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
