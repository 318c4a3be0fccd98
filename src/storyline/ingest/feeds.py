"""Following a feed: conditional GETs (ETag / Last-Modified) and one article per new item, its
page fetched when the feed carries only a teaser. The item's pubDate, title and link travel with
it into the article; a page's own date is used only when the item has none."""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.readers import decode
from storyline.ingest.structured import MIN_ARTICLE_CHARS, FeedItem, parse_feed, parse_html
from storyline.ingest.web import fetch, human_size
from storyline.records import Article

#: An item's content (content:encoded, Atom content) is its full text; a summary at least this
#: long is too, a shorter one is a teaser and the item's page is fetched. RSS descriptions are one
#: to three sentences (under ~400 characters) by common practice; not tuned on data.
FULL_TEXT_CHARS = 600


@dataclass(frozen=True)
class Validators:
    """What the last successful read of a feed said, sent back on the next conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FeedBody:
    body: bytes
    validators: Validators


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def fetch_feed(location: str, last: Validators, max_bytes: int) -> FeedBody | None:
    """The feed's bytes, or None when it has not changed since ``last`` (HTTP 304, or a file
    with the same modification time and size). Raises ``InputError`` with the reason."""
    if not is_url(location):
        return _read_file(location, last, max_bytes)
    headers = {}
    if last.etag:
        headers["If-None-Match"] = last.etag
    if last.last_modified:
        headers["If-Modified-Since"] = last.last_modified
    fetched = fetch(location, max_bytes, headers)
    if fetched is None:
        return None
    return FeedBody(fetched.body, Validators(fetched.etag, fetched.last_modified))


def _read_file(path: str, last: Validators, max_bytes: int) -> FeedBody | None:
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise InputError(path, f"cannot read the feed file ({exc.strerror})") from None
    if stat.st_size > max_bytes:
        raise InputError(path, f"file too large ({human_size(stat.st_size)}; the limit is {human_size(max_bytes)})")
    stamp = Validators(f"{stat.st_mtime_ns}-{stat.st_size}", formatdate(stat.st_mtime, usegmt=True))
    if last.etag == stamp.etag:
        return None
    return FeedBody(Path(path).read_bytes(), stamp)


def feed_items(body: FeedBody, location: str) -> list[FeedItem]:
    """The feed's items (in the encoding the feed declares); ``InputError`` when the feed itself
    is unreadable."""
    return parse_feed(body.body, location)


def _page_text(body: bytes, content_type: str, where: str) -> str:
    """A page's text in the charset its server declares (UTF-8 when it declares none)."""
    match = re.search(r"charset=([\w.:-]+)", content_type)
    if match and match[1].lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return body.decode(match[1], errors="replace")
        except LookupError:
            pass  # an unknown charset name: read it as UTF-8
    return decode(body, where)


def item_article(item: FeedItem, max_bytes: int) -> Article:
    """The article an item stands for. Raises ``InputError`` naming the item and the reason."""
    enough = MIN_ARTICLE_CHARS if item.full or not item.link else FULL_TEXT_CHARS
    if len(item.text) >= enough:
        return Article(text=item.text, title=item.title, outlet=item.outlet, url=item.link,
                       path=item.link or item.where, published=item.published, author=item.author)
    if not item.link:
        raise InputError(item.where, "feed item has no article text and no link to its page")
    where = f"{item.where} ({item.link})"
    try:
        fetched = fetch(item.link, max_bytes)
        if fetched is None:
            raise InputError(item.link, "HTTP 304 to an unconditional request")
        if "html" not in fetched.content_type:
            raise InputError(item.link, f"the page is {fetched.content_type or 'untyped'}, not HTML")
        page = parse_html(_page_text(fetched.body, fetched.content_type, item.link), item.link, url=fetched.url)
    except InputError as exc:
        raise InputError(where, exc.reason) from None
    return dataclasses.replace(
        page, title=item.title or page.title, url=item.link, path=item.link,
        published=item.published or page.published, outlet=item.outlet or page.outlet,
        author=item.author or page.author)
