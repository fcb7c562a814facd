"""The CAMEO code table: label, Goldstein weight, quad class and PLOVER type per code."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from riftwatch.errors import LexiconError
from riftwatch.lexicons import lexicon_file, read_lexicon
from riftwatch.types import CameoAction

LEXICON = lexicon_file("cameo")
_FIELDS = {
    "id": str,
    "cameo": str,
    "label": str,
    "goldstein": float,
    "quad_class": int,
    "plover": str,
    "plover_mode": str,
    "source": str,
}


@dataclass(frozen=True, slots=True)
class CameoTable:
    """All CAMEO codes, keyed by code string ("161", "0841")."""

    actions: Mapping[str, CameoAction]

    def action(self, cameo: str) -> CameoAction:
        """The CameoAction for `cameo`; LexiconError when the code is unknown."""
        try:
            return self.actions[cameo]
        except KeyError:
            raise LexiconError(f"{LEXICON}: unknown CAMEO code {cameo!r}") from None

    def __contains__(self, cameo: object) -> bool:
        return cameo in self.actions

    def __len__(self) -> int:
        return len(self.actions)


@lru_cache(maxsize=1)
def load_cameo_table() -> CameoTable:
    """Load and validate the packaged CAMEO table once per process."""
    actions: dict[str, CameoAction] = {}
    for number, entry in read_lexicon("cameo"):
        action = _parse_entry(entry, number)
        actions[action.cameo] = action
    return CameoTable(actions)


def _parse_entry(entry: dict[str, Any], number: int) -> CameoAction:
    where = f"{LEXICON}:{number}"
    for name, kind in _FIELDS.items():
        value = entry.get(name)
        # JSON has one number type: accept ints where a float is expected.
        ok = isinstance(value, (int, float)) if kind is float else isinstance(value, kind)
        if not ok or isinstance(value, bool):
            raise LexiconError(f"{where}: field {name!r} missing or not {kind.__name__}")
    code = entry["cameo"]
    if not (code.isdigit() and 2 <= len(code) <= 4) or entry["quad_class"] not in (1, 2, 3, 4):
        raise LexiconError(f"{where}: bad code {code!r} or quad class")
    return CameoAction(
        cameo=code,
        label=entry["label"],
        goldstein=float(entry["goldstein"]),
        quad_class=entry["quad_class"],
        plover=entry["plover"],
        plover_mode=entry["plover_mode"],
    )
