"""Bytes to text: encodings we accept and binary input we refuse."""

from __future__ import annotations

import codecs
import random

import pytest

from riftwatch.errors import DecodeError
from riftwatch.ingest import decode_bytes

TEXT = "Szél: Hungary will expel one Russian diplomat.\nBudapest said so on Monday."


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 bom"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le bom"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be bom"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le bom"),
        (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32-be bom"),
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16-le"), "utf-16-le without bom"),
        (TEXT.encode("utf-16-be"), "utf-16-be without bom"),
        (TEXT.encode("latin-1"), "latin-1"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_accepted_encodings_to_the_same_text(data: bytes, label: str) -> None:
    assert decode_bytes(data, label) == TEXT


def test_cp1252_punctuation_is_decoded() -> None:
    assert decode_bytes(b"\x93Sz\xe9l\x94 \x96 2018", "f.txt") == "\u201cSzél\u201d \u2013 2018"


def test_newlines_are_normalised_and_nothing_else_changes() -> None:
    raw = "a\r\nb\rc\n  d\t e  \u00a0\n"
    assert decode_bytes(raw.encode("utf-8"), "f.txt") == "a\nb\nc\n  d\t e  \u00a0\n"


def test_unicode_is_normalised_to_nfc() -> None:
    decomposed = "Sze\u0301l"
    assert decode_bytes(decomposed.encode("utf-8"), "f.txt") == "Szél"


def test_png_header_is_named_in_the_error() -> None:
    rng = random.Random(7)
    data = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000))
    with pytest.raises(DecodeError, match=r"pic\.png: binary file \(looks like PNG\)"):
        decode_bytes(data, "pic.png")


@pytest.mark.parametrize(
    ("magic", "kind"), [(b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b\x08", "gzip")]
)
def test_known_magic_numbers_are_refused(magic: bytes, kind: str) -> None:
    with pytest.raises(DecodeError, match=f"looks like {kind}"):
        decode_bytes(magic + b"some payload", "x.txt")


def test_random_bytes_are_refused() -> None:
    rng = random.Random(11)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(DecodeError, match="binary file"):
        decode_bytes(data, "noise.txt")


def test_nul_bytes_that_are_not_utf16_are_refused() -> None:
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(b"abc\x00\x00\x00\x01\x02defghijkl\x00", "odd.txt")


def test_control_characters_are_refused_in_valid_utf8() -> None:
    with pytest.raises(DecodeError, match="control characters"):
        decode_bytes(b"\x01\x02\x03\x04 text \x05\x06\x07\x08", "ctl.txt")


def test_invalid_utf16_after_bom_names_the_byte() -> None:
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(DecodeError, match=r"bad\.txt: invalid utf-16-le at byte"):
        decode_bytes(data, "bad.txt")


def test_declared_charset_is_used_when_utf8_fails() -> None:
    data = "Москва".encode("cp1251")
    assert decode_bytes(data, "page.html", declared="windows-1251") == "Москва"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Caf\u00e9 \u2026".encode()[:-1], "Caf\u00e9 "),  # cut inside the last character
        ("ab \u2026".encode()[:-1], "ab "),  # plain ASCII before, two of three bytes left
    ],
)
def test_utf8_cut_inside_its_last_character_is_read_as_utf8(
    data: bytes, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert decode_bytes(data, "cut.txt") == text
    assert "cut.txt: ends inside a UTF-8 character" in caplog.text


def test_one_trailing_latin1_letter_is_not_taken_for_cut_utf8() -> None:
    assert decode_bytes(b"caf\xe9", "f.txt") == "caf\u00e9"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Польша выслала четырёх российских дипломатов.\nМосква ответит.",
        "بولندا تطرد أربعة دبلوماسيين روس\nوارسو",
        "波兰驱逐四名俄罗斯外交官\n\n华沙——波兰外交部周一宣布驱逐四名俄罗斯外交官，以声援英国。"
        "莫斯科表示将作出回应，并召见了波兰大使。\n",
    ],
)
def test_utf16_without_bom_is_decoded_for_text_that_is_not_ascii(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "f.txt") == text


def test_a_stray_nul_in_8bit_text_is_not_taken_for_utf16() -> None:
    data = ("Szijjártó said so. " * 30).encode("latin-1")
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(data[:200] + b"\x00" + data[200:401], "stray.txt")
