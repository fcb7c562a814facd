"""Turn a parsed document and its actor mentions into coded events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from riftwatch.coding import (
    counts,
    derived,
    discourse,
    modality,
    proposals,
    recode,
    reporting,
    timeline,
)
from riftwatch.coding.cameo import CameoTable, load_cameo_table
from riftwatch.coding.confidence import load_confidence_model
from riftwatch.coding.gapping import gapped_groups
from riftwatch.coding.participants import acting_pairs, participants
from riftwatch.coding.phrases import named_groups
from riftwatch.coding.roles import MentionIndex, Roles, find_roles
from riftwatch.coding.sources import verb_sources
from riftwatch.coding.verbs import ActionMatch, VerbLexicon, load_verb_lexicon
from riftwatch.types import (
    ActorMention,
    CodedEvent,
    Evidence,
    Modality,
    ParsedDoc,
    Quantity,
    Sentence,
)

_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
_CONFIDENCE = load_confidence_model()


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
    groups: dict[str, list[ActorMention]] = {}  # "European Union leaders" -> leader: EU
    for sentence in parsed.sentences:
        matches = verbs.matches(sentence)
        for match in matches:
            if match.reporting or match.cameo not in cameo:
                continue
            if not reporting.reports_act(sentence, match, matches, index):
                continue
            if proposals.answered_proposal(sentence, match.trigger, index) is not None:
                continue  # coded below, aimed at whoever answers it
            roles = participants(sentence, match, index, verbs, previous, events, groups)
            if _usable(roles, match, sentence, index):
                story = _story_day(events)
                events.extend(_events_for(parsed, sentence, match, roles, cameo, story, index))
                events.extend(_gapped(parsed, sentence, match, roles, cameo, story, index))
        events.extend(_echoes(parsed, sentence, index, cameo, previous, events))
        events.extend(_answered(parsed, sentence, index, cameo, previous, events))
        previous = _last_subject(events, previous)
        groups.update(named_groups(sentence, index))
    return _dedupe(events)


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


def _answered(
    parsed: ParsedDoc,
    sentence: Sentence,
    index: MentionIndex,
    cameo: CameoTable,
    previous: ActorMention | None,
    history: Sequence[CodedEvent],
) -> list[CodedEvent]:
    """ "India rejected Trump's offer to mediate": Trump offered, to India."""
    found: list[CodedEvent] = []
    for noun in sentence.tokens:
        proposal = proposals.answered_proposal(sentence, noun, index)
        if proposal is None or proposal.code not in cameo:
            continue
        makers = {m.code for m in proposal.makers}
        answerers = verb_sources(sentence, proposal.answer, index, previous)[0]
        targets = tuple(m for m in answerers if m.code not in makers)
        if not targets:
            continue
        match = ActionMatch(proposal.code, proposals.RULE, noun, False, None)
        roles = Roles(proposal.makers, targets, "proposal-maker", "proposal-answerer")
        story = _story_day(history)
        events = _events_for(parsed, sentence, match, roles, cameo, story, index, asserted=True)
        count = _proposed_count(sentence, proposal, history)
        found.extend(replace(e, count=e.count or count) for e in events)
    return found


def _proposed_count(
    sentence: Sentence, proposal: proposals.Proposal, history: Sequence[CodedEvent]
) -> Quantity | None:
    """ "a plan to send 5,000 peacekeepers": the proposal is about the 5,000."""
    if proposal.act is None:
        return None
    start = proposal.act.start
    return next(
        (
            e.count
            for e in history
            if e.evidence.sentence == sentence.index and e.evidence.trigger_start == start
        ),
        None,
    )


def _distributive(event: CodedEvent) -> bool:
    return event.count is not None and " each " in f" {event.evidence.text.lower()} "


def _usable(roles: Roles, match: ActionMatch, sentence: Sentence, index: MentionIndex) -> bool:
    if not roles.sources or reporting.forecast(sentence, match, roles, index):
        return False
    # An adjective alone names no actor ("Canadian criticism of the arrest", "a Colombian
    # military raid on a rebel camp": a reference, not a report; all of the few on the gold
    # sets were wrong), and a threat aimed at no one is too vague.
    if roles.source_rule == "noun-adjective":
        return False
    return bool(roles.targets) or match.cameo[:2] != "13"


def _story_day(history: Sequence[CodedEvent]) -> timeline.StoryDays:
    """The days the story's latest dated act and latest dated violence took place."""
    dated = [e for e in history if timeline.is_story_day(e.date)]
    violent = [e for e in dated if e.action.root in _VIOLENT_ROOTS]
    # The lead act of the latest dated sentence, not what it says happened before
    # ("protesters stormed ... on Saturday after NATO bombs struck ... on Friday").
    last = [e for e in dated if e.evidence.sentence == dated[-1].evidence.sentence] if dated else []
    return timeline.StoryDays(
        latest=last[0].date if last else None,
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
    *,
    asserted: bool = False,
) -> list[CodedEvent]:
    """The events of `match` for every pair of `roles`, with what they imply; `asserted` when
    the act is known to have happened whatever governs its trigger (a proposal answered)."""
    trigger = match.trigger
    count = counts.event_count(sentence, match)
    code = recode.code_in_context(sentence, match, roles, count)
    pairs = acting_pairs(match, roles, code)
    if not pairs:
        return []
    mode = (
        Modality.ASSERTED
        if asserted
        else modality.classify(
            sentence,
            trigger,
            threat=match.cameo[:2] in recode.CONDITIONAL_BY_NATURE,
            meeting=match.cameo.startswith("04"),
        )
    )
    stated = recode.stated_now(sentence, trigger, code, mode)
    if stated is None:
        return []
    code, mode = stated
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
            count=None if examples else counts.count_for_target(sentence, trigger, t) or count,
        )
        for s, t in pairs
    ]
    implied = derived.threats(sentence, events, cameo)
    implied += derived.accusations(sentence, events, index, cameo)
    implied += derived.unexcluded_force(sentence, events, cameo)
    implied += derived.rejections(sentence, events, cameo)
    implied += derived.stated_grievances(sentence, events, index, cameo)
    implied += derived.requests_behind(sentence, events, index, cameo)
    implied += derived.weighed_force(sentence, events, cameo)
    return [replace(e, confidence=_CONFIDENCE.score(e)) for e in events + implied]


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
