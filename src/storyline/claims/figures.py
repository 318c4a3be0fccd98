"""Figures: numbers with what they count ("2,700 defectors", "about 10 of the 196 defections")."""

from __future__ import annotations

import re
from collections import Counter

from storyline.nlp.annotate import AnnotatedArticle, Token
from storyline.records import Figure, FigureGroup
from storyline.timeline.resolver import NUMBER_WORDS

APPROX = re.compile(r"\b(about|around|nearly|almost|some|roughly|approximately|more than|over|"
                    r"less than|fewer than|as many as|up to|at least|at most|an estimated)\b", re.I)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 100,
          "dozen": 12}
#: Nouns that count people: figures counted in any of them can be the same figure.
PEOPLE = {"people", "persons", "person", "members", "defectors", "civilians", "residents",
          "workers", "soldiers", "troops", "victims", "migrants", "refugees", "students",
          "children", "adults", "patients", "passengers", "citizens", "individuals", "protesters"}


def parse_number(text: str) -> float | None:
    """'2,700' -> 2700, 'about ten' -> 10, '1.5 million' -> 1500000, '$3bn' -> 3e9."""
    lowered = text.lower().replace(",", "")
    match = re.search(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m|k)?\b", lowered)
    if match:
        value = float(match[1])
        scale = {"bn": 1e9, "m": 1e6, "k": 1e3}.get(match[2] or "", SCALES.get(match[2] or "", 1))
        return value * scale
    words = lowered.split()
    for i, word in enumerate(words):
        if word in NUMBER_WORDS and word not in ("a", "an", "several", "a few"):
            value = float(NUMBER_WORDS[word])
            if i + 1 < len(words) and words[i + 1] in SCALES:
                value *= SCALES[words[i + 1]]
            return value
    return None


def _unit(tokens: list[Token], end: int) -> str:
    """The counted noun after the number: skip adjectives and nationalities ("196 North Korean
    defectors" -> "defectors"); follow "of the N X" ("10 of the 196 defections")."""
    after = [t for t in tokens if t.idx >= end]
    words: list[str] = []
    for tok in after[:6]:
        if tok.pos in ("NOUN", "PROPN") or tok.ent == "NORP":
            words.append(tok.text)
            continue
        if tok.pos in ("ADJ", "NUM") and not words:
            continue
        if tok.text.lower() in ("of", "the") and not words:
            continue
        break
    nouns = [w for w in words if w[:1].islower()]
    if nouns:
        return nouns[-1].lower()
    return " ".join(words).strip()


def extract_figures(doc: AnnotatedArticle) -> list[Figure]:
    figures: list[Figure] = []
    last_unit: dict[int, str] = {}
    for m in doc.numbers:
        value = parse_number(m.text)
        if value is None or (value < 3 and not re.search(r"\d", m.text)):
            continue  # "two countries", "one of" are not figures anyone cross-checks
        tokens = doc.tokens[m.sentence]
        unit = _unit(tokens, m.end)
        inline = re.search(r"\d\s*([a-z%$€£]+)$", m.text.lower())
        if inline and not unit:
            unit = inline[1]
        if m.label == "PERCENT" or "%" in m.text or "percent" in m.text.lower():
            unit = "percent"
        elif m.label == "MONEY":
            unit = re.sub(r"[\d.,\s]|about|around|some|million|billion", "", m.text.lower()) or "money"
        if not unit:
            unit = last_unit.get(m.sentence, "")  # "196 defectors, down from 2,700 a decade ago"
        last_unit[m.sentence] = unit or last_unit.get(m.sentence, "")
        approx = bool(APPROX.search(m.text)) or bool(APPROX.search(
            doc.article.text[max(0, m.start - 14) : m.start]))
        figures.append(Figure(doc.id, m.sentence, value, unit, m.text, approx))
    return figures


#: Units of measure: a figure in one of these is only the same figure in the same unit.
MEASURES = {"percent", "kilograms", "kilogram", "kg", "km", "kilometers", "kilometres", "miles",
            "meters", "metres", "tons", "tonnes", "pounds", "hours", "minutes", "days", "weeks",
            "months", "years", "dollars", "euros", "money", "degrees", "feet", "acres"}


def compatible_units(a: str, b: str) -> bool:
    """Counts of things are compatible with each other; measures only with themselves."""
    if not a or not b:
        return True
    a, b = a.lower(), b.lower()
    if a in MEASURES or b in MEASURES or "$" in a + b:
        return a[:5] == b[:5]
    return True


def group_figures(figures: list[Figure], sentence_text: dict[str, str]) -> list[FigureGroup]:
    """One entry per (value, unit) across articles, citing every article that gives it;
    ``sentence_text`` maps a sentence id ("article:index") to its text."""
    groups: list[tuple[list[Figure], str]] = []
    for fig in figures:
        for members, unit in groups:
            if members[0].value == fig.value and compatible_units(unit, fig.unit):
                members.append(fig)
                break
        else:
            groups.append(([fig], fig.unit))
    result = []
    for members, _ in groups:
        units = [f.unit for f in members if f.unit]
        unit = Counter(units).most_common(1)[0][0] if units else ""  # ties: the first seen
        first = members[0]
        result.append(FigureGroup(first.value, unit, sentence_text[f"{first.article_id}:{first.sentence}"],
                                  sorted({f.article_id for f in members}),
                                  any(f.approximate for f in members)))
    result.sort(key=lambda g: (-len(g.sources), -g.value))
    return result
