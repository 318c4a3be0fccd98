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

from storyline.brief.facts import FactWords, dice, fact_words
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
#: Two lines whose fact words overlap this much (weighted Dice, ``brief.facts``) state one fact.
#: On NeuS val, 61% of pairs of the three outlets' leads reach 0.25, and 13% of pairs of
#: sentences of one article (which rarely repeat a fact).
SAME_FACT = 0.25
#: An article states a line when one of its sentences overlaps it this much (stricter than
#: SAME_FACT: 51% of lead pairs, 7% of same-article pairs on NeuS val).
CITE_FACT = 0.3
#: The summary's length in words is at most this many times the story's mean article length
#: (the first line always fits): short coverage gets a short summary (NeuS val: human
#: roundups run about 0.4 of the three articles' length; 1.5-1.8 scored alike).
BUDGET_SHARE = 1.6


@dataclass(eq=False)
class Candidate:
    """A sentence that may become a summary line, with what selection needs to know of it."""

    doc: int
    sentence: Sentence
    text: str
    words: int
    concepts: frozenset[tuple[str, str]]
    facts: FactWords
    standalone: bool
    row: int
    claim: str | None


def concepts_of(text: str) -> frozenset[tuple[str, str]]:
    """Stemmed word bigrams of ``text`` that are not two stop words."""
    toks = tokens(text)
    plain = tokens(text, stemming=False)
    return frozenset((a, b) for (a, b), (pa, pb) in zip(zip(toks, toks[1:]), zip(plain, plain[1:]))
                     if not (pa in STOP_WORDS and pb in STOP_WORDS))


def _candidates(docs: list[AnnotatedArticle], claims: list[Claim],
                row_of: dict[str, int]) -> list[Candidate]:
    claim_of = {s.id: c.id for c in claims if len(c.sources) > 1 for s in c.sentences}
    out = []
    for d, doc in enumerate(docs):
        for i, sentence in enumerate(doc.sentences):
            text = clean_text(sentence.text)
            out.append(Candidate(d, sentence, text, len(text.split()), concepts_of(text),
                                 fact_words(doc.tokens[i]), can_stand_alone(doc, i),
                                 row_of.get(sentence.id, -1), claim_of.get(sentence.id)))
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


def same_fact(a: Candidate, b: Candidate, sims: np.ndarray, threshold: float | None = None) -> bool:
    """Whether two sentences state one fact: one claim, close sentences, or shared fact words
    (Dice at least ``threshold``, ``SAME_FACT`` unless given)."""
    if a.claim is not None and a.claim == b.claim:
        return True
    if a.row >= 0 and b.row >= 0 and sims[a.row, b.row] >= REDUNDANCY:
        return True
    return dice(a.facts, b.facts) >= (SAME_FACT if threshold is None else threshold)


def _repeats(c: Candidate, chosen: list[Candidate], sims: np.ndarray) -> bool:
    for other in chosen:
        if same_fact(c, other, sims):
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


def _sources(c: Candidate, candidates: list[Candidate], sims: np.ndarray) -> list[str]:
    """The articles that state line ``c``: its own and every one with a sentence of its fact."""
    return sorted({o.sentence.article_id for o in candidates
                   if o is c or same_fact(c, o, sims, CITE_FACT)})


def summarize(docs: list[AnnotatedArticle], claims: list[Claim], sims: np.ndarray,
              row_of: dict[str, int], limit: int) -> list[SummaryLine]:
    """Up to ``limit`` lines: the main event first, then the most important developments."""
    candidates = _candidates(docs, claims, row_of)
    weights = concept_weights(docs, candidates)
    lengths = [sum(len(s.text.split()) for s in doc.sentences) for doc in docs]
    budget = BUDGET_SHARE * sum(lengths) / max(len(lengths), 1)
    chosen = select(candidates, weights, sims, limit, budget)
    return [SummaryLine(c.text, _sources(c, candidates, sims)) for c in chosen]
