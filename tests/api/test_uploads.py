"""POST /documents: the token guards writes, bodies are bounded, each document gets an outcome."""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from riftwatch.api import access as access_module
from riftwatch.api import create_app
from riftwatch.intake import UploadKind, read_upload
from riftwatch.pipeline import Failure
from tests.api.servers import CORPUS, TOKEN, Server, auth, copy_store, serve

ARTICLE = (
    "Russia expels British diplomats\n\n"
    "Russia expelled 23 British diplomats on Saturday, the foreign ministry in Moscow said.\n"
)
PAGE = f"""<html><head><title>Russia expels British diplomats</title>
<meta property="article:published_time" content="2018-03-17"></head>
<body><nav>Home | World</nav><article><h1>Russia expels British diplomats</h1>
<p>{ARTICLE.splitlines()[2]}</p><p>The British embassy said it would comply.</p>
</article><script>alert("x")</script></body></html>"""


def post(server: Server, body: bytes | str, content_type: str, **kwargs: object) -> httpx.Response:
    headers = {"Content-Type": content_type, **kwargs.pop("headers", auth())}  # type: ignore[dict-item]
    with server.client() as client:
        return client.post("/documents", content=body, headers=headers, **kwargs)  # type: ignore[arg-type]


def test_a_text_article_is_coded_stored_and_then_served(writer: Server) -> None:
    response = post(writer, ARTICLE, "text/plain", params={"date": "2018-03-17"})
    assert response.status_code == 200, response.text
    body = response.json()
    (outcome,) = body["documents"]
    assert outcome["status"] == "stored" and outcome["id"].startswith("doc-")
    assert outcome["title"] == "Russia expels British diplomats"
    assert body["stored"] == 1 and body["events"] == len(outcome["events"]) >= 1
    with writer.client() as client:
        document = client.get(f"/documents/{outcome['id']}").json()
        assert document["text"] == ARTICLE
        assert [e["id"] for e in document["events"]] == outcome["events"]
        found = {(e["source"], e["cameo"], e["target"], e["count"]) for e in document["events"]}
        assert ("RUS", "161", "GBR", 23) in found
        event = client.get(f"/events/{outcome['events'][-1]}").json()["event"]
        assert event["date"] == "2018-03-17" and event["published"] == "2018-03-17"
    again = post(writer, ARTICLE, "text/plain", params={"date": "2018-03-17"}).json()
    assert again["documents"][0]["status"] == "unchanged" and again["stored"] == 0
    assert again["documents"][0]["events"] == outcome["events"]


def test_html_pages_and_json_records_are_read_like_files(writer: Server) -> None:
    page = post(writer, PAGE, "text/html; charset=utf-8").json()["documents"][0]
    assert page["status"] == "stored" and page["events"]
    records = [
        {"id": "up-1", "date": "2018-03-26", "text": "Poland expelled four Russian diplomats."},
        {"id": "up-2", "date": "2018-03-26", "text": "Canada expelled four Russian diplomats."},
    ]
    body = post(writer, json.dumps(records), "application/json").json()
    assert [(d["origin"], d["id"], d["status"]) for d in body["documents"]] == [
        ("upload[0]", "up-1", "stored"),
        ("upload[1]", "up-2", "stored"),
    ]


def test_bad_jsonl_lines_fail_alone(writer: Server) -> None:
    lines = [
        json.dumps({"id": "ok-1", "date": "2018-03-26", "text": "Italy expelled two diplomats."}),
        "{not json",
        json.dumps({"id": "no-text", "date": "2018-03-26"}),
        json.dumps({"id": "bad-date", "date": "2018-02-30", "text": "Spain expelled two."}),
        "",
        json.dumps({"id": "empty", "text": "   "}),
    ]
    body = post(writer, "\n".join(lines), "application/x-ndjson").json()
    outcomes = {d["origin"]: d for d in body["documents"]}
    assert outcomes["upload:1"]["status"] == "stored"
    assert {k: outcomes[k]["code"] for k in ("upload:2", "upload:3", "upload:4", "upload:6")} == {
        "upload:2": "RW104",
        "upload:3": "RW104",
        "upload:4": "RW104",
        "upload:6": "RW101",
    }
    assert "not JSON" in outcomes["upload:2"]["reason"]
    assert (body["stored"], body["failed"]) == (1, 4)


def test_the_whole_corpus_uploads_as_jsonl_and_adds_nothing_twice(writer: Server) -> None:
    body = post(writer, CORPUS.read_bytes(), "application/x-ndjson").json()
    assert body["unchanged"] == 34 and body["stored"] == 0 and body["failed"] == 0


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong-token"}, 401, "unauthorized"),
        ({"Authorization": f"Basic {TOKEN}"}, 401, "unauthorized"),
        ({"Authorization": f"Bearer {TOKEN}x"}, 401, "unauthorized"),
    ],
)
def test_writes_without_the_token_are_refused(
    writer: Server, headers: dict[str, str], status: int, code: str
) -> None:
    response = post(writer, ARTICLE, "text/plain", headers=headers)
    assert response.status_code == status and response.json()["error"]["code"] == code
    assert response.headers["WWW-Authenticate"] == "Bearer"
    with writer.client() as client:
        assert client.get("/health").json()["documents"] == 34


def test_the_token_is_compared_in_constant_time(
    writer: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bytes, bytes]] = []
    compare = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(access_module.hmac, "compare_digest", spy)
    assert post(writer, ARTICLE, "text/plain", headers=auth("nope")).status_code == 401
    assert post(writer, ARTICLE, "text/plain").status_code == 200
    assert seen == [(b"nope", TOKEN.encode()), (TOKEN.encode(), TOKEN.encode())]


def test_a_server_without_a_token_refuses_every_write(pristine: Path, tmp_path: Path) -> None:
    app = create_app(copy_store(pristine, tmp_path), token=None)
    with serve(app) as url, httpx.Client(base_url=url) as client:
        response = client.post("/documents", content=ARTICLE, headers=auth())
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "writes_disabled"
        assert "RIFTWATCH_TOKEN" in response.json()["error"]["message"]
        assert client.get("/health").json()["writes"] is False


def test_unknown_body_types_are_415(writer: Server) -> None:
    response = post(writer, b"%PDF-1.4", "application/pdf")
    assert response.status_code == 415
    assert "text/plain" in response.json()["error"]["message"]
    forced = post(writer, ARTICLE, "application/octet-stream", params={"kind": "text"})
    assert forced.status_code == 200


def test_bodies_over_the_limit_are_413_by_length_or_while_streaming(writer: Server) -> None:
    big = b"a" * 10_000_001
    response = post(writer, big, "text/plain")
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(11):
            yield b"b" * 1_000_000

    streamed = post(writer, chunks(), "text/plain")  # type: ignore[arg-type]
    assert streamed.status_code == 413 and "10,000,000" in streamed.json()["error"]["message"]
    with writer.client() as client:
        assert client.get("/health").json()["documents"] == 34


def test_uploads_never_touch_the_filesystem_outside_the_store(
    writer: Server, tmp_path: Path
) -> None:
    before = _files(tmp_path)
    hostile = [
        {"id": "../../../../tmp/pwned", "date": "2018-03-26", "text": "Malta expelled two."},
        {"id": "/etc/passwd", "url": "file:///etc/passwd", "text": "Cyprus expelled two."},
    ]
    body = post(writer, "\n".join(json.dumps(r) for r in hostile), "application/x-ndjson").json()
    assert body["stored"] == 2
    after = _files(tmp_path)  # the writer's store lives here
    assert {p.name for p in after - before} <= {"store.duckdb.wal"}
    assert not Path("/tmp/pwned").exists() and not (Path.cwd() / "pwned").exists()


def test_a_second_upload_waits_then_gets_busy(writer: Server) -> None:
    access = writer.app.state.access
    access.write_wait = 0.2
    assert access._writing.acquire(timeout=5)  # another upload in flight
    try:
        response = post(writer, ARTICLE, "text/plain")
    finally:
        access._writing.release()
    assert response.status_code == 503 and response.json()["error"]["code"] == "busy"
    assert response.headers["Retry-After"] == "1"
    assert post(writer, ARTICLE, "text/plain").status_code == 200


def _files(root: Path) -> set[Path]:
    return {Path(folder, name) for folder, _, names in os.walk(root) for name in names}


@pytest.mark.parametrize(
    ("body", "kind", "code"),
    [
        (b"", UploadKind.TEXT, "RW101"),
        (b"  \n\t ", UploadKind.TEXT, "RW101"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", UploadKind.TEXT, "RW102"),
        (b"<html><body><script>x()</script></body></html>", UploadKind.HTML, "RW101"),
        (b"[]", UploadKind.JSON, "RW104"),
        (b"5", UploadKind.JSON, "RW104"),
        (b"\n\n", UploadKind.JSONL, "RW104"),
        (b"a" * 101, UploadKind.TEXT, "RW103"),
    ],
)
def test_unreadable_bodies_become_failures(body: bytes, kind: UploadKind, code: str) -> None:
    (failure,) = read_upload(body, kind, max_bytes=100)
    assert isinstance(failure, Failure) and failure.code == code and failure.origin == "upload"
