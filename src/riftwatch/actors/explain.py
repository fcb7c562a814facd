"""Say why a text's actors resolve as they do: the entry, its source and the role's dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from riftwatch.actors.lexicon import ActorEntry, ActorLexicon, load_actor_lexicon
from riftwatch.actors.resolve import RULE, find_mentions
from riftwatch.nlp import parse
from riftwatch.types import ActorMention, Document


@dataclass(frozen=True, slots=True)
class ActorExplanation:
    """One resolved mention with the lexicon entry (or rule) behind it."""

    mention: ActorMention
    rule: str  # "entry" or the name of the rule that derived it ("alliance-anaphor")
    entry: ActorEntry | None
    others: tuple[ActorEntry, ...]  # what the same phrase means on other dates or readings


def explain_actors(text: str, *, date: dt.date | None = None) -> list[ActorExplanation]:
    """Resolve the actors of `text` as published on `date`, with the evidence for each."""
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
