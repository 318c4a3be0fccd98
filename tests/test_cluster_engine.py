"""The linear clustering engine: its pure functions agree with each other and with dense
complete linkage, and the stories do not depend on input order."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.cluster import (
    block_keys,
    candidate_pairs,
    cluster_component,
    cluster_features,
    corpus_windows,
    document_frequencies,
    idf_table,
    pair_similarity,
)
from storyline.cluster.engine import lead_mask_array, pair_similarities, tfidf_matrix
from storyline.cluster.features import (
    LEAD_DATE_FACTOR,
    LEAD_SAME_DAY_FACTOR,
    MONTHS,
    WEEKDAYS,
    lead_date_factor,
    lead_markers,
)
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Article, Sentence

WORDS = [f"w{i}" for i in range(40)]


def corpus(seed: int, n: int = 60) -> tuple[list[str], list[dict[str, float]], list[date | None]]:
    """Random bag-of-word articles around a few topics, some dated, some not, some with the
    weekday or month their lead names."""
    rng = random.Random(seed)
    ids, feats, dates = [], [], []
    for i in range(n):
        topic = rng.randrange(6)
        words = rng.sample(WORDS[topic * 5 : topic * 5 + 8], 4) + rng.sample(WORDS, 3)
        feats.append({w: float(rng.randint(1, 3)) for w in sorted(words)})
        ids.append(f"a{i:03d}")
        dates.append(None if rng.random() < 0.3 else date(2020, 1, 1) + timedelta(days=rng.randrange(900)))
        if rng.random() < 0.5:
            feats[-1]["T:" + rng.choice(WEEKDAYS)] = 1.0
        if rng.random() < 0.2:
            feats[-1]["T:" + rng.choice(MONTHS[:3])] = 1.0
    return ids, feats, dates


def dense_complete(ids: list[str], sims: np.ndarray, threshold: float) -> list[list[str]]:
    distance = 1.0 - np.clip(sims, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(linkage(squareform(distance, checks=False), "complete"), 1.0 - threshold, "distance")
    groups: dict[int, list[str]] = {}
    for i, label in zip(ids, labels):
        groups.setdefault(int(label), []).append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


@pytest.mark.parametrize("seed", range(4))
def test_vectorised_similarity_is_pair_similarity(seed: int) -> None:
    ids, feats, dates = corpus(seed)
    idf = idf_table(document_frequencies(feats), len(feats))
    pairs = np.array([(i, j) for i in range(len(ids)) for j in range(i + 1, len(ids))])
    days = np.array([d.toordinal() if d else np.nan for d in dates])
    fast = pair_similarities(tfidf_matrix(feats, idf), days, pairs, lead_mask_array(feats))
    slow = [pair_similarity(feats[i], feats[j], idf, dates[i], dates[j]) for i, j in pairs]
    assert fast.tolist() == slow


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("threshold", [0.1, 0.3])
def test_component_rule_is_dense_complete_link(seed: int, threshold: float) -> None:
    ids, feats, dates = corpus(seed)
    idf = idf_table(document_frequencies(feats), len(feats))
    n = len(ids)
    sims = np.array([[pair_similarity(feats[i], feats[j], idf, dates[i], dates[j]) for j in range(n)]
                     for i in range(n)])
    edges = [(ids[i], ids[j], sims[i, j]) for i in range(n) for j in range(i + 1, n) if sims[i, j] >= threshold]
    assert cluster_component(ids, edges, cohesion=0.0) == dense_complete(ids, sims, threshold)
    # every pair a candidate: the engine is the dense rule
    assert cluster_features(ids, feats, dates, threshold, max_block=n, cohesion=0.0) == \
        dense_complete(ids, sims, threshold)


@pytest.mark.parametrize(("lead_a", "lead_b", "factor"), [
    (["wednesday"], ["friday"], LEAD_DATE_FACTOR),  # a judge blocks a law / the appeals court lets it resume
    (["friday"], ["saturday"], 1.0),  # shot "Friday night", charged "police said Saturday": one event
    (["sunday"], ["monday"], 1.0),  # the week wraps
    (["tuesday", "friday"], ["thursday"], 1.0),  # one of them within a day
    (["tuesday"], [], 1.0),  # one lead dates nothing
    (["june"], ["july"], LEAD_DATE_FACTOR),  # the June and the July border figures
    (["june"], ["june"], 1.0),
    (["june", "tuesday"], ["june", "tuesday"], LEAD_SAME_DAY_FACTOR),  # one day's event
    (["tuesday", "friday"], ["friday"], LEAD_SAME_DAY_FACTOR),
    (["june", "tuesday"], ["july", "tuesday"], LEAD_DATE_FACTOR),  # a month apart prevails
])
def test_lead_dates_scale_the_similarity(lead_a: list[str], lead_b: list[str],
                                                          factor: float) -> None:
    feats_a = {"court": 2.0, "abortion": 1.0} | {"T:" + w: 1.0 for w in lead_a}
    feats_b = {"court": 1.0, "abortion": 2.0} | {"T:" + w: 1.0 for w in lead_b}
    assert lead_date_factor(feats_a, feats_b) == factor
    idf = idf_table(document_frequencies([feats_a, feats_b]), 2)
    plain = pair_similarity({"court": 2.0, "abortion": 1.0}, {"court": 1.0, "abortion": 2.0}, idf)
    assert pair_similarity(feats_a, feats_b, idf) == round(plain * factor, 9)
    # markers are no terms: they neither add similarity nor make block keys
    assert not [k for k in block_keys(feats_a, None) if k.startswith("T:")]


def _article(title: str, sentences: list[str]) -> AnnotatedArticle:
    article = Article(text=" ".join(sentences), title=title)
    spans, start = [], 0
    for i, text in enumerate(sentences):
        spans.append(Sentence(article.id, i, start, start + len(text), text, 0))
        start += len(text) + 1
    return AnnotatedArticle(article, spans, [[] for _ in sentences], [], [], [])


@pytest.mark.parametrize(("title", "sentences", "markers"), [
    ("Judge blocks Texas abortion law", ["A federal judge on Wednesday blocked the law.", "On Friday, it resumed."],
     ["T:wednesday"]),  # the lead is the first sentence only
    ("Protesters March On Capitol", ["Thousands marched in the capital on May 3 and again in June, police said."],
     ["T:june", "T:may"]),  # "March" before no day number is a verb
    ("Storm hits coast", ["http : / / www . example . com / news / storm / coast / today", "AP", "The storm hit on "
     "Sunday night, the weather service said."], ["T:sunday"]),  # a URL or a dateline is no lead
    ("Markets close higher", ["Stocks rose for a third day as investors bought banks."], []),
])
def test_lead_markers_date_the_lead(title: str, sentences: list[str], markers: list[str]) -> None:
    assert lead_markers(_article(title, sentences)) == markers


def test_cohesion_keeps_two_tight_groups_apart() -> None:
    """Two tight pairs linked loosely across (complete link alone merges them) stay apart."""
    edges = [("a", "b", 0.6), ("c", "d", 0.5)] + [(x, y, 0.15) for x in "ab" for y in "cd"]
    assert cluster_component("abcd", edges, cohesion=0.0) == [["a", "b", "c", "d"]]
    assert cluster_component("abcd", edges, cohesion=0.4) == [["a", "b"], ["c", "d"]]
    # a close third article still joins a pair
    assert cluster_component("abc", [("a", "b", 0.6), ("a", "c", 0.4), ("b", "c", 0.3)]) == [["a", "b", "c"]]


@pytest.mark.parametrize(("edges", "groups"), [
    # a lone article joins a near-copy pair under complete link alone (the third outlet's report)
    ([("a", "b", 0.9), ("a", "c", 0.15), ("b", "c", 0.12)], [["a", "b", "c"]]),
    # two pairs: the cross average (0.3) against the mean inside average ((0.8 + 0.2) / 2 = 0.5)
    ([("a", "b", 0.8), ("c", "d", 0.2)] + [(x, y, 0.3) for x in "ab" for y in "cd"], [["a", "b", "c", "d"]]),
    ([("a", "b", 0.8), ("c", "d", 0.6)] + [(x, y, 0.3) for x in "ab" for y in "cd"], [["a", "b"], ["c", "d"]]),
])
def test_cohesion_holds_groups_not_lone_articles(edges: list[tuple[str, str, float]], groups: list[list[str]]) -> None:
    ids = sorted({x for e in edges for x in e[:2]})
    assert cluster_component(ids, edges, cohesion=0.6) == groups


def test_stories_do_not_depend_on_input_order() -> None:
    ids, feats, dates = corpus(7, 80)
    first = cluster_features(ids, feats, dates, 0.2)
    order = list(range(len(ids)))
    random.Random(1).shuffle(order)
    again = cluster_features([ids[i] for i in order], [feats[i] for i in order], [dates[i] for i in order], 0.2)
    assert first == again


@pytest.mark.parametrize(("gap", "shared"), [(0, True), (200, True), (365, True), (800, False)])
def test_dated_articles_share_a_key_within_a_year(gap: int, shared: bool) -> None:
    a, b = date(2021, 3, 1), date(2021, 3, 1) + timedelta(days=gap)
    assert bool(set(block_keys({"flood": 1.0}, a)) & set(block_keys({"flood": 1.0}, b))) is shared


def test_undated_article_meets_every_window() -> None:
    dates = [date(2015, 6, 1), date(2022, 1, 5)]
    windows = corpus_windows(dates)
    undated = set(block_keys({"flood": 1.0}, None, windows))
    assert all(undated & set(block_keys({"flood": 1.0}, d)) for d in dates)


def test_common_blocks_are_dropped() -> None:
    keys = [["common", f"rare{i // 2}"] for i in range(10)]
    pairs = candidate_pairs(keys, max_block=4)
    assert pairs.tolist() == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
