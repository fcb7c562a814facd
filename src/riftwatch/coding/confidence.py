"""How likely a coded event is right: a logistic model over how the event was found.

The features say which lexicon entry fired (constrained by its object or not), how the source
and target were found (subject, passive agent, a pronoun, an earlier event ...), the trigger's
part of speech, the modality, the actor kinds and the quad class. The weights are data
(data/models/confidence/v1.json), fitted by tools/fit_confidence.py on the project's gold sets,
with the training sets and the measured calibration recorded beside them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from riftwatch.errors import LexiconError
from riftwatch.types import ActorKind, CodedEvent, Modality

MODEL_FILE = "data/models/confidence/v1.json"


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    bias: float
    weights: Mapping[str, float]

    def score(self, event: CodedEvent) -> float:
        """The probability that `event` is right, rounded to two places."""
        z = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features(event).items())
        return round(1.0 / (1.0 + math.exp(-z)), 2)


def features(event: CodedEvent) -> dict[str, float]:
    """The named features of an event; absent features are 0."""
    notes = dict(n.split(":", 1) for n in event.notes if ":" in n)
    found = {
        f"source:{notes.get('source', 'none')}": 1.0,
        f"target:{notes.get('target', 'none')}": 1.0,
        f"trigger:{notes.get('trigger', 'VERB')}": 1.0,
        f"entry:{notes.get('entry', 'default')}": 1.0,
        f"quad:{event.action.quad_class}": 1.0,
        f"source_kind:{event.source.kind.value}": 1.0,
        "announced": float(event.modality is Modality.ANNOUNCED),
        "symmetric": float(event.symmetric),
        "no_target": float(event.target is None),
        "target_person": float(event.target is not None and event.target.kind is ActorKind.PERSON),
        "derived": float("+" in event.evidence.rule or event.evidence.rule.startswith("discourse")),
        "has_count": float(event.count is not None),
        "date_fallback": float(event.date is None or event.date.fallback),
        "first_sentences": float(event.evidence.sentence <= 1),
    }
    return {k: v for k, v in found.items() if v}


@lru_cache(maxsize=1)
def load_confidence_model() -> ConfidenceModel:
    """The packaged model, loaded once."""
    try:
        raw = json.loads(resources.files("riftwatch").joinpath(MODEL_FILE).read_text("utf-8"))
        return ConfidenceModel(bias=float(raw["bias"]), weights=dict(raw["weights"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LexiconError(f"{MODEL_FILE}: cannot load the confidence model ({exc})") from exc
