"""The timeline chart's layout, computed server-side for an inline SVG: an axis that fits the
story's own dates (far background dates are listed apart), ticks, and date labels laid out in
lanes so that no two overlap."""

from __future__ import annotations

from datetime import date
from typing import Any

#: Dates further than this from the next one (walking out from the story's own dates) leave the
#: axis and are listed as background; a year keeps a story's follow-ups and first reports together
#: while a 1950s or 1990s background date no longer stretches a 2019 axis (seed story, NeuS dev).
AXIS_GAP_DAYS = 366
WIDTH, MARGIN = 720, 40
LABEL_CHAR_PX, LABEL_PAD_PX, LANE_PX, AXIS_Y = 7.0, 10.0, 18, 46
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def to_date(value: str) -> date | None:
    try:
        parts = [int(p) for p in value.split("-")[:3]]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def short_date(value: str) -> str:
    """"2019-03-22" -> "22 Mar 2019", "2019-03" -> "Mar 2019", "2019" -> "2019"."""
    parts = value.split("-")
    if len(parts) >= 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def dense_range(days: list[int], anchor: int) -> tuple[int, int]:
    """The run of dates around ``anchor`` (the story's publication) with no gap over AXIS_GAP_DAYS."""
    ordered = sorted(set(days))
    nearest = min(range(len(ordered)), key=lambda i: (abs(ordered[i] - anchor), -ordered[i]))
    lo = hi = nearest
    while lo > 0 and ordered[lo] - ordered[lo - 1] <= AXIS_GAP_DAYS:
        lo -= 1
    while hi < len(ordered) - 1 and ordered[hi + 1] - ordered[hi] <= AXIS_GAP_DAYS:
        hi += 1
    return ordered[lo], ordered[hi]


def _ticks(lo: int, hi: int) -> list[tuple[int, str]]:
    span = hi - lo
    start, end = date.fromordinal(lo), date.fromordinal(hi)
    if span <= 21:
        step = 1 if span <= 7 else 3
        return [(d, short_date(date.fromordinal(d).isoformat())[:-5]) for d in range(lo, hi + 1, step)]
    if span <= 3 * 366:
        every = max(1, round(span / 30 / 6))
        out: list[tuple[int, str]] = []
        y, m = start.year, start.month
        while date(y, m, 1).toordinal() <= hi:
            if date(y, m, 1).toordinal() >= lo and (m - 1) % every == 0:
                label = _MONTHS[m - 1] + (f" {y}" if m == 1 or not out else "")
                out.append((date(y, m, 1).toordinal(), label))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    years = end.year - start.year
    every = next(s for s in (1, 2, 5, 10, 20, 50, 100) if years / s <= 8)
    first = start.year + (-start.year) % every
    return [(date(y, 1, 1).toordinal(), str(y)) for y in range(first, end.year + 1, every)
            if lo <= date(y, 1, 1).toordinal() <= hi]


def _lanes(points: list[dict[str, Any]]) -> int:
    """Give each point's label a lane (row) so that no two labels in one lane overlap."""
    ends: list[float] = []
    for p in points:
        width = len(p["label"]) * LABEL_CHAR_PX
        left = min(max(p["x"] - width / 2, 0.0), WIDTH - width)
        p["label_x"] = left + width / 2
        lane = next((i for i, end in enumerate(ends) if end + LABEL_PAD_PX <= left), len(ends))
        if lane == len(ends):
            ends.append(0.0)
        ends[lane] = left + width
        p["lane"] = lane
        p["label_y"] = AXIS_Y + 26 + LANE_PX * lane
    return len(ends)


def layout(events: list[dict[str, Any]], published: list[str]) -> dict[str, Any]:
    """Chart points (one per date, holding that date's events), ticks, the SVG height and the
    events left off the axis (``far``). ``published``: the story's publication dates."""
    dated: list[tuple[int, dict[str, Any]]] = []
    for event in events:
        day = to_date(event["date"])
        if day:
            dated.append((day.toordinal(), event))
    if not dated:
        return {"points": [], "ticks": [], "far": [], "width": WIDTH, "height": 0}
    pubs = [d.toordinal() for d in (to_date(p) for p in published if p) if d]
    anchor = max(pubs) if pubs else max(o for o, _e in dated)
    lo, hi = dense_range([o for o, _e in dated], anchor)
    by_date: dict[str, dict[str, Any]] = {}
    far = []
    for ordinal, event in dated:
        if not lo <= ordinal <= hi:
            far.append(event)
            continue
        point = by_date.setdefault(event["date"], {"date": event["date"], "ordinal": ordinal, "events": []})
        point["events"].append(event)
    pad = max((hi - lo) // 20, 1)
    lo, hi = lo - pad, hi + pad
    scale = (WIDTH - 2 * MARGIN) / (hi - lo)
    points = sorted(by_date.values(), key=lambda p: (p["ordinal"], p["date"]))
    for p in points:
        p["x"] = round(MARGIN + (p["ordinal"] - lo) * scale, 1)
        p["label"] = short_date(p["date"])
        p["sources"] = sorted({s for e in p["events"] for s in e["sources"]})
    lanes = _lanes(points)
    ticks = [{"x": round(MARGIN + (o - lo) * scale, 1), "label": label} for o, label in _ticks(lo + pad, hi - pad)]
    return {"points": points, "ticks": ticks, "far": far, "width": WIDTH, "margin": MARGIN, "axis_y": AXIS_Y,
            "height": AXIS_Y + 34 + LANE_PX * lanes}
