from __future__ import annotations

from riftwatch.actors import find_mentions


def _places(parse_text, text: str) -> dict[str, bool]:
    return {m.text: m.place for m in find_mentions(parse_text(text))}


def test_locations_and_things_of_a_country_are_places(parse_text) -> None:
    found = _places(
        parse_text,
        "Moscow said talks would be held in Minsk, and the envoy flew to Washington to discuss "
        "Russian oil and the Ukrainian border.",
    )
    assert found["Moscow"] is False
    assert found["Minsk"] and found["Washington"]
    assert found["Russian"] and found["Ukrainian"]


def test_actors_by_name_office_or_target_are_not_places(parse_text) -> None:
    found = _places(
        parse_text,
        "Britain imposed sanctions on Russia, and Russian diplomats were recalled from Paris.",
    )
    assert not found["Britain"] and not found["Russia"]
    assert not found["Russian diplomats"] and not found["Paris"]


def test_capitals_are_places_where_state_names_stay_actors(parse_text) -> None:
    found = _places(
        parse_text,
        "Saudi Arabia launched air strikes in Yemen after a jet crashed north of Riyadh, "
        "and France backed the government in Bamako.",
    )
    assert not found["Yemen"] and found["Riyadh"] and not found["Bamako"]


def test_seats_naming_things_and_regions_after_cities_are_places(parse_text) -> None:
    found = _places(
        parse_text,
        "Leaders met on the White House lawn while Kremlin aides waited in Atlanta, Georgia.",
    )
    assert found["the White House"] and found["Georgia"]
    assert not found["Kremlin"]
