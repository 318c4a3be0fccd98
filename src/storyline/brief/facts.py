"""Do two sentences state the same fact? A weighted overlap of what they are about.

A sentence's "fact words" are its stemmed content lemmas (no stop words, no speech verbs),
weighted by how much they pin a fact down: a number counts most, then a date, then a name,
then any other content word. Two sentences that share most of their weight (Dice) state the
same fact in different words: "The House on Wednesday approved Biden's $1.9 trillion COVID-19
bill" and "The House gave final passage Wednesday to a $1.9 trillion Covid-19 relief package".
"""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from storyline.brief.porter import stem
from storyline.nlp.annotate import Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NUMERIC = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
TEMPORAL = frozenset({"DATE", "TIME"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
#: Verbs every report uses; they say nothing about which fact it is.
LIGHT_LEMMAS = _words("say tell be have do also would will could make get go take new report")
#: How much a number, a date and a name pin a fact down against a plain content word (1.0);
#: set by hand from NeuS val paraphrase pairs ("$1.9 trillion", "Wednesday"), not searched.
NUMBER_WEIGHT, DATE_WEIGHT, NAME_WEIGHT = 3.0, 2.0, 1.5

FactWords = dict[str, float]


def fact_words(tokens: list[Token]) -> FactWords:
    """The weighted fact words of one sentence."""
    words: FactWords = {}
    for tok in tokens:
        if tok.is_stop or not any(ch.isalnum() for ch in tok.text) or tok.lemma in LIGHT_LEMMAS:
            continue
        if tok.pos not in CONTENT_POS and not tok.ent:
            continue
        key = stem(tok.lemma) if tok.text[:1].isalpha() else tok.text.lower().replace(",", "")
        if tok.ent in NUMERIC or tok.pos == "NUM":
            weight = NUMBER_WEIGHT
        elif tok.ent in TEMPORAL:
            weight = DATE_WEIGHT
        elif tok.ent:
            weight = NAME_WEIGHT
        else:
            weight = 1.0
        words[key] = max(words.get(key, 0.0), weight)
    return words


def dice_matrix(sentences: list[FactWords]) -> np.ndarray:
    """Weighted Dice of every pair of a story's sentences, as one sparse product.

    A word weighs the same in every sentence of the story: its kind's weight (the highest it
    has anywhere) times its rarity in the story (smoothed IDF over the story's sentences), so
    that the names every sentence of the story repeats do not make two facts one."""
    weight: dict[str, float] = {}
    df: dict[str, int] = {}
    for words in sentences:
        for key, value in words.items():
            weight[key] = max(weight.get(key, 0.0), value)
            df[key] = df.get(key, 0) + 1
    keys = sorted(weight)
    column = {key: i for i, key in enumerate(keys)}
    n = len(sentences)
    scale = np.array([weight[k] * (math.log((1 + n) / (1 + df[k])) + 1) for k in keys] or [0.0])
    rows = [r for r, words in enumerate(sentences) for _ in words]
    cols = [column[k] for words in sentences for k in words]
    indicator = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(len(keys), 1)))
    shared = (indicator @ sparse.diags(scale) @ indicator.T).toarray()
    total = np.diag(shared)
    denom = total[:, None] + total[None, :]
    return np.divide(2 * shared, denom, out=np.zeros_like(shared), where=denom > 0)
