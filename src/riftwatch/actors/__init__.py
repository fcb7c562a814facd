"""Actor stage: find who is named in a parsed document and resolve them to state-level codes."""

from riftwatch.actors.explain import ActorExplanation, explain_actors
from riftwatch.actors.lexicon import ActorLexicon, load_actor_lexicon
from riftwatch.actors.resolve import find_mentions

__all__ = [
    "ActorExplanation",
    "ActorLexicon",
    "explain_actors",
    "find_mentions",
    "load_actor_lexicon",
]
