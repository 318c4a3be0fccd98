"""What the store remembers about followed feeds: the validators of each feed's last complete read
(for conditional GETs) and every item seen, so an item's page is fetched once and a broken item
is retried a few times, not forever. Also what changed since a given time, for the desk."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from storyline.ingest.feeds import Validators
from storyline.ingest.structured import FeedItem
from storyline.store.db import Store

#: A broken item (page 404, no text) is tried on this many polls that find its feed changed.
MAX_ATTEMPTS = 3

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def feed_validators(store: Store, location: str) -> Validators:
    row = store.conn.execute("SELECT etag, last_modified FROM feeds WHERE location=?", (location,)).fetchone()
    return Validators(row["etag"], row["last_modified"]) if row else Validators()


def record_poll(store: Store, location: str, status: str, validators: Validators | None = None) -> None:
    """Note a poll of ``location``; ``validators`` only once everything it listed is stored."""
    with store.transaction():
        store.conn.execute("INSERT INTO feeds (location) VALUES (?) ON CONFLICT(location) DO NOTHING",
                           (location,))
        store.conn.execute(f"UPDATE feeds SET status=?, checked_at={NOW} WHERE location=?", (status, location))
        if validators is not None:
            store.conn.execute(f"UPDATE feeds SET etag=?, last_modified=?, changed_at={NOW} WHERE location=?",
                               (validators.etag, validators.last_modified, location))


def pending_items(store: Store, location: str, items: Iterable[FeedItem]) -> list[FeedItem]:
    """Items never seen, or seen broken fewer than ``MAX_ATTEMPTS`` times; feed order, each key once."""
    done = {r["item"]: (r["article_id"], r["attempts"]) for r in store.conn.execute(
        "SELECT item, article_id, attempts FROM feed_items WHERE feed=?", (location,))}
    pending, keys = [], set()
    for item in items:
        article_id, attempts = done.get(item.key, (None, 0))
        if item.key not in keys and article_id is None and attempts < MAX_ATTEMPTS:
            pending.append(item)
        keys.add(item.key)
    return pending


def record_items(store: Store, location: str, outcomes: Iterable[tuple[FeedItem, str | None, str | None]]) -> None:
    """Each item's outcome: the article id it became, or the reason it could not be read."""
    with store.transaction():
        store.conn.execute("INSERT INTO feeds (location) VALUES (?) ON CONFLICT(location) DO NOTHING",
                           (location,))
        for item, article_id, error in outcomes:
            store.conn.execute(
                "INSERT INTO feed_items (feed, item, article_id, error, attempts) VALUES (?,?,?,?,1)"
                " ON CONFLICT(feed, item) DO UPDATE SET article_id=excluded.article_id,"
                f" error=excluded.error, attempts=attempts+1, seen_at={NOW}",
                (location, item.key, article_id, error))


def changed_since(store: Store, since: str) -> list[dict[str, Any]]:
    """Stories whose brief changed after ``since`` (an ISO UTC time as the store writes it),
    most recently updated first, with how many of their articles were added after it."""
    rows = store.conn.execute(
        "SELECT s.id, s.headline, s.size, s.updated_at, s.thread,"
        " sum(a.added_at > ?) AS new_articles, max(a.added_at) AS last_added"
        " FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id"
        " WHERE s.updated_at > ? GROUP BY s.id ORDER BY s.updated_at DESC, s.id", (since, since)).fetchall()
    return [dict(r) for r in rows]
