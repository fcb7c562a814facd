"""Readers for the TABARI/Phoenix dictionary formats behind the actor lexicon.

CAMEO countrynames.txt gives (name, ISO3) rows. PETRARCH2's Phoenix actor dictionaries are
TABARI blocks: a head name, `+` synonym lines and `[CODE dates]` roles; a role is kept only when
its CAMEO code places it in a known state (first three letters) or an IGO we map to the gold's
organisation codes (longest prefix wins), and only when its dates parse (two-digit years up to 20
are 20xx). Phoenix.agents.txt gives sector nouns; its `!SET!` substitutions are expanded and the
regular plurals Phoenix stripped are generated again.

Used by tools/build_actor_lexicon.py, which imports this module from the tools directory.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Phoenix's CAMEO IGO codes -> the gold's organisation codes; longest prefix wins.
IGO_CODES = {
    "IGOWSTNAT": "NATO",
    "IGOEUREEC": "EU",
    "IGOUNOIAE": "IAEA",
    "IGOUNOHLHWHO": "WHO",
    "IGOUNODEVWBK": "WB",
    "IGOUNOWBK": "WB",
    "IGOUNO": "UN",
    "IGOBUSIMF": "IMF",
    "IGOBUSWTO": "WTO",
    "IGOBUSOPC": "OPEC",
    "IGOJUDICC": "ICC",
    "IGOSEAASN": "ASEAN",
    "IGOAFRAFU": "AU",
    "IGOAFROAU": "AU",
    "IGOMEAARL": "ARL",
}
_ROLE = re.compile(r"\[([^\]]*)\]")
_DATES = re.compile(r"^(?:(\d+)-(\d+)|>(\d+)|<(\d+))$")


@dataclass(frozen=True)
class Role:
    code: str
    sector: str
    start: str | None
    end: str | None


@dataclass
class Block:
    """One TABARI actor: head name, synonyms, roles (`[CODE dates]`)."""

    head: str
    synonyms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    comment: str = ""


def parse_date(raw: str) -> str | None:
    """TABARI YYMMDD or YYYYMMDD -> ISO date; None when malformed."""
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = f"{2000 + yy if yy <= 20 else 1900 + yy}{raw[2:]}"
    if len(raw) != 8:
        return None
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:])).isoformat()
    except ValueError:
        return None


def state_of(code: str, states: set[str]) -> tuple[str, str] | None:
    """CAMEO actor code -> (state-level code, sector) or None when not of interest."""
    if code.startswith("IGO"):
        for prefix in sorted(IGO_CODES, key=len, reverse=True):
            if code.startswith(prefix):
                return IGO_CODES[prefix], ""
        return None
    if code[:3] in states:
        return code[:3], code[3:6]
    return None


def parse_role(raw: str, states: set[str]) -> Role | None:
    """`RUSGOV 000317-011019` -> Role; None for codes we cannot place or bad dates."""
    parts = raw.split()
    if not parts:
        return None
    placed = state_of(parts[0], states)
    if placed is None:
        return None
    start = end = None
    if len(parts) > 1:
        match = _DATES.match("".join(parts[1:]))
        if not match:
            return None
        a, b, after, before = match.groups()
        start = parse_date(a or after) if (a or after) else None
        end = parse_date(b or before) if (b or before) else None
        if (a or after) and start is None or (b or before) and end is None:
            return None
    return Role(placed[0], placed[1], start, end)


def read_blocks(path: Path) -> Iterator[Block]:
    """TABARI actor blocks: a head line, `+` synonym lines, indented `[role]` lines."""
    block: Block | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        roles = _ROLE.findall(body)
        name = _ROLE.sub("", body).strip()
        if line[0] in " \t" and not name:
            if block:
                block.roles.extend(roles)
        elif line.startswith("+"):
            if block:
                block.synonyms.append(name[1:])
                block.roles.extend(roles)
        else:
            if block:
                yield block
            block = Block(head=name, roles=list(roles), comment=comment)
    if block:
        yield block


def words(name: str) -> str:
    """TABARI `RUSSIAN_FEDERATION_` -> `Russian Federation` (cased like running text)."""
    text = re.sub(r"[_\s]+", " ", name).strip()
    return " ".join(
        w if any(c in w for c in ".-'") and len(w) <= 5 else w.title() for w in text.split()
    )


def read_countrynames(path: Path) -> list[tuple[str, str]]:
    """(name, ISO3) rows with a 3-letter code."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[A-Z]{3}", parts[1]):
            rows.append((parts[0].strip(), parts[1]))
    return rows


def expand_agent(text: str, sets: dict[str, list[str]]) -> list[str]:
    """Expand `!MINIST!`-style substitution sets."""
    match = re.search(r"!([A-Z]+)!", text)
    if not match:
        return [text]
    out = []
    for alt in sets.get(match.group(1), []):
        out.extend(expand_agent(text[: match.start()] + alt + text[match.end() :], sets))
    return out


def plural(word: str) -> str:
    """Regular English plural of the last word (Phoenix removed them, expecting a generator)."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def read_agents(path: Path) -> Iterator[tuple[str, str]]:
    """(agent phrase, sector) from Phoenix.agents.txt, sets expanded, plurals added."""
    sets: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.partition("#")[0].strip()
        set_def = re.match(r"^!([A-Z]+)!\s*=\s*(.+)$", body)
        if set_def:
            sets[set_def.group(1)] = [x.strip() for x in set_def.group(2).split(",")]
            continue
        match = re.match(r"^([A-Z0-9_!.'-]+)\s*\[~([A-Z]{3})[A-Z]*\]$", body)
        if not match:
            continue
        for text in expand_agent(match.group(1), sets):
            name = text.replace("_", " ").strip().lower()
            yield name, match.group(2)
            if "!" not in match.group(1):
                yield plural(name), match.group(2)
