"""Response bodies of /coordination, /relations and /rifts: the analysis records' `to_dict()`.

Kept field for field with `riftwatch.analysis` (coordinated.py, consensus.py, relations.py,
rifts.py); tests/api compare these bodies with the CLI's `--json` output.
"""

from __future__ import annotations

from pydantic import BaseModel


class CountReportOut(BaseModel):
    value: float
    qualifier: str
    docs: list[str]


class CountOut(BaseModel):
    value: float
    qualifier: str
    unit: str
    agreed: bool
    reports: list[CountReportOut]


class ParticipantOut(BaseModel):
    code: str
    name: str
    kind: str
    date: str | None
    count: float | None
    count_detail: CountOut | None
    events: list[str]
    docs: list[str]
    reasons: list[str]
    disputed_by: list[str]


class HoldoutOut(BaseModel):
    code: str
    name: str
    modality: str
    date: str | None
    events: list[str]
    docs: list[str]
    target_stated: bool


class ClaimedFigureOut(BaseModel):
    of: str
    value: float
    qualifier: str
    unit: str
    compared_with: str
    enumerated: float
    difference: float
    consistent: bool | None


class GroupClaimOut(BaseModel):
    source: str
    name: str
    text: str
    date: str | None
    event: str
    doc: str
    evidence: str
    figures: list[ClaimedFigureOut]
    target_stated: bool


class ReactionOut(BaseModel):
    source: str
    target: str | None
    date: str | None
    cameo: str
    count: float | None
    count_detail: CountOut | None
    events: list[str]
    docs: list[str]


class ReasonOut(BaseModel):
    text: str
    participants: list[str]


class CoordinatedActionOut(BaseModel):
    """Many actors taking the same action against one target inside a window of days."""

    id: str
    target: str
    target_name: str
    action: str
    match: str
    window: list[str | None]
    days: int
    total: float
    uncounted: list[str]
    participant_count: int
    state_participant_count: int
    participants: list[ParticipantOut]
    holdouts: list[HoldoutOut]
    claims: list[GroupClaimOut]
    reactions: list[ReactionOut]
    reasons: list[ReasonOut]


class RelationPointOut(BaseModel):
    """One pair in one period (docs/relations.md); null where there is nothing to measure."""

    a: str
    b: str
    directed: bool
    period: str
    events: int
    sources: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    weight: float | None
    goldstein_total: float | None
    goldstein_mean: float | None
    goldstein_low: float | None
    goldstein_high: float | None
    cooperation: float | None
    cooperation_low: float | None
    cooperation_high: float | None
    cooperation_smooth: float | None
    cooperation_smooth_low: float | None
    cooperation_smooth_high: float | None
    hostile: float | None
    trust: float | None
    distrust: float | None
    distrust_low: float | None
    distrust_high: float | None
    distrust_smooth: float | None
    distrust_smooth_low: float | None
    distrust_smooth_high: float | None


class DriverOut(BaseModel):
    event: str
    source: str
    target: str
    cameo: str
    action: str
    count: float | None
    day: str
    contribution: float
    docs: list[str]


class RiftOut(BaseModel):
    """A change in the level of a pair's index, with the events that drove it."""

    a: str
    b: str
    directed: bool
    measure: str
    freq: str
    period: str
    kind: str
    before: float
    after: float
    shift: float
    z: float
    since: str | None
    level_since: str | None
    description: str
    drivers: list[DriverOut]
