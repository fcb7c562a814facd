"""Event identity: which event mentions report the same real-world event.

Two mentions are one event (`same_event`) when all of these hold:

- actors: the same source and target at state level; a symmetric action ("met", "clashed")
  matches in either order;
- action: the same 3-digit CAMEO code, or the same PLOVER type and mode, or one of them is
  its root's unspecified code ("190 use conventional military force" fits "195 employ aerial
  weapons": the coder only knew the root);
- modality: both facts (asserted or announced), or both the same non-factual modality, so
  "Turkey will not expel" never joins "Poland expelled";
- date: the dates overlap at their precision ("March 2018" holds 27 March), allowing
  `day_tolerance` days; a date that fell back to the story date is weak evidence and stands for
  "some day in the `fallback_window` days up to publication";
- count: the counts overlap once qualifiers are read as ranges ("more than 20" holds 23,
  "nearly two dozen" holds 23); two different exact counts conflict; a missing count fits any,
  and so do counts of different things ("six locations", "26 people").

`merge_mentions` clusters so that the result depends on the *set* of mentions, never on the
order they arrive in. Mentions are split into blocks (`block_key`: actors, CAMEO root, year of
the date, modality class) and each block is clustered from scratch in a canonical order,
strongest evidence first: a real date before a story-date fallback, day before month before
year. A mention joins the nearest cluster whose *every* member it is compatible with (complete
link, so "in March" cannot chain the 3rd and the 28th into one event). Dates and counts are
intervals, so "compatible with every member" is "overlaps the intersection of the members'
intervals" (per unit, for counts; Helly's theorem in one dimension), which keeps each test
O(1). Adding documents
later re-clusters only the blocks they fall in, which is what makes merging incremental.

Background mentions need no special case: "after Russia annexed Crimea in 2014" is coded with
the date 2014, so it lands in the 2014 block and joins the annexation, not the story's day.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from riftwatch.events.merged import EventMention, MergedEvent, actor_pair, merged_event

Span = tuple[float, float]

_FAR = 1e9  # an undated mention spans all time; finite so that centres stay numbers
_ANY = (-math.inf, math.inf)  # the span of a missing count
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class MergeRules:
    """How far reports of one event may differ and still be merged."""

    # Day dates this many days apart may be one date: time zones, "overnight", late filing.
    day_tolerance: int = 1
    fallback_window: int = 3  # a story-date fallback may be an event this many days earlier
    about_margin: float = 0.15  # "about 100" holds 85 to 115


DEFAULT_RULES = MergeRules()


def block_key(mention: EventMention) -> str:
    """Mentions that may be one event share this key: actors, CAMEO root, year, modality class.

    Blocks trade two rare merges for speed: a PLOVER match across CAMEO roots (COERCE spans 16,
    17 and 19), and day dates either side of New Year.
    """
    source, target = actor_pair(mention)
    arrow = "~" if mention.symmetric else ">"
    year = mention.date[:4] if mention.date else "-"
    return f"{source}{arrow}{target}|{mention.root}|{year}|{_kind(mention)}"


def same_actors(a: EventMention, b: EventMention) -> bool:
    """Same source and target; in either order when the action is symmetric."""
    return a.symmetric == b.symmetric and actor_pair(a) == actor_pair(b)


def actions_compatible(a: EventMention, b: EventMention) -> bool:
    """Same 3-digit CAMEO code, or the same PLOVER type and mode."""
    return _actions_fit(_action(a), _action(b))


def dates_compatible(a: EventMention, b: EventMention, rules: MergeRules = DEFAULT_RULES) -> bool:
    """The dates can name the same day, at their precision and within the tolerances."""
    return _overlap(date_span(a, rules), date_span(b, rules))


def counts_compatible(a: EventMention, b: EventMention, rules: MergeRules = DEFAULT_RULES) -> bool:
    """The counts can be the same number once qualifiers are read as ranges."""
    if a.count_unit and b.count_unit and a.count_unit != b.count_unit:
        return True
    return _overlap(count_span(a, rules), count_span(b, rules))


def same_event(a: EventMention, b: EventMention, rules: MergeRules = DEFAULT_RULES) -> bool:
    """All the rules of the module docstring hold for this pair."""
    return (
        same_actors(a, b)
        and _kind(a) == _kind(b)
        and actions_compatible(a, b)
        and dates_compatible(a, b, rules)
        and counts_compatible(a, b, rules)
    )


def date_span(mention: EventMention, rules: MergeRules = DEFAULT_RULES) -> Span:
    """The days (ordinals) the date allows, widened by half the day tolerance on each side, so
    that two spans overlap exactly when the dates are at most `day_tolerance` days apart."""
    if not mention.date:
        return -_FAR, _FAR
    low, high = _bounds(mention.date)
    if mention.date_fallback:
        low = high - rules.fallback_window
    half = rules.day_tolerance / 2
    return low - half, high + half


def count_span(mention: EventMention, rules: MergeRules = DEFAULT_RULES) -> Span:
    """The numbers the count allows: "more than 20" -> (20, inf), "nearly 24" -> [0, 24)."""
    if mention.count is None:
        return _ANY
    value = float(mention.count)
    match mention.count_qualifier or "exact":
        case "exact":
            return value, value
        case "more_than":
            return math.nextafter(value, math.inf), math.inf
        case "at_least":
            return value, math.inf
        case "less_than":
            return 0.0, math.nextafter(value, -math.inf)
        case "up_to":
            return 0.0, value
        case _:  # "about", and any vaguer qualifier a later coder may add
            return value * (1 - rules.about_margin), value * (1 + rules.about_margin)


def merge_mentions(
    mentions: Iterable[EventMention], rules: MergeRules = DEFAULT_RULES
) -> list[MergedEvent]:
    """One MergedEvent per real-world event among `mentions`, whatever order they come in."""
    merged = [
        event for block in group_blocks(mentions).values() for event in merge_block(block, rules)
    ]
    return sorted(merged, key=lambda e: (e.date or "", e.id))


def group_blocks(mentions: Iterable[EventMention]) -> dict[str, list[EventMention]]:
    """Mentions by `block_key`; a mention given twice (same id) counts once."""
    unique = {m.id: m for m in mentions}
    blocks: dict[str, list[EventMention]] = defaultdict(list)
    for mention in unique.values():
        blocks[block_key(mention)].append(mention)
    return dict(blocks)


def merge_block(
    mentions: Sequence[EventMention], rules: MergeRules = DEFAULT_RULES
) -> list[MergedEvent]:
    """The events in one block, clustered from scratch (see the module docstring)."""
    return [merged_event(members) for members in cluster_block(mentions, rules)]


def cluster_block(
    mentions: Sequence[EventMention], rules: MergeRules = DEFAULT_RULES
) -> list[list[EventMention]]:
    """Mentions of one block grouped by event: strongest evidence first, nearest cluster wins."""
    clusters: list[_Cluster] = []
    for mention in sorted(mentions, key=_strength):
        days, action = date_span(mention, rules), _action(mention)
        counts = (mention.count_unit or "", count_span(mention, rules))
        fits = [c for c in clusters if c.accepts(days, counts, action)]
        if not fits:
            clusters.append(_Cluster(mention, days, counts, action))
            continue
        # A fallback date points at the story date, so it looks back from there.
        ref = days[1] - rules.day_tolerance / 2 if mention.date_fallback else sum(days) / 2
        best = min(fits, key=lambda c: (abs(ref - c.centre), -len(c.members)))
        best.add(mention, days, counts, action)
    return [c.members for c in clusters]


_Action = tuple[str, str, str]  # 3-digit CAMEO, PLOVER type, PLOVER mode
_Count = tuple[str, Span]  # unit ("" when not given), span


class _Cluster:
    """Members so far and the intersection of their date spans and, per unit, count spans."""

    __slots__ = ("actions", "counts", "days", "members")

    def __init__(self, mention: EventMention, days: Span, count: _Count, action: _Action) -> None:
        self.members = [mention]
        self.days, self.actions = days, {action}
        self.counts: dict[str, Span] = {}
        self._add_count(count)

    @property
    def centre(self) -> float:
        return (self.days[0] + self.days[1]) / 2

    def accepts(self, days: Span, count: _Count, action: _Action) -> bool:
        unit, span = count
        # A unit-less count is compared with every unit; a count of a unit with its own unit
        # and the unit-less ones.
        compared = self.counts.values() if not unit else (self.counts.get(k) for k in (unit, ""))
        return (
            _overlap(self.days, days)
            and all(other is None or _overlap(other, span) for other in compared)
            and all(_actions_fit(action, other) for other in self.actions)
        )

    def add(self, mention: EventMention, days: Span, count: _Count, action: _Action) -> None:
        self.members.append(mention)
        self.days = _intersect(self.days, days)
        self.actions.add(action)
        self._add_count(count)

    def _add_count(self, count: _Count) -> None:
        unit, span = count
        if span != _ANY:
            self.counts[unit] = _intersect(self.counts.get(unit, _ANY), span)


def _kind(mention: EventMention) -> str:
    """Facts merge with facts; each other modality only with itself."""
    return "fact" if mention.factual else mention.modality


def _action(mention: EventMention) -> _Action:
    return mention.cameo[:3], mention.plover, mention.plover_mode


def _actions_fit(a: _Action, b: _Action) -> bool:
    if a[0] == b[0] or (a[1] and a[1:] == b[1:]):
        return True
    return a[0][:2] == b[0][:2] and (_unspecified(a[0]) or _unspecified(b[0]))


def _unspecified(cameo: str) -> bool:
    """ "19" or "190": the root's "not specified below" code."""
    return len(cameo) == 2 or cameo[2] == "0"


def _overlap(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _intersect(a: Span, b: Span) -> Span:
    return max(a[0], b[0]), min(a[1], b[1])


def _strength(mention: EventMention) -> tuple[bool, int, str, bool, str]:
    """Canonical order, strongest evidence first; the id breaks ties so order never matters."""
    rank = _PRECISION_RANK.get(mention.date_precision or "", 3)
    return mention.date_fallback, rank, mention.date or "", mention.count is None, mention.id


@lru_cache(maxsize=65536)
def _bounds(date: str) -> tuple[int, int]:
    """First and last day (ordinals) of "2018", "2018-03" or "2018-03-27"."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts).toordinal()
        return day, day
    if len(parts) == 2:
        year, month = parts
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1).toordinal(), following.toordinal() - 1
    return dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0], 12, 31).toordinal()
