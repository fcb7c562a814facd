"""Put a faster stand-in after one of the model's stock components, which stays, disabled.

The stock component keeps its place in the pipeline (its tables are read elsewhere, and the
model's config still names it); the stand-in, built from it, does its work (#8).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


def stand_in(
    nlp: Language, stock: str, factory: str, build: Callable[[Language, str, str], Any]
) -> None:
    """Register `build(nlp, name, stock)` as `factory` once, add it after `stock`, and
    disable `stock`."""
    from spacy.language import Language

    def make(nlp, name, stock):  # noqa: ANN001 - confection checks hints it can resolve
        return build(nlp, name, stock)

    if not Language.has_factory(factory):
        Language.factory(factory, func=make)
    nlp.add_pipe(factory, after=stock, config={"stock": stock})
    nlp.disable_pipe(stock)
