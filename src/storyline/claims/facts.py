"""Facts: sentences of different articles that state the same event or state with the same
participants, grouped so that outlets' paraphrases of one fact end up together.

Two sentences are candidates when their IDF cosine (content lemmas + entity ids, see ``align``)
is high, or when it is moderate and they share both a participant (an entity) and the
predicate (a content verb lemma or the counted noun of a number). A sentence joins a fact when
it is close enough to every sentence already in it and its article is not there yet (one
sentence per article: a fact is what each outlet says about one thing). Every conflict check
runs on the pairs of a fact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np

from storyline.claims.align import SentenceFeatures, similarity_matrix
from storyline.claims.slots import SentenceView
from storyline.records import Claim, content_id

#: Cosine at which two sentences of different articles state the same fact on words alone.
#: Tuned by hand on the seed story; checked with the injection benchmark (NeuS val, ECB+ dev).
ALIGN_THRESHOLD = 0.34
#: Cosine at which sentences sharing a participant and a predicate state the same fact
#: (paraphrases: "struck"/"hit" share the place and the toll). Tuned on NeuS val injections.
ANCHORED_THRESHOLD = 0.22
#: Every member of a fact must be at least this close to every other member.
LINK_FLOOR = 0.18
#: Articles of one story open with its main event: their first sentences state one fact at this
#: cosine already. Tuned on NeuS val injections (leads paraphrase: "ruled Monday" / "ordered on Monday").
LEAD_THRESHOLD = 0.18
#: Paraphrases that share few words: WordLlama cosine is rescaled so that this value (other
#: sentences of one story sit at 0.4-0.5 on NeuS val) maps to 0 and 1.0 to 1.
USE_EMBEDDINGS = True
EMBED_ZERO = 0.45


@dataclass
class Fact:
    """One fact: the sentences (one per article) that state it."""

    id: str
    views: list[SentenceView]
    sims: np.ndarray  # pairwise similarity of ``views``

    @property
    def sources(self) -> list[str]:
        return sorted({v.article_id for v in self.views})

    def pairs(self) -> Iterator[tuple[SentenceView, SentenceView, float]]:
        """Every pair of differently worded sentences of different articles, in a stable order."""
        for i, a in enumerate(self.views):
            for j in range(i + 1, len(self.views)):
                b = self.views[j]
                if a.article_id != b.article_id and a.text != b.text:  # the same words cannot disagree
                    yield a, b, float(self.sims[i, j])


def is_lead(view: SentenceView) -> bool:
    """The first sentence of an article: in news, the main event (who, what, when)."""
    return view.sentence.index == 0


def _anchored(a: SentenceView, b: SentenceView) -> bool:
    """Same participant and same predicate."""
    return bool(a.entity_ids & b.entity_ids) and bool(a.predicates & b.predicates)


def _worth_comparing(a: SentenceView, b: SentenceView) -> bool:
    """A pair the near-pair checks (dates, negation) can say something about."""
    return bool(a.times and b.times) or a.has_negator or b.has_negator


def _candidate_pairs(items: list[SentenceFeatures], views: list[SentenceView], keep: list[int],
                     sims: np.ndarray) -> list[tuple[float, int, int]]:
    """Pairs of statements from different articles that may state one fact, most similar first."""
    idx = np.array(keep, dtype=int)
    if idx.size < 2:
        return []
    article = np.array([items[i].sentence.article_id for i in keep])
    sub = sims[np.ix_(idx, idx)]
    mask = np.triu(sub >= ANCHORED_THRESHOLD, 1) & (article[:, None] != article[None, :])
    rows, cols = np.nonzero(mask)
    pairs = []
    for r, c in zip(rows.tolist(), cols.tolist()):
        a, b = int(idx[r]), int(idx[c])
        if sub[r, c] >= ALIGN_THRESHOLD or _anchored(views[a], views[b]):
            pairs.append((float(sub[r, c]), a, b))
    leads = [i for i in keep if is_lead(views[i])]
    for x, a in enumerate(leads):
        for b in leads[x + 1 :]:
            if views[a].article_id != views[b].article_id and LEAD_THRESHOLD <= sims[a, b] < ANCHORED_THRESHOLD:
                pairs.append((float(sims[a, b]), a, b))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def fact_similarity(items: list[SentenceFeatures], sims: np.ndarray) -> np.ndarray:
    """The larger of the word-overlap cosine (dates left out: they are slots the checks compare,
    and a changed date must not pull two statements of one fact apart) and the rescaled
    embedding cosine."""
    if any(it.slots for it in items):
        sims = similarity_matrix([replace(it, features=Counter({k: v for k, v in it.features.items()
                                                                if k not in it.slots})) for it in items])
    if not USE_EMBEDDINGS or not items:
        return sims
    from storyline.claims.embed import cosine_matrix

    embedded = cosine_matrix([it.sentence.text for it in items])
    return np.maximum(sims, np.clip((embedded - EMBED_ZERO) / (1 - EMBED_ZERO), 0, 1))


def group_facts(items: list[SentenceFeatures], views: list[SentenceView],
                word_sims: np.ndarray) -> tuple[list[Fact], list[Fact]]:
    """Greedy grouping with a complete-link floor; ``views[i]`` is the view of ``items[i]``.

    Returns the facts, and the candidate pairs the grouping left in different facts (a sentence
    may state two facts, or a third article's wording may have kept two paraphrases apart) as
    two-sentence facts: the slot checks read them too, the claims do not."""
    sims = fact_similarity(items, word_sims)
    keep = [i for i, it in enumerate(items) if it.is_statement]
    cluster_of = {i: i for i in keep}
    members: dict[int, list[int]] = {i: [i] for i in keep}
    candidates = _candidate_pairs(items, views, keep, sims)
    for _, a, b in candidates:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        articles_a = {items[i].sentence.article_id for i in members[ca]}
        if any(items[i].sentence.article_id in articles_a for i in members[cb]):
            continue
        floor = LEAD_THRESHOLD if is_lead(views[a]) and is_lead(views[b]) else LINK_FLOOR
        if min(sims[i, j] for i in members[ca] for j in members[cb]) < floor:
            continue
        for i in members[cb]:
            cluster_of[i] = ca
        members[ca] += members.pop(cb)
    facts = []
    for group in members.values():
        group = sorted(group, key=lambda i: (items[i].sentence.article_id, items[i].sentence.index))
        sentence_ids = sorted(items[i].sentence.id for i in group)
        facts.append(Fact(content_id("c", *sentence_ids), [views[i] for i in group],
                          sims[np.ix_(group, group)]))
    near = [Fact(content_id("p", items[a].sentence.id, items[b].sentence.id), [views[a], views[b]],
                 sims[np.ix_([a, b], [a, b])]) for _, a, b in candidates
            if cluster_of[a] != cluster_of[b] and _worth_comparing(views[a], views[b])]
    return facts, near


def claims_of(facts: list[Fact], outlet_of: dict[str, str], disputed: set[str]) -> list[Claim]:
    """The contract's claims: one per fact, with its status and the sentence that best states it."""
    claims = []
    for fact in facts:
        views = fact.views
        medoid = max(range(len(views)), key=lambda i: (float(fact.sims[i].sum()), -len(views[i].text)))
        outlets = {outlet_of.get(v.article_id, v.article_id) for v in views}
        status = "corroborated" if len(outlets) >= 2 else "single-source"
        if fact.id in disputed:
            status = "disputed"
        claims.append(Claim(fact.id, views[medoid].text, status, fact.sources, [v.sentence for v in views]))
    claims.sort(key=lambda c: (-len(c.sources), min(s.index for s in c.sentences)))
    return claims
