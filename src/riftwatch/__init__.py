"""riftwatch: international news in, coded events (CAMEO, PLOVER) with evidence out.

>>> import riftwatch
>>> results, failures = riftwatch.extract(["examples/"])
>>> with riftwatch.Store("riftwatch.duckdb") as store:
...     report = riftwatch.run(["examples/"], store=store)
...     events = store.query_events(riftwatch.EventFilter(target="RUS"))
...     table = store.events_table(riftwatch.EventFilter(target="RUS"))  # pyarrow.Table
...     merged = store.query_merged(riftwatch.MergedFilter(target="RUS"))
...     actions = riftwatch.coordination(store, target="RUS")
...     series = riftwatch.relations(store, "RUS", "WST")  # pyarrow.Table
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
    "Freq": "riftwatch.analysis.periods",
    "event_table": "riftwatch.analysis.event_table",
    "SeriesRules": "riftwatch.analysis.relations",
    "RelationPoint": "riftwatch.analysis.relations",
    "dyad_series": "riftwatch.analysis.relations",
    "relation_series": "riftwatch.analysis.relations",
    "series_points": "riftwatch.analysis.relations",
    "Rift": "riftwatch.analysis.rifts",
    "RiftRules": "riftwatch.analysis.rifts",
    "find_rifts": "riftwatch.analysis.rifts",
    "actor_rifts": "riftwatch.analysis.rifts",
    "Alignment": "riftwatch.analysis.alignment",
    "AlignmentRules": "riftwatch.analysis.alignment",
    "align_states": "riftwatch.analysis.alignment",
    "plot_relations": "riftwatch.analysis.charts",
    "plot_rifts": "riftwatch.analysis.charts",
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
    "coordination": "riftwatch.explore",
    "relations": "riftwatch.explore",
    "rifts": "riftwatch.explore",
    "DocumentOutcome": "riftwatch.intake",
    "IntakeReport": "riftwatch.intake",
    "UploadKind": "riftwatch.intake",
    "read_upload": "riftwatch.intake",
    "run_documents": "riftwatch.intake",
    "ColumnSet": "riftwatch.events.exports",
    "export_table": "riftwatch.events.exports",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'riftwatch' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "ActorMention",
    "Alignment",
    "AlignmentRules",
    "CameoAction",
    "CodedEvent",
    "ColumnSet",
    "ComparisonClaim",
    "CoordinatedAction",
    "CoordinationRules",
    "Document",
    "DocumentOutcome",
    "DocumentResult",
    "EvalReport",
    "EventFilter",
    "EventMention",
    "EventRecord",
    "Evidence",
    "Failure",
    "Freq",
    "IntakeReport",
    "MergeReport",
    "MergeRules",
    "MergedEvent",
    "MergedFilter",
    "Modality",
    "PartialDate",
    "Quantity",
    "RelationPoint",
    "Rift",
    "RiftRules",
    "RunReport",
    "SeriesRules",
    "Store",
    "UploadKind",
    "actor_rifts",
    "align_states",
    "coordination",
    "dyad_series",
    "evaluate",
    "event_table",
    "export_table",
    "extract",
    "find_claims",
    "find_coordinated_actions",
    "find_rifts",
    "merge_mentions",
    "plot_relations",
    "plot_rifts",
    "process",
    "rank_event",
    "read_upload",
    "relation_series",
    "relations",
    "rifts",
    "run",
    "run_documents",
    "series_points",
]
