"""Who acts on whom: the parse's roles completed from what the story has said so far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from riftwatch.coding import discourse
from riftwatch.coding.gapping import gapped_groups
from riftwatch.coding.roles import (
    MentionIndex,
    Roles,
    actors_in,
    collective_size,
    distinct_parties,
    find_roles,
    is_collective,
)
from riftwatch.coding.sources import GROUP_RULE
from riftwatch.coding.verbs import ActionMatch, VerbLexicon
from riftwatch.types import ActorMention, CodedEvent, Sentence
from riftwatch.wordlists import pairs, words

MAX_PAIRS = 12
_FIND_GUILTY = "116"
_ALL_PAIRS_UP_TO = 3
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_RECIPROCAL_VERBS = words("reciprocal-verbs")
_LIGHT_VERBS = words("light-verbs")
_DECISION_ROOTS = pairs("decision-roots")


def participants(
    sentence: Sentence,
    match: ActionMatch,
    index: MentionIndex,
    verbs: VerbLexicon,
    previous: ActorMention | None,
    history: Sequence[CodedEvent],
    groups: Mapping[str, Sequence[ActorMention]] | None = None,
) -> Roles:
    """Sources and targets of `match`: the parse's, completed from the story so far (who "the
    four countries" are, whom a reaction answers, what "both governments" means, who "the
    leaders" are among the `groups` named before)."""
    root = match.cameo[:2]
    roles = find_roles(
        sentence,
        match.trigger,
        index,
        object_token=match.object_token,
        previous_source=previous,
        root=root,
        symmetric=match.symmetric,
    )
    gapped = {m for group in gapped_groups(sentence, match.trigger, index) for m in group.sources}
    if gapped:  # "Washington expelled 60 and Ukraine 13": Ukraine expelled, it was not expelled
        kept = tuple(t for t in roles.targets if t not in gapped)
        roles = replace(roles, targets=kept, target_rule=roles.target_rule if kept else "none")
    if roles.source_rule.startswith(f"{GROUP_RULE}:"):  # "The leaders" named before
        found = groups.get(roles.source_rule.split(":", 1)[1], []) if groups else []
        roles = replace(roles, sources=tuple(found), source_rule=GROUP_RULE)
    if roles.source_rule.startswith("collective"):
        people = roles.source_rule == "collective-people"
        size = _collective_subject_size(sentence)
        found = discourse.collective_referents(sentence.index, history, people=people, size=size)
        roles = replace(roles, sources=tuple(found))
        if match.symmetric and len(found) >= 2:
            return replace(roles, targets=(), target_rule="none")
    paired = match.symmetric and len({m.code for m in roles.sources}) >= 2
    if not roles.sources or paired or roles.target_rule not in {"none", "nearest-in-clause"}:
        return roles
    if root == "20" and roles.target_rule == "none":
        return roles  # mass violence with no victim named is done to the author's own people
    both = _collective_object(sentence, match, roles, history)
    if both:
        return replace(roles, targets=tuple(both), target_rule="collective-object")
    if _names_its_object(sentence, match, index):
        return roles  # "shelled Homs": a named place or group that is no state, not a pronoun
    if roles.source_rule == "response-means":  # "responded with a missile drill": to whom
        answered = discourse.answered_actor(roles.sources[0], sentence.index, history)
        if answered is not None:
            return replace(roles, targets=(answered,), target_rule="answered-actor")
    refers = _referenced_roots(sentence, match, verbs)
    found, rule = discourse.implicit_targets(
        roles.sources[0], root, sentence.index, history, referenced=refers
    )
    if not found and roles.target_rule == "none":
        found, rule = discourse.reaction_target(roles.sources[0], sentence.index, history)
    return replace(roles, targets=tuple(found), target_rule=rule) if found else roles


def _collective_subject_size(sentence: Sentence) -> int:
    for tok in sentence.tokens:
        if tok.dep in ("nsubj", "nsubjpass") and is_collective(sentence, tok):
            return collective_size(sentence, tok)
    return 0


def _collective_object(
    sentence: Sentence, match: ActionMatch, roles: Roles, history: Sequence[CodedEvent]
) -> list[ActorMention]:
    """ "praised both governments": the parties of the latest act named before."""
    obj = next((c for c in sentence.children(match.trigger) if c.dep == "dobj"), None)
    if obj is None or not is_collective(sentence, obj):
        return []
    codes = {m.code for m in roles.sources}
    found = discourse.collective_referents(sentence.index + 1, history)
    return [m for m in found if m.code not in codes]


def _names_its_object(sentence: Sentence, match: ActionMatch, index: MentionIndex) -> bool:
    """The action's object is a place that is no state ("shelled Homs")."""
    for obj in sentence.children(match.trigger):
        if obj.dep == "dobj" and obj.ent_type in _PLACE_ENTITIES:
            return not actors_in(sentence, obj, index)
    return False


def _referenced_roots(
    sentence: Sentence, match: ActionMatch, verbs: VerbLexicon
) -> frozenset[str] | None:
    """ "praised the talks", "condemned the killing": the object is an earlier event; the CAMEO
    roots it may have (its lexicon code's; none when the lexicon does not code the noun: any
    act), None for no event."""
    deps = {"dobj", "nsubjpass"} | ({"nsubj"} if match.trigger.lemma == "be" else set())
    objects = [c for c in sentence.children(match.trigger) if c.dep in deps]
    if match.object_token is not None:
        objects.append(match.object_token)
    for o in objects:
        if o.lemma in _DECISION_ROOTS:  # "rejected the resolution": a body's decision
            return _DECISION_ROOTS[o.lemma]
        entries = verbs.entries(o.lemma, "NOUN") if o.pos == "NOUN" else ()
        if o.pos == "NOUN" and (o.lemma in discourse.EVENT_NOUNS or entries):
            return frozenset(next(([e.code[:2]] for e in entries if e.code), []))
    return None


def acting_pairs(
    match: ActionMatch, roles: Roles, code: str | None = None
) -> list[tuple[ActorMention, ActorMention | None]]:
    """(source, target) pairs of one action coded `code` (the match's by default); an
    exchange between coordinated subjects goes both ways."""
    domestic = _domestic(code or match.cameo)
    pairs = pairs_of(roles, symmetric=match.symmetric, domestic=domestic)
    joint = roles.source_rule.startswith("collective") or roles.source_rule == "between"
    joint = joint and len(roles.sources) >= 2
    reciprocal = match.trigger.lemma in _RECIPROCAL_VERBS or roles.reciprocal
    if (reciprocal or joint) and not roles.targets:
        # "exchanged prisoners"; "the two leaders signed a declaration pledging to ..."
        pairs = each_to_each(roles.sources) or pairs
    return pairs


def _domestic(code: str) -> bool:
    """Acts a state does to its own people when no one else is named: mass violence, and
    arrests, trials and sentences ("a Guatemalan court convicted the former dictator")."""
    if code.startswith(("171", "174")):
        # "rebels seized a cargo ship": property, whose owner the text may not say; "deported
        # Novak Djokovic": whoever is deported is from elsewhere
        return False
    return code.startswith(("20", "17")) or code == _FIND_GUILTY


def pairs_of(
    roles: Roles, *, symmetric: bool, domestic: bool = False
) -> list[tuple[ActorMention, ActorMention | None]]:
    """Who acted on whom. Mass violence with no one else named as its victim is done by a
    state to its own people ("government forces killed 1,400 people in a gas attack")."""
    sources = list(roles.sources)
    if symmetric and not roles.targets and len(sources) >= 2:
        # "Indonesia, Malaysia and the Philippines launched joint patrols": every pair; a
        # longer list has a hub ("Iran and six world powers - the United States, ...").
        distinct = list({m.code: m for m in sources}.values())
        if len(distinct) > _ALL_PAIRS_UP_TO:
            return [(distinct[0], other) for other in distinct[1:]][:MAX_PAIRS]
        return [(a, b) for n, a in enumerate(distinct) for b in distinct[n + 1 :]]
    if domestic and not roles.targets:
        return [(s, s) for s in sources][:MAX_PAIRS]
    targets: list[ActorMention | None] = list(roles.targets) or [None]
    pairs = [(s, t) for s in sources for t in targets if t is None or distinct_parties(s, t)]
    return pairs[:MAX_PAIRS]


def each_to_each(sources: Sequence[ActorMention]) -> list[tuple[ActorMention, ActorMention]]:
    """ "Russia and Ukraine exchanged prisoners": each gave to the other."""
    distinct = list({m.code: m for m in sources}.values())
    if len(distinct) < 2:
        return []
    return [(a, b) for a in distinct for b in distinct if a is not b][:MAX_PAIRS]
