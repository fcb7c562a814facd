"""The ingest entry point: paths, directories and globs in, Documents or ReadFailures out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from riftwatch.errors import InputError
from riftwatch.ingest.failure import ReadFailure
from riftwatch.ingest.files import (
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    expand_paths,
)
from riftwatch.ingest.html import read_html_file
from riftwatch.ingest.jsonl import read_jsonl_file
from riftwatch.ingest.text import read_text_file
from riftwatch.types import Document


def iter_documents(
    paths: Sequence[str | Path],
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | ReadFailure]:
    """Every document under `paths`, in a deterministic order; never raises for bad input."""
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield ReadFailure(item.origin, item)
        else:
            yield from read_path(item, default_date=default_date, max_bytes=max_bytes)


def read_path(
    path: Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | ReadFailure]:
    """The documents in one file, chosen by suffix; files of other suffixes are read as text."""
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, default_date=default_date, max_bytes=max_bytes)
        return
    reader = read_html_file if suffix in HTML_SUFFIXES else read_text_file
    try:
        yield reader(path, default_date=default_date, max_bytes=max_bytes, origin=origin)
    except InputError as exc:
        yield ReadFailure(exc.origin, exc)
