from __future__ import annotations

import json
from pathlib import Path

from riftwatch.actors.scoring import NOT_ACTOR, score_actor_set


def test_scores_found_wrong_and_not_actor_mentions(tmp_path: Path) -> None:
    text = "Moscow said the Washington Post was wrong, and Poland agreed."
    record = {
        "id": "a1",
        "date": "2018-03-27",
        "text": text,
        "mentions": [
            {"text": "Moscow", "start": 0, "code": "RUS", "sector": "", "category": "capital"},
            {
                "text": "Poland",
                "start": text.index("Poland"),
                "code": "DEU",
                "sector": "",
                "category": "state-name",
            },
        ],
        "not_actors": ["Washington Post"],
    }
    path = tmp_path / "actors.jsonl"
    path.write_text(json.dumps(record) + "\n")
    report = score_actor_set(path)
    assert report.by_category["capital"].right == 1
    assert report.by_category["state-name"].right == 0
    assert report.by_category[NOT_ACTOR].right == 1
    assert report.overall.total == 3 and report.overall.right == 2
    assert report.errors == ["a1: 'Poland' -> POL, want DEU"]
