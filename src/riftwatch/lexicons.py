"""Packaged lexicon files: riftwatch/data/lexicons/<name>/<version>.jsonl, one JSON object a line.

This module only locates, reads and decodes those files; every loader keeps its own schema
checks. Errors are LexiconErrors naming the file as `lexicons/<name>/<version>.jsonl` (the path
under riftwatch/data) and, for a bad line, its 1-based line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from riftwatch.errors import LexiconError


def lexicon_file(name: str, version: str = "v1") -> str:
    """The file of lexicon `name` relative to riftwatch/data ("lexicons/cameo/v1.jsonl")."""
    return f"lexicons/{name}/{version}.jsonl"


def read_lexicon(name: str, version: str = "v1") -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a packaged lexicon.

    The file is read at once (LexiconError if it is missing or unreadable); lines are decoded
    as the iterator is consumed (LexiconError naming file:line for a line that is not a JSON
    object).
    """
    origin = lexicon_file(name, version)
    try:
        text = resources.files("riftwatch").joinpath(f"data/{origin}").read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{origin}: cannot read ({exc})") from exc
    return parse_jsonl(text.splitlines(), origin)


def parse_jsonl(lines: Iterable[str], origin: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; LexiconError names `origin`:line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{origin}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(entry, dict):
            raise LexiconError(f"{origin}:{number}: entry is not an object")
        yield number, entry
