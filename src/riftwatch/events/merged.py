"""The merged event record: one real-world event with every mention of it across reports.

`merged_event` summarises a cluster of mentions; it depends only on the set of mentions (never
on their order), so the store can rebuild a record from its links and get the same answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TypeVar
from urllib.parse import urlsplit

from riftwatch.events.records import FACTUAL_MODALITIES, EventRecord

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class EventMention:
    """One coded event in one sentence, with what merging needs to know about its document."""

    id: str  # EventRecord.id
    doc_id: str
    outlet: str  # domain of the document's url, or the outlet's name; "" when unknown
    published: dt.date | None
    sentence: int
    start: int  # sentence offsets into the document text
    end: int
    trigger_start: int
    trigger_end: int
    source: str
    target: str | None
    cameo: str
    root: str
    plover: str
    plover_mode: str
    count: float | None
    count_qualifier: str | None
    count_unit: str | None  # lemma of what is counted: "diplomat"
    date: str | None
    date_precision: str | None
    date_fallback: bool
    modality: str
    symmetric: bool

    @property
    def factual(self) -> bool:
        return self.modality in FACTUAL_MODALITIES


def mention_from_record(
    record: EventRecord,
    *,
    published: dt.date | None,
    url: str | None = None,
    outlet: str = "",
) -> EventMention:
    """An EventMention from a stored or extracted record and its document's date and url."""
    return EventMention(
        id=record.id,
        doc_id=record.doc_id,
        outlet=outlet_of(url, outlet),
        published=published,
        sentence=record.sentence,
        start=record.start,
        end=record.end,
        trigger_start=record.trigger_start,
        trigger_end=record.trigger_end,
        source=record.source,
        target=record.target,
        cameo=record.cameo,
        root=record.root,
        plover=record.plover,
        plover_mode=record.plover_mode,
        count=record.count,
        count_qualifier=record.count_qualifier,
        count_unit=record.count_unit,
        date=record.date,
        date_precision=record.date_precision,
        date_fallback=record.date_fallback,
        modality=record.modality,
        symmetric=record.symmetric,
    )


def outlet_of(url: str | None, outlet: str = "") -> str:
    """Who published a document: the url's domain without "www.", else the outlet's name."""
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return outlet


def actor_pair(mention: EventMention) -> tuple[str, str]:
    """Source and target as compared: a symmetric action ("met", "clashed") has no direction."""
    source, target = mention.source, mention.target or ""
    if mention.symmetric and target and target < source:
        return target, source
    return source, target


@dataclass(frozen=True, slots=True)
class CountReport:
    """The number one document gave for the event."""

    outlet: str
    doc_id: str
    value: float
    qualifier: str
    unit: str


@dataclass(frozen=True, slots=True)
class ReconciledCount:
    """The agreed number, or the range the reports span when they differ ("1 or 2")."""

    value: float | None  # None when the reports do not agree on one number
    qualifier: str  # of the agreed value; "" when there is none
    unit: str  # what is counted; value, low and high count this unit
    low: float
    high: float
    reports: tuple[CountReport, ...]  # every document's number, in any unit

    @property
    def agreed(self) -> bool:
        return self.value is not None

    def label(self) -> str:
        """ "23", "more than 20"; when reports differ "1 or 2", or "20-24" past two values."""
        if self.value is not None:
            prefix = "" if self.qualifier == "exact" else self.qualifier.replace("_", " ") + " "
            return f"{prefix}{_number(self.value)}"
        values = {r.value for r in self.reports if r.unit in (self.unit, "")}
        joiner = " or " if len(values) == 2 else "-"
        return f"{_number(self.low)}{joiner}{_number(self.high)}"


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real-world event: who did what to whom, when, how many, and every report of it."""

    id: str  # from the set of mentions, not from the order they arrived in
    source: str
    target: str | None
    cameo: str
    root: str
    plover: str
    plover_mode: str
    modality: str  # "asserted" when any report asserts it, else the shared modality
    symmetric: bool
    date: str | None  # the most precise date the reports agree on
    date_precision: str | None
    date_fallback: bool  # no report dates it; the earliest story date stands in
    count: ReconciledCount | None
    first_seen: dt.date | None  # publication dates of the first and last report
    last_seen: dt.date | None
    mentions: tuple[EventMention, ...]

    @property
    def documents(self) -> int:
        return len({m.doc_id for m in self.mentions})

    @property
    def sources(self) -> int:
        """Distinct outlets (domains); documents of unknown origin are not counted."""
        return len({m.outlet for m in self.mentions if m.outlet})

    @property
    def factual(self) -> bool:
        return self.modality in FACTUAL_MODALITIES

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: ISO dates, whole counts as integers."""
        row = asdict(self)
        row["documents"], row["sources"] = self.documents, self.sources
        for key in ("first_seen", "last_seen"):
            row[key] = row[key].isoformat() if row[key] else None
        if row["count"]:
            count = row["count"]
            for key in ("value", "low", "high"):
                count[key] = _plain(count[key])
            count["reports"] = list(count["reports"])
            for report in count["reports"]:
                report["value"] = _plain(report["value"])
        row["mentions"] = list(row["mentions"])
        for mention in row["mentions"]:
            mention["published"] = mention["published"] and mention["published"].isoformat()
            mention["count"] = _plain(mention["count"])
        return row


def merged_id(mentions: Iterable[EventMention]) -> str:
    """A stable id from the smallest mention id: the same set of reports gives the same id."""
    return "m" + hashlib.sha256(min(m.id for m in mentions).encode()).hexdigest()[:19]


def merged_event(mentions: Sequence[EventMention]) -> MergedEvent:
    """Summarise one cluster of mentions (all of one block) into a MergedEvent."""
    ordered = tuple(sorted(mentions, key=lambda m: m.id))
    cameo = _most_common(m.cameo for m in ordered)
    plover, plover_mode = _most_common((m.plover, m.plover_mode) for m in ordered)
    source, target = actor_pair(ordered[0])
    date, precision, fallback = reconcile_date(ordered)
    published = [m.published for m in ordered if m.published is not None]
    return MergedEvent(
        id=merged_id(ordered),
        source=source,
        target=target or None,
        cameo=cameo,
        root=cameo[:2],
        plover=plover,
        plover_mode=plover_mode,
        modality=_modality(ordered),
        symmetric=ordered[0].symmetric,
        date=date,
        date_precision=precision,
        date_fallback=fallback,
        count=reconcile_count(ordered),
        first_seen=min(published, default=None),
        last_seen=max(published, default=None),
        mentions=ordered,
    )


def reconcile_date(mentions: Sequence[EventMention]) -> tuple[str | None, str | None, bool]:
    """The most precise date the reports give, the commonest at that precision; a story date
    stands in (the earliest, as the event happened by then) only when no report dates it."""
    dated = [m for m in mentions if m.date and not m.date_fallback]
    if dated:
        best = min(_PRECISION_RANK.get(m.date_precision or "", 3) for m in dated)
        votes = Counter(
            (m.date, m.date_precision)
            for m in dated
            if _PRECISION_RANK.get(m.date_precision or "", 3) == best
        )
        (date, precision), _ = min(votes.items(), key=lambda kv: (-kv[1], kv[0][0]))
        return date, precision, False
    fallbacks = sorted((m.date, m.date_precision) for m in mentions if m.date)
    if fallbacks:
        return fallbacks[0][0], fallbacks[0][1], True
    return None, None, False


def reconcile_count(mentions: Sequence[EventMention]) -> ReconciledCount | None:
    """The agreed count (one exact value, or the same qualified value everywhere), else the
    range of values; each document's value is kept either way.

    Only numbers of the commonest unit (and unit-less ones) are reconciled: "six locations" and
    "26 people" are not two readings of one number.
    """
    reports = sorted(
        {
            CountReport(
                m.outlet, m.doc_id, m.count, m.count_qualifier or "exact", m.count_unit or ""
            )
            for m in mentions
            if m.count is not None
        },
        key=lambda r: (r.doc_id, r.value, r.qualifier, r.unit),
    )
    if not reports:
        return None
    unit = _most_common([r.unit for r in reports if r.unit] or [""])
    same = [r for r in reports if r.unit in (unit, "")]
    exact = {r.value for r in same if r.qualifier == "exact"}
    stated = {(r.value, r.qualifier) for r in same}
    value, qualifier = None, ""
    if len(exact) == 1:
        value, qualifier = exact.pop(), "exact"
    elif not exact and len(stated) == 1:
        value, qualifier = stated.pop()
    values = [r.value for r in same]
    return ReconciledCount(value, qualifier, unit, min(values), max(values), tuple(reports))


def _modality(mentions: Sequence[EventMention]) -> str:
    modalities = {m.modality for m in mentions}
    return "asserted" if "asserted" in modalities else min(modalities)


def _most_common(values: Iterable[_T]) -> _T:
    """The commonest value, the smallest on a tie, so the answer does not depend on order."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))  # type: ignore[operator]


def _plain(value: float | None) -> int | float | None:
    """23.0 -> 23, as EventRecord.to_dict writes counts."""
    return int(value) if value is not None and float(value).is_integer() else value


def _number(value: float) -> str:
    return str(_plain(value))
