"""Ranking an event's count against the record, and a coordinated action against earlier ones."""

from __future__ import annotations

from riftwatch.actors.membership import MembershipTable
from riftwatch.analysis import find_coordinated_actions, rank_action, rank_event
from tests.unit.analysis.conftest import MakeRecord


def test_the_largest_since_the_last_larger_act(rec: MakeRecord) -> None:
    history = [
        rec("GBR", count=105, date="1971", date_precision="year"),
        rec("USA", count=35, date="2016-12", date_precision="month"),
        rec("GBR", count=23, date="2018-03-14"),
        rec("GBR", count=23, date="2018-03-14", doc_id="again"),  # the same act, reported twice
        rec("UKR", count=13, date="2018-03-26"),
        rec("FRA", count=400, date="2019-01-01"),  # later: not its history
        rec("POL", count=90, date="2018-01-05", target="USA"),  # another target
        rec("NATO", source_kind="igo", count=70, date="2018-03-27"),  # organisations apart
        rec("WST", source_kind="group", count=130, date="2018-03-27"),  # a claim, not an act
        rec("ITA", count=80, date="2018-03-20", modality="negated"),  # did not happen
    ]
    usa = rec("USA", count=60, date="2018-03-26")
    ranked = rank_event(usa, [*history, usa])
    assert ranked is not None
    assert (ranked.rank, ranked.compared, ranked.largest_on_record) == (2, 5, False)
    assert ranked.previous_larger is not None
    assert (ranked.previous_larger.source, ranked.previous_larger.date) == ("GBR", "1971")
    assert ranked.to_dict()["largest_since"] == "1971"


def test_an_event_larger_than_everything_before_is_the_largest_on_record(rec: MakeRecord) -> None:
    history = [rec("GBR", count=23, date="2018-03-14"), rec("USA", count=35, date="2016-12")]
    ranked = rank_event(rec("USA", count=60), history)
    assert ranked is not None and ranked.largest_on_record and ranked.previous_larger is None


def test_reports_that_disagree_rank_by_the_reconciled_count(rec: MakeRecord) -> None:
    event = rec("USA", count=60, doc_id="a")
    history = [rec("USA", count=60, doc_id="b"), rec("USA", count=58, doc_id="c"), event]
    ranked = rank_event(event, history)
    assert ranked is not None and ranked.act.count.value == 60 and ranked.compared == 1
    assert len(ranked.act.event_ids) == 3 and not ranked.act.count.agreed


def test_nothing_to_rank_without_a_count(rec: MakeRecord) -> None:
    assert rank_event(rec("USA"), []) is None
    assert rank_event(rec("USA", count=3, target=None), []) is None


def test_coordinated_actions_rank_by_total_among_earlier_ones(
    rec: MakeRecord, blocs: MembershipTable
) -> None:
    def wave(day: str, counts: dict[str, int]) -> list:
        return [rec(code, count=n, date=day) for code, n in counts.items()]

    records = [
        *wave("2014-04-01", {"FRA": 50, "DEU": 50, "POL": 50}),
        *wave("2018-03-26", {"FRA": 4, "DEU": 4, "POL": 4, "ITA": 2}),
        *wave("2022-04-05", {"FRA": 35, "DEU": 40, "POL": 45, "ITA": 30, "ESP": 25}),
    ]
    actions = find_coordinated_actions(records, membership=blocs)
    assert [a.total for a in actions] == [150, 14, 175]
    ranks = [rank_action(a, actions) for a in actions]
    assert [(r.rank, r.compared, r.largest_on_record) for r in ranks] == [
        (1, 1, True),
        (2, 2, False),
        (1, 3, True),
    ]
    assert ranks[1].rank_by_participants == 1  # most states, smallest total
    assert ranks[1].previous_larger is actions[0]
    assert ranks[1].to_dict()["previous_larger"] == {
        "id": actions[0].id,
        "window": ["2014-04-01", "2014-04-01"],
        "total": 150,
        "participants": 3,
    }
