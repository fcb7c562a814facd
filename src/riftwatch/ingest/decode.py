"""Bytes -> text: BOMs, UTF-8, UTF-16 without BOM, cp1252/Latin-1; binary input refused.

UTF-8 cut off inside its last character (a truncated download or copy) is read as UTF-8 without
that partial character, with a logged warning, rather than as cp1252 mojibake.

The only changes made to the decoded characters are newline normalisation (CRLF and CR
become LF) and Unicode NFC, so offsets into Document.text are offsets into this string.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

from riftwatch.errors import DecodeError

log = logging.getLogger(__name__)

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
_UTF16_NULS = 0.02
_NOT_TEXT = frozenset({"Cn", "Co"})  # unassigned, private use


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
        text = _strict(data, encoding, origin) if encoding else None
        if text is None or not _plausible(text):
            raise DecodeError(origin, "binary file (contains NUL bytes and is not UTF-16)")
        return text
    return _decode_8bit(data, declared, origin)


def _decode_8bit(data: bytes, declared: str | None, origin: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _cut_utf8(data, exc):
            log.warning(
                "%s: ends inside a UTF-8 character; its %d bytes are left out",
                origin,
                len(data) - exc.start,
            )
            return data[: exc.start].decode("utf-8")
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


def _cut_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """True when `data` is UTF-8 but for an incomplete character at its very end."""
    # The first error is reported, so everything before it is valid UTF-8.
    if exc.end != len(data) or exc.reason != "unexpected end of data":
        return False
    # One stray lead byte after plain ASCII is as likely a Latin-1 letter ("caf\xe9") as a cut.
    return len(data) - exc.start > 1 or not data[: exc.start].isascii()


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(origin, f"invalid {encoding} at byte {exc.start}: {exc.reason}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NULs sit mostly on one side of the byte pairs."""
    sample = data[: _UTF16_SAMPLE - _UTF16_SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs == 0 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    # The NULs of UTF-16 text are the high bytes of its ASCII characters: nearly every byte
    # pair in English, only spaces, digits and line breaks in Russian, Arabic or Chinese (2-20%
    # of pairs), and a few low bytes on the other side in CJK ("一" is U+4E00). A stray NUL in
    # 8-bit text, or binary data, does not reach 2% on one side alone.
    if odd_nuls >= _UTF16_NULS * pairs and even_nuls <= min(_UTF16_NULS * pairs, odd_nuls / 2):
        return "utf-16-le"
    if even_nuls >= _UTF16_NULS * pairs and odd_nuls <= min(_UTF16_NULS * pairs, even_nuls / 2):
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """False when over 1% of the start is unassigned or private-use characters: about one in
    seven of binary data read as UTF-16, next to none in text."""
    sample = text[:_UTF16_SAMPLE]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in _NOT_TEXT)
    return odd <= 0.01 * len(sample)


def _check_controls(text: str, origin: str) -> None:
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        raise DecodeError(origin, "binary file (contains NUL characters)")
    controls = sum(1 for ch in sample if _is_binary_control(ch))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise DecodeError(origin, f"binary file ({controls / len(sample):.0%} control characters)")


def _is_binary_control(ch: str) -> bool:
    return ch not in _TEXT_CONTROLS and (ch < "\x20" or "\x7f" <= ch <= "\x9f")
