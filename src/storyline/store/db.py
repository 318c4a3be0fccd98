"""A real SQLite database with numbered SQL migrations (``PRAGMA user_version``), WAL mode and
one transaction per batch: a killed ingest leaves the last complete batch, never half of one."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.errors import StoreError


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql") and entry.name[:4].isdigit():
            found.append((int(entry.name[:4]), entry.name, entry.read_text(encoding="utf-8")))
    numbers = [number for number, _name, _sql in found]
    if len(set(numbers)) != len(numbers):
        names = sorted(name for number, name, _sql in found if numbers.count(number) > 1)
        raise StoreError(f"two migrations share a number ({', '.join(names)}): renumber one of them")
    return [(number, sql) for number, _name, sql in sorted(found)]


def latest_version() -> int:
    """The schema version a fully migrated store has."""
    return max(number for number, _sql in _migrations())


class Store:
    """``Store("storyline.db")`` opens (creating and migrating) a store."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such store; create it with 'storyline ingest'")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=5000")
            if not readonly:
                self._migrate()
            elif self.version() == 0:
                raise StoreError(f"{self.path}: not a storyline store")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from None

    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version()
        for number, sql in _migrations():
            if number <= current:
                continue
            with self.transaction():
                self.conn.executescript("SAVEPOINT migrate;" + sql + f";PRAGMA user_version={number};RELEASE migrate;")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reads -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def has_column(self, table: str, column: str) -> bool:
        """Whether ``table`` has ``column`` (a read-only store may predate a migration)."""
        return any(r["name"] == column for r in self.conn.execute(f"PRAGMA table_info({table})"))

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stories(self) -> list[dict[str, Any]]:
        """Newest and biggest first: id, headline, size, sources, date range, when the story was
        last updated and its newest article added, and its thread (None when it stands alone)."""
        thread = "s.thread" if self.has_column("stories", "thread") else "NULL"
        rows = self.conn.execute(
            "SELECT s.id, s.headline, s.size, s.first_published, s.last_published, s.updated_at,"
            f" count(DISTINCT coalesce(a.outlet, a.id)) AS sources, max(a.added_at) AS last_added, {thread} AS thread"
            " FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
            " JOIN articles a ON a.id = sa.article_id GROUP BY s.id"
            " ORDER BY coalesce(s.last_published, '') DESC, s.size DESC, s.id").fetchall()
        return [dict(r) for r in rows]

    def story_brief(self, story_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT brief FROM stories WHERE id=?", (story_id,)).fetchone()
        return json.loads(row["brief"]) if row and row["brief"] else None

    def story_articles(self, story_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.url, a.path, a.published, a.author, a.added_at FROM articles a"
            " JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id=? ORDER BY a.published, a.id",
            (story_id,)).fetchall()
        return [dict(r) for r in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT a.id, a.text, a.title, a.outlet, a.url, a.path, a.published, a.author, a.added_at, sa.story_id"
            " FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id=?",
            (article_id,)).fetchone()
        return dict(row) if row else None

    def story_sentences(self, story_id: str) -> dict[str, list[str]]:
        """Each article's sentence texts, in order (sentence N is ``#s-N`` on its article page)."""
        rows = self.conn.execute(
            "SELECT a.id, json_extract(a.annotation, '$.s') AS s FROM articles a"
            " JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id=?", (story_id,)).fetchall()
        return {r["id"]: [s[2] for s in json.loads(r["s"] or "[]")] for r in rows}
