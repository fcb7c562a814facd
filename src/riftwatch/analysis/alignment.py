"""Realignment: which side each state takes between a reference pair, period by period.

The reference pair is a `side` and what it stands `against` (default: the West, WST, against
Russia); either may be a bloc, as of each day (`sides`). A state's evidence:

- **acted**: its own events towards either side. Towards `side`, cooperation (Goldstein > 0)
  scores +1 and conflict -1; towards `against`, the reverse. A symmetric event ("met")
  is the act of both parties. Neutral acts (Goldstein 0) are left out.
- **joined**: taking part in a coordinated action (`analysis.coordination`) against
  `against` scores +1 when the action is hostile, against `side` -1; a cooperative action
  reverses the sign. The state's own events of that action are not counted again.
- **held back**: refusing or declining to join such an action scores the opposite.

Each item weighs `w * |g| / 10` (magnitude weight times the Goldstein intensity of the act;
an item with no count has w = 1). With S+ and S- the summed weights in a period, the score is
`(S+ - S-) / (S+ + S- + k)`, with a Wilson band over the reliability-weighted number of items,
as for the distrust index (`measures`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from riftwatch.actors.membership import MembershipTable, load_membership
from riftwatch.analysis.coordinated import CoordinatedAction
from riftwatch.analysis.event_table import Events, event_table
from riftwatch.analysis.measures import balance_band, balance_index, magnitude, reliability
from riftwatch.analysis.periods import EPOCH, Freq, day_number, period_index, period_start
from riftwatch.analysis.sides import Stint, side_mask, side_stints
from riftwatch.coding.cameo import load_cameo_table

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class AlignmentRules:
    """The reference pair and how scores are summed (see docs/relations.md)."""

    side: str = "WST"  # +1
    against: str = "RUS"  # -1
    freq: Freq = Freq.YEAR
    prior: float = 1.0
    z: float = 1.96
    evidence: int = 5  # items kept per state and period, heaviest first


DEFAULT_ALIGNMENT = AlignmentRules()


@dataclass(frozen=True, slots=True)
class AlignmentEvidence:
    """One act that put a state on one side: its own event, or joining or refusing an action."""

    kind: str  # "acted", "joined" or "held back"
    day: dt.date
    toward: str  # the actor acted on, or the coordinated action's target
    cameo: str
    sign: int  # +1 with `side`, -1 with `against`
    weight: float
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "day": self.day.isoformat(),
            "toward": self.toward,
            "cameo": self.cameo,
            "sign": self.sign,
            "weight": round(self.weight, 4),
            "events": list(self.event_ids),
            "docs": list(self.doc_ids),
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    """A state's side in one period: +1 entirely with `side`, -1 entirely with `against`."""

    state: str
    period: dt.date
    score: float
    low: float
    high: float
    with_side: float  # summed weights of the evidence each way
    with_against: float
    acted: int  # evidence items of each kind
    joined: int
    held_back: int
    evidence: tuple[AlignmentEvidence, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "state": self.state,
            "period": self.period.isoformat(),
            "score": round(self.score, 4),
            "low": round(self.low, 4),
            "high": round(self.high, 4),
            "with_side": round(self.with_side, 4),
            "with_against": round(self.with_against, 4),
            "acted": self.acted,
            "joined": self.joined,
            "held_back": self.held_back,
            "evidence": [e.to_dict() for e in self.evidence],
        }


def align_states(
    events: Events,
    *,
    actions: Iterable[CoordinatedAction] = (),
    rules: AlignmentRules = DEFAULT_ALIGNMENT,
    states: Sequence[str] | None = None,
    membership: MembershipTable | None = None,
) -> list[Alignment]:
    """Each state's alignment per period (only `states`, if given), by state and period."""
    blocs = membership if membership is not None else load_membership()
    sides = (side_stints(rules.side, blocs), side_stints(rules.against, blocs))
    actions = list(actions)
    items = _coordination_items(actions, sides, blocs)
    items += _own_items(event_table(events), sides, _joined_keys(actions), blocs)
    if states is not None:
        wanted = set(states)
        items = [item for item in items if item[0] in wanted]
    return _aggregate(items, rules)


# (state, reliability, evidence) for each item, before aggregation.
_Item = tuple[str, float, AlignmentEvidence]


def _own_items(
    table: pa.Table,
    sides: tuple[Sequence[Stint], Sequence[Stint]],
    joined: set[tuple[str, str, str, int]],
    blocs: MembershipTable,
) -> list[_Item]:
    mirrored = np.flatnonzero(table["symmetric"].to_numpy(zero_copy_only=False))
    rows = np.concatenate([np.arange(table.num_rows), mirrored])
    source, target = table["source"].combine_chunks(), table["target"].combine_chunks()
    actor = pa.concat_arrays([source, target.take(pa.array(mirrored))])
    toward = pa.concat_arrays([target, source.take(pa.array(mirrored))])
    days = table["day"].cast(pa.int32()).to_numpy()[rows]
    to_side = side_mask(toward, days, sides[0])
    to_against = side_mask(toward, days, sides[1])
    goldstein = table["goldstein"].to_numpy()[rows]
    picked = np.flatnonzero((to_side ^ to_against) & (goldstein != 0))
    sign = np.sign(goldstein[picked]) * np.where(to_side[picked], 1.0, -1.0)
    count = table["count"].to_numpy(zero_copy_only=False).astype(np.float64)[rows[picked]]
    weight = magnitude(count) * np.abs(goldstein[picked]) / 10
    columns = table.select(["id", "cameo", "doc_ids"]).take(pa.array(rows[picked])).to_pylist()
    actors, towards = actor.take(pa.array(picked)), toward.take(pa.array(picked))
    items: list[_Item] = []
    for i, row in enumerate(columns):
        state, other = actors[i].as_py(), towards[i].as_py()
        day = int(days[picked[i]])
        cameo = row["cameo"]
        if state in blocs.blocs or {(state, other, cameo[:n], day) for n in (2, 3)} & joined:
            continue
        evidence = AlignmentEvidence(
            kind="acted",
            day=EPOCH + dt.timedelta(days=day),
            toward=other,
            cameo=cameo,
            sign=int(sign[i]),
            weight=float(weight[i]),
            event_ids=(row["id"],),
            doc_ids=tuple(row["doc_ids"]),
        )
        items.append((state, float(reliability(len(row["doc_ids"]))), evidence))
    return items


def _joined_keys(actions: Iterable[CoordinatedAction]) -> set[tuple[str, str, str, int]]:
    """(participant, target, action code, day) for each day of each action's window."""
    keys: set[tuple[str, str, str, int]] = set()
    for action in actions:
        days = range(day_number(action.first) - 1, day_number(action.last) + 2)
        for participant in action.participants:
            keys.update((participant.code, action.target, action.action[:3], d) for d in days)
    return keys


def _coordination_items(
    actions: Iterable[CoordinatedAction],
    sides: tuple[Sequence[Stint], Sequence[Stint]],
    blocs: MembershipTable,
) -> list[_Item]:
    codes = load_cameo_table().actions
    items: list[_Item] = []
    for action in actions:
        day = np.array([day_number(action.first)], dtype=np.int32)
        target = pa.array([action.target])
        on_side = bool(side_mask(target, day, sides[0])[0])
        on_against = bool(side_mask(target, day, sides[1])[0])
        goldstein = codes[action.action].goldstein if action.action in codes else 0.0
        if on_side == on_against or goldstein == 0:
            continue
        joins = int(np.sign(goldstein)) * (1 if on_side else -1)
        intensity = abs(goldstein) / 10
        for p in action.participants:
            if p.kind != "state":
                continue
            weight = float(magnitude(np.array([p.count.value if p.count else np.nan]))[0])
            items.append(_item(p.code, "joined", p.date, action, joins, weight * intensity,
                               p.event_ids, p.doc_ids))  # fmt: skip
        for h in action.holdouts:
            if h.code in blocs.blocs:
                continue
            items.append(_item(h.code, "held back", h.date, action, -joins, intensity,
                               h.event_ids, h.doc_ids))  # fmt: skip
    return items


def _item(
    state: str,
    kind: str,
    day: dt.date,
    action: CoordinatedAction,
    sign: int,
    weight: float,
    event_ids: Sequence[str],
    doc_ids: Sequence[str],
) -> _Item:
    evidence = AlignmentEvidence(
        kind, day, action.target, action.action, sign, weight, tuple(event_ids), tuple(doc_ids)
    )
    return state, float(reliability(len(set(doc_ids)))), evidence


def _aggregate(items: Sequence[_Item], rules: AlignmentRules) -> list[Alignment]:
    groups: dict[tuple[str, int], list[_Item]] = {}
    for item in items:
        days = [day_number(item[2].day)]
        groups.setdefault((item[0], int(period_index(days, rules.freq)[0])), []).append(item)
    found = []
    for (state, period), members in sorted(groups.items()):
        evidence = [e for _, _, e in members]
        plus = np.array([sum(e.weight for e in evidence if e.sign > 0)])
        minus = np.array([sum(e.weight for e in evidence if e.sign < 0)])
        n = np.array([sum(r for _, r, _ in members)])
        low, high = balance_band(plus, minus, n, prior=rules.prior, z=rules.z)
        kinds = [e.kind for e in evidence]
        found.append(
            Alignment(
                state=state,
                period=EPOCH + dt.timedelta(days=int(period_start([period], rules.freq)[0])),
                score=float(balance_index(plus, minus, rules.prior)[0]),
                low=float(low[0]),
                high=float(high[0]),
                with_side=float(plus[0]),
                with_against=float(minus[0]),
                acted=kinds.count("acted"),
                joined=kinds.count("joined"),
                held_back=kinds.count("held back"),
                evidence=tuple(sorted(evidence, key=lambda e: -e.weight)[: rules.evidence]),
            )
        )
    return found
