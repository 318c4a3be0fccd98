"""Incremental story clustering: a new batch is clustered on its own (average link), then each
batch group joins the existing story it is closest to on average (found through an inverted
index of story centroids), or starts a new story. Nothing stored is reclustered.

The lead-date factor of the one-shot engine (``features.masks_factor``) scales each pair of that
average: a story keeps, besides its centroid, the sum of its members' vectors per lead (the
weekdays and months its headline and first sentence name), so the average with the factor applied
pair by pair is exact without storing every member."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from storyline.cluster.features import (
    LEAD_DATE_FACTOR,
    LEAD_SAME_DAY_FACTOR,
    add_into,
    date_factor,
    idf,
    is_marker,
    lead_markers,
    lead_masks,
    masks_factor,
)
from storyline.cluster.stories import cluster_articles
from storyline.nlp.annotate import AnnotatedArticle

Vector = dict[str, float]
Lead = tuple[int, int]
#: The most a lead-date factor can raise a pair's similarity (bounds the stories worth scoring exactly).
MAX_LEAD_FACTOR = max(1.0, LEAD_DATE_FACTOR, LEAD_SAME_DAY_FACTOR)


def vectorize(feats: dict[str, float], df: dict[str, int], n: int) -> Vector:
    """An article's L2-normalised TF-IDF vector (from its ``features``) under the store's
    document frequencies."""
    weights = {k: (1 + math.log(v)) * idf(df.get(k, 0), n) for k, v in feats.items() if v > 0 and not is_marker(k)}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


@dataclass
class StoryState:
    id: str
    centroid: Vector  # sum of member vectors
    size: int
    first: date | None = None
    last: date | None = None
    #: sum of the vectors of the members whose lead names a weekday or a month, by ``lead_of``
    leads: dict[Lead, Vector] = field(default_factory=dict)


def lead_of(doc: AnnotatedArticle) -> Lead:
    """The weekdays and months an article's lead names (``features.lead_masks``; (0, 0): none)."""
    return lead_masks(dict.fromkeys(lead_markers(doc), 1.0))


def add_vector(parts: dict[Lead, Vector], lead: Lead, vector: Vector) -> None:
    """Add an article's vector to the sum of its lead's (a lead naming no day is not kept)."""
    if lead != (0, 0):
        add_into(parts.setdefault(lead, {}), vector)


def lead_correction(parts: dict[Lead, Vector], size: int, state: StoryState) -> float:
    """What the lead-date factor of each (group member, story member) pair adds to their plain
    average link: the pairs whose leads both name a day or a month (the factor of any other is 1)."""
    total = 0.0
    for lead, part in sorted(parts.items()):
        for other, story_part in sorted(state.leads.items()):
            factor = masks_factor(lead, other)
            if factor != 1.0:
                total += (factor - 1.0) * sum(w * story_part.get(k, 0.0) for k, w in sorted(part.items()))
    return total / (size * state.size)


@dataclass
class StoryIndex:
    """Existing stories with an inverted index from term to story centroid weight."""

    stories: dict[str, StoryState] = field(default_factory=dict)
    postings: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, state: StoryState) -> None:
        self.stories[state.id] = state
        for term, w in state.centroid.items():
            self.postings[term][state.id] = w

    def remove(self, story_id: str) -> None:
        state = self.stories.pop(story_id)
        for term in state.centroid:
            postings = self.postings[term]
            postings.pop(story_id, None)
            if not postings:
                del self.postings[term]

    def average_links(self, group_sum: Vector, group_size: int) -> dict[str, float]:
        scores: dict[str, float] = defaultdict(float)
        for term, w in group_sum.items():
            for sid, cw in self.postings.get(term, {}).items():
                scores[sid] += w * cw
        return {sid: s / (group_size * self.stories[sid].size) for sid, s in scores.items()}


def _gap_factor(dates: list[date], state: StoryState) -> float:
    """The date penalty between a batch group and a story (by the closest ends of the two spans)."""
    if not dates or not state.first or not state.last:
        return 1.0
    lo, hi = min(dates), max(dates)
    if hi < state.first:
        return date_factor(hi, state.first)
    if lo > state.last:
        return date_factor(lo, state.last)
    return 1.0


#: Batches are small and their IDF is the store's: average link (at 0.2, its best on ECB+
#: train topics) is steadier there than the one-shot complete link, inside a batch and to join.
JOIN_THRESHOLD = 0.2


def assign(batch: list[AnnotatedArticle], vectors: dict[str, Vector], index: StoryIndex,
           threshold: float | None = None) -> list[tuple[list[AnnotatedArticle], str | None]]:
    """Batch groups, each with the id of the story it joins (None: a new story)."""
    limit = JOIN_THRESHOLD if threshold is None else threshold
    result: list[tuple[list[AnnotatedArticle], str | None]] = []
    for group in cluster_articles(batch, limit, method="average"):
        total: Vector = {}
        parts: dict[Lead, Vector] = {}
        for doc in group:
            add_into(total, vectors[doc.id])
            add_vector(parts, lead_of(doc), vectors[doc.id])
        scores = index.average_links(total, len(group))
        dates = [d.article.published for d in group if d.article.published]
        for sid in scores:
            state = index.stories[sid]
            gap = _gap_factor(dates, state)
            if parts and state.leads and scores[sid] * gap * MAX_LEAD_FACTOR >= limit:
                scores[sid] += lead_correction(parts, len(group), state)
            scores[sid] *= gap
        best = max(scores, key=lambda sid: scores[sid], default=None)
        chosen = best if best is not None and scores[best] >= limit else None
        result.append((group, chosen))
    return result
