"""Score predicted events against a gold set, exactly by the rules of the gold README.

1. Predictions and gold reduce to unique (doc_id, source, target, root) tuples; a prediction
   without a source is not counted; a symmetric gold event matches either direction; a gold
   target of null matches any target.
2. Precision, recall and F1 are micro-averaged over all documents.
3. Count and date accuracy are taken over matched gold events that give a count / a date.
4. Trap hits are predicted tuples matching an `absent` entry; each is also a false positive.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riftwatch.errors import RecordError
from riftwatch.events.records import FACTUAL_MODALITIES, REPORTED_CONFIDENCE
from riftwatch.types import Document

Tuple4 = tuple[str, str, str | None, str]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    doc_id: str
    source: str
    target: str | None
    root: str
    count: float | None = None
    date: str | None = None
    symmetric: bool = False

    def matches(self, pred: Tuple4) -> bool:
        doc_id, source, target, root = pred
        if doc_id != self.doc_id or root != self.root:
            return False
        if self._same(source, target):
            return True
        return self.symmetric and self._same(target, source)

    def _same(self, source: str | None, target: str | None) -> bool:
        return source == self.source and (self.target is None or target == self.target)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    document: Document
    events: tuple[GoldEvent, ...]
    absent: tuple[GoldEvent, ...]


@dataclass(slots=True)
class Score:
    """Tallies for one slice (overall or one root)."""

    predicted: int = 0
    matched_predicted: int = 0
    gold: int = 0
    matched_gold: int = 0
    count_total: int = 0
    count_right: int = 0
    date_total: int = 0
    date_right: int = 0
    trap_hits: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def count_accuracy(self) -> float | None:
        return self.count_right / self.count_total if self.count_total else None

    @property
    def date_accuracy(self) -> float | None:
        return self.date_right / self.date_total if self.date_total else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "matched_predicted": self.matched_predicted,
            "gold": self.gold,
            "matched_gold": self.matched_gold,
            "count_accuracy": _round(self.count_accuracy),
            "count_checked": self.count_total,
            "date_accuracy": _round(self.date_accuracy),
            "date_checked": self.date_total,
            "trap_hits": self.trap_hits,
        }


CALIBRATION_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0)


@dataclass(slots=True)
class Bin:
    """Predictions whose confidence lies in [low, high)."""

    low: float
    high: float
    predicted: int = 0
    right: int = 0

    @property
    def precision(self) -> float | None:
        return self.right / self.predicted if self.predicted else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "predicted": self.predicted,
            "right": self.right,
            "precision": _round(self.precision),
        }


@dataclass(slots=True)
class EvalReport:
    overall: Score = field(default_factory=Score)
    by_root: dict[str, Score] = field(default_factory=dict)
    misses: list[GoldEvent] = field(default_factory=list)
    false_positives: list[Tuple4] = field(default_factory=list)
    traps: list[Tuple4] = field(default_factory=list)
    judged: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right)
    failures: list[str] = field(default_factory=list)  # documents the pipeline could not code

    def root(self, root: str) -> Score:
        return self.by_root.setdefault(root, Score())

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_root": {r: s.to_dict() for r, s in sorted(self.by_root.items())},
            "misses": [_gold_dict(g) for g in self.misses],
            "false_positives": [list(t) for t in self.false_positives],
            "trap_hits": [list(t) for t in self.traps],
            "failures": self.failures,
            "calibration": [b.to_dict() for b in self.calibration()],
        }

    def calibration(self, edges: Sequence[float] = CALIBRATION_EDGES) -> list[Bin]:
        """Precision of the predicted tuples per confidence bin: a reliability table."""
        bins = [Bin(lo, hi) for lo, hi in zip(edges, edges[1:], strict=False)]
        for confidence, right in self.judged:
            for b in bins:
                if b.low <= confidence < b.high or (b.high == edges[-1] and confidence == b.high):
                    b.predicted += 1
                    b.right += right
                    break
        return bins


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file (the format of shared/gold/dev.jsonl)."""
    docs = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                docs.append(_gold_document(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise RecordError(f"{path}:{number}", f"not a gold record: {exc}") from exc
    return docs


def _gold_document(raw: Mapping[str, Any]) -> GoldDocument:
    doc_id = str(raw["id"])
    published = dt.date.fromisoformat(raw["date"]) if raw.get("date") else None
    document = Document(
        id=doc_id,
        text=raw["text"],
        title=raw.get("title", ""),
        published=published,
        url=raw.get("url"),
        origin=f"gold:{doc_id}",
    )
    events = tuple(_gold_event(doc_id, e) for e in raw.get("events", []))
    absent = tuple(_gold_event(doc_id, e) for e in raw.get("absent", []))
    return GoldDocument(document, events, absent)


def _gold_event(doc_id: str, raw: Mapping[str, Any]) -> GoldEvent:
    return GoldEvent(
        doc_id=doc_id,
        source=raw["source"],
        target=raw.get("target"),
        root=str(raw["root"]).zfill(2),
        count=raw.get("count"),
        date=raw.get("date"),
        symmetric=bool(raw.get("symmetric", False)),
    )


def score(gold: Sequence[GoldDocument], predictions: Iterable[Mapping[str, Any]]) -> EvalReport:
    """Score `predictions` (event records with doc_id, source, target, cameo, count, date)."""
    gold_ids = {g.document.id for g in gold}
    best = _best_per_tuple(p for p in predictions if p.get("doc_id") in gold_ids)
    gold_events = [e for g in gold for e in g.events]
    absent = [a for g in gold for a in g.absent]
    report = EvalReport()
    for tup in sorted(best, key=lambda t: tuple(str(x) for x in t)):
        confidence = float(best[tup].get("confidence") or 0.0)
        _score_prediction(report, tup, confidence, gold_events, absent)
    for event in gold_events:
        _score_gold(report, event, best)
    return report


def _score_prediction(
    report: EvalReport,
    tup: Tuple4,
    confidence: float,
    gold_events: list[GoldEvent],
    absent: list[GoldEvent],
) -> None:
    matched = any(g.matches(tup) for g in gold_events)
    report.judged.append((confidence, matched))
    for s in (report.overall, report.root(tup[3])):
        s.predicted += 1
        s.matched_predicted += matched
    if not matched:
        report.false_positives.append(tup)
    if any(a.matches(tup) for a in absent):
        report.traps.append(tup)
        report.overall.trap_hits += 1
        report.root(tup[3]).trap_hits += 1


def _score_gold(
    report: EvalReport, event: GoldEvent, best: dict[Tuple4, Mapping[str, Any]]
) -> None:
    hits = [pred for tup, pred in best.items() if event.matches(tup)]
    slices = (report.overall, report.root(event.root))
    for s in slices:
        s.gold += 1
        s.matched_gold += bool(hits)
    if not hits:
        report.misses.append(event)
        return
    pred = max(hits, key=lambda p: float(p.get("confidence") or 0))
    if event.count is not None:
        right = _same_number(pred.get("count"), event.count)
        for s in slices:
            s.count_total += 1
            s.count_right += right
    if event.date is not None:
        right = _same_date(pred.get("date"), event.date)
        for s in slices:
            s.date_total += 1
            s.date_right += right


def _best_per_tuple(predictions: Iterable[Mapping[str, Any]]) -> dict[Tuple4, Mapping[str, Any]]:
    best: dict[Tuple4, Mapping[str, Any]] = {}
    for pred in predictions:
        if not pred.get("source") or not pred.get("cameo"):
            continue
        tup = (str(pred["doc_id"]), str(pred["source"]), pred.get("target"), str(pred["cameo"])[:2])
        kept = best.get(tup)
        if kept is None or float(pred.get("confidence") or 0) > float(kept.get("confidence") or 0):
            best[tup] = pred
    return best


def _same_number(predicted: object, gold: float) -> bool:
    try:
        return predicted is not None and float(predicted) == float(gold)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _same_date(predicted: object, gold: str) -> bool:
    return (
        isinstance(predicted, str)
        and len(predicted) >= len(gold)
        and predicted[: len(gold)] == gold
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _gold_dict(event: GoldEvent) -> dict[str, Any]:
    return {
        "doc_id": event.doc_id,
        "source": event.source,
        "target": event.target,
        "root": event.root,
        "count": event.count,
        "date": event.date,
    }


def scored_records(
    records: Iterable[Mapping[str, Any]], min_confidence: float = REPORTED_CONFIDENCE
) -> list[Mapping[str, Any]]:
    """The records that count as predictions: factual events by a named actor, not a group,
    as confident as `min_confidence` (records from other coders, with no confidence, count)."""
    return [
        r
        for r in records
        if r.get("modality", "asserted") in FACTUAL_MODALITIES
        and r.get("source_kind") != "group"
        and (r.get("confidence") is None or float(r["confidence"]) >= min_confidence)
    ]


def evaluate(
    gold_path: str | Path,
    *,
    predictions: Iterable[Mapping[str, Any]] | None = None,
    min_confidence: float = REPORTED_CONFIDENCE,
) -> EvalReport:
    """Score `predictions`, or riftwatch's own extraction of the gold documents, on a gold set:
    the reported ones (as confident as `min_confidence`) for P/R/F1; the reliability table
    judges every factual prediction, so that the floor can be read off it."""
    gold = load_gold(gold_path)
    failures: list[str] = []
    if predictions is None:
        from riftwatch.pipeline import DocumentResult, process

        predictions = []
        for res in process(g.document for g in gold):
            if isinstance(res, DocumentResult):
                predictions.extend(r.to_dict() for r in res.records())
            else:
                failures.append(f"{res.origin}: {res.reason}")
    predictions = list(predictions)
    report = score(gold, scored_records(predictions, min_confidence))
    report.judged = score(gold, scored_records(predictions, 0.0)).judged
    report.failures = failures
    return report
