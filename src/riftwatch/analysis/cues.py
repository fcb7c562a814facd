"""The cue lexicon (data/lexicons/cues/v1.jsonl): phrases that mark reasons and comparisons.

Each entry is `{id, kind, pattern, example, source, why}`. `pattern` is a case-insensitive
Python regular expression. It must match its own `example`, so an entry that a later edit
breaks fails when the lexicon loads, with its line number, and not as a silent miss. Keeping the
phrases here and not in `if` statements lets a reader see and change what counts as "a
stated reason" or "a claim about history" without touching the analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from riftwatch.errors import LexiconError
from riftwatch.lexicons import lexicon_file, read_lexicon

NAME, VERSION = "cues", "v1"
KINDS = frozenset(
    {
        "abbreviation",  # a token that does not end a sentence ("St.", "U.S.")
        "actor-unit",  # a counted noun that counts actors ("countries"), not things
        "collective",  # a superlative about a joint action ("collective", "coordinated")
        "continuation",  # text after a precedent that still belongs to it (", which ...")
        "filler",  # a word that says nothing about which grievance a reason names
        "precedent",  # a sentence that names earlier, larger events by year
        "reason",  # where a stated reason starts ("over", "in solidarity with")
        "scope",  # what a superlative is measured against ("ever", "in 30 years")
        "superlative",  # "the largest", "the biggest"
        "unprecedented",  # "unprecedented", "never been"
    }
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry with its compiled pattern."""

    id: str
    kind: str
    pattern: re.Pattern[str]

    @property
    def rule(self) -> str:
        """The name evidence carries: "cues.v1:reason-over"."""
        return f"{NAME}.{VERSION}:{self.id}"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The cues grouped by kind."""

    by_kind: Mapping[str, tuple[Cue, ...]]

    def of(self, kind: str) -> tuple[Cue, ...]:
        """The cues of `kind`, in file order; KeyError for a kind the schema does not have."""
        if kind not in KINDS:
            raise KeyError(kind)
        return self.by_kind.get(kind, ())

    def first(self, kind: str, text: str, start: int = 0) -> tuple[Cue, re.Match[str]] | None:
        """The leftmost match of any cue of `kind` in `text` from `start`."""
        found = [(m, c) for c in self.of(kind) if (m := c.pattern.search(text, start))]
        if not found:
            return None
        match, cue = min(found, key=lambda pair: (pair[0].start(), -pair[0].end()))
        return cue, match

    def matches(self, kind: str, text: str) -> bool:
        """Whether any cue of `kind` matches somewhere in `text`."""
        return any(c.pattern.search(text) for c in self.of(kind))


def build_cues(rows: Iterable[tuple[int, Mapping[str, Any]]], origin: str) -> CueLexicon:
    """Check and compile (line number, entry) rows; LexiconError names `origin`:line."""
    by_kind: dict[str, list[Cue]] = {}
    seen: set[str] = set()
    for number, raw in rows:
        try:
            cue = _parse_cue(raw)
        except ValueError as exc:
            raise LexiconError(f"{origin}:{number}: {exc}") from exc
        if cue.id in seen:
            raise LexiconError(f"{origin}:{number}: duplicate id {cue.id!r}")
        seen.add(cue.id)
        by_kind.setdefault(cue.kind, []).append(cue)
    return CueLexicon({kind: tuple(cues) for kind, cues in by_kind.items()})


def _parse_cue(raw: Mapping[str, Any]) -> Cue:
    fields = {key: raw.get(key) for key in ("id", "kind", "pattern", "example")}
    missing = [key for key, value in fields.items() if not isinstance(value, str) or not value]
    if missing:
        raise ValueError(f"missing or empty {', '.join(missing)}")
    if raw["kind"] not in KINDS:
        raise ValueError(f"unknown kind {raw['kind']!r} (expected one of {sorted(KINDS)})")
    try:
        pattern = re.compile(raw["pattern"], re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"pattern does not compile ({exc})") from None
    if not pattern.search(raw["example"]):
        raise ValueError(f"pattern does not match its example {raw['example']!r}")
    return Cue(raw["id"], raw["kind"], pattern)


@lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    """The packaged cue lexicon (read once per process)."""
    return build_cues(read_lexicon(NAME, VERSION), lexicon_file(NAME, VERSION))
