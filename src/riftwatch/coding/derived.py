"""Events a sentence states beyond its verbs: the threat in a conditional act ("could expel
... if Moscow retaliates") and the accusation in a report of an atrocity ("Kerry said Syrian
forces killed 1,429 people in a chemical attack")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from riftwatch.coding import modality
from riftwatch.coding.cameo import CameoTable
from riftwatch.coding.roles import MentionIndex, actors_in, reporter_of
from riftwatch.types import ActorMention, CodedEvent, Modality, Sentence, Token
from riftwatch.wordlists import pairs

# CAMEO codebook: a conditional conflictual act ("could expel ... if") is a threat of it.
_THREAT_FOR_ROOT = {root: min(codes) for root, codes in pairs("conditional-threats").items()}
# ... and a conditional cooperative act ("would come to Tuvalu's aid in the event of an
# attack") is a promise of it.
_PROMISE_FOR_ROOT = {root: min(codes) for root, codes in pairs("conditional-promises").items()}
# Atrocities another actor reports are that actor's accusation (112 Accuse of crime).
_ATROCITY_ROOTS = frozenset({"18", "20"})
# Sanctions whose stated reason ("saying Havana had failed to ...") accuses their target.
_SANCTION_ROOTS = frozenset({"16", "17"})
_GIVING_REASONS = frozenset({"say", "cite", "claim", "state", "argue", "insist"})
_ACCUSATION = "112"
_ULTIMATUM = "130"
_FORCE_THREAT = "138"
_FORCE_WORDS = frozenset({"military", "force", "strike", "war", "invasion", "attack"})
_FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
# Governors that weigh an act without doing it ("examining a plan to fire missiles").
_WEIGHING = frozenset({"consider", "weigh", "mull", "contemplate", "examine", "study", "plan"})
_REJECTION_FOR_ROOT = {root: min(codes) for root, codes in pairs("refusal-codes").items()}
_WILL = frozenset({"will", "would", "wo", "shall"})
_REQUEST = "020"


def threats(
    sentence: Sentence, events: Sequence[CodedEvent], cameo: CameoTable
) -> list[CodedEvent]:
    """ "Britain could expel more diplomats if Moscow retaliates" also states a threat, and
    "would come to Tuvalu's aid in the event of an attack" a promise."""
    threats = []
    for event in events:
        if event.modality is not Modality.HYPOTHETICAL:
            continue
        trigger = _trigger_token(sentence, event)
        root = event.action.root
        code = _THREAT_FOR_ROOT.get(root) or _PROMISE_FOR_ROOT.get(root)
        if code is None and modality.has_ultimatum(sentence, trigger):
            code = _ULTIMATUM  # "would recognise Guaido unless an election was called"
        if code and modality.has_condition(sentence, trigger) and code in cameo:
            threats.append(_stated(event, cameo, code, "conditional", keep_count=True))
    return threats


def weighed_force(
    sentence: Sentence, events: Sequence[CodedEvent], cameo: CameoTable
) -> list[CodedEvent]:
    """ "Pyongyang said it was examining a plan to fire missiles at Guam": weighing force
    against someone threatens them with it (138)."""
    found = []
    for event in events:
        if event.modality is not Modality.HYPOTHETICAL or event.target is None:
            continue
        if event.action.root not in _FORCE_ROOTS or _FORCE_THREAT not in cameo:
            continue
        tok = _trigger_token(sentence, event)
        for _ in range(4):
            if tok.head == tok.i:
                break
            tok = sentence.token(tok.head)
            if tok.lemma in _WEIGHING:
                found.append(_stated(event, cameo, _FORCE_THREAT, "weighed", keep_count=True))
                break
    return found


def rejections(
    sentence: Sentence, events: Sequence[CodedEvent], cameo: CameoTable
) -> list[CodedEvent]:
    """ "would not negotiate with Washington", "refused to sign the deal": declining a
    cooperative act toward someone rejects them (12), stated as a fact."""
    found = []
    for event in events:
        code = _REJECTION_FOR_ROOT.get(event.action.root)
        if code is None or code not in cameo or event.target is None:
            continue
        if event.evidence.rule.startswith("discourse:"):
            continue  # "will not do the same": whom the echoed act aims at is a guess
        trigger = _trigger_token(sentence, event)
        if event.modality is Modality.REFUSED or (
            event.modality is Modality.NEGATED and _declared(sentence, trigger)
        ):
            found.append(_stated(event, cameo, code, "refused"))
    return found


def _stated(
    event: CodedEvent, cameo: CameoTable, code: str, rule: str, *, keep_count: bool = False
) -> CodedEvent:
    """The act `event` implies, coded `code` and stated as a fact, named by `rule`."""
    return replace(
        event,
        action=cameo.action(code),
        modality=Modality.ASSERTED,
        count=event.count if keep_count else None,
        evidence=replace(event.evidence, rule=f"{event.evidence.rule}+{rule}"),
    )


def _declared(sentence: Sentence, trigger: Token) -> bool:
    """ "will not", "would not": a stance taken, not an act that merely did not happen."""
    verbs = [trigger]
    if trigger.dep in {"conj", "xcomp"} and trigger.head != trigger.i:
        verbs.append(sentence.token(trigger.head))
    return any(c.dep == "aux" and c.lower in _WILL for v in verbs for c in sentence.children(v))


def unexcluded_force(
    sentence: Sentence, events: Sequence[CodedEvent], cameo: CameoTable
) -> list[CodedEvent]:
    """ "would not rule out a military option": refusing to exclude force threatens it (138)."""
    found = []
    for event in events:
        trigger = _trigger_token(sentence, event)
        if event.modality is not Modality.NEGATED or trigger.lemma != "rule":
            continue
        words = {t.lemma for t in sentence.subtree(trigger)}
        if words & _FORCE_WORDS and _FORCE_THREAT in cameo:
            found.append(_stated(event, cameo, _FORCE_THREAT, "not-ruled-out", keep_count=True))
    return found


def accusations(
    sentence: Sentence, events: Sequence[CodedEvent], index: MentionIndex, cameo: CameoTable
) -> list[CodedEvent]:
    """The speaker who reports another's atrocity accuses its author of it."""
    found = []
    for event in events:
        if event.action.root not in _ATROCITY_ROOTS or event.modality is not Modality.ASSERTED:
            continue
        for speaker in reporter_of(sentence, _trigger_token(sentence, event), index):
            if speaker.code != event.source.code and _ACCUSATION in cameo:
                found.append(
                    replace(
                        event,
                        source=speaker,
                        target=event.source,
                        action=cameo.action(_ACCUSATION),
                        count=None,
                        symmetric=False,
                        evidence=replace(event.evidence, rule=f"{event.evidence.rule}+reported"),
                    )
                )
    return found


def stated_grievances(
    sentence: Sentence, events: Sequence[CodedEvent], index: MentionIndex, cameo: CameoTable
) -> list[CodedEvent]:
    """ "ordered 15 Cuban diplomats to leave, saying Havana had failed to protect US staff":
    a sanction given with what its target did wrong also accuses the target (112)."""
    found = []
    for event in events:
        if event.action.root not in _SANCTION_ROOTS or event.target is None:
            continue
        if not event.modality.is_factual or _ACCUSATION not in cameo:
            continue
        trigger = _trigger_token(sentence, event)
        for said in sentence.children(trigger):
            if said.dep != "advcl" or said.lemma not in _GIVING_REASONS:
                continue
            blamed = {
                m.code
                for clause in sentence.children(said)
                if clause.dep == "ccomp"
                for subject in sentence.children(clause)
                if subject.dep == "nsubj"
                for m in actors_in(sentence, subject, index)
            }
            if event.target.code in blamed:
                found.append(_stated(event, cameo, _ACCUSATION, "grievance"))
    return found


def requests_behind(
    sentence: Sentence, events: Sequence[CodedEvent], index: MentionIndex, cameo: CameoTable
) -> list[CodedEvent]:
    """ "arrested Meng at the request of the United States": whoever asked for the act
    appealed to its author for it (020)."""
    found = []
    for event in events:
        if not event.modality.is_factual or _REQUEST not in cameo:
            continue
        trigger = _trigger_token(sentence, event)
        for asker in _askers(sentence, trigger, index):
            if asker.code != event.source.code:
                stated = replace(_stated(event, cameo, _REQUEST, "requested"), source=asker)
                found.append(replace(stated, target=event.source, symmetric=False))
    return found


def _askers(sentence: Sentence, trigger: Token, index: MentionIndex) -> list[ActorMention]:
    for prep in sentence.children(trigger):
        request = next((c for c in sentence.children(prep) if c.dep == "pobj"), None)
        if prep.lower not in {"at", "upon", "on"} or request is None:
            continue
        if request.lemma not in {"request", "behest", "invitation"}:
            continue
        owners = [c for c in sentence.children(request) if c.dep == "poss"]
        owners += [
            o
            for p in sentence.children(request)
            if p.dep == "prep" and p.lower == "of"
            for o in sentence.children(p)
            if o.dep == "pobj"
        ]
        return [m for o in owners for m in actors_in(sentence, o, index)]
    return []


def _trigger_token(sentence: Sentence, event: CodedEvent) -> Token:
    for tok in sentence.tokens:
        if tok.start == event.evidence.trigger_start:
            return tok
    raise ValueError(f"trigger of {event.evidence} not in sentence {sentence.index}")
