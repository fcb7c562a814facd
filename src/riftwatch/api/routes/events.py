"""GET /events (filters, pages, JSON/CSV/Parquet, three column sets) and GET /events/{id}."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any, Literal, TypedDict

import pyarrow as pa
from fastapi import APIRouter, Header, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from riftwatch import explore
from riftwatch.api.access import StoreAccess
from riftwatch.api.errors import ApiError
from riftwatch.api.formats import (
    TABLE_CONTENT,
    Format,
    json_response,
    json_rows,
    negotiate,
    table_response,
)
from riftwatch.api.models import ErrorBody, EventDetail, EventPage
from riftwatch.errors import NotFoundError
from riftwatch.events.exports import ColumnSet, export_table
from riftwatch.events.records import REPORTED_CONFIDENCE
from riftwatch.store import EventFilter, MergedFilter, Store

router = APIRouter(tags=["events"])
MAX_PAGE = 1000
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (404, 406, 422, 503)
}
Code = Annotated[str | None, Field(max_length=32, description="Actor code: RUS, NATO, WST ...")]


class EventParams(BaseModel):
    """Filters and paging of GET /events; an unknown parameter is an error (a typo would
    otherwise widen the query silently)."""

    model_config = ConfigDict(extra="forbid")

    actor: Code = Field(None, description="Source or target (either side).")
    source: Code = None
    target: Code = None
    root: str | None = Field(None, pattern=r"^\d{1,2}$", description="CAMEO root: 16")
    cameo: str | None = Field(None, pattern=r"^\d{2,4}$", description="CAMEO code: 161")
    plover: str | None = Field(None, max_length=32, description="PLOVER type: SANCTION")
    modality: (
        Literal["asserted", "announced", "negated", "refused", "hypothetical", "all"] | None
    ) = Field(None, description="Default: facts only (asserted and announced).")
    start: dt.date | None = Field(None, description="Events that can fall on or after this day.")
    end: dt.date | None = Field(None, description="... on or before this day.")
    min_sources: int | None = Field(None, ge=0, le=100_000, description="Merged only: outlets.")
    min_confidence: float | None = Field(
        None, ge=0, le=1, description=f"Mentions only; {REPORTED_CONFIDENCE} when not given."
    )
    groups: bool | None = Field(None, description="Mentions only: claims by unnamed groups.")
    doc_id: str | None = Field(None, max_length=200, description="Events this document reports.")
    merged: bool = Field(False, description="One row per real-world event, merged across reports.")
    limit: int = Field(100, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=10_000_000)
    cursor: str | None = Field(None, max_length=64, description="next_cursor of the last page.")
    format: Format | None = Field(None, description="Overrides the Accept header.")
    columns: ColumnSet = Field(ColumnSet.RIFTWATCH, description="Column set (docs/exports.md).")


@router.get(
    "/events",
    response_model=EventPage,
    responses={200: {"content": TABLE_CONTENT}, **_ERRORS},
    summary="Events matching filters, one page at a time",
)
def list_events(
    request: Request,
    params: Annotated[EventParams, Query()],
    accept: Annotated[str | None, Header()] = None,
) -> Response:
    """Event mentions (one per report) or, with merged=true, merged events, in a fixed order;
    page on with ?cursor=next_cursor (or offset). X-Total-Count and a Link to the next page
    come with every format."""
    fmt = negotiate(params.format, accept)
    with StoreAccess.of(request).reading() as store:
        table, total = _page(store, params)
    more = table.num_rows > params.limit  # _page reads one row past the page to know
    cursor = table["id"][params.limit - 1].as_py() if more else None
    table = export_table(table.slice(0, params.limit), params.columns, merged=params.merged)
    headers = {"X-Total-Count": str(total)}
    if cursor is not None:
        url = request.url.remove_query_params("offset").include_query_params(cursor=cursor)
        headers |= {"X-Next-Cursor": cursor, "Link": f'<{url}>; rel="next"'}
    if fmt is not Format.JSON:
        return table_response(table, fmt, headers)
    body = {
        "events": json_rows(table),
        "total": total,
        "limit": params.limit,
        "offset": params.offset,
        "next_cursor": cursor,
        "merged": params.merged,
        "columns": params.columns.value,
    }
    return json_response(body, headers)


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    responses={404: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    summary="One event with its evidence",
)
def get_event(
    request: Request, event_id: Annotated[str, Path(min_length=1, max_length=64)]
) -> Response:
    """An event mention or a merged event by id: the merged event, every report of it with
    its sentence, and the actors those sentences name, with offsets to highlight."""
    with StoreAccess.of(request).reading() as store:
        evidence = explore.event_evidence(store, event_id)
    if evidence is None:
        raise NotFoundError(f"no event {event_id!r} in the store (ids come from GET /events)")
    reports = json_rows(evidence.reports)
    body = {
        "event": next((r for r in reports if r["id"] == event_id), None),
        "merged": evidence.merged.to_dict() if evidence.merged is not None else None,
        "reports": reports,
        "actors": [asdict(span) for span in evidence.actors],
    }
    return json_response(body)


def _page(store: Store, params: EventParams) -> tuple[pa.Table, int]:
    """One row more than the page, to tell whether another page follows, and the total."""
    where = _filter(params)
    try:
        if isinstance(where, MergedFilter):
            return store.merged_table(where), store.count_merged(where)
        return store.events_table(where), store.count_events(where)
    except NotFoundError as exc:
        raise ApiError(422, "invalid_cursor", str(exc)) from exc


def _filter(params: EventParams) -> EventFilter | MergedFilter:
    if params.cursor is not None and params.offset:
        raise ApiError(422, "invalid_request", "give cursor or offset, not both")
    if params.start and params.end and params.start > params.end:
        raise ApiError(422, "invalid_request", "start is after end")
    shared: _Shared = {
        "actor": _upper(params.actor),
        "source": _upper(params.source),
        "target": _upper(params.target),
        "root": params.root.zfill(2) if params.root else None,
        "cameo": params.cameo,
        "plover": _upper(params.plover),
        "modality": params.modality,
        "doc_id": params.doc_id,
        "start": params.start,
        "end": params.end,
        "limit": params.limit + 1,
        "offset": params.offset,
        "after": params.cursor,
    }
    if params.merged:
        if params.min_confidence is not None or params.groups is not None:
            raise ApiError(422, "invalid_request", "min_confidence and groups need merged=false")
        return MergedFilter(**shared, min_sources=params.min_sources or 0)
    if params.min_sources is not None:
        raise ApiError(422, "invalid_request", "min_sources counts outlets: add merged=true")
    return EventFilter(
        **shared,
        min_confidence=(
            REPORTED_CONFIDENCE if params.min_confidence is None else params.min_confidence
        ),
        groups=bool(params.groups),
    )


class _Shared(TypedDict):
    """What EventFilter and MergedFilter share."""

    actor: str | None
    source: str | None
    target: str | None
    root: str | None
    cameo: str | None
    plover: str | None
    modality: str | None
    doc_id: str | None
    start: dt.date | None
    end: dt.date | None
    limit: int
    offset: int
    after: str | None


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None
