"""Flat event records: the row shape shared by the store, JSONL output and the evaluator.

`EventRecord` is the one definition of an event row's fields: the REST API's `EventRow` is
derived from it (api/models.py), with the `described` texts as its field descriptions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from riftwatch.types import CodedEvent


def described(text: str) -> Any:
    """A dataclass field with a description, for the places that list a record's fields."""
    return field(metadata={"description": text})


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One coded event as a flat, serialisable row."""

    id: str
    doc_id: str
    sentence: int
    start: int = described("Offset of the sentence in the document text.")
    end: int
    trigger_start: int = described("Offset of the trigger word in the document text.")
    trigger_end: int
    trigger: str
    evidence: str = described("The sentence the event was read in.")
    source: str
    source_name: str
    source_sector: str
    source_kind: str
    target: str | None
    target_name: str | None
    target_sector: str | None
    cameo: str
    root: str
    goldstein: float
    quad_class: int
    plover: str
    plover_mode: str
    count: float | None
    count_qualifier: str | None
    count_unit: str | None
    date: str | None = described("ISO date to day, month or year precision.")
    date_precision: str | None
    date_fallback: bool
    modality: str
    confidence: float
    symmetric: bool
    rule: str

    def to_dict(self) -> dict[str, object]:
        row = asdict(self)
        if self.count is not None and float(self.count).is_integer():
            row["count"] = int(self.count)
        return row


def event_id(coded: CodedEvent) -> str:
    """A stable id from what the event is and where it was read: same input, same id."""
    ev = coded.evidence
    parts = (
        ev.doc_id,
        str(ev.sentence),
        str(ev.trigger_start),
        coded.source.code,
        coded.target.code if coded.target else "",
        coded.action.cameo,
        coded.modality.value,
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]


def to_record(coded: CodedEvent) -> EventRecord:
    """Flatten a CodedEvent into an EventRecord."""
    src, tgt, act, ev = coded.source, coded.target, coded.action, coded.evidence
    return EventRecord(
        id=event_id(coded),
        doc_id=ev.doc_id,
        sentence=ev.sentence,
        start=ev.start,
        end=ev.end,
        trigger_start=ev.trigger_start,
        trigger_end=ev.trigger_end,
        trigger=coded.trigger,
        evidence=ev.text,
        source=src.code,
        source_name=src.name,
        source_sector=src.sector,
        source_kind=src.kind.value,
        target=tgt.code if tgt else None,
        target_name=tgt.name if tgt else None,
        target_sector=tgt.sector if tgt else None,
        cameo=act.cameo,
        root=act.root,
        goldstein=act.goldstein,
        quad_class=act.quad_class,
        plover=act.plover,
        plover_mode=act.plover_mode,
        count=coded.count.value if coded.count else None,
        count_qualifier=coded.count.qualifier if coded.count else None,
        count_unit=coded.count.unit if coded.count else None,
        date=coded.date.iso if coded.date else None,
        date_precision=coded.date.precision.value if coded.date else None,
        date_fallback=bool(coded.date and coded.date.fallback),
        modality=coded.modality.value,
        confidence=coded.confidence,
        symmetric=coded.symmetric,
        rule=ev.rule,
    )


FACTUAL_MODALITIES = frozenset({"asserted", "announced"})
# Events under this confidence stay in the store but are not reported unless asked for: on
# every gold set fewer than one in five of them was right, and leaving them out raised F1 on
# each, held-out ones included (`riftwatch eval --calibration`, #4).
REPORTED_CONFIDENCE = 0.35


def select_records(
    records: Iterable[EventRecord],
    *,
    all_modalities: bool = False,
    groups: bool = False,
    min_confidence: float = REPORTED_CONFIDENCE,
) -> list[EventRecord]:
    """Facts by named actors by default; negated/hypothetical events and group claims on request."""
    return [
        r
        for r in records
        if (all_modalities or r.modality in FACTUAL_MODALITIES)
        and (groups or r.source_kind != "group")
        and r.confidence >= min_confidence
    ]
