"""Bytes -> text: BOMs, UTF-8, UTF-16 without BOM, cp1252/Latin-1; binary input refused.

The only changes made to the decoded characters are newline normalisation (CRLF and CR
become LF) and Unicode NFC, so offsets into Document.text are offsets into this string.
"""

from __future__ import annotations

import codecs
import unicodedata

from riftwatch.errors import DecodeError

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE)"),
    (b"SQLite format 3\x00", "SQLite"),
)

# Whitespace controls that ordinary text contains; every other C0/C1 control counts as binary.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_SAMPLE_CHARS = 65_536
_MAX_CONTROL_SHARE = 0.05
_UTF16_SAMPLE = 4096


def decode_bytes(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode file bytes to normalised text, or raise DecodeError naming `origin`."""
    text = _decode(data, origin, declared)
    _check_controls(text, origin)
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """CRLF/CR -> LF, then Unicode NFC; nothing else is changed."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format `data` starts with (PNG, PDF, ...), or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _decode(data: bytes, origin: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, origin)
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError(origin, f"binary file (looks like {kind})")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise DecodeError(origin, "binary file (contains NUL bytes and is not UTF-16)")
        return _strict(data, encoding, origin)
    return _decode_8bit(data, declared)


def _decode_8bit(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte, and the control-share
        # check that follows rejects the result if it is not text.
        return data.decode("latin-1")


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(origin, f"invalid {encoding} at byte {exc.start}: {exc.reason}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NULs sit in every other byte, as in mostly-ASCII text."""
    sample = data[: _UTF16_SAMPLE - _UTF16_SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs == 0 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.02 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _check_controls(text: str, origin: str) -> None:
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        raise DecodeError(origin, "binary file (contains NUL characters)")
    controls = sum(1 for ch in sample if _is_binary_control(ch))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise DecodeError(origin, f"binary file ({controls / len(sample):.0%} control characters)")


def _is_binary_control(ch: str) -> bool:
    return ch not in _TEXT_CONTROLS and (ch < "\x20" or "\x7f" <= ch <= "\x9f")
