"""A new store file appears whole or not at all, and an existing one is never replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from riftwatch.errors import StoreError
from riftwatch.store import Store


def test_a_new_store_leaves_no_temporary_file(tmp_path: Path) -> None:
    with Store(tmp_path / "new.duckdb") as store:
        assert store.counts() == {"documents": 0, "mentions": 0, "events": 0}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.duckdb"]


def test_an_existing_file_is_opened_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_bytes(b"not a database")
    with pytest.raises(StoreError, match="cannot open store"):
        Store(path)
    assert path.read_bytes() == b"not a database"


def test_a_store_in_a_missing_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing"):
        Store(tmp_path / "missing" / "store.duckdb")
    assert list(tmp_path.iterdir()) == []


def test_where_hard_links_fail_duckdb_creates_the_file_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object) -> None:
        raise PermissionError("hard links not supported")

    monkeypatch.setattr("riftwatch.store.database.os.link", no_links)
    with Store(tmp_path / "new.duckdb") as store:
        assert store.counts()["documents"] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.duckdb"]


def test_a_migration_that_fails_leaves_the_store_at_its_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    import riftwatch.store.database as database

    broken = (*database.MIGRATIONS, (99, "broken", "ALTER TABLE no_such_table ADD COLUMN x INT"))
    monkeypatch.setattr(database, "MIGRATIONS", broken)
    path = tmp_path / "half.duckdb"
    with pytest.raises(duckdb.Error):
        Store(path)
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    tables = {row[0] for row in rows}
    con.close()
    assert "documents" not in tables  # not left between two versions
