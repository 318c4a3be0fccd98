"""The story summary: what happened, main event first, each line cited with every article
that states it.

1. Every sentence is a candidate; a candidate that leans on a missing antecedent or quotes
   without its speaker may not be a line (``storyline.brief.standalone``).
2. A candidate's *support* is the number of articles that state its fact (``brief.facts``:
   shared names, numbers, dates and content words; stricter than the facts stage's grouping,
   which pairs loose paraphrases for the conflict checks: with those groups, NeuS val ROUGE-2
   fell from 19.35 to 19.00 as more leads blocked each other). A line
   cites the articles whose closest sentence states its fact and has the line as its own
   closest in the line's article (a mutual best match, so a long article that mentions the
   topic everywhere is not cited for every line).
3. Salience follows the concept coverage of Gillick & Favre (2009): a concept is a stemmed word
   bigram, worth the number of articles (and titles) using it.
4. Lines are picked greedily: the fact most outlets state first (support), then the most new
   shared content per word (favouring opening sentences); a candidate stating the fact of a line
   already chosen is skipped; the summary stops at ``limit`` lines or its word budget.
Lines are source sentences, word for word apart from a leading dateline or newsletter label.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.brief.facts import FactWords, dice_matrix, fact_words
from storyline.brief.rouge import tokens
from storyline.brief.standalone import POSSESSIVE, can_stand_alone, clean_text, short_names
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Sentence, SummaryLine

Concept = tuple[str, str]

#: Weight of a concept met in an article's title, on top of its body (NeuS val; 0-3 alike).
TITLE_WEIGHT = 1.0
#: Gain per word is gain / words ** LENGTH_POWER: 0 prefers long lines, 1 short ones (NeuS val).
LENGTH_POWER = 0.5
#: Multiplier of a sentence's gain by its position in its article (lead first; NeuS val).
POSITION = (1.5, 1.2, 1.0)
#: The summary's length in words is at most this many times the story's mean article length
#: (the first line always fits): short coverage gets a short summary (NeuS val: human
#: roundups run about 0.4 of the three articles' length; 1.2-1.8 scored alike).
BUDGET_SHARE = 1.6
#: Two sentences whose fact words overlap this much (weighted Dice, ``brief.facts``) state one
#: fact: only one of them may be a line, and every article with such a sentence is cited for
#: it. Hand-read on 32 (line, best sentence of another article) pairs of NeuS val: 14 of 15
#: same-fact pairs reach 0.26, 2 of 17 different-fact pairs do. On NeuS val 46% of pairs of
#: the outlets' leads reach it, and 6% of pairs of sentences of one article. ROUGE-2 on NeuS
#: val is 19.2-19.8 for 0.24-0.28.
SAME_FACT = 0.26


@dataclass(eq=False)
class Candidate:
    """A sentence that may become a summary line, with what selection needs to know of it."""

    doc: int
    sentence: Sentence
    text: str
    words: int
    concepts: frozenset[Concept]
    index: int = 0  # row in the story's fact-overlap matrix
    support: int = 1  # articles stating its fact
    short_names: frozenset[str] = frozenset()  # people named by one word only ("Ri")
    full_names: frozenset[str] = frozenset()  # last words of people named in full


def concepts_of(text: str) -> frozenset[Concept]:
    """Stemmed word bigrams of ``text`` that are not two stop words."""
    stems, plain = tokens(text), tokens(text, stemming=False)
    return frozenset((a, b) for (a, b), (pa, pb) in zip(zip(stems, stems[1:]), zip(plain, plain[1:]))
                     if not (pa in STOP_WORDS and pb in STOP_WORDS))


class FactMap:
    """The candidates of one story and the fact relation between them."""

    def __init__(self, docs: list[AnnotatedArticle]) -> None:
        self.candidates: list[Candidate] = []
        facts: list[FactWords] = []
        for d, doc in enumerate(docs):
            for i, sentence in enumerate(doc.sentences):
                text = clean_text(sentence.text)
                short, full = short_names(doc, i)
                self.candidates.append(Candidate(
                    d, sentence, text, len(text.split()), concepts_of(text), len(facts),
                    short_names=short, full_names=full))
                facts.append(fact_words(doc.tokens[i]))
        overlap = dice_matrix(facts) if facts else np.zeros((0, 0))
        #: same[i, j]: sentences i and j state one fact (enough shared fact words)
        self.same = overlap >= SAME_FACT
        self.article_ids = [d.id for d in docs]
        doc_of = np.array([c.doc for c in self.candidates], dtype=int)
        in_doc = np.zeros((len(self.candidates), len(docs)), dtype=bool)
        in_doc[np.arange(len(self.candidates)), doc_of] = True
        #: said[i, d]: article d has a sentence stating the fact of sentence i (its support)
        self.said = (self.same.astype(np.float32) @ in_doc.astype(np.float32)) > 0
        #: stated[i, d]: ... and the two sentences are each other's closest (its citations)
        self.stated = _stated(overlap, self.same, doc_of, len(docs))
        self.known_names = _known_names(docs, self.candidates)
        self.docs = docs
        self._standalone: dict[int, bool] = {}
        for c in self.candidates:
            self.stated[c.index, c.doc] = self.said[c.index, c.doc] = True
            c.support = int(self.said[c.index].sum())

    def standalone(self, c: Candidate) -> bool:
        """Whether ``c`` may be a line on its own (computed when first asked)."""
        if c.index not in self._standalone:
            self._standalone[c.index] = can_stand_alone(self.docs[c.doc], c.sentence.index)
        return self._standalone[c.index]

    def same_fact(self, a: Candidate, b: Candidate) -> bool:
        """Whether two sentences state one fact: enough shared fact words."""
        return bool(self.same[a.index, b.index])

    def sources(self, c: Candidate) -> list[str]:
        """The articles that state ``c``: its own and every one with a sentence of its fact."""
        return sorted(self.article_ids[d] for d in np.flatnonzero(self.stated[c.index]))


def _stated(overlap: np.ndarray, same: np.ndarray, doc_of: np.ndarray, n_docs: int) -> np.ndarray:
    """stated[i, d]: the sentence of article d closest to sentence i states its fact, and
    sentence i is the closest of its own article to that sentence (a mutual best match)."""
    n = len(doc_of)
    stated = np.zeros((n, n_docs), dtype=bool)
    best_in = np.full((n, n_docs), -1, dtype=int)  # best_in[i, d]: i's closest sentence in d
    for d in range(n_docs):
        members = np.flatnonzero(doc_of == d)
        if members.size:
            best_in[:, d] = members[np.argmax(overlap[:, members], axis=1)]
    rows = np.arange(n)
    for d in range(n_docs):
        j = best_in[:, d]
        if (j < 0).any():  # an article without sentences states nothing
            continue
        stated[:, d] = same[rows, j] & (best_in[j, doc_of] == rows)
    return stated


def _known_names(docs: list[AnnotatedArticle], candidates: list[Candidate]) -> frozenset[str]:
    """One-word names a reader is expected to know: used alone in a headline ("Trump responds
    ...") or in an article's opening sentence."""
    in_leads: dict[str, set[int]] = {}
    for c in candidates:
        if c.sentence.index == 0:
            for name in c.short_names:
                in_leads.setdefault(name, set()).add(c.doc)
    words = {POSSESSIVE.sub("", w.strip(".,:;!?\"“”")) for doc in docs for w in (doc.article.title or "").split()}
    return frozenset(in_leads) | frozenset(n for c in candidates for n in c.short_names if n in words)


def concept_weights(docs: list[AnnotatedArticle], candidates: list[Candidate]) -> dict[Concept, float]:
    """Each concept's worth: the number of articles using it plus ``TITLE_WEIGHT`` for each title
    using it; a concept used by one text only is worth nothing."""
    bodies: dict[Concept, set[int]] = {}
    for c in candidates:
        for concept in c.concepts:
            bodies.setdefault(concept, set()).add(c.doc)
    titles: dict[Concept, int] = {}
    for doc in docs:
        for concept in concepts_of(doc.article.title or ""):
            titles[concept] = titles.get(concept, 0) + 1
    return {k: len(v) + TITLE_WEIGHT * titles.get(k, 0) for k, v in bodies.items()
            if len(v) + titles.get(k, 0) >= 2}


def select(story: FactMap, weights: dict[Concept, float], limit: int, budget: float) -> list[Candidate]:
    """Greedy: the best supported fact first, then the most new shared content per word; no
    fact twice, standalone sentences only, within ``budget`` words (the first line always)."""
    valued = {c.index: {k: weights[k] for k in sorted(c.concepts) if k in weights} for c in story.candidates}
    scale = {c.index: POSITION[min(c.sentence.index, len(POSITION) - 1)] / max(c.words, 1) ** LENGTH_POWER
             for c in story.candidates}
    chosen: list[Candidate] = []
    covered: set[Concept] = set()
    blocked = np.zeros(len(story.candidates), dtype=bool)  # states the fact of a chosen line
    used = 0
    introduced = story.known_names
    while len(chosen) < limit:
        scored = [(scale[c.index] * sum(v for k, v in valued[c.index].items() if k not in covered), c)
                  for c in story.candidates
                  if not blocked[c.index] and (not chosen or used + c.words <= budget)
                  and c.short_names <= introduced]
        scored.sort(key=lambda s: (-s[1].support, -s[0], s[1].sentence.index, s[1].doc))
        best = next((c for gain, c in scored if gain > 0 and story.standalone(c)), None)
        if best is None and not chosen:  # nothing shared: the first standalone sentence
            best = next((c for _, c in scored if story.standalone(c)), None)
        if best is None:
            break
        chosen.append(best)
        blocked |= story.same[best.index]
        blocked[best.index] = True
        introduced |= best.full_names
        covered |= best.concepts
        used += best.words
    return chosen


def summarize(docs: list[AnnotatedArticle], limit: int) -> list[SummaryLine]:
    """Up to ``limit`` lines: the main event first, then the most important developments."""
    story = FactMap(docs)
    weights = concept_weights(docs, story.candidates)
    lengths = [sum(len(s.text.split()) for s in doc.sentences) for doc in docs]
    budget = BUDGET_SHARE * sum(lengths) / max(len(lengths), 1)
    return [SummaryLine(c.text, story.sources(c)) for c in select(story, weights, limit, budget)]
