"""The story summary: corroborated claims first, no repeated content, every line cited,
each line a source sentence word for word."""

from __future__ import annotations

import re

import numpy as np

from storyline.records import Claim, SummaryLine

#: Two summary lines closer than this (sentence cosine) say the same thing; keep the first.
REDUNDANCY = 0.3
MIN_WORDS, MAX_WORDS = 8, 60
#: Lines that cannot stand alone: they lean on a previous sentence or are direct speech.
DEPENDENT_START = re.compile(r"^(?:[\"“‘']|(?:He|She|It|They|This|That|These|Those|But|And|"
                             r"Also|However|Meanwhile|Similarly|Interestingly)\b)")


def _standalone(text: str) -> bool:
    words = len(text.split())
    return MIN_WORDS <= words <= MAX_WORDS and not DEPENDENT_START.search(text) and not text.endswith("?")


def summarize(claims: list[Claim], sims: np.ndarray, row_of: dict[str, int],
              limit: int) -> list[SummaryLine]:
    """Pick up to ``limit`` claims: most-sourced first, then earliest in their articles."""
    ranked = sorted(claims, key=lambda c: (c.status != "corroborated", -len(c.sources),
                                           min(s.index for s in c.sentences)))
    chosen: list[Claim] = []
    for claim in ranked:
        if len(chosen) >= limit:
            break
        if claim.status != "corroborated" and len(chosen) >= max(3, limit // 2):
            break
        if not _standalone(claim.text):
            continue
        rows = [row_of[s.id] for s in claim.sentences]
        if any(sims[r, row_of[s.id]] >= REDUNDANCY for c in chosen for s in c.sentences for r in rows):
            continue
        chosen.append(claim)
    chosen.sort(key=lambda c: sum(s.index for s in c.sentences) / len(c.sentences))
    return [SummaryLine(c.text, list(c.sources)) for c in chosen]
