"""riftwatch: international news in, coded events (CAMEO, PLOVER) with evidence out.

>>> import riftwatch
>>> results, failures = riftwatch.extract(["examples/"])
>>> with riftwatch.Store("riftwatch.duckdb") as store:
...     report = riftwatch.run(["examples/"], store=store)
...     events = store.query_events(riftwatch.EventFilter(target="RUS"))
...     merged = store.query_merged(riftwatch.MergedFilter(target="RUS"))
"""

from importlib import import_module
from typing import Any

# Public names and the module each lives in; imported on first use so that importing a light
# module (riftwatch.types) does not load spaCy or DuckDB.
_EXPORTS = {
    "ActorMention": "riftwatch.types",
    "CameoAction": "riftwatch.types",
    "CodedEvent": "riftwatch.types",
    "Document": "riftwatch.types",
    "Evidence": "riftwatch.types",
    "Modality": "riftwatch.types",
    "PartialDate": "riftwatch.types",
    "Quantity": "riftwatch.types",
    "EventRecord": "riftwatch.events.records",
    "EventMention": "riftwatch.events.merged",
    "MergedEvent": "riftwatch.events.merged",
    "MergeRules": "riftwatch.events.merge",
    "merge_mentions": "riftwatch.events.merge",
    "CoordinatedAction": "riftwatch.analysis",
    "CoordinationRules": "riftwatch.analysis",
    "ComparisonClaim": "riftwatch.analysis",
    "find_coordinated_actions": "riftwatch.analysis",
    "find_claims": "riftwatch.analysis",
    "rank_event": "riftwatch.analysis",
    "EventFilter": "riftwatch.store",
    "MergedFilter": "riftwatch.store",
    "MergeReport": "riftwatch.store",
    "Store": "riftwatch.store",
    "DocumentResult": "riftwatch.pipeline",
    "Failure": "riftwatch.pipeline",
    "RunReport": "riftwatch.pipeline",
    "extract": "riftwatch.pipeline",
    "process": "riftwatch.pipeline",
    "run": "riftwatch.pipeline",
    "EvalReport": "riftwatch.evaluation",
    "evaluate": "riftwatch.evaluation",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'riftwatch' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "ActorMention",
    "CameoAction",
    "CodedEvent",
    "ComparisonClaim",
    "CoordinatedAction",
    "CoordinationRules",
    "Document",
    "DocumentResult",
    "EvalReport",
    "EventFilter",
    "EventMention",
    "EventRecord",
    "Evidence",
    "Failure",
    "MergeReport",
    "MergeRules",
    "MergedEvent",
    "MergedFilter",
    "Modality",
    "PartialDate",
    "Quantity",
    "RunReport",
    "Store",
    "evaluate",
    "extract",
    "find_claims",
    "find_coordinated_actions",
    "merge_mentions",
    "process",
    "rank_event",
    "run",
]
