"""Coordinated actions from hand-built records: windows, participants, holdouts, claims."""

from __future__ import annotations

import json

from riftwatch.actors.membership import MembershipTable
from riftwatch.analysis import ActionMatch, CoordinatedAction, CoordinationRules
from riftwatch.analysis import find_coordinated_actions as _find
from riftwatch.analysis.coordinated import GroupClaim
from riftwatch.events.records import EventRecord
from riftwatch.types import ActorKind, ActorMention, Quantity
from tests.unit.analysis.conftest import MakeRecord


def find(
    records: list[EventRecord], blocs: MembershipTable, **rules: object
) -> list[CoordinatedAction]:
    return _find(records, CoordinationRules(**rules), membership=blocs)  # type: ignore[arg-type]


def expulsions(rec: MakeRecord) -> list[EventRecord]:
    """GBR on the 14th, then FRA, DEU (two reports) and NATO on the 26th and 27th."""
    return [
        rec("GBR", count=23, date="2018-03-14", doc_id="d1"),
        rec("FRA", count=4, doc_id="d2"),
        rec("DEU", count=4, doc_id="d3"),
        rec("DEU", count=4, doc_id="d4", date="2018-03-27"),
        rec("NATO", source_kind="igo", count=7, date="2018-03-27", doc_id="d5"),
    ]


def test_actors_acting_together_make_one_action_counted_once_each(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    [action] = find(expulsions(rec), blocs)
    assert (action.target, action.action, str(action.first), str(action.last)) == (
        "RUS",
        "161",
        "2018-03-14",
        "2018-03-27",
    )
    assert [p.code for p in action.participants] == ["GBR", "DEU", "FRA", "NATO"]
    assert action.total == 23 + 4 + 4 + 7  # DEU's two reports count once
    assert action.participant("DEU").doc_ids == ("d3", "d4")  # type: ignore[union-attr]
    assert str(action.participant("DEU").date) == "2018-03-26"  # type: ignore[union-attr]
    assert action.participant("NATO").kind == "igo"  # type: ignore[union-attr]
    assert action.states == ("GBR", "DEU", "FRA")
    json.dumps(action.to_dict())


def test_the_window_counts_both_ends(rec: MakeRecord, blocs: MembershipTable) -> None:
    late = rec("MNE", count=1, date="2018-03-28")  # 14 days after GBR
    [action] = find([*expulsions(rec), late], blocs)
    assert "MNE" in {p.code for p in action.participants} and "GBR" in action.states
    later = rec("MNE", count=1, date="2018-03-29")  # 15 days: GBR or MNE, not both
    [action] = find([*expulsions(rec), later], blocs)
    assert {"GBR", "MNE"} - {p.code for p in action.participants} == {"MNE"}  # tie: earliest
    [narrow] = find(expulsions(rec), blocs, window_days=7)
    assert "GBR" not in narrow.states


def test_too_few_actors_or_other_actions_are_not_coordinated(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    pair = [rec("FRA", count=4), rec("DEU", count=4)]
    assert find(pair, blocs) == []
    assert find([*pair, rec("POL", cameo="163")], blocs) == []  # an embargo is another action
    [by_root] = find([*pair, rec("POL", cameo="163")], blocs, match=ActionMatch.ROOT)
    assert by_root.action == "16" and len(by_root.participants) == 3


def test_groups_the_target_itself_and_vague_dates_never_take_part(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    records = [
        rec("FRA"),
        rec("DEU"),
        rec("WST", source_kind="group", count=20, count_unit="country"),
        rec("RUS", target="RUS"),
        rec("POL", date="2018-03", date_precision="month"),
        rec("ITA", modality="hypothetical"),
    ]
    assert find(records, blocs) == []


def test_counts_are_reconciled_and_disagreements_kept(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    records = [
        rec("FRA", count=4, doc_id="d1"),
        rec("FRA", count=4, doc_id="d2"),
        rec("FRA", count=5, doc_id="d3"),
        rec("FRA", count=3, count_qualifier="more_than", doc_id="d4"),
        rec("DEU"),
        rec("POL"),
    ]
    [action] = find(records, blocs)
    count = action.participant("FRA").count  # type: ignore[union-attr]
    assert count is not None and (count.value, count.agreed) == (4, False)
    assert [(r.value, r.doc_ids) for r in count.reports] == [
        (3, ("d4",)),
        (4, ("d1", "d2")),
        (5, ("d3",)),
    ]
    assert action.uncounted == ("DEU", "POL") and action.total == 4


def test_holdouts_are_refusals_in_the_window_and_participants_win(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    records = [
        *expulsions(rec),
        rec("AUT", modality="negated", doc_id="h1"),
        rec("GRC", modality="refused", doc_id="h2"),
        rec("ITA", modality="hypothetical"),  # "would consider expelling" is not a refusal
        rec("FRA", modality="negated", doc_id="h3"),  # reported both ways: stays a participant
        rec("PRT", modality="negated", date="2018-04-20"),  # outside the window
        rec("ESP", modality="negated", target="USA"),  # another target
    ]
    [action] = find(records, blocs)
    assert [(h.code, h.modality) for h in action.holdouts] == [
        ("AUT", "negated"),
        ("GRC", "refused"),
    ]
    assert action.participant("FRA").disputed_by == ("h3",)  # type: ignore[union-attr]


def test_an_open_target_joins_the_one_action_it_can_mean(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    open_refusal = rec("AUT", modality="negated", target=None, doc_id="x")
    [action] = find([*expulsions(rec), open_refusal], blocs)
    assert [(h.code, h.target_stated) for h in action.holdouts] == [("AUT", False)]

    against_usa = [rec(code, target="USA", doc_id="u") for code in ("CHN", "IRN", "PRK")]
    both = find([*expulsions(rec), *against_usa, open_refusal], blocs)
    assert [a.holdouts for a in both] == [(), ()]  # ambiguous: joins neither
    named = rec("ITA", modality="asserted", cameo="040", target="RUS", doc_id="x")
    both = find([*expulsions(rec), *against_usa, open_refusal, named], blocs)
    assert [(a.target, [h.code for h in a.holdouts]) for a in both] == [
        ("RUS", ["AUT"]),
        ("USA", []),
    ]  # its document names RUS


def figures(claim: GroupClaim) -> list[tuple[object, ...]]:
    return [
        (f.of, f.value, f.compared_with, f.enumerated, f.difference, f.consistent)
        for f in claim.figures
    ]


def group_mention(record: EventRecord, size: float, qualifier: str, unit: str) -> ActorMention:
    text = f"{qualifier} {size:g} {unit}"
    return ActorMention(
        record.doc_id, record.sentence, 0, len(text), 0, 3, text, record.source, record.source,
        kind=ActorKind.GROUP, count=Quantity(size, qualifier, unit),
    )  # fmt: skip


def test_group_claims_are_compared_with_what_we_enumerate(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    group = {"source_kind": "group", "count_qualifier": "more_than"}
    west = rec("WST", **group, count=40, count_unit="diplomat", doc_id="c1")  # "more than 40"
    eu = rec("EU", source_kind="group", doc_id="c2")  # "3 EU member states decided to expel"
    late = rec("WST", **group, count=40, count_unit="diplomat", date="2018-04-02", doc_id="c3")
    records = [
        *expulsions(rec),
        west,
        eu,
        late,
        rec("WST", **group, count=40, count_unit="diplomat", date="2018-04-04", doc_id="gone"),
    ]
    mentions = [
        group_mention(west, 2, "more_than", "country"),
        group_mention(eu, 3, "exact", "state"),
    ]
    [action] = _find(records, membership=blocs, mentions=mentions)
    claims = {c.doc_id: c for c in action.claims}
    assert set(claims) == {"c1", "c2", "c3"}  # c3 is 6 days after the window: a follow-up
    assert figures(claims["c1"]) == [
        ("group", 2, "participants in WST", 3, 1, True),
        ("action", 40, "total count in WST", 31, -9, False),  # NATO is no member of the West
    ]
    assert figures(claims["c2"]) == [("group", 3, "participants in EU", 2, -1, False)]
    early = rec("WST", source_kind="group", count=30, count_unit="diplomat", date="2018-03-20")
    [action] = find([*expulsions(rec), early], blocs)
    assert figures(action.claims[0]) == [("action", 30, "total count in WST", 23, -7, False)]
    assert claims["c1"].text == "more_than 2 country"
    assert figures(claims["c3"]) == [("action", 40, "total count in WST", 31, -9, False)]


def test_a_claim_by_a_group_that_is_no_bloc_is_compared_with_everyone(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    claims = [
        rec("", source_kind="group", count=38, count_unit="envoy", doc_id="c", date="2018-03-27"),
        rec("", source_kind="group", count=5, count_unit="country", doc_id="d", date="2018-03-27"),
    ]
    [action] = find([*expulsions(rec), *claims], blocs)
    assert [figures(c) for c in action.claims] == [
        [("action", 38, "total count", 38, 0, True)],  # NATO's seven included
        [("action", 5, "participants", 3, -2, False)],  # "diplomats from 5 countries"
    ]
    assert find(expulsions(rec), blocs)[0].claims == ()


def test_vaguer_refusals_and_claims_match_the_action(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    records = [
        *expulsions(rec),
        rec("TUR", cameo="160", modality="negated"),  # "will not take any measures"
        rec("SRB", cameo="160", modality="refused", target=None),  # "declined to take measures"
        rec("WST", cameo="160", source_kind="group", doc_id="c"),  # "took measures"
        rec("CHE", cameo="163", modality="negated"),  # "will not impose sanctions": other act
    ]
    [action] = find(records, blocs)
    assert [(h.code, h.target_stated) for h in action.holdouts] == [("SRB", False), ("TUR", True)]
    assert [c.doc_id for c in action.claims] == ["c"]


def test_the_targets_reactions_against_participants_are_linked(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    records = [
        *expulsions(rec),
        rec("RUS", target="GBR", count=23, date="2018-03-17", doc_id="r1"),
        rec("RUS", target="FRA", count=4, date="2018-03-30", doc_id="r2"),
        rec("RUS", target="FRA", count=4, date="2018-03-30", doc_id="r3"),
        rec("RUS", target=None, date="2018-03-30", doc_id="r4"),  # "diplomats from 23 countries"
        rec("RUS", target="FRA", cameo="163", date="2018-03-31", doc_id="r5"),  # same root
        rec("RUS", target="DEU", date="2018-03-20", doc_id="early"),  # before DEU acted
        rec("RUS", target="JPN", date="2018-03-30", doc_id="other"),  # not a participant
        rec("RUS", target="DEU", date="2018-04-10", doc_id="late"),  # after follow_days
        rec("RUS", target="DEU", cameo="111", date="2018-03-28", doc_id="words"),  # other root
    ]
    [action] = find(records, blocs)
    assert [(r.target, str(r.date), r.doc_ids) for r in action.reactions] == [
        ("GBR", "2018-03-17", ("r1",)),
        (None, "2018-03-30", ("r4",)),
        ("FRA", "2018-03-30", ("r2", "r3", "r5")),
    ]
    assert action.reactions[2].count.value == 4  # type: ignore[union-attr]


def test_stated_reasons_are_tallied_and_can_split_participants(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    def said(code: str, sentence: str) -> EventRecord:
        return rec(code, evidence=sentence)

    records = [
        said("FRA", "France expelled four diplomats over the Salisbury attack."),
        said("DEU", "Germany expelled four over the nerve agent attack, Berlin said."),
        said("POL", "Poland expelled four in solidarity with Britain."),
        said("ITA", "Italy expelled two over the poisoning in Salisbury."),
        said("CZE", "The Czech Republic expelled three over alleged spying."),
    ]
    [action] = find(records, blocs)
    assert {(t.text, t.participants) for t in action.reasons} == {
        ("the Salisbury attack", ("FRA",)),
        ("the nerve agent attack", ("DEU",)),
        ("Britain", ("POL",)),
        ("the poisoning in Salisbury", ("ITA",)),
        ("alleged spying", ("CZE",)),
    }
    [same] = find(records, blocs, same_reason=True)
    assert {p.code for p in same.participants} == {"FRA", "DEU", "ITA"}  # linked by words
    assert find(records, blocs, same_reason=True, min_participants=4) == []


def test_only_actions_against_the_asked_target_are_returned(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    against_usa = [rec(code, target="USA") for code in ("CHN", "IRN", "PRK")]
    records = [*expulsions(rec), *against_usa]
    assert [a.target for a in find(records, blocs)] == ["RUS", "USA"]
    only = _find(records, target="USA", membership=blocs)
    assert [a.target for a in only] == ["USA"]
