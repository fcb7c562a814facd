"""Turn a parsed document and its actor mentions into coded events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from riftwatch.coding import (
    arrivals,
    derived,
    discourse,
    modality,
    quantities,
    timeline,
    violence,
)
from riftwatch.coding.cameo import CameoTable, load_cameo_table
from riftwatch.coding.confidence import load_confidence_model
from riftwatch.coding.gapping import gapped_groups
from riftwatch.coding.participants import acting_pairs, participants
from riftwatch.coding.roles import MentionIndex, Roles, find_roles
from riftwatch.coding.verbs import ActionMatch, VerbLexicon, load_verb_lexicon
from riftwatch.types import (
    ActorKind,
    ActorMention,
    CodedEvent,
    Evidence,
    Modality,
    ParsedDoc,
    Quantity,
    Sentence,
    Token,
)
from riftwatch.wordlists import pairs, words

_FIRE_CODES = frozenset({"194", "195"})
_LAUNCH_VERBS = words("launch-verbs")
_CROWD_NOUNS = words("crowd-nouns")
_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
_KILL_VERBS = frozenset({"kill", "assassinate", "murder", "shoot"})
# Acts about another act (demand, reject, threaten) whose count is that act's.
_ABOUT_ANOTHER_ACT = frozenset({"10", "12", "13"})
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Threats and offers are conditional by nature: "offered to cooperate if New Delhi shared
# evidence" is an offer made, as "would retaliate if attacked" is a threat made.
_CONDITIONAL_BY_NATURE = frozenset({"03", "13"})
# A warning of these threatens, whoever would act ("any punishment would mean all-out war").
_WAR_WORDS = frozenset({"war", "attack", "strike", "invasion", "force", "retaliation"})
# Verbs that threaten only when stated as to come ("will retaliate", "would respond in kind").
_VOW_VERBS = frozenset({"retaliate", "reciprocate", "respond", "answer", "react"})
_INTENT_FOR_ROOT = {root: min(codes) for root, codes in pairs("intent-codes").items()}
_LIGHT_VERBS = words("light-verbs")
_CONFIDENCE = load_confidence_model()
_AIMED_RULES = frozenset({"dobj", "prep-object", "passive-subject", "noun-prep-object"})


def code_document(
    parsed: ParsedDoc,
    mentions: Sequence[ActorMention],
    *,
    verbs: VerbLexicon | None = None,
    cameo: CameoTable | None = None,
) -> list[CodedEvent]:
    """Code every event stated in `parsed`, with evidence, modality, count and date.

    Mentions that context reads otherwise ("Croatia beat England" is football) act in none.
    """
    verbs = verbs or load_verb_lexicon()
    cameo = cameo or load_cameo_table()
    index = MentionIndex([m for m in mentions if m.is_actor])
    events: list[CodedEvent] = []
    previous: ActorMention | None = None
    for sentence in parsed.sentences:
        matches = verbs.matches(sentence)
        for match in matches:
            if match.reporting or match.cameo not in cameo or _referenced(sentence, match, index):
                continue
            if _consequence(sentence, match, matches):
                continue
            roles = participants(sentence, match, index, verbs, previous, events)
            if _usable(roles, match, sentence, index):
                story = _story_day(events)
                events.extend(_events_for(parsed, sentence, match, roles, cameo, story, index))
                events.extend(_gapped(parsed, sentence, match, roles, cameo, story, index))
        events.extend(_echoes(parsed, sentence, index, cameo, previous, events))
        previous = _last_subject(events, previous)
    return _dedupe(events)


def _forecast(sentence: Sentence, match: ActionMatch, roles: Roles, index: MentionIndex) -> bool:
    """ "warning that the deal would harm relations" forecasts; it threatens only when the
    speaker's own side is the one that would act ("warned that it would retaliate")."""
    if not match.cameo.startswith("13"):
        return False
    clause = next((c for c in sentence.children(match.trigger) if c.dep == "ccomp"), None)
    if clause is None:
        return False
    subject = next((c for c in sentence.children(clause) if c.dep == "nsubj"), None)
    if subject is None or subject.lower in {"it", "we", "they", "he", "she"}:
        return False
    speakers = {m.code for m in roles.sources}
    said = sentence.subtree(clause)
    if any(t.lemma in _WAR_WORDS for t in said):
        return False  # "warned that any punishment would mean all-out war"
    # "those responsible could face US sanctions": the speaker's own side would act
    return not any(m.code in speakers for t in said if (m := index.at(t)) is not None)


def _referenced(sentence: Sentence, match: ActionMatch, index: MentionIndex) -> bool:
    """ "condemned the invasion", "welcomed the agreement": an event noun as the object of
    another verb refers to an act reported elsewhere; "imposed sanctions" is the act itself,
    and "condemned Iraq's invasion of Kuwait" states who did it."""
    trigger = match.trigger
    if trigger.pos != "NOUN" or trigger.dep != "dobj" or trigger.head == trigger.i:
        return False
    if any(c.dep == "poss" and index.at(c) for c in sentence.children(trigger)):
        return False
    return sentence.token(trigger.head).lemma not in _LIGHT_VERBS


def _consequence(sentence: Sentence, match: ActionMatch, matches: Sequence[ActionMatch]) -> bool:
    """ "opened fire on mourners, killing dozens": the killing is the attack's toll (its count),
    not another attack."""
    trigger = match.trigger
    if trigger.lemma not in quantities.CASUALTY_VERBS or trigger.head == trigger.i:
        return False
    if trigger.dep not in ("advcl", "xcomp", "conj", "relcl", "acl"):
        return False
    return any(m.trigger.i == trigger.head and m.cameo[:2] in _FORCE_ROOTS for m in matches)


def _gapped(
    parsed: ParsedDoc,
    sentence: Sentence,
    match: ActionMatch,
    roles: Roles,
    cameo: CameoTable,
    story: timeline.StoryDays,
    index: MentionIndex,
) -> list[CodedEvent]:
    """ "..., and Ukraine 13": the same act by the states after the object, with their count."""
    found: list[CodedEvent] = []
    for group in gapped_groups(sentence, match.trigger, index):
        gapped = replace(roles, sources=group.sources, source_rule="gapped")
        events = _events_for(parsed, sentence, match, gapped, cameo, story, index)
        found.extend(replace(e, count=replace(group.count, unit=_unit(e))) for e in events)
    return found


def _unit(event: CodedEvent) -> str:
    return event.count.unit if event.count is not None else ""


def _echoes(
    parsed: ParsedDoc,
    sentence: Sentence,
    index: MentionIndex,
    cameo: CameoTable,
    previous: ActorMention | None,
    history: Sequence[CodedEvent],
) -> list[CodedEvent]:
    """ "Yemen and the Maldives later followed suit": the latest act, by new sources."""
    model = discourse.last_fact(history)
    if model is None:
        return []
    found: list[CodedEvent] = []
    for trigger in discourse.echo_triggers(sentence):
        match = ActionMatch(model.action.cameo, "discourse:echo", trigger, model.symmetric, None)
        roles = find_roles(sentence, trigger, index, previous_source=previous)
        targets = (model.target,) if model.target else ()
        roles = replace(roles, targets=targets, target_rule="echo")
        if roles.sources:
            events = _events_for(parsed, sentence, match, roles, cameo, _story_day(history), index)
            each = _distributive(model)  # "each ordered one out, and Norway did the same"
            found.extend(replace(e, count=model.count) if each else e for e in events)
    return found


def _distributive(event: CodedEvent) -> bool:
    return event.count is not None and " each " in f" {event.evidence.text.lower()} "


def _usable(roles: Roles, match: ActionMatch, sentence: Sentence, index: MentionIndex) -> bool:
    if not roles.sources or _forecast(sentence, match, roles, index):
        return False
    if roles.targets:
        return True
    # An adjective alone ("the Russian invasion") or a threat aimed at no one is too vague.
    return roles.source_rule != "noun-adjective" and match.cameo[:2] != "13"


def _count_for_target(
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


def _story_day(history: Sequence[CodedEvent]) -> timeline.StoryDays:
    """The days the story's latest dated act and latest dated violence took place."""
    dated = [e for e in history if timeline.is_story_day(e.date)]
    violent = [e for e in dated if e.action.root in _VIOLENT_ROOTS]
    return timeline.StoryDays(
        latest=dated[-1].date if dated else None,
        violence=violent[-1].date if violent else None,
    )


def _events_for(
    parsed: ParsedDoc,
    sentence: Sentence,
    match: ActionMatch,
    roles: Roles,
    cameo: CameoTable,
    story: timeline.StoryDays,
    index: MentionIndex,
) -> list[CodedEvent]:
    trigger = match.trigger
    count = quantities.count_for_action(sentence, trigger, match.object_token)
    if match.cameo[:2] in _FORCE_ROOTS and trigger.lemma not in quantities.CASUALTY_VERBS:
        count = quantities.casualty_count(sentence, trigger) or count
    if count is None and match.cameo[:2] in _ABOUT_ANOTHER_ACT:
        count = _embedded_count(sentence, trigger)
    code = _aimed_code(match, roles)
    if code.startswith("19") and violence.mass_killing(sentence, trigger, count):
        code = violence.MASS_KILLING
    elif code == "190" and violence.kills_one_person(sentence, trigger):
        code = violence.ASSASSINATION
    if code.startswith("04") and arrivals.aid_arrival(sentence, trigger):
        code = arrivals.PROVIDE_AID
    pairs = acting_pairs(match, roles, code)
    if not pairs:
        return []
    mode = modality.classify(
        sentence,
        trigger,
        threat=match.cameo[:2] in _CONDITIONAL_BY_NATURE,
        meeting=match.cameo.startswith("04"),
    )
    if code == "130" and trigger.lemma in _VOW_VERBS:
        if not modality.is_future(sentence, trigger) or mode is not Modality.ANNOUNCED:
            return []  # "retaliated by expelling": the act itself is coded where stated
        mode = Modality.ASSERTED  # "will retaliate": the threat is made now
    intent = _INTENT_FOR_ROOT.get(code[:2])
    if intent and mode is Modality.ANNOUNCED and modality.is_future(sentence, trigger):
        code, mode = intent, Modality.ASSERTED  # "would seek talks": an intent, stated now
    examples = roles.source_rule == "subject-examples"  # the count is the whole group's
    date = timeline.event_date(sentence, trigger, parsed.document.published, story=story)
    evidence = Evidence(
        doc_id=parsed.document.id,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        text=sentence.text,
        rule=match.rule,
    )
    base = CodedEvent(
        source=pairs[0][0],
        target=pairs[0][1],
        action=cameo.action(code),
        trigger=trigger.text,
        evidence=evidence,
        modality=mode,
        count=count,
        date=date,
        symmetric=match.symmetric,
        notes=(
            f"source:{roles.source_rule}",
            f"target:{roles.target_rule}",
            f"trigger:{'NOUN' if trigger.pos in {'NOUN', 'PROPN'} else 'VERB'}",
            f"entry:{'constrained' if match.constrained else 'default'}",
        ),
    )
    events = [
        replace(
            base,
            source=s,
            target=t,
            count=None if examples else _count_for_target(sentence, trigger, t) or count,
        )
        for s, t in pairs
    ]
    implied = derived.threats(sentence, events, cameo)
    implied += derived.accusations(sentence, events, index, cameo)
    implied += derived.unexcluded_force(sentence, events, cameo)
    implied += derived.rejections(sentence, events, cameo)
    implied += derived.stated_grievances(sentence, events, index, cameo)
    return [replace(e, confidence=_CONFIDENCE.score(e)) for e in events + implied]


def _embedded_count(sentence: Sentence, trigger: Token) -> Quantity | None:
    """ "demanded that Pakistan hand over 20 fugitives", "rejected a plan to send 5,000
    peacekeepers": a demand, rejection or threat counts what the act it is about counts."""
    acts = [
        c
        for c in sentence.children(trigger)
        if c.dep in {"ccomp", "xcomp"} or c.dep == "advcl" and _to_infinitive(sentence, c)
    ]
    for obj in sentence.children(trigger):
        if obj.dep == "dobj":
            acts += [c for c in sentence.children(obj) if c.dep == "acl"]
    acts += [c for act in acts for c in sentence.children(act) if c.dep == "conj"]
    for act in acts:
        found = quantities.count_for_action(sentence, act, None)
        if found is not None:
            return found
    return None


def _to_infinitive(sentence: Sentence, verb: Token) -> bool:
    return any(c.dep == "aux" and c.lower == "to" for c in sentence.children(verb))


def _aimed_code(match: ActionMatch, roles: Roles) -> str:
    """Missiles fired or launched at no one named ("into the sea", "in drills") show force
    (150); they are an attack (194/195) only when the text says at whom. A crowd storming or
    torching something protests violently (145); it does not wage war."""
    if match.cameo[:2] in _FORCE_ROOTS and _by_crowd(roles):
        return "145"
    if match.cameo[:2] in {"02", "10"} and _by_crowd(roles):
        return "141"  # protesters "calling for a boycott" are demonstrating
    if match.cameo == "141" and match.trigger.lemma == "protest" and not _by_crowd(roles):
        return "114"  # a government that protests complains officially; crowds demonstrate
    if match.cameo == "190" and match.trigger.lemma in _KILL_VERBS and _a_person(roles):
        return "186"  # killing a named person is an assassination, not a battle
    launch = match.trigger.lemma in _LAUNCH_VERBS
    if launch and match.cameo in _FIRE_CODES and roles.target_rule not in _AIMED_RULES:
        return "150"
    return match.cameo


def _a_person(roles: Roles) -> bool:
    return bool(roles.targets) and all(m.kind is ActorKind.PERSON for m in roles.targets)


def _by_crowd(roles: Roles) -> bool:
    return bool(roles.sources) and all(
        m.text.split()[-1].lower() in _CROWD_NOUNS for m in roles.sources
    )


def _last_subject(events: list[CodedEvent], previous: ActorMention | None) -> ActorMention | None:
    for event in reversed(events):
        if event.notes and event.notes[0] == "source:subject":
            return event.source
    return previous


def _dedupe(events: list[CodedEvent]) -> list[CodedEvent]:
    """One event per sentence, source, target, CAMEO root and modality; the best-supported wins."""
    best: dict[tuple[object, ...], CodedEvent] = {}
    for event in events:
        key = (
            event.evidence.sentence,
            event.source.code,
            event.target.code if event.target else None,
            event.action.root,
            event.modality.is_factual,
        )
        kept = best.get(key)
        if kept is None or _rank(event) > _rank(kept):
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.evidence.sentence, e.evidence.trigger_start))


def _rank(event: CodedEvent) -> tuple[float, int, int]:
    return (event.confidence, event.count is not None, len(event.action.cameo))
