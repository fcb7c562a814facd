"""Fill a target the sentence leaves implicit, from the events earlier in the same document.

News reports chain their sentences: "..., and Lithuania said it would expel three" continues an
expulsion of Russian diplomats; "Trump praised the talks" praises the other party to them;
"the foreign ministry promised a tough response" answers whoever acted against it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from riftwatch.types import ActorKind, ActorMention, CodedEvent, Sentence, Token
from riftwatch.wordlists import pairs, words

_NEAR_SENTENCES = 3
_ECHO_VERBS = pairs("echo-verbs")
# Nouns that name an earlier event when they are the object ("welcomed the agreement").
EVENT_NOUNS = words("event-nouns")
_WEAK_TARGET_RULES = frozenset({"none", "nearest-in-clause"})


_AID_ROOT = "07"
_FORCE_ROOTS = frozenset({"18", "19", "20"})  # an attack, a killing, a massacre: one kind
_FORCE_POSTURE = "15"
_CONFLICT_QUADS = frozenset({3, 4})  # verbal and material conflict
_AID_APPEAL = "023"  # CAMEO 023 Appeal for aid


def implicit_targets(
    source: ActorMention,
    root: str,
    sentence: int,
    history: Sequence[CodedEvent],
    *,
    referenced: frozenset[str] | None,
) -> tuple[list[ActorMention], str]:
    """Targets implied by earlier events, with the rule that found them (or [] and "none")."""
    continued = _same_sentence_target(source, sentence, history)
    if continued is not None:
        return [continued], "same-sentence-source"
    if referenced is not None:  # "condemned the attack": whoever attacked, not the blamed
        parties = _parties_of_last_event(source, sentence, history, referenced)
        if parties:
            return parties, "parties-of-referenced-event"
    same = _same_action(source, root, history)
    if same is not None:
        return [same], "same-action-earlier"
    if root == _AID_ROOT:
        asked = _appealed_for_aid(source, sentence, history)
        if asked is not None:
            return [asked], "answered-appeal"
    if root == _FORCE_POSTURE:
        faced = _latest_adversary(source, sentence, history)
        if faced is not None:
            return [faced], "posture-toward-adversary"
    return [], "none"


def _recent(history: Sequence[CodedEvent], sentence: int) -> Iterator[CodedEvent]:
    """The events of the last few sentences before `sentence`, latest first."""
    for event in reversed(history):
        if sentence - event.evidence.sentence > _NEAR_SENTENCES:
            return
        yield event


def answered_actor(
    source: ActorMention, sentence: int, history: Sequence[CodedEvent]
) -> ActorMention | None:
    """Who a response answers: the latest other actor that acted nearby."""
    for event in _recent(history, sentence):
        if event.modality.is_factual and event.source.code != source.code:
            return event.source
    return None


def _latest_adversary(
    source: ActorMention, sentence: int, history: Sequence[CodedEvent]
) -> ActorMention | None:
    """ "India recalled its envoy from Islamabad, blaming Pakistan ... India has been moving
    troops toward the border": forces massed at no one named face whom the source last acted
    against nearby."""
    for event in _recent(history, sentence):
        hostile = event.action.quad_class in _CONFLICT_QUADS and event.modality.is_factual
        if hostile and event.source.code == source.code and event.target is not None:
            if event.target.code != source.code:
                return event.target
    return None


def _appealed_for_aid(
    source: ActorMention, sentence: int, history: Sequence[CodedEvent]
) -> ActorMention | None:
    """ "Haiti appealed for international help ... The United States is sending teams": aid
    goes to whoever asked for it lately."""
    for event in _recent(history, sentence):
        if event.action.cameo.startswith(_AID_APPEAL) and event.source.code != source.code:
            return event.source
    return None


def reaction_target(
    source: ActorMention, sentence: int, history: Sequence[CodedEvent]
) -> tuple[list[ActorMention], str]:
    """The actor who last acted against `source` nearby: the likely object of its reaction."""
    for event in _recent(history, sentence):
        if event.target is not None and event.target.code == source.code:
            if event.source.code != source.code:
                return [event.source], "reaction-to-earlier"
    return [], "none"


def echo_triggers(sentence: Sentence) -> list[Token]:
    """Verbs that repeat an earlier act: "followed suit", "did the same", "followed its lead"."""
    found = []
    for tok in sentence.tokens:
        objects = {c.lemma for c in sentence.children(tok) if c.dep == "dobj"}
        if tok.lemma in _ECHO_VERBS and objects & _ECHO_VERBS[tok.lemma]:
            found.append(tok)
    return found


def last_fact(history: Sequence[CodedEvent]) -> CodedEvent | None:
    """The latest factual event, the one an echo repeats."""
    for event in reversed(history):
        if event.modality.is_factual:
            return event
    return None


def collective_referents(
    sentence: int, history: Sequence[CodedEvent], *, people: bool = False, size: int = 0
) -> list[ActorMention]:
    """Who "the two leaders" or "both governments" are: the several actors of the latest act
    nearby (its coordinated sources, or its source and target); for people, the latest act
    between two named persons; for "the four countries", the latest act by exactly four."""
    facts = [e for e in history if e.modality.is_factual]
    near = list(_recent(facts, sentence))[::-1]
    between_people = [e for e in near if _both_people(e)]
    if people and between_people:
        event = between_people[-1]
        return _distinct([event.source, event.target] if event.target else [event.source])
    if size:
        sized = _acted_together(near, size)
        if sized:
            return sized
    for event in reversed(near):
        same = [e.source for e in facts if e.evidence.sentence == event.evidence.sentence]
        sources = _distinct(same)
        if len(sources) >= 2:
            return sources
        parties = _distinct([event.source] + ([event.target] if event.target else []))
        if len(parties) >= 2:
            return parties
    return []


def _acted_together(events: Sequence[CodedEvent], size: int) -> list[ActorMention]:
    """The latest `size` distinct sources of one act (one trigger), or else its `size`
    targets ("rejected an ultimatum from Spain, France, Germany and Britain. The four ...")."""
    by_trigger: dict[tuple[int, int], list[CodedEvent]] = {}
    for event in events:
        key = (event.evidence.sentence, event.evidence.trigger_start)
        by_trigger.setdefault(key, []).append(event)
    for acts in reversed(list(by_trigger.values())):
        sources = _distinct([e.source for e in acts])
        if len(sources) == size:
            return sources
        targets = _distinct([e.target for e in acts if e.target is not None])
        if len(targets) == size:
            return targets
    return []


def _both_people(event: CodedEvent) -> bool:
    return event.source.kind is ActorKind.PERSON and (
        event.target is not None and event.target.kind is ActorKind.PERSON
    )


def _same_sentence_target(
    source: ActorMention, sentence: int, history: Sequence[CodedEvent]
) -> ActorMention | None:
    """ "Algeria cut ties with Morocco, accusing its neighbour of ...": the same actor, in the
    same sentence, goes on acting on the same target."""
    for event in reversed(history):
        if event.evidence.sentence != sentence:
            return None
        if event.source.code == source.code and event.target is not None:
            # not the talks an act was told beside ("Speaking before talks with Jordan's king,
            # Putin called the downing a stab in the back")
            if (
                _target_rule(event) not in _WEAK_TARGET_RULES
                and "source:occasion" not in event.notes
            ):
                return event.target
    return None


def _same_action(
    source: ActorMention, root: str, history: Sequence[CodedEvent]
) -> ActorMention | None:
    for event in reversed(history):
        if event.action.root != root or event.target is None:
            continue
        if _target_rule(event) in _WEAK_TARGET_RULES or event.target.code == source.code:
            continue
        return event.target
    return None


def _parties_of_last_event(
    source: ActorMention,
    sentence: int,
    history: Sequence[CodedEvent],
    roots: frozenset[str] = frozenset(),
) -> list[ActorMention]:
    """The other parties of the latest event nearby, or of the latest of the kind the
    referring noun names ("condemned the killing": the killing, not a threat told since)."""
    near = list(_recent(history, sentence))[::-1]
    near = [e for e in near if e.modality.is_factual] or near  # not an act only demanded
    kind = [e for e in near if _same_kind(e.action.root, roots)] if roots else []
    for event in reversed(kind or near):
        # "regretted the decision": its author; "welcomed the agreement": both its parties.
        target = [event.target] if event.target and event.symmetric else []
        parties = [event.source, *target]
        if event.source.code == source.code and event.target:
            parties = [event.target]
        others = [p for p in parties if p.code != source.code]
        if others:
            return _distinct(others)
    return []


def _same_kind(root: str, kinds: frozenset[str]) -> bool:
    """`kinds`: the roots the referring noun may name ("the resolution": 02, 10, 11, 12, 16)."""
    return root in kinds or (root in _FORCE_ROOTS and bool(kinds & _FORCE_ROOTS))


def _target_rule(event: CodedEvent) -> str:
    for note in event.notes:
        if note.startswith("target:"):
            return note.removeprefix("target:")
    return "none"


def _distinct(mentions: list[ActorMention]) -> list[ActorMention]:
    first: dict[str, ActorMention] = {}
    for m in mentions:
        first.setdefault(m.code, m)
    return list(first.values())
