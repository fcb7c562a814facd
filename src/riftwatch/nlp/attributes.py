"""spaCy's attribute ruler, remembered per kind of token (#8).

The model's attribute ruler sets each token's coarse part of speech, morphology and some
lemmas from about 180 Matcher patterns, and ran every pattern at every token: 13 µs a token,
about a sixth of the pipeline's time on news text. All but a few of those patterns look at one
token only, through a handful of its attributes (tag, lowercase form, dependency label, whether
it is a space), so what they set is a function of those attributes. This component matches the
one-token patterns once per distinct combination and remembers the outcome, runs the few longer
patterns ("gon na", "There is") with a Matcher of their own, and applies all of it in the
ruler's order (later patterns win), so each token ends up as the ruler would leave it
(tests/unit/nlp/test_model.py compares the two pipelines token by token).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDS  # type: ignore[import-not-found]
from spacy.matcher import Matcher
from spacy.tokens._retokenize import set_token_attrs  # what the ruler itself applies with

from riftwatch.nlp.standin import stand_in

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

FACTORY = "riftwatch_attributes"
_CACHE_LIMIT = 100_000  # distinct token kinds remembered before the cache starts again

Attrs = dict[int, Any]  # attribute id -> value, as the ruler keeps them


class CachedAttributeRuler:
    """Sets what `ruler` sets, matching its one-token patterns once per kind of token."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self._attrs: list[Attrs] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        self._single = Matcher(ruler.vocab)
        self._multi = Matcher(ruler.vocab)
        keys: set[str] = set()
        for group in range(len(self._attrs)):
            patterns = ruler.matcher.get(str(group))[1]
            if all(_one_token(p) for p in patterns):
                self._single.add(str(group), patterns)
                keys.update(k for p in patterns for k in p[0])
            else:
                self._multi.add(str(group), patterns)
        self._key_attrs = [IDS[k.upper()] for k in sorted(keys)]
        self._kinds: dict[tuple[int, ...], tuple[int, ...]] = {}  # key -> groups matched
        self._merged: dict[tuple[int, ...], Attrs] = {}  # groups -> attributes they set

    def __call__(self, doc: Doc) -> Doc:
        groups = self._single_groups(doc)
        for group, start, end in self._multi(doc, allow_missing=True, as_spans=False):
            number = int(doc.vocab.strings[group])
            target = doc[start:end][self._indices[number]].i
            groups[target] = tuple(sorted((*groups[target], number)))
        for i, found in enumerate(groups):
            if found:
                set_token_attrs(doc[i], self._merge(found))
        return doc

    def _single_groups(self, doc: Doc) -> list[tuple[int, ...]]:
        """For each token, the one-token pattern groups that match it, in ruler order."""
        kinds = self._kinds
        if len(kinds) > _CACHE_LIMIT:
            kinds.clear()
        found = []
        for i, key in enumerate(map(tuple, doc.to_array(self._key_attrs).tolist())):
            groups = kinds.get(key)
            if groups is None:
                matches = self._single(doc[i : i + 1], allow_missing=True, as_spans=False)
                strings = doc.vocab.strings
                groups = kinds[key] = tuple(sorted({int(strings[m]) for m, _, _ in matches}))
            found.append(groups)
        return found

    def _merge(self, groups: tuple[int, ...]) -> Attrs:
        merged = self._merged.get(groups)
        if merged is None:
            merged = {}
            for group in groups:  # in the ruler's order, so a later group's value wins
                merged.update(self._attrs[group])
            self._merged[groups] = merged
        return merged


def _one_token(pattern: Sequence[dict[str, Any]]) -> bool:
    return len(pattern) == 1 and "OP" not in pattern[0]


def use_cached_attribute_ruler(nlp: Language, *, stock: str = "attribute_ruler") -> None:
    """Put a CachedAttributeRuler after `nlp`'s attribute ruler, which stays, disabled."""
    stand_in(nlp, stock, FACTORY, _ruler)


def _ruler(nlp: Language, name: str, stock: str) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.get_pipe(stock))  # type: ignore[arg-type]
