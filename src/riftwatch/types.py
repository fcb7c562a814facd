"""Records that cross stage boundaries: Document -> ParsedDoc -> ActorMention -> CodedEvent.

Frozen, slotted dataclasses with no I/O, so every stage after `nlp` can be tested with
hand-built inputs and the records pickle cheaply to worker processes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Modality(StrEnum):
    """How the text presents an action."""

    ASSERTED = "asserted"  # it happened / is happening
    ANNOUNCED = "announced"  # a stated decision: "Britain will expel 23 diplomats"
    NEGATED = "negated"  # "has not expelled", "has no plans to expel"
    REFUSED = "refused"  # "declined to", "refused to", "stopped short of"
    HYPOTHETICAL = "hypothetical"  # "could expel ... if", "may", "would consider"

    @property
    def is_factual(self) -> bool:
        """Asserted and announced actions are facts; the rest are kept but flagged."""
        return self in (Modality.ASSERTED, Modality.ANNOUNCED)


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ActorKind(StrEnum):
    STATE = "state"
    IGO = "igo"
    BLOC = "bloc"
    PERSON = "person"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Document:
    """One news item as read from a file: text plus what we know about it."""

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    url: str | None = None
    origin: str = ""  # where it came from: "path/file.jsonl:3"


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token; `i` and `head` index ParsedDoc.tokens, `start` indexes Document.text."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    ent_type: str = ""
    ent_iob: str = ""
    like_num: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sentence:
    """A sentence with its tokens; `start`/`end` are character offsets into Document.text."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    def token(self, i: int) -> Token:
        """The token with document index `i` (which must lie in this sentence)."""
        return self.tokens[i - self.tokens[0].i]

    def children(self, tok: Token) -> list[Token]:
        return list(self._children.get(tok.i, ()))

    def subtree(self, tok: Token) -> list[Token]:
        """`tok` and all its descendants, in text order."""
        keep: set[int] = set()
        stack = [tok]
        while stack:
            node = stack.pop()
            if node.i not in keep:
                keep.add(node.i)
                stack.extend(self._children.get(node.i, ()))
        return [t for t in self.tokens if t.i in keep]

    # Not a slotted class: the children map is computed once per sentence and cached here.
    @cached_property
    def _children(self) -> dict[int, tuple[Token, ...]]:
        kids: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                kids.setdefault(t.head, []).append(t)
        return {head: tuple(found) for head, found in kids.items()}


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    document: Document
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Quantity:
    """The number an action is about: "more than 130 envoys" -> 130, "more_than", "envoy"."""

    value: float
    qualifier: str = "exact"  # exact | more_than | less_than | about | at_least | up_to
    unit: str = ""  # lemma of the counted noun
    text: str = ""

    @property
    def number(self) -> int | float:
        return int(self.value) if float(self.value).is_integer() else self.value


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to day, month or year; `fallback` when it is the story date."""

    year: int
    month: int | None = None
    day: int | None = None
    fallback: bool = False
    text: str = ""

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text naming an actor, resolved to a state-level code at the story's date."""

    doc_id: str
    sentence: int
    start: int
    end: int
    token_start: int  # ParsedDoc token indices, end exclusive
    token_end: int
    text: str
    code: str  # state-level code: "RUS", "NATO", "WST"
    name: str
    sector: str = ""  # GOV, MIL, DIP, ...
    kind: ActorKind = ActorKind.STATE
    rule: str = ""  # lexicon entry that matched: "actors.v1:state-RUS-demonym"
    members: tuple[str, ...] = ()  # codes of an enumerated group ("France, Germany and Poland")
    count: Quantity | None = None  # size of a counted group ("more than 20 Western states")
    place: bool = False  # names where ("talks in Moscow", "Russian oil"), not who acts
    seat: bool = False  # named by its capital or seat of power ("Moscow said", "the Kremlin")
    certainty: float = 1.0  # that the name means this actor, not another reading ("Georgia")
    doubt: str = ""  # the likelier other reading and its cues, when certainty < 0.5

    @property
    def is_actor(self) -> bool:
        """False when context makes another reading likelier (a US state, a sports team)."""
        return self.certainty >= 0.5


@dataclass(frozen=True, slots=True)
class CameoAction:
    """One CAMEO code with its weights and its PLOVER equivalent."""

    cameo: str
    label: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str
    plover_mode: str = ""

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    sentence: int
    start: int  # sentence offsets into Document.text
    end: int
    trigger_start: int
    trigger_end: int
    text: str  # the sentence
    rule: str  # lexicon entry or rule that produced the event


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """Who did what to whom, in one sentence of one document."""

    source: ActorMention
    target: ActorMention | None
    action: CameoAction
    trigger: str
    evidence: Evidence
    modality: Modality = Modality.ASSERTED
    count: Quantity | None = None
    date: PartialDate | None = None
    confidence: float = 0.5
    symmetric: bool = False
    notes: tuple[str, ...] = field(default=())
