"""JSONL files read line by line: any file size, a limit per line, line numbers kept."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from riftwatch.errors import DecodeError, TooLargeError
from riftwatch.ingest import ReadFailure, read_jsonl_file
from riftwatch.ingest.lines import numbered_lines
from riftwatch.types import Document


def record(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


def test_a_file_over_the_limit_is_read_when_each_line_is_under_it(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"\n".join(record(id=f"r{n}", text="x" * 50) for n in range(100)))
    docs = list(read_jsonl_file(path, max_bytes=200))
    assert path.stat().st_size > 200
    assert [d.id for d in docs if isinstance(d, Document)] == [f"r{n}" for n in range(100)]


def test_a_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    lines = [record(id="a", text="x" * 500), record(id="b", text="y"), record(id="c", text="z")]
    path.write_bytes(b"\n".join(lines))
    long, *rest = read_jsonl_file(path, max_bytes=100)
    assert isinstance(long, ReadFailure) and isinstance(long.error, TooLargeError)
    assert long.origin == f"{path}:1"
    assert [(d.id, d.origin) for d in rest if isinstance(d, Document)] == [
        ("b", f"{path}:2"),
        ("c", f"{path}:3"),
    ]


def test_line_numbers_count_lf_crlf_and_lone_cr_breaks(tmp_path: Path) -> None:
    path = tmp_path / "breaks.jsonl"
    path.write_bytes(record(text="a") + b"\r" + record(text="b") + b"\r\n\r\n" + record(text="c"))
    assert [n for n, _ in numbered_lines(path, "f", 1000)] == [1, 2, 4]


def test_each_line_is_decoded_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    latin1 = json.dumps({"text": "Szijj\u00e1rt\u00f3"}, ensure_ascii=False).encode("latin-1")
    path.write_bytes(codecs.BOM_UTF8 + record(text="Sz\u00e9l") + b"\n" + latin1 + b"\n")
    assert [text for _, text in numbered_lines(path, "f", 1000)] == [
        '{"text": "Sz\u00e9l"}',
        '{"text": "Szijj\u00e1rt\u00f3"}',
    ]


def test_utf16_files_are_decoded_whole(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(
        (record(id="a", text="x") + b"\n" + record(id="b", text="y")).decode().encode("utf-16")
    )
    assert [d.id for d in read_jsonl_file(path) if isinstance(d, Document)] == ["a", "b"]


def test_a_binary_file_is_one_failure_not_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"PK\x03\x04" + b"\x01\x02\n" * 100)
    (failure,) = read_jsonl_file(path)
    assert isinstance(failure, ReadFailure) and isinstance(failure.error, DecodeError)
    assert failure.origin == str(path)
