"""The packaged actor lexicon loads, validates and indexes for longest match."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.actors import load_actor_lexicon
from riftwatch.actors.lexicon import parse_lexicon
from riftwatch.actors.select import pick
from riftwatch.errors import LexiconError

GOOD = (
    '{"id":"a","phrase":"jens stoltenberg","code":"NATO","sector":"","name":"J S",'
    '"kind":"person","source":"riftwatch","start":"2014-10-01","end":"2024-10-01"}'
)


def test_load_is_cached_and_indexed() -> None:
    lexicon = load_actor_lexicon()
    assert lexicon is load_actor_lexicon()
    assert len(lexicon.entries) > 10_000
    assert {e.code for e in lexicon.lookup("moscow")} == {"RUS"}
    assert {e.code for e in lexicon.lookup("nato")} == {"NATO"}


def test_phrases_follow_spacy_tokens() -> None:
    lexicon = load_actor_lexicon()
    assert lexicon.lookup("kim jong - un")
    assert lexicon.lookup("u.s.")
    assert {e.code for e in lexicon.lookup("the white house")} == {"USA"}


def test_candidates_longest_first() -> None:
    lexicon = load_actor_lexicon()
    lowers = ["the", "united", "states", "said"]
    lengths = [n for n, _ in lexicon.candidates(lowers, 1)]
    assert lengths and lengths[0] == 2


def test_phoenix_igo_codes_are_state_level() -> None:
    lexicon = load_actor_lexicon()
    codes = {e.code for e in lexicon.entries}
    assert {"NATO", "EU", "UN", "WST"} <= codes
    assert not any(c.startswith("IGO") for c in codes)


def test_dated_roles_pick_the_right_office() -> None:
    entries = load_actor_lexicon().lookup("jens stoltenberg")
    assert pick(entries, dt.date(2018, 3, 27)).code == "NATO"
    assert pick(entries, dt.date(2025, 6, 1)).code == "NOR"


def test_bad_line_names_origin_and_line() -> None:
    bad = GOOD.replace('"kind":"person"', '"kind":"wizard"')
    with pytest.raises(LexiconError, match=r"x\.jsonl:2: unknown kind"):
        parse_lexicon([GOOD, bad], "x.jsonl")


def test_bad_date_and_duplicates_rejected() -> None:
    with pytest.raises(LexiconError, match="x.jsonl:1"):
        parse_lexicon([GOOD.replace("2014-10-01", "2014-13-01")], "x.jsonl")
    with pytest.raises(LexiconError, match="duplicate id"):
        parse_lexicon([GOOD, GOOD], "x.jsonl")
    with pytest.raises(LexiconError, match="x.jsonl:1"):
        parse_lexicon(["not json"], "x.jsonl")
