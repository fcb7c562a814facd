"""A cheap pass before the parser: which sentences of a text can hold a codable event (#8).

Only the tokenizer and a rule-based sentence split run (no tagger, parser or entity recogniser).
A sentence is a candidate when it has both

- an action candidate: a word that may lemmatise (nlp/lemmas.py) to the head of a coding,
  non-reporting verb-lexicon entry whose constraint words (object, particle, preposition) the
  sentence also holds, or an echo verb with its object ("followed suit"); and
- an actor candidate: an actor-lexicon phrase (without the surface checks), a surname an
  earlier name introduced, a pronoun that may stand for the previous subject, or a collective
  noun ("the two leaders").

The coder reads earlier sentences too, so a candidate brings the sentences its actors may need:
the latest that named the organisation an anaphor stands for ("the alliance"), the latest that
named a state (the topic an office with no country belongs to), and the one that introduced a
surname. Each run of kept sentences is parsed as one piece with a few context tokens on either
side that are parsed but dropped: the networks see every kept token with the same neighbours as
in a full parse, so they give it the same tags, arcs and entities.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from riftwatch.actors.anaphora import STATE_ANAPHOR
from riftwatch.actors.lexicon import ActorEntry, ActorLexicon, load_actor_lexicon
from riftwatch.coding.verbs import VerbLexicon, load_verb_lexicon
from riftwatch.nlp.lemmas import LemmaTables, lemma_tables
from riftwatch.nlp.model import load_model
from riftwatch.wordlists import pairs, words

if TYPE_CHECKING:
    from spacy.language import Language

_CACHE_LIMIT = 200_000  # distinct word forms remembered before the cache starts again
_STATE_KINDS = frozenset({"state", "person"})


@dataclass(frozen=True, slots=True)
class Piece:
    """Text [start, end) to parse; only sentences starting in [keep_start, keep_end) are kept,
    the rest is context."""

    start: int
    end: int
    keep_start: int
    keep_end: int


@dataclass(frozen=True, slots=True)
class Selection:
    """What to parse of one text, and the sentences left unparsed."""

    pieces: tuple[Piece, ...]
    skipped: tuple[tuple[int, int], ...]  # (start, end) of each sentence not parsed
    sentences: int  # sentences in the whole text (rule-based split, blank lines left out)

    @property
    def kept(self) -> int:
        return self.sentences - len(self.skipped)


@dataclass(frozen=True, slots=True)
class _Word:
    heads: tuple[str, ...]  # action heads this form may be a form of
    forms: frozenset[str]  # the form and its possible lemmas that some constraint names
    echo: tuple[str, ...]  # echo verbs it may be a form of
    people: bool  # a pronoun or collective noun that may stand for actors named before


_PLAIN = _Word((), frozenset(), (), False)


@dataclass(frozen=True, slots=True)
class _Tokens:
    """A tokenized text as plain lists (cheaper to read than spaCy Token objects)."""

    text: str
    orth: list[str]
    lower: list[str]
    idx: list[int]
    punct: list[bool]
    space: list[bool]
    opening: list[bool]  # an opening quote or bracket after a blank: it starts what follows

    def end(self, i: int) -> int:
        return self.idx[i] + len(self.orth[i])


@dataclass(slots=True)
class _Story:
    """What the sentences read so far have named, by sentence number."""

    by_code: dict[str, int] = field(default_factory=dict)
    state: int | None = None  # the latest sentence that named a state or a person
    aliases: dict[str, int] = field(default_factory=dict)  # surname -> sentence naming it


class Prefilter:
    """Finds the sentences of a text worth a dependency parse."""

    def __init__(
        self,
        nlp: Language,
        *,
        verbs: VerbLexicon,
        actors: ActorLexicon,
        context: tuple[int, int],
    ) -> None:
        from spacy.pipeline import Sentencizer

        self._tokenizer = nlp.tokenizer
        self._stops = frozenset(Sentencizer.default_punct_chars)
        self._lemmas: LemmaTables = lemma_tables(nlp)
        self._actions = _action_requirements(verbs)
        self._echo = pairs("echo-verbs")
        self._people = words("pronouns") | words("collective-nouns")
        self._words = {w for reqs in self._actions.values() for r in reqs for w in r}
        self._words |= {w for objects in self._echo.values() for w in objects}
        self._actors = actors
        self._left, self._right = context
        self._cache: dict[str, _Word] = {}

    def select(self, text: str) -> Selection:
        """The pieces of `text` to parse: candidate sentences with the ones they depend on."""
        tokens = self._tokenize(text)
        sentences = self._sentences(tokens)
        keep = [False] * len(sentences)
        story = _Story()
        for n, (a, b) in enumerate(sentences):
            action, actor, needs = self._scan(tokens, a, b, n, story)
            if action and actor:
                for k in (n, *needs):
                    keep[k] = True
        self._bridge(sentences, keep)
        pieces = tuple(self._pieces(tokens, sentences, keep))
        skipped = tuple(
            (tokens.idx[a], tokens.end(b - 1))
            for (a, b), kept in zip(sentences, keep, strict=True)
            if not kept
        )
        return Selection(pieces=pieces, skipped=skipped, sentences=len(sentences))

    def _tokenize(self, text: str) -> _Tokens:
        from spacy.attrs import (  # type: ignore[import-not-found]
            IDX,
            IS_LEFT_PUNCT,
            IS_PUNCT,
            IS_QUOTE,
            IS_SPACE,
            LOWER,
            ORTH,
        )

        doc = self._tokenizer(text)
        rows = doc.to_array([ORTH, LOWER, IDX, IS_PUNCT, IS_SPACE, IS_LEFT_PUNCT, IS_QUOTE])
        rows = rows.tolist()
        strings = doc.vocab.strings
        idx = [r[2] for r in rows]
        after_blank = [i == 0 or text[idx[i] - 1].isspace() for i in range(len(idx))]
        return _Tokens(
            text=text,
            orth=[strings[r[0]] for r in rows],
            lower=[strings[r[1]] for r in rows],
            idx=idx,
            punct=[bool(r[3]) for r in rows],
            space=[bool(r[4]) for r in rows],
            opening=[bool(r[5] or r[6]) and b for r, b in zip(rows, after_blank, strict=True)],
        )

    def _sentences(self, tokens: _Tokens) -> list[tuple[int, int]]:
        """Token ranges of the sentences, blank ones left out: spaCy's Sentencizer rule (a
        sentence starts at the first word after a full stop; blanks stay with the sentence before
        and an opening quote goes with the one after, as the parser has them) plus the
        line-break rule the parser is given."""
        n = len(tokens.orth)
        starts = {0} if n else set()
        seen_stop = False
        for i, orth in enumerate(tokens.orth):
            stop = orth in self._stops
            starts_next = tokens.opening[i] or not (tokens.punct[i] or stop)
            if seen_stop and starts_next and not tokens.space[i]:
                starts.add(i)
                seen_stop = False
            elif stop:
                seen_stop = True
            if i > 0 and "\n" in tokens.orth[i - 1]:
                starts.add(i)
        bounds = sorted(starts) + [n]
        return [
            (a, b) for a, b in zip(bounds, bounds[1:], strict=False) if not all(tokens.space[a:b])
        ]

    def _scan(
        self, tokens: _Tokens, a: int, b: int, n: int, story: _Story
    ) -> tuple[bool, bool, set[int]]:
        """(action candidate, actor candidate, sentences it needs) for tokens [a, b); notes in
        `story` what the sentence names for the ones after it."""
        found = [self._word(w) for w in tokens.lower[a:b]]
        needs: set[int] = set()
        actor = any(w.people for w in found)  # "It expelled", "the two leaders met"
        lowers = tokens.lower[a:b]
        for i, lower in enumerate(lowers):
            if lower in story.aliases and tokens.orth[a + i][:1].isupper():
                actor = True
                needs.add(story.aliases[lower])
        named: list[ActorEntry] = []
        for i in range(len(lowers)):
            for length, entries in self._actors.candidates(lowers, i):
                kinds = {e.kind for e in entries}
                actor = actor or bool(kinds - {"place"})
                needs.update(_antecedents(entries, kinds, story))
                named.extend(e for e in entries if e.is_named)
                _learn_aliases(tokens, a + i, a + i + length, b, kinds, story, n)
        _note_named(named, story, n)
        return self._has_action(found), actor, needs

    def _has_action(self, found: Sequence[_Word]) -> bool:
        heads = {h for w in found for h in w.heads}
        echoes = {e for w in found for e in w.echo}
        if not heads and not echoes:
            return False
        bag = frozenset().union(*(w.forms for w in found))
        if any(self._echo[e] & bag for e in echoes):
            return True
        return any(req <= bag for head in heads for req in self._actions[head])

    def _word(self, lower: str) -> _Word:
        word = self._cache.get(lower)
        if word is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            word = self._cache[lower] = self._classify(lower)
        return word

    def _classify(self, lower: str) -> _Word:
        forms = self._lemmas.forms(lower)
        heads = tuple(f for f in forms if f in self._actions)
        echo = tuple(f for f in forms if f in self._echo)
        kept = frozenset(f for f in forms if f in self._words)
        people = bool(forms & self._people)
        if not heads and not echo and not kept and not people:
            return _PLAIN
        return _Word(heads, kept, echo, people)

    def _bridge(self, sentences: Sequence[tuple[int, int]], keep: list[bool]) -> None:
        """Keep a gap between two kept runs when it is no longer than the context the two
        pieces would parse around it anyway."""
        last_kept: int | None = None
        for n, kept in enumerate(keep):
            if not kept:
                continue
            if last_kept is not None and n > last_kept + 1:
                gap = sentences[n][0] - sentences[last_kept][1]
                if gap <= self._left + self._right:
                    keep[last_kept + 1 : n] = [True] * (n - last_kept - 1)
            last_kept = n

    def _pieces(
        self, tokens: _Tokens, sentences: Sequence[tuple[int, int]], keep: Sequence[bool]
    ) -> Iterator[Piece]:
        """One piece per run of kept sentences, widened by the context tokens on each side (then
        to whole whitespace-separated words, so the piece tokenizes as the text does)."""
        for first, last in _runs(keep):
            a, b = sentences[first][0], sentences[last][1]
            wa, wb = max(0, a - self._left), min(len(tokens.orth), b + self._right)
            yield Piece(
                start=_word_start(tokens.text, tokens.idx[wa]),
                end=_word_end(tokens.text, tokens.end(wb - 1)),
                keep_start=tokens.idx[a],
                keep_end=tokens.end(b - 1),
            )


def _runs(keep: Sequence[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) indices of each run of True in `keep`."""
    first: int | None = None
    for n, kept in enumerate(keep):
        if kept and first is None:
            first = n
        elif not kept and first is not None:
            yield first, n - 1
            first = None
    if first is not None:
        yield first, len(keep) - 1


def _word_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    while i < len(text) and not text[i].isspace():
        i += 1
    return i


def _antecedents(entries: Sequence[ActorEntry], kinds: set[str], story: _Story) -> set[int]:
    """Sentences an anaphor ("the alliance") or an office with no country may resolve from."""
    needs = {
        story.by_code[e.code] for e in entries if e.kind == "anaphor" and e.code in story.by_code
    }
    state_anaphor = any(e.kind == "anaphor" and e.code == STATE_ANAPHOR for e in entries)
    if ("agent" in kinds or state_anaphor) and story.state is not None:
        needs.add(story.state)  # an office with no country, or "the country", names it
    return needs


def _learn_aliases(
    tokens: _Tokens, start: int, end: int, stop: int, kinds: set[str], story: _Story, n: int
) -> None:
    """Surnames the actor resolver will learn here: the first and last word of a named person,
    and the last of a capitalised name right after a title ("ambassador Laurie Bristow")."""
    if "person" in kinds and end - start > 1:
        for i in (start, end - 1):
            story.aliases.setdefault(tokens.lower[i], n)
    tail = end
    while tail < stop and tokens.orth[tail][:1].isupper():
        tail += 1
    if tail > end:
        story.aliases.setdefault(tokens.lower[tail - 1], n)


def _note_named(named: Sequence[ActorEntry], story: _Story, n: int) -> None:
    for entry in named:
        story.by_code[entry.code] = n
    if any(e.kind in _STATE_KINDS for e in named):
        story.state = n


def _action_requirements(verbs: VerbLexicon) -> dict[str, tuple[frozenset[str], ...]]:
    """Per head lemma, the word sets one of which a sentence needs for an entry to code."""
    found: dict[str, set[frozenset[str]]] = {}
    for entries in verbs.index.values():
        for entry in entries:
            if entry.code is None or entry.reporting:
                continue
            needed = (*entry.object, *entry.particles, *((entry.prep,) if entry.prep else ()))
            found.setdefault(entry.head, set()).add(frozenset(needed))
    # A head with an unconstrained entry needs nothing more: keep only the empty requirement.
    return {
        head: (frozenset(),) if frozenset() in reqs else tuple(reqs) for head, reqs in found.items()
    }


def receptive_field(nlp: Language) -> int:
    """How many tokens either side a token's vectors depend on: the deepest of the pipeline's
    CNN encoders (depth x window; 4 for en_core_web_sm)."""
    fields = [
        int(encode["depth"]) * int(encode["window_size"])
        for encode in _encoders(nlp.config["components"])
    ]
    return max(fields, default=0)


def _encoders(config: object) -> Iterator[dict[str, Any]]:
    if isinstance(config, dict):
        if "depth" in config and "window_size" in config:
            yield config
        for value in config.values():
            yield from _encoders(value)


@lru_cache(maxsize=1)
def load_prefilter() -> Prefilter:
    """The prefilter for the packaged model and lexicons, built once per process."""
    nlp = load_model()
    # Each kept token needs its receptive field around it to get the vectors a full parse gives
    # it. Before the piece, the parser's and recogniser's state features also read the tokens
    # just left of the word they are on, which need exact vectors too: twice the field there.
    # With less, 1 to 5 % of the events on the benchmark articles changed; with this, none on
    # 1,000 articles but one (a target found 3 sentences back, #8).
    field = receptive_field(nlp)
    context = (2 * field, field)
    return Prefilter(nlp, verbs=load_verb_lexicon(), actors=load_actor_lexicon(), context=context)
