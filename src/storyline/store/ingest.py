"""``storyline ingest``: read, annotate, cluster incrementally and store, one transaction per
batch. Re-ingesting an article (same text, from anywhere) adds nothing; a killed run leaves the
store at a batch boundary and the next run completes the work."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from storyline.brief.render import story_dict
from storyline.cluster.blocking import WINDOW_DAYS
from storyline.cluster.features import add_into
from storyline.cluster.incremental import Lead, StoryIndex, StoryState, Vector, add_vector, assign, lead_of, vectorize
from storyline.cluster.stories import features
from storyline.ingest import ReadResult, stream_sources
from storyline.nlp import AnnotatedArticle, load_model
from storyline.nlp.annotate import annotate_map, keep, processes_for
from storyline.nlp.serialize import article_from_row, dumps, loads
from storyline.options import Options
from storyline.pipeline import build_story
from storyline.records import Article, content_id
from storyline.store.db import Store
from storyline.store.threads import update_threads

#: Articles per transaction: the unit of work a killed ingest can lose.
BATCH_SIZE = 32


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    stories_touched: set[str] = field(default_factory=set)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class _LazyIndex:
    """The stories a batch may join, loaded from the store as batches move through time.

    A story last published more than WINDOW_DAYS before a batch (or first published that long
    after it) scores at most FAR_APART x its similarity, below the join threshold, so only the
    stories near the batch's dates are loaded, and those fallen behind are dropped: a desk fed
    in time order keeps about a year of stories in memory, not the archive. An undated article
    may join any story: a batch with one loads them all."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = StoryIndex()

    def for_batch(self, docs: list[AnnotatedArticle]) -> StoryIndex:
        dates = [d.article.published for d in docs if d.article.published]
        sql, args = "SELECT * FROM stories", ()
        if len(dates) == len(docs):
            start = (min(dates) - timedelta(days=WINDOW_DAYS)).isoformat()
            end = (max(dates) + timedelta(days=WINDOW_DAYS)).isoformat()
            self._evict(start, end)
            sql += " WHERE first_published IS NULL OR (last_published >= ? AND first_published <= ?)"
            args = (start, end)  # type: ignore[assignment]
        for row in self.store.conn.execute(sql.replace("*", _COLUMNS), args):
            if row["id"] not in self.index.stories:
                self.index.add(StoryState(row["id"], json.loads(row["centroid"]), row["size"],
                                          _day(row["first_published"]), _day(row["last_published"]),
                                          _leads_from_json(row["leads"])))
        return self.index

    def _evict(self, start: str, end: str) -> None:
        """Drop the stories outside the window (undated stories stay)."""
        far = [sid for sid, st in self.index.stories.items()
               if st.first and st.last and (st.last.isoformat() < start or st.first.isoformat() > end)]
        for sid in sorted(far):
            self.index.remove(sid)


_COLUMNS = "id, centroid, size, first_published, last_published, leads"


def _leads_from_json(text: str | None) -> dict[Lead, Vector]:
    return {(days, months): vector for days, months, vector in json.loads(text or "[]")}


def _leads_to_json(leads: dict[Lead, Vector]) -> str:
    return json.dumps([[days, months, vector] for (days, months), vector in sorted(leads.items())])


#: A touched story of at most this many articles gets its brief rebuilt in the batch that
#: touched it; a bigger one once, at the end of the run (so a story that keeps growing costs
#: O(size) per run, not per batch).
REBUILD_AT_ONCE = 64
#: A brief is built from at most this many articles of its story (the most recent): the cost
#: of one rebuild is bounded; the story's article list stays complete.
MAX_BRIEF_ARTICLES = 300


@dataclass
class _Frequencies:
    """The store's document frequencies, read once per run and kept in step with each batch."""

    df: dict[str, int]
    n: int

    @classmethod
    def load(cls, store: Store) -> _Frequencies:
        df = {r["term"]: r["df"] for r in store.conn.execute("SELECT term, df FROM terms")}
        return cls(df, store.article_count())


def _insert_article(store: Store, doc: AnnotatedArticle, vector: Vector) -> None:
    a = doc.article
    store.conn.execute(
        "INSERT OR IGNORE INTO articles (id, text, title, outlet, url, path, published, author, annotation, vector)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (a.id, a.text, a.title, a.outlet, a.url, a.path,
         a.published.isoformat() if a.published else None, a.author, dumps(doc), json.dumps(vector)))
    for location in {a.url, a.path} - {None}:
        store.conn.execute("INSERT OR IGNORE INTO article_locations (location, article_id) VALUES (?,?)",
                           (location, a.id))


def _join(store: Store, index: StoryIndex, group: list[AnnotatedArticle], story_id: str | None,
          vectors: dict[str, Vector]) -> str:
    if story_id is None:
        story_id = content_id("s", *sorted(d.id for d in group))
        state = StoryState(story_id, {}, 0)
        store.conn.execute("INSERT INTO stories (id, centroid, size) VALUES (?, '{}', 0)", (story_id,))
    else:
        state = index.stories[story_id]
    for doc in group:
        add_into(state.centroid, vectors[doc.id])
        state.size += 1
        add_vector(state.leads, lead_of(doc), vectors[doc.id])
        store.conn.execute("INSERT OR IGNORE INTO story_articles (article_id, story_id) VALUES (?,?)",
                           (doc.id, story_id))
        published = doc.article.published
        if published:
            state.first = min(state.first or published, published)
            state.last = max(state.last or published, published)
    index.add(state)
    store.conn.execute(
        "UPDATE stories SET centroid=?, size=?, first_published=?, last_published=?, leads=? WHERE id=?",
        (json.dumps(state.centroid), state.size, state.first.isoformat() if state.first else None,
         state.last.isoformat() if state.last else None, _leads_to_json(state.leads), story_id))
    return story_id


def story_docs(store: Store, story_id: str, limit: int | None = None) -> list[AnnotatedArticle]:
    """A story's annotated articles in publication order (the ``limit`` most recent)."""
    sql = ("SELECT a.* FROM articles a JOIN story_articles sa ON sa.article_id=a.id WHERE sa.story_id=?"
           " ORDER BY a.published DESC, a.id DESC")
    rows = store.conn.execute(sql + (" LIMIT ?" if limit else ""), (story_id, limit) if limit else (story_id,))
    return [loads(article_from_row(dict(r)), r["annotation"]) for r in reversed(rows.fetchall())]


def rebuild_brief(store: Store, story_id: str, options: Options) -> dict[str, Any]:
    story = build_story(story_docs(store, story_id, MAX_BRIEF_ARTICLES), options)
    data = story_dict(story)
    data["id"] = story_id
    store.conn.execute("UPDATE stories SET brief=?, headline=?, updated_at=strftime('%Y-%m-%dT%H:%M:%fZ','now')"
                       " WHERE id=?", (json.dumps(data, ensure_ascii=False), story.headline, story_id))
    return data


def _count_terms(store: Store, freq: _Frequencies, feats: list[dict[str, float]]) -> None:
    """Add one batch's document frequencies, in memory and in the store (one statement)."""
    counts: Counter[str] = Counter()
    for f in feats:
        counts.update(f.keys())
    for term, count in counts.items():
        freq.df[term] = freq.df.get(term, 0) + count
    store.conn.executemany("INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + ?",
                           [(term, count, count) for term, count in sorted(counts.items())])
    freq.n += len(feats)


def _process_batch(store: Store, index: StoryIndex, freq: _Frequencies, docs: list[AnnotatedArticle],
                   options: Options, report: IngestReport, pending: set[str]) -> None:
    feats = {d.id: features(d) for d in docs}
    with store.transaction():
        _count_terms(store, freq, list(feats.values()))
        vectors = {d.id: vectorize(feats[d.id], freq.df, freq.n) for d in docs}
        for doc in docs:
            _insert_article(store, doc, vectors[doc.id])
        touched = set()
        for group, story_id in assign(docs, vectors, index, options.cluster_threshold):
            touched.add(_join(store, index, group, story_id, vectors))
        for story_id in sorted(touched):
            if index.stories[story_id].size <= REBUILD_AT_ONCE:
                rebuild_brief(store, story_id, options)
            else:
                pending.add(story_id)
        report.stories_touched |= touched
        report.added += len(docs)


def _stale(store: Store) -> list[str]:
    """Stories whose brief does not cover their articles (deferred, or a killed run)."""
    rows = store.conn.execute(
        "SELECT id FROM stories WHERE brief IS NULL OR json_array_length(brief, '$.articles') != min(size, ?)"
        " ORDER BY id", (MAX_BRIEF_ARTICLES,))
    return [r["id"] for r in rows]


#: ``ingest`` reads its inputs this many articles at a time (a JSON Lines file is streamed).
READ_CHUNK = 2048


def ingest(paths: Iterable[str], store: Store, options: Options | None = None,
           batch_size: int = BATCH_SIZE) -> IngestReport:
    """Read ``paths`` and add every new article to ``store``."""
    options = options or Options()
    read = ReadResult()
    stream = stream_sources(paths, read, options.max_bytes)
    report = IngestReport()
    while chunk := list(itertools.islice(stream, READ_CHUNK)):
        part = ingest_articles(chunk, store, options, batch_size, sweep=False)
        report.read += part.read
        report.added += part.added
        report.duplicates += part.duplicates
        report.stories_touched |= part.stories_touched
        read.articles.clear()  # already handed on: keep the reader's memory flat
    _rebuild(store, set(), options)
    if report.added:
        update_threads(store)
    report.errors = [str(e) for e in read.errors]
    return report


def _rebuild(store: Store, pending: set[str], options: Options) -> None:
    for story_id in sorted(pending | set(_stale(store))):
        with store.transaction():
            rebuild_brief(store, story_id, options)


def ingest_articles(articles: list[Article], store: Store, options: Options | None = None,
                    batch_size: int = BATCH_SIZE, sweep: bool = True) -> IngestReport:
    """Add every article not yet stored, in batches of ``batch_size`` (one transaction each);
    the NLP pass runs on every core for big inputs. With ``sweep``, briefs deferred here or
    left stale by a killed run are rebuilt at the end."""
    options = options or Options()
    report = IngestReport(read=len(articles))
    seen: set[str] = set()
    fresh = []
    for a in articles:
        if a.id not in seen and not store.has_article(a.id):
            fresh.append(a)
        seen.add(a.id)
    report.duplicates = len(articles) - len(fresh)
    pending: set[str] = set()
    if fresh:
        nlp = load_model(options.model)
        stories = _LazyIndex(store)
        freq = _Frequencies.load(store)
        docs = annotate_map(fresh, nlp, keep, options.batch_size, processes_for(len(fresh), options.processes))
        if options.progress:
            from tqdm import tqdm

            docs = tqdm(docs, total=len(fresh), desc="ingesting", unit="article", leave=False)
        while batch := list(itertools.islice(docs, batch_size)):
            _process_batch(store, stories.for_batch(batch), freq, batch, options, report, pending)
    if sweep:
        _rebuild(store, pending, options)
        if report.added:
            update_threads(store)
    else:
        for story_id in sorted(pending):
            with store.transaction():
                rebuild_brief(store, story_id, options)
    return report
