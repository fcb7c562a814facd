"""GET /relations/matrix: the distrust index among several actors, for the dashboard's heatmap."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from riftwatch.analysis.event_table import Events
from riftwatch.analysis.matrix import distrust_matrix
from riftwatch.api.access import StoreAccess
from riftwatch.api.errors import ApiError
from riftwatch.api.formats import json_response
from riftwatch.api.models import ErrorBody
from riftwatch.store import EventFilter, MergedFilter

router = APIRouter(tags=["analysis"])
MAX_ACTORS = 20  # 380 ordered pairs, each a relation series
_CODE = re.compile(r"[A-Z0-9_]{1,32}")


class MatrixCellOut(BaseModel):
    a: str
    b: str
    events: int = Field(description="Events between them over the span.")
    hostile: float = Field(description="Summed hostile mass H (docs/relations.md).")
    trust: float = Field(description="Summed trust mass C.")
    distrust: float | None = Field(description="(H - C) / (H + C + 1); null without events.")


class MatrixOut(BaseModel):
    """Every ordered pair of the actors asked for (in an undirected matrix both orders of a
    pair hold the same numbers)."""

    actors: list[str]
    directed: bool
    cells: list[MatrixCellOut]


@router.get(
    "/relations/matrix",
    response_model=MatrixOut,
    responses={code: {"model": ErrorBody} for code in (422, 503)},
    summary="Distrust index among several actors",
)
def relations_matrix(
    request: Request,
    actors: Annotated[
        str, Query(min_length=1, max_length=400, description="Comma-separated: USA,RUS,GBR,NATO")
    ],
    start: Annotated[dt.date | None, Query(description="Events that can fall on or after.")] = None,
    end: Annotated[dt.date | None, Query(description="... on or before this day.")] = None,
    directed: Annotated[bool, Query(description="Cell (a, b): only what a does to b.")] = False,
    unmerged: Annotated[bool, Query(description="Count every report's event.")] = False,
) -> Response:
    """The distrust index of each pair of ACTORS (states or blocs) over the span, from the
    events of every modality between them, as /relations counts them."""
    codes = _codes(actors)
    if start is not None and end is not None and start > end:
        raise ApiError(422, "invalid_request", "start is after end")
    with StoreAccess.of(request).reading() as store:
        events: Events = (
            store.query_events(
                EventFilter(modality="all", start=start, end=end, min_confidence=0.0)
            )
            if unmerged
            else store.query_merged(MergedFilter(modality="all", start=start, end=end))
        )
    return json_response(distrust_matrix(events, codes, directed=directed).to_dict())


def _codes(actors: str) -> list[str]:
    codes = list(dict.fromkeys(c.strip().upper() for c in actors.split(",") if c.strip()))
    bad = [c for c in codes if not _CODE.fullmatch(c)]
    if bad:
        raise ApiError(422, "invalid_request", f"actors: {bad[0]!r} is not an actor code")
    if not 2 <= len(codes) <= MAX_ACTORS:
        raise ApiError(
            422, "invalid_request", f"actors: give 2 to {MAX_ACTORS} codes, comma-separated"
        )
    return codes
