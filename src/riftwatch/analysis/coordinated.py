"""The coordinated-action record: who acted together against one target, and around it.

Plain frozen dataclasses with `to_dict()` for JSON. The CLI's `--json` output and the API
body are both this dict. `coordination.py` builds these records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from riftwatch.analysis.consensus import Count, iso, plain


@dataclass(frozen=True, slots=True)
class Participant:
    """One actor that took the action, counted once however many reports carry it."""

    code: str
    name: str
    kind: str  # "state", or "igo"/"bloc" for NATO, the EU ...
    date: dt.date  # its first reported day (announcement)
    count: Count | None
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    reasons: tuple[str, ...]  # stated reasons, as phrases
    disputed_by: tuple[str, ...] = ()  # documents that report it as holding back

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "date": iso(self.date),
            "count": plain(self.count.value) if self.count else None,
            "count_detail": self.count.to_dict() if self.count else None,
            "events": list(self.event_ids),
            "docs": list(self.doc_ids),
            "reasons": list(self.reasons),
            "disputed_by": list(self.disputed_by),
        }


@dataclass(frozen=True, slots=True)
class Holdout:
    """An actor reported as not taking the action ("Austria will not expel") in the window."""

    code: str
    name: str
    modality: str  # "negated" or "refused"; the stronger one when reports differ
    date: dt.date
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    target_stated: bool  # False when the text left the target open ("have not expelled anyone")

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "modality": self.modality,
            "date": iso(self.date),
            "events": list(self.event_ids),
            "docs": list(self.doc_ids),
            "target_stated": self.target_stated,
        }


@dataclass(frozen=True, slots=True)
class ClaimedFigure:
    """One number a text gives for an unnamed group, beside the figure we enumerate.

    Only participants that had acted by the claim's day are counted. A group's size
    ("more than 20 countries") is compared with the number of participants
    (states only, and only members of the bloc the group names, if it names one). An action's
    count ("more than 130 envoys") is compared with the participants' summed counts, unless
    it counts actors. `difference` is enumerated minus claimed, and `consistent` says whether
    the enumerated figure satisfies the claim's qualifier ("more than 20" holds 28).
    """

    of: str  # "group" (its size) or "action" (its count)
    value: float
    qualifier: str
    unit: str
    compared_with: str  # "participants", "participants in EU", "total count" ...
    enumerated: float
    difference: float
    consistent: bool | None

    def to_dict(self) -> dict[str, object]:
        return {
            "of": self.of,
            "value": plain(self.value),
            "qualifier": self.qualifier,
            "unit": self.unit,
            "compared_with": self.compared_with,
            "enumerated": plain(self.enumerated),
            "difference": plain(self.difference),
            "consistent": self.consistent,
        }


@dataclass(frozen=True, slots=True)
class GroupClaim:
    """An unnamed group said to take the action ("14 EU member states decided to expel")."""

    source: str  # the group's code: "EU", "WST"
    name: str
    text: str  # how the text names the group, when its mention is known
    date: dt.date
    event_id: str
    doc_id: str
    evidence: str
    figures: tuple[ClaimedFigure, ...]  # none when the text gives no number
    target_stated: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "name": self.name,
            "text": self.text,
            "date": iso(self.date),
            "event": self.event_id,
            "doc": self.doc_id,
            "evidence": self.evidence,
            "figures": [f.to_dict() for f in self.figures],
            "target_stated": self.target_stated,
        }


@dataclass(frozen=True, slots=True)
class Reaction:
    """The target's own action of the same family against a participant (a retaliation)."""

    source: str  # the coordinated action's target
    target: str | None  # a participant, or None when the text leaves it open
    date: dt.date
    cameo: str
    count: Count | None
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "date": iso(self.date),
            "cameo": self.cameo,
            "count": plain(self.count.value) if self.count else None,
            "count_detail": self.count.to_dict() if self.count else None,
            "events": list(self.event_ids),
            "docs": list(self.doc_ids),
        }


@dataclass(frozen=True, slots=True)
class ReasonTally:
    """A stated reason and the participants that give it."""

    text: str
    participants: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "participants": list(self.participants)}


@dataclass(frozen=True, slots=True)
class CoordinatedAction:
    """Many actors taking the same action against one target inside a window of days."""

    id: str
    target: str
    target_name: str
    action: str  # the compared code: "161", or "16" when matching by root
    match: str  # "cameo" or "root"
    first: dt.date
    last: dt.date
    participants: tuple[Participant, ...]
    holdouts: tuple[Holdout, ...]
    claims: tuple[GroupClaim, ...]
    reactions: tuple[Reaction, ...]
    reasons: tuple[ReasonTally, ...]

    @property
    def total(self) -> float:
        """The enumerated total: each participant's count once; uncounted ones add nothing."""
        return sum(p.count.value for p in self.participants if p.count)

    @property
    def uncounted(self) -> tuple[str, ...]:
        """Participants no report gives a count for: the total is a lower bound if any."""
        return tuple(p.code for p in self.participants if p.count is None)

    @property
    def states(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.participants if p.kind == "state")

    def participant(self, code: str) -> Participant | None:
        return next((p for p in self.participants if p.code == code), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "target": self.target,
            "target_name": self.target_name,
            "action": self.action,
            "match": self.match,
            "window": [iso(self.first), iso(self.last)],
            "days": (self.last - self.first).days,
            "total": plain(self.total),
            "uncounted": list(self.uncounted),
            "participant_count": len(self.participants),
            "state_participant_count": len(self.states),
            "participants": [p.to_dict() for p in self.participants],
            "holdouts": [h.to_dict() for h in self.holdouts],
            "claims": [c.to_dict() for c in self.claims],
            "reactions": [r.to_dict() for r in self.reactions],
            "reasons": [r.to_dict() for r in self.reasons],
        }
