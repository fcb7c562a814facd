"""Alignment on hand-built records: joining, holding back, own acts, blocs as sides."""

from __future__ import annotations

import datetime as dt
import json

from riftwatch.analysis.alignment import AlignmentRules, align_states
from riftwatch.analysis.coordination import find_coordinated_actions
from riftwatch.analysis.periods import Freq
from riftwatch.events.records import EventRecord
from tests.unit.analysis_relations.records import event


def _records() -> list[EventRecord]:
    return [
        event("FRA", "RUS", "161", "2018-03-26", count=4.0, doc_id="fra"),
        event("DEU", "RUS", "161", "2018-03-26", count=4.0, doc_id="deu"),
        event("POL", "RUS", "161", "2018-03-27", count=4.0, doc_id="pol"),
        event("AUT", "RUS", "161", "2018-03-27", modality="negated", doc_id="aut"),
        event("SRB", "RUS", "057", "2018-05-02", symmetric=True, doc_id="srb"),
        event("HUN", "EU", "040", "2018-06-02", doc_id="hun"),
        event("TUR", "USA", "111", "2018-07-02", doc_id="tur"),
        event("CHN", "PAK", "057", "2018-07-02", doc_id="chn"),
        event("RUS", "GBR", "161", "2018-03-17", count=23.0, doc_id="rus"),
    ]


def _aligned() -> dict[str, object]:
    records = _records()
    actions = find_coordinated_actions(records)
    found = align_states(records, actions=actions)
    return {a.state: a for a in found}


def test_joining_an_action_against_russia_is_siding_with_the_west() -> None:
    found = _aligned()
    for code in ("FRA", "DEU", "POL"):
        state = found[code]
        assert state.score > 0, code  # type: ignore[attr-defined]
        assert (state.joined, state.acted) == (1, 0)  # type: ignore[attr-defined]
    assert found["FRA"].evidence[0].doc_ids == ("fra",)  # type: ignore[attr-defined]


def test_holding_back_own_acts_and_blocs() -> None:
    found = _aligned()
    assert found["AUT"].score < 0 and found["AUT"].held_back == 1  # type: ignore[attr-defined]
    assert found["SRB"].score < 0  # signed an agreement with Russia
    assert found["HUN"].score > 0  # consulted the EU, which counts for the West
    assert found["TUR"].score < 0  # criticised the United States
    assert found["RUS"].score < 0  # expelled British diplomats
    assert "CHN" not in found  # acted on neither side
    assert "PAK" not in found


def test_periods_and_reference_pair_are_rules() -> None:
    records = _records()
    rules = AlignmentRules(side="RUS", against="WST", freq=Freq.MONTH)
    found = align_states(records, actions=find_coordinated_actions(records), rules=rules)
    srb = next(a for a in found if a.state == "SRB")
    assert srb.score > 0 and srb.period == dt.date(2018, 5, 1)
    body = json.loads(json.dumps(srb.to_dict()))
    assert body["evidence"][0]["docs"] == ["srb"]


def test_states_filter() -> None:
    found = align_states(_records(), states=["TUR"])
    assert [a.state for a in found] == ["TUR"]
