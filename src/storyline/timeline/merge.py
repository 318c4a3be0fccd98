"""Merging the dated statements of many articles into one timeline."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from storyline.records import TimelineEvent, TimeRef

#: Two statements with the same date are one event when their sentences are this similar.
#: Tuned on the seed story ("defected ... in November" told five ways).
SAME_EVENT = 0.18


def merge_timeline(refs: list[TimeRef], sentence_text: dict[str, str], sims: np.ndarray,
                   row_of: dict[str, int]) -> list[TimelineEvent]:
    by_date: dict[tuple[str, str], list[TimeRef]] = defaultdict(list)
    for ref in refs:
        if not ref.event:
            continue
        by_date[(ref.date, ref.precision)].append(ref)
    events: list[TimelineEvent] = []
    for (day, precision), group in by_date.items():
        clusters = _components(group, sims, row_of)
        for members in clusters:
            ids = list(dict.fromkeys(f"{m.article_id}:{m.sentence}" for m in members))
            medoid = max(ids, key=lambda i: (sum(sims[row_of[i], row_of[j]] for j in ids),
                                             -len(sentence_text[i])))
            told = sorted((m for m in members if f"{m.article_id}:{m.sentence}" == medoid),
                          key=lambda m: (m.expression, m.qualifier or ""))
            events.append(TimelineEvent(day, precision, sentence_text[medoid],
                                        sorted({m.article_id for m in members}), told[0].qualifier,
                                        told[0].expression, told[0].end))
    events.sort(key=lambda e: (e.date, -len(e.sources)))
    return events


def _components(group: list[TimeRef], sims: np.ndarray, row_of: dict[str, int]) -> list[list[TimeRef]]:
    """Statements of one date linked when similar enough (single link): the same events
    whatever order the articles came in."""
    ids = [f"{r.article_id}:{r.sentence}" for r in group]
    parent = list(range(len(group)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(group)):
        for j in range(i + 1, len(group)):
            if ids[i] == ids[j] or sims[row_of[ids[i]], row_of[ids[j]]] >= SAME_EVENT:
                parent[find(i)] = find(j)
    clusters: dict[int, list[TimeRef]] = defaultdict(list)
    for i, ref in enumerate(group):
        clusters[find(i)].append(ref)
    return sorted(clusters.values(), key=lambda c: min(f"{r.article_id}:{r.sentence}" for r in c))
