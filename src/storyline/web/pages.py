"""Page data from the store. Each function returns one dict: the ``.json`` twin serves it as
is, the HTML page renders it through the templates (the same ones ``brief --format html`` uses)."""

from __future__ import annotations

import json
from typing import Any

from storyline.store.db import Store
from storyline.web.views import story_view

PAGE_SIZE = 200


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def index_page(store: Store, query: str = "") -> dict[str, Any]:
    """The story list, newest and biggest first, optionally filtered by a search term that
    matches headlines, entity names and spellings, and article text."""
    rows = store.stories()
    if query.strip():
        pattern = _like(query.strip())
        hits = {r[0] for r in store.conn.execute(
            "SELECT s.id FROM stories s WHERE s.headline LIKE ? ESCAPE '\\' OR s.brief LIKE ? ESCAPE '\\'"
            " UNION SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            " WHERE a.text LIKE ? ESCAPE '\\' OR a.title LIKE ? ESCAPE '\\'",
            (pattern, pattern, pattern, pattern))}
        rows = [r for r in rows if r["id"] in hits]
    return {"query": query, "count": len(rows), "stories": rows[:PAGE_SIZE]}


def story_page(store: Store, story_id: str) -> dict[str, Any] | None:
    story = store.story_brief(story_id)
    if story is None:
        return None
    articles = store.story_articles(story_id)
    view = story_view(story, articles)
    return {"story": view["story"], "articles": articles, "labels": view["labels"],
            "matrix": view["matrix"], "points": view["points"]}


def article_page(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article's text as sentences, each flagged when the story's brief cites it."""
    row = store.article(article_id)
    if row is None:
        return None
    annotation = json.loads(store.conn.execute(
        "SELECT annotation FROM articles WHERE id=?", (article_id,)).fetchone()[0])
    cited: dict[int, str] = {}
    story = store.story_brief(row["story_id"]) if row["story_id"] else None
    for claim in (story or {}).get("claims", []):
        if claim["status"] == "single-source":
            continue  # highlight what the brief cross-checks, not every sentence
        for s in claim.get("sentences", []):
            if s["article"] == article_id:
                cited[s["index"]] = claim["status"]
    text = row["text"]
    sentences = [{"index": i, "text": text[start:end], "cited": cited.get(i),
                  "paragraph": paragraph}
                 for i, (start, end, _t, paragraph) in enumerate(annotation["s"])]
    meta = {k: row[k] for k in ("id", "title", "outlet", "url", "path", "published", "author", "story_id")}
    return {"article": meta, "headline": (story or {}).get("headline"), "sentences": sentences}
