"""Targets: whom an action is aimed at, from the parse (object, preposition, nearest actor)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from riftwatch.coding.discourse import EVENT_NOUNS
from riftwatch.coding.phrases import (
    MentionIndex,
    actors_in,
    antecedent,
    backer_only,
    child_of,
    object_gap,
    shared_passive_subject,
    subject_actors,
)
from riftwatch.types import ActorKind, ActorMention, Sentence, Token
from riftwatch.wordlists import ordered_words, words

_OBJECT_PRONOUNS = words("object-pronouns")
_RELATIVE = words("relative-pronouns")
_TARGET_PREPS = ordered_words("target-prepositions")
_LIGHT_VERBS = words("light-verbs")
_LOCATIVE_PREPS = words("locative-prepositions")
_REALISING_VERBS = words("purpose-realising-verbs")
# Handing someone or something over aims at the state that receives it, not the one it is from.
_SHARING_VERBS = frozenset({"share", "exchange"})
_HANDING_VERBS = frozenset({"extradite", "hand", "transfer", "repatriate", "return", "cede"})
_REPLY_NOUNS = frozenset({"response", "retaliation", "reprisal", "reaction", "revenge", "answer"})
_STOPPING_NOUNS = frozenset({"end", "halt", "stop", "cessation", "withdrawal", "pullout"})
_DEAL_NOUNS = frozenset({"deal", "agreement", "accord", "arrangement", "pact", "bargain"})
_BEHALF_NOUNS = frozenset({"request", "invitation", "behest", "urging", "instigation"})


def verb_targets(
    sentence: Sentence, trigger: Token, index: MentionIndex, object_token: Token | None
) -> tuple[list[ActorMention], str]:
    if trigger.lemma in _SHARING_VERBS:  # "sharing data on North Korean launches": with whom
        return _prep_objects(sentence, [trigger, *sentence.children(trigger)], index, ("with",)), (
            "shared-with"
        )
    if trigger.lemma in _HANDING_VERBS:  # "extradited Viktor Bout to the United States"
        found = _prep_objects(sentence, [trigger, *sentence.children(trigger)], index, ("to",))
        if found:
            return found, "recipient"
    passive = child_of(sentence, trigger, ("nsubjpass",))
    passive = passive or shared_passive_subject(sentence, trigger)
    if passive is not None and passive.lower in _RELATIVE and trigger.dep == "relcl":
        # "two Mossad agents who were arrested in Amman": the agents
        head = sentence.token(trigger.head)
        return antecedent(sentence, passive, head, index), "passive-relative"
    if passive is not None:
        return actors_in(sentence, passive, index), "passive-subject"
    # "the American aid flight allowed in by Myanmar"; not "..., which he denounced": a
    # relative pronoun there is often hung on the wrong noun ("sent a ship to Guyana, which")
    if object_gap(sentence, trigger) and child_of(sentence, trigger, ("dobj",)) is None:
        found = actors_in(sentence, sentence.token(trigger.head), index)
        if found:
            return found, "modified-noun"
    for dep in ("dative", "dobj", "attr"):  # "handed Qatar a list of demands"
        obj = child_of(sentence, trigger, (dep,))
        if obj is not None and obj.lower in _OBJECT_PRONOUNS:
            return _pronoun_referent(sentence, obj, index), "pronoun-object"
        if obj is not None:
            found = _owners(sentence, obj, index) or actors_in(sentence, obj, index)
            if found:
                return found + _companions(sentence, [trigger, obj], index), dep
    holders = [h for h in (object_token, trigger) if h is not None]
    obj = child_of(sentence, trigger, ("dobj",))
    if obj is not None and obj not in holders:
        holders.insert(0, obj)
    found = _prep_objects(sentence, holders, index)
    if found:
        return found, "prep-object"
    found = _contacted(sentence, trigger, index)
    return (found, "contacted-object") if found else ([], "none")


def _companions(
    sentence: Sentence, holders: Sequence[Token], index: MentionIndex
) -> list[ActorMention]:
    """ "killed Soleimani ..., along with Iraqi militia leader al-Muhandis": those the act
    took "along with" or "together with" its object."""
    found = []
    for holder in holders:
        for prep in sentence.children(holder):
            if prep.dep == "prep" and prep.lower in {"along", "together"}:
                with_ = child_of(sentence, prep, ("prep",))
                pobj = child_of(sentence, with_, ("pobj",)) if with_ is not None else None
                found += actors_in(sentence, pobj, index) if pobj is not None else []
    return found


def _contacted(sentence: Sentence, trigger: Token, index: MentionIndex) -> list[ActorMention]:
    """ "summoned Sudan's ambassador to protest": the one summoned is protested to."""
    if trigger.dep not in {"advcl", "xcomp"} or trigger.head == trigger.i:
        return []
    head = sentence.token(trigger.head)
    obj = child_of(sentence, head, ("dobj",))
    if head.lemma not in _REALISING_VERBS or obj is None:
        return []
    return _owners(sentence, obj, index) or actors_in(sentence, obj, index)


def _prep_objects(
    sentence: Sentence,
    holders: Sequence[Token],
    index: MentionIndex,
    preps: Sequence[str] = _TARGET_PREPS,
) -> list[ActorMention]:
    for prep in preps:
        for holder in holders:
            for child in sentence.children(holder):
                if child.dep == "prep" and child.lower == prep:
                    pobj = child_of(sentence, child, ("pobj",))
                    if pobj is not None and pobj.lemma in _BEHALF_NOUNS:
                        continue  # "arrested Meng at the request of the United States"
                    found = actors_in(sentence, pobj, index) if pobj is not None else []
                    if found:
                        return found
    return []


def noun_targets(
    sentence: Sentence, trigger: Token, index: MentionIndex
) -> tuple[list[ActorMention], str]:
    found = _prep_objects(sentence, [trigger], index)
    if found:
        return found, "noun-prep-object"
    if trigger.dep == "dobj" and trigger.head != trigger.i:
        head = sentence.token(trigger.head)
        if head.lemma in _LIGHT_VERBS:
            return verb_targets(sentence, head, index, trigger)
    return [], "none"


def fallback_target(
    sentence: Sentence, trigger: Token, index: MentionIndex, source_codes: set[str]
) -> tuple[tuple[ActorMention, ...], str]:
    """The nearest other actor inside the trigger's own clause, when the parse names none."""
    candidates = [
        m
        for t in _own_clause(sentence, trigger)
        if (m := index.at(t)) is not None
        and m.code not in source_codes
        and not backer_only(sentence, t)  # "any advance by Turkish-backed forces"
        and not _in_subject(sentence, t, trigger)
        and not _on_whose_behalf(sentence, t, trigger)
    ]
    if not candidates:
        return (), "none"
    best = min(candidates, key=lambda m: abs(m.token_start - trigger.i))
    # "... patrols with Laos, Myanmar and Thailand": the nearest and its conjuncts.
    head = sentence.token(best.token_end - 1)
    listed = [m for m in actors_in(sentence, head, index) if m.code not in source_codes]
    return tuple(listed) or (best,), "nearest-in-clause"


def _on_whose_behalf(sentence: Sentence, tok: Token, trigger: Token) -> bool:
    """ "arrested Meng at the request of the United States", "freed her under a deal with US
    prosecutors": who asked or bargained is not whom the act is done to."""
    while tok.i != trigger.i and tok.head != tok.i:
        tok = sentence.token(tok.head)
        if tok.pos != "NOUN" or tok.i == trigger.i or tok.dep != "pobj":
            continue
        prep = sentence.token(tok.head).lower
        if tok.lemma in _BEHALF_NOUNS and prep in {"at", "on", "upon"}:
            return True
        if tok.lemma in _DEAL_NOUNS and prep in {"under", "through"}:
            return True
    return False


def answered_targets(
    sentence: Sentence, trigger: Token, index: MentionIndex, source_codes: set[str]
) -> tuple[tuple[ActorMention, ...], str]:
    """ "carried out five nuclear tests in response to India's tests", "in retaliation for
    the US strike": a reply is aimed at the one whose act it answers."""
    clause = [trigger]
    if trigger.dep == "dobj" and trigger.head != trigger.i:
        clause.append(sentence.token(trigger.head))  # "carried out tests in response to"
    for act in _acts_named_by(sentence, clause, _REPLY_NOUNS):
        found = _owners(sentence, act, index) or actors_in(sentence, act, index)
        kept = tuple(m for m in found if m.code not in source_codes)
        if kept:
            return kept, "answered-act"
    return (), "none"


def _acts_named_by(
    sentence: Sentence,
    verbs: Sequence[Token],
    nouns: frozenset[str],
    inner: frozenset[str] | set[str] | None = None,
) -> Iterator[Token]:
    """The acts named inside a prepositional phrase headed by one of `nouns`: "in response to
    India's tests" -> tests, "for an end to the Russian bombing" -> bombing."""
    for verb in verbs:
        for prep in sentence.children(verb):
            head = child_of(sentence, prep, ("pobj",)) if prep.dep == "prep" else None
            if head is None or head.lemma not in nouns:
                continue
            for link in sentence.children(head):
                act = child_of(sentence, link, ("pobj",)) if link.dep == "prep" else None
                if act is not None and (inner is None or link.lower in inner):
                    yield act


def _own_clause(sentence: Sentence, trigger: Token) -> list[Token]:
    """The trigger's subtree without coordinated clauses that have their own subject."""
    keep: list[Token] = []
    stack = [trigger]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in sentence.children(tok) if not _own_subject_clause(sentence, c))
    return keep


def _own_subject_clause(sentence: Sentence, tok: Token) -> bool:
    """ "..., and China urged both sides": a coordinated clause with a subject of its own."""
    if tok.dep not in {"conj", "parataxis"} or tok.pos not in {"VERB", "AUX"}:
        return False
    return child_of(sentence, tok, ("nsubj", "nsubjpass")) is not None


def _owners(sentence: Sentence, obj: Token, index: MentionIndex) -> list[ActorMention]:
    """ "condemned Iraq's invasion of Kuwait": the one whose act is condemned, not its victim;
    "expelled Mexico's ambassador and two Spanish diplomats" names actors, not an act."""
    if index.at(obj) is not None:
        return []
    return [m for c in sentence.children(obj) if c.dep == "poss" and (m := index.at(c))]


def investigated_state(
    sentence: Sentence, trigger: Token, index: MentionIndex, source_codes: set[str]
) -> tuple[tuple[ActorMention, ...], str]:
    """ "an investigation into alleged crimes in Burundi": an inquiry targets the state where
    what it looks into happened."""
    # The parser may hang "in Venezuela" on a conjunct outside the trigger's subtree.
    after = [t for t in sentence.tokens if t.i > trigger.i]
    for tok in [*sentence.subtree(trigger), *after]:
        if tok.dep == "pobj" and sentence.token(tok.head).lower == "in":
            found = [m for m in actors_in(sentence, tok, index) if m.code not in source_codes]
            if found:
                return (found[0],), "investigated-place"
    return (), "none"


def _in_subject(sentence: Sentence, tok: Token, trigger: Token) -> bool:
    while tok.i != trigger.i and tok.head != tok.i:
        if tok.dep in {"nsubj", "nsubjpass"} and tok.head == trigger.i:
            return True
        tok = sentence.token(tok.head)
    return False


def _in_locative(sentence: Sentence, tok: Token, trigger: Token) -> bool:
    """ "met in the Finnish capital", "the situation in Syria": places, not targets."""
    while tok.i != trigger.i and tok.head != tok.i:
        if tok.dep == "prep" and tok.lower in _LOCATIVE_PREPS:
            return True
        tok = sentence.token(tok.head)
    return False


def _pronoun_referent(
    sentence: Sentence, pronoun: Token, index: MentionIndex
) -> list[ActorMention]:
    """ "severed ties with Qatar, accusing it of ...": the nearest actor named before it that
    is not the clause's own subject."""
    verb = sentence.token(pronoun.head)
    head = _clause_head(sentence, verb)
    subject_codes = {m.code for m in subject_actors(sentence, head, index)}
    obj = child_of(sentence, head, ("dobj",)) if head.i != verb.i else None
    # "condemned Trump's decision to recognise Jerusalem as Israel's capital, ... calling it
    # unjustified": the decision, so its owner
    found = (_owners(sentence, obj, index) or actors_in(sentence, obj, index)) if obj else []
    named = [m for m in found if m.code not in subject_codes]
    if named:
        return named[:1]
    if pronoun.lower == "it":  # "Trump's decision ..., with the royal court calling it ..."
        act = _latest_owned_act(sentence, pronoun, index, subject_codes)
        if act:
            return act
    earlier = [
        m
        for tok in reversed([t for t in sentence.tokens if t.i < pronoun.i])
        if (m := index.at(tok)) is not None
        and m.code not in subject_codes
        and not backer_only(sentence, tok)
    ]
    if pronoun.lower in {"him", "her"}:  # a person: the nearest mention naming one
        people = [m for m in earlier if _names_a_person(sentence, m)]
        earlier = people or earlier
    return earlier[:1]


def _latest_owned_act(
    sentence: Sentence, pronoun: Token, index: MentionIndex, skip: set[str]
) -> list[ActorMention]:
    """The owner of the act a noun named last before `pronoun`, if it names one."""
    for tok in reversed([t for t in sentence.tokens if t.i < pronoun.i]):
        if tok.pos == "NOUN" and tok.lemma in EVENT_NOUNS:
            return [m for m in _owners(sentence, tok, index) if m.code not in skip][:1]
    return []


def _names_a_person(sentence: Sentence, mention: ActorMention) -> bool:
    """ "suspected Russian arms dealer Viktor Bout", "President Putin": not "the United States"."""
    if mention.kind is ActorKind.PERSON:
        return True
    tokens = [sentence.token(i) for i in range(mention.token_start, mention.token_end)]
    return any(t.ent_type == "PERSON" for t in tokens)


def _clause_head(sentence: Sentence, verb: Token) -> Token:
    tok = verb
    while tok.dep in {"advcl", "xcomp", "conj"} and tok.head != tok.i:
        if child_of(sentence, tok, ("nsubj", "nsubjpass")) is not None:
            break
        tok = sentence.token(tok.head)
    return tok


def brokered_parties(
    sentence: Sentence, trigger: Token, index: MentionIndex
) -> tuple[tuple[ActorMention, ...], str]:
    """ "Saudi Arabia and Iran agreed ..., in a deal brokered by China": the broker mediates
    between the parties of the clause the deal belongs to."""
    if trigger.dep != "acl" or trigger.head == trigger.i:
        return (), "none"
    deal = sentence.token(trigger.head)
    if deal.lemma not in _DEAL_NOUNS | {"truce", "ceasefire", "treaty", "talks"}:
        return (), "none"
    tok = deal
    while tok.dep in {"pobj", "prep", "dobj", "appos", "advcl"} and tok.head != tok.i:
        tok = sentence.token(tok.head)
        found = subject_actors(sentence, tok, index) if tok.pos in {"VERB", "AUX"} else []
        if found:  # past "after they cut ties" to who "they" are
            return tuple(found), "brokered-parties"
    return (), "none"


def ended_act_owner(
    sentence: Sentence, trigger: Token, index: MentionIndex, source_codes: set[str]
) -> tuple[tuple[ActorMention, ...], str]:
    """ "called for an end to the Russian bombing", "demanded a halt to Israel's strikes": an
    appeal to stop an act is aimed at whoever does it."""
    for act in _acts_named_by(sentence, [trigger], _STOPPING_NOUNS, {"to", "of"}):
        owners = [
            m
            for c in sentence.children(act)
            if c.dep in {"poss", "amod", "compound"}
            for m in actors_in(sentence, c, index)
            if m.code not in source_codes
        ]
        if owners:
            return tuple(owners), "ended-act-owner"
    return (), "none"


def provoking_actor(
    sentence: Sentence, trigger: Token, index: MentionIndex, source_codes: set[str]
) -> tuple[tuple[ActorMention, ...], str]:
    """ "ordered troops to the Gulf after Iraq moved soldiers toward the Kuwaiti border": a
    show of force answers whoever acted in the clause it follows (which the parser may hang on
    the verb that reports it)."""
    holders = [trigger]
    if trigger.dep == "ccomp" and trigger.head != trigger.i:
        holders.append(sentence.token(trigger.head))
    for clause in [c for h in holders for c in sentence.children(h)]:
        marks = {c.lower for c in sentence.children(clause) if c.dep == "mark"}
        if clause.dep != "advcl" or not marks & {"after", "as"}:
            continue
        found = [m for m in subject_actors(sentence, clause, index) if m.code not in source_codes]
        if found:
            return tuple(found), "provoking-actor"
    return (), "none"
