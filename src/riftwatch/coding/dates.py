"""The date of the event a trigger expresses, read off the sentence's dependency parse.

The date phrase is looked for on the trigger and then on the heads whose time it shares
(complements, conjuncts, participles, light verbs, adverbial clauses) up to the reporting verb, so
"said on Monday they would expel" dates the expulsion. Clauses marked "after", "if", "because"
and the like describe another time and are not climbed; a "when"/"as"/"while" clause below a verb
shares its time. A date inside a clause or conjunct hung on another word belongs to that clause,
and a clause modifying a date noun takes that date ("1976, which"). When no verb carries a date,
nouns inside the verbs' own phrases are searched, except nouns that are events of their own ("the
attack on 4 March"). A verb with "will"/"shall" or a present-tense plan ("plans to", "is set to")
reads weekdays forward. The phrase found is turned into a PartialDate by
date_expressions.parse_date_expression (re-exported here for compatibility); a sentence with no
date gets the publication date, flagged as a fallback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from riftwatch.coding.date_expressions import (
    DAY_RE,
    MONTHS,
    PARTS_OF_DAY,
    SEASON_WORDS,
    WEEKDAYS,
    YEAR_RE,
    parse_date_expression,
)
from riftwatch.types import PartialDate, Sentence, Token

__all__ = ["fallback_date", "parse_date_expression", "resolve_event_date"]


def fallback_date(published: dt.date | None) -> PartialDate | None:
    """The story date, flagged as a fallback, for events whose sentence gives no date."""
    if published is None:
        return None
    return PartialDate(published.year, published.month, published.day, fallback=True)


DATE_PREPS = frozenset({"on", "in", "at", "over", "during", "since", "of"})
DATE_ENTS = frozenset({"DATE", "TIME"})
DATE_LEMMAS = frozenset(
    set(WEEKDAYS) | set(MONTHS) | {"yesterday", "today", "tonight", "tomorrow", "ago", "earlier"}
)
MODIFIER_DEPS = frozenset({"npadvmod", "tmod", "advmod", "nmod", "obl"})
NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod"})
# Dependents that start another clause: a date inside them belongs to that clause.
CLAUSAL_DEPS = frozenset(
    "relcl acl advcl ccomp xcomp csubj csubjpass conj parataxis appos cc punct mark".split()
)
# Noun phrases we walk through when the parser hangs "on Wednesday" on a nearby noun.
NOMINAL_PATH_DEPS = frozenset("dobj pobj prep dative attr oprd npadvmod agent".split())
# Nouns that are events of their own: "the attack on 4 March" dates the attack, not the blame.
EVENT_NOUNS = frozenset(
    "attack poisoning invasion annexation war election crisis bombing shooting coup "
    "referendum revolution assassination murder massacre strike raid earthquake "
    "explosion".split()
)
CONTRAST_MARKS = frozenset(
    "after before since until till if unless once because although though whereas".split()
)
SIMULTANEOUS_MARKS = frozenset({"when", "as", "while"})
_TIME_OF_DAY_ADVERBS = frozenset({"late", "early"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
PLAN_LEMMAS = frozenset({"plan", "intend", "schedule", "set", "due", "expect", "go", "prepare"})


def resolve_event_date(
    sentence: Sentence,
    trigger: Token,
    published: dt.date | None,
    *,
    also: Sequence[Token] = (),
) -> PartialDate | None:
    """The date the sentence gives for the event expressed by `trigger`, or None."""
    chains = [_governing_chain(sentence, trigger)]
    chains += [_governing_chain(sentence, tok) for tok in also]
    anchors = list(dict.fromkeys(tok.i for chain in chains for tok in chain))
    for anchor in anchors:
        found = date_on(sentence, sentence.token(anchor), published)
        if found is not None:
            return found
    for anchor in anchors:
        for node in _nominal_nodes(sentence, sentence.token(anchor)):
            found = _direct_date(sentence, node, published, sentence.token(anchor))
            if found is not None:
                return found
    return None


def date_on(sentence: Sentence, anchor: Token, published: dt.date | None) -> PartialDate | None:
    """A date hung directly on `anchor`, or the date noun its clause modifies ("1976, which")."""
    found = _direct_date(sentence, anchor, published, anchor)
    if found is None:
        found = _date_before_complement(sentence, anchor, published)
    if found is None:
        found = _when_clause_date(sentence, anchor, published)
    if found is not None or anchor.dep not in ("relcl", "advcl", "acl"):
        return found
    head = sentence.token(anchor.head)
    if head.i == anchor.i or not _is_dateish(head):
        return None
    return _parse_head(sentence, head, published, future=False)


def _when_clause_date(
    sentence: Sentence, anchor: Token, published: dt.date | None
) -> PartialDate | None:
    """ "20 were killed when a bomber struck on Sunday": a "when" clause shares its time."""
    for clause in sentence.children(anchor):
        marks = {t.lower for t in sentence.children(clause) if t.dep in ("advmod", "mark")}
        if clause.dep == "advcl" and marks & SIMULTANEOUS_MARKS:
            found = _direct_date(sentence, clause, published, clause)
            if found is not None:
                return found
    return None


def _date_before_complement(
    sentence: Sentence, anchor: Token, published: dt.date | None
) -> PartialDate | None:
    """ "said on Monday they would expel": the parser often hangs that date on "expel"."""
    future = _is_future(sentence, anchor)
    for comp in sentence.children(anchor):
        subjects = [t.i for t in sentence.children(comp) if t.dep in ("nsubj", "nsubjpass")]
        if comp.dep != "ccomp" or comp.i < anchor.i or not subjects:
            continue
        for head in _date_heads(sentence, comp):
            if anchor.i < head.i < min(subjects):
                found = _parse_head(sentence, head, published, future=future)
                if found is not None:
                    return found
    return None


def date_on_noun(sentence: Sentence, noun: Token, published: dt.date | None) -> PartialDate | None:
    """A date hung on a noun by "on" ("The OAS on Friday called ..."), for the noun's act."""
    for prep in sentence.children(noun):
        if prep.dep == "prep" and prep.lower == "on":
            for head in sentence.children(prep):
                if head.dep == "pobj" and _is_dateish(head):
                    found = _parse_head(sentence, head, published, future=False)
                    if found is not None:
                        return found
    return None


def _direct_date(
    sentence: Sentence, node: Token, published: dt.date | None, verb: Token
) -> PartialDate | None:
    """The first parseable date among `node`'s temporal dependents."""
    future = _is_future(sentence, verb)
    for head in _date_heads(sentence, node):
        found = _parse_head(sentence, head, published, future=future)
        if found is not None:
            return found
    return None


def _date_heads(sentence: Sentence, node: Token) -> Iterator[Token]:
    """Children that may carry a date: objects of on/in/at, temporal NPs, "Monday's"."""
    nominal = node.pos in ("NOUN", "PROPN")
    for child in sorted(sentence.children(node), key=lambda t: abs(t.i - node.i)):
        if child.dep == "prep" and child.lower in DATE_PREPS:
            yield from (t for t in sentence.children(child) if t.dep == "pobj" and _is_dateish(t))
        elif child.dep == "advmod" and child.lower in _TIME_OF_DAY_ADVERBS:
            yield from _date_heads(sentence, child)  # "late on Saturday", "early on Monday"
        elif child.dep in MODIFIER_DEPS and _is_dateish(child):
            yield child
        elif nominal and child.dep in NOUN_MODIFIER_DEPS and _is_dateish(child):
            yield child


def _is_dateish(tok: Token) -> bool:
    return (
        tok.ent_type in DATE_ENTS
        or tok.lemma in DATE_LEMMAS
        or tok.lower in DATE_LEMMAS
        or bool(YEAR_RE.match(tok.text))
    )


def _parse_head(
    sentence: Sentence, head: Token, published: dt.date | None, *, future: bool
) -> PartialDate | None:
    tokens = _date_span(sentence, head)
    text = " ".join(t.text for t in tokens)
    return parse_date_expression(text, published, future=future)


def _date_span(sentence: Sentence, head: Token) -> list[Token]:
    """The date phrase under `head`, without clauses or conjuncts hung on it."""
    cut: set[int] = set()
    for child in sentence.children(head):
        if child.dep in CLAUSAL_DEPS:
            cut.update(t.i for t in sentence.subtree(child))
    return [
        t
        for t in sentence.subtree(head)
        if t.i not in cut and (t.ent_type in DATE_ENTS or t.i == head.i or _date_word(t))
    ]


def _date_word(tok: Token) -> bool:
    """Words a date phrase may contain even when NER left them out of the entity."""
    word = tok.lower
    return (
        word in DATE_LEMMAS
        or word in PARTS_OF_DAY
        or word in SEASON_WORDS
        or word in ("last", "this", "next", "of", "in", "the", "earlier", "later", "ago")
        or bool(DAY_RE.match(word) or YEAR_RE.match(word))
    )


def _governing_chain(sentence: Sentence, trigger: Token) -> list[Token]:
    """`trigger` and the verbs it hangs from, up to the reporting verb."""
    chain = [trigger]
    for _ in range(6):
        up = _governor(sentence, chain[-1])
        if up is None or up.i in {t.i for t in chain}:
            break
        chain.append(up)
    return chain


def _governor(sentence: Sentence, tok: Token) -> Token | None:
    """The head whose date `tok` shares: complement, conjunct, participle, light verb."""
    if tok.head == tok.i:
        return None
    head = sentence.token(tok.head)
    if tok.dep in ("ccomp", "xcomp", "conj"):
        return head
    if tok.dep == "advcl" and not _has_contrast_mark(sentence, tok):
        return head
    if tok.dep == "pcomp" and head.head != head.i:
        return sentence.token(head.head)
    nominal = tok.pos in ("NOUN", "PROPN")
    if (
        nominal
        and tok.dep in ("dobj", "nsubj", "nsubjpass", "attr")
        and head.pos in ("VERB", "AUX")
    ):
        return head
    return None


def _has_contrast_mark(sentence: Sentence, verb: Token) -> bool:
    """ "after Moscow failed", "if Russia retaliates": another time than the main clause."""
    return any(
        t.dep in ("mark", "advmod") and t.lower in CONTRAST_MARKS for t in sentence.children(verb)
    )


def _nominal_nodes(sentence: Sentence, anchor: Token) -> list[Token]:
    """Nouns inside `anchor`'s own phrases (breadth first), not inside other clauses."""
    out: list[Token] = []
    frontier = [anchor]
    for _ in range(4):
        nxt = [
            child
            for node in frontier
            for child in sentence.children(node)
            if child.dep in NOMINAL_PATH_DEPS and child.lemma not in EVENT_NOUNS
        ]
        out.extend(t for t in nxt if t.dep != "prep")
        frontier = nxt
    return out


def _is_future(sentence: Sentence, verb: Token) -> bool:
    """ "will expel", "is set to meet", "plans to visit": a weekday ahead, not behind."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return False
        children = sentence.children(node)
        if any(t.dep == "aux" and t.lower in FUTURE_AUX for t in children):
            return True
        if node.lemma in PLAN_LEMMAS and _present(node, children):
            return True
        node = sentence.token(node.head) if node.dep == "xcomp" else None
    return False


def _present(node: Token, children: Sequence[Token]) -> bool:
    """ "plans", "is set", "are due": a present-tense plan points ahead."""
    return node.tag in ("VBZ", "VBP") or any(
        t.lower in ("is", "are", "'s", "'re", "am") for t in children
    )
