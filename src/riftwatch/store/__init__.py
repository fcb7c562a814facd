"""The embedded DuckDB store."""

from riftwatch.store.database import DEFAULT_STORE, EventFilter, Store, content_hash
from riftwatch.store.merging import MergedFilter, MergeReport

__all__ = ["DEFAULT_STORE", "EventFilter", "MergeReport", "MergedFilter", "Store", "content_hash"]
