"""The story summary: what happened, main event first, each line cited with every article
that states it.

Salience follows the concept-coverage idea of Gillick & Favre (2009): a "concept" is a stemmed
word bigram, worth the number of articles that use it, so what several outlets report counts
for more than what one does. The first line is the main event: the standalone sentence whose
concepts the outlets share most, favouring articles' opening sentences. Further lines add the
most uncovered shared content per word; a line close to one already chosen (same fact in other
words) is skipped; a line that leans on a missing antecedent or quotes without its speaker is
never chosen (``storyline.brief.standalone``). Lines are source sentences, word for word apart
from a leading dateline or newsletter label.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.brief.rouge import tokens
from storyline.brief.standalone import can_stand_alone, clean_text
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Claim, Sentence, SummaryLine

#: Weight of a concept met in an article's title, on top of its body (tuned on NeuS val).
TITLE_WEIGHT = 1.0
#: Gain per word is gain / words ** LENGTH_POWER: 0 prefers long lines, 1 short ones (NeuS val).
LENGTH_POWER = 0.5
#: Multiplier of a sentence's gain by its position in its article (lead first; NeuS val).
POSITION = (1.5, 1.2, 1.0)
#: Two lines closer than this (sentence cosine of the claims stage) state one fact.
REDUNDANCY = 0.3
#: Share of a line's concepts already in a chosen line above which it repeats it.
OVERLAP = 0.5
#: The summary's length in words is at most this many times the story's mean article length
#: (the first line always fits): short coverage gets a short summary (NeuS val: human
#: roundups run about 0.4 of the three articles' length; 1.5-1.8 scored alike).
BUDGET_SHARE = 1.6
#: An article whose sentence is this close to a line (sentence cosine) states it too.
SOURCE_SIMILARITY = 0.34


@dataclass(frozen=True)
class Candidate:
    doc: int
    sentence: Sentence
    text: str
    words: int
    concepts: frozenset[tuple[str, str]]
    standalone: bool
    row: int


def concepts_of(text: str) -> frozenset[tuple[str, str]]:
    """Stemmed word bigrams of ``text`` that are not two stop words."""
    toks = tokens(text)
    plain = tokens(text, stemming=False)
    return frozenset((a, b) for (a, b), (pa, pb) in zip(zip(toks, toks[1:]), zip(plain, plain[1:]))
                     if not (pa in STOP_WORDS and pb in STOP_WORDS))


def _candidates(docs: list[AnnotatedArticle], row_of: dict[str, int]) -> list[Candidate]:
    out = []
    for d, doc in enumerate(docs):
        for i, sentence in enumerate(doc.sentences):
            text = clean_text(sentence.text)
            out.append(Candidate(d, sentence, text, len(text.split()), concepts_of(text),
                                 can_stand_alone(doc, i), row_of.get(sentence.id, -1)))
    return out


def concept_weights(docs: list[AnnotatedArticle], candidates: list[Candidate]) -> dict[tuple[str, str], float]:
    """Each concept's worth: the number of articles using it (only concepts of 2+ articles count),
    plus ``TITLE_WEIGHT`` for each title using it."""
    seen: dict[tuple[str, str], set[int]] = {}
    for c in candidates:
        for concept in c.concepts:
            seen.setdefault(concept, set()).add(c.doc)
    weights = {k: float(len(v)) for k, v in seen.items() if len(v) >= 2}
    for doc in docs:
        for concept in concepts_of(doc.article.title or ""):
            if concept in seen:
                weights[concept] = weights.get(concept, float(len(seen[concept]))) + TITLE_WEIGHT
    return weights


def _gain(c: Candidate, weights: dict[tuple[str, str], float], covered: set[tuple[str, str]]) -> float:
    value = sum(weights.get(k, 0.0) for k in c.concepts - covered)
    position = POSITION[min(c.sentence.index, len(POSITION) - 1)]
    return position * value / max(c.words, 1) ** LENGTH_POWER


def _repeats(c: Candidate, chosen: list[Candidate], sims: np.ndarray) -> bool:
    for other in chosen:
        if c.row >= 0 and other.row >= 0 and sims[c.row, other.row] >= REDUNDANCY:
            return True
        small = min(len(c.concepts), len(other.concepts))
        if small and len(c.concepts & other.concepts) / small >= OVERLAP:
            return True
    return False


def select(candidates: list[Candidate], weights: dict[tuple[str, str], float], sims: np.ndarray,
           limit: int, budget: float) -> list[Candidate]:
    """Greedy selection: most new shared content per word first, no repeats, standalone only,
    within ``budget`` words."""
    chosen: list[Candidate] = []
    covered: set[tuple[str, str]] = set()
    pool = [c for c in candidates if c.standalone]
    used = 0
    while len(chosen) < limit:
        scored = [(_gain(c, weights, covered), -c.sentence.index, -c.doc, c) for c in pool
                  if c not in chosen and (not chosen or used + c.words <= budget)
                  and not _repeats(c, chosen, sims)]
        if not scored:
            break
        best = max(scored, key=lambda s: s[:3])
        if best[0] <= 0 and chosen:
            break
        chosen.append(best[3])
        covered |= best[3].concepts
        used += best[3].words
    return chosen


def _sources(c: Candidate, claims: list[Claim], candidates: list[Candidate], sims: np.ndarray) -> list[str]:
    found = {c.sentence.article_id}
    for claim in claims:
        if any(s.id == c.sentence.id for s in claim.sentences):
            found.update(claim.sources)
    if c.row >= 0:
        found.update(o.sentence.article_id for o in candidates
                     if o.row >= 0 and sims[c.row, o.row] >= SOURCE_SIMILARITY)
    return sorted(found)


def summarize(docs: list[AnnotatedArticle], claims: list[Claim], sims: np.ndarray,
              row_of: dict[str, int], limit: int) -> list[SummaryLine]:
    """Up to ``limit`` lines: the main event first, then the most important developments."""
    candidates = _candidates(docs, row_of)
    weights = concept_weights(docs, candidates)
    lengths = [sum(len(s.text.split()) for s in doc.sentences) for doc in docs]
    budget = BUDGET_SHARE * sum(lengths) / max(len(lengths), 1)
    chosen = select(candidates, weights, sims, limit, budget)
    return [SummaryLine(c.text, _sources(c, claims, candidates, sims)) for c in chosen]
