"""Stated reasons: "over the nerve agent attack", "in solidarity with Britain".

A reason is the phrase that follows a reason cue (cue lexicon, kind "reason") up to the end of
its clause: the next comma, semicolon, colon, bracket, quotation mark or full stop. This is
deliberately simple. It finds reasons stated in the same sentence as the action and misses
those stated in the sentence before.

Two reasons name the same grievance when they share a content word. A word is a content word
unless the cue lexicon lists it as "filler". Participants are then grouped by chains of
shared words, so "the Salisbury poisoning", "the Salisbury attack" and "the nerve agent
attack in Britain" form one group.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from riftwatch.analysis.cues import CueLexicon

_CLAUSE_END = re.compile(r"[,;:()\"“”]|\.(?=[\s\"”’)]|$)|$")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Reason:
    """A stated reason and the cue entry that found it."""

    text: str  # "the Salisbury nerve agent attack"
    rule: str  # "cues.v1:reason-over"


def find_reasons(sentence: str, cues: CueLexicon) -> list[Reason]:
    """The reasons stated in `sentence`, in text order."""
    found: list[tuple[int, Reason]] = []
    for cue in cues.of("reason"):
        for match in cue.pattern.finditer(sentence):
            end = _CLAUSE_END.search(sentence, match.end())
            phrase = sentence[match.end() : end.start() if end else len(sentence)].strip()
            if phrase:
                found.append((match.start(), Reason(phrase, cue.rule)))
    return [reason for _, reason in sorted(found, key=lambda pair: pair[0])]


def reason_terms(text: str, cues: CueLexicon) -> frozenset[str]:
    """The content words of a reason, lower-cased: what two reasons must share to agree."""
    fillers = cues.of("filler")
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(w for w in words if not any(c.pattern.search(w) for c in fillers))


def agreeing_actors(terms: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The actors whose reasons form the largest group of reasons linked by shared words.

    `terms` maps each actor to the words of all its stated reasons. Actors that give no
    reason are not in the answer; the caller decides what silence means.
    """
    parent = {actor: actor for actor, words in terms.items() if words}

    def root(actor: str) -> str:
        while parent[actor] != actor:
            parent[actor] = parent[parent[actor]]
            actor = parent[actor]
        return actor

    owner: dict[str, str] = {}
    for actor in sorted(parent):
        for word in terms[actor]:
            if word in owner:
                parent[root(actor)] = root(owner[word])
            else:
                owner[word] = actor
    groups: dict[str, set[str]] = {}
    for actor in parent:
        groups.setdefault(root(actor), set()).add(actor)
    if not groups:
        return frozenset()
    return frozenset(max(groups.values(), key=lambda g: (len(g), sorted(g))))
