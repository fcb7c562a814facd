"""Find actor mentions in a parsed document and resolve them to state-level codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from riftwatch.actors.ambiguity import weigh_readings
from riftwatch.actors.anaphora import STATE_ANAPHOR, StatesSeen, is_subject
from riftwatch.actors.dateline import Dateline, find_dateline
from riftwatch.actors.lexicon import ActorEntry, ActorLexicon, load_actor_lexicon
from riftwatch.actors.match import Span, match_sentence
from riftwatch.actors.owners import Nearby, located_in, named_state, owner, scene_of, scenes
from riftwatch.actors.places import ethnic_group, is_place
from riftwatch.actors.quantity import count_before
from riftwatch.actors.select import pick
from riftwatch.types import ActorKind, ActorMention, ParsedDoc, Quantity, Sentence, Token

RULE = "actors.v1"
_GLUE = frozenset({"'s", "’s", "'", "’"})
_KIND = {
    "state": ActorKind.STATE,
    "igo": ActorKind.IGO,
    "bloc": ActorKind.BLOC,
    "person": ActorKind.PERSON,
}
# What may follow what inside one mention ("Russian" "foreign ministry" "spokesman" "X Y").
_NEXT = {"mod": ("agent", "group", "person"), "agent": ("agent", "person")}
_ANAPHOR_RULES = {"NATO": "alliance-anaphor", "EU": "bloc-anaphor"}
_RECENT = 3  # sentences within which a generic anaphor ("the group") finds its antecedent


@dataclass
class _Context:
    """What a document has established so far, in reading order."""

    text: str
    doc_id: str
    date: dt.date | None
    dateline: Dateline | None
    aliases: dict[str, ActorEntry] = field(default_factory=dict)
    # code -> (sentence index, order) of its latest mention: anaphors take the latest.
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    topic: str | None = None  # the state the latest sentence that named one was about
    count: int = 0
    states: StatesSeen = field(default_factory=StatesSeen)

    def saw(self, mention: ActorMention, subject: bool, state: bool) -> None:
        self.count += 1
        self.seen[mention.code] = (mention.sentence, self.count)
        if state:
            self.states.saw(mention.code, mention.name, mention.sentence, subject=subject)


@dataclass(frozen=True, slots=True)
class _Part:
    span: Span
    cat: str  # mod | agent | person | group | anaphor


def find_mentions(parsed: ParsedDoc, lexicon: ActorLexicon | None = None) -> list[ActorMention]:
    """Actor mentions in text order, resolved at the document's publication date."""
    lexicon = lexicon or load_actor_lexicon()
    doc = parsed.document
    dateline = find_dateline(doc.text, lexicon)
    ctx = _Context(doc.text, doc.id, doc.published, dateline)
    skip = dateline.end if dateline else 0
    mentions: list[ActorMention] = []
    for sentence in parsed.sentences:
        spans = match_sentence(sentence, lexicon, skip, ctx.aliases)
        found = _sentence_mentions(sentence, spans, ctx, lexicon)
        mentions.extend(_what_it_names(sentence, m, found) for m in found)
    return weigh_readings(parsed, mentions)


def _what_it_names(
    sentence: Sentence, mention: ActorMention, found: list[ActorMention]
) -> ActorMention:
    if ethnic_group(sentence, mention):
        return replace(mention, certainty=0.2, doubt="an ethnic group (ethnic)")
    return replace(mention, place=True) if is_place(sentence, mention, found) else mention


def _sentence_mentions(
    sentence: Sentence, spans: list[Span], ctx: _Context, lexicon: ActorLexicon
) -> list[ActorMention]:
    out: list[ActorMention] = []
    offices = any(span.of_kind("agent") for span in spans)  # only they need their owners
    named = named_state(spans, ctx.date, lexicon) if offices else None
    scene_map = scenes(sentence, spans, ctx.date, lexicon) if offices else {}
    ctx.states.new_sentence()
    k = 0
    while k < len(spans):
        parts = _chunk(sentence.tokens, spans, k)
        following = spans[k + len(parts)] if k + len(parts) < len(spans) else None
        limit = following.start if following else None
        nearby = Nearby(
            earlier=next((m.code for m in out if _is_state(m, lexicon)), None),
            last=next((m.code for m in reversed(out) if _named_state(m, lexicon)), None),
            located=located_in(sentence.tokens, parts[-1].span, following, ctx.date, lexicon),
            named=named,
            scene=scene_of(sentence, parts[-1].span, scene_map),
            dateline=ctx.dateline.code if ctx.dateline else None,
            topic=ctx.topic,
        )
        mention = _interpret(sentence, parts, ctx, lexicon, limit, nearby)
        if mention is not None:
            mention = _owned_by_possessor(sentence, mention, out)
            out.append(mention)
            head = sentence.token(mention.token_end - 1)
            ctx.saw(mention, is_subject(head), _named_state(mention, lexicon))
        k += len(parts)
    ctx.topic = next((m.code for m in out if _is_state(m, lexicon)), ctx.topic)
    return out


def _owned_by_possessor(
    sentence: Sentence, mention: ActorMention, before: list[ActorMention]
) -> ActorMention:
    """ "the Pacific nation's cabinet", "Iraq's caretaker prime minister": an office a state
    owns through a possessive is that state's, whatever the words between."""
    if not before or not mention.sector or ":rule:" not in mention.rule:
        return mention
    owner = before[-1]
    anaphor = owner.rule.endswith("state-anaphor")
    if not anaphor and (owner.kind is not ActorKind.STATE or ":rule:" in owner.rule):
        return mention
    head = sentence.token(mention.token_end - 1)
    owned = any(
        c.dep == "poss" and owner.token_start <= c.i < owner.token_end
        for c in sentence.children(head)
    )
    adjacent = owner.token_end + 1 == mention.token_start and (
        sentence.token(owner.token_end).text in {"'s", "'"}
    )
    if not (owned or adjacent):
        return mention
    return replace(mention, code=owner.code, rule=f"{owner.rule}+possessive-office")


def _named_state(mention: ActorMention, lexicon: ActorLexicon) -> bool:
    """A state the text names, not one an office or crowd was given by a rule."""
    return _is_state(mention, lexicon) and ":rule:" not in mention.rule


def _is_state(mention: ActorMention, lexicon: ActorLexicon) -> bool:
    return mention.kind in (ActorKind.STATE, ActorKind.PERSON) and not lexicon.is_igo(mention.code)


def _category(span: Span, prev: str | None) -> str | None:
    if prev is None:
        order = ("anaphor", "person", "mod", "agent", "group")
    else:
        order = ("agent", "person", "group") if prev == "mod" else _NEXT.get(prev, ())
    for cat in order:
        if _has(span, cat):
            return cat
    return None


def _has(span: Span, cat: str) -> bool:
    if cat == "mod":
        return bool(span.modifiers)
    if cat == "person":
        return bool(span.of_kind("person"))
    return bool(span.of_kind(cat))


def _adjacent(tokens: Sequence[Token], a: Span, b: Span) -> bool:
    return all(t.text in _GLUE for t in tokens[a.end : b.start])


def _chunk(tokens: Sequence[Token], spans: list[Span], k: int) -> list[_Part]:
    """The longest run of spans from k that reads as one actor phrase."""
    first = _category(spans[k], None)
    parts = [_Part(spans[k], first or "none")]
    while first and k + len(parts) < len(spans):
        nxt = spans[k + len(parts)]
        prev = parts[-1].cat
        cat = _category(nxt, prev)
        if not _adjacent(tokens, parts[-1].span, nxt) or cat not in _NEXT.get(prev, ()):
            break
        parts.append(_Part(nxt, cat))
    return parts


def _tail(tokens: Sequence[Token], start: int, limit: int | None) -> int:
    """End of an unknown personal name right after a title ("ambassador Laurie Bristow")."""
    end = start
    stop = len(tokens) if limit is None else limit
    while end < stop and tokens[end].ent_type == "PERSON" and tokens[end].pos == "PROPN":
        end += 1
    return end


def _interpret(
    sentence: Sentence,
    parts: list[_Part],
    ctx: _Context,
    lexicon: ActorLexicon,
    limit: int | None,
    nearby: Nearby,
) -> ActorMention | None:
    cats = {p.cat: p for p in parts}
    if "anaphor" in cats:
        return _anaphor(sentence, cats["anaphor"].span, ctx)
    if "person" in cats:
        return _person(sentence, parts, ctx)
    tokens = sentence.tokens
    end = parts[-1].span.end
    tail_end = _tail(tokens, end, limit) if parts[-1].cat == "agent" else end
    if "mod" in cats:
        return _modified(sentence, parts, ctx, lexicon, tail_end)
    if "agent" in cats:
        return _context_default(sentence, parts, ctx, tail_end, nearby)
    return None


def _mention(
    sentence: Sentence, start: int, end: int, ctx: _Context, entry: ActorEntry, **kw: object
) -> ActorMention:
    tokens = sentence.tokens
    first, last = tokens[start], tokens[end - 1]
    fields: dict = {
        "code": entry.code,
        "name": entry.name,
        "sector": entry.sector,
        "kind": _KIND.get(entry.kind, ActorKind.STATE),
        "rule": f"{RULE}:{entry.id}",
    }
    fields.update(kw)
    return ActorMention(
        doc_id=ctx.doc_id,
        sentence=sentence.index,
        start=first.start,
        end=last.end,
        token_start=first.i,
        token_end=last.i + 1,
        text=ctx.text[first.start : last.end],
        **fields,
    )


def _agent_sector(parts: list[_Part], ctx: _Context) -> str:
    agents = [p.span for p in parts if p.cat == "agent"]
    return pick(agents[-1].of_kind("agent"), ctx.date).sector if agents else ""


def _anaphor(sentence: Sentence, span: Span, ctx: _Context) -> ActorMention | None:
    """ "The alliance" after NATO, "the fund" after the IMF: the latest one named."""
    if any(e.code == STATE_ANAPHOR for e in span.of_kind("anaphor")):
        return _state_anaphor(sentence, span, ctx)
    named = [e for e in span.of_kind("anaphor") if _antecedent(e, sentence, ctx)]
    if not named:
        return None
    entry = max(named, key=lambda e: ctx.seen[e.code][1])
    rule = f"{RULE}:rule:{_ANAPHOR_RULES.get(entry.code, 'anaphor')}"
    return _mention(sentence, span.start, span.end, ctx, entry, kind=ActorKind.IGO, rule=rule)


def _state_anaphor(sentence: Sentence, span: Span, ctx: _Context) -> ActorMention | None:
    """ "the country", "the kingdom": the state named last (see actors/anaphora.py)."""
    found = ctx.states.antecedent(sentence, sentence.tokens[span.end - 1])
    if found is None:
        return None
    code, name = found
    entry = next(e for e in span.of_kind("anaphor") if e.code == STATE_ANAPHOR)
    rule = f"{RULE}:rule:state-anaphor"
    return _mention(sentence, span.start, span.end, ctx, entry, code=code, name=name, rule=rule)


def _antecedent(entry: ActorEntry, sentence: Sentence, ctx: _Context) -> bool:
    """The organisation was named before, and lately for generic words ("the group")."""
    if entry.code not in ctx.seen:
        return False
    return entry.requires != "recent" or sentence.index - ctx.seen[entry.code][0] <= _RECENT


def _person(sentence: Sentence, parts: list[_Part], ctx: _Context) -> ActorMention:
    span = next(p.span for p in parts if p.cat == "person")
    entry = pick(span.of_kind("person"), ctx.date)
    sector = entry.sector or _agent_sector(parts, ctx)
    tokens = sentence.tokens
    if span.end - span.start > 1:
        # Family names come last in "Jens Stoltenberg" and first in "Kim Jong Un".
        for surname in (tokens[span.end - 1], tokens[span.start]):
            _remember(ctx, surname, entry)
    return _mention(sentence, parts[0].span.start, span.end, ctx, entry, sector=sector)


def _remember(ctx: _Context, surname: Token, entry: ActorEntry) -> None:
    """Later "Stoltenberg" alone means the "Jens Stoltenberg" named earlier."""
    key = surname.lower
    if not surname.text[:1].isupper() or key in ctx.aliases:
        return
    base = entry.id.removeprefix("rule:surname:")
    ctx.aliases[key] = replace(
        entry, id=f"rule:surname:{base}", phrase=key, cased=None, kind="person", source="riftwatch"
    )


def _modified(
    sentence: Sentence, parts: list[_Part], ctx: _Context, lexicon: ActorLexicon, tail_end: int
) -> ActorMention | None:
    mod = parts[0].span
    entry = pick(mod.modifiers, ctx.date)
    cats = [p.cat for p in parts]
    if entry.requires == "agent" and not ({"agent", "group"} & set(cats)):
        return None
    start, count = _group_count(sentence.tokens, parts, lexicon)
    if count is not None or "group" in cats:
        return _mention(
            sentence, start, tail_end, ctx, entry, kind=ActorKind.GROUP, count=count, sector=""
        )
    sector = _agent_sector(parts, ctx) or entry.sector
    kind = _KIND.get(entry.kind, ActorKind.STATE)
    seat = entry.seat and len(parts) == 1
    if tail_end > parts[-1].span.end:
        kind = ActorKind.PERSON
        # Either end of the name may be the surname ("ambassador Laurie Bristow", "ambassador
        # Kang Chol"); a later mention of either means this person.
        for surname in {sentence.tokens[parts[-1].span.end], sentence.tokens[tail_end - 1]}:
            _remember(ctx, surname, replace(entry, sector=sector))
    return _mention(sentence, mod.start, tail_end, ctx, entry, sector=sector, kind=kind, seat=seat)


def _group_count(
    tokens: Sequence[Token], parts: list[_Part], lexicon: ActorLexicon
) -> tuple[int, Quantity | None]:
    """A count in front of a group phrase ("some 15 other EU countries")."""
    start = parts[0].span.start
    last = tokens[parts[-1].span.end - 1]
    grouped = parts[-1].cat == "group" or any(e.kind == "group" for e in lexicon.lookup(last.lower))
    found = count_before(tokens, start) if grouped else None
    if found is None:
        return start, None
    begin, quantity = found
    return begin, replace(quantity, unit=last.lemma)


def _context_default(
    sentence: Sentence,
    parts: list[_Part],
    ctx: _Context,
    tail_end: int,
    nearby: Nearby,
) -> ActorMention | None:
    """An office or crowd with no country, resolved by owners.owner."""
    tokens = sentence.tokens
    head = tokens[parts[-1].span.end - 1]
    sector = _agent_sector(parts, ctx)
    found = owner(sentence, parts[0].span.start, head, sector, nearby)
    if found is None:
        return None
    code, rule = found
    entry = ActorEntry(
        id=rule,
        phrase=head.lower,
        code=code,
        sector=sector,
        name=code,
        kind="state",
        source="riftwatch",
    )
    if tail_end > parts[-1].span.end:
        _remember(ctx, tokens[tail_end - 1], entry)
    return _mention(sentence, parts[0].span.start, tail_end, ctx, entry)
