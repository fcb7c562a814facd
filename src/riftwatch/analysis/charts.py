"""PNG charts of relation series and rifts (matplotlib's Agg canvas; no display, no pyplot).

`plot_relations`: the distrust and the cooperation-conflict index of one pair (a panel each:
smoothed line, its band, per-period values as dots), above the events per quad class
(cooperation up, conflict down); rifts, if given, as dashed lines with their description.
`plot_rifts`: one panel per partner of an actor, its distrust index and rifts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from riftwatch.analysis.periods import Freq, label
from riftwatch.analysis.rifts import Rift

_BAR_DAYS = {Freq.DAY: 0.8, Freq.WEEK: 5.0, Freq.MONTH: 24.0, Freq.YEAR: 300.0}
_COLOURS = {
    "distrust": "#b2182b",
    "cooperation": "#2166ac",
    "material_cooperation": "#1a9850",
    "verbal_cooperation": "#a6d96a",
    "verbal_conflict": "#fdae61",
    "material_conflict": "#d73027",
    "rift": "#7f0000",
    "thaw": "#08519c",
    "quiet": "#777777",
}


def plot_relations(
    series: pa.Table,
    path: str | Path,
    *,
    freq: Freq,
    rifts: Sequence[Rift] = (),
    title: str | None = None,
) -> Path:
    """Write the chart of one pair's series (`relations.relation_series`) to `path` (PNG)."""
    figure = Figure(figsize=(11, 9), dpi=120, layout="constrained")
    panels = figure.subplots(3, 1, sharex=True, height_ratios=[3, 3, 2])
    for axes, name in zip(panels, ("distrust", "cooperation"), strict=False):
        _index(axes, series, name)
        _rift_lines(axes, rifts, freq)
        axes.set_ylim(-1.05, 1.05)
        axes.set_ylabel(f"{name} index")
        _legend(axes)
    _quads(panels[2], series, freq)
    first = series.slice(0, 1).to_pylist() or [{"a": "?", "b": "?", "directed": False}]
    a, b, arrow = first[0]["a"], first[0]["b"], "→" if first[0]["directed"] else "–"
    figure.suptitle(title or f"{a} {arrow} {b}: relations per {freq.value}", fontsize=13)
    _dates(panels[2], _days(series), freq)
    return _save(figure, path)


def plot_rifts(
    series: Mapping[str, pa.Table],
    rifts: Sequence[Rift],
    path: str | Path,
    *,
    freq: Freq,
    title: str,
) -> Path:
    """Write one panel per partner (key of `series`): distrust index and its rifts."""
    figure = Figure(figsize=(11, 2.2 * max(len(series), 1) + 1), dpi=120, layout="constrained")
    panels = figure.subplots(max(len(series), 1), 1, sharex=True, squeeze=False)[:, 0]
    for axes, (partner, table) in zip(panels, sorted(series.items()), strict=False):
        _index(axes, table, "distrust")
        _rift_lines(axes, [r for r in rifts if r.b == partner], freq)
        axes.set_ylim(-1.05, 1.05)
        axes.set_ylabel(partner, rotation=0, ha="right", fontsize=11)
    _legend(panels[0])
    figure.suptitle(title, fontsize=13)
    days = [_days(t) for t in series.values()]
    _dates(panels[-1], np.concatenate(days) if days else _days(pa.table({"period": []})), freq)
    return _save(figure, path)


def _index(axes: Axes, table: pa.Table, name: str) -> None:
    colour = _COLOURS[name]
    days = _days(table)
    low, high = _floats(table, f"{name}_smooth_low"), _floats(table, f"{name}_smooth_high")
    axes.fill_between(days, low, high, color=colour, alpha=0.15, linewidth=0, label="95% band")
    marker = "o" if len(days) < 40 else None
    axes.plot(
        days, _floats(table, f"{name}_smooth"), color=colour, linewidth=2, marker=marker,
        markersize=3, label="smoothed",
    )  # fmt: skip
    active = _floats(table, "events") > 0
    axes.scatter(
        days[active],
        _floats(table, name)[active],
        color=colour,
        s=14,
        alpha=0.7,
        label="per period",
    )
    axes.axhline(0, color="#555555", linewidth=0.8)
    axes.grid(True, alpha=0.3)


def _quads(axes: Axes, table: pa.Table, freq: Freq) -> None:
    days, width = _days(table), _BAR_DAYS[freq]
    for names, sign in (
        (("material_cooperation", "verbal_cooperation"), 1.0),
        (("verbal_conflict", "material_conflict"), -1.0),
    ):
        base = np.zeros(len(days))
        for name in names:
            values = sign * _floats(table, name)
            axes.bar(days, values, width, bottom=base, align="edge", color=_COLOURS[name],
                     label=name.replace("_", " "))  # fmt: skip
            base = base + values
    axes.axhline(0, color="#555555", linewidth=0.8)
    axes.set_ylabel("events (conflict below 0)")
    _legend(axes)
    axes.grid(True, axis="y", alpha=0.3)


def _days(table: pa.Table) -> npt.NDArray[np.datetime64]:
    return np.asarray(table["period"].to_numpy(), dtype="datetime64[D]")


def _floats(table: pa.Table, name: str) -> npt.NDArray[np.float64]:
    return np.asarray(table[name].to_numpy(), dtype=np.float64)


def _rift_lines(axes: Axes, rifts: Sequence[Rift], freq: Freq) -> None:
    """A dashed line per change; labels step down so that neighbours do not overlap."""
    for i, rift in enumerate(rifts):
        colour = _COLOURS[rift.kind]
        axes.axvline(rift.period, color=colour, linestyle="--", linewidth=1.2)  # type: ignore[arg-type]
        text = f"{rift.kind} {label(rift.period, freq)}"
        if rift.kind != "quiet":
            text += f"\n{rift.description}"
        axes.annotate(
            text,
            xy=(rift.period, 0.97 - 0.16 * (i % 3)),
            xycoords=("data", "axes fraction"),
            fontsize=7,
            color=colour,
            va="top",
            ha="left",
            xytext=(3, 0),
            textcoords="offset points",
            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "alpha": 0.8, "lw": 0},
        )


def _dates(axes: Axes, days: npt.NDArray[np.datetime64], freq: Freq) -> None:
    """Date ticks, with a margin before the first and after the last bar."""
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    if len(days):
        margin = np.timedelta64(int(np.ceil(_BAR_DAYS[freq])), "D")
        axes.set_xlim(days.min() - margin, days.max() + 2 * margin)


def _legend(axes: Axes) -> None:
    """Above the plot, where it hides no data."""
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=8, ncols=4, frameon=False)


def _save(figure: Figure, path: str | Path) -> Path:
    target = Path(path)
    FigureCanvasAgg(figure)
    figure.savefig(target, format="png")
    return target
