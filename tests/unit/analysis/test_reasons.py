"""Stated reasons: the phrase after a reason cue, and which reasons name the same grievance."""

from __future__ import annotations

import pytest

from riftwatch.analysis.cues import load_cues
from riftwatch.analysis.reasons import agreeing_actors, find_reasons, reason_terms


@pytest.mark.parametrize(
    ("sentence", "reasons"),
    [
        ("Britain will expel 23 diplomats over the Salisbury attack.", ["the Salisbury attack"]),
        (
            "The US will expel 60 in response to the nerve agent attack in Britain, they said.",
            ["the nerve agent attack in Britain"],
        ),
        (
            "Ukraine will expel 13 in solidarity with Britain and its allies.",
            ["Britain and its allies"],
        ),
        ("Russia acted in retaliation for the American expulsions.", ["the American expulsions"]),
        ("Leaders discussed the attack over dinner.", []),
        ("Talks went on over the past week.", []),
        ("Over 100 diplomats were expelled.", []),
        ("Austria declined, citing the country's neutrality.", ["the country's neutrality"]),
        ('He said it was "in solidarity with Britain."', ["Britain"]),
    ],
)
def test_the_reason_runs_from_its_cue_to_the_end_of_the_clause(
    sentence: str, reasons: list[str]
) -> None:
    assert [r.text for r in find_reasons(sentence, load_cues())] == reasons


def test_reason_terms_drop_filler_words() -> None:
    assert reason_terms("the poisoning in Salisbury", load_cues()) == {"poisoning", "salisbury"}


def test_reasons_chained_by_shared_words_agree() -> None:
    terms = {
        "FRA": frozenset({"salisbury", "attack"}),
        "DEU": frozenset({"nerve", "agent", "attack"}),
        "ITA": frozenset({"poisoning", "salisbury"}),
        "CZE": frozenset({"spying"}),
        "POL": frozenset(),
    }
    assert agreeing_actors(terms) == {"FRA", "DEU", "ITA"}
    assert agreeing_actors({"POL": frozenset()}) == frozenset()
