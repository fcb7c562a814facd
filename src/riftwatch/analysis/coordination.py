"""Coordinated actions: many actors taking the same action against one target within days.

The rules (the numbers are in `CoordinationRules`):

- **Candidates** are facts (asserted or announced) dated to the day, by named actors against
  a stated target other than themselves. Named actors include states and organisations
  such as NATO. Unnamed groups ("more than 20 Western states") are never candidates.
- **Same action**: by default the same 3-digit CAMEO code, not the same root.
  Root 16 holds both "161 expel diplomats" and "163 embargo", and root 17 holds "172
  sanctions" and "173 arrest"; lumping those together would count different actions as one.
  `ActionMatch.ROOT` is there for a coder that gets only the family right.
- **Window**: participants' days are at most `window_days` apart, and both ends count. With
  14, 14 March and 28 March fit. For each (target, action), the window holding the most
  distinct actors is taken (ties go to the earliest). Its records are removed and the search
  repeats on the rest, until a window has fewer than `min_participants` actors.
- **Participants** are counted once each. The count is reconciled across reports
  (`consensus.reconcile_count`), and the date is the first reported day. With `same_reason`,
  participants whose stated reasons share no word with the largest group of reasons are
  dropped. Participants that state no reason stay in.
- **Holdouts** and **group claims** match the action's code or its root's unspecified code
  ("will not take any measures" is coded 160), because refusals and summaries are vaguer
  than the act itself.
- **Holdouts** are negated or refused records of the same action inside the window, by
  actors that are not participants. A participant that is also reported as holding back
  keeps its place, and those documents are listed in its `disputed_by`.
- **Group claims** are records by unnamed groups of the same action, from the first day to
  `follow_days` after the last, because follow-up stories give the totals. A claim can give
  two figures: the group's size (from its mention, "more than 20 countries") and the
  action's count ("more than 130 envoys"). Each is shown beside what we enumerate from the
  participants that had acted by the claim's day.
- **Reactions** are the target's facts of the same CAMEO root against a participant, on or
  after that participant's day and up to `follow_days` after the window.
- **Open targets**: a holdout, claim or reaction whose target the text leaves open ("have not
  expelled anyone") joins an action only when one action can be meant. That is the only
  action whose window holds it, or else the only one whose target its document names. It
  joins none otherwise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from riftwatch.actors.membership import MembershipTable, load_membership
from riftwatch.analysis.consensus import (
    GROUP,
    HOLDING_BACK,
    ORGANISATION_KINDS,
    first_day,
    is_fact,
    reconcile_count,
    record_day,
    same_action,
    satisfies,
)
from riftwatch.analysis.coordinated import (
    ClaimedFigure,
    CoordinatedAction,
    GroupClaim,
    Holdout,
    Participant,
    Reaction,
    ReasonTally,
)
from riftwatch.analysis.cues import CueLexicon, load_cues
from riftwatch.analysis.reasons import find_reasons
from riftwatch.analysis.windows import (
    DEFAULT_RULES,
    CoordinationRules,
    DayIndex,
    Frame,
    find_frames,
)
from riftwatch.events.records import EventRecord
from riftwatch.types import ActorKind, ActorMention, Quantity


@dataclass(frozen=True, slots=True)
class _Context:
    frames: Mapping[str, Sequence[Frame]]  # by CAMEO root
    rules: CoordinationRules
    cues: CueLexicon
    blocs: MembershipTable
    named: Mapping[str, frozenset[str]]  # doc id -> actor codes its records name
    groups: Mapping[tuple[str, int, str], ActorMention]  # (doc, sentence, code) -> group named
    holding: DayIndex  # refusals by root
    claims: DayIndex  # group facts by root
    acts: DayIndex  # facts by "source|root", for reactions


def find_coordinated_actions(
    records: Iterable[EventRecord],
    rules: CoordinationRules = DEFAULT_RULES,
    *,
    target: str | None = None,
    membership: MembershipTable | None = None,
    mentions: Iterable[ActorMention] = (),
    cues: CueLexicon | None = None,
) -> list[CoordinatedAction]:
    """The coordinated actions in `records` (against `target` only, if given), by first day.

    `membership` (default: the packaged table) tells which participants a bloc's claim
    ("14 EU member states") is about. `records` should hold every modality and group claims,
    since holdouts and claims come from those. `mentions` give the size of the groups the
    claims name ("14 EU member states"), which event records do not carry.
    """
    rows = list(records)
    lexicon = cues if cues is not None else load_cues()
    frames = find_frames(rows, rules, lexicon)
    by_root: dict[str, list[Frame]] = defaultdict(list)
    for frame in frames:
        by_root[frame.key[:2]].append(frame)
    context = _Context(
        frames=by_root,
        rules=rules,
        cues=lexicon,
        blocs=membership if membership is not None else load_membership(),
        named=_named_actors(rows),
        groups=_group_mentions(mentions),
        holding=DayIndex.build(rows, _refusal_root),
        claims=DayIndex.build(rows, _claim_root),
        acts=DayIndex.build(rows, _act_key),
    )
    return [_action(f, context) for f in frames if target is None or f.target == target]


def _refusal_root(r: EventRecord) -> str | None:
    return r.root if r.modality in HOLDING_BACK and r.source_kind != GROUP else None


def _claim_root(r: EventRecord) -> str | None:
    return r.root if r.source_kind == GROUP and is_fact(r) else None


def _act_key(r: EventRecord) -> str | None:
    return f"{r.source}|{r.root}" if is_fact(r) else None


def _named_actors(rows: Iterable[EventRecord]) -> dict[str, frozenset[str]]:
    named: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        named[r.doc_id].update(code for code in (r.source, r.target) if code)
    return {doc: frozenset(codes) for doc, codes in named.items()}


def _group_mentions(mentions: Iterable[ActorMention]) -> dict[tuple[str, int, str], ActorMention]:
    """Group mentions by where they are; one with a count wins over one without."""
    found: dict[tuple[str, int, str], ActorMention] = {}
    for m in mentions:
        key = (m.doc_id, m.sentence, m.code)
        if m.kind == ActorKind.GROUP and (key not in found or found[key].count is None):
            found[key] = m
    return found


def _action(frame: Frame, ctx: _Context) -> CoordinatedAction:
    participants = _participants(frame, ctx.cues)
    codes = {p.code for p in participants}
    root, follow = frame.key[:2], frame.last + dt.timedelta(days=ctx.rules.follow_days)
    refusals = ctx.holding.between(root, frame.first, frame.last)
    held = [r for r in refusals if _holds_back(r, frame, ctx)]
    disputes: dict[str, set[str]] = defaultdict(set)
    for r in held:
        disputes[r.source].add(r.doc_id)
    participants = [replace(p, disputed_by=tuple(sorted(disputes[p.code]))) for p in participants]
    claims = [r for r in ctx.claims.between(root, frame.first, follow) if _is_claim(r, frame, ctx)]
    by_code = {p.code: p for p in participants}
    acts = ctx.acts.between(f"{frame.target}|{root}", frame.first, follow)
    reactions = [r for r in acts if _is_reaction(r, frame, by_code, ctx)]
    return CoordinatedAction(
        id=_action_id(frame, ctx.rules),
        target=frame.target,
        target_name=_most_common(r.target_name or "" for r in frame.records),
        action=frame.key,
        match=ctx.rules.match.value,
        first=frame.first,
        last=frame.last,
        participants=tuple(participants),
        holdouts=_holdouts([r for r in held if r.source not in codes]),
        claims=tuple(_claim(r, participants, ctx) for r in sorted(claims, key=_by_day)),
        reactions=_reactions(reactions),
        reasons=_tally(participants),
    )


def _participants(frame: Frame, cues: CueLexicon) -> list[Participant]:
    by_actor: dict[str, list[EventRecord]] = defaultdict(list)
    for r in frame.records:
        by_actor[r.source].append(r)
    found = [_participant(code, rows, cues) for code, rows in by_actor.items()]
    return sorted(found, key=lambda p: (p.date, -(p.count.value if p.count else 0), p.code))


def _participant(code: str, rows: Sequence[EventRecord], cues: CueLexicon) -> Participant:
    reasons = dict.fromkeys(x.text for r in rows for x in find_reasons(r.evidence, cues))
    return Participant(
        code=code,
        name=_most_common(r.source_name for r in rows),
        kind=next((r.source_kind for r in rows if r.source_kind in ORGANISATION_KINDS), "state"),
        date=first_day(rows),
        count=reconcile_count(rows),
        event_ids=tuple(sorted(r.id for r in rows)),
        doc_ids=tuple(sorted({r.doc_id for r in rows})),
        reasons=tuple(reasons),
    )


def _within(day: dt.date, frame: Frame, ctx: _Context, *, follow: bool) -> bool:
    end = frame.last + dt.timedelta(days=ctx.rules.follow_days if follow else 0)
    return frame.first <= day <= end


def _about(r: EventRecord, frame: Frame, ctx: _Context, *, follow: bool) -> bool:
    """Whether `r`, dated in the window, is about this action's target (stated or meant)."""
    day = record_day(r)
    if day is None or not _within(day, frame, ctx, follow=follow):
        return False
    if r.target is not None:
        return r.target == frame.target
    candidates = [
        f
        for f in ctx.frames.get(r.root, ())
        if same_action(r, f.key, ctx.rules.match) and _within(day, f, ctx, follow=follow)
    ]
    return _meant(r, candidates, ctx) is frame


def _meant(r: EventRecord, candidates: Sequence[Frame], ctx: _Context) -> Frame | None:
    """The one action an open-target record can mean, or None when it is ambiguous."""
    if len(candidates) == 1:
        return candidates[0]
    named = [f for f in candidates if f.target in ctx.named.get(r.doc_id, frozenset())]
    return named[0] if len(named) == 1 else None


def _holds_back(r: EventRecord, frame: Frame, ctx: _Context) -> bool:
    return (
        r.modality in HOLDING_BACK
        and r.source_kind != GROUP
        and r.source != frame.target
        and same_action(r, frame.key, ctx.rules.match)
        and _about(r, frame, ctx, follow=False)
    )


def _is_claim(r: EventRecord, frame: Frame, ctx: _Context) -> bool:
    return (
        r.source_kind == GROUP
        and is_fact(r)
        and same_action(r, frame.key, ctx.rules.match)
        and _about(r, frame, ctx, follow=True)
    )


def _is_reaction(
    r: EventRecord, frame: Frame, participants: Mapping[str, Participant], ctx: _Context
) -> bool:
    day = record_day(r)
    if (
        day is None
        or r.source != frame.target
        or not is_fact(r)
        or r.root != frame.key[:2]
        or not _within(day, frame, ctx, follow=True)
    ):
        return False
    if r.target is not None:
        joined = participants.get(r.target)
        return joined is not None and day >= joined.date
    candidates = [
        f
        for f in ctx.frames.get(r.root, ())
        if f.target == r.source and _within(day, f, ctx, follow=True)
    ]
    return _meant(r, candidates, ctx) is frame


def _holdouts(rows: Sequence[EventRecord]) -> tuple[Holdout, ...]:
    by_actor: dict[str, list[EventRecord]] = defaultdict(list)
    for r in rows:
        by_actor[r.source].append(r)
    found = [
        Holdout(
            code=code,
            name=_most_common(r.source_name for r in group),
            modality="refused" if any(r.modality == "refused" for r in group) else "negated",
            date=first_day(group),
            event_ids=tuple(sorted(r.id for r in group)),
            doc_ids=tuple(sorted({r.doc_id for r in group})),
            target_stated=any(r.target is not None for r in group),
        )
        for code, group in by_actor.items()
    ]
    return tuple(sorted(found, key=lambda h: (h.date, h.code)))


def _claim(r: EventRecord, participants: Sequence[Participant], ctx: _Context) -> GroupClaim:
    day = record_day(r) or dt.date.min
    group = ctx.groups.get((r.doc_id, r.sentence, r.source))
    bloc = r.source if r.source in ctx.blocs.blocs else None
    # A claim counts who had acted when it was made: "14 EU member states" on the 26th.
    participants = [p for p in participants if p.date <= day]
    if bloc:
        members = ctx.blocs.members(bloc, day)
        participants = [p for p in participants if p.code in members]
    figures = []
    if group is not None and group.count is not None:
        figures.append(_figure("group", group.count, participants, bloc, actors=True))
    if r.count is not None:
        count = Quantity(r.count, r.count_qualifier or "exact", r.count_unit or "")
        of_actors = bool(count.unit) and ctx.cues.matches("actor-unit", count.unit)
        figures.append(_figure("action", count, participants, bloc, actors=of_actors))
    return GroupClaim(
        source=r.source,
        name=r.source_name,
        text=group.text if group else "",
        date=day,
        event_id=r.id,
        doc_id=r.doc_id,
        evidence=r.evidence,
        figures=tuple(figures),
        target_stated=r.target is not None,
    )


def _figure(
    of: str,
    claimed: Quantity,
    participants: Sequence[Participant],
    bloc: str | None,
    *,
    actors: bool,
) -> ClaimedFigure:
    """Compare a claimed number with the states we name (`actors`) or their summed counts."""
    if actors:
        enumerated: float = sum(1 for p in participants if p.kind == "state")
        compared = "participants"
    else:
        enumerated = sum(p.count.value for p in participants if p.count)
        compared = "total count"
    return ClaimedFigure(
        of=of,
        value=claimed.value,
        qualifier=claimed.qualifier,
        unit=claimed.unit,
        compared_with=f"{compared} in {bloc}" if bloc else compared,
        enumerated=enumerated,
        difference=enumerated - claimed.value,
        consistent=satisfies(enumerated, claimed.qualifier, claimed.value),
    )


def _reactions(rows: Sequence[EventRecord]) -> tuple[Reaction, ...]:
    """One reaction per participant hit; open-target reactions one per day."""
    groups: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for r in rows:
        groups[(r.target or "", "" if r.target else str(record_day(r)))].append(r)
    found = [
        Reaction(
            source=group[0].source,
            target=group[0].target,
            date=first_day(group),
            cameo=_most_common(r.cameo for r in group),
            count=reconcile_count(group),
            event_ids=tuple(sorted(r.id for r in group)),
            doc_ids=tuple(sorted({r.doc_id for r in group})),
        )
        for group in groups.values()
    ]
    return tuple(sorted(found, key=lambda x: (x.date, x.target or "")))


def _tally(participants: Sequence[Participant]) -> tuple[ReasonTally, ...]:
    giving: dict[str, list[str]] = defaultdict(list)
    for p in participants:
        for reason in p.reasons:
            giving[reason].append(p.code)
    tallies = [ReasonTally(text, tuple(codes)) for text, codes in giving.items()]
    return tuple(sorted(tallies, key=lambda t: (-len(t.participants), t.text)))


def _action_id(frame: Frame, rules: CoordinationRules) -> str:
    key = "\x1f".join((frame.target, frame.key, rules.match.value, frame.first.isoformat()))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _by_day(r: EventRecord) -> tuple[str, str]:
    return (r.date or "", r.id)


def _most_common(values: Iterable[str]) -> str:
    counted = Counter(values)
    return min(counted, key=lambda v: (-counted[v], v)) if counted else ""
