"""Analysis over coded event records: coordinated actions, "largest since", claims in the text.

Pure functions over `EventRecord`s (and `Document`s for text claims): no store, no model,
no clock. The CLI and the API call these and render what they return.
"""

from riftwatch.analysis.claims import ComparisonClaim, find_claims
from riftwatch.analysis.consensus import ActionMatch, Count, CountReport
from riftwatch.analysis.coordinated import (
    ClaimedFigure,
    CoordinatedAction,
    GroupClaim,
    Holdout,
    Participant,
    Reaction,
    ReasonTally,
)
from riftwatch.analysis.coordination import find_coordinated_actions
from riftwatch.analysis.largest import Act, ActionRank, EventRank, rank_action, rank_event
from riftwatch.analysis.windows import DEFAULT_RULES, CoordinationRules

__all__ = [
    "DEFAULT_RULES",
    "Act",
    "ActionMatch",
    "ActionRank",
    "ClaimedFigure",
    "ComparisonClaim",
    "CoordinatedAction",
    "CoordinationRules",
    "Count",
    "CountReport",
    "EventRank",
    "GroupClaim",
    "Holdout",
    "Participant",
    "Reaction",
    "ReasonTally",
    "find_claims",
    "find_coordinated_actions",
    "rank_action",
    "rank_event",
]
