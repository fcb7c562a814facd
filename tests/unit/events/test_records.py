from __future__ import annotations

from dataclasses import replace

from riftwatch.events.records import event_id, select_records, to_record
from riftwatch.types import (
    ActorKind,
    ActorMention,
    CameoAction,
    CodedEvent,
    Evidence,
    Modality,
    PartialDate,
    Quantity,
)


def _mention(code: str, kind: ActorKind = ActorKind.STATE) -> ActorMention:
    return ActorMention(
        doc_id="d",
        sentence=0,
        start=0,
        end=4,
        token_start=0,
        token_end=1,
        text=code,
        code=code,
        name=code,
        kind=kind,
    )


CODED = CodedEvent(
    source=_mention("NATO", ActorKind.IGO),
    target=_mention("RUS"),
    action=CameoAction("161", "Reduce or break diplomatic relations", -4.0, 4, "REDUCE", ""),
    trigger="expelled",
    evidence=Evidence("d", 0, 0, 40, 5, 13, "Nato expelled seven Russian diplomats.", "r"),
    modality=Modality.ASSERTED,
    count=Quantity(7.0, "exact", "diplomat", "seven"),
    date=PartialDate(2018, 3, 27),
    confidence=0.9,
)


def test_record_flattens_the_event() -> None:
    record = to_record(CODED)
    assert (record.source, record.target, record.cameo, record.root) == ("NATO", "RUS", "161", "16")
    assert (record.count, record.date, record.date_precision) == (7.0, "2018-03-27", "day")
    assert record.to_dict()["count"] == 7 and isinstance(record.to_dict()["count"], int)


def test_ids_are_stable_and_tell_events_apart() -> None:
    assert event_id(CODED) == event_id(replace(CODED, confidence=0.1))
    assert event_id(CODED) != event_id(replace(CODED, target=_mention("BLR")))
    assert event_id(CODED) != event_id(replace(CODED, modality=Modality.NEGATED))


def test_selection_keeps_confident_facts_by_named_actors_by_default() -> None:
    fact = to_record(CODED)
    negated = to_record(replace(CODED, modality=Modality.NEGATED))
    group = to_record(replace(CODED, source=_mention("WST", ActorKind.GROUP)))
    weak = to_record(replace(CODED, confidence=0.2, target=None))
    assert select_records([fact, negated, group, weak]) == [fact]
    assert select_records([fact, negated], all_modalities=True) == [fact, negated]
    assert select_records([fact, group], groups=True) == [fact, group]
    assert select_records([fact, weak], min_confidence=0.0) == [fact, weak]
