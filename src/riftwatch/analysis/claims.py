"""Comparisons with history that a text makes itself, kept as claims with their evidence.

Three kinds are found, each by cues from the cue lexicon, one sentence at a time:

- **superlative**: a superlative ("the largest") followed within `MAX_GAP` characters of the
  same sentence by a scope ("ever", "in U.S. history", "in more than 30 years", "since the
  Cold War"). A superlative without a scope ("the largest city") claims nothing about
  history. The claim is *collective* when a collective cue ("collective", "coordinated") lies
  inside it, and is then about a joint action, not one actor's act.
- **precedent**: a sentence with a precedent cue ("larger expulsions", "gone further") names
  earlier events by year. Each year after the cue, and before the story's year, gives one
  claim: its clause, up to the next comma, semicolon, colon or full stop, and on through a
  relative clause (", which expelled more than 100 diplomats").
- **unprecedented**: "unprecedented", "never been", to the end of the clause.

Each claim is linked to a coded event when one fits. That is an event whose trigger lies inside
the claim. Failing that, a superlative about one actor takes the nearest earlier counted event
in the document: in "It is the biggest expulsion from Britain in more than 30 years", "it" is
the 23 expelled in the sentence before. The actor, target, count and date come from that event.
Without one, the actor is the first actor mentioned inside the claim.

Sentences are split with a simple rule: `.`, `!` or `?`, then a space and a capital, unless
an abbreviation cue says otherwise ("St. Petersburg"). The pipeline's parsed sentences do not
reach this stage, and the claim offsets are character offsets into the document text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from riftwatch.analysis.consensus import is_fact, plain
from riftwatch.analysis.cues import CueLexicon, load_cues
from riftwatch.events.records import EventRecord
from riftwatch.types import ActorMention, Document

MAX_GAP = 90  # characters between a superlative and its scope: "the largest ... in history"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n")
_CLAUSE_MARK = re.compile(r"[,;:\"“”()]|\.(?=[\s\"”’)]|$)")
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_LEADING_CONJUNCTION = re.compile(r"(?:and|but|or|while|whereas)\s+", re.IGNORECASE)

Span = tuple[int, int]
_Item = TypeVar("_Item", ActorMention, EventRecord)


@dataclass(frozen=True, slots=True)
class ComparisonClaim:
    """A comparison with history made in a document, with what it is about when known."""

    doc_id: str
    start: int  # sentence offsets into the document text
    end: int
    claim_start: int  # the claim's own span inside the sentence, same coordinates
    claim_end: int
    text: str  # the claim: "the largest collective expulsion of Russian diplomats ever"
    kind: str  # "superlative", "precedent" or "unprecedented"
    rules: tuple[str, ...]  # the cue entries that fired: "cues.v1:superlative"
    collective: bool  # about a joint action, not one actor's act
    year: int | None  # the year written in the claim ("in 1971", "since 1986")
    actor: str | None
    target: str | None
    actors: tuple[str, ...]  # every actor mentioned inside the claim
    count: float | None
    count_qualifier: str | None
    date: str | None  # of the linked event
    event_id: str | None  # the linked event

    def to_dict(self) -> dict[str, object]:
        return {
            "doc": self.doc_id,
            "sentence": [self.start, self.end],
            "span": [self.claim_start, self.claim_end],
            "text": self.text,
            "kind": self.kind,
            "rules": list(self.rules),
            "collective": self.collective,
            "year": self.year,
            "actor": self.actor,
            "target": self.target,
            "actors": list(self.actors),
            "count": plain(self.count),
            "count_qualifier": self.count_qualifier,
            "date": self.date,
            "event": self.event_id,
        }


@dataclass(frozen=True, slots=True)
class _Found:
    span: Span
    kind: str
    rules: tuple[str, ...]
    year: int | None


def find_claims(
    documents: Iterable[Document],
    *,
    mentions: Iterable[ActorMention] = (),
    records: Iterable[EventRecord] = (),
    cues: CueLexicon | None = None,
) -> list[ComparisonClaim]:
    """The comparisons with history in `documents`, linked to their `records` and `mentions`."""
    lexicon = cues if cues is not None else load_cues()
    by_doc_mentions = _by_doc(mentions)
    by_doc_records = _by_doc(records)
    claims = []
    for document in documents:
        doc_records = sorted(by_doc_records.get(document.id, []), key=lambda r: r.trigger_start)
        doc_mentions = by_doc_mentions.get(document.id, [])
        for sentence in split_sentences(document.text, lexicon):
            for found in _find(document, sentence, lexicon):
                claims.append(_claim(document, sentence, found, doc_records, doc_mentions, lexicon))
    return claims


def split_sentences(text: str, cues: CueLexicon) -> list[Span]:
    """Sentence spans of `text` by the simple rule in the module docstring."""
    spans, start = [], 0
    for mark in _SENTENCE_END.finditer(text):
        if mark.group() != "\n" and cues.matches("abbreviation", text[start : mark.start() + 1]):
            continue
        spans.append(_strip(text, start, mark.end()))
        start = mark.end()
    spans.append(_strip(text, start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _strip(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    return start + left, start + len(piece.rstrip())


def _find(document: Document, sentence: Span, cues: CueLexicon) -> list[_Found]:
    text = document.text[sentence[0] : sentence[1]]
    found = [*_superlatives(text, cues), *_precedents(text, document, cues)]
    found += _unprecedented(text, cues)
    shift = sentence[0]
    unique = {f.span: f for f in found}  # two cue entries can find the same claim
    return [
        _Found((f.span[0] + shift, f.span[1] + shift), f.kind, f.rules, f.year)
        for f in sorted(unique.values(), key=lambda f: f.span)
    ]


def _superlatives(text: str, cues: CueLexicon) -> Iterator[_Found]:
    for cue in cues.of("superlative"):
        for match in cue.pattern.finditer(text):
            scoped = cues.first("scope", text, match.end())
            if scoped and scoped[1].start() - match.end() <= MAX_GAP:
                scope_cue, scope = scoped
                year = _YEAR.search(scope.group())
                rules = (cue.rule, scope_cue.rule)
                span = (match.start(), scope.end())
                yield _Found(span, "superlative", rules, int(year.group()) if year else None)


def _precedents(text: str, document: Document, cues: CueLexicon) -> Iterator[_Found]:
    found = cues.first("precedent", text)
    if found is None:
        return
    cue, match = found
    story_year = document.published.year if document.published else None
    for year in _YEAR.finditer(text, match.end()):
        if story_year is None or int(year.group()) < story_year:
            span = _clause(text, year.start(), year.end(), floor=match.end(), cues=cues)
            yield _Found(span, "precedent", (cue.rule,), int(year.group()))


def _unprecedented(text: str, cues: CueLexicon) -> Iterator[_Found]:
    for cue in cues.of("unprecedented"):
        for match in cue.pattern.finditer(text):
            end = _clause_end(text, match.end(), cues)
            yield _Found((match.start(), end), "unprecedented", (cue.rule,), None)


def _clause(text: str, start: int, end: int, *, floor: int, cues: CueLexicon) -> Span:
    """The clause holding text[start:end], not reaching back before `floor`."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, floor, start)]
    left = max([floor, *marks])
    while left < start and text[left].isspace():
        left += 1
    lead = _LEADING_CONJUNCTION.match(text, left)
    return (lead.end() if lead else left), _clause_end(text, end, cues)


def _clause_end(text: str, start: int, cues: CueLexicon) -> int:
    """The end of the clause that runs on from `start`, through relative clauses."""
    while True:
        mark = _CLAUSE_MARK.search(text, start)
        end = mark.start() if mark else len(text.rstrip())
        if not any(c.pattern.search(text[end:]) for c in cues.of("continuation")):
            return end
        start = end + 1


def _claim(
    document: Document,
    sentence: Span,
    found: _Found,
    records: Sequence[EventRecord],
    mentions: Sequence[ActorMention],
    cues: CueLexicon,
) -> ComparisonClaim:
    a, b = found.span
    text = document.text[a:b]
    collective = found.kind == "superlative" and cues.matches("collective", text)
    inside = [m for m in mentions if a <= m.start < b and m.is_actor and not m.place]
    event = None if collective else _linked_event(records, found)
    return ComparisonClaim(
        doc_id=document.id,
        start=sentence[0],
        end=sentence[1],
        claim_start=a,
        claim_end=b,
        text=text,
        kind=found.kind,
        rules=found.rules,
        collective=collective,
        year=found.year,
        actor=event.source if event else _first_actor(inside, collective),
        target=event.target if event else None,
        actors=tuple(dict.fromkeys(m.code for m in inside)),
        count=event.count if event else None,
        count_qualifier=event.count_qualifier if event else None,
        date=event.date if event else None,
        event_id=event.id if event else None,
    )


def _first_actor(inside: Sequence[ActorMention], collective: bool) -> str | None:
    """The actor a claim names; a collective claim names the target ("Russian diplomats")."""
    return inside[0].code if inside and not collective else None


def _linked_event(records: Sequence[EventRecord], found: _Found) -> EventRecord | None:
    a, b = found.span
    inside = [r for r in records if a <= r.trigger_start < b]
    if inside:
        return next((r for r in inside if r.count is not None), inside[0])
    if found.kind != "superlative":
        return None
    earlier = [r for r in records if r.trigger_start < a and r.count is not None and is_fact(r)]
    return earlier[-1] if earlier else None


def _by_doc(items: Iterable[_Item]) -> dict[str, list[_Item]]:
    grouped: dict[str, list[_Item]] = {}
    for item in items:
        grouped.setdefault(item.doc_id, []).append(item)
    return grouped
