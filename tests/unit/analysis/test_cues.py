"""The cue lexicon: the packaged file loads, and a broken entry fails naming its line."""

from __future__ import annotations

import pytest

from riftwatch.analysis.cues import KINDS, build_cues, load_cues
from riftwatch.errors import LexiconError


def test_the_packaged_lexicon_has_every_kind() -> None:
    cues = load_cues()
    assert {kind for kind in KINDS if cues.of(kind)} == KINDS
    assert cues.of("reason")[0].rule.startswith("cues.v1:")


def entry(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {"id": "x", "kind": "scope", "pattern": r"\bever\b", "example": "ever"}
    row.update(changes)
    return row


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (entry(kind="mood"), "unknown kind"),
        (entry(pattern="(unclosed"), "does not compile"),
        (entry(example="never once"), "does not match its example"),
        (entry(id=""), "missing or empty id"),
    ],
)
def test_a_broken_entry_names_file_and_line(row: dict[str, object], message: str) -> None:
    with pytest.raises(LexiconError, match=rf"^cues\.jsonl:3: .*{message}"):
        build_cues([(3, row)], "cues.jsonl")


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(LexiconError, match="cues.jsonl:2: duplicate id 'x'"):
        build_cues([(1, entry()), (2, entry())], "cues.jsonl")


def test_first_finds_the_leftmost_cue_of_a_kind() -> None:
    cues = load_cues()
    found = cues.first("scope", "the biggest since the Cold War, perhaps ever")
    assert found is not None and found[1].group() == "since the Cold War"
    assert cues.first("scope", "the largest city in the region") is None
