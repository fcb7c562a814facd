"""Plain-text articles: the whole file is the text, the first real line is the title.

Document.text keeps the file's full content, title line and any page furniture included, so
that the headline stays searchable and every offset refers to what is on disk (after
decoding). Known furniture lines ("Skip to main content") are only skipped when choosing
the title.

The publication date is a `Date: ...` header or an ISO date in the first lines; the caller's
`default_date` (the CLI's --date) is the fallback, as it is for HTML and JSONL, so that one
--date for a mixed directory does not overwrite the dates files state themselves.
A header that states an impossible ISO date ("Date: 2018-02-30") makes the document fail
(RW104), as an impossible `date` does in JSONL: the file is wrong, and --date would hide it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from riftwatch.errors import EmptyDocumentError
from riftwatch.ingest.dates import header_date, is_date_line
from riftwatch.ingest.files import DEFAULT_MAX_BYTES, read_text
from riftwatch.ingest.furniture import is_furniture
from riftwatch.ingest.ids import content_id
from riftwatch.types import Document

MAX_TITLE_CHARS = 300


def read_text_file(
    path: str | Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    origin: str | None = None,
) -> Document:
    """Read one .txt article; raises an InputError subclass naming the file."""
    origin = origin or str(path)
    text = read_text(path, origin, max_bytes)
    return document_from_text(text, origin, default_date=default_date)


def document_from_text(text: str, origin: str, *, default_date: dt.date | None = None) -> Document:
    """A Document from decoded plain text; `default_date` applies when the header has no date."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        raise EmptyDocumentError(origin, "empty or whitespace-only text")
    if all(is_furniture(line) for line in lines):
        raise EmptyDocumentError(origin, "only page furniture, no article text")
    return Document(
        id=content_id(text),
        text=text,
        title=_title(lines),
        published=header_date(text, origin) or default_date,
        origin=origin,
    )


def _title(lines: list[str]) -> str:
    for line in lines:
        if not is_furniture(line) and not is_date_line(line):
            return _shorten(line.strip())
    return ""


def _shorten(title: str) -> str:
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut + "…"
