"""Done-when (issue 6): on seeded synthetic histories with known change points and sides,
rifts are found within one period of the truth with precision and recall >= 0.9, and every
state's alignment sign is right. The figures are printed (pytest -s shows them)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from riftwatch.analysis.alignment import Alignment, align_states
from riftwatch.analysis.coordination import find_coordinated_actions
from riftwatch.analysis.event_table import event_table
from riftwatch.analysis.rifts import find_rifts
from tests.unit.analysis_relations.synthetic import SIDES, History, make_history, side_of

SEEDS = range(10)
TARGET = 0.9


@pytest.fixture(scope="module")
def histories() -> list[History]:
    return [make_history(seed) for seed in SEEDS]


def _months(day: dt.date) -> int:
    return day.year * 12 + day.month


def _matches(found: list[dt.date], truth: list[dt.date]) -> int:
    """Found change points matched one-to-one to a true one at most one month away."""
    left, hits = list(truth), 0
    for day in sorted(found):
        near = [t for t in left if abs(_months(t) - _months(day)) <= 1]
        if near:
            left.remove(min(near, key=lambda t: abs(_months(t) - _months(day))))
            hits += 1
    return hits


def test_rifts_are_found_within_one_month(histories: list[History]) -> None:
    found_total = true_total = hits = 0
    for seed, history in zip(SEEDS, histories, strict=True):
        table = event_table(history.records)
        seed_found = seed_true = seed_hits = 0
        for (a, b), truth in history.change_points.items():
            found = [r.period for r in find_rifts(table, a, b)]
            seed_found, seed_true = seed_found + len(found), seed_true + len(truth)
            seed_hits += _matches(found, truth)
        print(
            f"seed {seed}: {seed_true} true change points, {seed_found} found, "
            f"{seed_hits} within one month"
        )
        found_total, true_total, hits = (
            found_total + seed_found,
            true_total + seed_true,
            hits + seed_hits,
        )
    precision, recall = hits / found_total, hits / true_total
    print(
        f"rifts over {len(SEEDS)} seeds: precision {precision:.3f} ({hits}/{found_total}), "
        f"recall {recall:.3f} ({hits}/{true_total})"
    )
    assert precision >= TARGET and recall >= TARGET


def _eras(state: str) -> list[tuple[dt.date, dt.date, int]]:
    steps = SIDES[state]
    ends = [start for start, _ in steps[1:]] + [dt.date(2020, 1, 1)]
    return [(start, end, sign) for (start, sign), end in zip(steps, ends, strict=True)]


def test_every_state_is_on_its_side(histories: list[History]) -> None:
    history = histories[0]
    actions = find_coordinated_actions(history.records)
    yearly = align_states(history.records, actions=actions, states=sorted(SIDES))
    by_state: dict[str, list[Alignment]] = defaultdict(list)
    for row in yearly:
        by_state[row.state].append(row)
    wrong_eras, right_years, years = [], 0, 0
    for state in sorted(SIDES):
        for start, end, sign in _eras(state):
            rows = [r for r in by_state[state] if start <= r.period < end]
            era = sum(r.with_side - r.with_against for r in rows)
            if era * sign <= 0:
                wrong_eras.append((state, start))
            right_years += sum(1 for r in rows if r.score * side_of(state, r.period) > 0)
            years += len(rows)
            print(f"{state} {start:%Y}-{end.year - 1}: side {sign:+d}, net weight {era:+.2f}")
    print(
        f"alignment: {len(coded := {s for s in SIDES if by_state[s]})} states, "
        f"{sum(len(_eras(s)) for s in coded)} state-eras, wrong signs: {wrong_eras}; "
        f"state-years right {right_years}/{years}; {len(actions)} coordinated actions"
    )
    assert coded == set(SIDES)
    assert wrong_eras == []
    assert right_years / years >= 0.95
