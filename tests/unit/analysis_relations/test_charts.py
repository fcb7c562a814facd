"""Charts are real PNG files a person can open (looked at by hand; here: format and size)."""

from __future__ import annotations

from pathlib import Path

from riftwatch.analysis.charts import plot_relations, plot_rifts
from riftwatch.analysis.periods import Freq
from riftwatch.analysis.relations import relation_series
from riftwatch.analysis.rifts import find_rifts
from tests.unit.analysis_relations.records import event

PNG = b"\x89PNG\r\n\x1a\n"


def _events() -> list:  # type: ignore[type-arg]
    quiet = [event("GBR", "RUS", "040", f"2017-{m:02d}-10") for m in range(1, 13)]
    loud = [event("GBR", "RUS", "161", f"2018-{m:02d}-10", count=23.0) for m in range(1, 7)]
    return quiet + loud


def test_relations_chart(tmp_path: Path) -> None:
    events = _events()
    series = relation_series(events, "GBR", "RUS")
    rifts = find_rifts(events, "GBR", "RUS")
    path = plot_relations(series, tmp_path / "relations.png", freq=Freq.MONTH, rifts=rifts)
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 20_000


def test_rifts_chart(tmp_path: Path) -> None:
    events = _events()
    panels = {"GBR": relation_series(events, "RUS", "GBR")}
    rifts = find_rifts(events, "RUS", "GBR")
    path = plot_rifts(panels, rifts, tmp_path / "rifts.png", freq=Freq.MONTH, title="RUS")
    assert path.read_bytes().startswith(PNG)
