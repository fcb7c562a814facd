"""Event tables in other datasets' columns, so riftwatch drops into existing workflows.

`export_table` takes an events table (`Store.events_table`: one row per report) or a merged
table (`Store.merged_table`: one row per real-world event) and returns it in one of three
column sets: `riftwatch` (as stored), `gdelt` (the 61 columns of a GDELT 2.0 event export, in
order) or `polecat` (the 40 columns of a POLECAT weekly file, in order). Columns we have no
data for (geography, tone, religion, COW codes ...) are present and null. The mapping, column
by column, is in docs/exports.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

import pyarrow as pa
import pyarrow.compute as pc

from riftwatch.actors.lexicon import load_actor_lexicon
from riftwatch.coding.cameo import load_cameo_table
from riftwatch.types import CameoAction

VERSION = "riftwatch 0.1.0"
QUAD_NAMES = {
    1: "Verbal Cooperation",
    2: "Material Cooperation",
    3: "Verbal Conflict",
    4: "Material Conflict",
}
_GEO = ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_GEO_TYPES = {"Type": pa.int32(), "Lat": pa.float64(), "Long": pa.float64()}
_ACTOR_NULLS = ("EthnicCode", "Religion1Code", "Religion2Code", "Type2Code", "Type3Code")
_POLECAT_PLACE = (
    ("Placename", pa.string()), ("City", pa.string()), ("District", pa.string()),
    ("Province", pa.string()), ("Country", pa.string()), ("Latitude", pa.float64()),
    ("Longitude", pa.float64()), ("GeoNames ID", pa.string()), ("Raw Placename", pa.string()),
    ("Feature Type", pa.string()),
)  # fmt: skip


class ColumnSet(StrEnum):
    """Which columns an export has."""

    RIFTWATCH = "riftwatch"
    GDELT = "gdelt"
    POLECAT = "polecat"


def export_table(table: pa.Table, columns: ColumnSet, *, merged: bool = False) -> pa.Table:
    """`table` (events, or merged events with `merged`) in the columns of `columns`."""
    if columns is ColumnSet.RIFTWATCH:
        return table
    rows = _Rows(table, merged=merged)
    return _gdelt(rows) if columns is ColumnSet.GDELT else _polecat(rows)


class _Rows:
    """The columns both foreign sets are built from, whichever table came in."""

    def __init__(self, table: pa.Table, *, merged: bool) -> None:
        self.n = table.num_rows
        self.table = table
        self.merged = merged
        self.date = self.get("date")
        cameo = self.get("cameo").to_pylist()
        actions = load_cameo_table().actions
        self.goldstein = pa.array([_attr(actions, c, "goldstein") for c in cameo], pa.float64())
        self.quad = pa.array([_attr(actions, c, "quad_class") for c in cameo], pa.int32())
        self.igos = pa.array(sorted(load_actor_lexicon().igo_codes), pa.string())

    def get(self, name: str, kind: pa.DataType | None = None) -> pa.Array:
        """A column as one array, or nulls when this table has no such column."""
        if name in self.table.column_names:
            column = self.table[name].combine_chunks()
            return column.cast(kind) if kind is not None else column
        return pa.nulls(self.n, kind or pa.string())

    def nulls(self, kind: pa.DataType | None = None) -> pa.Array:
        return pa.nulls(self.n, kind or pa.string())

    def constant(self, value: object, kind: pa.DataType) -> pa.Array:
        return pa.array([value] * self.n, kind)

    def state(self, side: str) -> pa.Array:
        """The actor's code when it is a state's (a person or office acts for its state), not
        an organisation's, bloc's or unnamed group's."""
        code = self.get(side)
        is_state = pc.invert(pc.is_in(code, value_set=self.igos))
        if not self.merged:
            is_state = pc.and_(is_state, pc.not_equal(self.get(f"{side}_kind"), "group"))
        return pc.if_else(is_state, code, None)

    def group(self, side: str) -> pa.Array:
        code = self.get(side)
        return pc.if_else(pc.is_in(code, value_set=self.igos), code, None)

    def sector(self, side: str) -> pa.Array:
        sector = self.get(f"{side}_sector")
        return pc.if_else(pc.equal(sector, ""), None, sector)

    def part(self, start: int, stop: int, default: str) -> pa.Array:
        """Characters of the ISO date, or `default` where the date is less precise."""
        piece = pc.utf8_slice_codeunits(self.date, start, stop)
        return pc.if_else(pc.greater_equal(pc.utf8_length(self.date), stop), piece, default)

    def per_event(self, merged_column: str) -> pa.Array:
        """A merged event's number of mentions, outlets or documents; 1 for one report."""
        if self.merged:
            return self.get(merged_column, pa.int32())
        return self.constant(1, pa.int32())


def _attr(actions: Mapping[str, CameoAction], cameo: str | None, name: str) -> object:
    action = actions.get(cameo or "")
    return getattr(action, name) if action is not None else None


def _gdelt(rows: _Rows) -> pa.Table:
    year, month, day = rows.part(0, 4, "0"), rows.part(5, 7, "01"), rows.part(8, 10, "01")
    ymd = pc.binary_join_element_wise(year, month, day, "")
    fraction = pc.add(
        pc.cast(year, pa.float64()),
        pc.divide(
            pc.add(pc.multiply(pc.cast(month, pa.float64()), 30.0), pc.cast(day, pa.float64())),
            365.0,
        ),
    )
    published = rows.get("first_seen" if rows.merged else "published", pa.string())
    added = pc.binary_join_element_wise(pc.replace_substring(published, "-", ""), "000000", "")
    columns: dict[str, pa.Array] = {
        "GlobalEventID": rows.get("id"),
        "Day": pc.cast(ymd, pa.int32()),
        "MonthYear": pc.cast(pc.binary_join_element_wise(year, month, ""), pa.int32()),
        "Year": pc.cast(year, pa.int32()),
        "FractionDate": pc.round(fraction, 4),
    }
    for number, side in (("1", "source"), ("2", "target")):
        sector = rows.sector(side)
        code = pc.binary_join_element_wise(rows.get(side), pc.fill_null(sector, ""), "")
        columns[f"Actor{number}Code"] = code
        columns[f"Actor{number}Name"] = rows.get(f"{side}_name")
        columns[f"Actor{number}CountryCode"] = rows.state(side)
        columns[f"Actor{number}KnownGroupCode"] = rows.group(side)
        for name in _ACTOR_NULLS[:3]:
            columns[f"Actor{number}{name}"] = rows.nulls()
        columns[f"Actor{number}Type1Code"] = sector
        for name in _ACTOR_NULLS[3:]:
            columns[f"Actor{number}{name}"] = rows.nulls()
    root_event = rows.nulls(pa.int32())
    if not rows.merged:  # GDELT's "root event": read in the lead (title or first sentence)
        root_event = pc.cast(pc.less_equal(rows.get("sentence"), 1), pa.int32())
    columns |= {
        "IsRootEvent": root_event,
        "EventCode": rows.get("cameo"),
        "EventBaseCode": pc.utf8_slice_codeunits(rows.get("cameo"), 0, 3),
        "EventRootCode": rows.get("root"),
        "QuadClass": rows.quad,
        "GoldsteinScale": rows.goldstein,
        "NumMentions": rows.per_event("mentions"),
        "NumSources": rows.per_event("sources"),
        "NumArticles": rows.per_event("documents"),
        "AvgTone": rows.nulls(pa.float64()),
    }
    for prefix in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        for name in _GEO:
            columns[prefix + name] = rows.nulls(_GEO_TYPES.get(name, pa.string()))
    columns["DATEADDED"] = pc.cast(added, pa.int64())
    columns["SOURCEURL"] = rows.get("url")
    return pa.table(columns)


def _polecat(rows: _Rows) -> pa.Table:
    event_date = pc.binary_join_element_wise(
        rows.part(0, 4, "0"), rows.part(5, 7, "01"), rows.part(8, 10, "01"), "-"
    )
    quad = pa.array([QUAD_NAMES.get(q) for q in rows.quad.to_pylist()], pa.string())
    columns: dict[str, pa.Array] = {
        "Event ID": rows.get("id"),
        "Event Date": pc.cast(event_date, pa.date32()),
        "Event Type": pc.utf8_lower(rows.get("plover")),
        "Event Mode": rows.get("plover_mode"),
        "Intensity": rows.goldstein,
        "Quad Code": quad,
        "Contexts": rows.nulls(),
    }
    for label, side in (("Actor", "source"), ("Recipient", "target")):
        columns |= {
            f"{label} Name": rows.get(f"{side}_name"),
            f"{label} Country": rows.state(side),
            f"{label} COW": rows.nulls(),
            f"Primary {label} Sector": rows.sector(side),
            f"{label} Sectors": rows.sector(side),
            f"{label} Title": rows.nulls(),
            f"{label} Name Raw": rows.nulls(),
            f"Wikipedia {label} ID": rows.nulls(),
        }
    for name, kind in _POLECAT_PLACE:
        columns[name] = rows.nulls(kind)
    columns |= {
        "Source": rows.get("outlet"),
        "Publication Date": rows.get("first_seen" if rows.merged else "published", pa.date32()),
        "Story People": rows.nulls(),
        "Story Organizations": rows.nulls(),
        "Story Locations": rows.nulls(),
        "Language": rows.constant("en", pa.string()),
        "Version": rows.constant(VERSION, pa.string()),
    }
    return pa.table(columns)
