"""The local clustering engine, linear in the corpus:

    features -> IDF table -> block keys -> candidate pairs -> exact similarity of each pair
    -> edges (at or above the threshold) -> connected components -> complete link inside each
    component (``cluster_component``) -> stories

Every step is one of the pure functions of ``cluster.features``, ``cluster.blocking`` and
``cluster.link`` (vectorised here with numpy/scipy where the pure function works on one pair),
so a distributed engine running the same functions finds the same stories.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from storyline.cluster.blocking import MAX_BLOCK, block_keys, candidate_pairs, corpus_windows
from storyline.cluster.features import (
    DATE_PENALTIES,
    FAR_APART,
    LEAD_DATE_FACTOR,
    LEAD_SAME_DAY_FACTOR,
    SIM_DECIMALS,
    document_frequencies,
    idf_table,
    is_marker,
    lead_masks,
    near_days,
)
from storyline.cluster.link import COHESION, cluster_component

#: Candidate pairs scored per vectorised chunk (bounds the temporary sparse rows in memory).
CHUNK_PAIRS = 20_000


def tfidf_matrix(features: Sequence[Mapping[str, float]], idf_of: Mapping[str, float]) -> sparse.csr_matrix:
    """Rows of ``features.weights`` (sublinear TF-IDF, L2-normalised), columns in sorted order."""
    vocab = {k: i for i, k in enumerate(sorted(idf_of))}
    indptr = [0]
    cols: list[int] = []
    vals: list[float] = []
    for feats in features:
        for k, count in feats.items():
            if count > 0 and not is_marker(k):
                cols.append(vocab.get(k, len(vocab)))
                vals.append((1 + np.log(count)) * idf_of.get(k, 1.0))
        indptr.append(len(cols))
    matrix = sparse.csr_matrix((np.array(vals, dtype=np.float64), np.array(cols, dtype=np.int64),
                                np.array(indptr, dtype=np.int64)), shape=(len(features), len(vocab) + 1))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)


def date_factors(days: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """``features.date_factor`` of every pair, vectorised (``days``: ordinal, NaN if unknown)."""
    gap = np.abs(days[pairs[:, 0]] - days[pairs[:, 1]])
    factors = np.full(len(pairs), FAR_APART)
    for limit, factor in reversed(DATE_PENALTIES):
        factors[gap <= limit] = factor
    factors[np.isnan(gap)] = 1.0
    return factors


def lead_mask_array(features: Sequence[Mapping[str, float]]) -> np.ndarray:
    """``features.lead_masks`` of every article: rows (weekdays, weekdays widened, months)."""
    masks = [lead_masks(f) for f in features]
    return np.array([(d, near_days(d), m) for d, m in masks], dtype=np.int64).reshape(len(masks), 3)


def lead_factors(leads: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """``features.lead_date_factor`` of every pair, vectorised (``leads``: ``lead_mask_array``)."""
    a, b = leads[pairs[:, 0]], leads[pairs[:, 1]]
    days_apart = (a[:, 0] != 0) & (b[:, 0] != 0) & ((a[:, 1] & b[:, 0]) == 0)
    months_apart = (a[:, 2] != 0) & (b[:, 2] != 0) & ((a[:, 2] & b[:, 2]) == 0)
    same_day = (a[:, 0] & b[:, 0]) != 0
    return np.where(days_apart | months_apart, LEAD_DATE_FACTOR, np.where(same_day, LEAD_SAME_DAY_FACTOR, 1.0))


def pair_similarities(matrix: sparse.csr_matrix, days: np.ndarray, pairs: np.ndarray,
                      leads: np.ndarray | None = None) -> np.ndarray:
    """``features.pair_similarity`` of every candidate pair, vectorised: per chunk of pairs,
    one sparse product of the rows involved, from which the pairs' entries are read
    (``leads``: ``lead_mask_array`` of the articles; None: no lead-date factor)."""
    out = np.empty(len(pairs))
    for start in range(0, len(pairs), CHUNK_PAIRS):
        chunk = pairs[start : start + CHUNK_PAIRS]
        rows, row_pos = np.unique(chunk[:, 0], return_inverse=True)
        cols, col_pos = np.unique(chunk[:, 1], return_inverse=True)
        product = (matrix[rows] @ matrix[cols].T).tocsr()
        dots = np.asarray(product[row_pos, col_pos]).ravel()
        scale = date_factors(days, chunk) if leads is None else date_factors(days, chunk) * lead_factors(leads, chunk)
        out[start : start + len(chunk)] = dots * scale
    return np.round(out, SIM_DECIMALS)


def cluster_features(ids: Sequence[str], features: Sequence[Mapping[str, float]],
                     published: Sequence[date | None], threshold: float,
                     max_block: int = MAX_BLOCK, cohesion: float = COHESION) -> list[list[str]]:
    """Stories (lists of ids) of the items ``ids[i]`` with ``features[i]`` published on
    ``published[i]``: each story sorted by id, biggest first, then by first id."""
    n = len(ids)
    idf_of = idf_table(document_frequencies(features), n)
    windows = corpus_windows(published)
    pairs = candidate_pairs(block_keys(f, d, windows) for f, d in zip(features, published))
    days = np.array([d.toordinal() if d else np.nan for d in published], dtype=np.float64)
    sims = pair_similarities(tfidf_matrix(features, idf_of), days, pairs, lead_mask_array(features))
    keep = sims >= threshold
    pairs, sims = pairs[keep], sims[keep]
    graph = sparse.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    count, labels = connected_components(graph, directed=False)
    order = np.argsort(labels[pairs[:, 0]], kind="stable")
    edges_of: dict[int, list[tuple[str, str, float]]] = {}
    for (i, j), s in zip(pairs[order].tolist(), sims[order].tolist()):
        edges_of.setdefault(labels[i], []).append((ids[i], ids[j], s))
    nodes_of: dict[int, list[str]] = {}
    for i, label in enumerate(labels.tolist()):
        nodes_of.setdefault(label, []).append(ids[i])
    stories: list[list[str]] = []
    for label, nodes in nodes_of.items():
        stories += cluster_component(nodes, edges_of.get(label, []), cohesion) if len(nodes) > 1 else [nodes]
    return sorted(stories, key=lambda g: (-len(g), g[0]))
