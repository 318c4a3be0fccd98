"""The story page's view: what a journalist asks first (what happened, where outlets disagree,
what only one outlet says), every citation resolved to its sentence, outlets by name, entity
types in words, the timeline chart laid out. HTML and the ``.json`` twin come from the same
dict, through the same Jinja templates as ``storyline brief --format html``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.brief.render import brief_dict
from storyline.records import Brief
from storyline.web.chart import layout, short_date
from storyline.web.cite import Citer, labels_for, outlet_name, shorten

_ENV = Environment(loader=PackageLoader("storyline", "brief/templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
_ENV.filters["short_date"] = short_date
_ENV.filters["shorten"] = shorten
FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" '
           'fill="#1d2330"/><path d="M3 5h10M3 8h7M3 11h9" stroke="#fff" stroke-width="1.6"/></svg>')
_ENV.globals["favicon"] = "data:image/svg+xml," + quote(FAVICON)

ENTITY_TYPES = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Facility",
                "NORP": "Group", "EVENT": "Event", "PRODUCT": "Product", "WORK_OF_ART": "Work",
                "LAW": "Law", "LANGUAGE": "Language", "PLACE": "Place", "AGENT": "Person or organisation"}
#: Why outlets disagree, by conflict kind, when the conflict does not say so itself.
REASONS = {"kin": "They name different family members.", "year": "They give different years.",
           "number": "They give different numbers.", "negation": "One says it happened, another that it did not.",
           "date": "They give different dates.", "tally": "They give different counts.",
           "age": "They give different ages.", "actor": "They credit different bodies with it.",
           "name": "They spell a name differently.", "title": "They give different titles.",
           "quote": "They quote the same words differently."}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
#: Items shown before the rest is folded away in a <details>.
FIRST_SHOWN = 6



def entity_type(label: str) -> str:
    return ENTITY_TYPES.get(label, label.replace("_", " ").capitalize())


def desk_href(article: str, index: int | None) -> str:
    """The desk's address of a sentence (or of the article when ``index`` is None)."""
    return f"/article/{article}" + (f"#s-{index}" if index is not None else "")


def keys_of(entry: dict[str, Any]) -> tuple[str, ...]:
    """What a paraphrase of a dated or numeric item must still contain: its date expression or
    year, or its figure (as written with and without thousands separators)."""
    if "date" in entry:
        month = int(entry["date"][5:7]) if entry["date"][4:5] == "-" and entry["date"][5:7].isdigit() else 0
        name = MONTHS[month - 1] if 1 <= month <= 12 else ""
        return tuple(k for k in (entry.get("expression"), entry["date"][:4], name) if k)
    if isinstance(entry.get("value"), (int, float)):
        value = entry["value"]
        whole = int(value) if float(value).is_integer() else value
        return (str(whole), f"{whole:,}")
    return ()


def _item(entry: dict[str, Any], citer: Citer) -> dict[str, Any]:
    return {**entry, "cites": citer.refs(entry.get("sources", []), entry.get("text") or "", keys_of(entry))}


def _conflicts(story: dict[str, Any], citer: Citer, names: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for c in story.get("conflicts", []):
        positions = [{**_item(p, citer), "outlets": [names.get(s, s) for s in p["sources"]]} for p in c["positions"]]
        reason = c.get("reason") or REASONS.get(c.get("kind", ""), "Their accounts do not match.")
        sides = " against ".join(", ".join(p["outlets"]) for p in positions)
        out.append({**c, "reason": reason, "sides": sides, "positions": positions})
    return out


def _only_one(claims: list[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    """Single-source claims grouped by outlet, biggest group first."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        if claim["status"] == "single-source" and claim["sources"]:
            groups.setdefault(names.get(claim["sources"][0], claim["sources"][0]), []).append(claim)
    return [{"outlet": k, "claims": v} for k, v in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _claims(story: dict[str, Any], citer: Citer) -> list[dict[str, Any]]:
    out = []
    for c in story.get("claims", []):
        cites = [citer.ref(s["article"], s["index"]) for s in c.get("sentences", [])] or citer.refs(c["sources"],
                                                                                                       c["text"])
        out.append({**c, "cites": cites})
    return out


def _cell(claim: dict[str, Any], article: str) -> dict[str, Any] | None:
    """A coverage matrix cell: where the article says the claim (None: it does not)."""
    if article not in claim["sources"]:
        return None
    return next((c for c in claim["cites"] if c["article"] == article), {"article": article, "href": "", "label": ""})


def story_view(story: dict[str, Any], articles: list[dict[str, Any]], sentences: dict[str, list[str]] | None = None,
               href: Callable[[str, int | None], str] | None = None, all_rows: bool = False) -> dict[str, Any]:
    """Everything a story page shows. ``sentences``: each article's sentence texts (to point
    citations at them); ``href(article, sentence)``: a sentence's address; ``all_rows``: the
    coverage matrix keeps its single-source rows."""
    mine = [a for a in articles if a["id"] in story["articles"]]
    labels = labels_for(mine)
    names = {a["id"]: outlet_name(a) for a in mine}
    citer = Citer(labels, sentences or {}, href or desk_href)
    citer.learn_claims(story.get("claims", []))
    claims = _claims(story, citer)
    rows = [c for c in claims if all_rows or len(c["sources"]) > 1]
    matrix = [{"claim": c, "cells": [_cell(c, a["id"]) for a in mine]} for c in rows]
    chart = layout(story.get("timeline", []), [a.get("published") or "" for a in mine])
    for point in chart["points"]:
        point["cites"] = citer.refs(point["sources"], point["events"][0]["text"], keys_of(point["events"][0]))
    outlets = sorted({names[a["id"]] for a in mine})
    return {
        "story": story, "articles": mine, "labels": labels, "outlets": outlets,
        "summary": [_item(s, citer) for s in story.get("summary", [])],
        "conflicts": _conflicts(story, citer, names),
        "only_one": _only_one(claims, names),
        "claims": claims,
        "timeline": [_item(t, citer) for t in story.get("timeline", [])],
        "far": [_item(t, citer) for t in chart["far"]],
        "chart": chart,
        "quotes": [_item(q, citer) for q in story.get("quotes", [])],
        "figures": [_item(f, citer) for f in story.get("figures", [])],
        "entities": [{**e, "type_name": entity_type(e["type"]),
                      "cites": citer.mentions(e["sources"], [e["name"], *e.get("variants", [])])}
                     for e in story.get("entities", [])],
        "matrix": matrix, "matrix_all": all_rows,
        "matrix_hidden": sum(1 for c in claims if len(c["sources"]) <= 1),
        "first_shown": FIRST_SHOWN,
        "dates": sorted(a["published"] for a in mine if a.get("published")),
    }


def _appendix(brief: Brief, data: dict[str, Any]) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """Each article's sentences (from the pipeline's segmentation when it is at hand, else its
    paragraphs) for the brief's appendix, which the citations point into."""
    spans = brief.meta.get("sentences", {})
    sentences: dict[str, list[str]] = {}
    for article in brief.articles:
        if article.id in spans:
            sentences[article.id] = [article.text[a:b] for a, b in spans[article.id]]
        else:
            sentences[article.id] = [p.strip() for p in article.text.split("\n\n") if p.strip()]
    texts = {a.id: a.text for a in brief.articles}
    appendix = [{**a, "name": outlet_name(a), "paragraphs": _paragraphs(texts.get(a["id"], ""), spans.get(a["id"]),
                                                                        sentences.get(a["id"], []))}
                for a in data["articles"]]
    return sentences, appendix


def _paragraphs(text: str, spans: list[tuple[int, int]] | None, sentences: list[str]) -> list[list[tuple[int, str]]]:
    """(index, sentence) runs, a new run wherever the text between two sentences breaks a line."""
    runs: list[list[tuple[int, str]]] = []
    for i, sentence in enumerate(sentences):
        gap = text[spans[i - 1][1]:spans[i][0]] if spans and i else "\n"
        if not runs or "\n" in gap:
            runs.append([])
        runs[-1].append((i, sentence))
    return runs


def render_brief_html(brief: Brief) -> str:
    data = brief_dict(brief)
    sentences, appendix = _appendix(brief, data)

    def href(article: str, index: int | None) -> str:
        return f"#{article}" + (f"-s-{index}" if index is not None else "")

    views = [story_view(s, data["articles"], sentences, href) for s in data["stories"]]
    return _ENV.get_template("brief.html").render(views=views, appendix=appendix, standalone=True)


def render(template: str, **context: Any) -> str:
    return _ENV.get_template(template).render(**context)
