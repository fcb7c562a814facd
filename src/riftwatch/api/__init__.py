"""The REST API: FastAPI routes that validate, call one library function, and answer JSON
(or CSV and Parquet for event tables). `create_app(store, token=...)` builds the app."""

from riftwatch.api.app import MAX_BODY, create_app

__all__ = ["MAX_BODY", "create_app"]
