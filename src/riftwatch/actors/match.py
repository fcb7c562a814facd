"""Longest-match of lexicon phrases over one sentence's tokens, with surface checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from riftwatch.actors.lexicon import ActorEntry, ActorLexicon
from riftwatch.actors.select import CURATED
from riftwatch.types import Sentence, Token

# Entity types whose other words make a place name part of something else
# ("University College London", "the Washington Post").
_FOREIGN_ENTS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "PERSON"})
STATE_SECTORS = frozenset({"GOV", "MIL", "DIP", "LEG", "JUD", "COP", "SPY"})


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens [start, end) of a sentence (local indices) and the entries they may mean."""

    start: int
    end: int
    entries: tuple[ActorEntry, ...]

    def of_kind(self, *kinds: str) -> tuple[ActorEntry, ...]:
        """Entries of the given kinds."""
        return tuple(e for e in self.entries if e.kind in kinds)

    @property
    def named(self) -> tuple[ActorEntry, ...]:
        return tuple(e for e in self.entries if e.is_named and e.requires is None)

    @property
    def modifiers(self) -> tuple[ActorEntry, ...]:
        return tuple(e for e in self.entries if e.is_named and e.kind != "person")


def surface_ok(entry: ActorEntry, tokens: Sequence[Token], after: Token | None = None) -> bool:
    """Names need a capital letter ("us" is not the US); `cased` entries the exact form;
    a name that is also a common word ("May", "Moon") only as the subject of a clause."""
    if entry.requires == "subject" and not _subject(tokens, after):
        return False
    if entry.cased is not None:
        return " ".join(t.text for t in tokens) == entry.cased
    if entry.is_named:
        return any(c.isupper() for t in tokens for c in t.text)
    return True


def _subject(tokens: Sequence[Token], after: Token | None) -> bool:
    last = tokens[-1]
    if last.dep in ("nsubj", "nsubjpass"):
        return True
    # The parser reads "May said" as the modal; a modal never comes before a past tense.
    return last.pos == "AUX" and after is not None and after.tag == "VBD"


def match_sentence(
    sentence: Sentence,
    lexicon: ActorLexicon,
    skip_before: int,
    aliases: Mapping[str, ActorEntry],
) -> list[Span]:
    """Non-overlapping spans, left to right, each the longest acceptable phrase."""
    tokens = sentence.tokens
    lowers = [t.lower for t in tokens]
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        span = None if tokens[i].start < skip_before else _longest(tokens, lowers, i, lexicon)
        span = span or (_alias(tokens, i, aliases, skip_before) if lowers[i] in aliases else None)
        if span is None:
            i += 1
            continue
        spans.append(span)
        i = span.end
    return spans


def _longest(
    tokens: Sequence[Token], lowers: list[str], i: int, lexicon: ActorLexicon
) -> Span | None:
    for n, entries in lexicon.candidates(lowers, i):
        window = tokens[i : i + n]
        after = tokens[i + n] if i + n < len(tokens) else None
        kept = tuple(e for e in entries if surface_ok(e, window, after))
        if kept and _inside_other_name(tokens, lowers, i, i + n, lexicon):
            kept = tuple(e for e in kept if not e.is_named or e.kind == "person")
        if kept and lowers[i] == "the" and _overlapped(lowers, i, n, lexicon):
            return None
        if kept:
            return Span(i, i + n, _prefer_curated(kept))
    return None


def _overlapped(lowers: list[str], i: int, n: int, lexicon: ActorLexicon) -> bool:
    """ "the West African bloc": a longer phrase starting after the article wins over "the
    West", so the article is skipped and matching resumes at the next word."""
    if i + 1 >= len(lowers):
        return False
    return any(m > n - 1 for m, _ in lexicon.candidates(lowers, i + 1))


def _prefer_curated(entries: tuple[ActorEntry, ...]) -> tuple[ActorEntry, ...]:
    """Curated names replace upstream ones for the same phrase (upstream stops ~2015)."""
    if not any((e.is_named or e.kind == "place") and e.source == CURATED for e in entries):
        return entries
    return tuple(e for e in entries if not e.is_named or e.source == CURATED)


def _alias(
    tokens: Sequence[Token], i: int, aliases: Mapping[str, ActorEntry], skip_before: int
) -> Span | None:
    tok = tokens[i]
    entry = aliases.get(tok.lower)
    # A surname only counts written as a name, and never as a date ("in May").
    if entry is None or tok.start < skip_before or not tok.text[:1].isupper():
        return None
    return None if tok.ent_type == "DATE" else Span(i, i + 1, (entry,))


def _inside_other_name(
    tokens: Sequence[Token], lowers: list[str], start: int, end: int, lexicon: ActorLexicon
) -> bool:
    """True when the match sits inside a larger named entity made of other words."""
    if tokens[start].ent_type not in _FOREIGN_ENTS:
        return False
    left = start - 1
    # "The European Union": spaCy puts the article inside the entity; it is not another word.
    if left >= 0 and lowers[left] == "the":
        left -= 1
    if tokens[start].ent_iob == "I" and left >= 0 and _capitalized(tokens[left]):
        if not any(e.is_named for e in lexicon.lookup(lowers[left])):
            return True
    right = end
    while right < len(tokens) and tokens[right].ent_iob == "I":
        if tokens[right].text == ",":  # "Mali, Burkina Faso": a list, not one name
            return False
        agent = _state_agent_length(lowers, right, lexicon)
        if agent:
            right += agent
            continue
        if _capitalized(tokens[right]):
            return True
        right += 1
    return False


def _capitalized(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.isalpha()


def _state_agent_length(lowers: list[str], i: int, lexicon: ActorLexicon) -> int:
    for n, entries in lexicon.candidates(lowers, i):
        if any(e.kind == "agent" and e.sector in STATE_SECTORS for e in entries):
            return n
    return 0
