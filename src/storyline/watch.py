"""``storyline watch``: follow RSS/Atom feeds into the store. Each poll sends a conditional GET per
feed, turns each new item into an article (its page fetched when the feed holds a teaser), ingests
them through ``storyline.store.ingest`` and names every broken item; between polls it waits the
interval with jitter. A stop request (SIGTERM, Ctrl-C) is honoured between items and polls, so a
batch is never cut in half."""

from __future__ import annotations

import random
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from storyline.errors import InputError
from storyline.ingest.feeds import feed_items, fetch_feed, item_article
from storyline.ingest.structured import FeedItem
from storyline.options import Options
from storyline.records import Article
from storyline.store.db import Store
from storyline.store.feeds import feed_validators, pending_items, record_items, record_poll
from storyline.store.ingest import ingest_articles

#: Each wait is the interval times a factor drawn from [1 - JITTER, 1 + JITTER], so watchers
#: started together drift apart instead of hitting the same servers in step.
JITTER = 0.1


@dataclass
class PollReport:
    """One poll over every feed."""

    feeds: int = 0
    not_modified: int = 0
    new_items: int = 0
    added: int = 0
    errors: list[str] = field(default_factory=list)
    stories_touched: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (f"{self.feeds} feeds polled, {self.not_modified} not modified; {self.new_items} new items, "
                f"{self.added} articles added, {len(self.errors)} rejected; "
                f"{len(self.stories_touched)} stories updated")


Outcome = tuple[FeedItem, "str | None", "str | None"]  # item, article id, reason it was rejected


def _read_items(items: list[FeedItem], options: Options, stop: threading.Event,
                report: PollReport) -> tuple[list[Outcome], list[Article], bool]:
    """Each item's outcome and the articles read; False when a stop cut the list short."""
    outcomes: list[Outcome] = []
    articles: list[Article] = []
    for item in items:
        if stop.is_set():
            return outcomes, articles, False
        try:
            article = item_article(item, options.max_bytes)
        except InputError as exc:
            report.errors.append(str(exc))
            outcomes.append((item, None, exc.reason))
            continue
        outcomes.append((item, article.id, None))
        articles.append(article)
        report.new_items += 1
    return outcomes, articles, True


def poll_feed(store: Store, location: str, options: Options, stop: threading.Event, report: PollReport) -> None:
    """One conditional GET of ``location`` and everything new in it, stored."""
    report.feeds += 1
    try:
        body = fetch_feed(location, feed_validators(store, location), options.max_bytes)
        items = feed_items(body, location) if body else []
    except InputError as exc:
        report.errors.append(str(exc))
        record_poll(store, location, exc.reason)
        return
    if body is None:
        report.not_modified += 1
        record_poll(store, location, "not modified")
        return
    outcomes, articles, complete = _read_items(pending_items(store, location, items), options, stop, report)
    ingested = ingest_articles(articles, store, options)
    report.added += ingested.added
    report.stories_touched |= ingested.stories_touched
    record_items(store, location, outcomes)
    # Validators are kept only when every item was handled: a stopped poll reads the feed again.
    record_poll(store, location, "changed", body.validators if complete else None)


def poll(store: Store, locations: Iterable[str], options: Options, stop: threading.Event) -> PollReport:
    report = PollReport()
    for location in dict.fromkeys(locations):
        if stop.is_set():
            break
        poll_feed(store, location, options, stop, report)
    return report


def watch(store: Store, locations: list[str], options: Options, interval: float, once: bool,
          stop: threading.Event, log: Callable[[str], None]) -> int:
    """Poll until ``stop`` is set (or once); returns how many items or feeds were rejected."""
    rng = random.Random()  # timing only: nothing written depends on it
    rejected = 0
    while not stop.is_set():
        report = poll(store, locations, options, stop)
        for line in report.errors:
            log(f"skipped {line}")
        log(report.summary())
        rejected += len(report.errors)
        if once:
            break
        stop.wait(interval * rng.uniform(1 - JITTER, 1 + JITTER))
    return rejected


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT (Ctrl-C) while the block runs; handlers restored after."""
    stop = threading.Event()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def _request_stop(signum: int, frame: object) -> None:
        stop.set()

    for sig in previous:
        signal.signal(sig, _request_stop)
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
