"""``storyline watch`` against real feeds on loopback: an ``http.server`` thread serves three
outlets' feeds (full-text RSS, teaser RSS with article pages, teaser Atom with article pages) and
honours If-None-Match / If-Modified-Since with 304."""

from __future__ import annotations

import dataclasses
import html
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.store import Store
from storyline.store.feeds import changed_since
from tests.feed_corpus import REPORTS, Report

THREE_EVENTS = [r for r in REPORTS if r.event != "probe"]  # the follow-up comes later

ROOT = Path(__file__).resolve().parent.parent


class Site:
    """Routes of the loopback server: path -> (content type, body, ETag, Last-Modified)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[str, bytes, str, str]] = {}
        self.log: list[tuple[str, int]] = []
        self.version = 0
        self.base = ""

    def put(self, path: str, content_type: str, body: str) -> None:
        self.version += 1
        stamp = formatdate(1_741_000_000 + self.version * 60, usegmt=True)
        self.routes[path] = (content_type, body.encode("utf-8"), f'"v{self.version}"', stamp)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            route = site.routes.get(self.path)
            if route is None:
                return self._answer(404, b"not found", "text/plain")
            content_type, body, etag, modified = route
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == modified:
                return self._answer(304, b"", content_type, etag, modified)
            self._answer(200, body, content_type, etag, modified)

        def _answer(self, status: int, body: bytes, content_type: str, etag: str = "", modified: str = "") -> None:
            site.log.append((self.path, status))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def _page(r: Report) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in r.paragraphs)
    return (f"<html><head><title>{html.escape(r.title)}</title><meta property='og:site_name' content='{r.outlet}'>"
            f"</head><body><nav>Home | World | Business</nav><article><h1>{html.escape(r.title)}</h1>{body}"
            "</article><footer>© 2025 All rights reserved.</footer></body></html>")


def _rss(site: Site, outlet: str, reports: list[Report], full: bool, extra: str = "") -> str:
    items = []
    for r in reports:
        content = (f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in r.paragraphs)}]]></content:encoded>"
                   if full else "")
        items.append(f"<item><title>{html.escape(r.title)}</title><link>{site.base}/{r.slug}.html</link>"
                     f"<guid>{site.base}/{r.slug}</guid><pubDate>{r.published}</pubDate>"
                     f"<description>{html.escape(r.paragraphs[0][:140])}</description>{content}</item>")
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{outlet}</title><link>{site.base}/</link>{''.join(items)}{extra}</channel></rss>")


def _atom(site: Site, outlet: str, reports: list[Report], extra: str = "") -> str:
    from email.utils import parsedate_to_datetime

    entries = "".join(
        f"<entry><title>{html.escape(r.title)}</title><link href='{site.base}/{r.slug}.html'/>"
        f"<id>tag:{r.slug}</id><updated>{parsedate_to_datetime(r.published).isoformat()}</updated>"
        f"<summary>{html.escape(r.paragraphs[0][:120])}</summary></entry>" for r in reports)
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>{outlet}</title>"
            f"<id>tag:{outlet}</id><updated>2025-03-22T13:00:00Z</updated>{entries}{extra}</feed>")


BROKEN = ("<entry><title>Gone</title><link href='{base}/gone.html'/><id>tag:gone</id>"
          "<updated>2025-03-22T13:00:00Z</updated><summary>Removed.</summary></entry>"
          "<entry><title>Video only</title><link href='{base}/video.html'/><id>tag:video</id>"
          "<updated>2025-03-22T13:00:00Z</updated><summary>Watch.</summary></entry>")


def publish(site: Site, reports: list[Report]) -> None:
    """Each outlet's feed and pages, holding ``reports`` (the Daily Ledger feed also lists a
    page that is gone and a page with no text)."""
    by_outlet = {o: [r for r in reports if r.outlet == o] for o in ("Harbour Wire", "Coastal Times", "Daily Ledger")}
    for r in reports:
        site.put(f"/{r.slug}.html", "text/html; charset=utf-8", _page(r))
    site.put("/video.html", "text/html", "<html><body><video src='x.mp4'></video><p>Watch.</p></body></html>")
    site.put("/harbour.rss", "application/rss+xml", _rss(site, "Harbour Wire", by_outlet["Harbour Wire"], True))
    site.put("/coastal.rss", "application/rss+xml", _rss(site, "Coastal Times", by_outlet["Coastal Times"], False))
    site.put("/ledger.atom", "application/atom+xml",
             _atom(site, "Daily Ledger", by_outlet["Daily Ledger"], BROKEN.format(base=site.base)))


@pytest.fixture()
def site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def _feeds(site: Site) -> list[str]:
    return [f"{site.base}/harbour.rss", f"{site.base}/coastal.rss", f"{site.base}/ledger.atom"]


def _watch_once(site: Site, db: Path) -> tuple[int, str]:
    result = CliRunner(mix_stderr=False).invoke(main, ["watch", *_feeds(site), "--db", str(db), "--once"])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def test_watch_follows_feeds(site: Site, tmp_path: Path) -> None:
    publish(site, THREE_EVENTS)
    db = tmp_path / "s.db"
    status, err = _watch_once(site, db)
    assert status == 1  # two items rejected
    skipped = [line for line in err.splitlines() if line.startswith("storyline: skipped")]
    assert len(skipped) == 2
    assert any("gone.html" in line and "HTTP 404" in line for line in skipped)
    assert any("video.html" in line and "no article text" in line for line in skipped)
    with Store(db) as store:
        stories = store.stories()
        assert store.article_count() == 9
        assert sorted(s["size"] for s in stories) == [3, 3, 3] and all(s["sources"] == 3 for s in stories)
        events = set()
        for s in stories:
            titles = {a["title"] for a in store.story_articles(s["id"])}
            events.add(frozenset(r.event for r in THREE_EVENTS if r.title in titles))
        assert events == {frozenset({"ferry"}), frozenset({"rates"}), frozenset({"quake"})}
        # the item's pubDate, title and link travel with it, the page's own metadata does not win
        teaser = store.conn.execute("SELECT * FROM articles WHERE url=?", (f"{site.base}/chala-tremor.html",)).fetchone()
        assert (teaser["title"], teaser["published"], teaser["outlet"]) == (
            "Peru quake near Chala kills four, damages homes", "2025-03-22", "Daily Ledger")
        assert len(changed_since(store, "2000-01-01T00:00:00Z")) == 3

    site.log.clear()
    status, err = _watch_once(site, db)  # nothing changed: three 304s, nothing added, nothing re-named
    assert status == 0 and "skipped" not in err and "3 not modified" in err
    assert sorted(site.log) == sorted((f"/{f.rsplit('/', 1)[1]}", 304) for f in _feeds(site))
    with Store(db) as store:
        assert store.article_count() == 9


def test_new_item_is_picked_up(site: Site, tmp_path: Path) -> None:
    early = [r for r in THREE_EVENTS if r.event != "quake"]
    publish(site, early)
    db = tmp_path / "s.db"
    _watch_once(site, db)
    with Store(db) as store:
        assert store.article_count() == 6
        since = store.conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]
    time.sleep(0.01)
    publish(site, THREE_EVENTS)
    site.log.clear()
    _watch_once(site, db)
    fetched_pages = sorted(p for p, status in site.log if p.endswith(".html") and status == 200)
    # stored items are not fetched again; the broken ones are retried (up to MAX_ATTEMPTS polls)
    assert fetched_pages == ["/chala-tremor.html", "/peru-earthquake.html", "/video.html"]
    with Store(db) as store:
        assert store.article_count() == 9
        new = changed_since(store, since)
        assert [(s["size"], s["new_articles"]) for s in new] == [(3, 3)]


def test_follow_up_is_its_own_story_in_a_thread(site: Site, tmp_path: Path) -> None:
    """Weeks after the ferry fire, the investigators' report: a story of its own, linked to the
    fire under one thread (in the listing and in both stored briefs), the other stories alone.
    (Published a week after the fire, incremental ingest still joins it to the fire's story:
    average link 0.217 >= JOIN_THRESHOLD; the one-shot brief keeps it apart, tests/test_threads.py.)"""
    publish(site, THREE_EVENTS)
    db = tmp_path / "s.db"
    _watch_once(site, db)
    month_later = {"Tue, 11 Mar": "Fri, 11 Apr", "Wed, 12 Mar": "Sat, 12 Apr"}
    later = [dataclasses.replace(r, published=month_later[r.published[:11]] + r.published[11:])
             if r.event == "probe" else r for r in REPORTS]
    publish(site, later)
    _watch_once(site, db)
    with Store(db) as store:
        stories = {s["id"]: s for s in store.stories()}
        assert sorted(s["size"] for s in stories.values()) == [3, 3, 3, 3]
        event_of = {}
        for sid in stories:
            titles = {a["title"] for a in store.story_articles(sid)}
            (event_of[sid],) = {r.event for r in REPORTS if r.title in titles}
        story_of = {event: sid for sid, event in event_of.items()}
        fire, probe = story_of["ferry"], story_of["probe"]
        assert stories[fire]["thread"] == stories[probe]["thread"] == fire
        assert stories[story_of["rates"]]["thread"] is None and stories[story_of["quake"]]["thread"] is None
        assert store.story_brief(probe)["related"] == [fire] and store.story_brief(fire)["thread"] == fire
    listing = CliRunner(mix_stderr=False).invoke(main, ["stories", "--db", str(db)]).stdout
    assert [line.startswith(probe) for line in listing.splitlines() if f"(thread {fire})" in line] == [True]


def test_feed_file_not_modified(tmp_path: Path) -> None:
    """A feed file is followed too; an unchanged file is 'not modified' (its items broken here:
    teasers whose pages cannot be fetched, named on stderr once)."""
    feed = tmp_path / "feed.xml"
    site = Site()
    site.base = "http://127.0.0.1:9"  # discard port: nothing listens
    feed.write_text(_rss(site, "Harbour Wire", [REPORTS[0]], False), encoding="utf-8")
    db = tmp_path / "s.db"
    first = CliRunner(mix_stderr=False).invoke(main, ["watch", str(feed), "--db", str(db), "--once"])
    assert first.exit_code == 1 and "ferry-fire.html" in first.stderr and "could not fetch" in first.stderr
    second = CliRunner(mix_stderr=False).invoke(main, ["watch", str(feed), "--db", str(db), "--once"])
    assert second.exit_code == 0 and "1 not modified" in second.stderr


@pytest.mark.parametrize("feed, reason", [
    ("http://127.0.0.1:9/feed.rss", "could not fetch"),  # nothing listens on the discard port
    ("{base}/missing.rss", "HTTP 404"),
    ("{base}/harbour-page.html", "unreadable feed"),  # a page, not a feed
])
def test_broken_feed_is_named(site: Site, tmp_path: Path, feed: str, reason: str) -> None:
    site.put("/harbour-page.html", "text/html", _page(REPORTS[0]))
    result = CliRunner(mix_stderr=False).invoke(
        main, ["watch", feed.format(base=site.base), "--db", str(tmp_path / "s.db"), "--once"])
    skipped = [line for line in result.stderr.splitlines() if line.startswith("storyline: skipped")]
    assert result.exit_code == 1 and len(skipped) == 1 and reason in skipped[0], result.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_clean_stop_on_signal(site: Site, tmp_path: Path, sig: int) -> None:
    site.put("/empty.rss", "application/rss+xml", _rss(site, "Harbour Wire", [], True))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline.cli", "watch", f"{site.base}/empty.rss", "--db", str(tmp_path / "s.db"),
         "--interval", "0.2"], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stderr is not None
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait for two polls: the loop is running
        line = proc.stderr.readline()
        lines.append(line)
        if sum("feeds polled" in entry for entry in lines) >= 2:
            break
    proc.send_signal(sig)
    _out, rest = proc.communicate(timeout=30)
    err = "".join(lines) + rest
    assert proc.returncode == 0, err
    assert "storyline: stopped" in err and "Traceback" not in err
    assert json.dumps(err).count("1 not modified") >= 1  # the second poll was a 304


def test_feed_in_declared_encoding(site: Site, tmp_path: Path) -> None:
    """A feed declaring ISO-8859-1 in its XML prolog is read in that encoding."""
    feed = _rss(site, "Harbour Wire", [REPORTS[0]], True).replace('<?xml version="1.0"?>',
                                                                   '<?xml version="1.0" encoding="iso-8859-1"?>')
    path = tmp_path / "latin1.xml"
    path.write_bytes(feed.replace("Gdynia", "Gdynia (Pomérania)").encode("latin-1"))
    from storyline.ingest.feeds import Validators, feed_items, fetch_feed

    body = fetch_feed(str(path), Validators(), 1_000_000)
    assert body is not None and "Gdynia (Pomérania)" in feed_items(body, str(path))[0].text


def test_page_in_declared_charset(site: Site) -> None:
    """An item's page served as ISO-8859-1 is read in that charset, not refused as bad UTF-8."""
    from storyline.ingest.feeds import item_article
    from storyline.ingest.structured import FeedItem

    report = REPORTS[0]
    page = _page(report).replace("Gdynia", "Gdynia (Pomérania)")
    site.routes["/latin1.html"] = ("text/html; charset=iso-8859-1", page.encode("latin-1"), '"l1"', "x")
    item = FeedItem(where="feed#item1", key="k", text="Teaser.", title=report.title, link=f"{site.base}/latin1.html")
    assert "Gdynia (Pomérania)" in item_article(item, 1_000_000).text
