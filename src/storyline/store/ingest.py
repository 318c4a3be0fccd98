"""``storyline ingest``: read, annotate, cluster incrementally and store, one transaction per
batch. Re-ingesting an article (same text, from anywhere) adds nothing; a killed run leaves the
store at a batch boundary and the next run completes the work."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from storyline.brief.render import story_dict
from storyline.cluster.incremental import StoryIndex, StoryState, Vector, assign, vectorize
from storyline.cluster.stories import features
from storyline.ingest import read_sources
from storyline.nlp import AnnotatedArticle, annotate, load_model
from storyline.nlp.serialize import article_from_row, dumps, loads
from storyline.options import Options
from storyline.pipeline import build_story
from storyline.records import Article, content_id
from storyline.store.db import Store

#: Articles per transaction: the unit of work a killed ingest can lose.
BATCH_SIZE = 32


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    stories_touched: set[str] = field(default_factory=set)


def load_index(store: Store) -> StoryIndex:
    from datetime import date

    index = StoryIndex()
    for row in store.conn.execute("SELECT id, centroid, size, first_published, last_published FROM stories"):
        index.add(StoryState(row["id"], json.loads(row["centroid"]), row["size"],
                             date.fromisoformat(row["first_published"]) if row["first_published"] else None,
                             date.fromisoformat(row["last_published"]) if row["last_published"] else None))
    return index


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
        for k, w in vectors[doc.id].items():
            state.centroid[k] = state.centroid.get(k, 0.0) + w
        state.size += 1
        store.conn.execute("INSERT OR IGNORE INTO story_articles (article_id, story_id) VALUES (?,?)",
                           (doc.id, story_id))
        published = doc.article.published
        if published:
            state.first = min(state.first or published, published)
            state.last = max(state.last or published, published)
    index.add(state)
    store.conn.execute(
        "UPDATE stories SET centroid=?, size=?, first_published=?, last_published=? WHERE id=?",
        (json.dumps(state.centroid), state.size, state.first.isoformat() if state.first else None,
         state.last.isoformat() if state.last else None, story_id))
    return story_id


def story_docs(store: Store, story_id: str) -> list[AnnotatedArticle]:
    rows = store.conn.execute(
        "SELECT a.* FROM articles a JOIN story_articles sa ON sa.article_id=a.id WHERE sa.story_id=?"
        " ORDER BY a.published, a.id", (story_id,)).fetchall()
    return [loads(article_from_row(dict(r)), r["annotation"]) for r in rows]


def rebuild_brief(store: Store, story_id: str, options: Options) -> dict[str, Any]:
    story = build_story(story_docs(store, story_id), options)
    data = story_dict(story)
    data["id"] = story_id
    store.conn.execute("UPDATE stories SET brief=?, headline=?, updated_at=strftime('%Y-%m-%dT%H:%M:%fZ','now')"
                       " WHERE id=?", (json.dumps(data, ensure_ascii=False), story.headline, story_id))
    return data


def _process_batch(store: Store, index: StoryIndex, freq: _Frequencies, docs: list[AnnotatedArticle],
                   options: Options, report: IngestReport) -> None:
    feats = {d.id: features(d) for d in docs}
    with store.transaction():
        for doc in docs:
            for term in feats[doc.id]:
                freq.df[term] = freq.df.get(term, 0) + 1
                store.conn.execute("INSERT INTO terms (term, df) VALUES (?, 1)"
                                   " ON CONFLICT(term) DO UPDATE SET df = df + 1", (term,))
        freq.n += len(docs)
        vectors = {d.id: vectorize(feats[d.id], freq.df, freq.n) for d in docs}
        for doc in docs:
            _insert_article(store, doc, vectors[doc.id])
        touched = set()
        for group, story_id in assign(docs, vectors, index, options.cluster_threshold):
            touched.add(_join(store, index, group, story_id, vectors))
        for story_id in touched:
            rebuild_brief(store, story_id, options)
        report.stories_touched |= touched
        report.added += len(docs)


def ingest(paths: Iterable[str], store: Store, options: Options | None = None,
           batch_size: int = BATCH_SIZE) -> IngestReport:
    """Read ``paths`` and add every new article to ``store``."""
    options = options or Options()
    read = read_sources(paths, options.max_bytes)
    report = ingest_articles(read.articles, store, options, batch_size)
    report.errors = [str(e) for e in read.errors]
    return report


def ingest_articles(articles: list[Article], store: Store, options: Options | None = None,
                    batch_size: int = BATCH_SIZE) -> IngestReport:
    """Add every article not yet stored, in batches of ``batch_size`` (one transaction each)."""
    options = options or Options()
    report = IngestReport(read=len(articles))
    seen: set[str] = set()
    fresh = []
    for a in articles:
        if a.id not in seen and not store.has_article(a.id):
            fresh.append(a)
        seen.add(a.id)
    report.duplicates = len(articles) - len(fresh)
    if not fresh:
        return report
    nlp = load_model(options.model)
    index = load_index(store)
    freq = _Frequencies.load(store)
    bar = None
    if options.progress:
        from tqdm import tqdm

        bar = tqdm(total=len(fresh), desc="ingesting", unit="article", leave=False)
    for start in range(0, len(fresh), batch_size):
        batch = fresh[start : start + batch_size]
        docs = annotate(batch, nlp, options.batch_size)
        _process_batch(store, index, freq, docs, options, report)
        if bar:
            bar.update(len(batch))
    if bar:
        bar.close()
    return report
