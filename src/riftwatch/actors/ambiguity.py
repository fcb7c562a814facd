"""Names with another reading: Georgia the US state, Jordan the player, Croatia the team.

Each reading in lexicons/ambiguity/v1.jsonl gives the prior odds that the name means the state
and the words around it (in its sentence or its document) that speak for the other reading or
for the state. The mention's certainty is the logistic of the prior log-odds moved by one step
per distinct cue; below one half the mention is not an actor, and says which reading won and why.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from riftwatch.errors import LexiconError
from riftwatch.lexicons import lexicon_file, read_lexicon
from riftwatch.types import ActorKind, ActorMention, ParsedDoc

ANY = "*"
STEP = 1.5  # log-odds one distinct cue moves the reading


@dataclass(frozen=True, slots=True)
class Reading:
    """Another meaning of some state names, with the cues for and against it."""

    id: str
    phrases: frozenset[str]
    codes: frozenset[str]
    other: str
    document_wide: bool
    prior: float
    against: re.Pattern[str] | None
    support: re.Pattern[str] | None

    def applies(self, mention: ActorMention) -> bool:
        if ANY in self.phrases:
            by_name = mention.kind is ActorKind.STATE and not mention.sector
            return by_name and not mention.seat and not mention.members
        key = mention.text.lower().removeprefix("the ")
        return key in self.phrases and (ANY in self.codes or mention.code in self.codes)


def weigh_readings(parsed: ParsedDoc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """`mentions` with certainty and, where another reading is likelier, why."""
    readings = load_readings()
    out: list[ActorMention] = []
    for mention in mentions:
        for reading in readings:
            if reading.applies(mention):
                mention = _weigh(parsed, mention, reading)
                break
        out.append(mention)
    return out


def _weigh(parsed: ParsedDoc, mention: ActorMention, reading: Reading) -> ActorMention:
    text = parsed.document.text
    if not reading.document_wide:
        sentence = parsed.sentences[mention.sentence]
        text = text[sentence.start : sentence.end]
    lowered = text.lower()
    against = _cues(reading.against, lowered)
    if not against and ANY in reading.phrases:
        return mention  # any state may be a team, but only where sport is talked about
    support = _cues(reading.support, lowered)
    logit = math.log(reading.prior / (1 - reading.prior)) + STEP * (len(support) - len(against))
    certainty = round(1 / (1 + math.exp(-logit)), 2)
    doubt = f"{reading.other} ({', '.join(sorted(against))})" if against else ""
    return replace(mention, certainty=certainty, doubt=doubt)


def _cues(pattern: re.Pattern[str] | None, text: str) -> set[str]:
    return set(pattern.findall(text)) if pattern is not None else set()


def _pattern(words: object, origin: str) -> re.Pattern[str] | None:
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError(f"{origin}: cues must be a list of strings")
    if not words:
        return None
    alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=1)
def load_readings() -> tuple[Reading, ...]:
    """The packaged readings, in file order (the first that applies to a mention is used)."""
    readings = []
    for number, raw in read_lexicon("ambiguity"):
        origin = f"{lexicon_file('ambiguity')}:{number}"
        try:
            prior = float(raw["prior"])
            if not 0 < prior < 1:
                raise ValueError("prior must lie strictly between 0 and 1")
            readings.append(
                Reading(
                    id=str(raw["id"]),
                    phrases=frozenset(p.lower() for p in raw["phrases"]),
                    codes=frozenset(raw["codes"]),
                    other=str(raw["other"]),
                    document_wide=raw["scope"] == "document",
                    prior=prior,
                    against=_pattern(raw.get("against", []), origin),
                    support=_pattern(raw.get("support", []), origin),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise LexiconError(f"{origin}: {exc}") from exc
    return tuple(readings)
