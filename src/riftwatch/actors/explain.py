"""Say why a text's actors resolve as they do: the entry, its source and the role's dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from riftwatch.actors.lexicon import ActorEntry, ActorLexicon, load_actor_lexicon
from riftwatch.actors.resolve import RULE, find_mentions
from riftwatch.types import ActorMention, Document


@dataclass(frozen=True, slots=True)
class ActorExplanation:
    """One resolved mention with the lexicon entry (or rule) behind it."""

    mention: ActorMention
    rule: str  # "entry" or the name of the rule that derived it ("alliance-anaphor")
    entry: ActorEntry | None
    others: tuple[ActorEntry, ...]  # what the same phrase means on other dates or readings

    def to_dict(self) -> dict[str, object]:
        """The row `riftwatch actors --json` and GET /actors?text= show."""
        m, entry = self.mention, self.entry
        return {
            "text": m.text,
            "code": m.code,
            "name": m.name,
            "sector": m.sector,
            "kind": m.kind.value,
            "role": _span(entry.start, entry.end) if entry else "",
            "certainty": m.certainty,
            "place": m.place,
            "because": f"{self.rule}: {entry.id}" if entry else self.rule,
            "source": entry.source if entry else "riftwatch rule",
            "other_readings": [
                *([m.doubt] if m.doubt else []),
                *(f"{o.code} {o.sector} {_span(o.start, o.end)}".strip() for o in self.others),
            ],
        }


def explain_actors(text: str, *, date: dt.date | None = None) -> list[ActorExplanation]:
    """Resolve the actors of `text` as published on `date`, with the evidence for each."""
    # Imported here: riftwatch.nlp's prefilter reads the actor lexicon, so importing nlp at
    # module level closes an import cycle, and when nlp is imported first `parse` here would
    # be bound to the half-loaded module riftwatch.nlp.parse instead of the function.
    from riftwatch.nlp import parse

    lexicon = load_actor_lexicon()
    parsed = parse(Document(id="explain", text=text, published=date))
    by_id = {e.id: e for e in lexicon.entries}
    return [_explain(m, lexicon, by_id) for m in find_mentions(parsed, lexicon)]


def _explain(
    mention: ActorMention, lexicon: ActorLexicon, by_id: dict[str, ActorEntry]
) -> ActorExplanation:
    key = mention.rule.removeprefix(f"{RULE}:")
    rule = "entry"
    if key.startswith("rule:"):
        rule, _, key = key.removeprefix("rule:").partition(":")
    entry = by_id.get(key)
    others = lexicon.lookup(entry.phrase) if entry is not None else ()
    return ActorExplanation(mention, rule, entry, tuple(o for o in others if o is not entry))


def _span(start: object, end: object) -> str:
    if start is None and end is None:
        return "undated"
    return f"{start or '...'} to {end or 'now'}"
