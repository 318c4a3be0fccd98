"""Claim alignment: the same fact told by several articles in different words is one claim.

Sentences are compared on IDF-weighted content lemmas plus the ids of the entities they name
(so "Ri Il-gyu" and "Ri Il Kyu" count as the same word), and grouped greedily: a sentence joins
a claim when it is close to every sentence already in it and its article is not there yet.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Claim, Sentence, content_id

#: Cosine similarity at which two sentences of different articles state the same fact.
#: Tuned by hand on the seed story (paraphrased wire copy of one event).
ALIGN_THRESHOLD = 0.34
#: Every member of a claim must be at least this close to every other member.
LINK_FLOOR = 0.22
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}


@dataclass
class SentenceFeatures:
    sentence: Sentence
    features: Counter[str]
    is_statement: bool


def features_of(doc: AnnotatedArticle, index: EntityIndex) -> list[SentenceFeatures]:
    entity_at: dict[int, list[str]] = {}
    for m in doc.mentions:
        entity = index.entity_of(m)
        if entity:
            entity_at.setdefault(m.sentence, []).append(entity.id)
    result = []
    for sentence, tokens in zip(doc.sentences, doc.tokens):
        feats: Counter[str] = Counter()
        for tok in tokens:
            if tok.ent in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
                continue
            if tok.pos in CONTENT_POS and not tok.is_stop and len(tok.lemma) > 1 and tok.lemma.isalnum():
                feats[tok.lemma] += 1
        for eid in entity_at.get(sentence.index, []):
            feats["E:" + eid] += 1
        words = sentence.text.split()
        statement = len(words) >= 6 and not sentence.text.rstrip().endswith("?")
        result.append(SentenceFeatures(sentence, feats, statement))
    return result


def similarity_matrix(items: list[SentenceFeatures]) -> np.ndarray:
    """Cosine similarity of IDF-weighted feature vectors (sparse product)."""
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for item in items:
        df.update(item.features.keys())
    rows, cols, vals = [], [], []
    n = max(len(items), 1)
    for r, item in enumerate(items):
        for feat, count in item.features.items():
            col = vocab.setdefault(feat, len(vocab))
            rows.append(r)
            cols.append(col)
            vals.append((1 + math.log(count)) * math.log(1 + n / df[feat]))
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(items), max(len(vocab), 1)))
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1
    matrix = sparse.diags(1 / norms) @ matrix
    return (matrix @ matrix.T).toarray()


def _independent_sources(sentences: list[Sentence], outlet_of: dict[str, str]) -> int:
    return len({outlet_of.get(s.article_id, s.article_id) for s in sentences})


def _candidate_pairs(items: list[SentenceFeatures], keep: list[int],
                     sims: np.ndarray) -> list[tuple[float, int, int]]:
    """Pairs of statements from different articles above the threshold, most similar first."""
    idx = np.array(keep, dtype=int)
    if idx.size < 2:
        return []
    article = np.array([items[i].sentence.article_id for i in keep])
    sub = sims[np.ix_(idx, idx)]
    mask = np.triu(sub >= ALIGN_THRESHOLD, 1) & (article[:, None] != article[None, :])
    rows, cols = np.nonzero(mask)
    order = np.argsort(-sub[rows, cols], kind="stable")
    return [(float(sub[rows[k], cols[k]]), int(idx[rows[k]]), int(idx[cols[k]])) for k in order]


def align_claims(items: list[SentenceFeatures], sims: np.ndarray,
                 outlet_of: dict[str, str]) -> list[Claim]:
    """Group statements of different articles into claims (greedy, complete-link floor)."""
    keep = [i for i, it in enumerate(items) if it.is_statement]
    cluster_of = {i: i for i in keep}
    members: dict[int, list[int]] = {i: [i] for i in keep}
    for _, a, b in _candidate_pairs(items, keep, sims):
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        articles_a = {items[i].sentence.article_id for i in members[ca]}
        if any(items[i].sentence.article_id in articles_a for i in members[cb]):
            continue
        if min(sims[i, j] for i in members[ca] for j in members[cb]) < LINK_FLOOR:
            continue
        for i in members[cb]:
            cluster_of[i] = ca
        members[ca] += members.pop(cb)
    claims = []
    for group in members.values():
        medoid = max(group, key=lambda i: (sum(sims[i, j] for j in group), -len(items[i].sentence.text)))
        sentences = [items[i].sentence for i in group]
        sources = sorted({s.article_id for s in sentences})
        status = "corroborated" if _independent_sources(sentences, outlet_of) >= 2 else "single-source"
        text = items[medoid].sentence.text
        claims.append(Claim(content_id("c", *sorted(s.id for s in sentences)), text, status,
                            sources, sorted(sentences, key=lambda s: (s.article_id, s.index))))
    claims.sort(key=lambda c: (-len(c.sources), min(s.index for s in c.sentences)))
    return claims

