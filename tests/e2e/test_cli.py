"""The installed `riftwatch` command on real files, a real DuckDB file and real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"
SEED = EXAMPLES / "nato-expulsions-2018.txt"


def riftwatch(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "riftwatch"
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [str(exe), *map(str, args)], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    (folder / "good.txt").write_text(
        "Poland expels Russians\nPoland expelled four Russian diplomats on Monday.\n"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes(
        "Hungary acts\nHungary's minister P\xe9ter Szijj\xe1rt\xf3 said Hungary would expel one "
        "Russian diplomat.\n".encode("latin-1")
    )
    (folder / "utf16.txt").write_bytes(
        "Denmark acts\nDenmark expelled two Russian diplomats.\n".encode("utf-16")
    )
    (folder / "broken.html").write_text(
        "<html><head><title>Broken</title></head><body><div><p>Lithuania expelled three "
        "Russian diplomats on Monday, the foreign ministry said in Vilnius.<p>More text"
    )
    (folder / "lines.jsonl").write_text(
        json.dumps(
            {
                "id": "j1",
                "date": "2018-03-26",
                "title": "t",
                "text": "Germany expelled four Russian diplomats on Monday.",
            }
        )
        + "\n"
        + "{this is not json\n"
    )
    big = folder / "huge.html"
    with big.open("w") as fh:
        fh.write("<html><body>")
        chunk = "<p>" + "filler text " * 800 + "</p>\n"
        while fh.tell() < 20_000_000:
            fh.write(chunk)
        fh.write("</body></html>")
    return folder


def test_run_reports_each_bad_document_and_stores_the_good_ones(
    bad_batch: Path, tmp_path: Path
) -> None:
    db = tmp_path / "store.duckdb"
    result = riftwatch("run", bad_batch, "--db", db, "--date", "2018-03-26", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    for name in ("empty.txt", "binary.txt", "huge.html", "lines.jsonl:2"):
        assert name in result.stderr, f"{name} not reported:\n{result.stderr}"
    stored = {row[0] for row in _rows(db, "SELECT origin FROM documents")}
    assert {Path(o.split(":")[0]).name for o in stored} >= {
        "good.txt",
        "latin1.txt",
        "utf16.txt",
        "broken.html",
        "lines.jsonl",
    }
    sources = {row[0] for row in _rows(db, "SELECT DISTINCT source FROM events")}
    assert {"POL", "DEU", "DNK", "HUN", "LTU"} <= sources

    before = _rows(db, "SELECT count(*) FROM events")[0][0]
    again = riftwatch("run", bad_batch, "--db", db, "--date", "2018-03-26", cwd=tmp_path)
    assert again.returncode == 1
    assert _rows(db, "SELECT count(*) FROM events")[0][0] == before
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == len(stored)


def test_run_on_good_input_exits_zero_and_events_lists_them(tmp_path: Path) -> None:
    db = tmp_path / "seed.duckdb"
    result = riftwatch("run", SEED, "--db", db, "--date", "2018-03-27", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = riftwatch("events", "--db", db, "--format", "jsonl", "--source", "NATO", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    expel = [e for e in events if e["root"] == "16" and e["target"] == "RUS"]
    assert expel and expel[0]["count"] == 7 and expel[0]["date"] == "2018-03-27"
    table = riftwatch("events", "--db", db, cwd=tmp_path)
    assert "NATO" in table.stdout and "RUS" in table.stdout


def test_extract_writes_jsonl_and_hides_non_facts_unless_asked(tmp_path: Path) -> None:
    doc = tmp_path / "japan.txt"
    doc.write_text(
        "Japan weighs response\nTOKYO - Japan has no plans to expel Russian diplomats, "
        "a government spokesman said on Tuesday.\n"
    )
    facts = riftwatch("extract", doc, "--date", "2018-03-27", cwd=tmp_path)
    assert facts.returncode == 0, facts.stderr
    facts_found = [json.loads(line) for line in facts.stdout.splitlines()]
    assert not [r for r in facts_found if r["root"] == "16"]
    out = tmp_path / "all.jsonl"
    every = riftwatch(
        "extract", doc, "--date", "2018-03-27", "--all-modalities", "-o", out, cwd=tmp_path
    )
    assert every.returncode == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert any(r["source"] == "JPN" and r["modality"] == "negated" for r in records)
    required = {
        "doc_id",
        "sentence",
        "start",
        "end",
        "trigger",
        "evidence",
        "source",
        "source_name",
        "source_sector",
        "target",
        "target_name",
        "target_sector",
        "cameo",
        "root",
        "goldstein",
        "quad_class",
        "plover",
        "plover_mode",
        "count",
        "count_qualifier",
        "date",
        "date_precision",
        "modality",
        "confidence",
    }
    assert required <= set(records[0])


def test_bad_usage_exits_two(tmp_path: Path) -> None:
    result = riftwatch("events", "--format", "xml", "--db", tmp_path / "x.duckdb", cwd=tmp_path)
    assert result.returncode == 2


def test_eval_scores_a_gold_file_and_prints_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "date": "2018-03-26",
                "title": "t",
                "text": "BERLIN - Germany expelled four Russian diplomats on Monday. "
                "Austria will not expel any Russian diplomats.",
                "events": [
                    {
                        "source": "DEU",
                        "target": "RUS",
                        "root": "16",
                        "count": 4,
                        "date": "2018-03-26",
                    }
                ],
                "absent": [{"source": "AUT", "target": "RUS", "root": "16"}],
            }
        )
        + "\n"
    )
    result = riftwatch("eval", gold, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["overall"]["matched_gold"] == 1 and report["overall"]["trap_hits"] == 0
    assert report["overall"]["count_accuracy"] == 1.0 and "16" in report["by_root"]
    table = riftwatch("eval", gold, cwd=tmp_path)
    assert "F1" in table.stdout


def test_actors_explains_a_dated_role(tmp_path: Path) -> None:
    text = "Nato chief Jens Stoltenberg said the alliance would respond."
    in_2018 = riftwatch("actors", text, "--date", "2018-03-27", "--json", cwd=tmp_path)
    assert in_2018.returncode == 0, in_2018.stderr
    rows = {r["text"]: r for r in json.loads(in_2018.stdout)}
    person = rows["Nato chief Jens Stoltenberg"]
    assert person["code"] == "NATO" and person["role"].startswith("2014-10-01")
    assert person["source"] and person["because"].startswith("entry:")
    assert rows["the alliance"]["because"] == "alliance-anaphor"
    in_2025 = riftwatch(
        "actors", "Jens Stoltenberg spoke.", "--date", "2025-06-01", "--json", cwd=tmp_path
    )
    assert json.loads(in_2025.stdout)[0]["code"] == "NOR"
