"""Nobody in who does not belong (#9): writes need the token, uploads reach no file outside the
store, SQL is parameterised, request and page sizes are bounded, and a bounded atheris fuzz of
the ingest stage finds no crash. (tests/api covers the token's constant-time comparison, the
413 limits and hostile JSONL ids; schemathesis fuzzes the whole API.)

The fuzz runs FUZZ_RUNS inputs (4,000, about 10 s); RIFTWATCH_SLOW=1 runs 50,000.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import duckdb
import httpx
import pytest

import riftwatch
from riftwatch.api import create_app
from riftwatch.intake import UploadKind, read_upload
from riftwatch.pipeline import Failure
from riftwatch.store import EventFilter, MergedFilter, Store
from tests.api.servers import CORPUS, TOKEN, Server, auth, serve

DOCUMENTS = 3
FUZZ_RUNS = 50_000 if os.environ.get("RIFTWATCH_SLOW") == "1" else 4_000
EXAMPLES = Path(__file__).parents[2] / "examples"
INJECTIONS = [
    "' OR 1=1 --",
    '"; DROP TABLE events; --',
    "x') OR ('1'='1",
    "RUS'; DELETE FROM documents; --",
    "1; SELECT * FROM documents",
    "RUS\x00' OR 'a'='a",
]
SENTENCE = "Poland expelled four Russian diplomats on Monday."
ARTICLE = f"Poland expels Russian diplomats\n\n{SENTENCE}\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a store of the first reports of the 2018 corpus."""
    folder = tmp_path_factory.mktemp("security")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:DOCUMENTS]
    (folder / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "store.duckdb"
    with Store(db) as store:
        assert riftwatch.run([folder / "reports.jsonl"], store=store).documents == DOCUMENTS
    app = create_app(db, token=TOKEN)
    with serve(app) as url:
        yield Server(url, app, db)


@pytest.fixture
def api(server: Server) -> Iterator[httpx.Client]:
    with server.client() as client:
        yield client


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer " + TOKEN.upper()},
        {"Authorization": "Bearer " + TOKEN[:-1]},
        {"Authorization": f"Bearer {TOKEN} {TOKEN}"},
        {"Authorization": b"Bearer t\xc3\xb6k\xc3\xa9n"},  # not ASCII
        {"Authorization": f"Token {TOKEN}"},
        {"X-Token": TOKEN, "Cookie": f"token={TOKEN}"},  # the token where it is not read
    ],
)
def test_a_write_without_the_token_in_the_header_is_a_json_401(
    api: httpx.Client, headers: dict[str, str | bytes]
) -> None:
    before = api.get("/health").json()["documents"]
    response = api.post(
        "/documents",
        content=ARTICLE,
        params={"token": TOKEN},
        headers={**headers, "Content-Type": "text/plain"},
    )
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["code"] == "unauthorized"
    assert api.get("/health").json()["documents"] == before


@pytest.mark.parametrize("name", ["../../riftwatch-x", "/tmp/riftwatch-x", "..\\..\\riftwatch-x"])
def test_a_multipart_upload_writes_no_file_whatever_its_filename(
    api: httpx.Client, server: Server, name: str
) -> None:
    name = name.replace("riftwatch-x", f"riftwatch-{uuid.uuid4().hex}")
    before = _files(server.store.parent)
    files = {"file": (name, ARTICLE.encode(), "text/plain")}
    refused = api.post("/documents", files=files, headers=auth())
    assert (
        refused.status_code == 415 and refused.json()["error"]["code"] == "unsupported_media_type"
    )
    # Forced to read the body as text, the whole envelope is an article; the name is text.
    forced = api.post("/documents", files=files, headers=auth(), params={"kind": "text"})
    assert forced.status_code == 200
    assert _files(server.store.parent) - before <= {server.store.with_suffix(".duckdb.wal")}
    for folder in (server.store.parent, Path.cwd(), Path("/tmp")):
        assert not (folder / name).exists() and not Path(name).exists()


def test_ids_and_urls_that_are_paths_stay_in_the_store(api: httpx.Client, server: Server) -> None:
    mark = uuid.uuid4().hex
    hostile = [f"/tmp/riftwatch-{mark}", f"../../../../tmp/riftwatch-{mark}-up", f"C:\\{mark}"]
    lines = [
        json.dumps({"id": name, "url": f"file://{name}", "date": "2018-03-26", "text": SENTENCE})
        for name in hostile
    ]
    body = "\n".join(lines)
    response = api.post(
        "/documents", content=body, headers={**auth(), "Content-Type": "application/x-ndjson"}
    )
    assert response.status_code == 200 and response.json()["stored"] == len(hostile)
    assert not any(p.name.startswith(f"riftwatch-{mark}") for p in Path("/tmp").iterdir())
    for path in ("/documents/%2Fetc%2Fpasswd", "/documents/..%2F..%2Fetc%2Fpasswd"):
        answer = api.get(path)
        assert answer.status_code == 404 and "root:" not in answer.text
        assert answer.headers["content-type"] == "application/json"


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_in_filters_finds_nothing_and_changes_nothing(api: httpx.Client, value: str) -> None:
    before = api.get("/health").json()
    for name in ("actor", "source", "target", "plover", "doc_id"):
        for merged in ("false", "true"):
            if name == "doc_id" and merged == "true":
                continue
            page = api.get("/events", params={name: value, "merged": merged, "modality": "all"})
            assert page.status_code == 200, page.text
            assert page.json()["total"] == 0 and page.json()["events"] == []
    for name in ("root", "cameo", "cursor", "start"):
        assert api.get("/events", params={name: value}).status_code == 422
    for path in ("/events/{}", "/documents/{}"):
        assert api.get(path.format(quote(value, safe=""))).status_code == 404
    assert api.get("/coordination", params={"target": value}).json() == []
    assert api.get("/rifts", params={"actor": value, "min_events": 1}).json() == []
    relation = api.get("/relations", params={"a": value, "b": "RUS"})
    assert relation.status_code == 200 and not any(p["events"] for p in relation.json())
    assert api.get("/health").json() == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_in_the_python_api_filters_finds_nothing(server: Server, value: str) -> None:
    server.app.state.access.close()  # let go of the file, so this process can read it
    with Store(server.store, read_only=True) as store:
        counts = store.counts()
        for name in ("actor", "source", "target", "doc_id", "cameo", "plover"):
            where = {name: value}
            assert store.query_events(EventFilter(**where)) == []  # type: ignore[arg-type]
            if name != "doc_id":
                assert store.query_merged(MergedFilter(**where)) == []  # type: ignore[arg-type]
        assert store.counts() == counts
    with duckdb.connect(str(server.store), read_only=True) as con:
        tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    assert {"documents", "events", "mentions", "merged_events"} <= tables


def test_sql_text_is_formatted_only_from_names_never_from_values() -> None:
    """Values reach SQL as parameters (`?`): an f-string of SQL in store/ may format names of
    tables, columns and clauses, and integers through int(), but no attribute of a filter,
    document or record (`where.actor`, `document.id`) and nothing through repr()."""
    found = []
    for path in sorted((Path(riftwatch.__file__).parent / "store").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and _SQL.search(_constant_text(node)):
                found += [
                    f"{path.name}:{node.lineno}: {{{ast.unparse(value.value)}}}"
                    for value in node.values
                    if isinstance(value, ast.FormattedValue) and not _a_name(value)
                ]
    assert not found, found


_SQL = re.compile(r"\b(SELECT|INSERT|DELETE|UPDATE|WHERE|LIMIT|OFFSET)\b")


def _constant_text(node: ast.JoinedStr) -> str:
    return "".join(v.value for v in node.values if isinstance(v, ast.Constant))


def _a_name(value: ast.FormattedValue) -> bool:
    if value.conversion != -1:
        return False
    for sub in ast.walk(value.value):
        if isinstance(sub, ast.Subscript):
            return False
        if isinstance(sub, ast.Attribute) and sub.attr != "join":
            return False
    return True


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/events", {"limit": "1001"}),
        ("/events", {"limit": "0"}),
        ("/events", {"limit": "-1"}),
        ("/events", {"offset": "10000001"}),
        ("/events", {"limit": str(10**30)}),
        ("/events", {"actor": "R" * 33}),
        ("/actors", {"text": "x" * 5001}),
        ("/coordination", {"min_participants": "1001"}),
        ("/rifts", {"actor": "RUS", "partner": ["X"] * 51}),
    ],
)
def test_page_and_parameter_sizes_are_bounded(
    api: httpx.Client, path: str, params: dict[str, str | list[str]]
) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "invalid_request"


def test_a_huge_request_line_or_header_is_refused_and_the_server_goes_on(
    api: httpx.Client,
) -> None:
    long_url = api.get("/events", params={"doc_id": "x" * 60_000})  # httpx sends < 64 KiB
    assert 400 <= long_url.status_code < 500
    try:
        huge = api.get("/health", headers={"X-Padding": "p" * 200_000})
        assert 400 <= huge.status_code < 500
    except httpx.RemoteProtocolError:
        pass  # the server closed the connection without reading the header: refused too
    with httpx.Client(base_url=str(api.base_url)) as fresh:
        assert fresh.get("/health").status_code == 200


def test_a_bounded_fuzz_of_the_ingest_stage_finds_no_crash(tmp_path: Path) -> None:
    corpus, crashes = tmp_path / "corpus", tmp_path / "crashes"
    corpus.mkdir()
    crashes.mkdir()
    _seed(corpus)
    target = Path(__file__).with_name("fuzz_ingest.py")
    command = [sys.executable, str(target), str(corpus), f"-runs={FUZZ_RUNS}", "-seed=1"]
    command += ["-max_len=4096", f"-artifact_prefix={crashes}/", "-print_final_stats=1"]
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # where the target writes its input files
    result = subprocess.run(command, capture_output=True, text=True, timeout=3600, env=env)
    found = sorted(p.name for p in crashes.iterdir())
    assert result.returncode == 0 and not found, (found, result.stderr[-3000:])
    done = re.search(r"Done (\d+) runs in (\d+) second", result.stderr)
    assert done is not None and int(done[1]) >= FUZZ_RUNS, result.stderr[-2000:]
    print(f"\nfuzz: {done[1]} inputs in {done[2]} s, no crash")


@pytest.mark.parametrize("kind", list(UploadKind))
@pytest.mark.parametrize(
    "body",
    [
        # A date header whose year overflows a C long: an OverflowError escaped ingest.
        b"Date: 2019" + b"0" * 100 + b"-62-1\n\nPoland expelled two Russian diplomats.",
    ],
)
def test_what_the_fuzzer_found_is_a_failure_not_a_crash(kind: UploadKind, body: bytes) -> None:
    found = read_upload(body, kind)
    assert found and all(isinstance(item, Failure) for item in found)


def _seed(corpus: Path) -> None:
    """One real input per reader: the first byte picks it (see fuzz_ingest.check_one)."""
    text = (EXAMPLES / "ambassadors-recalled.txt").read_bytes()[:3000]
    page = (EXAMPLES / "sanctions-page.html").read_bytes()[:4000]
    lines = (EXAMPLES / "wire.jsonl").read_bytes()[:3000]
    record = b'[{"id": "a", "date": "2018-03-26", "text": "Poland expelled two envoys."}]'
    seeds = {"text": b"\x00" + text, "html": b"\x02" + page, "jsonl": b"\x04" + lines}
    seeds |= {"json": b"\x06" + record, "file-text": b"\x01" + text, "file-html": b"\x03" + page}
    seeds |= {"file-jsonl": b"\x05" + lines}
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)


def _files(root: Path) -> set[Path]:
    return {Path(folder, name) for folder, _, names in os.walk(root) for name in names}
