"""Readers: HTML pages, RSS/Atom feeds, JSON, and http(s) URLs from a real loopback server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline.ingest import read_sources
from tests.conftest import EXAMPLE

BODY = (EXAMPLE / "003_cubaheadlines.txt").read_text().split("\n\n", 4)[-1]
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")[:6])
PAGE = f"""<!doctype html><html><head><title>Diplomat defects | CubaHeadlines</title>
<meta property="og:site_name" content="CubaHeadlines"><meta name="author" content="Claire Jimenez">
<meta property="article:published_time" content="2024-07-16T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Diplomat defects</h1>{PARAGRAPHS}</article>
<footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>"""
ITEM_TEXT = " ".join(BODY.split()[:120])
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>http://example.org/1</link><pubDate>Tue, 16 Jul 2024 08:00:00 GMT</pubDate>
<description>{ITEM_TEXT}</description></item>
<item><title>Two</title><link>http://example.org/2</link><description>short</description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Entry</title><link href="http://example.org/a"/><updated>2024-07-16T08:00:00Z</updated>
<content type="html">&lt;p&gt;{ITEM_TEXT}&lt;/p&gt;</content></entry></feed>"""


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/page.html": ("text/html; charset=utf-8", PAGE),
        "/feed.xml": ("application/rss+xml", RSS),
        "/image.png": ("image/png", "\x89PNG"),
        "/big.html": ("text/html", "<html><body>" + "x" * 200_000 + "</body></html>"),
    }

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop" + str(int(self.path[5:] or 0) + 1))
            self.end_headers()
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page.html")
            self.end_headers()
            return
        ctype, body = self.routes.get(self.path, ("text/plain", ""))
        data = body.encode("utf-8", "surrogateescape")
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_html_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    result = read_sources([str(tmp_path / "page.html")])
    assert not result.errors
    article = result.articles[0]
    assert "Subscribe" not in article.text and "Home" not in article.text.split("\n")[0]
    assert article.published and article.published.isoformat() == "2024-07-16"
    assert article.author == "Claire Jimenez"


@pytest.mark.parametrize(("name", "content", "titles"), [("feed.xml", RSS, ["One"]), ("atom.atom", ATOM, ["Entry"])])
def test_feed_files(tmp_path: Path, name: str, content: str, titles: list[str]) -> None:
    (tmp_path / name).write_text(content)
    result = read_sources([str(tmp_path / name)])
    assert [a.title for a in result.articles] == titles
    assert result.articles[0].published.isoformat() == "2024-07-16"
    if name == "feed.xml":
        assert len(result.errors) == 1 and "item2" in str(result.errors[0])


def test_json_array_and_glob(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"text": BODY, "outlet": "X", "published": "2024-07-16"}]))
    result = read_sources([str(tmp_path / "*.json")])
    assert result.articles[0].outlet == "X" and not result.errors


def test_url_html_and_feed(site: str) -> None:
    result = read_sources([site + "/page.html", site + "/feed.xml", site + "/moved"])
    titles = [a.title for a in result.articles]
    assert "One" in titles and any("Diplomat" in (t or "") for t in titles)
    assert len(result.articles) == 2, "the redirect to the same page adds nothing"


@pytest.mark.parametrize(("path", "reason"), [("/image.png", "content type"), ("/loop", "redirect"),
                                              ("/missing", "HTTP 404"), ("/big.html", "larger than")])
def test_url_refusals(site: str, path: str, reason: str) -> None:
    result = read_sources([site + path], max_bytes=100_000)
    assert not result.articles
    assert reason in str(result.errors[0])


def test_unreachable_url() -> None:
    result = read_sources(["http://127.0.0.1:9/none"])
    assert "could not fetch" in str(result.errors[0])


@pytest.mark.parametrize(("n", "text"), [(12, "12 bytes"), (100_000, "100.0 KB"), (50_000_000, "50.0 MB")])
def test_human_size(n: int, text: str) -> None:
    """Regression: a 200 KB refusal once said '(0 MB)'."""
    from storyline.ingest.web import human_size

    assert human_size(n) == text
