"""Build data/lexicons/verbs/v1.jsonl from the PETRARCH2 verb dictionary plus a curated layer.

Upstream entries keep PETRARCH's codes (priority 0); entries from tools/verbs_curated.jsonl
(priority >= 10) fix and extend them for modern news phrasing and win over upstream.

Usage: python tools/build_verb_lexicon.py [RESOURCES_DIR]
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lexicon_files import resources_dir, source, write_lexicon

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "riftwatch" / "data" / "lexicons" / "verbs"
CURATED = ROOT / "tools" / "verbs_curated.jsonl"
DICTIONARY = "petrarch/CAMEO.2.0.txt"
CAMEO_TABLE = ROOT / "src" / "riftwatch" / "data" / "lexicons" / "cameo" / "v1.jsonl"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_VERB = re.compile(r"^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
_CODE = re.compile(r"\[([^\]]*)\]")
_PIECE = re.compile(r"\([^)]*\)|\{[^}]*\}|&\w+|[^\s(){}]+")
_DROP_WORDS = {"a", "an", "the"}
_UNREPRESENTABLE = set("$+%^/.*|")
MAX_EXPANSIONS = 40
CURATED_PRIORITY = 10


@dataclass
class Block:
    name: str
    code: str | None
    verbs: dict[str, str | None] = field(default_factory=dict)  # lemma -> own default code


@dataclass
class Stats:
    counts: Counter = field(default_factory=Counter)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] += n


def parse_code(raw: str) -> tuple[str | None, bool] | None:
    """`[161]` -> ("161", False); `[057:057]` -> ("057", True); `[---]` -> (None, False)."""
    raw = raw.strip()
    if raw == "---":
        return None, False
    source, _, target = raw.partition(":")
    if not source.isdigit():
        return None  # `[:173]` codes the reverse direction only
    return source, bool(target) and target == source


def read_synonyms(lines: list[str]) -> dict[str, list[list[str]]]:
    """`&NAME` -> member phrases, each a list of lowercase words."""
    sets: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = sets.setdefault(text, [])
        elif text.startswith("+") and current is not None:
            current.append(_words(text[1:]))
        elif not text:
            current = None
    return sets


def _words(token: str) -> list[str]:
    parts = token.replace("_", " ").lower().split()
    return [p for p in parts if p not in _DROP_WORDS]


def _verb_lemma(raw: str) -> str | None:
    """`MEET` -> "meet", `+MEET_WITH` -> "meet with"; inflected multi-words -> None."""
    words = raw.lstrip("+").strip("_").lower().split("_")
    if not words[0] or words[-1] == "and" or re.search(r"(ed|ing)$", words[0]) and raw[0] == "+":
        return None
    return " ".join(w for w in words if w)


def _expand(pieces: list[str], sets: dict[str, list[list[str]]]) -> list[list[str]] | None:
    """All word lists a pattern tail stands for, synonym sets expanded; None if too many."""
    options: list[list[list[str]]] = []
    for piece in pieces:
        if piece.startswith("&"):
            if piece not in sets:
                return None
            options.append(sets[piece])
        else:
            options.append([_words(piece.strip("{}"))])
    combos = list(itertools.islice(itertools.product(*options), MAX_EXPANSIONS + 1))
    if len(combos) > MAX_EXPANSIONS:
        return None
    return [[w for group in combo for w in group] for combo in combos]


def convert_pattern(
    body: str, sets: dict[str, list[list[str]]], stats: Stats
) -> list[tuple[str | None, list[str]]] | None:
    """`* AID (TO &COUNTRY)` -> [(prep, object words), ...]; None when not representable."""
    pre, star, post = body.partition("*")
    if not star or pre.strip():
        stats.add("skipped: words before the verb (subject constraints)")
        return None
    if any(ch in _UNREPRESENTABLE for ch in post) or "-" in post:
        stats.add("skipped: actor markers or punctuation in pattern")
        return None
    pieces = _PIECE.findall(post)
    parens = [p for p in pieces if p.startswith("(")]
    if len(parens) > 1:
        stats.add("skipped: more than one prepositional phrase")
        return None
    prep = None
    flat: list[str] = []
    for piece in pieces:
        if piece.startswith("("):
            inner = _PIECE.findall(piece[1:-1])
            if not inner or inner[0].startswith(("&", "{")):
                stats.add("skipped: prepositional phrase without a preposition")
                return None
            prep = inner[0].lower()
            flat.extend(inner[1:])
        else:
            flat.append(piece)
    expanded = _expand(flat, sets)
    if expanded is None:
        stats.add("skipped: unknown or too large synonym expansion")
        return None
    return [(prep, words) for words in expanded]


def read_upstream(path: Path, stats: Stats) -> list[dict]:
    """Convert verb blocks and their simple patterns into lexicon entries."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    sets = read_synonyms(lines[:start])
    entries: list[dict] = []
    block: Block | None = None
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if match := _BLOCK.match(line):
            parsed = parse_code(match.group(2))
            block = Block(match.group(1), parsed[0] if parsed else None)
        elif block is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        elif line.startswith("-"):
            entries.extend(_pattern_entries(line, number, block, sets, stats))
        elif match := _VERB.match(line):
            entries.extend(_verb_entries(match, number, block, stats))
    return entries


def _verb_entries(match: re.Match[str], number: int, block: Block, stats: Stats) -> list[dict]:
    lemma = _verb_lemma(match.group(1))
    if lemma is None:
        stats.add("skipped: inflected multi-word verb forms")
        return []
    code = block.code
    if match.group(3):
        own = parse_code(match.group(3)[1:-1])
        code = own[0] if own else None
    block.verbs[lemma] = code
    if code is None:
        stats.add("verbs without a default code ([---])")
        return []
    return [_entry(number, lemma, code, None, [], False)]


def _pattern_entries(
    line: str, number: int, block: Block, sets: dict[str, list[list[str]]], stats: Stats
) -> list[dict]:
    text, _, comment = line[1:].partition("#")
    code_match = _CODE.search(text)
    if not code_match:
        stats.add("skipped: pattern without code")
        return []
    parsed = parse_code(code_match.group(1))
    if parsed is None:
        stats.add("skipped: reverse-direction code [:xxx]")
        return []
    converted = convert_pattern(text[: code_match.start()], sets, stats)
    if converted is None:
        return []
    origin = _verb_lemma(comment.replace(",", " ").split()[0]) if comment.split() else None
    # A pattern is credited to the verb named in its comment: applying it to every synonym in
    # the block (PETRARCH's reading) makes "base diplomat" a 161, which is noise.
    lemmas = [origin] if origin in block.verbs else []
    if not lemmas:
        stats.add("skipped: pattern verb not in block")
        return []
    code, symmetric = parsed
    stats.add("patterns converted")
    if code is None:
        stats.add("patterns kept as do-not-code ([---])")
    out = []
    for k, (prep, words) in enumerate(converted):
        entry = _entry(number, lemmas[0], code, prep, words, symmetric)
        entry["id"] += f"-{k}" if len(converted) > 1 else ""
        out.append(entry)
    return out


def _entry(
    number: int, lemma: str, code: str | None, prep: str | None, words: list[str], sym: bool
) -> dict:
    slug = lemma.replace(" ", "_")
    return {
        "id": f"p2-{number}-{slug}",
        "lemma": lemma,
        "pos": "VERB",
        "code": code,
        "object": words or None,
        "prep": prep,
        "symmetric": sym,
        # 010 verbs (say, note, stress) mostly introduce reported speech
        "reporting": code == "010" and not words and prep is None,
        "priority": 0,
        "source": f"petrarch2:CAMEO.2.0.txt:{number}",
    }


def read_curated(path: Path) -> list[dict]:
    """Expand curated rows (lemma lists, `object_any` alternatives) into plain entries."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("//"):
            continue
        row = json.loads(line)
        if not row.get("why"):
            raise SystemExit(f"{path}:{number}: curated entry without `why`")
        lemmas = row["lemma"] if isinstance(row["lemma"], list) else [row["lemma"]]
        alternatives = row.get("object_any") or [None]
        for lemma, alt in itertools.product(lemmas, alternatives):
            entries.append(_curated_entry(row, lemma, alt, multi=len(lemmas) > 1))
    return entries


def _curated_entry(row: dict, lemma: str, alt: str | None, *, multi: bool) -> dict:
    words = list(row.get("object") or []) + (alt.split() if alt else [])
    suffix = (f"-{lemma.replace(' ', '_')}" if multi else "") + (
        f"-{alt.replace(' ', '_')}" if alt else ""
    )
    return {
        "id": f"rw-{row['id']}{suffix}",
        "lemma": lemma,
        "pos": row.get("pos", "VERB"),
        "code": row["code"],
        "object": words or None,
        "prep": row.get("prep"),
        "subject": row.get("subject_any"),
        "symmetric": bool(row.get("symmetric", False)),
        "reporting": bool(row.get("reporting", False)),
        "priority": CURATED_PRIORITY + int(row.get("priority", 0)),
        "why": row["why"],
        "source": "riftwatch",
    }


def known_codes() -> set[str]:
    return {json.loads(line)["cameo"] for line in CAMEO_TABLE.read_text().splitlines()}


def drop_unknown(entries: list[dict], stats: Stats) -> list[dict]:
    """Upstream uses a few codes that CAMEO 0.7b5 lacks (e.g. 176): leave them out."""
    known = known_codes()
    kept = [e for e in entries if e["code"] is None or e["code"] in known]
    stats.add("skipped: code not in the CAMEO table", len(entries) - len(kept))
    return kept


def check(entries: list[dict]) -> None:
    """Fail the build on unknown CAMEO codes or duplicate ids."""
    known = known_codes()
    seen: set[str] = set()
    for entry in entries:
        if entry["code"] is not None and entry["code"] not in known:
            raise SystemExit(f"{entry['id']}: unknown CAMEO code {entry['code']}")
        if entry["id"] in seen:
            raise SystemExit(f"duplicate id {entry['id']}")
        seen.add(entry["id"])


def write(upstream: list[dict], curated: list[dict], stats: Stats, resources: Path) -> None:
    """Write v1.jsonl (sorted by lemma, then id) and v1.meta.json."""
    entries = sorted(upstream + curated, key=lambda e: (e["lemma"], e["pos"], e["id"]))
    write_lexicon(
        OUT_DIR,
        entries,
        name="verbs",
        tool="tools/build_verb_lexicon.py",
        entries_upstream=len(upstream),
        entries_curated=len(curated),
        conversion=dict(sorted(stats.counts.items())),
        sources=[
            source(
                DICTIONARY,
                resources / DICTIONARY,
                origin="openeventdata/petrarch2",
                licence="MIT",
            ),
            source("tools/verbs_curated.jsonl", CURATED, origin="riftwatch", licence="MIT"),
        ],
        notes=[
            "code null = do not code (PETRARCH [---], curated light-verb suppressions)",
            "object: every word must appear (lemma or lowercase form) in the trigger's "
            "complements; synonym sets expanded into one entry each",
            "upstream patterns are credited to the verb named in their comment only",
            "curated entries have priority >= 10 and win over upstream",
            "subject: when set, the head lemma of the trigger's subject must be one of these",
        ],
    )


def main(argv: list[str]) -> int:
    resources = resources_dir(argv)
    stats = Stats()
    upstream = drop_unknown(read_upstream(resources / DICTIONARY, stats), stats)
    curated = read_curated(CURATED)
    check(upstream + curated)
    write(upstream, curated, stats, resources)
    sys.stderr.write(f"wrote {len(upstream)} upstream + {len(curated)} curated entries\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
