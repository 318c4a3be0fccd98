"""Conflicts: the same slot of the same fact given incompatible values by different articles.

One module per kind. Fact-level checks (number, date, negation, kin, actor) read pairs of
sentences of one ``Fact`` and return ``Disagreement``s, merged here per slot into one
``Conflict`` with a reason; story-level checks read one referent across the story (a person's
age, spelling or title; a speaker's quote; a tally; who was with whom) and return conflicts.
No NLI model exists offline: every check compares typed values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from storyline.claims.facts import Fact
from storyline.claims.slots import SentenceView
from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Conflict, Position, Quote


@dataclass(frozen=True)
class Disagreement:
    """Two sentences of one fact giving one slot two incompatible values."""

    kind: str
    slot: str  # what both report ("the number of people killed", "the day the House voted")
    value_a: str
    a: SentenceView
    value_b: str
    b: SentenceView


@dataclass
class Evidence:
    """What the checks read besides a fact: the story's documents, entities and quotes."""

    docs: list[AnnotatedArticle]
    index: EntityIndex
    quotes: list[Quote] = field(default_factory=list)
    outlet_of: dict[str, str] = field(default_factory=dict)
    sims: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    row_of: dict[str, int] = field(default_factory=dict)  # sentence id -> row of ``sims``
    views: list[SentenceView] = field(default_factory=list)  # every sentence, short ones too ("She was 87.")

    @cached_property
    def texts(self) -> dict[str, str]:
        """Article id -> text (the checks read words around a slot in the article)."""
        return {d.id: d.article.text for d in self.docs}

    @cached_property
    def doc_of(self) -> dict[str, AnnotatedArticle]:
        """Article id -> the annotated article."""
        return {d.id: d for d in self.docs}

    def similarity(self, a: SentenceView, b: SentenceView) -> float:
        i, j = self.row_of.get(a.sentence.id), self.row_of.get(b.sentence.id)
        return float(self.sims[i, j]) if i is not None and j is not None else 0.0


FactCheck = Callable[[Fact, Evidence], Iterable[Disagreement]]
StoryCheck = Callable[[list[Fact], Evidence], Iterable[Conflict]]


def fact_of(facts: list[Fact]) -> dict[str, str]:
    """Sentence id -> the id of the fact holding it: the finders across facts (``lead``,
    ``number_across``, ``negation_apart``) skip pairs one fact already compares."""
    return {v.sentence.id: f.id for f in facts for v in f.views}


def in_reading_order(views: Iterable[SentenceView]) -> list[tuple[SentenceView, SentenceView | None]]:
    """Each sentence once, in article order, with the sentence before it in its article when that
    one is among ``views`` (the checks that bind "He was 87." to the person named just before)."""
    ordered = sorted({id(v): v for v in views}.values(), key=lambda v: (v.article_id, v.sentence.index))
    by_index = {(v.article_id, v.sentence.index): v for v in ordered}
    return [(v, by_index.get((v.article_id, v.sentence.index - 1))) for v in ordered]


def cite(values: dict[str, list[tuple[str, str]]], value: str, article_id: str, text: str) -> None:
    """Count (article, sentence) once among the sources of ``value``."""
    hits = values.setdefault(value, [])
    if (article_id, text) not in hits:
        hits.append((article_id, text))


def positions_of(values: dict[str, list[tuple[str, str]]]) -> list[Position]:
    """Positions from value -> [(article, sentence text)], most-cited value first."""
    result = []
    for value, hits in sorted(values.items(), key=lambda kv: (-len({a for a, _ in kv[1]}), kv[0])):
        sources = sorted({a for a, _ in hits})
        result.append(Position(value, hits[0][1], sources))
    return result


def reason_for(slot: str, positions: list[Position], outlet_of: dict[str, str] | None = None) -> str:
    """One sentence: what the positions share and what differs; says when outlets agree against one."""
    outlet_of = outlet_of or {}
    values = " vs ".join(f'"{p.value}"' for p in positions)
    counts = [len({outlet_of.get(a, a) for a in p.sources}) for p in positions]
    if len(positions) == 2 and counts[0] >= 2 and counts[1] == 1:
        return (f"{counts[0]} sources agree on {slot} as \"{positions[0].value}\" against one that "
                f"says \"{positions[1].value}\"")
    return f"both report {slot}: {values}"


def conflict_of(kind: str, slot: str, values: dict[str, list[tuple[str, str]]],
                outlet_of: dict[str, str] | None = None) -> Conflict:
    positions = positions_of(values)
    return Conflict(slot[:1].upper() + slot[1:], kind, positions, reason_for(slot, positions, outlet_of))


def per_referent(kind: str, what: str, found: dict[str, dict[str, dict[str, str]]],
                 evidence: Evidence) -> list[Conflict]:
    """Conflicts over one referent's attribute (``found``: entity id -> article -> value -> sentence);
    an article giving two values tells two times apart and is left out."""
    conflicts = []
    for eid, per_article in sorted(found.items()):
        values: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for article, given in sorted(per_article.items()):
            if len(given) == 1:
                value, text = next(iter(given.items()))
                values[value].append((article, text))
        if len(values) >= 2:
            entity = evidence.index.get(eid)
            conflicts.append(conflict_of(kind, f"the {what} of {entity.name if entity else eid}", values,
                                         evidence.outlet_of))
    return conflicts


def merge(disagreements: Iterable[Disagreement], outlet_of: dict[str, str]) -> list[Conflict]:
    """One conflict per (kind, slot) of a fact, with every value and the articles giving it."""
    by_slot: dict[tuple[str, str], dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for d in disagreements:
        values = by_slot[(d.kind, d.slot)]
        for value, view in ((d.value_a, d.a), (d.value_b, d.b)):
            cite(values, value, view.article_id, view.text)
    conflicts = []
    for (kind, slot), values in by_slot.items():
        owners: dict[str, set[str]] = defaultdict(set)
        for value, hits in values.items():
            for article, _ in hits:
                owners[article].add(value)
        if len(values) >= 2 and any(len(v) == 1 for v in owners.values()):
            conflicts.append(conflict_of(kind, slot, values, outlet_of))
    return conflicts


def find_conflicts(facts: list[Fact], near: list[Fact], evidence: Evidence) -> tuple[list[Conflict], set[str]]:
    """Every conflict of the story (``near``: sentence pairs close enough to compare that the
    grouping put in different facts), and the ids of the facts they dispute."""
    from storyline.claims.conflicts import (
        actor,
        age,
        date,
        kin,
        lead,
        name,
        negation,
        negation_apart,
        number,
        number_across,
        period,
        quote,
        title,
    )

    fact_checks: list[FactCheck] = [number.check, date.check, date.named_years, date.records, period.check,
                                     negation.check, actor.check]
    story_checks: list[StoryCheck] = [number.tallies, number_across.across, date.years, lead.check, kin.family,
                                      age.check, name.check, title.check, quote.check, negation_apart.unpaired]
    conflicts: list[Conflict] = []
    disputed: set[str] = set()
    # counts in loose pairs were false alarms; a figure's period reads equal counts only
    near_checks: list[FactCheck] = [date.check, date.records, period.check, negation.check]
    for fact, checks in [(f, fact_checks) for f in facts] + [(f, near_checks) for f in near]:
        if len(fact.sources) < 2:
            continue
        found = merge((d for check in checks for d in check(fact, evidence)), evidence.outlet_of)
        if found:
            disputed.add(fact.id)
            conflicts += found
    for story_check in story_checks:
        conflicts += story_check(facts, evidence)
    texts = {p.text for c in conflicts for p in c.positions}
    disputed |= {f.id for f in facts if len(f.sources) >= 2 and any(v.text in texts for v in f.views)}
    return _dedupe(conflicts), disputed


#: Kinds that name a slot more exactly than another check finding the same values on the same
#: sentences ("Smith, 45," / "Smith, 48,": an age, not "the number arrested").
SPECIFIC_KINDS = ("age",)


def _dedupe(conflicts: list[Conflict]) -> list[Conflict]:
    """The same values on the same sentences found by two checks: keep the more specific kind,
    else the first."""
    def key(c: Conflict) -> tuple[str, ...]:
        return tuple(sorted(f"{p.value}|{p.text}" for p in c.positions))

    seen: set[tuple[str, ...]] = {key(c) for c in conflicts if c.kind in SPECIFIC_KINDS}
    result = []
    for c in conflicts:
        k = key(c)
        if c.kind in SPECIFIC_KINDS or k not in seen:
            seen.add(k)
            result.append(c)
    return result
