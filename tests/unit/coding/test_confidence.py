from __future__ import annotations

from dataclasses import replace

from riftwatch.coding.confidence import ConfidenceModel, features, load_confidence_model
from riftwatch.types import (
    ActorKind,
    ActorMention,
    CameoAction,
    CodedEvent,
    Evidence,
    Modality,
)

MENTION = ActorMention("d", 0, 0, 4, 0, 1, "Nato", "NATO", "NATO", kind=ActorKind.IGO)
EVENT = CodedEvent(
    source=MENTION,
    target=replace(MENTION, code="RUS", kind=ActorKind.STATE),
    action=CameoAction("161", "Reduce relations", -4.0, 4, "REDUCE"),
    trigger="expelled",
    evidence=Evidence("d", 0, 0, 10, 5, 13, "Nato expelled.", "verbs.v1:x"),
    modality=Modality.ASSERTED,
    notes=("source:subject", "target:dobj", "trigger:VERB", "entry:constrained"),
)


def test_features_name_how_the_event_was_found() -> None:
    found = features(EVENT)
    assert {"source:subject", "target:dobj", "entry:constrained", "quad:4"} <= set(found)
    assert "no_target" not in found
    assert features(replace(EVENT, target=None))["no_target"] == 1.0


def test_weights_move_the_score_and_the_packaged_model_loads() -> None:
    model = ConfidenceModel(bias=0.0, weights={"target:dobj": 2.0})
    assert model.score(EVENT) > model.score(replace(EVENT, notes=("target:none",)))
    assert 0.0 < load_confidence_model().score(EVENT) < 1.0
