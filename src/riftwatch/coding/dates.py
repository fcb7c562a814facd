"""The real date of an event: "on Tuesday", "in 2014", "last month", "Monday's expulsions".

Relative expressions resolve against the publication date. A weekday in a past-tense story is
the most recent such day on or before publication (same day allowed); with "will"/"shall" it is
the next such day after publication. Expressions that cover a span ("last week", "earlier this
week", "two weeks ago") get the finest precision the whole span shares: a week inside one month
gives that month, a week across two months gives the year. Decades ("the 1990s") and durations
("for two hours", "more than 30 years") give no date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from riftwatch.types import PartialDate, Sentence, Token

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBREVIATIONS = {m[:3]: n for n, m in enumerate(MONTHS, 1)} | {"sept": 9}
PARTS_OF_DAY = frozenset("morning afternoon evening night noon midday midnight dawn".split())
SEASON_WORDS = frozenset("early late mid spring summer autumn fall winter beginning end".split())
FILLER_WORDS = frozenset("the on in at of over during since 's ' , . -".split())
SPAN_UNITS = ("day", "week", "month", "year")
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"a": 1, "an": 1, "several": -1, "few": -1}
_VAGUE_TIME = frozenset({"early", "late", "earlier", "later"})
_WEEKDAY_LEADS = frozenset({"last", "next", "this", "early", "late", "earlier", "later"})
# "the previous day", "the next day" count from another event in the story, not from publication.
_SPAN_OFFSET_UNITS = frozenset({"week", "weekend", "month", "year"})
_PAST_DAYS = {"day": 1, "week": 7, "month": 31, "year": 365}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


def fallback_date(published: dt.date | None) -> PartialDate | None:
    """The story date, flagged as a fallback, for events whose sentence gives no date."""
    if published is None:
        return None
    return PartialDate(published.year, published.month, published.day, fallback=True)


def parse_date_expression(
    text: str, published: dt.date | None, *, future: bool = False
) -> PartialDate | None:
    """A date expression on its own: "on Monday night", "in 2014", "last month" -> PartialDate."""
    words = _words(text)
    if not words or any(w.endswith("0s") and w[:-1].isdigit() for w in words):
        return None
    for rule in (_relative_day, _weekday, _span, _ago, _absolute):
        found = rule(words, published, future)
        if found is not None:
            return _with_text(found, text.strip())
    return _with_text(_dateparser(text, published, future), text.strip())


def _with_text(found: PartialDate | None, text: str) -> PartialDate | None:
    if found is None:
        return None
    return PartialDate(found.year, found.month, found.day, text=text)


def _words(text: str) -> list[str]:
    raw = re.findall(r"\d{4}-\d{2}(?:-\d{2})?|[\w']+|[^\w\s]", text.lower())
    raw = [w.removesuffix("'s").removesuffix("’s") for w in raw]
    return [w for w in raw if w not in FILLER_WORDS]


def _day(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def _relative_day(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """today / tonight / this morning / yesterday / last night / tomorrow."""
    if published is None:
        return None
    core = [w for w in words if w not in PARTS_OF_DAY and w not in _VAGUE_TIME]
    has_part = len(core) < len([w for w in words if w not in _VAGUE_TIME])
    offset = None
    if core in (["today"], ["tonight"]) or (core == ["this"] and has_part):
        offset = 0
    elif core == ["yesterday"] or (core == ["last"] and "night" in words):
        offset = -1
    elif core == ["tomorrow"]:
        offset = 1
    return None if offset is None else _day(published + dt.timedelta(days=offset))


def _weekday(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """ "Monday", "on Monday night", "last Friday", "next Tuesday"."""
    days = [w for w in words if w in WEEKDAYS]
    rest = [w for w in words if w not in WEEKDAYS and w not in PARTS_OF_DAY]
    if published is None or len(days) != 1 or not set(rest) <= _WEEKDAY_LEADS:
        return None
    target = WEEKDAYS.index(days[0])
    if "next" in rest or (future and "last" not in rest):
        ahead = (target - published.weekday()) % 7 or 7
        return _day(published + dt.timedelta(days=ahead))
    back = (published.weekday() - target) % 7
    if "last" in rest and back == 0:
        back = 7
    return _day(published - dt.timedelta(days=back))


def _span(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """ "last week", "earlier this month", "this year", "next month", "at the weekend"."""
    unit = words[-1]
    if published is None or len(words) > 3 or unit not in _SPAN_OFFSET_UNITS:
        return None
    lead = set(words[:-1]) - {"earlier", "later"}
    if not lead and (len(words) > 1 or unit == "weekend"):
        lead = {_default_lead(unit, published, future)}  # "earlier in the week", "the weekend"
    if lead == {"past"} and unit != "weekend":
        return _coarsen(published - dt.timedelta(days=_PAST_DAYS[unit]), published)
    offsets = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1}
    if len(lead) != 1 or next(iter(lead)) not in offsets:
        return None
    offset = offsets[next(iter(lead))]
    start, end = _unit_bounds(unit, published, offset)
    if "earlier" in words and offset == 0:
        end = min(end, published)
    return _coarsen(start, end)


def _default_lead(unit: str, published: dt.date, future: bool) -> str:
    """ "the weekend" in a weekday story is the one just past (or the coming one, if future)."""
    if unit != "weekend" or published.weekday() >= 5:
        return "this"
    return "this" if future else "last"


def _unit_bounds(unit: str, base: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar day/week/month/year `offset` units from `base`."""
    if unit == "day":
        day = base + dt.timedelta(days=offset)
        return day, day
    if unit == "weekend":
        saturday = base - dt.timedelta(days=base.weekday() - 5) + dt.timedelta(weeks=offset)
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + offset, 12)
        return dt.date(year, month + 1, 1), _month_end(year, month + 1)
    return dt.date(base.year + offset, 1, 1), dt.date(base.year + offset, 12, 31)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _coarsen(start: dt.date, end: dt.date) -> PartialDate | None:
    """The finest PartialDate containing every day from `start` to `end`."""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return PartialDate(start.year, start.month)
    return PartialDate(start.year) if start.year == end.year else None


def _ago(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """ "two years ago", "three days ago", "a month ago"."""
    if published is None or len(words) != 3 or words[2] != "ago":
        return None
    count = int(words[0]) if words[0].isdigit() else NUMBER_WORDS.get(words[0], -1)
    unit = words[1].rstrip("s")
    if count < 0 or unit not in SPAN_UNITS:
        return None
    if unit == "year":
        return PartialDate(published.year - count)
    if unit == "day":
        return _day(published - dt.timedelta(days=count))
    if unit == "month":
        start, end = _unit_bounds("month", published, -count)
        return _coarsen(start, end)
    middle = published - dt.timedelta(weeks=count)
    return _coarsen(middle - dt.timedelta(days=3), middle + dt.timedelta(days=3))


def _absolute(words: list[str], published: dt.date | None, future: bool) -> PartialDate | None:
    """Month names, days and years: "4 March", "March 26", "26 March 2018", "in 2014"."""
    iso = _ISO.match(words[0]) if len(words) == 1 else None
    if iso:
        y, m, d = iso.groups()
        return PartialDate(int(y), int(m), int(d) if d else None)
    core = [w for w in words if w not in SEASON_WORDS]
    month = _only([MONTH_ABBREVIATIONS.get(w[:3]) for w in core if _is_month(w)])
    year = _only([int(w) for w in core if _YEAR.match(w)])
    day = _only([int(m.group(1)) for w in core if (m := _DAY.match(w)) and int(m.group(1)) <= 31])
    known = sum(x is not None for x in (month, year, day))
    if -1 in (month, year, day):
        return None
    if known == 0 or known != len(core) or (day is not None and month is None):
        return None
    if year is None and (published is None or month is None):
        return None
    if year is None:
        year = _infer_year(month, day, published, future)
    return _checked(year, month, day)


def _is_month(word: str) -> bool:
    return word in MONTHS or (word in MONTH_ABBREVIATIONS and word != "may") or word == "sept."


def _only(values: Sequence[int | None]) -> int | None:
    """The single value found, or None when there is none; several make the phrase ambiguous."""
    found = [v for v in values if v is not None]
    return found[0] if len(found) == 1 else (None if not found else -1)


def _infer_year(month: int, day: int | None, published: dt.date, future: bool) -> int:
    """The year that puts a month (and day) nearest publication on the side the tense points."""
    candidate = dt.date(published.year, month, min(day or 1, 28))
    if future:
        ahead = (month, day or 31) < (published.month, published.day)
        return published.year + 1 if ahead else published.year
    # A week of slack: datelines and time zones put "on 28 March" in a story of 27 March.
    return published.year - 1 if candidate > published + dt.timedelta(days=7) else published.year


def _checked(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if -1 in (year, month, day):
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _dateparser(text: str, published: dt.date | None, future: bool) -> PartialDate | None:
    """Last resort for absolute forms we do not spell out ("the 4th of March, 2018", "4/3/2018")."""
    lowered = text.lower()
    if not (_NUMERIC_DATE.search(lowered) or any(_is_month(w) for w in _words(text))):
        return None
    if published is None and not re.search(r"\b(1[89]|20)\d\d\b", lowered):
        return None
    data = _parser(published, future).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    found = data.date_obj.date()
    month = found.month if data.period != "year" else None
    return PartialDate(found.year, month, found.day if data.period == "day" else None)


@lru_cache(maxsize=64)
def _parser(published: dt.date | None, future: bool) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if future else "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


# ---- attaching date expressions to an event trigger ----------------------------------------

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
    "referendum revolution assassination murder massacre".split()
)
CONTRAST_MARKS = frozenset(
    "after before since until till if unless once because although though whereas".split()
)
SIMULTANEOUS_MARKS = frozenset({"when", "as", "while"})
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
        found = _date_on(sentence, sentence.token(anchor), published)
        if found is not None:
            return found
    for anchor in anchors:
        for node in _nominal_nodes(sentence, sentence.token(anchor)):
            found = _direct_date(sentence, node, published, sentence.token(anchor))
            if found is not None:
                return found
    return None


def _date_on(sentence: Sentence, anchor: Token, published: dt.date | None) -> PartialDate | None:
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
        elif child.dep in MODIFIER_DEPS and _is_dateish(child):
            yield child
        elif nominal and child.dep in NOUN_MODIFIER_DEPS and _is_dateish(child):
            yield child


def _is_dateish(tok: Token) -> bool:
    return (
        tok.ent_type in DATE_ENTS
        or tok.lemma in DATE_LEMMAS
        or tok.lower in DATE_LEMMAS
        or bool(_YEAR.match(tok.text))
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
        or bool(_DAY.match(word) or _YEAR.match(word))
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
