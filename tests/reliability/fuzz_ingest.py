"""atheris fuzz target for the ingest stage: bytes -> decode -> text, HTML, JSONL or JSON ->
Documents, in memory (`read_upload`, as POST /documents reads a body) and from a file
(`iter_documents`, as `riftwatch run` reads one). Run by tests/reliability/test_security.py:

    python tests/reliability/fuzz_ingest.py CORPUS_DIR -runs=20000 -seed=1

The first byte of an input picks the reader, the rest is the body. Bad input may only come
back as Failures (or raise an InputError subclass, our documented error for unreadable
input); any other exception is a crash, and atheris writes the input that caused it.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["riftwatch"]):
    from riftwatch.errors import InputError
    from riftwatch.ingest import iter_documents
    from riftwatch.intake import UploadKind, read_upload
    from riftwatch.types import Document

KINDS = list(UploadKind)
SUFFIXES = [".txt", ".html", ".jsonl"]
DEFAULT_DATE = dt.date(2018, 3, 27)
_FOLDER = Path(tempfile.mkdtemp(prefix="riftwatch-fuzz-"))


def check_one(data: bytes) -> None:
    """Read `data` with the reader its first byte picks; raise only for a real bug."""
    if not data:
        return
    choice, body = data[0], data[1:]
    try:
        if choice % 2 == 0:
            kind = KINDS[(choice // 2) % len(KINDS)]
            found = read_upload(body, kind, default_date=DEFAULT_DATE, max_bytes=1 << 16)
        else:
            path = _FOLDER / f"input{SUFFIXES[(choice // 2) % len(SUFFIXES)]}"
            path.write_bytes(body)
            found = list(iter_documents([path], default_date=DEFAULT_DATE, max_bytes=1 << 16))
    except InputError:
        return
    for item in found:
        if isinstance(item, Document):
            _check_document(item)


def _check_document(document: Document) -> None:
    # A document that comes through is one the pipeline can store and code.
    if not document.id or not document.text.strip():
        raise AssertionError(f"document without id or text: {document!r}")
    if "\x00" in document.text:
        raise AssertionError(f"NUL character in the text of {document.id!r}")


def main() -> None:
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
