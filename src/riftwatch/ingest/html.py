"""HTML pages: trafilatura extracts the article text, title, publication date and URL.

Document.text is the extracted main text (navigation, footers and comments removed). When
the extracted text does not already open with the page title, the title is put in front of
it, followed by a blank line, so that headlines are searchable as they are for .txt files.

A page nested deeper than libxml2 reads (256 elements) fails: the parser would silently drop
everything below that depth, so the page is reported rather than stored without its text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document as Extracted
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from riftwatch.errors import EmptyDocumentError, InputError
from riftwatch.ingest.dates import parse_iso_date
from riftwatch.ingest.decode import normalise_text
from riftwatch.ingest.files import DEFAULT_MAX_BYTES, read_text
from riftwatch.ingest.ids import content_id
from riftwatch.types import Document

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF_BYTES = 4096
_T = TypeVar("_T")
# libxml2 stops reading at this depth unless XML_PARSE_HUGE is set ("Excessive depth").
_PARSER_MAX_DEPTH = 256


def read_html_file(
    path: str | Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    origin: str | None = None,
) -> Document:
    """Read one HTML page; raises an InputError subclass naming the file."""
    origin = origin or str(path)
    html = read_text(path, origin, max_bytes, sniff=declared_charset)
    return document_from_html(html, origin, default_date=default_date)


def document_from_html(html: str, origin: str, *, default_date: dt.date | None = None) -> Document:
    """A Document from an HTML string; `default_date` is used only when the page has no date."""
    extracted = _extract(html, origin)
    body = normalise_text(extracted.text or "") if extracted else ""
    if not body.strip():
        raise EmptyDocumentError(origin, "no article text found in the HTML page")
    title = normalise_text(extracted.title or "").strip() or body.strip().split("\n", 1)[0]
    text = body if body.lstrip().startswith(title) else f"{title}\n\n{body}"
    return Document(
        id=content_id(text),
        text=text,
        title=title,
        published=parse_iso_date(extracted.date or "") or default_date,
        url=extracted.url or None,
        origin=origin,
    )


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag near the top of the page declares, if any."""
    match = _CHARSET.search(data[:_SNIFF_BYTES])
    return match[1].decode("ascii").lower() if match else None


def _extract(html: str, origin: str) -> Extracted | None:
    tree = _guarded(load_html, html, origin=origin)
    if tree is None:
        return None
    _check_depth(tree, origin)
    result = _guarded(
        trafilatura.bare_extraction,
        tree,
        origin=origin,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        # Extensive search reads dates out of the body text, which are event dates.
        date_extraction_params=set_date_params(False),
    )
    return result if isinstance(result, Extracted) else None


def _guarded(call: Callable[..., _T], *args: object, origin: str, **kwargs: object) -> _T:
    try:
        return call(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - untrusted markup can break the parser in many ways
        raise InputError(origin, f"HTML could not be parsed: {type(exc).__name__}: {exc}") from None


def _check_depth(tree: HtmlElement, origin: str) -> None:
    depth, level = 0, [tree]
    while level:
        depth += 1
        level = [child for element in level for child in element]
    if depth >= _PARSER_MAX_DEPTH:
        raise InputError(
            origin,
            f"HTML nested {_PARSER_MAX_DEPTH} or more elements deep, where the parser stops "
            "reading: the text below that depth would be lost",
        )
