"""The embedded DuckDB store."""

from riftwatch.store.database import DEFAULT_STORE, Store, content_hash
from riftwatch.store.merging import MergeReport
from riftwatch.store.queries import EventFilter, MergedFilter
from riftwatch.store.reads import ActorCount, ActorSpan

__all__ = [
    "DEFAULT_STORE",
    "ActorCount",
    "ActorSpan",
    "EventFilter",
    "MergeReport",
    "MergedFilter",
    "Store",
    "content_hash",
]
