"""Build data/lexicons/actors/v1.jsonl: actor phrases -> state-level codes, sectors, dated roles.

Sources: CAMEO countrynames.txt, PETRARCH2's Phoenix country/international actor dictionaries
and agent nouns (all MIT), plus tools/actors_curated.jsonl (ours) for demonyms, capitals,
IGOs with the gold's codes, the West as a bloc and post-2015 office holders, and
tools/actors_officials.jsonl (ours) for dated office holders 1990-2026 (heads of state and
government, foreign and defence ministers, heads of NATO, the EU, the UN, the OPCW and the IAEA),
and tools/actors_armed_groups.jsonl (ours): well-known armed groups as the state they fight in,
sector REB, as the gold codes them ("Hamas" is PSE, "al-Shabaab" SOM), and
tools/actors_cities.jsonl (ours): large cities that are no capital, as places of their state,
which only a dateline reads ("LAGOS - ...": the story is filed in Nigeria).

The TABARI/Phoenix formats are read by tools/phoenix.py; this script chooses what to keep
(country-block synonyms, office holders with recent roles, one merged role per code and sector),
tokenizes phrases with the runtime spaCy model and writes v1.jsonl plus v1.meta.json.

Usage: python tools/build_actor_lexicon.py [RESOURCES_DIR]
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from lexicon_files import resources_dir, sha256, write_jsonl, write_meta
from phoenix import (
    IGO_CODES,
    Block,
    Role,
    parse_role,
    read_agents,
    read_blocks,
    read_countrynames,
    words,
)

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "riftwatch" / "data" / "lexicons" / "actors"
CURATED = ROOT / "tools" / "actors_curated.jsonl"
OFFICIALS = ROOT / "tools" / "actors_officials.jsonl"
# Ours, in order: names and institutions, capitals, officials (G20, NATO, EU ...), the rest of
# the world's officials.
CURATED_FILES = (
    CURATED,
    ROOT / "tools" / "actors_capitals.jsonl",
    OFFICIALS,
    ROOT / "tools" / "actors_officials_world.jsonl",
    ROOT / "tools" / "actors_armed_groups.jsonl",
    ROOT / "tools" / "actors_cities.jsonl",
)
COUNTRYNAMES = "cameo/countrynames.txt"
COUNTRIES = "petrarch/Phoenix.Countries.actors.txt"
INTERNATIONAL = "petrarch/Phoenix.International.actors.txt"
AGENTS = "petrarch/Phoenix.agents.txt"
VERSION = "1.0.0"
# CAMEO/Phoenix codes the gold spells otherwise: Kosovo is XKX (the ISO user-assigned code).
CODE_FIXES = {"KSV": "XKX", "TMP": "TLS"}


class Builder:
    """Collects lexicon entries with stable ids and spaCy-tokenized phrases."""

    def __init__(self, tokenize: Callable[[str], list[str]], stop_words: set[str]) -> None:
        self.tokenize = tokenize
        self.stop_words = stop_words
        self.entries: dict[str, dict] = {}
        self.seen: set[tuple] = set()

    def phrase(self, text: str) -> str:
        """Lowercased spaCy tokens joined by spaces."""
        return " ".join(t.lower() for t in self.tokenize(text))

    def add(
        self, id_: str, text: str, role: Role, name: str, kind: str, source: str, **extra: object
    ) -> None:
        """Add one entry unless an identical (phrase, role, kind) is already there."""
        phrase = self.phrase(text)
        if role.code in CODE_FIXES:
            role = Role(CODE_FIXES[role.code], role.sector, role.start, role.end)
        if not phrase or (kind != "agent" and not self._plausible(text, phrase, extra)):
            return
        key = (phrase, role, kind, extra.get("requires"), extra.get("seat"))
        if key in self.seen:
            return
        self.seen.add(key)
        entry = {
            "id": self._unique(id_),
            "phrase": phrase,
            "code": role.code,
            "sector": role.sector,
            "name": name,
            "kind": kind,
            "start": role.start,
            "end": role.end,
            "source": source,
        }
        entry.update({k: v for k, v in extra.items() if v})
        self.entries[entry["id"]] = entry

    def _plausible(self, text: str, phrase: str, extra: dict) -> bool:
        # A one-word name that is an English function word ("US", "WHO") only counts when
        # written as the acronym; otherwise drop it.
        if " " in phrase or phrase not in self.stop_words or extra.get("cased"):
            return True
        if text.isupper() and len(text.replace(".", "")) <= 4:
            extra.setdefault("cased", text)
            return True
        return False

    def _unique(self, id_: str) -> str:
        id_ = re.sub(r"[^a-z0-9:._-]+", "-", id_.lower()).strip("-")
        if id_.startswith("p2:"):
            # Phoenix heads and synonyms make long ids; a digest keeps them short and stable.
            id_ = "p2:" + hashlib.sha1(id_.encode()).hexdigest()[:12]
        candidate, n = id_, 1
        while candidate in self.entries:
            n += 1
            candidate = f"{id_}-{n}"
        return candidate


def slug(text: str) -> str:
    """Lowercase id fragment."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def add_countrynames(b: Builder, rows: list[tuple[str, str]]) -> None:
    """Every CAMEO country name as a state entry."""
    for name, code in rows:
        b.add(
            f"cameo:{code}:{slug(name)}",
            name,
            Role(code, "", None, None),
            name,
            "state",
            "cameo:countrynames.txt",
        )


def keep_synonym(syn: str, names: list[str]) -> bool:
    """Country-block synonyms: keep names and spellings, drop the provincial city lists."""
    s = syn.replace("_", " ").strip()
    if " " in s or "." in s or len(s) <= 3:
        return True
    stems = {n.replace("_", " ").strip()[:4].upper() for n in names}
    return s[:4].upper() in stems


def person_like(block: Block, roles: list[Role]) -> bool:
    """Phoenix marks office holders with CountryInfo comments or dated roles."""
    return "CountryInfo" in block.comment or any(r.start or r.end for r in roles)


def recent(roles: list[Role]) -> bool:
    """A person worth keeping (size budget): a dated role open-ended or ending after 2005."""
    return any((r.start and not r.end) or (r.end or "") >= "2005-01-01" for r in roles)


def redundant(text: str, head: str) -> bool:
    """`PRESIDENT_VLADIMIR_PUTIN` adds nothing: the resolver joins titles to names itself."""
    a, b = words(text).lower(), words(head).lower()
    return a != b and a.endswith(" " + b)


def merge_roles(roles: list[Role]) -> list[Role]:
    """One role per (code, sector), spanning all its dates: keeps the file small, and the
    state-level code (all the gold scores) still changes exactly where the office does."""
    merged: dict[tuple[str, str], Role] = {}
    for r in roles:
        old = merged.get((r.code, r.sector))
        if old is None:
            merged[(r.code, r.sector)] = r
            continue
        start = None if old.start is None or r.start is None else min(old.start, r.start)
        end = None if old.end is None or r.end is None else max(old.end, r.end)
        merged[(r.code, r.sector)] = Role(r.code, r.sector, start, end)
    # An undated "elite" default adds nothing when an office in the same state exists.
    codes = {r.code for r in merged.values() if r.sector != "ELI"}
    return [r for r in merged.values() if r.sector != "ELI" or r.code not in codes]


def add_phoenix(
    b: Builder, path: Path, states: set[str], country_names: dict[str, list[str]], source: str
) -> None:
    """Phoenix actor blocks that resolve to a state or an IGO of interest."""
    for block in read_blocks(path):
        roles = merge_roles([r for r in (parse_role(x, states) for x in block.roles) if r])
        if not roles or "," in block.head:
            continue
        head = words(block.head)
        # A bare state code (`[UKR]`, `[LTU >900311]`) marks a country block, not an office.
        is_state = any(r.split()[:1] and r.split()[0] in states for r in block.roles)
        if is_state:
            names = [block.head, *country_names.get(roles[0].code, [])]
            syns = [s for s in block.synonyms if keep_synonym(s, names)]
        else:
            syns = block.synonyms
        kind = "state" if is_state else ("person" if person_like(block, roles) else "org")
        if kind == "person" and not recent(roles):
            continue
        if kind == "org":
            kind = "igo" if roles[0].code in IGO_CODES.values() else "state"
        for text in [block.head, *syns]:
            if kind == "person" and redundant(text, block.head):
                continue
            text = _without_article(words(text))
            if not text:
                continue
            for n, role in enumerate(roles):
                b.add(f"p2:{slug(block.head)}:{slug(text)}:{n}", text, role, head, kind, source)


def _without_article(text: str) -> str:
    """Phoenix writes "THE UN": a leading article would let "The UN" win the longest match
    over "the UN nuclear watchdog", so upstream phrases start at the name itself."""
    first, _, rest = text.partition(" ")
    return rest if first.lower() == "the" and rest else text


def add_agents(b: Builder, path: Path) -> None:
    """Sector nouns with no state of their own."""
    for name, sector in read_agents(path):
        b.add(
            f"p2a:{slug(name)}",
            name,
            Role("", sector, None, None),
            name,
            "agent",
            "petrarch2:Phoenix.agents.txt",
        )


def add_curated(b: Builder, path: Path, ids: set[str] | None = None) -> None:
    """Our hand-curated entries: one JSON object per actor with phrases and roles.

    `ids` collects record ids across curated files, which must not repeat one another.
    """
    ids = set() if ids is None else ids
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec["id"] in ids:
            raise ValueError(f"{path.name}: duplicate curated id {rec['id']!r}")
        ids.add(rec["id"])
        roles = [Role(r["code"], r["sector"], r["start"], r["end"]) for r in rec.get("roles", [])]
        roles = roles or [Role(rec.get("code", ""), rec.get("sector", ""), None, None)]
        cased = set(rec.get("cased", []))
        for text in rec["phrases"]:
            for n, role in enumerate(roles):
                b.add(
                    f"rw:{rec['id']}:{slug(text)}:{n}",
                    text,
                    role,
                    rec["name"],
                    rec["kind"],
                    "riftwatch",
                    cased=text if text in cased else None,
                    requires=rec.get("requires"),
                    seat=rec.get("seat"),
                )


def load_tokenizer() -> tuple[Callable[[str], list[str]], set[str]]:
    """The runtime model's tokenizer, so phrases split exactly like parsed text."""
    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    sys.path.insert(0, str(ROOT / "src"))
    from riftwatch.nlp.parse import MODEL_NAME

    nlp = spacy.load(
        MODEL_NAME,
        exclude=["tagger", "parser", "ner", "lemmatizer", "attribute_ruler", "tok2vec", "senter"],
    )
    return (lambda text: [t.text for t in nlp.tokenizer(text)]), set(STOP_WORDS)


def build(resources: Path) -> tuple[list[dict], dict]:
    """All entries sorted by id, and the provenance record."""
    tokenize, stop_words = load_tokenizer()
    b = Builder(tokenize, stop_words)
    rows = read_countrynames(resources / COUNTRYNAMES)
    states = {code for _, code in rows}
    names: dict[str, list[str]] = {}
    for name, code in rows:
        names.setdefault(code, []).append(name)
    curated_ids: set[str] = set()
    for path in CURATED_FILES:
        add_curated(b, path, curated_ids)
    add_countrynames(b, rows)
    add_phoenix(b, resources / COUNTRIES, states, names, "petrarch2:Phoenix.Countries.actors.txt")
    add_phoenix(
        b, resources / INTERNATIONAL, states, names, "petrarch2:Phoenix.International.actors.txt"
    )
    add_agents(b, resources / AGENTS)
    entries = sorted(b.entries.values(), key=lambda e: e["id"])
    return entries, meta(resources, len(entries))


def meta(resources: Path, count: int) -> dict:
    """Provenance for v1.meta.json."""
    mit = "MIT (Open Event Data Alliance / Philip Schrodt)"
    inputs = [COUNTRYNAMES, COUNTRIES, INTERNATIONAL, AGENTS]
    return {
        "name": "riftwatch actor lexicon",
        "version": VERSION,
        "script": "tools/build_actor_lexicon.py",
        "sources": [
            *({"path": p, "licence": mit, "sha256": sha256(resources / p)} for p in inputs),
            *(
                {
                    "path": str(path.relative_to(ROOT)),
                    "licence": "MIT (riftwatch)",
                    "sha256": sha256(path),
                }
                for path in CURATED_FILES
            ),
        ],
        "entries": count,
    }


def main(argv: list[str]) -> int:
    """Write v1.jsonl and v1.meta.json."""
    entries, info = build(resources_dir(argv))
    write_jsonl(OUT_DIR / "v1.jsonl", entries, compact=True)
    info["output_sha256"] = sha256(OUT_DIR / "v1.jsonl")
    write_meta(OUT_DIR / "v1.meta.json", info, sort_keys=False)
    sys.stderr.write(f"wrote {len(entries)} entries to {OUT_DIR / 'v1.jsonl'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
