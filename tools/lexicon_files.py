"""Writing the packaged lexicons: <name>/v1.jsonl and its provenance record v1.meta.json.

v1.jsonl holds one JSON object a line (keys sorted, UTF-8 kept as is); v1.meta.json records
where each input came from with its sha256, and nothing that changes from run to run, so that
building again from the same inputs gives the same bytes.

Used by tools/build_*.py, which import this module from the tools directory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

DEFAULT_RESOURCES = Path("/work/shared/resources")


def resources_dir(argv: list[str]) -> Path:
    """RESOURCES_DIR from the command line (argv[1]), else DEFAULT_RESOURCES."""
    return Path(argv[1]) if len(argv) > 1 else DEFAULT_RESOURCES


def sha256(path: Path) -> str:
    """Hex digest of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source(file: str, path: Path, *, origin: str, licence: str) -> dict[str, str]:
    """A "sources" record for v1.meta.json: input `file` (read from `path`) and its sha256."""
    return {"file": file, "origin": origin, "licence": licence, "sha256": sha256(path)}


def write_jsonl(
    path: Path, entries: Iterable[Mapping[str, object]], *, compact: bool = False
) -> None:
    """One JSON object a line, keys sorted; `compact` drops the spaces after , and :."""
    separators = (",", ":") if compact else None
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for entry in entries:
            out.write(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=separators))
            out.write("\n")


def write_meta(path: Path, meta: Mapping[str, object], *, sort_keys: bool = True) -> None:
    """The provenance record, indented by 2, keys sorted unless `sort_keys` is False."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(meta, indent=2, sort_keys=sort_keys) + "\n", encoding="utf-8")


def write_lexicon(
    out_dir: Path,
    entries: Sequence[Mapping[str, object]],
    *,
    name: str,
    tool: str,
    sources: list[dict[str, str]],
    notes: list[str],
    **extra: object,
) -> None:
    """Write out_dir/v1.jsonl and out_dir/v1.meta.json, both with sorted keys.

    The meta record holds `name`, version "v1", the building `tool`, the number of entries,
    `sources`, `notes` and any `extra` fields.
    """
    write_jsonl(out_dir / "v1.jsonl", entries)
    meta = {"name": name, "version": "v1", "tool": tool, "entries": len(entries), **extra}
    write_meta(out_dir / "v1.meta.json", {**meta, "sources": sources, "notes": notes})
