"""A story's claims, conflicts, quotes and timeline as CSV or JSON (``/story/ID/claims.csv``...):
one row per item (a conflict: one row per position), outlets by name, the cited sentences'
addresses alongside."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

_CITES = ["outlets", "articles", "sentences"]
FIELDS = {"claims": ["id", "status", "text", *_CITES],
          "conflicts": ["topic", "kind", "reason", "value", "text", *_CITES],
          "quotes": ["speaker", "text", *_CITES],
          "timeline": ["date", "precision", "qualifier", "expression", "text", *_CITES]}
TABLES = tuple(FIELDS)


def _cites(item: dict[str, Any]) -> dict[str, str]:
    cites = item.get("cites", [])
    return {"outlets": "; ".join(c["label"] for c in cites),
            "articles": "; ".join(c["article"] for c in cites),
            "sentences": "; ".join(c["href"] for c in cites)}


def rows(view: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """The rows of one export table, from a story view (see ``story_view``)."""
    if table == "claims":
        return [{"id": c["id"], "status": c["status"], "text": c["text"], **_cites(c)} for c in view["claims"]]
    if table == "conflicts":
        return [{"topic": c["topic"], "kind": c.get("kind", ""), "reason": c["reason"], "value": p["value"],
                 "text": p["text"], **_cites(p)} for c in view["conflicts"] for p in c["positions"]]
    if table == "quotes":
        return [{"speaker": q.get("speaker") or "", "text": q["text"], **_cites(q)} for q in view["quotes"]]
    return [{"date": t["date"], "precision": t.get("precision", ""), "qualifier": t.get("qualifier") or "",
             "expression": t.get("expression") or "", "text": t["text"], **_cites(t)} for t in view["timeline"]]


def to_csv(items: list[dict[str, Any]], fields: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(items)
    return out.getvalue()


def export(view: dict[str, Any], table: str, fmt: str) -> tuple[str, str]:
    """(body, content type) of ``table`` as ``fmt`` ("csv" or "json")."""
    items = rows(view, table)
    if fmt == "csv":
        return to_csv(items, FIELDS[table]), "text/csv"
    return json.dumps({"story": view["story"]["id"], table: items}, ensure_ascii=False, indent=2), "application/json"
