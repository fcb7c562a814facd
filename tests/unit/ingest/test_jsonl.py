"""JSON Lines: one Document per record; bad lines reported by file:line, the rest go on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from riftwatch.errors import DecodeError, EmptyDocumentError, RecordError
from riftwatch.ingest import ReadFailure, content_id, read_jsonl_file
from riftwatch.types import Document


def write_lines(tmp_path: Path, lines: list[str], name: str = "wire.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields: object) -> str:
    return json.dumps(fields)


def test_records_become_documents_with_line_origins(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        [
            record(
                id="a1",
                date="2018-03-26",
                title="T1",
                text="Nato expels seven.",
                url="http://x/1",
                events=[{"cameo": "111"}],
            ),
            "",
            record(id="a2", date="2018-03-27", title="T2", text="Russia responds."),
        ],
    )
    docs = list(read_jsonl_file(path))
    assert docs == [
        Document(
            id="a1",
            text="Nato expels seven.",
            title="T1",
            published=dt.date(2018, 3, 26),
            url="http://x/1",
            origin=f"{path}:1",
        ),
        Document(
            id="a2",
            text="Russia responds.",
            title="T2",
            published=dt.date(2018, 3, 27),
            origin=f"{path}:3",
        ),
    ]


def test_non_json_line_is_a_failure_and_the_other_lines_go_on(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        [
            record(id="a", text="First story."),
            "{this is not json",
            record(id="b", text="Third story."),
        ],
    )
    items = list(read_jsonl_file(path))
    assert [type(i) for i in items] == [Document, ReadFailure, Document]
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "b"]
    failure = items[1]
    assert isinstance(failure, ReadFailure) and isinstance(failure.error, RecordError)
    assert failure.origin == f"{path}:2"
    assert str(failure.error).startswith(f"{path}:2: not JSON: Expecting property name")


def test_missing_text_names_file_and_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [record(id="a", title="No body")])
    (failure,) = read_jsonl_file(path)
    assert isinstance(failure, ReadFailure) and isinstance(failure.error, RecordError)
    assert str(failure.error) == f"{path}:1: missing required key 'text'"


def test_invalid_values_are_record_errors(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        [
            record(text="x", date="2018-13-45"),
            record(text=42),
            "[1, 2]",
            record(text="x", url=5),
            record(text="  "),
        ],
    )
    failures = list(read_jsonl_file(path))
    assert all(isinstance(f, ReadFailure) for f in failures)
    reasons = [f.reason for f in failures if isinstance(f, ReadFailure)]
    assert reasons == [
        "invalid date '2018-13-45' (expected ISO YYYY-MM-DD)",
        "'text' must be a string, got int",
        "expected a JSON object, got list",
        "'url' must be a string, got int",
        "'text' is empty or whitespace-only",
    ]
    assert isinstance(failures[-1].error, EmptyDocumentError)


def test_missing_id_is_derived_from_the_text_and_default_date_fills_in(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [record(text="Chile recalls its ambassador.")])
    (doc,) = read_jsonl_file(path, default_date=dt.date(2019, 2, 14))
    assert isinstance(doc, Document)
    assert doc.id == content_id("Chile recalls its ambassador.")
    assert doc.published == dt.date(2019, 2, 14)
    assert doc.title == ""


def test_datetime_dates_are_accepted(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [record(text="x", date="2018-03-26T10:00:00Z")])
    (doc,) = read_jsonl_file(path)
    assert isinstance(doc, Document) and doc.published == dt.date(2018, 3, 26)


def test_text_inside_records_is_normalised(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [record(text="Sze\u0301l said\r\nno.\u2028Next.")])
    (doc,) = read_jsonl_file(path)
    assert isinstance(doc, Document) and doc.text == "Szél said\nno.\u2028Next."


def test_empty_file_is_one_failure(tmp_path: Path) -> None:
    path = write_lines(tmp_path, ["", "   "])
    (failure,) = read_jsonl_file(path)
    assert isinstance(failure, ReadFailure) and isinstance(failure.error, EmptyDocumentError)


def test_binary_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00compressed")
    (failure,) = read_jsonl_file(path)
    assert isinstance(failure, ReadFailure) and isinstance(failure.error, DecodeError)
    assert failure.origin == str(path)
