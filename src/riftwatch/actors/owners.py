"""Whose is an office or a crowd the text names without a country ("parliament", "the armed
forces", "protesters")?

In order: the state it is in ("the government in Bamako"), the first state the sentence names
before it, the dateline's, the first named after it, the one the story was last about. A crowd
belongs only to where it is ("protesters in Damascus", "in Yerevan, protesters ...") or to the
dateline; an indefinite office ("a fact-finding mission") belongs to no one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from riftwatch.actors.lexicon import ActorLexicon
from riftwatch.actors.match import Span
from riftwatch.actors.select import pick
from riftwatch.types import Sentence, Token
from riftwatch.wordlists import words

# Offices a dateline's or a sentence's state can own; spies, police and the like are too often
# someone else's.
OWNED_SECTORS = frozenset({"GOV", "DIP", "LEG", "MIL", "JUD"})
# "The armed forces", "the authorities": plural offices that still belong to one state.
_INSTITUTIONAL_PLURALS = frozenset({"force", "authority"})
CROWD_NOUNS = words("crowd-nouns")
# Diplomatic missions belong to the state that sends them, not to the one they stand in.
_MISSION_NOUNS = frozenset({"embassy", "consulate", "legation", "mission", "commission"})


@dataclass(frozen=True, slots=True)
class Nearby:
    """States an office with no country may belong to, read off its sentence and story."""

    earlier: str | None  # the first named before it
    located: str | None  # the one it is "in" ("the government in Bamako")
    named: str | None  # the first named anywhere in the sentence
    scene: str | None  # where its verb happens ("in Yerevan, protesters stormed ...")
    dateline: str | None  # the dateline's state
    topic: str | None  # the state the story was last about
    last: str | None = None  # the latest named before it ("Saudi Arabia, which ... its embassy")


def owner(
    sentence: Sentence, start: int, head: Token, sector: str, nearby: Nearby
) -> tuple[str, str] | None:
    """(state code, rule) for the office or crowd whose phrase starts at token `start` and
    ends in `head`, or None when it is no one's in particular."""
    if _indefinite(sentence, head) or head.dep == "compound":  # "the parliament building"
        return None
    if head.lemma in CROWD_NOUNS:
        found = _crowd_state(nearby)
    elif head.lemma in _MISSION_NOUNS:
        found = _mission_state(sentence, head, nearby)
    elif _owned(sentence.tokens, start, sector) and _one_office(
        sentence.tokens, start, head, sector
    ):
        found = _office_state(nearby)
    else:
        return None
    return found if found[0] else None


def located_in(
    tokens: Sequence[Token],
    span: Span,
    following: Span | None,
    date: dt.date | None,
    lexicon: ActorLexicon,
) -> str | None:
    """The state of "the government in Bamako", "protesters in Damascus"."""
    if following is None or not following.modifiers:
        return None
    between = [t.lower for t in tokens[span.end : following.start]]
    if not between or between[0] not in ("in", "from") or len(between) > 2:
        return None
    if len(between) == 2 and tokens[span.end + 1].dep != "det":
        return None
    code = pick(following.modifiers, date).code
    return None if lexicon.is_igo(code) else code


def scenes(
    sentence: Sentence, spans: list[Span], date: dt.date | None, lexicon: ActorLexicon
) -> dict[int, str]:
    """Verb (or crowd noun) -> the state of the place it happens in ("in Yerevan")."""
    found: dict[int, str] = {}
    tokens = sentence.tokens
    for span in spans:
        head = tokens[span.end - 1]
        if not span.modifiers or head.head == head.i:
            continue
        code = pick(span.modifiers, date).code
        if lexicon.is_igo(code):
            continue
        if head.dep == "appos":  # "in the capital Honiara"
            head = sentence.token(head.head)
            if head.head == head.i:
                continue
        above = sentence.token(head.head)
        if head.dep == "pobj" and above.lower in ("in", "at") and above.head != above.i:
            found.setdefault(above.head, code)
            place = sentence.token(above.head)  # "stormed its embassy in Tehran": there too
            if place.dep == "dobj" and place.head != place.i:
                found.setdefault(place.head, code)
        elif head.dep in ("nmod", "compound") and above.lemma in CROWD_NOUNS:
            found.setdefault(above.i, code)  # "in Yerevan angry protesters" parsed as a modifier
    return found


def scene_of(sentence: Sentence, span: Span, scene_map: dict[int, str]) -> str | None:
    head = sentence.tokens[span.end - 1]
    if head.i in scene_map:
        return scene_map[head.i]
    if head.dep not in ("nsubj", "nsubjpass") or head.head == head.i:
        return None
    return scene_map.get(head.head)


def named_state(spans: list[Span], date: dt.date | None, lexicon: ActorLexicon) -> str | None:
    """The first state the sentence names, for offices named before it ("The court ...")."""
    for span in spans:
        entries = span.modifiers or span.of_kind("person")
        if entries:
            code = pick(entries, date).code
            if not lexicon.is_igo(code):
                return code
    return None


def _indefinite(sentence: Sentence, head: Token) -> bool:
    return any(c.dep == "det" and c.lower in ("a", "an") for c in sentence.children(head))


def _office_state(nearby: Nearby) -> tuple[str | None, str]:
    if nearby.located:
        return nearby.located, "rule:located-state"
    if nearby.earlier:
        return nearby.earlier, "rule:sentence-state"
    if nearby.dateline:
        return nearby.dateline, "rule:dateline-default"
    if nearby.named:
        return nearby.named, "rule:sentence-state"
    return nearby.topic, "rule:story-state"


def _mission_state(sentence: Sentence, head: Token, nearby: Nearby) -> tuple[str | None, str]:
    """An embassy is its sender's, wherever it stands ("its embassy in Tehran" is Saudi
    Arabia's): "its" names the state just before; otherwise an office's rules, without place."""
    if any(c.dep == "poss" and c.lower in ("its", "their") for c in sentence.children(head)):
        return nearby.last, "rule:possessive-state"
    return _office_state(replace(nearby, located=None))


def _crowd_state(nearby: Nearby) -> tuple[str | None, str]:
    if nearby.located:
        return nearby.located, "rule:located-state"
    if nearby.scene:
        return nearby.scene, "rule:scene-state"
    return nearby.dateline, "rule:dateline-default"


def _owned(tokens: Sequence[Token], start: int, sector: str) -> bool:
    """Offices a state owns; of the media only its own ("state media", "state television")."""
    if sector == "MED":
        return tokens[start].lower in ("state", "state-run", "official")
    return sector in OWNED_SECTORS


def _one_office(tokens: Sequence[Token], start: int, head: Token, sector: str) -> bool:
    """One office, not many: plurals only as "the armed forces" or "state media"."""
    if head.tag not in ("NNS", "NNPS") or sector == "MED":
        return True
    the = start > 0 and tokens[start - 1].lower == "the"
    return head.lemma in _INSTITUTIONAL_PLURALS and the  # not "the soldiers": someone's
