"""HTML pages: main text, title, date and URL extracted; furniture and broken pages handled."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from riftwatch.errors import EmptyDocumentError, InputError, TooLargeError
from riftwatch.ingest import document_from_html, read_html_file

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Nato expels seven Russian diplomats | The Ledger</title>
<meta property="article:published_time" content="2018-03-26T10:00:00Z">
<link rel="canonical" href="https://ledger.example.com/world/nato-expels">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport and leisure</a></li></ul></nav>
<div class="cookies">We use cookies to improve your experience. Accept all cookies</div></header>
<main><article>
<h1>Nato expels seven Russian diplomats</h1>
<p>Nato expelled seven Russian diplomats on Tuesday, joining more than 20 Western states that
have sent off more than 130 envoys over a suspected nerve gas attack on a spy in Britain.</p>
<p>The alliance also blocked the appointment of three others, reducing the Russian mission
from 30 to 20 people, its secretary general told reporters in Brussels.</p>
<p>Moscow called the decision a provocation and said it would respond in kind.</p>
</article></main>
<footer><p>Copyright 2018 The Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>
"""


def write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_article_page_gives_title_date_url_and_clean_text(tmp_path: Path) -> None:
    doc = read_html_file(write(tmp_path, "page.html", ARTICLE))
    assert doc.title == "Nato expels seven Russian diplomats"
    assert doc.published == dt.date(2018, 3, 26)
    assert doc.url == "https://ledger.example.com/world/nato-expels"
    assert doc.text.startswith("Nato expels seven Russian diplomats\n")
    assert "Nato expelled seven Russian diplomats on Tuesday" in doc.text
    assert "respond in kind" in doc.text
    for furniture in ("Home", "Sport and leisure", "cookies", "Privacy policy", "Copyright"):
        assert furniture not in doc.text
    assert doc.origin == str(tmp_path / "page.html")


def test_page_date_wins_and_default_date_is_the_fallback(tmp_path: Path) -> None:
    default = dt.date(2000, 1, 1)
    assert document_from_html(ARTICLE, "a", default_date=default).published == dt.date(2018, 3, 26)
    undated = ARTICLE.replace(
        '<meta property="article:published_time" content="2018-03-26T10:00:00Z">', ""
    )
    assert document_from_html(undated, "b", default_date=default).published == default


def test_title_is_put_in_front_when_the_body_lacks_it() -> None:
    html = ARTICLE.replace("<h1>Nato expels seven Russian diplomats</h1>", "")
    doc = document_from_html(html, "page.html")
    assert doc.text.startswith(f"{doc.title}\n\n")
    assert "Nato expelled seven Russian diplomats on Tuesday" in doc.text


def test_broken_html_still_gives_its_text() -> None:
    html = (
        "<html><head><title>Broken page</title></head><body><div><p>Turkish troops shelled "
        "positions held by Kurdish fighters near Afrin on Sunday, the army said.<p>Ankara said "
        "the operation would continue<div><b>until"
    )
    doc = document_from_html(html, "broken.html")
    assert "Turkish troops shelled positions" in doc.text
    assert doc.title == "Broken page"


def test_navigation_only_page_is_an_empty_document(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World</a></li><li><a href='/about'>About us</a></li></ul></nav>"
        "<footer>(c) 2018 Example Media. All rights reserved.</footer></body></html>"
    )
    path = write(tmp_path, "nav.html", html)
    with pytest.raises(EmptyDocumentError, match=r"nav\.html: no article text"):
        read_html_file(path)


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<<<>>>\n</div></p>"])
def test_empty_or_garbage_markup_is_an_empty_document(html: str) -> None:
    with pytest.raises(EmptyDocumentError):
        document_from_html(html, "x.html")


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    html = ARTICLE.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "Moscow called", "Москва called"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(html.encode("cp1251"))
    assert "Москва called the decision" in read_html_file(path).text


def test_twenty_megabyte_page_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    para = b"<p>Filler paragraph about nothing in particular, repeated many times.</p>\n"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        handle.write(para * (20_000_000 // len(para) + 1))
    expected = r"huge\.html: file is 20,000,\d{3} bytes, over the limit of 10,000,000 bytes"
    started = time.monotonic()
    with pytest.raises(TooLargeError, match=expected):
        read_html_file(path)
    assert time.monotonic() - started < 1.0


def _nested(depth: int) -> str:
    text = "Norway expelled one Russian diplomat on Monday, the foreign ministry said in Oslo."
    return f"<html><body>{'<div>' * depth}<p>{text}</p>{'</div>' * depth}</body></html>"


def test_deep_but_readable_nesting_keeps_its_text() -> None:
    assert "Norway expelled one" in document_from_html(_nested(250), "deep.html").text


def test_nesting_deeper_than_the_parser_reads_is_refused_not_emptied() -> None:
    # libxml2 stops at depth 256 and drops the rest: refuse rather than store a page without it.
    with pytest.raises(InputError, match=r"deep\.html: HTML nested 256 or more elements deep"):
        document_from_html(_nested(5000), "deep.html")
