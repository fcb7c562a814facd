"""Build data/lexicons/cameo/v1.jsonl: every CAMEO code with label, Goldstein, quad class, PLOVER.

Usage: python tools/build_cameo_table.py [RESOURCES_DIR]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from lexicon_files import resources_dir, source, write_lexicon

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "riftwatch" / "data" / "lexicons" / "cameo"
CODEFILE = "cameo/CAMEO_codefile.txt"
GOLDSTEIN = "cameo/goldstein.tsv"
PLOVER = "plover/CAMEO2PLOVER-2021.txt"

_LABEL = re.compile(r"^LABEL:\s*(\d{2,4})\s*=\s*(.+?)\s*$")
_ROOT_LABEL = re.compile(r"^//(\d{2})\s*[:=]\s*(.+?)\s*$")
_PLOVER = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$")


def quad_class(code: str) -> int:
    """Standard CAMEO quad class from the root."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def read_labels(path: Path) -> dict[str, str]:
    """First plain LABEL per code (ICEWS `LABELi` variants are alternatives, not codes)."""
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _LABEL.match(line) or _ROOT_LABEL.match(line)
        if match and match.group(1) not in labels:
            labels[match.group(1)] = match.group(2)
    return labels


def read_goldstein(path: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein weight from GDELT's table."""
    weights: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 2 and parts[0].strip().isdigit():
            weights[parts[0].strip()] = float(parts[1])
    return weights


def read_plover(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER event type, mode); the first mapping given for a code wins."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PLOVER.match(line.strip())
        if not match or match.group(1) in table:
            continue
        fields = [f.strip() for f in match.group(2).split(",")]
        if fields and fields[0]:
            mode = fields[1] if len(fields) > 1 else ""
            table[match.group(1)] = (fields[0], mode)
    return table


def inherited(code: str, table: Mapping[str, T], default: T) -> T:
    """Value for `code` or its nearest parent (4 -> 3 -> 2 digits)."""
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return default


def build_entries(resources: Path) -> list[dict]:
    """One entry per CAMEO code found in the codefile."""
    labels = read_labels(resources / CODEFILE)
    weights = read_goldstein(resources / GOLDSTEIN)
    plover = read_plover(resources / PLOVER)
    entries = []
    for code in sorted(labels):
        # PLOVER dropped CAMEO roots 01 and 02 (comments, appeals): those keep an empty type.
        ptype, mode = inherited(code, plover, ("", ""))
        weight = inherited(code, weights, float("nan"))
        if weight != weight:
            raise SystemExit(f"no Goldstein weight for CAMEO {code}")
        entries.append(
            {
                "id": f"cameo-{code}",
                "cameo": code,
                "label": labels[code],
                "goldstein": weight,
                "quad_class": quad_class(code),
                "plover": ptype,
                "plover_mode": mode,
                "plover_inherited": code not in plover,
                "source": "cameo:CAMEO_codefile.txt+goldstein.tsv+CAMEO2PLOVER-2021.txt",
            }
        )
    return entries


def write(entries: list[dict], resources: Path) -> None:
    """Write v1.jsonl and v1.meta.json."""
    write_lexicon(
        OUT_DIR,
        entries,
        name="cameo",
        tool="tools/build_cameo_table.py",
        sources=[
            source(
                CODEFILE,
                resources / CODEFILE,
                origin="openeventdata/text_to_CAMEO",
                licence="MIT",
            ),
            source(
                GOLDSTEIN,
                resources / GOLDSTEIN,
                origin="GDELT CAMEO Goldstein lookup",
                licence="facts; free reuse with attribution to GDELT",
            ),
            source(
                PLOVER, resources / PLOVER, origin="openeventdata/PLOVER", licence="CC BY-SA 4.0"
            ),
        ],
        notes=[
            "quad_class: roots 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4",
            "PLOVER type/mode and Goldstein inherit from the nearest parent code when missing",
            "PLOVER has no type for CAMEO roots 01 and 02: plover is empty there",
        ],
    )


def main(argv: list[str]) -> int:
    resources = resources_dir(argv)
    entries = build_entries(resources)
    write(entries, resources)
    sys.stderr.write(f"wrote {len(entries)} CAMEO codes to {OUT_DIR}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
