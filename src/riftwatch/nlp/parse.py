"""Parse Documents with spaCy and copy what later stages need into plain records."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from riftwatch.nlp.blas import one_blas_thread
from riftwatch.nlp.model import MODEL_NAME, load_model
from riftwatch.nlp.prefilter import Piece, load_prefilter
from riftwatch.types import Document, ParsedDoc, Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["MODEL_NAME", "load_model", "parse", "parse_many", "segment_offsets"]

# A wire dateline at the start of a line: "MOSCOW -", "KUNMING, China -", "LONDON, March 27
# (Reuters) -". Parsed with its sentence, the city becomes a second subject of the story's
# first verb ("KHARTOUM - Thousands of protesters stormed ..."), so the parser sees blanks there.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}"
    r"(?:[ \t]*,[ \t]*[A-Za-z0-9.' ]{2,30}?)?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*[-–—]+[ \t]+",
    re.MULTILINE,
)

# The parser needs about 1 GB of working memory per 100,000 characters, so long documents are
# parsed in paragraph-aligned segments of at most this size.
SEGMENT_CHARS = 50_000
# Below this size a document is parsed whole even with the prefilter on: the saving is small
# and a short story's few sentences are each other's context (issue #8).
WHOLE_DOCUMENT_CHARS = 1_200
# Texts (documents or prefiltered pieces) parsed together by one pass of the networks: up to
# PIPE_DOCS of them, so that short pieces make matrices of a useful size, but no more than
# PIPE_TOKENS tokens, since the networks need about 17 kB of working memory per token of the
# group (a 12,000-token group raised the peak by 194 MB, one of 4,000 by about 70).
PIPE_DOCS = 128
PIPE_TOKENS = 4_000


def _without_datelines(text: str) -> str:
    """`text` with each line-initial dateline blanked out, every other offset unchanged."""
    return _DATELINE.sub(lambda m: " " * len(m.group()), text)


def parse(document: Document, *, prefilter: bool = False) -> ParsedDoc:
    """Parse one document (long ones segment by segment, offsets kept)."""
    return next(parse_many([document], prefilter=prefilter))


def parse_many(
    documents: Iterable[Document], *, batch_size: int = 64, prefilter: bool = False
) -> Iterator[ParsedDoc]:
    """Parse documents in batches (spaCy's nlp.pipe), keeping their order.

    With `prefilter`, documents longer than WHOLE_DOCUMENT_CHARS are parsed only where the
    cheap pass of nlp/prefilter.py finds an event candidate; other sentences are left out of
    the ParsedDoc (sentence and token numbers count the parsed ones only).
    """
    nlp = load_model()
    docs = iter(documents)
    while chunk := list(islice(docs, batch_size)):
        texts = [_without_datelines(d.text) for d in chunk]
        plans = [_plan(text, prefilter) for text in texts]
        unparsed = [
            _doc(nlp, text, piece)
            for text, (pieces, _) in zip(texts, plans, strict=True)
            for piece in pieces
        ]
        with one_blas_thread():
            parsed = iter([d for group in _groups(unparsed) for d in nlp.pipe(group)])
        for document, (pieces, skipped) in zip(chunk, plans, strict=True):
            yield _to_parsed(document, [(piece, next(parsed)) for piece in pieces], skipped)


def _groups(docs: Sequence[Doc]) -> Iterator[list[Doc]]:
    """`docs` in groups of at most PIPE_DOCS docs and PIPE_TOKENS tokens (one doc at least)."""
    group: list[Doc] = []
    tokens = 0
    for doc in docs:
        if group and (len(group) == PIPE_DOCS or tokens + len(doc) > PIPE_TOKENS):
            yield group
            group, tokens = [], 0
        group.append(doc)
        tokens += len(doc)
    if group:
        yield group


def _plan(text: str, prefilter: bool) -> tuple[list[Piece], Sequence[tuple[int, int]]]:
    """The pieces of `text` to parse (all of it, or the prefilter's), each at most
    SEGMENT_CHARS long, and the (start, end) of the sentences left unparsed."""
    if not prefilter or len(text) <= WHOLE_DOCUMENT_CHARS:
        return [Piece(a, b, a, b) for a, b in segment_offsets(text)], ()
    selection = load_prefilter().select(text)
    pieces: list[Piece] = []
    for piece in selection.pieces:
        if piece.end - piece.start <= SEGMENT_CHARS:
            pieces.append(piece)
        else:  # a long run of kept sentences: segment it as a whole document would be
            cut = segment_offsets(text[piece.keep_start : piece.keep_end])
            pieces.extend(
                Piece(a, b, a, b)
                for s, e in cut
                for a, b in [(piece.keep_start + s, piece.keep_start + e)]
            )
    return pieces, selection.skipped


def _doc(nlp: Language, text: str, piece: Piece) -> Doc:
    """The piece tokenized, with sentences forced to start where its kept part starts and ends."""
    doc = nlp.make_doc(text[piece.start : piece.end])
    for char in (piece.keep_start - piece.start, piece.keep_end - piece.start):
        if 0 < char < len(doc.text):
            token = _token_at(doc, char)
            if token is not None:
                doc[token].is_sent_start = True
    return doc


def _token_at(doc: Doc, char: int) -> int | None:
    """The index of the first token starting at or after `char`."""
    i = bisect_left(range(len(doc)), char, key=lambda k: doc[k].idx)
    return i if i < len(doc) else None


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


def _to_parsed(
    document: Document,
    parsed: Sequence[tuple[Piece, Doc]],
    skipped: Sequence[tuple[int, int]] = (),
) -> ParsedDoc:
    """The document's sentences in text order: those parsed, and those the prefilter skipped
    as sentences without tokens, so that sentence numbers count the same sentences (the coder
    measures distances in sentences)."""
    stretches: list[tuple[int, Piece, Doc | None]] = [
        (piece.keep_start, piece, doc) for piece, doc in parsed
    ]
    stretches += [(start, Piece(start, end, start, end), None) for start, end in skipped]
    stretches.sort(key=lambda item: (item[0], item[2] is not None))
    sentences: list[Sentence] = []
    token_base = 0
    for start, piece, doc in stretches:
        if doc is None:  # skipped by the prefilter: a sentence without tokens
            text = document.text[start : piece.end]
            sentences.append(Sentence(len(sentences), start, piece.end, text, ()))
            continue
        kept = _kept(piece, doc)
        if not kept:
            continue
        # Kept tokens are numbered on from the previous piece's, context tokens not at all.
        shift = token_base - kept[0].start
        rows = _rows(doc)
        for sent in kept:
            sentences.append(
                _sentence(document.text, sent, rows, piece.start, shift, len(sentences))
            )
        token_base = kept[-1].end + shift
    return ParsedDoc(document=document, sentences=tuple(sentences))


def _kept(piece: Piece, doc: Doc) -> list[Span]:
    """The sentences of a parsed piece that start inside its kept part."""
    end = max(piece.keep_end, piece.keep_start + 1)
    return [s for s in doc.sents if piece.keep_start <= s.start_char + piece.start < end]


_ATTRS = ("ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "IDX", "ENT_TYPE", "ENT_IOB", "LIKE_NUM")
_IOB = ("", "I", "O", "B")  # spaCy's codes for ENT_IOB, as Token.ent_iob_ spells them
_WRAP = 2**64  # to_array gives uint64s: a head to the left comes back as 2**64 - distance


def _rows(doc: Doc) -> list[tuple[Any, ...]]:
    """Per token of `doc`, what a Token record holds (lemma lowercase, head absolute), read
    from one array: much cheaper than through spaCy's Token objects."""
    from spacy.parts_of_speech import NAMES  # type: ignore[import-not-found]

    strings = doc.vocab.strings
    return [
        (
            strings[orth],
            strings[lemma].lower(),
            NAMES[pos],
            strings[tag],
            strings[dep],
            (i + head) % _WRAP,
            idx,
            strings[ent],
            _IOB[iob],
            bool(num),
        )  # fmt: skip
        for i, (orth, lemma, pos, tag, dep, head, idx, ent, iob, num) in enumerate(
            doc.to_array(list(_ATTRS)).tolist()
        )
    ]


def _sentence(
    text: str, sent: Span, rows: Sequence[tuple[Any, ...]], offset: int, shift: int, index: int
) -> Sentence:
    """One parsed sentence as a record; its text is the document's (datelines included)."""
    tokens = tuple(
        Token(
            i=i + shift,
            text=row[0],
            lemma=row[1],
            pos=row[2],
            tag=row[3],
            dep=row[4],
            head=row[5] + shift,
            start=row[6] + offset,
            ent_type=row[7],
            ent_iob=row[8],
            like_num=row[9],
        )
        for i, row in enumerate(rows[sent.start : sent.end], start=sent.start)
    )
    start, end = sent.start_char + offset, sent.end_char + offset
    return Sentence(index=index, start=start, end=end, text=text[start:end], tokens=tokens)
