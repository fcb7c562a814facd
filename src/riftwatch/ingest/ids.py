"""Stable document ids derived from content, so the same story read twice gets one id."""

from __future__ import annotations

import hashlib

from riftwatch.ingest.decode import normalise_text

ID_PREFIX = "doc-"


def content_id(text: str) -> str:
    """'doc-' + the first 16 hex digits of sha256 over the whitespace-collapsed NFC text."""
    # Collapsing whitespace keeps the id stable when the same story is re-wrapped or re-indented.
    canonical = " ".join(normalise_text(text).split())
    return ID_PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
