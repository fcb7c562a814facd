"""iter_documents: paths, directories and globs in a fixed order, failures as records."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from riftwatch.errors import DecodeError, EmptyDocumentError, InputError, TooLargeError
from riftwatch.ingest import ReadFailure, iter_documents
from riftwatch.types import Document

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def make_tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text("Zeta title\nBody z.\n")
    (root / "b" / "two.html").write_text(
        "<html><head><title>Two</title></head><body><article><p>Iran threatened on Wednesday "
        "to close the Strait of Hormuz to shipping, state media reported.</p></article></body>"
        "</html>"
    )
    (root / "a" / "one.text").write_text("One title\nBody one.\n")
    (root / "a" / "wire.jsonl").write_text('{"id": "w1", "text": "Wire one."}\n')
    (root / "a" / "notes.md").write_text("# not an article\n")
    (root / "a" / ".draft.txt").write_text("Hidden draft\n")
    (root / ".hidden" / "secret.txt").write_text("Secret\n")


def origins(items: list[Document | ReadFailure], root: Path) -> list[str]:
    return [os.path.relpath(i.origin, root) for i in items]


def test_directory_is_expanded_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(iter_documents([tmp_path]))
    assert origins(items, tmp_path) == ["z.txt", "a/one.text", "a/wire.jsonl:1", "b/two.html"]
    assert all(isinstance(i, Document) for i in items)


def test_glob_is_expanded_and_filtered_by_suffix(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(iter_documents([str(tmp_path / "a" / "*")]))
    assert origins(items, tmp_path) == ["a/one.text", "a/wire.jsonl:1"]
    recursive = list(iter_documents([str(tmp_path / "**" / "*.txt")]))
    assert origins(recursive, tmp_path) == ["z.txt"]


def test_order_is_deterministic_and_paths_are_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    first = list(iter_documents([tmp_path / "z.txt", tmp_path, str(tmp_path / "a" / "*.text")]))
    second = list(iter_documents([tmp_path / "z.txt", tmp_path, str(tmp_path / "a" / "*.text")]))
    assert first == second
    assert origins(first, tmp_path) == ["z.txt", "a/one.text", "a/wire.jsonl:1", "b/two.html"]


def test_missing_path_empty_glob_and_empty_directory_are_failures(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing, no_match, empty_dir = iter_documents(
        [tmp_path / "nope.txt", str(tmp_path / "*.jsonl"), tmp_path / "empty"]
    )
    assert isinstance(missing, ReadFailure) and missing.origin == str(tmp_path / "nope.txt")
    assert missing.reason == "no such file or directory"
    assert isinstance(no_match, ReadFailure) and "no files match" in no_match.reason
    assert isinstance(empty_dir, ReadFailure) and "no input files" in empty_dir.reason


def test_bad_files_are_reported_and_good_ones_still_read(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_text("  \n")
    (tmp_path / "b-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500))
    (tmp_path / "c-big.txt").write_text("x" * 2_000)
    (tmp_path / "d-good.txt").write_text("Good title\nGood body.\n")
    items = list(iter_documents([tmp_path], max_bytes=1_000))
    errors = [type(i.error) for i in items if isinstance(i, ReadFailure)]
    assert errors == [EmptyDocumentError, DecodeError, TooLargeError]
    assert isinstance(items[-1], Document) and items[-1].title == "Good title"
    assert str(items[2]) == (
        f"RW103 {tmp_path / 'c-big.txt'}: file is 2,000 bytes, over the limit of 1,000 bytes"
    )


def test_same_text_under_two_names_has_one_id(tmp_path: Path) -> None:
    text = "Chile recalls ambassador\n\nChile recalled its ambassador on Monday.\n"
    (tmp_path / "first.txt").write_text(text)
    (tmp_path / "copy.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    first, copy = iter_documents([tmp_path / "first.txt", tmp_path / "copy.txt"])
    assert isinstance(first, Document) and isinstance(copy, Document)
    assert first.id == copy.id
    assert first.origin != copy.origin


def test_different_text_has_a_different_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Chile recalls ambassador.\n")
    (tmp_path / "b.txt").write_text("Peru recalls ambassador.\n")
    a, b = iter_documents([tmp_path])
    assert isinstance(a, Document) and isinstance(b, Document) and a.id != b.id


def test_explicit_file_with_other_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Story title\nBody.\n")
    (doc,) = iter_documents([path])
    assert isinstance(doc, Document) and doc.title == "Story title"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (failure,) = iter_documents([fifo])
    assert isinstance(failure, ReadFailure) and isinstance(failure.error, InputError)
    assert failure.reason == "not a regular file"


def test_default_date_reaches_undated_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nBody.\n")
    (doc,) = iter_documents([tmp_path], default_date=dt.date(2018, 3, 27))
    assert isinstance(doc, Document) and doc.published == dt.date(2018, 3, 27)


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ not present")
def test_examples_directory_reads_cleanly() -> None:
    items = list(iter_documents([EXAMPLES]))
    assert all(isinstance(i, Document) for i in items), [str(i) for i in items]
    by_name = {Path(i.origin.split(":")[0]).name: i for i in items if isinstance(i, Document)}
    assert by_name["nato-expulsions-2018.txt"].title == (
        "Russian expulsions driven by growing distrust"
    )
    assert by_name["ambassadors-recalled.txt"].published == dt.date(2019, 2, 14)
    assert by_name["sanctions-page.html"].published == dt.date(2020, 10, 2)
    assert len([i for i in items if i.origin.split(":")[0].endswith(".jsonl")]) == 3
