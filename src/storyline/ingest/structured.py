"""JSON, JSON Lines, HTML pages and RSS/Atom feeds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from storyline.errors import InputError
from storyline.ingest.text import clean_body, parse_text
from storyline.records import Article

#: Below this many characters of body text a page or item is "no article text".
MIN_ARTICLE_CHARS = 80

#: A page's date comes from its metadata (meta tags, JSON-LD, <time>, the URL) or stays unknown:
#: htmldate's extensive search guesses from any year in the text (always January 1).
PAGE_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse_date(value: Any) -> date | None:
    """ISO dates and datetimes, RFC 822 feed dates, or None."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def article_from_record(record: Any, source: str) -> Article:
    """One JSON object with at least ``text`` (and optional title, url, outlet, published)."""
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object with a 'text' field")
    text = record.get("text") or record.get("body") or record.get("content")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "the JSON object has no non-empty 'text' field")
    parsed = parse_text(text, path=record.get("path") or source)
    published = parse_date(record.get("published") or record.get("date")) or parsed.published
    return Article(
        text=parsed.text,
        title=_str(record.get("title")) or parsed.title,
        outlet=_str(record.get("outlet") or record.get("source")) or parsed.outlet,
        url=_str(record.get("url")),
        path=_str(record.get("path")) or source,
        published=published,
        author=_str(record.get("author")) or parsed.author,
    )


def _str(value: Any) -> str | None:
    if isinstance(value, dict):  # e.g. {"source": {"name": "AP"}}
        value = value.get("name")
    return str(value).strip() or None if value else None


def iter_json(raw: str, source: str) -> Iterator[Article | InputError]:
    """A JSON array/object, or JSON Lines; a bad line is an error, the rest still read."""
    stripped = raw.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"invalid JSON ({exc.msg} at line {exc.lineno})")
            return
        for i, record in enumerate(records, 1):
            yield _safe_record(record, f"{source}[{i}]")
        return
    yield from iter_json_lines(raw.splitlines(), source)


def iter_json_lines(lines: Iterable[str], source: str, max_chars: int | None = None) -> Iterator[Article | InputError]:
    """JSON Lines, one record a line, streaming; a bad or oversized line is an error, the
    rest are still read."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if max_chars is not None and len(line) > max_chars:
            yield InputError(where, f"line too long ({len(line):,} characters; the limit is {max_chars:,})")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON line ({exc.msg})")
            continue
        yield _safe_record(record, where)


def _safe_record(record: Any, where: str) -> Article | InputError:
    try:
        return article_from_record(record, where)
    except InputError as exc:
        return exc


def parse_html(raw: str, source: str, url: str | None = None) -> Article:
    """An HTML page: main text via trafilatura, metadata from the page."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        raw, url=url, with_metadata=True, include_comments=False, favor_precision=True,
        date_extraction_params=dict(PAGE_DATE_PARAMS),
    )
    if extracted is None:
        raise InputError(source, "no article text found in the HTML page")
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = doc.get("text") or ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise InputError(source, "no article text found in the HTML page")
    body = "\n\n".join(line for line in clean_body(text.split("\n"), doc.get("title")) if line)
    return Article(
        text=body,
        title=doc.get("title"),
        outlet=doc.get("sitename") or doc.get("hostname"),
        url=url or doc.get("url"),
        path=source,
        published=parse_date(doc.get("date")),
        author=doc.get("author"),
    )


def _feed_item_text(entry: Any) -> str:
    parts = entry.get("content") or []
    html = max((p.get("value", "") for p in parts), key=len, default="")
    html = html or entry.get("summary", "") or entry.get("description", "")
    text = re.sub(r"<[^>]+>", " ", html)
    import html as htmllib

    return re.sub(r"[ \t]+", " ", htmllib.unescape(text)).strip()


@dataclass(frozen=True)
class FeedItem:
    """One RSS/Atom item: its text as the feed gives it (full text or a teaser) and its metadata."""

    where: str  # "FEED#itemN": how an error names the item
    key: str  # the item's guid, else its link, else its title: what a follower remembers
    text: str
    title: str | None = None
    link: str | None = None
    published: date | None = None
    author: str | None = None
    outlet: str | None = None  # the feed's title
    full: bool = False  # the text is the item's content (content:encoded, Atom content), not a summary


def parse_feed(raw: bytes, source: str) -> list[FeedItem]:
    """Every item of an RSS or Atom feed; ``InputError`` when the feed itself cannot be read."""
    import feedparser

    if re.search(rb"<!ENTITY", raw[:65536], re.IGNORECASE):
        raise InputError(source, "feed declares XML entities (refused: entity-expansion attack)")
    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        raise InputError(source, f"unreadable feed ({feed.get('bozo_exception', 'malformed XML')})")
    items = []
    for i, entry in enumerate(feed.entries, 1):
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        link, title = entry.get("link"), entry.get("title")
        items.append(FeedItem(
            where=f"{source}#item{i}", key=entry.get("id") or link or title or f"item{i}",
            text=_feed_item_text(entry), title=title, link=link,
            published=datetime(*stamp[:6]).date() if stamp else None,
            author=entry.get("author"), outlet=feed.feed.get("title"), full=bool(entry.get("content"))))
    return items


def iter_feed(raw: bytes, source: str) -> Iterator[Article | InputError]:
    """An RSS or Atom feed: each item an article (full text when the feed carries it)."""
    try:
        items = parse_feed(raw, source)
    except InputError as exc:
        yield exc
        return
    for item in items:
        if len(item.text) < MIN_ARTICLE_CHARS:
            yield InputError(item.where, "feed item has no article text")
            continue
        yield Article(text=item.text, title=item.title, outlet=item.outlet, url=item.link, path=source,
                      published=item.published, author=item.author)
