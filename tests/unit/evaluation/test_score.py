from __future__ import annotations

import json
from pathlib import Path

import pytest

from riftwatch.evaluation import evaluate, load_gold, score, scored_records

GOLD = [
    {
        "id": "a",
        "date": "2018-03-26",
        "title": "t",
        "text": "x",
        "events": [
            {"source": "DEU", "target": "RUS", "root": "16", "count": 4, "date": "2018-03-26"},
            {
                "source": "USA",
                "target": "RUS",
                "root": "04",
                "count": None,
                "date": "2018-07",
                "symmetric": True,
            },
            {"source": "RUS", "target": None, "root": "11", "count": None, "date": None},
        ],
        "absent": [{"source": "JPN", "target": "RUS", "root": "16"}],
    },
    {"id": "b", "date": "2018-03-27", "title": "t", "text": "y", "events": []},
]


def _pred(doc: str, source: str | None, target: str | None, cameo: str, **kw: object) -> dict:
    return {"doc_id": doc, "source": source, "target": target, "cameo": cameo, **kw}


@pytest.fixture
def gold(tmp_path: Path) -> list:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GOLD))
    return load_gold(path)


def test_rules_of_the_gold_readme(gold: list) -> None:
    predictions = [
        _pred("a", "DEU", "RUS", "161", count=4, date="2018-03-26", confidence=0.9),
        _pred("a", "DEU", "RUS", "163", count=5, confidence=0.1),  # same tuple: reduced to one
        _pred("a", "RUS", "USA", "040", date="2018-07-16"),  # symmetric: either direction
        _pred("a", "RUS", "GBR", "111"),  # gold target null: any target matches
        _pred("a", "JPN", "RUS", "161"),  # trap
        _pred("a", None, "RUS", "161"),  # no source: not counted
        _pred("b", "FRA", "RUS", "161"),  # false positive in another document
        _pred("zz", "FRA", "RUS", "161"),  # a document not in the gold set is ignored
    ]
    report = score(gold, predictions)
    o = report.overall
    assert (o.predicted, o.matched_predicted, o.gold, o.matched_gold) == (5, 3, 3, 3)
    assert o.precision == pytest.approx(0.6) and o.recall == 1.0
    assert o.f1 == pytest.approx(0.75)
    assert (o.count_right, o.count_total) == (1, 1)
    assert (o.date_right, o.date_total) == (2, 2)
    assert o.trap_hits == 1 and report.traps == [("a", "JPN", "RUS", "16")]
    assert report.by_root["16"].predicted == 3 and report.by_root["16"].trap_hits == 1
    assert ("b", "FRA", "RUS", "16") in report.false_positives


def test_wrong_count_and_coarser_date_are_not_right(gold: list) -> None:
    report = score(gold, [_pred("a", "DEU", "RUS", "161", count=3, date="2018-03")])
    assert report.overall.count_right == 0 and report.overall.date_right == 0
    assert [m.root for m in report.misses] == ["04", "11"]


def test_only_factual_non_group_records_are_scored() -> None:
    records = [
        {"modality": "asserted", "source_kind": "state"},
        {"modality": "announced", "source_kind": "igo"},
        {"modality": "negated", "source_kind": "state"},
        {"modality": "asserted", "source_kind": "group"},
    ]
    assert len(scored_records(records)) == 2


def test_events_under_the_reporting_floor_are_not_scored_but_are_calibrated(
    tmp_path: Path,
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GOLD))
    predictions = [
        _pred("a", "DEU", "RUS", "161", confidence=0.9),
        _pred("b", "FRA", "RUS", "161", confidence=0.2),  # under the floor: a wrong guess
        _pred("a", "RUS", "GBR", "111"),  # another coder's record, with no confidence
    ]
    report = evaluate(path, predictions=predictions)
    assert (report.overall.predicted, report.overall.matched_predicted) == (2, 2)
    assert report.false_positives == []
    bins = {(b.low, b.high): b for b in report.calibration()}
    assert (bins[(0.2, 0.4)].predicted, bins[(0.2, 0.4)].right) == (1, 0)
    everything = evaluate(path, predictions=predictions, min_confidence=0.0)
    assert everything.overall.predicted == 3


def test_a_broken_gold_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n{broken\n')
    with pytest.raises(Exception, match="gold.jsonl:2"):
        load_gold(path)


def test_calibration_bins_precision_by_confidence(gold: list) -> None:
    predictions = [
        _pred("a", "DEU", "RUS", "161", confidence=0.95),
        _pred("a", "JPN", "RUS", "161", confidence=0.85),
        _pred("b", "FRA", "RUS", "161", confidence=0.3),
    ]
    bins = {(b.low, b.high): b for b in score(gold, predictions).calibration()}
    assert (bins[(0.9, 1.0)].predicted, bins[(0.9, 1.0)].right) == (1, 1)
    assert (bins[(0.8, 0.9)].predicted, bins[(0.8, 0.9)].precision) == (1, 0.0)
    assert bins[(0.2, 0.4)].predicted == 1 and bins[(0.0, 0.2)].precision is None
