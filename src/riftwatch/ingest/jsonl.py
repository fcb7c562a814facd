"""JSON Lines: one record per line; a bad line is reported and the other lines go on.

Each record needs a non-empty string `text`; `id`, `date` (ISO), `title` and `url` are
optional and unknown keys are ignored. Blank lines are skipped; origins are "path:LINE".
The file is read line by line (ingest/lines.py): a corpus file may be any size, and `max_bytes`
limits each line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from riftwatch.errors import EmptyDocumentError, InputError, RecordError
from riftwatch.ingest.dates import parse_iso_date
from riftwatch.ingest.decode import normalise_text
from riftwatch.ingest.failure import ReadFailure
from riftwatch.ingest.files import DEFAULT_MAX_BYTES
from riftwatch.ingest.ids import content_id
from riftwatch.ingest.lines import numbered_lines
from riftwatch.types import Document


def read_jsonl_file(
    path: str | Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    origin: str | None = None,
) -> Iterator[Document | ReadFailure]:
    """One Document per record, or a ReadFailure for the file or for each bad line."""
    origin = origin or str(path)
    found = False
    try:
        for number, line in numbered_lines(Path(path), origin, max_bytes):
            found = True
            yield _read_line(line, f"{origin}:{number}", default_date)
    except InputError as exc:
        yield ReadFailure(origin, exc)
        return
    if not found:
        yield ReadFailure(origin, EmptyDocumentError(origin, "no records (empty JSONL file)"))


def document_from_record(
    record: Any, origin: str, *, default_date: dt.date | None = None
) -> Document:
    """A Document from one decoded JSON value; raises RecordError naming `origin`."""
    if not isinstance(record, dict):
        raise RecordError(origin, f"expected a JSON object, got {type(record).__name__}")
    text = _text(record, origin)
    return Document(
        id=_id(record, text, origin),
        text=text,
        title=normalise_text(_optional_str(record, "title", origin) or "").strip(),
        published=_date(record, origin) or default_date,
        url=_optional_str(record, "url", origin) or None,
        origin=origin,
    )


def _read_line(
    line: str | InputError, origin: str, default_date: dt.date | None
) -> Document | ReadFailure:
    if isinstance(line, InputError):
        return ReadFailure(origin, line)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadFailure(origin, RecordError(origin, f"not JSON: {exc}"))
    try:
        return document_from_record(record, origin, default_date=default_date)
    except InputError as exc:
        return ReadFailure(origin, exc)


def _text(record: dict[str, Any], origin: str) -> str:
    if "text" not in record:
        raise RecordError(origin, "missing required key 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise RecordError(origin, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise EmptyDocumentError(origin, "'text' is empty or whitespace-only")
    return normalise_text(text)


def _id(record: dict[str, Any], text: str, origin: str) -> str:
    value = record.get("id")
    if value is None or value == "":
        return content_id(text)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RecordError(origin, f"'id' must be a string, got {type(value).__name__}")
    return str(value)


def _date(record: dict[str, Any], origin: str) -> dt.date | None:
    value = _optional_str(record, "date", origin)
    if not value:
        return None
    parsed = parse_iso_date(value)
    if parsed is None:
        raise RecordError(origin, f"invalid date {value!r} (expected ISO YYYY-MM-DD)")
    return parsed


def _optional_str(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise RecordError(origin, f"'{key}' must be a string, got {type(value).__name__}")
    return value
