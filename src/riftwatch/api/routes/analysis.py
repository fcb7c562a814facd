"""GET /actors, /coordination, /relations and /rifts: one library call each, as the CLI makes.

The bodies of /coordination, /relations and /rifts are what `riftwatch coordination|relations|
rifts --json` print for the same options.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from riftwatch import explore
from riftwatch.actors import explain_actors
from riftwatch.actors.membership import load_membership
from riftwatch.analysis import ActionMatch, CoordinationRules
from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import SeriesRules, series_points
from riftwatch.analysis.rifts import Measure, RiftRules
from riftwatch.api.access import StoreAccess
from riftwatch.api.analysis_models import CoordinatedActionOut, RelationPointOut, RiftOut
from riftwatch.api.errors import ApiError
from riftwatch.api.formats import json_response
from riftwatch.api.models import ActorsOut, ErrorBody
from riftwatch.store import ActorCount

router = APIRouter(tags=["analysis"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (422, 503)}
_WINDOW = re.compile(r"(\d{1,3})\s*([dw]?)", re.IGNORECASE)

Code = Annotated[str, Query(min_length=1, max_length=32, description="State or bloc: RUS, WST")]
Day = Annotated[dt.date | None, Query()]
Unmerged = Annotated[bool, Query(description="Count every report's event (no merging).")]


@router.get("/actors", response_model=ActorsOut, responses=_ERRORS, summary="Actor codes")
async def actors(
    request: Request,
    text: Annotated[str | None, Query(max_length=5000, description="Resolve this text.")] = None,
    date: Annotated[dt.date | None, Query(description="The text's date.")] = None,
) -> Response:
    """The actor codes acting in stored events (most frequent first) and the bloc codes; or,
    with ?text=, who each mention in the text is as of ?date=, and why."""
    if text is not None:
        found = await run_in_threadpool(explain_actors, text, date=date)
        mentions = [e.to_dict() for e in found]
        return json_response({"actors": [], "blocs": [], "mentions": mentions})
    counts = await run_in_threadpool(_actor_counts, StoreAccess.of(request))
    codes = [{"code": a.code, "name": a.name, "events": a.events} for a in counts]
    blocs = sorted(load_membership().blocs)
    return json_response({"actors": codes, "blocs": blocs, "mentions": []})


@router.get(
    "/coordination",
    response_model=list[CoordinatedActionOut],
    responses=_ERRORS,
    summary="Coordinated actions",
)
def coordination(
    request: Request,
    target: Annotated[str | None, Query(max_length=32, description="Against this code.")] = None,
    window: Annotated[str, Query(max_length=8, description="First to last: 14d, 2w.")] = "14d",
    min_participants: Annotated[int, Query(ge=2, le=1000)] = 3,
    same_reason: bool = False,
    by_root: Annotated[bool, Query(description="Same CAMEO root is the same action.")] = False,
) -> Response:
    """Many actors taking the same action against one target within a window of days: who
    joined with how many, the total, who held back, the target's reactions, the reasons."""
    rules = CoordinationRules(
        window_days=_days(window),
        min_participants=min_participants,
        match=ActionMatch.ROOT if by_root else ActionMatch.CAMEO,
        same_reason=same_reason,
    )
    with StoreAccess.of(request).reading() as store:
        found = explore.coordination(store, target=target.upper() if target else None, rules=rules)
    return json_response([a.to_dict() for a in found])


@router.get(
    "/relations",
    response_model=list[RelationPointOut],
    responses=_ERRORS,
    summary="Relations of two actors over time",
)
def relations(
    request: Request,
    a: Code,
    b: Code,
    freq: Freq = Freq.MONTH,
    directed: Annotated[bool, Query(description="Only what A does to B.")] = False,
    start: Day = None,
    end: Day = None,
    unmerged: Unmerged = False,
) -> Response:
    """Per period: events by quad class, Goldstein, the cooperation-conflict and distrust
    indices with 95% bands, smoothed too (docs/relations.md). Blocs count their members."""
    _check_span(start, end)
    with StoreAccess.of(request).reading() as store:
        series = explore.relations(
            store,
            a.upper(),
            b.upper(),
            rules=SeriesRules(freq=freq),
            directed=directed,
            start=start,
            end=end,
            unmerged=unmerged,
        )
    return json_response([p.to_dict() for p in series_points(series)])


@router.get("/rifts", response_model=list[RiftOut], responses=_ERRORS, summary="Rifts and thaws")
def rifts(
    request: Request,
    actor: Code,
    partner: Annotated[list[str] | None, Query(max_length=50, description="Default: all.")] = None,
    freq: Freq = Freq.MONTH,
    measure: Measure = Measure.DISTRUST,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 20,
    start: Day = None,
    end: Day = None,
    unmerged: Unmerged = False,
) -> Response:
    """Change points in the relations of ACTOR with each partner, with the events behind them."""
    _check_span(start, end)
    partners = [p.upper() for p in partner] if partner else None
    with StoreAccess.of(request).reading() as store:
        found = explore.rifts(
            store,
            actor.upper(),
            partners=partners,
            min_events=min_events,
            rules=RiftRules(measure=measure),
            series=SeriesRules(freq=freq),
            start=start,
            end=end,
            unmerged=unmerged,
        )
    return json_response([r.to_dict() for r in found])


def _actor_counts(access: StoreAccess) -> list[ActorCount]:
    # In a worker thread: the store may take a moment to be free, the event loop must not wait.
    with access.reading() as store:
        return store.actor_counts()


def _days(window: str) -> int:
    found = _WINDOW.fullmatch(window.strip())
    if not found or int(found.group(1)) == 0:
        raise ApiError(422, "invalid_request", f"window {window!r}: expected days like 14d or 2w")
    return int(found.group(1)) * (7 if found.group(2).lower() == "w" else 1)


def _check_span(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and start > end:
        raise ApiError(422, "invalid_request", "start is after end")
