"""The Python API: `__all__` is exactly the public names, and the README's examples run."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pyarrow as pa
import pytest

import riftwatch
from riftwatch.store import EventFilter, MergedFilter, Store

ROOT = Path(__file__).parents[2]


def test_all_is_exactly_the_public_names() -> None:
    assert sorted(riftwatch.__all__) == sorted(riftwatch._EXPORTS)
    for name in riftwatch.__all__:
        assert getattr(riftwatch, name) is not None
    with pytest.raises(AttributeError):
        riftwatch.no_such_name  # noqa: B018 - the attribute access is the test


def test_tables_match_records(store: Store) -> None:
    where = EventFilter(actor="RUS", start=dt.date(2018, 3, 1), end=dt.date(2018, 3, 31))
    table = store.events_table(where)
    records = store.query_events(where)
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(records) == store.count_events(where)
    assert table["id"].to_pylist() == [r.id for r in records]
    assert table.column_names[-3:] == ["published", "url", "outlet"]
    rus = MergedFilter(target="RUS")
    merged = store.merged_table(rus)
    assert merged["id"].to_pylist() == [e.id for e in store.query_merged(rus)]


def test_keyset_pages_join_up(store: Store) -> None:
    everything = store.query_events(EventFilter(modality="all", groups=True))
    seen: list[str] = []
    after = None
    while True:
        page = store.query_events(EventFilter(modality="all", groups=True, limit=9, after=after))
        seen += [e.id for e in page]
        if len(page) < 9:
            break
        after = page[-1].id
    assert seen == [e.id for e in everything]


def test_store_analyses_equal_the_pure_functions(store: Store) -> None:
    records = store.query_events(EventFilter(modality="all", groups=True, min_confidence=0.0))
    assert riftwatch.coordination(store, target="RUS") == riftwatch.find_coordinated_actions(
        records, target="RUS"
    )
    series = riftwatch.relations(store, "RUS", "WST")
    merged = store.query_merged(MergedFilter(modality="all"))
    direct = riftwatch.relation_series(merged, "RUS", "WST")
    as_dicts = [[p.to_dict() for p in riftwatch.series_points(t)] for t in (series, direct)]
    assert as_dicts[0] == as_dicts[1] and as_dicts[0]  # to_dict: NaN as None, comparable


@pytest.mark.parametrize("block", [0, 1])
def test_readme_python_examples_run(
    block: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Python API")[1]
    code = re.findall(r"```python\n(.*?)```", section.split("\n## ")[0], re.S)[block]
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "data").symlink_to(ROOT / "tests" / "data")
    monkeypatch.chdir(tmp_path)
    if block == 1:  # the second example reads the store the first one writes
        with Store("riftwatch.duckdb") as store:
            riftwatch.run(["examples/"], store=store, default_date=dt.date(2018, 3, 27))
    exec(compile(code, f"README.md python block {block}", "exec"), {})  # noqa: S102
    assert (tmp_path / "riftwatch.duckdb").exists()


def test_a_blocs_rifts_do_not_depend_on_the_order_of_its_partners(store: Store) -> None:
    forward = riftwatch.rifts(store, "WST", partners=["RUS", "SYR"], min_events=2)
    backward = riftwatch.rifts(store, "WST", partners=["SYR", "RUS"], min_events=2)
    assert {(r.b, r.period) for r in forward} == {(r.b, r.period) for r in backward}
    assert any(r.b == "RUS" for r in forward)
