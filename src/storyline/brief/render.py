"""Rendering a ``Brief``: JSON per the contract (schema storyline.brief/1), Markdown, HTML."""

from __future__ import annotations

import json
from typing import Any

from storyline.records import Article, Brief, Story

SCHEMA = "storyline.brief/1"


def article_dict(article: Article) -> dict[str, Any]:
    return {"id": article.id, "path": article.path, "url": article.url, "outlet": article.outlet,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "author": article.author}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def story_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "articles": story.articles,
        "summary": [{"text": s.text, "sources": s.sources} for s in story.summary],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "variants": e.variants,
                      "titles": e.titles, "mentions": len(e.mentions), "sources": e.sources}
                     for e in story.entities],
        "timeline": [{"date": t.date, "precision": t.precision, "qualifier": t.qualifier,
                      "expression": t.expression, "end": t.end, "text": t.text, "sources": t.sources}
                     for t in story.timeline],
        "figures": [{"value": _number(f.value), "unit": f.unit, "approximate": f.approximate,
                     "text": f.text, "sources": f.sources} for f in story.figures],
        "quotes": [{"speaker": q.speaker, "text": q.text, "sources": q.sources,
                    "on_behalf_of": q.on_behalf_of} for q in story.quotes],
        "claims": [{"id": c.id, "text": c.text, "status": c.status, "sources": c.sources,
                    "sentences": [{"article": s.article_id, "index": s.index, "text": s.text}
                                  for s in c.sentences]}
                   for c in story.claims],
        "conflicts": [{"topic": c.topic, "kind": c.kind, "reason": c.reason,
                       "positions": [{"value": p.value, "text": p.text, "sources": p.sources}
                                     for p in c.positions]} for c in story.conflicts],
        "thread": story.thread,
        "related": story.related,
    }


def brief_dict(brief: Brief) -> dict[str, Any]:
    story_ids = {a for s in brief.stories for a in s.articles}
    return {
        "schema": SCHEMA,
        "articles": [article_dict(a) for a in brief.articles if a.id in story_ids],
        "stories": [story_dict(s) for s in brief.stories],
    }


def to_json(brief: Brief | dict[str, Any]) -> str:
    return json.dumps(brief if isinstance(brief, dict) else brief_dict(brief), ensure_ascii=False, indent=2)


def to_json_lines(brief: Brief | dict[str, Any]) -> str:
    """One story per line, each line a complete ``storyline.brief/1`` document with its articles."""
    data = brief if isinstance(brief, dict) else brief_dict(brief)
    articles = {a["id"]: a for a in data["articles"]}
    lines = [json.dumps({"schema": data["schema"], "articles": [articles[a] for a in s["articles"]],
                         "stories": [s]}, ensure_ascii=False) for s in data["stories"]]
    return "".join(line + "\n" for line in lines)


def _cite(sources: list[str], labels: dict[str, str]) -> str:
    return " " + "".join(f"[{labels.get(s, s)}]" for s in sources)


def to_markdown(brief: Brief | dict[str, Any]) -> str:
    """Markdown of a ``Brief``, or of its ``brief_dict`` (what the Spark engine returns)."""
    data = brief if isinstance(brief, dict) else brief_dict(brief)
    labels = {a["id"]: a["id"] for a in data["articles"]}
    headline_of = {s["id"]: s["headline"] for s in data["stories"]}
    out = []
    for story in data["stories"]:
        out.append(f"# {story['headline']}\n")
        out.append(f"{len(story['articles'])} articles\n")
        out += [f"Same thread: {headline_of.get(r, r)} ({r})\n" for r in story["related"]]
        out.append("## Summary\n")
        out += [f"- {s['text']}{_cite(s['sources'], labels)}" for s in story["summary"]]
        out.append("\n## Conflicts\n")
        for c in story["conflicts"]:
            out.append(f"- **{c['topic']}**" + (f": {c['reason']}" if c["reason"] else ""))
            out += [f"  - {p['value']}: \"{p['text']}\"{_cite(p['sources'], labels)}" for p in c["positions"]]
        out.append("\n## Timeline\n")
        out += [f"- {t['date']}{'–' + t['end'] if t.get('end') else ''} "
                f"({t['precision']}{', ' + t['qualifier'] if t['qualifier'] else ''}): "
                f"{t['text']}{_cite(t['sources'], labels)}" for t in story["timeline"]]
        out.append("\n## Who is who\n")
        out += [f"- {e['name']} ({e['type']}, {e['mentions']} mentions)"
                + (f": also {', '.join(e['variants'])}" if e["variants"] else "")
                + (f"; called {', '.join(e['titles'])}" if e["titles"] else "")
                + _cite(e["sources"], labels) for e in story["entities"] if e["mentions"] > 1]
        out.append("\n## Quotes\n")
        out += [f"- {q['speaker'] or 'unattributed'}"
                + (f" (for {q['on_behalf_of']})" if q.get("on_behalf_of") else "")
                + f": \"{q['text']}\"{_cite(q['sources'], labels)}"
                for q in story["quotes"]]
        out.append("\n## Figures\n")
        out += [f"- {f['value']} {f['unit']}{_cite(f['sources'], labels)}: {f['text']}" for f in story["figures"]]
        out.append("\n## Claims\n")
        out += [f"- ({c['status']}) {c['text']}{_cite(c['sources'], labels)}" for c in story["claims"]]
        out.append("\n## Sources\n")
        out += [f"- [{a['id']}] {a['outlet'] or ''} {a['title'] or ''} {a['published'] or ''} "
                f"{a['path'] or a['url'] or ''}" for a in data["articles"] if a["id"] in story["articles"]]
        out.append("")
    return "\n".join(out) + "\n"
