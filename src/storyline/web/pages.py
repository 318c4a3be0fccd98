"""Page data from the store. Each function returns one dict: the ``.json`` twin serves it as
is, the HTML page renders it through the templates (the same ones ``brief --format html`` uses)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from storyline.store.db import Store
from storyline.store.search import PAGE_SIZE, SORTS, StoryQuery, search_stories
from storyline.web.cite import labels_for, outlet_name
from storyline.web.views import story_view

QUERY_FIELDS = ("q", "sort", "outlet", "since", "until", "size")


def _query(params: dict[str, str]) -> StoryQuery:
    size = params.get("size", "")
    return StoryQuery(text=params.get("q", "")[:200], sort=params.get("sort", ""), outlet=params.get("outlet", ""),
                      since=params.get("since", ""), until=params.get("until", ""), after=params.get("next", ""),
                      limit=int(size) if size.isdigit() else PAGE_SIZE)


def _link(params: dict[str, str], **changes: str) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if k in (*QUERY_FIELDS, "next") and v}
    return "?" + urlencode(sorted(merged.items())) if merged else "?"


def index_page(store: Store, params: dict[str, str]) -> dict[str, Any]:
    """One page of the story index: searched (FTS5), sorted, filtered by outlet and dates, at
    most 50 stories, with a ``next`` token for the following page. ``params``: the URL's query."""
    query = _query(params)
    page = search_stories(store.conn, query)
    base = {k: v for k, v in params.items() if k in QUERY_FIELDS}
    page.update({
        "query": query.text, "params": base,
        "next_link": _link(base, next=page["next"]) if page["next"] else None,
        "first_link": _link(base) if query.after else None,
        "json_link": "/index.json" + (_link(base, next=query.after) if base or query.after else ""),
        "sort_links": [{"sort": s, "href": _link(base, sort=s), "current": s == page["sort"]}
                       for s in SORTS if s != "relevance" or query.text.strip()],
        "facet_links": {
            "outlet": [{**f, "href": _link(base, outlet=f["value"]), "current": f["value"] == query.outlet}
                       for f in page["facets"]["outlet"]],
            "date": [{**f, "href": _link(base, since=f["value"], until=f["value"]),
                      "current": query.since == f["value"] == query.until} for f in page["facets"]["date"]],
        },
        "clear_filters": _link({"q": query.text, "sort": query.sort}) if (query.outlet or query.since
                                                                          or query.until) else None,
    })
    return page


def story_page(store: Store, story_id: str, all_rows: bool = False) -> dict[str, Any] | None:
    story = store.story_brief(story_id)
    if story is None:
        return None
    articles = store.story_articles(story_id)
    view = story_view(story, articles, store.story_sentences(story_id), all_rows=all_rows)
    return {**view, "story": view["story"], "articles": articles}


def article_page(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article's text as sentences (sentence N answers ``#s-N``), each flagged when the
    story's brief cites it as corroborated or disputed."""
    row = store.article(article_id)
    if row is None:
        return None
    spans = json.loads(store.conn.execute(
        "SELECT json_extract(annotation, '$.s') FROM articles WHERE id=?", (article_id,)).fetchone()[0] or "[]")
    cited: dict[int, str] = {}
    story = store.story_brief(row["story_id"]) if row["story_id"] else None
    for claim in (story or {}).get("claims", []):
        if claim["status"] == "single-source":
            continue  # highlight what the brief cross-checks, not every sentence
        for s in claim.get("sentences", []):
            if s["article"] == article_id:
                cited[s["index"]] = claim["status"]
    text = row["text"]
    sentences = [{"index": i, "text": text[start:end], "cited": cited.get(i), "paragraph": paragraph}
                 for i, (start, end, _t, paragraph) in enumerate(spans)]
    meta = {k: row[k] for k in ("id", "title", "outlet", "url", "path", "published", "author", "story_id")}
    meta["outlet_name"] = outlet_name(meta)
    return {"article": meta, "headline": (story or {}).get("headline"), "sentences": sentences,
            "label": labels_for([meta])[article_id]}
