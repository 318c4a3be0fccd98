"""Page builders: each returns the data a page shows; HTML and the ``.json`` twin come from
the same dict, through the same Jinja templates as ``storyline brief --format html``."""

from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.brief.render import brief_dict
from storyline.records import Brief

_ENV = Environment(loader=PackageLoader("storyline", "brief/templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def _timeline_points(story: dict[str, Any]) -> list[dict[str, Any]]:
    """x positions (0..1) on a time axis for the SVG chart."""
    def ordinal(value: str) -> int:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        return date(parts[0], max(1, parts[1]), max(1, parts[2])).toordinal()
    events = story["timeline"]
    if not events:
        return []
    ords = [ordinal(e["date"]) for e in events]
    lo, hi = min(ords), max(ords)
    span = max(hi - lo, 1)
    return [{"x": (o - lo) / span, "event": e, "n": len(e["sources"])} for o, e in zip(ords, events)]


def _labels(articles: list[dict[str, Any]]) -> dict[str, str]:
    """A short citation label per article: its outlet, numbered when an outlet has several."""
    labels: dict[str, str] = {}
    taken: dict[str, int] = {}
    for a in articles:
        base = (a.get("outlet") or a.get("title") or a["id"])[:40]
        taken[base] = taken.get(base, 0) + 1
        labels[a["id"]] = base if taken[base] == 1 else f"{base} {taken[base]}"
    return labels


def story_view(story: dict[str, Any], articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything a story page shows: the brief's story plus a label per article and chart points."""
    labels = _labels(articles)
    mine = [a for a in articles if a["id"] in story["articles"]]
    matrix = [{"claim": c, "cells": [a["id"] in c["sources"] for a in mine]} for c in story["claims"]]
    return {"story": story, "articles": mine, "labels": labels, "matrix": matrix,
            "points": _timeline_points(story)}


def render_brief_html(brief: Brief | dict[str, Any]) -> str:
    data = brief if isinstance(brief, dict) else brief_dict(brief)
    views = [story_view(s, data["articles"]) for s in data["stories"]]
    return _ENV.get_template("brief.html").render(views=views, standalone=True)


def render(template: str, **context: Any) -> str:
    return _ENV.get_template(template).render(**context)
