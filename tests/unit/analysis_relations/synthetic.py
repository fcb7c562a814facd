"""A seeded synthetic history of relations with known change points and known alignments.

`make_history(seed)` writes ten years (2010-2019) of monthly event records:

- **Rift pairs**: eleven dyads and one state-bloc pair (PRK with ASEAN members or ASEAN
  itself). Each has 1-3 change points, at least 12 months apart and 8 months from either
  end, where the share of hostile events jumps by at least 0.35. Events per month are
  Poisson (10-25 per pair); an event is hostile (accuse, reject, threaten, expel, sanction,
  deny), trusting (intend, consult, visit, agree, cooperate, aid) or a neutral statement.
- **Aligned states**: each has a known side between the West (WST, +1) and Russia (-1),
  three of them switching side on 1 January of a known year. Every month each acts about
  2.5 times toward a Western state or Russia: toward its own side cooperatively 80 % of the
  time, toward the other side with hostility 80 % of the time. Every March, states aligned
  with the West expel Russian diplomats within ten days (a coordinated action), and half of
  the Russia-aligned states say they will not.

The truth is returned beside the records: change points as the first month of each new
regime, sides as (from day, sign) steps.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import numpy as np

from riftwatch.actors.membership import load_membership
from riftwatch.coding.cameo import load_cameo_table
from riftwatch.events.records import EventRecord

START = dt.date(2010, 1, 1)
MONTHS = 120
HOSTILE = ("111", "112", "120", "130", "161", "163", "016")
TRUSTING = ("030", "036", "040", "042", "057", "061", "071")
NEUTRAL = "010"
COUNTED = {"161", "163"}  # codes that may carry a number ("expelled 12 diplomats")

RIFT_PAIRS = (
    ("IND", "PAK"), ("ETH", "ERI"), ("ISR", "LBN"), ("SAU", "QAT"), ("EGY", "SDN"),
    ("KEN", "SOM"), ("THA", "KHM"), ("PER", "CHL"), ("MAR", "DZA"), ("RWA", "COD"),
    ("BOL", "PRY"), ("PRK", "ASEAN"),
)  # fmt: skip

# State -> [(from, side)]: +1 with the West, -1 with Russia.
SIDES: dict[str, list[tuple[dt.date, int]]] = {
    **{code: [(START, 1)] for code in ("USA", "GBR", "FRA", "DEU", "POL", "JPN", "AUS")},
    **{code: [(START, 1)] for code in ("UKR", "GEO", "MDA")},
    **{code: [(START, -1)] for code in ("RUS", "BLR", "SYR", "VEN", "CUB", "NIC", "CHN")},
    "IRN": [(START, -1)],
    "TUR": [(START, 1), (dt.date(2016, 1, 1), -1)],
    "ARM": [(START, -1), (dt.date(2018, 1, 1), 1)],
    "KAZ": [(START, -1), (dt.date(2015, 1, 1), 1)],
}


@dataclass(frozen=True, slots=True)
class History:
    """Synthetic records and the truth they were drawn from."""

    records: list[EventRecord]
    change_points: dict[tuple[str, str], list[dt.date]]  # first month of each new regime
    sides: dict[str, list[tuple[dt.date, int]]]


def make_history(seed: int = 2018) -> History:
    """Draw the history for `seed` (the same seed gives the same records)."""
    rng = np.random.default_rng(seed)
    ids = itertools.count()
    records: list[EventRecord] = []
    change_points: dict[tuple[str, str], list[dt.date]] = {}
    for a, b in RIFT_PAIRS:
        points, shares = _regimes(rng)
        change_points[(a, b)] = [_month(m) for m in points]
        records += _pair_events(rng, ids, a, b, points, shares)
    records += _aligned_events(rng, ids)
    return History(records, change_points, SIDES)


def side_of(state: str, day: dt.date) -> int:
    """The true side of `state` on `day`."""
    return [sign for start, sign in SIDES[state] if start <= day][-1]


def _month(index: int) -> dt.date:
    return dt.date(START.year + index // 12, index % 12 + 1, 1)


def _regimes(rng: np.random.Generator) -> tuple[list[int], list[float]]:
    """Change months and the hostile share of each regime."""
    count = int(rng.integers(1, 4))
    points: list[int] = []
    while len(points) < count:
        candidate = int(rng.integers(8, MONTHS - 8))
        if all(abs(candidate - p) >= 12 for p in points):
            points.append(candidate)
    shares = [float(rng.uniform(0.1, 0.9))]
    for _ in points:
        share = shares[-1]
        while abs(share - shares[-1]) < 0.35:
            share = float(rng.uniform(0.05, 0.95))
        shares.append(share)
    return sorted(points), shares


def _pair_events(
    rng: np.random.Generator,
    ids: itertools.count[int],
    a: str,
    b: str,
    points: list[int],
    shares: list[float],
) -> list[EventRecord]:
    rate = float(rng.uniform(10, 25))
    members = sorted(load_membership().members(b, START)) if b == "ASEAN" else []
    records = []
    for month in range(MONTHS):
        share = shares[sum(month >= p for p in points)]
        for _ in range(int(rng.poisson(rate))):
            kind = rng.random()
            cameo = str(
                rng.choice(HOSTILE) if kind < share * 0.85 else
                rng.choice(TRUSTING) if kind < 0.85 else NEUTRAL
            )  # fmt: skip
            partner = str(rng.choice([*members, b])) if members else b
            source, target = (a, partner) if rng.random() < 0.5 else (partner, a)
            records.append(_record(rng, ids, source, target, cameo, _day(rng, month)))
    return records


def _aligned_events(rng: np.random.Generator, ids: itertools.count[int]) -> list[EventRecord]:
    west = load_membership()
    records = []
    for month in range(MONTHS):
        first = _month(month)
        westerners = sorted(west.members("WST", first))
        for state in SIDES:
            side = side_of(state, first)
            for _ in range(int(rng.poisson(2.5))):
                to_west = state == "RUS" or rng.random() < 0.5
                others = [w for w in westerners if w != state]
                partner = str(rng.choice(others)) if to_west else "RUS"
                friendly = (rng.random() < 0.8) == ((side > 0) == to_west)
                cameo = str(rng.choice(TRUSTING if friendly else HOSTILE))
                records.append(_record(rng, ids, state, partner, cameo, _day(rng, month)))
        if first.month == 3:
            records += _expulsion_wave(rng, ids, first)
    return records


def _expulsion_wave(
    rng: np.random.Generator, ids: itertools.count[int], first: dt.date
) -> list[EventRecord]:
    records = []
    for state in SIDES:
        day = first + dt.timedelta(days=int(rng.integers(10, 20)))
        if state != "RUS" and side_of(state, first) > 0:
            records.append(_record(rng, ids, state, "RUS", "161", day, count=True))
        elif state != "RUS" and rng.random() < 0.5:
            records.append(_record(rng, ids, state, "RUS", "161", day, modality="negated"))
    return records


def _day(rng: np.random.Generator, month: int) -> dt.date:
    return _month(month) + dt.timedelta(days=int(rng.integers(0, 28)))


def _record(
    rng: np.random.Generator,
    ids: itertools.count[int],
    source: str,
    target: str,
    cameo: str,
    day: dt.date,
    *,
    count: bool = False,
    modality: str = "asserted",
) -> EventRecord:
    action = load_cameo_table().action(cameo)
    numbered = (count or cameo in COUNTED) and rng.random() < 0.5
    number = float(rng.integers(1, 31)) if numbered else None
    serial = next(ids)
    text = f"{source} acted ({action.label}) towards {target}."
    return EventRecord(
        id=f"syn{serial}",
        doc_id=f"doc{serial}",
        sentence=0,
        start=0,
        end=len(text),
        trigger_start=0,
        trigger_end=len(source),
        trigger=action.label,
        evidence=text,
        source=source,
        source_name=source,
        source_sector="GOV",
        source_kind="bloc" if source == "ASEAN" else "state",
        target=target,
        target_name=target,
        target_sector="GOV",
        cameo=cameo,
        root=cameo[:2],
        goldstein=action.goldstein,
        quad_class=action.quad_class,
        plover=action.plover,
        plover_mode=action.plover_mode,
        count=number,
        count_qualifier="exact" if number is not None else None,
        count_unit="diplomat" if number is not None else None,
        date=day.isoformat(),
        date_precision="day",
        date_fallback=False,
        modality=modality,
        confidence=0.9,
        symmetric=cameo in ("036", "040", "057"),
        rule="synthetic",
    )
