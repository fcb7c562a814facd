"""Read news files (.txt, .html, .jsonl) into Document records, one failure per bad document."""

from __future__ import annotations

from riftwatch.ingest.decode import decode_bytes, normalise_text
from riftwatch.ingest.documents import iter_documents, read_path
from riftwatch.ingest.failure import ReadFailure
from riftwatch.ingest.files import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, expand_paths
from riftwatch.ingest.html import document_from_html, read_html_file
from riftwatch.ingest.ids import content_id
from riftwatch.ingest.jsonl import document_from_record, read_jsonl_file
from riftwatch.ingest.text import document_from_text, read_text_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ReadFailure",
    "content_id",
    "decode_bytes",
    "document_from_html",
    "document_from_record",
    "document_from_text",
    "expand_paths",
    "iter_documents",
    "normalise_text",
    "read_html_file",
    "read_jsonl_file",
    "read_path",
    "read_text_file",
]
