"""The lines of a file read one at a time (JSON Lines), so that only a line has a size limit.

A JSONL corpus is a container of documents and may be far bigger than any one document, so the
file is streamed and `max_bytes` bounds each line. UTF-8 (or 8-bit) files are streamed; a file
that starts with a UTF-16/32 byte-order mark or holds NUL bytes is decoded whole, within
`max_bytes`, as `decode_bytes` would any other file. Line numbers count every line break
(LF, CRLF or a lone CR), as `normalise_text` would split the decoded file.
"""

from __future__ import annotations

import codecs
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from riftwatch.errors import InputError, TooLargeError
from riftwatch.ingest.decode import decode_bytes, normalise_text
from riftwatch.ingest.files import read_bytes

# Enough of the start of a file to tell binary from text, as decode_bytes does for a whole one.
HEAD_BYTES = 65_536
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SKIP_CHUNK = 1 << 20

Line = tuple[int, str | InputError]


def numbered_lines(path: Path, origin: str, max_bytes: int) -> Iterator[Line]:
    """(number, text) for each non-blank line, or (number, InputError) for a line too long or
    not text; raises InputError when the file as a whole cannot be read or is binary."""
    try:
        # Checked before opening: opening a FIFO would wait for a writer.
        if not stat.S_ISREG(path.stat().st_mode):
            raise InputError(origin, "not a regular file")
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            if head.startswith(_WIDE_BOMS) or b"\x00" in head:
                yield from _whole_file(path, origin, max_bytes)
                return
            # Decoding the start refuses a binary file once, not line by line (the BOM left
            # out: it would make decode_bytes hold the whole start to strict UTF-8).
            decode_bytes(_ascii_cut(head.removeprefix(codecs.BOM_UTF8)), origin)
            handle.seek(0)
            yield from _streamed(handle, origin, max_bytes)
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None


def _whole_file(path: Path, origin: str, max_bytes: int) -> Iterator[Line]:
    text = decode_bytes(read_bytes(path, origin, max_bytes), origin)
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line


def _streamed(handle: BinaryIO, origin: str, max_bytes: int) -> Iterator[Line]:
    number = 0
    while raw := handle.readline(max_bytes + 1):
        if number == 0:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            number += 1
            _skip_line(handle)
            where = f"{origin}:{number}"
            yield number, TooLargeError(where, f"line is over the limit of {max_bytes:,} bytes")
            continue
        # Old Mac files end lines in a lone CR; CRLF is one break, as in normalise_text.
        for piece in raw.removesuffix(b"\n").removesuffix(b"\r").split(b"\r"):
            number += 1
            if piece.strip():
                yield number, _decode_line(piece, f"{origin}:{number}")


def _decode_line(data: bytes, origin: str) -> str | InputError:
    try:
        # JSON forbids raw control characters, so the binary check decode_bytes makes on a
        # whole file is not needed per line; plain UTF-8 is the fast path.
        return normalise_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(data, origin)
    except InputError as exc:
        return exc


def _skip_line(handle: BinaryIO) -> None:
    while (chunk := handle.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def _ascii_cut(data: bytes) -> bytes:
    """`data` up to its last ASCII byte, so that it does not end inside a UTF-8 character."""
    end = len(data)
    while end and data[end - 1] >= 0x80:
        end -= 1
    return data[:end]
