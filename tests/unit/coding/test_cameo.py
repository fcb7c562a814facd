"""The packaged CAMEO table: codes, weights, quad classes and PLOVER types."""

from __future__ import annotations

import pytest

from riftwatch.coding.cameo import load_cameo_table
from riftwatch.errors import LexiconError


@pytest.mark.parametrize(
    ("code", "quad", "plover"),
    [
        ("010", 1, ""),
        ("036", 1, "AGREE"),
        ("057", 1, "SUPPORT"),
        ("073", 2, "AID"),
        ("0841", 2, "RETREAT"),
        ("112", 3, "ACCUSE"),
        ("138", 3, "THREATEN"),
        ("141", 4, "PROTEST"),
        ("161", 4, "SANCTION"),
        ("163", 4, "COERCE"),
        ("173", 4, "COERCE"),
        ("192", 4, "COERCE"),
        ("195", 4, "ASSAULT"),
        ("202", 4, "ASSAULT"),
    ],
)
def test_codes_have_quad_class_and_plover(code: str, quad: int, plover: str) -> None:
    action = load_cameo_table().action(code)
    assert (action.quad_class, action.plover, action.root) == (quad, plover, code[:2])


def test_every_root_and_known_weights() -> None:
    table = load_cameo_table()
    assert all(f"{r:02d}" in table for r in range(1, 21))
    assert table.action("161").goldstein == -4.0
    assert table.action("161").label == "Reduce or break diplomatic relations"
    assert len(table) > 300


def test_missing_plover_inherits_from_parent() -> None:
    assert load_cameo_table().action("1951").plover == "ASSAULT"


def test_unknown_code_raises() -> None:
    with pytest.raises(LexiconError):
        load_cameo_table().action("999")
    assert "999" not in load_cameo_table()
