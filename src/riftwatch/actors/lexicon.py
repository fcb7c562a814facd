"""The actor lexicon: phrases (spaCy tokens, lowercased) -> actors with dated roles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from riftwatch.errors import LexiconError
from riftwatch.lexicons import lexicon_file, parse_jsonl, read_lexicon

RESOURCE = lexicon_file("actors")
# "place" entries name geography that contains a state's name ("the Gulf of Mexico", "South
# America"): they win the longest match and resolve to nothing.
KINDS = frozenset({"state", "igo", "bloc", "person", "agent", "group", "anaphor", "place"})
NAMED_KINDS = frozenset({"state", "igo", "bloc", "person"})
_REQUIRED = ("id", "phrase", "code", "sector", "name", "kind", "source")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One lexicon line: a phrase and the actor (with one dated role) it names."""

    id: str
    phrase: str
    code: str
    sector: str
    name: str
    kind: str
    source: str
    start: dt.date | None = None
    end: dt.date | None = None
    cased: str | None = None  # surface form the text must match exactly ("US", not "us")
    requires: str | None = None  # "agent": before a sector noun ("Western"); "subject": as one
    seat: bool = False  # a capital or seat of power standing for its government ("the Kremlin")

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.phrase.split(" "))

    @property
    def is_named(self) -> bool:
        return self.kind in NAMED_KINDS

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_at(self, date: dt.date) -> bool:
        """True when the role covers `date` (open ends are unbounded)."""
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


# Per first token: the phrase lengths it starts, longest first, each with its phrases.
Bucket = tuple[tuple[int, Mapping[tuple[str, ...], tuple[ActorEntry, ...]]], ...]


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Entries indexed by first token, each bucket ordered longest phrase first."""

    entries: tuple[ActorEntry, ...]
    index: Mapping[str, Bucket]
    origin: str = ""
    igo_codes: frozenset[str] = frozenset()

    def candidates(
        self, lowers: Sequence[str], i: int
    ) -> Iterator[tuple[int, tuple[ActorEntry, ...]]]:
        """(length, entries) of every phrase matching `lowers` at `i`, longest first."""
        for n, phrases in self.index.get(lowers[i], ()):
            entries = phrases.get(tuple(lowers[i : i + n]))
            if entries:
                yield n, entries

    def is_igo(self, code: str) -> bool:
        """True for an organisation's or bloc's code ("NATO", "WST"), not a state's."""
        return code in self.igo_codes

    def lookup(self, phrase: str) -> tuple[ActorEntry, ...]:
        """Entries whose phrase is exactly `phrase` (lowercased, space-separated tokens)."""
        tokens = tuple(phrase.lower().split(" "))
        for n, phrases in self.index.get(tokens[0], ()):
            if n == len(tokens):
                return phrases.get(tokens, ())
        return ()


def _date(value: object, field: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{field} must be an ISO date or null")
    return dt.date.fromisoformat(value)


def parse_entry(raw: Mapping[str, object]) -> ActorEntry:
    """Validate one decoded JSON object into an ActorEntry (ValueError on bad schema)."""
    for key in _REQUIRED:
        if not isinstance(raw.get(key), str):
            raise ValueError(f"field {key!r} missing or not a string")
    if raw["kind"] not in KINDS:
        raise ValueError(f"unknown kind {raw['kind']!r}")
    if not str(raw["phrase"]).strip() or str(raw["phrase"]) != str(raw["phrase"]).lower():
        raise ValueError("phrase must be non-empty and lowercase")
    if raw["kind"] in NAMED_KINDS and not raw["code"]:
        raise ValueError("named actors need a code")
    return ActorEntry(
        id=str(raw["id"]),
        phrase=str(raw["phrase"]),
        code=str(raw["code"]),
        sector=str(raw["sector"]),
        name=str(raw["name"]),
        kind=str(raw["kind"]),
        source=str(raw["source"]),
        start=_date(raw.get("start"), "start"),
        end=_date(raw.get("end"), "end"),
        cased=_opt(raw, "cased"),
        requires=_opt(raw, "requires"),
        seat=raw.get("seat") is True,
    )


def _opt(raw: Mapping[str, object], key: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"field {key!r} must be a string")
    return value


def parse_lexicon(lines: Iterable[str], origin: str) -> ActorLexicon:
    """Build an ActorLexicon from JSONL lines; LexiconError names `origin` and the line."""
    return _build(parse_jsonl(lines, origin), origin)


def _build(rows: Iterable[tuple[int, Mapping[str, object]]], origin: str) -> ActorLexicon:
    """An ActorLexicon from (line number, decoded object) pairs read from `origin`."""
    entries: list[ActorEntry] = []
    seen: set[str] = set()
    for number, raw in rows:
        try:
            entry = parse_entry(raw)
        except (ValueError, TypeError, AttributeError) as exc:
            raise LexiconError(f"{origin}:{number}: {exc}") from exc
        if entry.id in seen:
            raise LexiconError(f"{origin}:{number}: duplicate id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
    if not entries:
        raise LexiconError(f"{origin}: no entries")
    igos = frozenset(e.code for e in entries if e.kind in ("igo", "bloc", "anaphor"))
    return ActorLexicon(
        entries=tuple(entries), index=_index(entries), origin=origin, igo_codes=igos
    )


def _index(entries: Iterable[ActorEntry]) -> dict[str, Bucket]:
    by_phrase: dict[tuple[str, ...], list[ActorEntry]] = {}
    for entry in entries:
        by_phrase.setdefault(entry.tokens, []).append(entry)
    buckets: dict[str, dict[int, dict[tuple[str, ...], tuple[ActorEntry, ...]]]] = {}
    for phrase, group in by_phrase.items():
        buckets.setdefault(phrase[0], {}).setdefault(len(phrase), {})[phrase] = tuple(group)
    return {k: tuple(sorted(v.items(), key=lambda p: -p[0])) for k, v in buckets.items()}


@lru_cache(maxsize=1)
def load_actor_lexicon() -> ActorLexicon:
    """The packaged actor lexicon (parsed and indexed once per process)."""
    return _build(read_lexicon("actors"), RESOURCE)
