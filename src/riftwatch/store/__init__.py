"""The embedded DuckDB store."""

from riftwatch.store.database import DEFAULT_STORE, EventFilter, Store, content_hash

__all__ = ["DEFAULT_STORE", "EventFilter", "Store", "content_hash"]
