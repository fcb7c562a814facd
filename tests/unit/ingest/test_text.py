"""Plain-text articles: title, date, full text kept, empty files refused."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from riftwatch.errors import DecodeError, EmptyDocumentError, RecordError
from riftwatch.ingest import read_text_file

SEED = Path("/work/shared/corpus/nato-expulsions-2018.txt")


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def test_title_is_first_line_and_text_is_the_whole_file(tmp_path: Path) -> None:
    content = "Two states recall envoys\n\nChile recalled its ambassador on Monday.\n"
    doc = read_text_file(write(tmp_path, "a.txt", content))
    assert doc.title == "Two states recall envoys"
    assert doc.text == content
    assert doc.origin == str(tmp_path / "a.txt")
    assert doc.published is None
    assert doc.id.startswith("doc-") and len(doc.id) == 20


def test_seed_article_skips_furniture_for_the_title(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("seed article not available")
    path = shutil.copy(SEED, tmp_path / SEED.name)
    doc = read_text_file(path, default_date=dt.date(2018, 3, 27))
    assert doc.title == "Russian expulsions driven by growing distrust"
    assert doc.text.startswith("Skip to main content\n")
    assert "Nato expelled seven Russian diplomats on Tuesday" in doc.text
    assert doc.published == dt.date(2018, 3, 27)


def test_iso_date_in_the_first_lines_is_the_publication_date(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "LONDON 2018-03-14\nBritain expels 23 diplomats\n\nBody.\n")
    assert read_text_file(path).published == dt.date(2018, 3, 14)


def test_date_header_is_read_and_skipped_for_the_title(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Date: 27 March 2018\n\nNato expels seven\n\nBody text.\n")
    doc = read_text_file(path)
    assert doc.published == dt.date(2018, 3, 27)
    assert doc.title == "Nato expels seven"


def test_header_date_wins_over_the_default_date(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Date: 2018-03-27\nTitle\nBody.\n")
    assert read_text_file(path, default_date=dt.date(2020, 1, 1)).published == dt.date(2018, 3, 27)


def test_default_date_is_the_fallback(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title\nBody.\n")
    assert read_text_file(path, default_date=dt.date(2020, 1, 1)).published == dt.date(2020, 1, 1)


def test_date_deep_in_the_body_is_ignored(tmp_path: Path) -> None:
    lines = ["Title", "one", "two", "three", "four", "five", "On 2014-03-18 Crimea was annexed."]
    assert read_text_file(write(tmp_path, "a.txt", "\n".join(lines))).published is None


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", b"Sz\xe9l expelled\nFoto: Sz\xe9l\n")
    doc = read_text_file(path)
    assert doc.title == "Szél expelled"
    assert doc.text == "Szél expelled\nFoto: Szél\n"


def test_utf16_with_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "Título\r\nCuerpo del artículo.\r\n".encode("utf-16"))
    doc = read_text_file(path)
    assert doc.text == "Título\nCuerpo del artículo.\n"


def test_utf16_le_without_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "Ankara recalls envoy\nBody text.\n".encode("utf-16-le"))
    assert read_text_file(path).title == "Ankara recalls envoy"


@pytest.mark.parametrize("content", ["", "   \n\t\n  \r\n"])
def test_empty_and_whitespace_files_are_empty_documents(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "empty.txt", content)
    with pytest.raises(EmptyDocumentError, match=r"empty\.txt: empty or whitespace-only"):
        read_text_file(path)


def test_furniture_only_file_is_an_empty_document(tmp_path: Path) -> None:
    path = write(tmp_path, "f.txt", "Skip to main content\n\nPage not found\n")
    with pytest.raises(EmptyDocumentError, match="page furniture"):
        read_text_file(path)


def test_binary_file_with_txt_suffix_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DecodeError, match=r"pic\.txt: binary file \(looks like PNG\)"):
        read_text_file(path)


def test_very_long_first_line_gives_a_shortened_title(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "word " * 200)
    doc = read_text_file(path)
    assert len(doc.title) <= 301 and doc.title.endswith("…")
    assert doc.text == "word " * 200


@pytest.mark.parametrize("value", ["2018-02-30", "99999-01-01", "2018-13-01T10:00:00+01:00"])
def test_a_date_header_naming_no_real_day_fails_the_document(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "a.txt", f"Date: {value}\nTitle\n\nChile recalled its envoy.\n")
    with pytest.raises(RecordError, match=f"invalid date '{re.escape(value)}' in a date header"):
        read_text_file(path, default_date=dt.date(2018, 3, 27))


def test_a_date_header_that_is_not_a_date_falls_back(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Dateline: LONDON\nTitle\n\nChile recalled its envoy.\n")
    doc = read_text_file(path, default_date=dt.date(2018, 3, 27))
    assert doc.published == dt.date(2018, 3, 27)
