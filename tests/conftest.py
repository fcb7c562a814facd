"""Shared fixtures: the real spaCy model and a helper that parses one text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from riftwatch.nlp import parse
from riftwatch.types import Document, ParsedDoc

ParseText = Callable[..., ParsedDoc]


@pytest.fixture(scope="session")
def parse_text() -> ParseText:
    """Parse `text` with the real model, as a Document published on `published`."""

    def _parse(text: str, published: str = "2018-03-27", doc_id: str = "t") -> ParsedDoc:
        date = dt.date.fromisoformat(published) if published else None
        return parse(Document(id=doc_id, text=text, published=date))

    return _parse
