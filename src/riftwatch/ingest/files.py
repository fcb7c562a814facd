"""Find input files (paths, directories, globs) and read their bytes or text within a size limit."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from riftwatch.errors import InputError, TooLargeError
from riftwatch.ingest.decode import decode_bytes

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 10_000_000
_GLOB_CHARS = frozenset("*?[")


def read_bytes(path: Path, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, checking its size with stat before reading anything."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(origin, "not a regular file")
        _check_size(info.st_size, max_bytes, origin)
        with path.open("rb") as handle:
            # Read one byte past the limit in case the file grew after stat.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    _check_size(len(data), max_bytes, origin)
    return data


def read_text(
    path: str | Path,
    origin: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    sniff: Callable[[bytes], str | None] | None = None,
) -> str:
    """A file's decoded text (read_bytes, then decode_bytes with the charset `sniff` finds)."""
    data = read_bytes(Path(path), origin, max_bytes)
    return decode_bytes(data, origin, declared=sniff(data) if sniff else None)


def expand_paths(paths: Sequence[str | Path]) -> Iterator[Path | InputError]:
    """Files named by `paths` in order, directories and globs expanded; problems as errors."""
    seen: set[Path] = set()
    for raw in paths:
        for item in _expand_one(raw):
            if isinstance(item, InputError):
                yield item
                continue
            key = Path(os.path.abspath(item))
            if key not in seen:
                seen.add(key)
                yield item


def is_supported(path: Path) -> bool:
    """True when directory and glob expansion should pick up `path`."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")


def _check_size(size: int, max_bytes: int, origin: str) -> None:
    if size > max_bytes:
        raise TooLargeError(
            origin, f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
        )


def _expand_one(raw: str | Path) -> Iterator[Path | InputError]:
    text = str(raw)
    path = Path(raw)
    if path.is_dir():
        yield from _expand_dir(path, text)
    elif path.exists() or path.is_symlink():
        yield path
    elif _GLOB_CHARS & set(text):
        yield from _expand_glob(text)
    else:
        yield InputError(text, "no such file or directory")


def _expand_dir(root: Path, origin: str) -> Iterator[Path | InputError]:
    found = False
    for path in _walk_sorted(root):
        found = True
        yield path
    if not found:
        suffixes = ", ".join(sorted(SUPPORTED_SUFFIXES))
        yield InputError(origin, f"directory has no input files ({suffixes})")


def _walk_sorted(root: Path) -> Iterator[Path]:
    """Supported files under `root`, depth first, sorted by name, hidden entries skipped."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if is_supported(path):
                yield path


def _expand_glob(pattern: str) -> Iterator[Path | InputError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputError(pattern, "no files match this pattern")
        return
    files = [f for match in matches for f in _files_under(Path(match))]
    if not files:
        yield InputError(pattern, "pattern matches no input files")
    yield from files


def _files_under(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from _walk_sorted(path)
    elif is_supported(path):
        yield path
