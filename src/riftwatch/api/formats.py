"""Event tables as HTTP bodies: JSON, CSV or Parquet, chosen by ?format= or the Accept header."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from enum import StrEnum
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from fastapi import Response

from riftwatch.api.errors import ApiError


class Format(StrEnum):
    JSON = "json"
    CSV = "csv"
    PARQUET = "parquet"


MEDIA_TYPES = {
    Format.JSON: "application/json",
    Format.CSV: "text/csv; charset=utf-8",
    Format.PARQUET: "application/vnd.apache.parquet",
}
_ACCEPTED = {
    "application/json": Format.JSON,
    "text/csv": Format.CSV,
    "application/vnd.apache.parquet": Format.PARQUET,
    "application/x-parquet": Format.PARQUET,
}
_COUNTS = frozenset({"count", "count_low", "count_high"})
# OpenAPI: the other bodies GET /events can send.
TABLE_CONTENT: dict[str, Any] = {
    "text/csv": {"schema": {"type": "string"}},
    "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
}


def negotiate(requested: Format | None, accept: str | None) -> Format:
    """?format= wins; else the first media type in Accept we can send; JSON by default."""
    if requested is not None:
        return requested
    if not accept:
        return Format.JSON
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in _ACCEPTED:
            return _ACCEPTED[media]
        if media in ("*/*", "application/*", "text/*"):
            return Format.CSV if media == "text/*" else Format.JSON
    raise ApiError(
        406,
        "not_acceptable",
        f"cannot send {accept!r}: ask for application/json, text/csv or "
        "application/vnd.apache.parquet (or pass ?format=json|csv|parquet)",
    )


def table_response(table: pa.Table, fmt: Format, headers: dict[str, str]) -> Response:
    """A CSV or Parquet response holding `table`."""
    sink = io.BytesIO()
    if fmt is Format.CSV:
        pa_csv.write_csv(table, sink)
    else:
        pq.write_table(table, sink)
    return Response(sink.getvalue(), media_type=MEDIA_TYPES[fmt], headers=headers)


def json_rows(table: pa.Table) -> list[dict[str, object]]:
    """Rows as JSON-ready dicts: ISO dates, NaN as null, whole counts as integers (as
    `EventRecord.to_dict` writes them)."""
    return [
        {key: _plain(value, whole=key in _COUNTS) for key, value in row.items()}
        for row in table.to_pylist()
    ]


def json_response(body: object, headers: dict[str, str] | None = None) -> Response:
    """JSON text of `body` (already JSON-ready) without a second validation pass."""
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(text, media_type=MEDIA_TYPES[Format.JSON], headers=headers)


def _plain(value: object, *, whole: bool) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if whole and value.is_integer():
            return int(value)
    return value
