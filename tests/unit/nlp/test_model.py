"""The pipeline load_model() builds annotates every token as the stock spaCy pipeline does: its
matrix products go through numpy (nlp/blas.py), its attribute ruler and lemmatizer are cached
(nlp/attributes.py, nlp/lemmatizer.py): none may change a tag, an arc, a lemma or an entity
(#8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from riftwatch.nlp import MODEL_NAME, load_model
from riftwatch.nlp.attributes import CachedAttributeRuler
from riftwatch.nlp.blas import one_blas_thread
from riftwatch.nlp.lemmatizer import CachedLemmatizer

ROOT = Path(__file__).parents[3]
# The attribute ruler's patterns of more than one token, and its patterns on dependency labels.
EXCEPTIONS = [
    "There is a man who ain't gonna leave, and y'all know it.",
    "Let's go, c'mon, we gotta hurry; but I do not think it was there.",
    "It said you and I had to see it, and they did, as it was.",
]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    with (ROOT / "tests" / "data" / "gold-holdout.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts + EXCEPTIONS


def _annotations(nlp: Language, texts: list[str]) -> list[tuple[Any, ...]]:
    with one_blas_thread():
        docs = list(nlp.pipe(texts))
    return [
        (
            t.text,
            t.tag_,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.dep_,
            t.head.i,
            t.ent_type_,
            t.ent_iob_,
            t.is_sent_start,
        )  # fmt: skip
        for doc in docs
        for t in doc
    ]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as spaCy loads it (BLIS, the attribute ruler), with our line-break rule."""
    load_model()  # registers the line-break component
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("riftwatch_line_breaks", before="parser")
    return nlp


def test_every_token_is_annotated_as_by_the_stock_pipeline(stock: Language) -> None:
    texts = _texts()
    assert _annotations(load_model(), texts) == _annotations(stock, texts)


def test_the_cached_ruler_sets_what_the_ruler_sets_from_a_warm_cache(stock: Language) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    cached = CachedAttributeRuler(ruler)  # type: ignore[arg-type]
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(_texts() * 2))  # the second round reads the cache
    for doc in docs:
        a, b = ruler(doc.copy()), cached(doc.copy())
        assert [(t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in a] == [
            (t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in b
        ]


def test_the_cached_lemmatizer_sets_what_the_lemmatizer_sets_from_a_warm_cache(
    stock: Language,
) -> None:
    lemmatizer = stock.get_pipe("lemmatizer")
    cached = CachedLemmatizer(lemmatizer)  # type: ignore[arg-type]
    with stock.select_pipes(disable=["lemmatizer", "ner"]):
        docs = list(stock.pipe(_texts() * 2))  # the second round reads the cache
    for doc in docs:
        a, b = lemmatizer(doc.copy()), cached(doc.copy())
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert any(t.lemma_ != t.text.lower() for t in b)


def test_the_layers_multiply_through_numpy() -> None:
    tok2vec = load_model().get_pipe("tok2vec").model
    assert not any(getattr(node.ops, "use_blis", True) for node in tok2vec.walk())
