"""Lemmas without a part of speech: every lemma the model's rule lemmatizer could give a word.

The prefilter runs before the tagger, so it cannot ask the lemmatizer; it asks these tables
instead (the model's own exceptions and suffix rules for verbs, nouns, adjectives and adverbs,
and the attribute ruler's fixed lemmas), which answer a superset of what the lemmatizer can.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_POS = ("verb", "noun", "adj", "adv")


@dataclass(frozen=True, slots=True)
class LemmaTables:
    """The lookups of one spaCy pipeline's rule lemmatizer."""

    exceptions: Mapping[str, Mapping[str, Sequence[str]]]  # pos -> form -> lemmas
    rules: Mapping[str, Sequence[tuple[str, str]]]  # pos -> (suffix, replacement)
    fixed: Mapping[str, str]  # attribute-ruler lemmas by lowercase form ("'re" -> "be")

    def forms(self, lower: str) -> set[str]:
        """`lower` and every lemma the rule lemmatizer could give it, whatever its tag."""
        found = {lower}
        if lower in self.fixed:
            found.add(self.fixed[lower])
        for pos in _POS:
            found.update(self.exceptions[pos].get(lower, ()))
            for suffix, replacement in self.rules[pos]:
                if lower.endswith(suffix) and len(lower) > len(suffix):
                    found.add(lower[: -len(suffix)] + replacement)
        return found


def lemma_tables(nlp: Language) -> LemmaTables:
    """The lemma tables of `nlp` (a pipeline with a rule lemmatizer and an attribute ruler)."""
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    exc, rules = lookups.get_table("lemma_exc"), lookups.get_table("lemma_rules")
    fixed: dict[str, str] = {}
    for pattern in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
        lemma = pattern["attrs"].get("LEMMA")
        for tokens in pattern["patterns"] if lemma else ():
            form = tokens[0].get("LOWER") or tokens[0].get("ORTH") if len(tokens) == 1 else None
            if isinstance(form, str):
                fixed[form.lower()] = lemma.lower()
    return LemmaTables(
        exceptions={pos: dict(exc.get(pos, {})) for pos in _POS},
        rules={pos: [(a, b) for a, b in rules.get(pos, []) if a] for pos in _POS},
        fixed=fixed,
    )
