"""Closed-class word lists the coding rules use (pronouns, modals, light verbs, ...), as data.

They live in data/lexicons/wordlists/v1.jsonl, each list with the reason it exists, so a rule's
vocabulary can be read and changed without touching the rule.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from riftwatch.errors import LexiconError
from riftwatch.lexicons import lexicon_file, read_lexicon


def words(name: str) -> frozenset[str]:
    """The word list `name`."""
    return frozenset(_entry(name, "words"))


def ordered_words(name: str) -> tuple[str, ...]:
    """The word list `name`, in its order of preference."""
    return tuple(_entry(name, "words"))


def pairs(name: str) -> dict[str, frozenset[str]]:
    """The mapping `name` (key -> set of words or codes)."""
    return {k: frozenset(v) for k, v in _entry(name, "pairs").items()}


def _entry(name: str, field: str) -> Any:
    entry = _all().get(name)
    if entry is None or field not in entry:
        raise LexiconError(f"{lexicon_file('wordlists')}: no {field} list named {name!r}")
    return entry[field]


@lru_cache(maxsize=1)
def _all() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for line, raw in read_lexicon("wordlists"):
        if raw["id"] in found:  # a second list of one name would silently replace the first
            raise LexiconError(f"{lexicon_file('wordlists')}:{line}: {raw['id']!r} again")
        found[raw["id"]] = raw
    return found
