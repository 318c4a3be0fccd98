"""Conflicts outside aligned claims: tallies ("12 people were killed" / "14 dead") and ages
("the 52-year-old" / "54") that different articles give for the same thing."""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.claims.conflicts import positions_of
from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Conflict, Figure

#: Outcome words a tally counts; a figure within ``TALLY_WINDOW`` tokens of one is that tally.
OUTCOMES = {
    "killed": ("killed", "dead", "died", "deaths", "fatalities", "lives", "kills", "kill"),
    "injured": ("injured", "wounded", "hurt", "injuries"),
    "missing": ("missing", "unaccounted"),
    "arrested": ("arrested", "detained", "arrests", "charged"),
    "evacuated": ("evacuated", "displaced", "homeless"),
}
_OUTCOME_OF = {w: outcome for outcome, words in OUTCOMES.items() for w in words if " " not in w}
TALLY_WINDOW = 6
TALLY_LOOKBACK = 2  # "killed 15 people"
AGE = re.compile(r"\b(\d{1,3})-year-old\b")


def _outcome_near(doc: AnnotatedArticle, figure: Figure) -> str | None:
    tokens = doc.tokens[figure.sentence]
    start = doc.offset_of(figure.sentence, figure.expression)
    position = next((i for i, t in enumerate(tokens) if t.idx >= start), None)
    if position is None:
        return None
    best: tuple[int, str] | None = None
    for i in range(max(0, position - TALLY_LOOKBACK), min(len(tokens), position + TALLY_WINDOW + 1)):
        word = tokens[i].text.lower()
        outcome = _OUTCOME_OF.get(word)
        if outcome and i != position:
            distance = i - position if i > position else (position - i) * 2  # prefer the word after
            if best is None or distance < best[0]:
                best = (distance, outcome)
    return best[1] if best else None


def tally_conflicts(docs: list[AnnotatedArticle], figures: list[Figure]) -> list[Conflict]:
    by_doc = {d.id: d for d in docs}
    tallies: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for f in figures:
        outcome = _outcome_near(by_doc[f.article_id], f)
        if outcome:
            text = by_doc[f.article_id].sentences[f.sentence].text
            tallies[outcome][f"{f.value:g}"].append((f.article_id, text))
    conflicts = []
    for outcome, values in tallies.items():
        final = _latest_per_article(values)
        if len({v for v in final.values()}) >= 2:
            grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for article, value in final.items():
                grouped[value] += [hit for hit in values[value] if hit[0] == article]
            conflicts.append(Conflict(f"How many {outcome}", "tally", positions_of(grouped)))
    return conflicts


def _latest_per_article(values: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """Each article's highest figure for a tally (tolls rise as a story develops)."""
    best: dict[str, str] = {}
    for value, hits in values.items():
        for article, _ in hits:
            if article not in best or float(value) > float(best[article]):
                best[article] = value
    return best


def age_conflicts(docs: list[AnnotatedArticle], index: EntityIndex, subject_id: str | None) -> list[Conflict]:
    """Ages given to one person: the nearest person named in the sentence, else the story's subject."""
    ages: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for doc in docs:
        for sentence in doc.sentences:
            for match in AGE.finditer(sentence.text):
                person = _nearest_person(doc, index, sentence.index, sentence.start + match.start())
                who = person or subject_id
                if who:
                    ages[who][match[1]].append((doc.id, sentence.text))
    conflicts = []
    for who, values in ages.items():
        articles = {a for hits in values.values() for a, _ in hits}
        if len(values) >= 2 and len(articles) >= 2:
            entity = index.get(who)
            conflicts.append(Conflict(f"Age of {entity.name if entity else who}", "age", positions_of(values)))
    return conflicts


def _nearest_person(doc: AnnotatedArticle, index: EntityIndex, sentence: int, offset: int) -> str | None:
    people = [m for m in doc.mentions if m.sentence == sentence and (e := index.entity_of(m)) and e.type == "PERSON"]
    if not people:
        return None
    nearest = min(people, key=lambda m: abs(m.start - offset))
    return index.by_mention.get((nearest.article_id, nearest.start))
