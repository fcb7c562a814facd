"""GET /health: is the store readable, and what does it hold."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

import riftwatch
from riftwatch.api.access import StoreAccess
from riftwatch.api.formats import json_response
from riftwatch.api.models import ErrorBody, HealthOut
from riftwatch.store import MergedFilter

router = APIRouter(tags=["meta"])


@router.get(
    "/health", response_model=HealthOut, responses={503: {"model": ErrorBody}}, summary="Health"
)
def health(request: Request) -> Response:
    """ok with the store's row counts, or 503 busy while another process holds the store."""
    with StoreAccess.of(request).reading() as store:
        counts = store.counts()
        merged = store.count_merged(MergedFilter(modality="all"))
    body = {
        "status": "ok",
        "version": riftwatch.__version__,
        "writes": request.app.state.token is not None,
        "documents": counts["documents"],
        "events": counts["events"],
        "merged_events": merged,
    }
    return json_response(body)
