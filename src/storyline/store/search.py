"""The story index as a query: full-text search (SQLite FTS5, bm25-ranked, ``snippet()`` with the
match marked), sorting, facets by outlet and date, and keyset pagination with an opaque token."""

from __future__ import annotations

import base64
import html
import json
import re
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from storyline.errors import QueryError

#: At most this many stories a page (issue 10: "at most 50 a page").
PAGE_SIZE = 50
#: bm25 column weights: a word in a title or headline counts this many times one in the body.
TITLE_WEIGHT = 4.0
#: How many tokens of context a snippet shows.
SNIPPET_TOKENS = 18
SORTS = ("relevance", "newest", "biggest", "disputed")
_OPEN, _CLOSE = "\x02", "\x03"
_SORT_KEYS = {  # (first key, second key): both descending, then the story id descending
    "newest": ("coalesce(s.last_published, s.first_published, '')", "s.size"),
    "biggest": ("s.size", "coalesce(s.last_published, s.first_published, '')"),
    "disputed": ("coalesce(c.conflict_count, 0)", "s.size"),
    "relevance": ("-h.score", "s.size"),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_OPERATORS = {"OR", "AND", "NOT"}


@dataclass(frozen=True)
class StoryQuery:
    """What the index shows: ``text`` searched, ``sort``, an ``outlet`` and a date range
    (``since``/``until`` as YYYY, YYYY-MM or YYYY-MM-DD), and ``after`` (a page token)."""

    text: str = ""
    sort: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    after: str = ""
    limit: int = PAGE_SIZE

    @property
    def order(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.text.strip()):
            return self.sort
        return "relevance" if self.text.strip() else "newest"


def fts_query(text: str) -> str:
    """A user's search as an FTS5 query: words and "quoted phrases" become FTS strings (so
    punctuation never breaks the syntax), curly apostrophes and quotes are straightened,
    OR/AND/NOT pass through as operators and a trailing * keeps its prefix meaning."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    parts = []
    for match in _TOKEN.finditer(text):
        phrase, word = match[1], match[2]
        if word in _OPERATORS:
            parts.append(word)
            continue
        term = phrase if phrase is not None else word.strip('"')
        prefix = phrase is None and term.endswith("*") and len(term) > 1
        term = term.rstrip("*") if prefix else term
        if term.strip():
            parts.append('"' + term.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(parts)


def marked_html(fragment: str) -> str:
    """An FTS snippet as safe HTML: everything escaped, only what FTS marked inside <mark>."""
    out = []
    for i, piece in enumerate(re.split(f"({_OPEN}[^{_OPEN}{_CLOSE}]*{_CLOSE})", fragment)):
        if i % 2:
            out.append("<mark>" + html.escape(piece[1:-1]) + "</mark>")
        else:
            out.append(html.escape(piece.replace(_OPEN, "").replace(_CLOSE, "")))
    return "".join(out)


def plain(fragment: str) -> str:
    return fragment.replace(_OPEN, "").replace(_CLOSE, "")


def encode_token(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_token(token: str, order: str) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise QueryError("That page link is damaged; start again from the first page.") from None
    if not (isinstance(values, list) and len(values) == 4 and values[0] == order):
        raise QueryError("That page link belongs to another sort order; start again from the first page.")
    return values[1:]


def _until(value: str) -> str:
    """The end of a date range as the largest string a date in it can be ("2019" -> "2019-99-99")."""
    return value + "-99" * (2 - value.count("-"))


def _filters(query: StoryQuery) -> tuple[str, list[Any]]:
    where, args = [], []
    if query.outlet:
        where.append("EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                     " WHERE sa.story_id = s.id AND a.outlet = ?)")
        args.append(query.outlet)
    for value, clause in ((query.since, "coalesce(s.last_published, s.first_published) >= ?"),
                          (query.until, "coalesce(s.first_published, s.last_published) <= ?")):
        if not value:
            continue
        if not _DATE.match(value):
            raise QueryError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")
        where.append(clause)
        args.append(_until(value) if value is query.until else value)
    return (" WHERE " + " AND ".join(where)) if where else "", args


_HITS = (f"SELECT sid, min(score) AS score FROM ("
         f" SELECT sa.story_id AS sid, bm25(article_fts, {TITLE_WEIGHT}, 1.0) AS score FROM article_fts"
         " JOIN articles a ON a.rowid = article_fts.rowid JOIN story_articles sa ON sa.article_id = a.id"
         " WHERE article_fts MATCH ?"
         f" UNION ALL SELECT st.id, bm25(story_fts, {TITLE_WEIGHT}, 1.0) FROM story_fts"
         " JOIN stories st ON st.rowid = story_fts.rowid WHERE story_fts MATCH ?) GROUP BY sid")


def _hits(conn: sqlite3.Connection, query: StoryQuery) -> str | None:
    """The stories matching the search, as JSON {story id: best bm25 score}; run once a page."""
    if query.order != "relevance" and not query.text.strip():
        return None
    match = fts_query(query.text)
    if not match:
        raise QueryError("Type a word or a \"quoted phrase\" to search for.")
    return json.dumps({sid: score for sid, score in conn.execute(_HITS, (match, match))})


def _base(query: StoryQuery, hits: str | None) -> tuple[str, list[Any]]:
    """The CTE ``base``: every story the query selects, with its sort keys k1, k2."""
    k1, k2 = _SORT_KEYS[query.order]
    where, args = _filters(query)
    with_hits, join = "", ""
    if hits is not None:
        with_hits = "hits AS (SELECT key AS sid, value AS score FROM json_each(?)), "
        join = " JOIN hits h ON h.sid = s.id"
        args = [hits, *args]
    sql = (f"WITH {with_hits}base AS (SELECT s.id, s.headline, s.size, s.first_published, s.last_published,"
           " coalesce(c.conflict_count, 0) AS conflict_count, coalesce(c.claim_count, 0) AS claim_count,"
           " coalesce(c.sources, 0) AS sources,"
           " (SELECT u.updated_at FROM stories u INDEXED BY stories_updated WHERE u.id = s.id) AS updated_at,"
           f" {k1} AS k1, {k2} AS k2 FROM stories s INDEXED BY stories_listing"
           f" LEFT JOIN story_counts c ON c.story_id = s.id{join}{where}) ")
    return sql, args


def _snippet(conn: sqlite3.Connection, match: str, story_id: str) -> dict[str, Any] | None:
    """Why the story matched: the best-ranked snippet among its articles, else its headline/summary."""
    best = None
    members = conn.execute("SELECT a.rowid, a.id FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
                           " WHERE sa.story_id = ?", (story_id,)).fetchall()
    for rowid, article in members:  # one rowid lookup each: never rank every match of a common word
        hit = conn.execute(
            f"SELECT ? AS id, snippet(article_fts, -1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS}) AS frag,"
            " rank FROM article_fts WHERE article_fts MATCH ? AND rowid = ?", (article, match, rowid)).fetchone()
        if hit and (best is None or (hit["rank"], hit["id"]) < (best["rank"], best["id"])):
            best = hit
    row = best
    if row is None:
        row = conn.execute(
            f"SELECT NULL AS id, snippet(story_fts, -1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS}) AS frag"
            " FROM story_fts JOIN stories s ON s.rowid = story_fts.rowid WHERE story_fts MATCH ? AND s.id = ?",
            (match, story_id)).fetchone()
    if row is None:
        return None
    return {"article": row["id"], "text": plain(row["frag"]), "html": marked_html(row["frag"])}


def _headline(conn: sqlite3.Connection, match: str, story_id: str) -> str | None:
    """The story's headline with the words the search matched marked (None: they are not in it)."""
    row = conn.execute(f"SELECT highlight(story_fts, 0, '{_OPEN}', '{_CLOSE}') FROM story_fts WHERE story_fts MATCH ?"
                       " AND rowid = (SELECT rowid FROM stories WHERE id = ?)", (match, story_id)).fetchone()
    return marked_html(row[0]) if row and _OPEN in row[0] else None


def _facets(conn: sqlite3.Connection, base: str, args: list[Any]) -> dict[str, list[dict[str, Any]]]:
    outlets = conn.execute(
        base + "SELECT a.outlet AS value, count(DISTINCT b.id) AS count FROM base b"
        " JOIN story_articles sa ON sa.story_id = b.id JOIN articles a ON a.id = sa.article_id"
        " WHERE a.outlet IS NOT NULL AND a.outlet != '' GROUP BY a.outlet ORDER BY count DESC, a.outlet LIMIT 30",
        args).fetchall()
    day = "coalesce(b.last_published, b.first_published)"
    years = conn.execute(base + f"SELECT DISTINCT substr({day}, 1, 4) FROM base b WHERE {day} IS NOT NULL",
                         args).fetchall()
    width = 7 if len(years) <= 2 else 4  # months when the results span two years at most, else years
    dates = conn.execute(
        base + f"SELECT substr({day}, 1, {width}) AS value, count(*) AS count FROM base b WHERE {day} IS NOT NULL"
        " GROUP BY value ORDER BY value DESC LIMIT 36", args).fetchall()
    return {"outlet": [dict(r) for r in outlets], "date": [dict(r) for r in dates]}


def search_stories(conn: sqlite3.Connection, query: StoryQuery) -> dict[str, Any]:
    """One page of the story index: ``stories`` (with a ``snippet`` when searching), ``count``,
    ``facets`` and ``next`` (the token of the following page, or None)."""
    order = query.order
    query = replace(query, limit=max(1, min(query.limit, PAGE_SIZE)))
    keyset, key_args = "", []
    if query.after:
        keyset, key_args = " WHERE (k1, k2, id) < (?, ?, ?)", decode_token(query.after, order)
    try:
        base, args = _base(query, _hits(conn, query))
        rows = [dict(r) for r in conn.execute(
            base + f"SELECT * FROM base{keyset} ORDER BY k1 DESC, k2 DESC, id DESC LIMIT ?",
            [*args, *key_args, query.limit + 1])]
        count = conn.execute(base + "SELECT count(*) FROM base", args).fetchone()[0]
        facets = _facets(conn, base, args)
        match = fts_query(query.text) if query.text.strip() else ""
        for row in rows[: query.limit]:
            row["snippet"] = _snippet(conn, match, row["id"]) if match else None
            row["headline_html"] = _headline(conn, match, row["id"]) if match else None
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax error" in str(exc):
            raise QueryError("storyline could not read that search. Use words, \"quoted phrases\", OR and "
                             "NOT between words (not first), and * at the end of a word.") from None
        raise
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    last = rows[-1] if rows else None
    token = encode_token([order, last["k1"], last["k2"], last["id"]]) if more and last else None
    for row in rows:
        del row["k1"], row["k2"]
    return {"stories": rows, "count": count, "facets": facets, "next": token, "sort": order}
