"""Verb and event-noun lexicon: which CAMEO action a trigger token expresses in its sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from riftwatch.coding.authorship import VERDICT_VERBS
from riftwatch.coding.phrases import child_of, object_gap, shared_passive_subject
from riftwatch.errors import LexiconError
from riftwatch.lexicons import lexicon_file, read_lexicon
from riftwatch.types import Sentence, Token
from riftwatch.wordlists import words

LEXICON = lexicon_file("verbs")
RULE_PREFIX = "verbs.v1:"
_POS = {"VERB": ("VERB",), "NOUN": ("NOUN",)}
# Dependents whose subtrees hold what an action is about ("expelled [seven diplomats]").
_VERB_COMPLEMENTS = frozenset(
    {"dobj", "attr", "dative", "oprd", "acomp", "nsubjpass", "xcomp", "prt", "obj"}
)
_NOUN_COMPLEMENTS = frozenset({"compound", "amod", "nmod", "acl"})
_PREPS = frozenset({"prep", "agent"})
_LIGHT_VERBS = words("light-verbs")  # whose object noun carries the act ("made an appeal")
_TIME_ENTS = frozenset({"DATE", "TIME"})
_CLAUSAL_DEPS = frozenset({"relcl", "advcl", "acl", "parataxis"})
_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "dative", "obj")
_DIRECTIONS = frozenset({"home", "out", "away", "back"})
_DIRECTION_DEPS = frozenset({"advmod", "npadvmod", "prep", "dobj"})  # "sent one envoy each home"


@dataclass(frozen=True, slots=True)
class ActionMatch:
    """A lexicon entry that fired on a trigger token."""

    cameo: str
    rule: str  # "verbs.v1:<id>"
    trigger: Token
    symmetric: bool
    object_token: Token | None  # the token that met the object constraint, else the direct object
    reporting: bool = False  # a speech verb: code 010 only if nothing better fires in its clause
    constrained: bool = False  # the entry names object words, a preposition or a particle


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One lexicon line: a lemma, its constraints and the CAMEO code it yields (None = skip)."""

    id: str
    lemma: str
    pos: str
    code: str | None
    object: tuple[str, ...]
    prep: str | None
    symmetric: bool
    reporting: bool
    priority: int
    curated: bool = False
    subject: tuple[str, ...] = ()  # any of these head lemmas must be the subject ("troops")

    @property
    def head(self) -> str:
        return self.lemma.split(" ", 1)[0]

    @property
    def particles(self) -> tuple[str, ...]:
        return tuple(self.lemma.split()[1:])

    @property
    def specificity(self) -> tuple[int, int, bool]:
        """Sort key: priority (curated >= 10), then more constraints, then curated on ties."""
        extra = len(self.object) + len(self.particles) + (self.prep is not None)
        return (self.priority, extra + bool(self.subject), self.curated)


@dataclass(frozen=True, slots=True)
class _Context:
    """What a trigger's dependents offer to the constraints of an entry."""

    words: Mapping[str, Token]  # lemma or lowercase form -> nearest token carrying it
    preps: frozenset[str]
    direct: frozenset[str]  # phrasal particles ("kick out", "meet with")
    object_token: Token | None
    subject: str | None  # the lemma heading the subject ("troops crossed into")


@dataclass(frozen=True, slots=True)
class VerbLexicon:
    """All entries, indexed by (head lemma, pos), most specific first."""

    index: Mapping[tuple[str, str], tuple[VerbEntry, ...]]

    def __len__(self) -> int:
        return sum(len(v) for v in self.index.values())

    def entries(self, lemma: str, pos: str) -> tuple[VerbEntry, ...]:
        return self.index.get((lemma, pos), ())

    def triggers(self, sentence: Sentence) -> list[Token]:
        """Verbs and nouns whose lemma has entries (auxiliaries excluded), in text order."""
        return [t for t in sentence.tokens if self._candidate(sentence, t)]

    def _candidate(self, sentence: Sentence, tok: Token) -> bool:
        pos = _pos_class(sentence, tok)
        return pos is not None and (tok.lemma, pos) in self.index

    def matches(self, sentence: Sentence) -> list[ActionMatch]:
        """Matches for every trigger, minus event nouns already coded through their verb."""
        found = [m for t in self.triggers(sentence) if (m := self.match(sentence, t))]
        covered = {i for m in found if not m.reporting for i in _covered(sentence, m)}
        return [m for m in found if m.trigger.pos != "NOUN" or m.trigger.i not in covered]

    def match(self, sentence: Sentence, trigger: Token) -> ActionMatch | None:
        """The most specific entry whose constraints hold for `trigger`, if it codes at all."""
        pos = _pos_class(sentence, trigger)
        entries = self.entries(trigger.lemma, pos) if pos else ()
        if not entries:
            return None
        context = _context(sentence, trigger)
        for entry in entries:
            if _holds(entry, context):
                return _to_match(entry, trigger, context) if entry.code else None
        return None


def _covered(sentence: Sentence, match: ActionMatch) -> set[int]:
    """Tokens a verb match has consumed: its object token, that token's head, and its direct
    objects when the entry asked for them ("imposed sanctions"); "condemned Iraq's invasion"
    leaves the invasion to be coded (or dropped as a reference) on its own, and a verdict
    ("the operation constituted ethnic cleansing") states its object happened."""
    if not match.constrained or match.trigger.lemma in VERDICT_VERBS:
        return set()
    out = {c.i for c in sentence.children(match.trigger) if c.dep in _OBJECT_DEPS}
    if match.object_token is not None:
        out |= {match.object_token.i, match.object_token.head}
    out.discard(match.trigger.i)
    return out


def _pos_class(sentence: Sentence, tok: Token) -> str | None:
    """VERB or NOUN; a copula heading its clause ("Russia was culpable") counts as a verb."""
    # Participles used as adjectives ("a proposed arms sale") describe, they do not act; a
    # past tense with a subject of its own does, whatever the parser hung it on ("Mexico
    # extradited drug lord Joaquin ..." read as a kind of drug lord).
    if tok.dep in ("aux", "auxpass") or (
        tok.pos == "VERB" and tok.dep == "amod" and not _finite(sentence, tok)
    ):
        return None
    if tok.pos == "NOUN" and tok.dep == "compound":  # "aid workers" are not aid
        return None
    if tok.pos == "AUX":
        return "VERB"
    return tok.pos if tok.pos in _POS else None


def _finite(sentence: Sentence, tok: Token) -> bool:
    return tok.tag == "VBD" and child_of(sentence, tok, ("nsubj",)) is not None


def _holds(entry: VerbEntry, ctx: _Context) -> bool:
    if entry.prep is not None and entry.prep not in ctx.preps:
        return False
    if entry.subject and ctx.subject not in entry.subject:
        return False
    particles = entry.particles
    if particles and particles[0] not in ctx.direct:
        return False
    return all(w in ctx.words for w in particles[1:]) and all(w in ctx.words for w in entry.object)


def _to_match(entry: VerbEntry, trigger: Token, ctx: _Context) -> ActionMatch:
    found = [ctx.words[w] for w in entry.object if w in ctx.words]
    # The object word nearest the trigger in the tree names what the action is about.
    obj = found[0] if found else ctx.object_token
    return ActionMatch(
        cameo=entry.code or "",
        rule=RULE_PREFIX + entry.id,
        trigger=trigger,
        symmetric=entry.symmetric,
        object_token=obj,
        reporting=entry.reporting,
        constrained=entry.specificity[1] > 0,
    )


def _context(sentence: Sentence, trigger: Token) -> _Context:
    kids = _children_map(sentence)
    direct = kids.get(trigger.i, [])
    allowed = _VERB_COMPLEMENTS
    if _pos_class(sentence, trigger) == "NOUN":
        allowed = _NOUN_COMPLEMENTS | _VERB_COMPLEMENTS
    roots: list[Token] = []
    preps: set[str] = set()
    shared = shared_passive_subject(sentence, trigger)
    if shared is not None:
        roots.append(shared)  # "were fired on and seized": the vessels were seized
    passive = shared is not None or any(c.dep == "nsubjpass" for c in direct)
    for child in direct:
        if passive and child.dep == "prt" and child.i == trigger.i + 1:
            preps.add(child.lemma)  # "were fired on": the preposition the passive left behind
        if child.dep in _PREPS:
            objects = kids.get(child.i, [])
            if objects and all(o.ent_type in _TIME_ENTS for o in objects):
                continue  # "a video call on Tuesday" is no "call on"
            preps.add(child.lemma)
            if not (shared is not None and child.dep == "agent"):
                roots.extend(objects)  # "seized by Russian border guards": no border seized
        elif child.dep in allowed:
            roots.append(child)
            if child.dep == "dobj":  # "took measures against", "imposed sanctions on"
                preps.update(k.lemma for k in kids.get(child.i, []) if k.dep == "prep")
        elif child.dep == "advcl" and any(
            k.dep == "mark" and k.lower == "for" for k in kids.get(child.i, [])
        ):
            preps.add("for")  # "called for NATO to deploy more troops" is a call for
            roots.extend(k for k in kids.get(child.i, []) if k.dep == "nsubj")
        elif child.dep == "ccomp":
            roots.append(child)  # "ordered them to leave" parses either way; keep the verb only
            roots.extend(k for k in kids.get(child.i, []) if k.dep in ("dobj", "prt"))
        elif child.dep == "npadvmod":  # "gave the ambassador 72 hours to leave"
            clauses = [k for k in kids.get(child.i, []) if k.dep in ("relcl", "acl")]
            roots.extend([child, *clauses] if clauses else [])
    if object_gap(sentence, trigger):  # "an agreement announced by Obama": the agreement
        roots.append(sentence.token(trigger.head))
    noun = _pos_class(sentence, trigger) == "NOUN"
    if noun and trigger.dep == "dobj" and trigger.head != trigger.i:
        verb = sentence.token(trigger.head)  # "made an appeal to Congress for more help"
        if verb.lemma in _LIGHT_VERBS:
            for child in kids.get(verb.i, []):
                objects = kids.get(child.i, [])
                if child.dep in _PREPS and not any(o.ent_type in _TIME_ENTS for o in objects):
                    preps.add(child.lemma)  # but not "held a call on Monday"
                    roots.extend(objects)
    words: dict[str, Token] = {}
    for tok in _walk(roots, kids, skip_ccomp_subtrees=direct):
        words.setdefault(tok.lemma, tok)
        words.setdefault(tok.lower, tok)
    return _Context(
        words=words,
        preps=frozenset(preps),
        direct=frozenset(c.lower for c in direct if _is_particle(c, trigger)),
        object_token=next((c for d in _OBJECT_DEPS for c in direct if c.dep == d), None),
        subject=_subject_lemma(sentence, trigger),
    )


def _subject_lemma(sentence: Sentence, trigger: Token) -> str | None:
    """ "Senegalese troops crossed into Gambia": troop; a joined verb shares its head's."""
    subject = child_of(sentence, trigger, ("nsubj",))
    if subject is None and trigger.dep in {"conj", "xcomp"} and trigger.head != trigger.i:
        subject = child_of(sentence, sentence.token(trigger.head), ("nsubj",))
    return subject.lemma if subject is not None else None


def _is_particle(child: Token, trigger: Token) -> bool:
    """A phrasal particle: `prt` anywhere, a preposition right after the verb ("meet with"), or
    a direction after the object ("sent four diplomats home", "ordered one envoy out")."""
    if child.dep == "prt" or (child.dep in ("prep", "advmod") and child.i == trigger.i + 1):
        return True
    return child.dep in _DIRECTION_DEPS and child.lower in _DIRECTIONS


def _walk(
    roots: list[Token], kids: Mapping[int, list[Token]], skip_ccomp_subtrees: list[Token]
) -> Iterable[Token]:
    """Breadth-first over the phrases of `roots` (nearest tokens first).

    Clauses hanging below an object and prepositional phrases nested inside another phrase are
    left out: in "launched strikes in response to a suspected chemical attack" the word
    "chemical" says why, not what was launched.
    """
    shallow = {c.i for c in skip_ccomp_subtrees if c.dep == "ccomp"}
    top = {r.i for r in roots if r.dep != "pobj"}  # a prepositional object is already a phrase
    queue = list(roots)
    seen: set[int] = set()
    while queue:
        tok = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        yield tok
        if tok.i not in shallow:
            queue.extend(k for k in kids.get(tok.i, []) if _inside_phrase(k, tok.i in top))


def _inside_phrase(child: Token, under_root: bool) -> bool:
    if child.dep in _CLAUSAL_DEPS:
        return False
    return under_root or child.dep not in _PREPS


def _children_map(sentence: Sentence) -> dict[int, list[Token]]:
    kids: dict[int, list[Token]] = defaultdict(list)
    for tok in sentence.tokens:
        if tok.head != tok.i:
            kids[tok.head].append(tok)
    return kids


def load_verb_lexicon(*, upstream_codes: bool = False) -> VerbLexicon:
    """Load and validate the packaged verb lexicon once per process.

    PETRARCH2's own patterns serve as do-not-code guards only, unless `upstream_codes`: coding
    with them was right for 8 of 48 events on the development sets, against 91 of 134 for the
    curated entries (tests/data/README.md has the measurement).
    """
    return _load(upstream_codes)


@lru_cache(maxsize=2)
def _load(upstream_codes: bool) -> VerbLexicon:
    entries = (_parse_entry(raw, n) for n, raw in read_lexicon("verbs"))
    return build_lexicon(e for e in entries if upstream_codes or _is_curated_or_guard(e))


def _is_curated_or_guard(entry: VerbEntry) -> bool:
    return entry.code is None or not entry.id.startswith("p2-")


def build_lexicon(entries: Iterable[VerbEntry]) -> VerbLexicon:
    """Index entries by (head lemma, pos), most specific first."""
    index: dict[tuple[str, str], list[VerbEntry]] = defaultdict(list)
    for entry in entries:
        index[(entry.head, entry.pos)].append(entry)
    return VerbLexicon(
        {
            key: tuple(sorted(group, key=lambda e: e.specificity, reverse=True))
            for key, group in index.items()
        }
    )


def _parse_entry(raw: dict[str, Any], number: int) -> VerbEntry:
    where = f"{LEXICON}:{number}"
    try:
        entry = VerbEntry(
            id=_str(raw["id"]),
            lemma=_str(raw["lemma"]),
            pos=raw["pos"] if raw["pos"] in _POS else _fail("pos"),
            code=_code(raw["code"]),
            object=tuple(_str(w) for w in raw["object"] or ()),
            prep=None if raw["prep"] is None else _str(raw["prep"]),
            symmetric=raw["symmetric"] is True,
            reporting=raw["reporting"] is True,
            priority=int(raw["priority"]),
            curated=raw["source"] == "riftwatch",
            subject=tuple(_str(w) for w in raw.get("subject") or ()),
        )
        _str(raw["source"])
    except (KeyError, TypeError, ValueError) as exc:
        raise LexiconError(f"{where}: invalid entry ({exc})") from None
    return entry


def _str(value: object) -> str:
    if not isinstance(value, str) or not value or value != value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value


def _code(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value.isdigit() and 2 <= len(value) <= 4:
        return value
    raise ValueError(f"bad CAMEO code {value!r}")


def _fail(name: str) -> str:
    raise ValueError(f"bad {name}")
