"""Noun phrases and the actors they name: the base both sources and targets are read from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from riftwatch.coding.quantities import parse_number
from riftwatch.types import ActorMention, Sentence, Token
from riftwatch.wordlists import words

_CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "mark", "advmod"}
)
_MEMBER_PREPS = words("member-prepositions")
_OFFICE_HOLDERS = words("office-holder-nouns")
_MEMBER_NOUNS = frozenset({"member", "state", "country", "government", "nation", "ally"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "DIP"})
_VENUE_NOUNS = words("venue-nouns")
_PRONOUNS = words("pronouns")
_COLLECTIVE_NOUNS = words("collective-nouns")
_GROUP_NOUNS = words("group-nouns")
_BACKING = frozenset({"back", "backed", "sponsor", "sponsored", "support", "supported", "fund"})
_MUTUAL_OBJECTS = frozenset(
    {"tie", "relation", "ambassador", "envoy", "troop", "force", "warship", "soldier"}
)
_RELATIVE_WORDS = words("relative-pronouns")
_GROUP_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass(frozen=True, slots=True)
class Roles:
    sources: tuple[ActorMention, ...]
    targets: tuple[ActorMention, ...]
    source_rule: str
    target_rule: str
    reciprocal: bool = False  # "blamed each other": the sources act on one another


class MentionIndex:
    """Look up the actor mention covering a token."""

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        self._by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self._by_token[i] = m

    def at(self, tok: Token) -> ActorMention | None:
        return self._by_token.get(tok.i)


def distinct_parties(source: ActorMention, target: ActorMention) -> bool:
    """Two states, or a state and its own society ("Egyptian police arrested Egyptian
    protesters" is EGY -> EGY at state level); not a state and itself."""
    if source.code != target.code:
        return True
    return (source.sector in _STATE_SECTORS) != (target.sector in _STATE_SECTORS) and bool(
        source.sector and target.sector
    )


def subject_actors(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    subject = child_of(sentence, verb, ("nsubj",))
    if subject is not None:
        return actors_in(sentence, subject, index) or _by_agents(sentence, subject, index)
    # A name the tagger misread ("May told parliament": May as a modal) still precedes its verb.
    before = [t for t in sentence.tokens if t.i < verb.i]
    mention = index.at(before[-1]) if before else None
    return [mention] if mention is not None and before[-1].dep not in {"dobj", "pobj"} else []


def _by_agents(sentence: Sentence, noun: Token, index: MentionIndex) -> list[ActorMention]:
    """ "An inquiry by the UN and the OPCW concluded ...": the inquiry speaks for its authors."""
    for prep in sentence.children(noun):
        if prep.dep == "prep" and prep.lower == "by":
            pobj = child_of(sentence, prep, ("pobj",))
            if pobj is not None:
                return actors_in(sentence, pobj, index)
    return []


def actors_in(sentence: Sentence, head: Token, index: MentionIndex) -> list[ActorMention]:
    """Distinct actors named in the noun phrase headed by `head`, nearest to the head first."""
    found: list[ActorMention] = []
    frontier = [head]
    while frontier:
        nxt: list[Token] = []
        for tok in frontier:
            mention = index.at(tok)
            led = tok is not head and _modifier_of(sentence, tok, {"lead", "led"})
            if mention and all(m.code != mention.code for m in found):
                if not (led and index.at(head)):  # "the Russian-led CSTO" is the CSTO
                    found.append(mention)
            nxt.extend(_phrase_children(sentence, tok))
        frontier = nxt
    return found or _leader(sentence, head, index)


def _modifier_of(sentence: Sentence, tok: Token, lemmas: set[str] | frozenset[str]) -> bool:
    """ "UN-backed", "Russian-led": the name is hyphened to a participle of `lemmas`."""
    if tok.i + 2 > sentence.tokens[-1].i:
        return False
    dash, participle = sentence.token(tok.i + 1), sentence.token(tok.i + 2)
    return dash.text == "-" and participle.lemma in lemmas


def subjects_above(
    sentence: Sentence,
    tok: Token,
    index: MentionIndex,
    skip: set[str] | frozenset[str] = frozenset(),
) -> list[ActorMention]:
    """The actors heading the nearest verb above `tok` that names some (none in `skip`),
    passing over the noun a relative clause on the way modifies: in "Poland said the diplomats
    it ordered out ...", "it" is Poland, not the diplomats."""
    modified: set[int] = set()
    for _ in range(8):
        if tok.head == tok.i:
            return []
        if tok.dep == "relcl":
            modified.add(tok.head)
        tok = sentence.token(tok.head)
        subject = child_of(sentence, tok, ("nsubj",)) if tok.pos in {"VERB", "AUX"} else None
        if subject is None or subject.i in modified:
            continue
        found = [m for m in subject_actors(sentence, tok, index) if m.code not in skip]
        if found:
            return found
    return []


def _leader(sentence: Sentence, head: Token, index: MentionIndex) -> list[ActorMention]:
    """ "a team of international experts led by the World Health Organization": the leader
    acts for a group that names no actor of its own."""
    phrase = [head]
    for tok in phrase:  # the noun phrase, breadth first
        phrase.extend(_phrase_children(sentence, tok))
    for clause in (c for tok in phrase for c in sentence.children(tok)):
        if clause.dep == "acl" and clause.lemma in {"lead", "head"}:
            agent = next((c for c in sentence.children(clause) if c.dep == "agent"), None)
            pobj = child_of(sentence, agent, ("pobj",)) if agent is not None else None
            if pobj is not None:
                return actors_in(sentence, pobj, index)
    return []


def stray_subject(sentence: Sentence, verb: Token) -> Token | None:
    """ "expel 40 diplomats and France said it would expel 35": the parser hangs "France" on
    "diplomats", leaving "said" with no subject; the name right before the verb is its subject."""
    if verb.i == sentence.tokens[0].i or verb.tag not in {"VBD", "VBZ", "VBP"}:
        return None
    if verb.pos != "VERB" or verb.dep in {"aux", "auxpass", "amod"}:
        return None
    if any(c.dep in {"nsubj", "nsubjpass", "expl"} for c in sentence.children(verb)):
        return None
    before = sentence.token(verb.i - 1)
    if before.dep != "conj" or before.pos not in {"PROPN", "NOUN"}:
        return None
    return before if before.head < before.i else None


def backer_only(sentence: Sentence, tok: Token) -> bool:
    """ "UN-backed tribunal", "Turkish-backed forces": the name backs the noun, it is not it."""
    return _modifier_of(sentence, tok, _BACKING)


def _phrase_children(sentence: Sentence, tok: Token) -> list[Token]:
    kids = []
    for child in sentence.children(tok):
        if child.dep in _CLAUSE_DEPS or is_venue_modifier(child, tok):
            continue
        if backer_only(sentence, child):
            continue
        if child.dep == "conj" and _is_stray_subject(sentence, child):
            continue
        if child.dep == "poss" and tok.lemma in _MEMBER_NOUNS:
            continue  # "the EU's 28 members" are states, not the EU
        at_post = child.lower == "at" and _office_holder(tok)  # "judges at the ICC"
        if child.dep == "prep" and child.lower not in _MEMBER_PREPS and not at_post:
            continue
        kids.append(child)
    return kids


def _office_holder(tok: Token) -> bool:
    """ "officials"; "Judges" opening a sentence, which the tagger leaves unlemmatised."""
    name = tok.lemma.lower()
    return name in _OFFICE_HOLDERS or name.removesuffix("s") in _OFFICE_HOLDERS


def _is_stray_subject(sentence: Sentence, noun: Token) -> bool:
    nxt = noun.i + 1
    return nxt <= sentence.tokens[-1].i and stray_subject(sentence, sentence.token(nxt)) is noun


def is_venue_modifier(child: Token, head: Token) -> bool:
    """ "the G20 summit", "a Nato meeting": the organisation names the venue, not a party."""
    return child.dep in {"compound", "nmod"} and head.lemma in _VENUE_NOUNS


def child_of(sentence: Sentence, tok: Token, deps: Sequence[str]) -> Token | None:
    for child in sentence.children(tok):
        if child.dep in deps:
            return child
    return None


def owned_by_pronoun(sentence: Sentence, noun: Token) -> bool:
    """ "its judges", "their troops", "his country's agents", "20 of its soldiers": the owner
    is the actor named before."""
    for owner in sentence.children(noun):
        if owner.dep == "prep" and owner.lower == "of" and noun.like_num:
            part = child_of(sentence, owner, ("pobj",))
            if part is not None and owned_by_pronoun(sentence, part):
                return True
        if owner.dep != "poss":
            continue
        if owner.lower in _PRONOUNS:
            return True
        if owner.lemma in _MEMBER_NOUNS and owned_by_pronoun(sentence, owner):
            return True
    return False


def antecedent(
    sentence: Sentence, pronoun: Token, head: Token, index: MentionIndex
) -> list[ActorMention]:
    """The actor a relative pronoun stands for; when the parse hangs the clause on a date or a
    place ("the United Kingdom in 1976, which expelled"), the nearest actor before it."""
    found = actors_in(sentence, head, index)
    if found or not (head.like_num or head.ent_type in {"DATE", "TIME", "CARDINAL"}):
        return found
    for tok in reversed([t for t in sentence.tokens if pronoun.i - 6 <= t.i < pronoun.i]):
        mention = index.at(tok)
        if mention is not None:
            return [mention]
    return []


def collective_size(sentence: Sentence, noun: Token) -> int:
    """The number in "the four countries" (0 when none is given)."""
    for child in sentence.children(noun):
        if child.dep == "nummod":
            parsed = parse_number([child.text])
            if parsed is not None:
                return int(parsed[0])
    return 0


def is_collective(sentence: Sentence, noun: Token) -> bool:
    """ "the two leaders", "both governments", "the four countries": actors named earlier."""
    if noun.lemma not in _COLLECTIVE_NOUNS:
        return False
    kids = [c for c in sentence.children(noun) if c.dep in {"det", "nummod", "predet"}]
    words = {c.lower for c in kids}
    if noun.tag == "NN":  # "each side blamed the other"
        return bool(words & {"each", "either"})
    if noun.tag not in {"NNS", "NNPS"}:
        return False
    counted = "the" in words and any(c.dep == "nummod" and c.like_num for c in kids)
    return bool(words & {"both", "two"}) or counted


def definite_group(sentence: Sentence, noun: Token) -> bool:
    """ "The leaders demanded ...": a group by its noun alone, named with its actor before
    ("European Union leaders agreed ...")."""
    if noun.lemma not in _GROUP_NOUNS or noun.tag not in {"NNS", "NNPS"}:
        return False
    kids = sentence.children(noun)
    if not any(c.dep == "det" and c.lower == "the" for c in kids):
        return False
    return not any(c.dep in _GROUP_MODIFIERS or c.dep == "nummod" for c in kids)


def named_groups(sentence: Sentence, index: MentionIndex) -> dict[str, list[ActorMention]]:
    """The groups `sentence` names with their actors: "European Union leaders" -> leader: EU."""
    found: dict[str, list[ActorMention]] = {}
    for tok in sentence.tokens:
        if tok.lemma not in _GROUP_NOUNS or tok.tag not in {"NNS", "NNPS"}:
            continue
        kids = [c for c in sentence.children(tok) if c.dep in _GROUP_MODIFIERS]
        actors = [m for c in kids if (m := index.at(c)) is not None]
        if actors:
            found[tok.lemma] = list({m.code: m for m in actors}.values())
    return found


def parties_between(sentence: Sentence, trigger: Token, index: MentionIndex) -> list[ActorMention]:
    """ "clashes between Indian and Chinese troops", "fighting broke out between Armenian and
    Azerbaijani forces": the parties to a joint act are the ones it is between."""
    holders = [trigger]
    if trigger.dep == "nsubj" and trigger.head != trigger.i:
        holders.append(sentence.token(trigger.head))
    for holder in holders:
        for prep in sentence.children(holder):
            pobj = child_of(sentence, prep, ("pobj",)) if prep.lower == "between" else None
            found = actors_in(sentence, pobj, index) if pobj is not None else []
            if len({m.code for m in found}) >= 2:
                return found
    return []


def each_other(sentence: Sentence, verb: Token) -> bool:
    """ "accused each other", "blamed one another for": a reciprocal object or its preposition's."""
    heads = [verb, *(c for c in sentence.children(verb) if c.dep == "prep")]
    for head in heads:
        for obj in sentence.children(head):
            if obj.dep in {"dobj", "pobj"} and obj.lower in {"other", "another"}:
                return any(c.lower in {"each", "one"} for c in sentence.children(obj)) or (
                    _the_other(sentence, verb, obj)
                )
    return False


def mutual_relations(sentence: Sentence, verb: Token, index: MentionIndex) -> bool:
    """ "seven years after they cut ties", "the two agreed to restore relations", "Colombia
    and Venezuela recalled their ambassadors", "Greece and Turkey agreed to pull their warships
    back": relations or forces with no one else named are the subjects' toward each other."""
    obj = child_of(sentence, verb, ("dobj",))
    if obj is None or obj.lemma not in _MUTUAL_OBJECTS:
        return False
    if obj.lemma not in {"tie", "relation"} and not any(  # "recalled their ambassadors"
        c.dep == "poss" and c.lower == "their" for c in sentence.children(obj)
    ):
        return False
    preps = [c for h in (verb, obj) for c in sentence.children(h) if c.dep == "prep"]
    return not any(  # "recalled their ambassadors from Moscow": from someone named
        p.lower in {"with", "between", "from", "to"}
        and (o := child_of(sentence, p, ("pobj",))) is not None
        and actors_in(sentence, o, index)
        for p in preps
    )


def _the_other(sentence: Sentence, verb: Token, obj: Token) -> bool:
    """ "each side blaming the other": "the other" of a subject that is "each" one."""
    if not any(c.lower == "the" for c in sentence.children(obj)):
        return False
    subject = child_of(sentence, verb, ("nsubj",))
    return subject is not None and any(c.lower == "each" for c in sentence.children(subject))


def shared_passive_subject(sentence: Sentence, verb: Token) -> Token | None:
    """ "vessels were fired on and seized": a joined verb with no subject of its own acts on
    the first verb's passive subject; "diplomats are to be sent home": a passive infinitive
    acts on the subject raised above it."""
    if verb.head == verb.i or verb.tag != "VBN":
        return None  # not "was attacked and retaliated": that one acts itself
    if child_of(sentence, verb, ("nsubj", "nsubjpass")) is not None:
        return None
    if verb.dep == "xcomp" and child_of(sentence, verb, ("auxpass",)) is not None:
        # "23 Russian diplomats are to be sent home": the raised subject is sent
        return child_of(sentence, sentence.token(verb.head), ("nsubj", "nsubjpass"))
    if verb.dep != "conj":
        return None
    return child_of(sentence, sentence.token(verb.head), ("nsubjpass",))


def object_gap(sentence: Sentence, clause: Token) -> bool:
    """The noun `clause` modifies is what it acts on: a past participle ("the aid flight
    allowed in by Myanmar") or a relative clause with a subject of its own and no object but
    a relative pronoun ("the diplomats it ordered out", "the gas that Iraq used")."""
    if clause.head == clause.i:
        return False
    kids = sentence.children(clause)
    if any(c.dep in {"dobj", "nsubjpass"} and c.lower not in _RELATIVE_WORDS for c in kids):
        return False
    if clause.dep == "acl":
        return clause.tag == "VBN"
    return clause.dep == "relcl" and any(
        c.dep == "nsubj" and c.lower not in _RELATIVE_WORDS for c in kids
    )


def passive_relative(sentence: Sentence, clause: Token) -> Token | None:
    """ "two Mossad agents who were arrested": the relative pronoun the passive acts on."""
    if clause.dep != "relcl":
        return None
    patient = child_of(sentence, clause, ("nsubjpass",))
    return patient if patient is not None and patient.lower in _RELATIVE_WORDS else None


def own_subject(sentence: Sentence, verb: Token) -> bool:
    """The clause names its own doer ("two weeks after gunmen killed 26"), not a relative
    pronoun standing for the noun it hangs on ("strikes that killed 25 fighters")."""
    return any(
        c.dep in {"nsubj", "nsubjpass"} and c.lower not in _RELATIVE_WORDS
        for c in sentence.children(verb)
    )


def to_infinitive(sentence: Sentence, verb: Token) -> bool:
    """ "to expel": the verb has its "to"."""
    return any(c.dep == "aux" and c.lower == "to" for c in sentence.children(verb))
