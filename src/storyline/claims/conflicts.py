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
SKIP_AFTER_NEGATION = {"be", "been", "being", "have", "has", "had", "yet", "to", "immediately", "the", "a"}
NEGATION = re.compile(r"\b(?:not|never|no longer|denied|unable to|refused to)\b|n['’]t\b", re.I)


def positions_of(values: dict[str, list[tuple[str, str]]]) -> list[Position]:
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
                   sims: np.ndarray, row_of: dict[str, int]) -> list[Conflict]:
    years_in: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    doc_by_id = {doc.id: doc for doc in docs}
    for d in dates:
        if d.precision == "year" and d.qualifier not in ("since", "until", "by") and not d.approximate:
            offset = doc_by_id[d.article_id].offset_of(d.sentence, d.expression)
            years_in[(d.article_id, d.sentence)].append((offset, d.date[:4]))
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
        positions = positions_of({y: [(a, t) for a, t, _ in hits] for y, hits in by_year.items()})
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
    return [Conflict(f"Family members{who}: {', '.join(sorted(values))}", "kin", positions_of(values))]


def _number_conflict(claim: Claim, by_sentence: dict[tuple[str, int], list[Figure]]) -> Conflict | None:
    """Different numbers (compatible units) in one aligned claim; numbers every source gives are ignored."""
    numbers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    units: dict[str, str] = {}
    for s in claim.sentences:
        for f in by_sentence.get((s.article_id, s.index), []):
            numbers[f"{f.value:g}"].append((s.article_id, s.text))
            units[f"{f.value:g}"] = f.unit
    disputed = {v: hits for v, hits in numbers.items() if len({a for a, _ in hits}) < len(claim.sources)}
    articles = {a for hits in disputed.values() for a, _ in hits}
    if len(disputed) >= 2 and len(articles) >= 2 and _same_unit({v: units[v] for v in disputed}):
        return Conflict(f"How many: {claim.text[:80]}", "number", positions_of(disputed))
    return None


def _negated_stems(text: str) -> set[str]:
    """Stems of the words a negation applies to ("did not respond" -> {"respo"})."""
    stems = set()
    for match in NEGATION.finditer(text):
        after = re.findall(r"[A-Za-z]+", text[match.end() : match.end() + 40])
        words = [w for w in after if not w.endswith("ly") and w.lower() not in SKIP_AFTER_NEGATION]
        if words:
            stems.add(words[0].lower()[:5])
    return stems


def _negation_conflict(claim: Claim, sims: np.ndarray, row_of: dict[str, int]) -> Conflict | None:
    """A sentence negates what an aligned sentence affirms, with the same verb ("did not confirm" /
    "confirmed"); a paraphrase ("overwhelmed" / "could not cope") is no contradiction."""
    neg = [s for s in claim.sentences if NEGATION.search(s.text)]
    aff = [s for s in claim.sentences if not NEGATION.search(s.text)]
    if not neg or not aff:
        return None
    stems = set().union(*(_negated_stems(s.text) for s in neg))
    affirmed = {w.lower()[:5] for s in aff for w in re.findall(r"[A-Za-z]+", s.text)}
    if not stems & affirmed:
        return None
    if max(sims[row_of[a.id], row_of[b.id]] for a in neg for b in aff) < NEGATION_MIN_SIMILARITY:
        return None
    split = {"negated": [(s.article_id, s.text) for s in neg], "affirmed": [(s.article_id, s.text) for s in aff]}
    return Conflict(f"Whether: {claim.text[:80]}", "negation", positions_of(split))


def _date_conflict(claim: Claim, dates_of: dict[tuple[str, int], list[TimeRef]]) -> Conflict | None:
    """One aligned claim dated to different days or months by different articles."""
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s in claim.sentences:
        refs = [r for r in dates_of.get((s.article_id, s.index), [])
                if r.precision in ("day", "month") and not r.approximate and r.qualifier is None]
        if len(refs) == 1:
            values[refs[0].date].append((s.article_id, s.text))
    precisions = {len(v) for v in values}
    if len(values) >= 2 and len(precisions) == 1 and not _nested(list(values)):
        return Conflict(f"When: {claim.text[:80]}", "date", positions_of(values))
    return None


def _nested(dates: list[str]) -> bool:
    return any(a != b and b.startswith(a) for a in dates for b in dates)


def claim_conflicts(claims: list[Claim], figures: list[Figure], dates: list[TimeRef], sims: np.ndarray,
                    row_of: dict[str, int]) -> list[Conflict]:
    """Conflicts inside aligned claims: numbers, dates and negation."""
    by_sentence: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for f in figures:
        by_sentence[(f.article_id, f.sentence)].append(f)
    dates_of: dict[tuple[str, int], list[TimeRef]] = defaultdict(list)
    for d in dates:
        dates_of[(d.article_id, d.sentence)].append(d)
    conflicts = []
    for claim in claims:
        if len(claim.sources) < 2:
            continue
        for found in (_number_conflict(claim, by_sentence), _date_conflict(claim, dates_of),
                      _negation_conflict(claim, sims, row_of)):
            if found:
                conflicts.append(found)
    return conflicts


def _same_unit(units: dict[str, str]) -> bool:
    values = list(units.values())
    return all(compatible_units(values[0], u) for u in values[1:]) and any(values)
