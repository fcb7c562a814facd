from __future__ import annotations

from riftwatch.actors import find_mentions
from riftwatch.actors.ambiguity import load_readings
from riftwatch.coding.coder import code_document


def _by_text(mentions):
    return {m.text: m for m in mentions}


def test_georgia_the_us_state_is_read_from_its_document(parse_text) -> None:
    us = _by_text(
        find_mentions(
            parse_text(
                "Election officials in Georgia certified the result after a recount in Atlanta.",
                "2020-11-20",
            )
        )
    )
    assert not us["Georgia"].is_actor and "US state" in us["Georgia"].doubt
    country = _by_text(
        find_mentions(
            parse_text("Georgia accused Russia of occupying Abkhazia, Tbilisi said.", "2020-11-20")
        )
    )
    assert country["Georgia"].is_actor and country["Georgia"].certainty > 0.9


def test_national_teams_are_not_actors_and_code_no_event(parse_text) -> None:
    parsed = parse_text(
        "Croatia beat England 2-1 in the World Cup semi-final in Moscow.", "2018-07-11"
    )
    mentions = find_mentions(parsed)
    assert not _by_text(mentions)["Croatia"].is_actor
    assert code_document(parsed, mentions) == []
    plain = _by_text(find_mentions(parse_text("Croatia recalled its ambassador from Serbia.")))
    assert plain["Croatia"].certainty == 1.0


def test_every_packaged_reading_has_a_prior_and_cues() -> None:
    readings = load_readings()
    assert len(readings) >= 6
    assert all(0 < r.prior < 1 and r.against is not None for r in readings)
