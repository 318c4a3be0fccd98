"""Conflicts: where sources contradict each other, found by comparing the details of what
they say about the same thing (no NLI model is available offline, and none is needed for the
contradictions news copy actually contains: years, numbers, kin terms, negation).

Detectors:
- ``year_conflicts``: the same rare anchor (a place, person or body named in one or two
  sentences of an article) dated to different years by different articles, the year taken
  nearest the anchor ("the acting ambassador to Kuwait, Ryu Hyun-woo, in 2021");
- ``kin_conflicts``: who was with whom ("his wife and children" / "wife and son" / "wife and kid");
- ``claim_conflicts``: inside one aligned claim, different numbers or a negated verb.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from storyline.claims.align import SentenceFeatures
from storyline.claims.figures import compatible_units
from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Claim, Conflict, Figure, Position, TimeRef

#: An anchor named in more than this share of a story's articles is its subject, not a detail.
RARE_ANCHOR_SHARE = 0.6
#: Two sentences dating one anchor must share at least this much else (sentence cosine).
YEAR_PAIR_MIN_SIMILARITY = 0.12
ANCHOR_TYPES = {"GPE", "PERSON", "ORG", "FAC"}
#: A negated and an affirmed sentence contradict only when they are this close otherwise.
NEGATION_MIN_SIMILARITY = 0.5
KIN = re.compile(r"\b(wife|husband|spouse|partner)\s+and\s+(?:(?:their|his|her)\s+)?"
                 r"(?:(two|three|four|\d+)\s+)?(children|child|kids|kid|sons|son|daughters|daughter)\b",
                 re.I)
KIN_NUMBER = {"children": "plural", "kids": "plural", "sons": "plural", "daughters": "plural",
              "child": "one", "kid": "one", "son": "one", "daughter": "one"}
KIN_SEX = {"son": "m", "sons": "m", "daughter": "f", "daughters": "f"}
NEGATION = re.compile(r"\b(?:not|never|no longer|denied|unable to|refused to)\b|n['’]t\b", re.I)


def _positions(values: dict[str, list[tuple[str, str]]]) -> list[Position]:
    result = []
    for value, hits in sorted(values.items(), key=lambda kv: (-len({a for a, _ in kv[1]}), kv[0])):
        sources = sorted({a for a, _ in hits})
        result.append(Position(value, hits[0][1], sources))
    return result


def _nearest_year(anchor_start: int, anchor_end: int, years: list[tuple[int, str]]) -> str | None:
    if not years:
        return None
    def distance(item: tuple[int, str]) -> int:
        offset = item[0]
        return offset - anchor_end if offset >= anchor_end else (anchor_start - offset) + 5
    return min(years, key=distance)[1]


def year_conflicts(docs: list[AnnotatedArticle], index: EntityIndex, dates: list[TimeRef],
                   feats: dict[str, SentenceFeatures], sims: np.ndarray,
                   row_of: dict[str, int]) -> list[Conflict]:
    years_in: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    doc_by_id = {doc.id: doc for doc in docs}
    for d in dates:
        if d.precision == "year" and d.qualifier not in ("since", "until", "by") and not d.approximate:
            years_in[(d.article_id, d.sentence)].append((_offset(doc_by_id, d), d.date[:4]))
    share = defaultdict(set)
    for e in index.entities:
        share[e.id] = set(e.sources)
    dated: dict[str, dict[str, list[tuple[str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for doc in docs:
        per_entity_sentences: dict[str, set[int]] = defaultdict(set)
        for m in doc.mentions:
            entity = index.entity_of(m)
            if entity:
                per_entity_sentences[entity.id].add(m.sentence)
        for m in doc.mentions:
            entity = index.entity_of(m)
            if (entity is None or entity.type not in ANCHOR_TYPES
                    or len(per_entity_sentences[entity.id]) > 2
                    or len(share[entity.id]) > RARE_ANCHOR_SHARE * len(docs)):
                continue
            year = _nearest_year(m.start, m.end, years_in.get((doc.id, m.sentence), []))
            if year:
                sid = f"{doc.id}:{m.sentence}"
                dated[entity.id][year].append((doc.id, doc.sentences[m.sentence].text, sid))
    conflicts = []
    for eid, by_year in dated.items():
        if len(by_year) < 2 or not _years_corroborate(by_year, sims, row_of):
            continue
        entity = index.get(eid)
        positions = _positions({y: [(a, t) for a, t, _ in hits] for y, hits in by_year.items()})
        if len({a for p in positions for a in p.sources}) < 2:
            continue
        conflicts.append(Conflict(f"When (year) for {entity.name if entity else eid}", "year", positions))
    return conflicts


def _years_corroborate(by_year: dict[str, list[tuple[str, str, str]]], sims: np.ndarray,
                       row_of: dict[str, int]) -> bool:
    """Different years from different articles whose sentences are about the same thing."""
    groups = list(by_year.values())
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            for a, _, sa in first:
                for b, _, sb in second:
                    if a != b and sims[row_of[sa], row_of[sb]] >= YEAR_PAIR_MIN_SIMILARITY:
                        return True
    return False


def _offset(docs: dict[str, AnnotatedArticle], ref: TimeRef) -> int:
    doc = docs[ref.article_id]
    sentence = doc.sentences[ref.sentence]
    found = doc.article.text.find(ref.expression, sentence.start, sentence.end)
    return found if found >= 0 else sentence.start


def _kin_compatible(values: set[str]) -> bool:
    numbers = {KIN_NUMBER[v] for v in values}
    sexes = {KIN_SEX[v] for v in values if v in KIN_SEX}
    return len(numbers) <= 1 and len(sexes) <= 1


def kin_conflicts(docs: list[AnnotatedArticle], subject: str | None) -> list[Conflict]:
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc in docs:
        for sentence in doc.sentences:
            for match in KIN.finditer(sentence.text):
                values[match[3].lower()].append((doc.id, sentence.text))
    if len(values) < 2 or _kin_compatible(set(values)):
        return []
    who = f" of {subject}" if subject else ""
    return [Conflict(f"Family members{who}: {', '.join(sorted(values))}", "kin", _positions(values))]


def claim_conflicts(claims: list[Claim], figures: list[Figure], sims: np.ndarray,
                    row_of: dict[str, int]) -> list[Conflict]:
    by_sentence: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for f in figures:
        by_sentence[(f.article_id, f.sentence)].append(f)
    conflicts = []
    for claim in claims:
        if len(claim.sources) < 2:
            continue
        numbers: dict[str, list[tuple[str, str]]] = defaultdict(list)
        units = {}
        for s in claim.sentences:
            for f in by_sentence.get((s.article_id, s.index), []):
                numbers[f"{f.value:g}"].append((s.article_id, s.text))
                units[f"{f.value:g}"] = f.unit
        distinct = [v for v in numbers if len({a for a, _ in numbers[v]}) < len(claim.sources)]
        if len(numbers) >= 2 and len(distinct) == len(numbers) and _same_unit(units):
            conflicts.append(Conflict(f"How many: {claim.text[:80]}", "number", _positions(numbers)))
        neg = [s for s in claim.sentences if NEGATION.search(s.text)]
        aff = [s for s in claim.sentences if not NEGATION.search(s.text)]
        negated = {s.article_id for s in neg}
        if neg and aff and max(sims[row_of[a.id], row_of[b.id]] for a in neg for b in aff) >= NEGATION_MIN_SIMILARITY:
            split = {"negated": [(s.article_id, s.text) for s in claim.sentences if s.article_id in negated],
                     "affirmed": [(s.article_id, s.text) for s in claim.sentences if s.article_id not in negated]}
            conflicts.append(Conflict(f"Whether: {claim.text[:80]}", "negation", _positions(split)))
    return conflicts


def _same_unit(units: dict[str, str]) -> bool:
    values = list(units.values())
    return all(compatible_units(values[0], u) for u in values[1:]) and any(values)
