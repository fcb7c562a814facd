"""Response bodies of the REST API, as published in /openapi.json.

They describe the JSON the routes send: event rows are `EventRecord.to_dict()` plus the
document's publication date, url and outlet; merged events are `MergedEvent.to_dict()`; both
models are derived from those records (`record_model`), so they list every field. Analysis
bodies are the records' `to_dict()` (models in `api/analysis_models.py`), the same as the
CLI's `--json`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from riftwatch.api.record_models import record_model
from riftwatch.events.merged import CountReport, EventMention, MergedEvent, ReconciledCount
from riftwatch.events.records import EventRecord


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code: not_found, invalid_request ...")
    message: str = Field(description="What went wrong and what to do next.")


class ErrorBody(BaseModel):
    """Every error the API answers, whatever its status."""

    error: ErrorDetail


EventRow = record_model(
    EventRecord,
    "EventRow",
    module=__name__,
    doc="One coded event as read in one sentence of one document.",
    extra={
        "published": (dt.date | None, Field(description="The document's publication date.")),
        "url": (str | None, Field()),
        "outlet": (str | None, Field()),
    },
)


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


CountReportOut = record_model(CountReport, "CountReportOut", module=__name__)
ReconciledCountOut = record_model(
    ReconciledCount, "ReconciledCountOut", module=__name__, types={"reports": list[CountReportOut]}
)
MentionOut = record_model(
    EventMention, "MentionOut", module=__name__, types={"published": str | None}
)
MergedEventOut = record_model(
    MergedEvent,
    "MergedEventOut",
    module=__name__,
    doc="`MergedEvent.to_dict()`: the event with every mention of it.",
    types={
        "count": ReconciledCountOut | None,
        "first_seen": str | None,
        "last_seen": str | None,
        "mentions": list[MentionOut],
    },
    extra={"documents": (int, Field()), "sources": (int, Field())},
)


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
