"""Code a text end to end (real parse, real lexicons) and compare events by their roots."""

from __future__ import annotations

from riftwatch.actors import find_mentions
from riftwatch.coding.coder import code_document
from riftwatch.types import CodedEvent
from tests.conftest import ParseText


def code_text(parse_text: ParseText, text: str, published: str = "2019-05-15") -> list[CodedEvent]:
    """The events the coder finds in `text`, published on `published`."""
    parsed = parse_text(text, published=published)
    return code_document(parsed, find_mentions(parsed))


def root_tuples(events: list[CodedEvent], *, facts_only: bool = True) -> set[tuple[object, ...]]:
    """(source, target, CAMEO root) of each event, facts only unless asked otherwise."""
    return {
        (e.source.code, e.target.code if e.target else None, e.action.root)
        for e in events
        if e.modality.is_factual or not facts_only
    }
