"""spaCy's rule lemmatizer, remembered per kind of token and applied through arrays (#8).

The stock component visits every token through a Token object and, for a token in its base
form (most of them), works the lemma out again each time: 0.8 ms of CPU a 500-word article.
What it sets is a function of the token's form, coarse part of speech and morphology (the
English rules and `is_base_form` read nothing else), so this component asks the stock
lemmatizer once per distinct (form, part of speech, morphology), remembers the lemma, and sets
all of a doc's lemmas with one array. Tokens that already have a lemma (the attribute ruler
sets a few) keep it, as the stock component leaves them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS  # type: ignore[import-not-found]

from riftwatch.nlp.standin import stand_in

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

FACTORY = "riftwatch_lemmas"
_CACHE_LIMIT = 200_000  # distinct token kinds remembered before the cache starts again


class CachedLemmatizer:
    """Sets the lemmas `stock` sets, asking it once per (form, part of speech, morphology)."""

    def __init__(self, stock: Lemmatizer) -> None:
        self._stock = stock
        self._lemmas: dict[tuple[int, int, int], int] = {}  # kind -> lemma's string hash

    def __call__(self, doc: Doc) -> Doc:
        lemmas = self._lemmas
        if len(lemmas) > _CACHE_LIMIT:
            lemmas.clear()
        overwrite = self._stock.overwrite
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                kind = (orth, pos, morph)
                lemma = lemmas.get(kind)
                if lemma is None:
                    lemma = lemmas[kind] = doc.vocab.strings.add(self._stock.lemmatize(doc[i])[0])
            out.append(lemma)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
        return doc


def use_cached_lemmatizer(nlp: Language, *, stock: str = "lemmatizer") -> None:
    """Put a CachedLemmatizer after `nlp`'s lemmatizer, which stays (its tables are read
    elsewhere), disabled."""
    stand_in(nlp, stock, FACTORY, _lemmatizer)


def _lemmatizer(nlp: Language, name: str, stock: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe(stock))  # type: ignore[arg-type]
