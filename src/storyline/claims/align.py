"""Sentence similarity for fact grouping: IDF-weighted content lemmas plus the ids of the
entities a sentence names (so "Ri Il-gyu" and "Ri Il Kyu" count as the same word).
Grouping into facts is in ``claims.facts``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Sentence

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}


@dataclass
class SentenceFeatures:
    sentence: Sentence
    features: Counter[str]
    is_statement: bool
    slots: frozenset[str] = frozenset()  # features read from dates and times (slot values, not topic)


def features_of(doc: AnnotatedArticle, index: EntityIndex) -> list[SentenceFeatures]:
    entity_at: dict[int, list[str]] = {}
    for m in doc.mentions:
        entity = index.entity_of(m)
        if entity:
            entity_at.setdefault(m.sentence, []).append(entity.id)
    result = []
    for sentence, tokens in zip(doc.sentences, doc.tokens):
        feats: Counter[str] = Counter()
        slots: set[str] = set()
        for tok in tokens:
            if tok.ent in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
                continue  # names count as entity ids
            if tok.pos in CONTENT_POS and not tok.is_stop and len(tok.lemma) > 1 and tok.lemma.isalnum():
                feats[tok.lemma] += 1
                if tok.ent in ("DATE", "TIME"):
                    slots.add(tok.lemma)
        for eid in entity_at.get(sentence.index, []):
            feats["E:" + eid] += 1
        words = sentence.text.split()
        statement = len(words) >= 6 and not sentence.text.rstrip().endswith("?")
        result.append(SentenceFeatures(sentence, feats, statement, frozenset(slots)))
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
