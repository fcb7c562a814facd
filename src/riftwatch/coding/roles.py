"""Find who acts and who is acted upon, from the dependency parse around a trigger."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from riftwatch.coding.quantities import parse_number
from riftwatch.types import ActorMention, Sentence, Token
from riftwatch.wordlists import ordered_words, words

_PRONOUNS = words("pronouns")
_OBJECT_PRONOUNS = words("object-pronouns")
_COLLECTIVE_NOUNS = words("collective-nouns")
_RELATIVE = words("relative-pronouns")
_PEOPLE_NOUNS = words("people-nouns")
# Dependents that start another clause or a side remark: actors there are not this role.
_CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "mark", "advmod"}
)
_MEMBER_PREPS = words("member-prepositions")
# Verbs whose passive names, with "from X" or "to leave X", who did it ("were expelled from").
_EXPELLING_VERBS = frozenset({"expel", "deport", "order", "kick", "throw", "eject", "banish"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "DIP"})
_BEHALF_NOUNS = frozenset({"request", "invitation", "behest", "urging", "instigation"})
_MEMBER_NOUNS = frozenset({"member", "state", "country", "government", "nation", "ally"})
_TARGET_PREPS = ordered_words("target-prepositions")
_LIGHT_VERBS = words("light-verbs")
_SUBJECT_LINKS = frozenset(
    {"xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "pobj", "dobj", "relcl", "acl"}
)
_LOCATIVE_PREPS = words("locative-prepositions")
_VENUE_NOUNS = words("venue-nouns")
_SHARED_ROLE_NOUNS = words("participation-nouns")


@dataclass(frozen=True, slots=True)
class Roles:
    sources: tuple[ActorMention, ...]
    targets: tuple[ActorMention, ...]
    source_rule: str
    target_rule: str


class MentionIndex:
    """Look up the actor mention covering a token."""

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        self._by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self._by_token[i] = m

    def at(self, tok: Token) -> ActorMention | None:
        return self._by_token.get(tok.i)


def find_roles(
    sentence: Sentence,
    trigger: Token,
    index: MentionIndex,
    *,
    object_token: Token | None = None,
    previous_source: ActorMention | None = None,
    root: str = "",
    symmetric: bool = False,
) -> Roles:
    """Source and target mentions of the action at `trigger`, with the rule that found each."""
    if trigger.lemma in _VERDICT_VERBS:
        sources, s_rule = _reporter(sentence, trigger, index)
        targets, t_rule = _subject_actors(sentence, trigger, index), "copula-subject"
    elif trigger.pos in {"NOUN", "PROPN"}:
        sources, s_rule = _noun_sources(sentence, trigger, index, previous_source, root)
        targets, t_rule = _noun_targets(sentence, trigger, index)
    else:
        sources, s_rule = _verb_sources(sentence, trigger, index, previous_source)
        targets, t_rule = _verb_targets(sentence, trigger, index, object_token)
    codes = {m.code for m in sources}
    kept = tuple(t for t in targets if all(distinct_parties(s, t) for s in sources))
    if not kept and root == "09":
        kept, t_rule = _investigated_state(sentence, trigger, index, codes)
    if not kept and not (symmetric and len(codes) >= 2):
        kept, t_rule = _fallback_target(sentence, trigger, index, codes)
    return Roles(tuple(sources), kept, s_rule, t_rule if kept else "none")


# Verbs that state a verdict on their subject ("was responsible", "bore responsibility",
# "constituted ethnic cleansing"): the speaker above judges the subject.
_VERDICT_VERBS = frozenset({"be", "bear", "constitute", "amount"})


def distinct_parties(source: ActorMention, target: ActorMention) -> bool:
    """Two states, or a state and its own society ("Egyptian police arrested Egyptian
    protesters" is EGY -> EGY at state level); not a state and itself."""
    if source.code != target.code:
        return True
    return (source.sector in _STATE_SECTORS) != (target.sector in _STATE_SECTORS) and bool(
        source.sector and target.sector
    )


def _subject_actors(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    subject = _child(sentence, verb, ("nsubj",))
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
            pobj = _child(sentence, prep, ("pobj",))
            if pobj is not None:
                return actors_in(sentence, pobj, index)
    return []


def reporter_of(sentence: Sentence, trigger: Token, index: MentionIndex) -> list[ActorMention]:
    """Who says so: the subject of the speech verb above `trigger`, if any."""
    return _reporter(sentence, trigger, index)[0]


def _reporter(
    sentence: Sentence, trigger: Token, index: MentionIndex
) -> tuple[list[ActorMention], str]:
    """ "May told parliament that Russia was culpable": the blame is May's, aimed at Russia."""
    tok = trigger
    while tok.dep in {"ccomp", "conj"} and tok.head != tok.i:
        tok = sentence.token(tok.head)
        found = _subject_actors(sentence, tok, index)
        if found:
            return found, "reporting-subject"
    return [], "none"


def actors_in(sentence: Sentence, head: Token, index: MentionIndex) -> list[ActorMention]:
    """Distinct actors named in the noun phrase headed by `head`, nearest to the head first."""
    found: list[ActorMention] = []
    frontier = [head]
    while frontier:
        nxt: list[Token] = []
        for tok in frontier:
            mention = index.at(tok)
            if mention and all(m.code != mention.code for m in found):
                found.append(mention)
            nxt.extend(_phrase_children(sentence, tok))
        frontier = nxt
    return found


def _counted_examples(sentence: Sentence, subject: Token, index: MentionIndex) -> bool:
    """ "More than 20 countries, including the United States, ordered 100 diplomats out": the
    named ones are examples of an uncounted whole; the count is the whole's."""
    counted = any(c.dep == "nummod" for c in sentence.children(subject))
    return counted and subject.lemma in _MEMBER_NOUNS and index.at(subject) is None


def _phrase_children(sentence: Sentence, tok: Token) -> list[Token]:
    kids = []
    for child in sentence.children(tok):
        if child.dep in _CLAUSE_DEPS or _is_venue_modifier(child, tok):
            continue
        if child.dep == "poss" and tok.lemma in _MEMBER_NOUNS:
            continue  # "the EU's 28 members" are states, not the EU
        if child.dep == "prep" and child.lower not in _MEMBER_PREPS:
            continue
        kids.append(child)
    return kids


def _is_venue_modifier(child: Token, head: Token) -> bool:
    """ "the G20 summit", "a Nato meeting": the organisation names the venue, not a party."""
    return child.dep in {"compound", "nmod"} and head.lemma in _VENUE_NOUNS


def _child(sentence: Sentence, tok: Token, deps: Sequence[str]) -> Token | None:
    for child in sentence.children(tok):
        if child.dep in deps:
            return child
    return None


def _verb_sources(
    sentence: Sentence, trigger: Token, index: MentionIndex, previous: ActorMention | None
) -> tuple[list[ActorMention], str]:
    tok = trigger
    pronoun = False
    for _ in range(6):
        subject = _child(sentence, tok, ("nsubj",))
        if subject is None and _child(sentence, tok, ("nsubjpass",)) is not None:
            agent = _agent(sentence, tok, index)
            if agent:
                return agent, "passive-agent"
            if tok.lemma in _EXPELLING_VERBS:
                return _left_country(sentence, tok, index), "passive-origin"
            return [], "passive-agent"
        if subject is not None and subject.lower in _RELATIVE and tok.dep == "relcl":
            return _antecedent(sentence, subject, sentence.token(tok.head), index), "relative"
        if subject is not None and is_collective(sentence, subject):
            people = subject.lemma in _PEOPLE_NOUNS
            return [], "collective-people" if people else "collective"
        if subject is not None and subject.lower not in _PRONOUNS:
            found = actors_in(sentence, subject, index)
            if found and _counted_examples(sentence, subject, index):
                return found, "subject-examples"
            if found or not _owned_by_pronoun(sentence, subject):
                return found, "subject"
        pronoun = pronoun or subject is not None
        if subject is None and tok.dep == "pcomp":
            found = _accused_object(sentence, tok, index)
            if found:
                return found, "object-of-governor"
        if tok.dep == "acl" and subject is None:
            if tok.tag == "VBN":  # "people hit by floods": the participle's agent acts
                return _agent(sentence, tok, index), "participle-agent"
            found = actors_in(sentence, sentence.token(tok.head), index)
            if found:
                return found, "acl-head"
        if tok.head == tok.i or not _shares_subject(tok):
            break
        tok = sentence.token(tok.head)
    if pronoun and previous is not None:
        return [previous], "pronoun-previous-subject"
    return [], "none"


def _left_country(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """ "Two diplomats were expelled from Bulgaria", "were ordered to leave Bulgaria": with no
    agent named, the country they must leave did it."""
    for child in sentence.children(verb):
        if child.dep == "prep" and child.lower == "from":
            pobj = _child(sentence, child, ("pobj",))
            if pobj is not None:
                return actors_in(sentence, pobj, index)
        if child.dep == "xcomp" and child.lemma == "leave":
            obj = _child(sentence, child, ("dobj",))
            if obj is not None:
                return actors_in(sentence, obj, index)
    return []


def _accused_object(sentence: Sentence, gerund: Token, index: MentionIndex) -> list[ActorMention]:
    """ "condemned France for carrying out a test", "accused Iran of plotting": the one blamed
    does the act in the gerund, not the one who blames."""
    prep = sentence.token(gerund.head)
    if prep.lower not in {"for", "of", "over"} or prep.head == prep.i:
        return []
    obj = _child(sentence, sentence.token(prep.head), ("dobj",))
    return actors_in(sentence, obj, index) if obj is not None else []


def _shares_subject(tok: Token) -> bool:
    """A verb takes the subject of the verb it hangs on; "blamed ..., withdrew ... and
    summoned" lists verbs the parser may join by a bare "dep"."""
    return tok.dep in _SUBJECT_LINKS or (tok.dep == "dep" and tok.pos == "VERB")


def _owned_by_pronoun(sentence: Sentence, noun: Token) -> bool:
    """ "its judges", "their troops", "his country's agents": the owner is the actor named
    before."""
    for owner in sentence.children(noun):
        if owner.dep != "poss":
            continue
        if owner.lower in _PRONOUNS:
            return True
        if owner.lemma in _MEMBER_NOUNS and _owned_by_pronoun(sentence, owner):
            return True
    return False


def _antecedent(
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


def _pronoun_referent(
    sentence: Sentence, pronoun: Token, index: MentionIndex
) -> list[ActorMention]:
    """ "severed ties with Qatar, accusing it of ...": the nearest actor named before it that
    is not the clause's own subject."""
    verb = sentence.token(pronoun.head)
    head = _clause_head(sentence, verb)
    subject_codes = {m.code for m in _subject_actors(sentence, head, index)}
    obj = _child(sentence, head, ("dobj",)) if head.i != verb.i else None
    named = (
        [m for m in actors_in(sentence, obj, index) if m.code not in subject_codes] if obj else []
    )
    if named:
        return named[:1]
    for tok in reversed([t for t in sentence.tokens if t.i < pronoun.i]):
        mention = index.at(tok)
        if mention is not None and mention.code not in subject_codes:
            return [mention]
    return []


def _clause_head(sentence: Sentence, verb: Token) -> Token:
    tok = verb
    while tok.dep in {"advcl", "xcomp", "conj"} and tok.head != tok.i:
        if _child(sentence, tok, ("nsubj", "nsubjpass")) is not None:
            break
        tok = sentence.token(tok.head)
    return tok


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
    if noun.lemma not in _COLLECTIVE_NOUNS or noun.tag not in {"NNS", "NNPS"}:
        return False
    kids = [c for c in sentence.children(noun) if c.dep in {"det", "nummod", "predet"}]
    words = {c.lower for c in kids}
    counted = "the" in words and any(c.dep == "nummod" and c.like_num for c in kids)
    return bool(words & {"both", "two"}) or counted


def _agent(sentence: Sentence, verb: Token, index: MentionIndex) -> list[ActorMention]:
    for child in sentence.children(verb):
        if child.dep == "agent":
            pobj = _child(sentence, child, ("pobj",))
            if pobj is not None:
                return actors_in(sentence, pobj, index)
    return []


def _verb_targets(
    sentence: Sentence, trigger: Token, index: MentionIndex, object_token: Token | None
) -> tuple[list[ActorMention], str]:
    passive = _child(sentence, trigger, ("nsubjpass",))
    if passive is not None:
        return actors_in(sentence, passive, index), "passive-subject"
    for dep in ("dative", "dobj", "attr"):  # "handed Qatar a list of demands"
        obj = _child(sentence, trigger, (dep,))
        if obj is not None and obj.lower in _OBJECT_PRONOUNS:
            return _pronoun_referent(sentence, obj, index), "pronoun-object"
        if obj is not None:
            found = _owners(sentence, obj, index) or actors_in(sentence, obj, index)
            if found:
                return found, dep
    holders = [h for h in (object_token, trigger) if h is not None]
    obj = _child(sentence, trigger, ("dobj",))
    if obj is not None and obj not in holders:
        holders.insert(0, obj)
    found = _prep_objects(sentence, holders, index)
    return (found, "prep-object") if found else ([], "none")


def _prep_objects(
    sentence: Sentence, holders: Sequence[Token], index: MentionIndex
) -> list[ActorMention]:
    for prep in _TARGET_PREPS:
        for holder in holders:
            for child in sentence.children(holder):
                if child.dep == "prep" and child.lower == prep:
                    pobj = _child(sentence, child, ("pobj",))
                    if pobj is not None and pobj.lemma in _BEHALF_NOUNS:
                        continue  # "arrested Meng at the request of the United States"
                    found = actors_in(sentence, pobj, index) if pobj is not None else []
                    if found:
                        return found
    return []


def _noun_sources(
    sentence: Sentence,
    trigger: Token,
    index: MentionIndex,
    previous: ActorMention | None,
    root: str,
) -> tuple[list[ActorMention], str]:
    for child in sentence.children(trigger):
        found = index.at(child) if child.dep in {"poss", "compound", "nmod", "amod"} else None
        if found is None or _is_venue_modifier(child, trigger):
            continue
        if child.dep != "amod":
            return [found], "noun-modifier"
        # "Russian expulsions", "Russian sanctions" usually name the target, not the actor.
        if root != "16":
            return [found], "noun-adjective"
    for child in sentence.children(trigger):
        if child.dep == "prep" and child.lower == "by":
            pobj = _child(sentence, child, ("pobj",))
            if pobj is not None:
                return actors_in(sentence, pobj, index), "noun-by"
    return _governed_noun_sources(sentence, trigger, index, previous)


def _governed_noun_sources(
    sentence: Sentence, trigger: Token, index: MentionIndex, previous: ActorMention | None
) -> tuple[list[ActorMention], str]:
    if trigger.head == trigger.i:
        return [], "none"
    head = sentence.token(trigger.head)
    if trigger.dep == "dobj" and head.lemma in _LIGHT_VERBS:
        return _verb_sources(sentence, head, index, previous)[0], "light-verb-subject"
    if trigger.dep == "pobj" and head.lower == "in":
        holder = _participation_noun(sentence, head)
        kids = sentence.children(holder) if holder is not None else []
        of = [c for c in kids if c.dep == "prep" and c.lower == "of"]
        pobj = _child(sentence, of[0], ("pobj",)) if of else None
        if pobj is not None:
            return actors_in(sentence, pobj, index), "participation-of"
    return [], "none"


def _participation_noun(sentence: Sentence, prep: Token) -> Token | None:
    """ "The participation of France, Germany and 15 others in the expulsions": the parser may
    hang "in" on the last member, so climb the coordination to the participation noun."""
    tok = prep
    for _ in range(6):
        if tok.head == tok.i:
            return None
        tok = sentence.token(tok.head)
        if tok.lemma in _SHARED_ROLE_NOUNS:
            return tok
        if tok.dep not in {"conj", "pobj", "prep", "appos"} and tok.pos != "ADP":
            return None
    return None


def _noun_targets(
    sentence: Sentence, trigger: Token, index: MentionIndex
) -> tuple[list[ActorMention], str]:
    found = _prep_objects(sentence, [trigger], index)
    if found:
        return found, "noun-prep-object"
    if trigger.dep == "dobj" and trigger.head != trigger.i:
        head = sentence.token(trigger.head)
        if head.lemma in _LIGHT_VERBS:
            return _verb_targets(sentence, head, index, trigger)
    return [], "none"


def _fallback_target(
    sentence: Sentence, trigger: Token, index: MentionIndex, source_codes: set[str]
) -> tuple[tuple[ActorMention, ...], str]:
    """The nearest other actor inside the trigger's own clause, when the parse names none."""
    candidates = [
        m
        for t in _own_clause(sentence, trigger)
        if (m := index.at(t)) is not None
        and m.code not in source_codes
        and not _in_subject(sentence, t, trigger)
    ]
    if not candidates:
        return (), "none"
    best = min(candidates, key=lambda m: abs(m.token_start - trigger.i))
    # "... patrols with Laos, Myanmar and Thailand": the nearest and its conjuncts.
    head = sentence.token(best.token_end - 1)
    listed = [m for m in actors_in(sentence, head, index) if m.code not in source_codes]
    return tuple(listed) or (best,), "nearest-in-clause"


def _own_clause(sentence: Sentence, trigger: Token) -> list[Token]:
    """The trigger's subtree without coordinated clauses that have their own subject."""
    keep: list[Token] = []
    stack = [trigger]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in sentence.children(tok) if not _own_subject_clause(sentence, c))
    return keep


def _own_subject_clause(sentence: Sentence, tok: Token) -> bool:
    """ "..., and China urged both sides": a coordinated clause with a subject of its own."""
    if tok.dep not in {"conj", "parataxis"} or tok.pos not in {"VERB", "AUX"}:
        return False
    return _child(sentence, tok, ("nsubj", "nsubjpass")) is not None


def _owners(sentence: Sentence, obj: Token, index: MentionIndex) -> list[ActorMention]:
    """ "condemned Iraq's invasion of Kuwait": the one whose act is condemned, not its victim;
    "expelled Mexico's ambassador and two Spanish diplomats" names actors, not an act."""
    if index.at(obj) is not None:
        return []
    return [m for c in sentence.children(obj) if c.dep == "poss" and (m := index.at(c))]


def _investigated_state(
    sentence: Sentence, trigger: Token, index: MentionIndex, source_codes: set[str]
) -> tuple[tuple[ActorMention, ...], str]:
    """ "an investigation into alleged crimes in Burundi": an inquiry targets the state where
    what it looks into happened."""
    for tok in sentence.subtree(trigger):
        if tok.dep == "pobj" and sentence.token(tok.head).lower == "in":
            found = [m for m in actors_in(sentence, tok, index) if m.code not in source_codes]
            if found:
                return (found[0],), "investigated-place"
    return (), "none"


def _in_subject(sentence: Sentence, tok: Token, trigger: Token) -> bool:
    while tok.i != trigger.i and tok.head != tok.i:
        if tok.dep in {"nsubj", "nsubjpass"} and tok.head == trigger.i:
            return True
        tok = sentence.token(tok.head)
    return False


def _in_locative(sentence: Sentence, tok: Token, trigger: Token) -> bool:
    """ "met in the Finnish capital", "the situation in Syria": places, not targets."""
    while tok.i != trigger.i and tok.head != tok.i:
        if tok.dep == "prep" and tok.lower in _LOCATIVE_PREPS:
            return True
        tok = sentence.token(tok.head)
    return False
