"""Injection gate (issue 7, 5b/5c): one fact changed in one article of real stories must be
flagged, and unchanged stories must stay quiet. A deterministic sample (seeded) of NeuS val
triplets and one ECB+ dev topic; the full run is ``benchmarks/injection.py``."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from storyline.evaluation import read_ecb_topics, read_neus_triplets
from storyline.injection import CachedAnnotator, evaluate
from storyline.nlp.annotate import AnnotatedArticle
from storyline.options import Options
from storyline.pipeline import build_story
from storyline.records import Article, Conflict

NEUS_STORIES = 40
ECB_TOPICS = (2,)
SEED = 7
#: Floors and ceilings a little below/above what was measured on this sample (benchmarks/RESULTS.md).
MIN_FOUND = 0.42  # measured 36 of 79 injected = 0.46 (0.41 before the third round: dates, numbers, negation, kin, age)
MAX_FLAGGED_PER_100 = 6.0  # measured 1 conflict on the 42 unchanged stories = 2.4


@pytest.fixture(scope="module")
def stories(shared_data: Path) -> list[list[Article]]:
    return sample(shared_data)


def sample(shared_data: Path) -> list[list[Article]]:
    """The first NeuS val triplets and the ECB+ dev topics named above, one story each."""
    articles, gold = read_neus_triplets(shared_data / "neus_roundups" / "val.source")
    by_line: dict[int, list[Article]] = defaultdict(list)
    for article in articles:
        by_line[gold[article.id]].append(article)
    neus = [by_line[k] for k in sorted(by_line) if len(by_line[k]) >= 2][:NEUS_STORIES]
    ecb: dict[tuple[int, str], list[Article]] = defaultdict(list)
    for doc in read_ecb_topics(shared_data / "ecbplus", ECB_TOPICS):
        ecb[(doc.topic, doc.subtopic)].append(doc.article)
    return neus + [ecb[k] for k in sorted(ecb)]


def _conflicts(docs: list[AnnotatedArticle]) -> list[Conflict]:
    return build_story(docs, Options()).conflicts


def test_injected_changes_are_flagged_and_unchanged_stories_stay_quiet(stories: list[list[Article]]) -> None:
    annotator = CachedAnnotator()
    flagged = sum(len(_conflicts([annotator(a) for a in story])) for story in stories)
    outcome = evaluate(stories, annotator, _conflicts, SEED)
    per_100 = 100 * flagged / len(stories)
    assert per_100 <= MAX_FLAGGED_PER_100, f"{flagged} conflicts on {len(stories)} unchanged stories"
    assert sum(outcome.total.values()) >= 50
    assert outcome.rate() >= MIN_FOUND, (outcome.found, outcome.total)
