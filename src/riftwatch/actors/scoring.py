"""Score the actor resolver on an annotated set of mentions in context (tests/data/actors.jsonl).

A gold mention is found when a resolved mention overlaps its characters with the same code; its
sector is scored apart. A `not_actors` string is wrong when any resolved mention overlaps it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riftwatch.actors.lexicon import load_actor_lexicon
from riftwatch.actors.resolve import find_mentions
from riftwatch.errors import RecordError
from riftwatch.nlp import parse_many
from riftwatch.types import ActorMention, Document

NOT_ACTOR = "not-actor"


@dataclass(slots=True)
class CategoryScore:
    total: int = 0
    right: int = 0
    sector_total: int = 0
    sector_right: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(slots=True)
class ActorSetReport:
    by_category: dict[str, CategoryScore] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def overall(self) -> CategoryScore:
        total = CategoryScore()
        for s in self.by_category.values():
            total.total += s.total
            total.right += s.right
            total.sector_total += s.sector_total
            total.sector_right += s.sector_right
        return total

    def category(self, name: str) -> CategoryScore:
        return self.by_category.setdefault(name, CategoryScore())


def score_actor_set(path: str | Path) -> ActorSetReport:
    """Resolve every record of an annotated actor set and score it per category."""
    records = _read(path)
    documents = [_document(r) for r in records]
    lexicon = load_actor_lexicon()
    report = ActorSetReport()
    for record, parsed in zip(records, parse_many(documents), strict=True):
        _score_record(report, record, find_mentions(parsed, lexicon))
    return report


def _read(path: str | Path) -> list[Mapping[str, Any]]:
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except ValueError as exc:
                raise RecordError(f"{path}:{number}", f"not JSON: {exc}") from exc
    return records


def _document(record: Mapping[str, Any]) -> Document:
    published = dt.date.fromisoformat(record["date"]) if record.get("date") else None
    return Document(id=str(record["id"]), text=record["text"], published=published)


def _score_record(
    report: ActorSetReport, record: Mapping[str, Any], found: Iterable[ActorMention]
) -> None:
    found = [m for m in found if not m.place and m.is_actor]
    for gold in record.get("mentions", []):
        start = int(gold["start"])
        end = start + len(gold["text"])
        hits = [m for m in found if m.start < end and start < m.end]
        right = [m for m in hits if m.code == gold["code"]]
        score = report.category(gold.get("category", "other"))
        score.total += 1
        score.right += bool(right)
        if right and gold.get("sector") is not None:
            score.sector_total += 1
            score.sector_right += any(m.sector == gold["sector"] for m in right)
        if not right:
            got = ",".join(sorted({m.code for m in hits})) or "nothing"
            report.errors.append(f"{record['id']}: {gold['text']!r} -> {got}, want {gold['code']}")
    for text in record.get("not_actors", []):
        _score_not_actor(report, record, text, found)


def _score_not_actor(
    report: ActorSetReport, record: Mapping[str, Any], text: str, found: list[ActorMention]
) -> None:
    start = record["text"].find(text)
    end = start + len(text)
    hits = [m for m in found if start >= 0 and m.start < end and start < m.end]
    score = report.category(NOT_ACTOR)
    score.total += 1
    score.right += not hits
    if hits:
        report.errors.append(f"{record['id']}: {text!r} is not an actor, got {hits[0].code}")
