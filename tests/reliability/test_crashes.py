"""`riftwatch run` killed with SIGKILL at random points, then run again, gives the store an
uninterrupted run gives: no document or event lost or doubled, the file always readable (#9).

Each trial starts `riftwatch run` on the first 16 reports of tests/data/reports-2018 with two
documents per batch (8 write transactions) and kills it inside a chosen phase, at a random
moment of that phase: start-up, loading the model, opening the store (creating it, or replaying
the WAL a killed run left), coding, writing a batch, merging, closing (DuckDB's checkpoint).
The run goes through a small wrapper that appends each phase it enters, with the time, to a
file and otherwise is `riftwatch.cli.main`; so the phase a kill landed in is read, not guessed,
and the random moment is drawn within how long that phase took in the uninterrupted run.
Trials come in pairs: a killed run, then a killed re-run on what it left; then the run is
completed (the CLI in this process) and the store compared, row by row, with the reference.
After every kill the file must open, and every document in it must have exactly its reference
rows (a batch is all or nothing).

Default: 20 kills in 10 pairs (about a minute on two cores). RIFTWATCH_SLOW=1 adds a test of
60 more runs, half killed at uniformly random times. Run with `-s` to see the figures.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from riftwatch.cli import app

REPORTS = Path(__file__).parents[1] / "data" / "reports-2018" / "reports.jsonl"
DOCUMENTS, BATCH = 16, 2
LONG = os.environ.get("RIFTWATCH_SLOW") == "1"
Rows = Counter[tuple[object, ...]]
Snapshot = dict[str, Rows]
# Every stored column but the clock's (stored_at): what a run wrote.
TABLES = {
    "documents": "id, content_hash, title, published, url, origin, text, outlet",
    "mentions": "*",
    "events": "*",
    "merged_events": "*",
    "merged_mentions": "*",
}
# The column of each table that names the document a row belongs to.
DOC_COLUMN = {"documents": 0, "mentions": 0, "events": 1}

# `riftwatch run`, writing "PHASE SECONDS" lines to a trace. argv: TRACE BATCH_SIZE run-args.
TRACED_RUN = """
import os, sys, time
trace = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
def mark(phase):
    os.write(trace, f"{phase} {time.monotonic()}\\n".encode())
mark("start-up")
import spacy
from riftwatch import pipeline
from riftwatch.cli import main
from riftwatch.store import Store
def traced(owner, name, enter, leave):
    real = getattr(owner, name)
    def wrapper(*args, **kwargs):
        mark(enter)
        try:
            return real(*args, **kwargs)
        finally:
            mark(leave)
    setattr(owner, name, wrapper)
traced(spacy, "load", "model", "code")
traced(Store, "__init__", "open", "code")
traced(Store, "save_documents", "write", "code")
traced(Store, "merge_events", "merge", "report")
traced(Store, "close", "close", "exit")
assert isinstance(pipeline.BATCH_SIZE, int)
pipeline.BATCH_SIZE = int(sys.argv[2])
sys.argv = ["riftwatch", *sys.argv[3:]]
main()
"""


@dataclass(frozen=True)
class Target:
    """Kill inside the `nth` phase named `phase`, at a random moment up to `window` seconds in
    (by default, within the time the phase took in the uninterrupted run)."""

    phase: str
    nth: int = 1
    window: float | None = None


@dataclass(frozen=True)
class Reference:
    """The store an uninterrupted run writes, how long the run took and each phase took."""

    rows: Snapshot
    seconds: float
    phase_seconds: dict[str, float]


@dataclass
class Figures:
    """What the trials did and found."""

    runs: int = 0
    kills: Counter[str] = field(default_factory=Counter)  # by the phase the kill landed in
    finished: int = 0  # runs that ended before the kill came
    wal_left: int = 0  # kills that left a WAL for the next open to replay
    replays_killed: int = 0  # kills while opening a store with such a WAL (replaying it)
    partial_checks: int = 0
    half_written: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    lost: int = 0
    doubled: int = 0
    seconds: float = 0.0

    def text(self, seed: int) -> str:
        phases = ", ".join(f"{phase} {n}" for phase, n in sorted(self.kills.items()))
        return (
            f"crash trials (seed {seed}): {self.runs} runs, {sum(self.kills.values())} killed "
            f"({phases}); {self.finished} finished first; {self.wal_left} kills left a WAL, "
            f"{self.replays_killed} killed while replaying one; {self.partial_checks} partial "
            f"stores checked: {len(self.half_written)} half-written, {len(self.unreadable)} "
            f"unreadable; after completion rows lost {self.lost}, rows doubled {self.doubled}; "
            f"{self.seconds:.0f} s"
        )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash-corpus") / "reports.jsonl"
    lines = REPORTS.read_text(encoding="utf-8").splitlines()[:DOCUMENTS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """An uninterrupted run, through the same wrapper and batch size as the trials."""
    folder = tmp_path_factory.mktemp("reference")
    trace = folder / "trace"
    run = _start(corpus, folder / "store.duckdb", trace)
    assert run.wait(timeout=300) == 0, _stderr(trace).read_text(errors="replace")
    rows = snapshot(folder / "store.duckdb")
    assert sum(rows["documents"].values()) == DOCUMENTS and rows["events"]
    timeline = _timeline(trace)
    durations: dict[str, list[float]] = {}
    for (phase, start), (_, end) in zip(timeline, timeline[1:], strict=False):
        durations.setdefault(phase, []).append(end - start)
    medians = {phase: statistics.median(times) for phase, times in durations.items()}
    return Reference(rows, timeline[-1][1] - timeline[0][1], medians)


def test_killed_runs_resume_to_the_store_of_an_uninterrupted_run(
    corpus: Path, reference: Reference, tmp_path: Path
) -> None:
    after_open = Target("code", nth=2, window=1.0)  # coding the first batch, or just after
    # The second run of a pair resumes from the first: "open" there replays the WAL it left.
    plan = [
        (Target("start-up", window=1.0), Target("open")),
        (Target("model"), Target("open")),
        (Target("open"), Target("write")),
        (after_open, Target("write")),
        (Target("write", nth=4), Target("open")),
        (Target("write", nth=7), Target("merge")),
        (Target("write", nth=2), Target("close")),
        (after_open, Target("merge")),
        (Target("merge"), Target("open")),
        (Target("close"), Target("model")),
    ]
    seed = random.randrange(1 << 30)
    figures = _trials(plan, corpus, reference, tmp_path, random.Random(seed), kills=20)
    print(figures.text(seed))
    _check(figures, seed, kills=20)


@pytest.mark.slow
@pytest.mark.skipif(not LONG, reason="long variant: set RIFTWATCH_SLOW=1")
def test_many_more_kills_at_random_times(
    corpus: Path, reference: Reference, tmp_path: Path
) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    anytime = Target("start-up", window=reference.seconds)  # a uniformly random moment
    phases = ["model", "open", "code", "write", "write", "write", "merge", "close"]
    plan = [
        (anytime, anytime)
        if pair % 2
        else (_random_target(rng, phases), _random_target(rng, phases))
        for pair in range(30)
    ]
    figures = _trials(plan, corpus, reference, tmp_path, rng, kills=40)
    print(figures.text(seed))
    _check(figures, seed, kills=40)


def test_a_store_killed_while_being_created_is_not_left_broken(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    # Die at the last step of creating the file: after DuckDB wrote it, before it is in place.
    code = (
        "import os, signal, sys\n"
        "os.link = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from riftwatch.store import Store\n"
        "Store(sys.argv[1])\n"
    )
    died = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, timeout=120)
    assert died.returncode == -9, died.stderr
    assert not db.exists()
    result = CliRunner().invoke(app, ["merge", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def _random_target(rng: random.Random, phases: list[str]) -> Target:
    phase = rng.choice(phases)
    if phase == "write":
        return Target(phase, nth=rng.randint(1, DOCUMENTS // BATCH))
    if phase == "code":
        return Target(phase, nth=2, window=1.0)
    return Target(phase)


def _trials(
    plan: list[tuple[Target, Target]],
    corpus: Path,
    reference: Reference,
    tmp_path: Path,
    rng: random.Random,
    *,
    kills: int,
) -> Figures:
    """Run the pairs of `plan`, then random pairs (up to five) until `kills` runs were killed:
    a run can end before its kill comes."""
    figures = Figures()
    started = time.monotonic()
    phases = ["open", "code", "write", "merge", "close"]
    extra = ((_random_target(rng, phases), _random_target(rng, phases)) for _ in range(5))
    for number, pair in enumerate([*plan, *extra]):
        if number >= len(plan) and sum(figures.kills.values()) >= kills:
            break
        db = tmp_path / f"trial-{number}.duckdb"
        for target in pair:
            replay = _wal(db).exists()
            window = target.window or 0.9 * reference.phase_seconds[target.phase]
            phase = _kill(corpus, db, tmp_path / f"trace-{number}", target, rng.uniform(0, window))
            figures.runs += 1
            if phase is None:
                figures.finished += 1
                continue
            figures.kills[phase] += 1
            figures.replays_killed += replay and phase == "open"
            figures.wal_left += _wal(db).exists()
            _check_partial(db, reference.rows, figures, f"pair {number} ({phase})")
        _complete(corpus, db)
        lost, doubled = _difference(reference.rows, snapshot(db))
        figures.lost += lost
        figures.doubled += doubled
    figures.seconds = time.monotonic() - started
    return figures


def _check(figures: Figures, seed: int, *, kills: int) -> None:
    summary = figures.text(seed)
    assert sum(figures.kills.values()) >= kills, summary
    assert not figures.unreadable, f"{summary}\n{figures.unreadable}"
    assert not figures.half_written, f"{summary}\n{figures.half_written}"
    assert (figures.lost, figures.doubled) == (0, 0), summary


def _start(corpus: Path, db: Path, trace: Path) -> subprocess.Popen[bytes]:
    args = [str(trace), str(BATCH), "run", str(corpus), "--db", str(db)]
    with _stderr(trace).open("wb") as errors:
        return subprocess.Popen(
            [sys.executable, "-c", TRACED_RUN, *args],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, "COLUMNS": "200"},
        )


def _kill(corpus: Path, db: Path, trace: Path, target: Target, delay: float) -> str | None:
    """Run, kill `delay` seconds into `target`: the phase the kill landed in, or None if the
    run finished first."""
    trace.unlink(missing_ok=True)
    run = _start(corpus, db, trace)
    try:
        if _reached(run, trace, target):
            time.sleep(delay)
            run.kill()
        code = run.wait(timeout=300)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    if code != -9:
        assert code == 0, _stderr(trace).read_text(errors="replace")
        return None
    timeline = _timeline(trace)
    return timeline[-1][0] if timeline else "start-up"


def _reached(run: subprocess.Popen[bytes], trace: Path, target: Target) -> bool:
    """Wait until the run enters `target` for the nth time; False if it ends first."""
    deadline = time.monotonic() + 300
    while run.poll() is None and time.monotonic() < deadline:
        phases = [phase for phase, _ in _timeline(trace)]
        if phases.count(target.phase) >= target.nth:
            return True
        time.sleep(0.0005)
    return False


def _timeline(trace: Path) -> list[tuple[str, float]]:
    try:
        lines = trace.read_text().splitlines()
    except FileNotFoundError:
        return []
    return [(phase, float(at)) for phase, at in (line.split() for line in lines)]


def _stderr(trace: Path) -> Path:
    return trace.with_name(trace.name + ".stderr")


def _wal(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


def _complete(corpus: Path, db: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "0 failed" in " ".join(result.output.split()), result.output


def snapshot(db: Path) -> Snapshot:
    """Every table a run writes, as a multiset of rows (read-only: a WAL is left in place)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: Counter(con.execute(f"SELECT {columns} FROM {table}").fetchall())
            for table, columns in TABLES.items()
        }


def _check_partial(db: Path, reference: Snapshot, figures: Figures, where: str) -> None:
    """What a kill left: readable, and each stored document with exactly its reference rows."""
    if not db.exists():
        return
    try:
        found = snapshot(db)
    except duckdb.CatalogException:
        return  # killed before the tables were created: an empty, readable store
    except duckdb.Error as exc:
        figures.unreadable.append(f"{where}: {exc}")
        return
    figures.partial_checks += 1
    stored = {row[0] for row in found["documents"]}
    for table, column in DOC_COLUMN.items():
        if _rows_of(found[table], column, stored) != _rows_of(reference[table], column, stored):
            figures.half_written.append(f"{where}: {table} differ from the reference")
    for table in ("merged_events", "merged_mentions"):
        if any(n > 1 for n in found[table].values()):
            figures.half_written.append(f"{where}: {table} has doubled rows")


def _rows_of(rows: Rows, column: int, docs: set[object]) -> Rows:
    return Counter({row: n for row, n in rows.items() if row[column] in docs})


def _difference(reference: Snapshot, found: Snapshot) -> tuple[int, int]:
    """(rows the reference has and `found` lacks, rows `found` has beyond the reference)."""
    lost = sum(sum((reference[t] - found[t]).values()) for t in TABLES)
    doubled = sum(sum((found[t] - reference[t]).values()) for t in TABLES)
    return lost, doubled
