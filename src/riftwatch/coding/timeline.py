"""The date of each coded act: what its sentence says, or else what the story has been saying.

In order: a date phrase on the act or its governing verbs (dates.resolve_event_date); a date
relative to the main clause ("a day after Saudi Arabia severed relations", "hours later"); the
day the story's earlier acts took place (wire copy sets the day in its lead and keeps it); and
last the publication date, flagged as a fallback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from riftwatch.coding import dates
from riftwatch.coding.quantities import parse_number
from riftwatch.types import PartialDate, Precision, Sentence, Token

_OFFSET_MARKS = {"after": -1, "before": 1}
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0}
_LAST_DAY = dt.date.max.toordinal()
_VIOLENT_NOUNS = frozenset({"attack", "strike", "raid", "bombing", "shooting", "massacre"})
_CLAUSE_CHAIN = frozenset({"ccomp", "xcomp", "conj", "acl", "dobj", "advcl", "pcomp", "prep"})


@dataclass(frozen=True, slots=True)
class StoryDays:
    """What the story has dated so far: the day of its latest act, and of its latest violence
    (the act "the attack" in a later sentence refers back to)."""

    latest: PartialDate | None = None
    violence: PartialDate | None = None


def event_date(
    sentence: Sentence,
    trigger: Token,
    published: dt.date | None,
    *,
    story: StoryDays | None = None,
) -> PartialDate | None:
    """When the act at `trigger` happened, given what the story has dated so far."""
    story = story or StoryDays()
    found = _told_date(sentence, trigger, published) if trigger.pos == "NOUN" else None
    if found is None:
        found = dates.resolve_event_date(sentence, trigger, published)
    if found is None:
        found = _offset_date(sentence, trigger, published, story.latest)
    if found is None:
        found = _after_referenced_act(sentence, trigger, story.violence)
    if found is None:
        found = _subject_date(sentence, trigger, published)
    if found is None:
        found = _inner_date(sentence, trigger, published)
    if found is None and _offset_clause(sentence, trigger) is None:
        also = governing_verbs(sentence, trigger)
        found = dates.resolve_event_date(sentence, trigger, published, also=also)
    if found is None:
        found = _continuation_date(sentence, trigger, published)
    if found is None and _same_violence(sentence, trigger) and story.violence is not None:
        # "condemned NATO's attack", "the United States also struck camps in Afghanistan": the
        # violence the story dated, not the day of the condemning
        found = replace(story.violence, fallback=False, text="(date of the story's violence)")
    if found is None and story.latest is not None:
        found = replace(story.latest, fallback=False, text="(date of the story's earlier acts)")
    return found if found is not None else dates.fallback_date(published)


def _same_violence(sentence: Sentence, trigger: Token) -> bool:
    if trigger.lemma not in _VIOLENT_NOUNS:
        return False
    also = any(c.dep == "advmod" and c.lower == "also" for c in sentence.children(trigger))
    return trigger.pos == "NOUN" or also


def is_story_day(date: PartialDate | None) -> bool:
    """A stated, day-precise date: one later sentences without a date may inherit."""
    return date is not None and not date.fallback and date.precision is Precision.DAY


def governing_verbs(sentence: Sentence, trigger: Token) -> list[Token]:
    """The verbs above the trigger whose time it shares ("said on Monday it would expel")."""
    chain: list[Token] = []
    tok = trigger
    while tok.head != tok.i and tok.dep in _CLAUSE_CHAIN - {"pcomp", "prep"}:
        tok = sentence.token(tok.head)
        if tok.pos in {"VERB", "AUX"}:
            chain.append(tok)
    return chain


def _after_referenced_act(
    sentence: Sentence, trigger: Token, violence: PartialDate | None
) -> PartialDate | None:
    """ "A week after the attack, the United States ... launched strikes": the attack the story
    dated, shifted."""
    if violence is None or violence.precision is not Precision.DAY:
        return None
    for child in sentence.children(trigger):
        # "after the attack" with "a week" on it, or "a week" with "after the attack" on it
        if child.dep == "prep":
            prep, days = child, _days_in(sentence, child)
        elif child.dep == "npadvmod" and child.lower in _UNIT_DAYS:
            prep = next((c for c in sentence.children(child) if c.dep == "prep"), None)
            days = _UNIT_DAYS[child.lower] * _how_many(sentence, child)
        else:
            continue
        if prep is None or prep.lower not in _OFFSET_MARKS or days is None:
            continue
        act = next((c for c in sentence.children(prep) if c.dep == "pobj"), None)
        if act is not None and act.lemma in _VIOLENT_NOUNS:
            return _shifted(violence, -_OFFSET_MARKS[prep.lower] * days, "the act before")
    return None


def _days_in(sentence: Sentence, head: Token) -> int | None:
    for child in sentence.children(head):
        if child.dep == "npadvmod" and child.lower in _UNIT_DAYS:
            return _UNIT_DAYS[child.lower] * _how_many(sentence, child)
    return None


def _shifted(anchor: PartialDate, days: int, origin: str) -> PartialDate | None:
    ordinal = dt.date(anchor.year, anchor.month or 1, anchor.day or 1).toordinal() + days
    if not 1 <= ordinal <= _LAST_DAY:  # "99999999 days after": no day of the calendar (#9)
        return None
    day = dt.date.fromordinal(ordinal)
    return PartialDate(day.year, day.month, day.day, text=f"{days:+d} days from {origin}")


def _inner_date(
    sentence: Sentence, trigger: Token, published: dt.date | None
) -> PartialDate | None:
    """ "struck a boat carrying drugs ... on Tuesday", "froze its funding for a project to build
    reactors ... on Tuesday": the parser hangs the act's date on a phrase inside its own
    clause; clauses with a subject of their own ("after Pyongyang fired") keep theirs."""
    queue = [c for c in sentence.children(trigger) if _same_clause(sentence, c)]
    while queue:
        tok = queue.pop(0)
        if tok.pos == "VERB":
            found = dates.date_on(sentence, tok, published)
            if found is not None:
                return found
        queue.extend(c for c in sentence.children(tok) if _same_clause(sentence, c))
    return None


def _same_clause(sentence: Sentence, tok: Token) -> bool:
    if tok.dep in {"ccomp", "parataxis", "relcl"}:
        return False
    if tok.pos in {"VERB", "AUX"} and tok.dep in {"conj", "advcl"}:
        return not any(c.dep in {"nsubj", "nsubjpass", "mark"} for c in sentence.children(tok))
    return True


def _told_date(sentence: Sentence, noun: Token, published: dt.date | None) -> PartialDate | None:
    """ "North Korea's artillery attack, which killed two marines on Tuesday": an act told as a
    noun is dated by what it did, not by the verb that reports it ("condemned on Wednesday")."""
    # the parser may hang the clause on the noun's object ("the attack on the island, which")
    holders = [noun] + [
        o
        for p in sentence.children(noun)
        if p.dep == "prep"
        for o in sentence.children(p)
        if o.dep == "pobj"
    ]
    for holder in holders:
        telling = {"relcl", "acl"} if holder is noun else {"relcl"}  # not "an agreement announced"
        for child in sentence.children(holder):
            if child.dep in telling and child.pos == "VERB":
                found = dates.resolve_event_date(sentence, child, published)
                if found is not None:
                    return found
    return _year_of(sentence, noun)


def _year_of(sentence: Sentence, noun: Token) -> PartialDate | None:
    """ "the 1995 Srebrenica massacre", "a 2014 explosion": the year the noun is named by."""
    for child in sentence.children(noun):
        year = child.text
        if child.dep == "nummod" and child.ent_type == "DATE" and len(year) == 4:
            if year.isdigit() and 1900 <= int(year) <= 2100:
                return PartialDate(int(year), text=year)
    return None


def _continuation_date(
    sentence: Sentence, trigger: Token, published: dt.date | None
) -> PartialDate | None:
    """ "fired on and seized three ships on Sunday", "ordered the ambassador to leave on
    Thursday": a date on the act's own continuation, which shares its subject, dates it."""
    for child in sentence.children(trigger):
        if child.dep not in {"conj", "xcomp"} or child.pos != "VERB":
            continue
        if any(c.dep in {"nsubj", "nsubjpass"} for c in sentence.children(child)):
            continue
        found = dates.resolve_event_date(sentence, child, published)
        if found is not None:
            return found
    return None


def _offset_date(
    sentence: Sentence,
    trigger: Token,
    published: dt.date | None,
    story: PartialDate | None = None,
) -> PartialDate | None:
    """ "..., a day after Ottawa expelled ...": the main clause's day (or, when it gives none,
    the story's), shifted."""
    clause = _offset_clause(sentence, trigger)
    if clause is None:
        return None
    offset = _offset(sentence, clause)
    main = sentence.token(clause.head)
    also = governing_verbs(sentence, main)
    anchor = dates.resolve_event_date(sentence, main, published, also=also)
    anchor = anchor or _inner_date(sentence, main, published) or story
    if offset is None or anchor is None:
        return None
    amount, unit = offset
    if unit == "years":  # "seven years after they cut ties": the year, no finer
        year = anchor.year + amount
        return (
            PartialDate(year, text=f"{amount:+d} years from main clause")
            if 1 <= year <= 9999
            else None
        )
    if anchor.precision is not Precision.DAY:
        return None
    return _shifted(anchor, amount, "main clause")


def _subject_date(
    sentence: Sentence, trigger: Token, published: dt.date | None
) -> PartialDate | None:
    """ "The Organization of American States on Friday called on ...": the parser may hang the
    date on the subject; it still dates the subject's act."""
    for verb in [trigger, *governing_verbs(sentence, trigger)]:
        for subject in sentence.children(verb):
            if subject.dep in ("nsubj", "nsubjpass"):
                found = dates.date_on_noun(sentence, subject, published)
                if found is not None:
                    return found
    return None


def _offset_clause(sentence: Sentence, trigger: Token) -> Token | None:
    tok = trigger
    for _ in range(4):
        if tok.dep == "advcl" and _mark(sentence, tok) in _OFFSET_MARKS:
            return tok
        if tok.head == tok.i or tok.dep not in _CLAUSE_CHAIN:
            return None
        tok = sentence.token(tok.head)
    return None


def _offset(sentence: Sentence, clause: Token) -> tuple[int, str] | None:
    """ "a day after X" -> (-1, "days"), "seven years after X" -> (-7, "years"): the parser
    hangs the span on the clause or on its "after"."""
    sign = _OFFSET_MARKS[_mark(sentence, clause)]
    marks = [c for c in sentence.children(clause) if c.dep == "mark"]
    for child in [*sentence.children(clause), *(k for m in marks for k in sentence.children(m))]:
        if child.dep != "npadvmod":
            continue
        if child.lower in _UNIT_DAYS:
            return sign * _UNIT_DAYS[child.lower] * _how_many(sentence, child), "days"
        if child.lemma == "year":
            return sign * _how_many(sentence, child), "years"
    return None


def _how_many(sentence: Sentence, unit: Token) -> int:
    for child in sentence.children(unit):
        if child.dep == "nummod":
            parsed = parse_number([child.text])
            return int(parsed[0]) if parsed else 1
    return 1


def _mark(sentence: Sentence, clause: Token) -> str:
    marks = [c.lower for c in sentence.children(clause) if c.dep == "mark"]
    return marks[0] if marks else ""
