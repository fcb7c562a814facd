"""Response bodies of the REST API, as published in /openapi.json.

They describe the JSON the routes send: event rows are `EventRecord.to_dict()` plus the
document's publication date, url and outlet; analysis bodies are the records' `to_dict()`
(models in `api/analysis_models.py`), the same as the CLI's `--json`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code: not_found, invalid_request ...")
    message: str = Field(description="What went wrong and what to do next.")


class ErrorBody(BaseModel):
    """Every error the API answers, whatever its status."""

    error: ErrorDetail


class EventRow(BaseModel):
    """One coded event as read in one sentence of one document."""

    id: str
    doc_id: str
    sentence: int
    start: int = Field(description="Offset of the sentence in the document text.")
    end: int
    trigger_start: int = Field(description="Offset of the trigger word in the document text.")
    trigger_end: int
    trigger: str
    evidence: str = Field(description="The sentence the event was read in.")
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
    date: str | None = Field(description="ISO date to day, month or year precision.")
    date_precision: str | None
    date_fallback: bool
    modality: str
    confidence: float
    symmetric: bool
    rule: str
    published: dt.date | None = Field(description="The document's publication date.")
    url: str | None
    outlet: str | None


class MergedRow(BaseModel):
    """One real-world event merged from its reports (GET /events/{id} lists the reports)."""

    id: str
    source: str
    target: str | None
    cameo: str
    root: str
    plover: str | None
    plover_mode: str | None
    modality: str
    symmetric: bool | None
    date: str | None
    date_precision: str | None
    date_fallback: bool | None
    count: float | None
    count_qualifier: str | None
    count_low: float | None
    count_high: float | None
    documents: int
    sources: int
    mentions: int
    first_seen: dt.date | None
    last_seen: dt.date | None


class EventPage(BaseModel):
    """One page of events. With columns=gdelt or polecat the rows have those datasets'
    columns (docs/exports.md)."""

    events: list[EventRow] | list[MergedRow] | list[dict[str, Any]]
    total: int = Field(description="Rows matching the filters, over all pages.")
    limit: int
    offset: int
    next_cursor: str | None = Field(description="?cursor= of the next page; null on the last.")
    merged: bool
    columns: str


class ActorSpanOut(BaseModel):
    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    code: str
    name: str
    kind: str


class CountReportOut(BaseModel):
    outlet: str
    doc_id: str
    value: float
    qualifier: str
    unit: str


class ReconciledCountOut(BaseModel):
    value: float | None
    qualifier: str
    unit: str
    low: float
    high: float
    reports: list[CountReportOut]


class MentionOut(BaseModel):
    id: str
    doc_id: str
    outlet: str
    published: str | None
    sentence: int
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    source: str
    target: str | None
    cameo: str
    root: str
    plover: str
    plover_mode: str
    count: float | None
    count_qualifier: str | None
    count_unit: str | None
    date: str | None
    date_precision: str | None
    date_fallback: bool
    modality: str
    symmetric: bool


class MergedEventOut(BaseModel):
    """`MergedEvent.to_dict()`: the event with every mention of it."""

    id: str
    source: str
    target: str | None
    cameo: str
    root: str
    plover: str
    plover_mode: str
    modality: str
    symmetric: bool
    date: str | None
    date_precision: str | None
    date_fallback: bool
    count: ReconciledCountOut | None
    first_seen: str | None
    last_seen: str | None
    mentions: list[MentionOut]
    documents: int
    sources: int


class EventDetail(BaseModel):
    """An event with its evidence: every report of it, each with its sentence, and the actors
    those sentences name (offsets into each document's text, as `start`/`trigger_start`)."""

    event: EventRow | None = Field(description="The report asked for; null for a merged id.")
    merged: MergedEventOut | None = Field(description="The real-world event it is part of.")
    reports: list[EventRow]
    actors: list[ActorSpanOut]


class DocumentOut(BaseModel):
    id: str
    title: str
    published: dt.date | None
    url: str | None
    outlet: str
    text: str
    events: list[EventRow] = Field(description="Every event read in it, of every modality.")


class DocumentOutcomeOut(BaseModel):
    origin: str = Field(description="upload, upload:LINE (JSONL) or upload[INDEX] (JSON array)")
    id: str | None
    status: str = Field(description="stored, unchanged or failed")
    title: str
    events: list[str]
    code: str
    reason: str


class MergeOut(BaseModel):
    mentions: int
    blocks: int
    events: int


class IntakeOut(BaseModel):
    """What became of each uploaded document."""

    documents: list[DocumentOutcomeOut]
    stored: int
    unchanged: int
    failed: int
    events: int
    merge: MergeOut


class ActorCodeOut(BaseModel):
    code: str
    name: str
    events: int


class ResolvedActorOut(BaseModel):
    """`riftwatch actors --json`: one mention and why it resolves as it does."""

    text: str
    code: str
    name: str
    sector: str
    kind: str
    role: str
    certainty: float
    place: bool
    because: str
    source: str
    other_readings: list[str]


class ActorsOut(BaseModel):
    """Without ?text: the codes acting in stored events and the bloc codes; with it, the
    actors the text names."""

    actors: list[ActorCodeOut]
    blocs: list[str]
    mentions: list[ResolvedActorOut]


class HealthOut(BaseModel):
    status: str
    version: str
    writes: bool = Field(description="Whether POST /documents is enabled (a token is set).")
    documents: int
    events: int
    merged_events: int
