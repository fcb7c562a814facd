from __future__ import annotations

import pytest

from riftwatch.errors import LexiconError
from riftwatch.wordlists import ordered_words, pairs, words


def test_lists_load_from_the_packaged_lexicon() -> None:
    assert {"could", "might"} <= words("hypothetical-modals")
    assert ordered_words("target-prepositions")[0] == "on"
    assert pairs("conditional-threats")["16"] == frozenset({"1313"})


def test_an_unknown_list_is_a_lexicon_error() -> None:
    with pytest.raises(LexiconError, match="no words list named 'nope'"):
        words("nope")


def test_two_lists_of_one_name_are_a_lexicon_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from riftwatch import wordlists

    twice = [(1, {"id": "a", "words": ["x"]}), (2, {"id": "a", "words": ["y"]})]
    monkeypatch.setattr(wordlists, "read_lexicon", lambda name: iter(twice))
    wordlists._all.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r":2: 'a' again"):
            wordlists.words("a")
    finally:
        wordlists._all.cache_clear()
