"""Counts: a number with the nouns it counts and the interval its words allow ("at least 12
people" is 12 or more, "about 40" is 32-48, "up to 5" is 5 or fewer), so that approximations
and bounds are compatible with exact values inside them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from storyline.claims.figures import parse_number
from storyline.claims.slots import SentenceView
from storyline.timeline.resolver import NUMBER_WORDS

LOWER_BOUND = re.compile(r"\b(?:at least|more than|over|upwards of|no fewer than|in excess of)$", re.I)
UPPER_BOUND = re.compile(r"\b(?:up to|as many as|fewer than|less than|at most|under|no more than)$", re.I)
ABOUT = re.compile(r"\b(?:about|around|nearly|almost|some|roughly|approximately|an estimated|estimated|"
                   r"close to|just under|just over|more or less)$", re.I)
#: An approximate count covers this share either side of its value. Chosen by hand.
APPROX_SPREAD = 0.2
#: Words before a count that make it an increment ("an additional 200 million", "another 6.6 million").
ADDED = re.compile(r"\b(?:additional|another|further|extra)$", re.I)
#: Tokens that may stand between a number and the noun it counts ("two of his economic councils").
BRIDGE = {"of", "his", "her", "their", "its", "the", "a", "-", "new"}
#: A count followed by these is part of a larger one ("two other victims", "three more boys").
PARTIAL = {"other", "more", "additional", "remaining", "further", "others"}


TEENS_AND_TENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                  "seventeen": 17, "eighteen": 18, "nineteen": 19, "forty": 40, "sixty": 60, "seventy": 70,
                  "eighty": 80, "ninety": 90, "dozen": 12}


def number_value(text: str) -> float | None:
    """``parse_number`` plus the number words it does not know ("twelve", "forty")."""
    value = parse_number(text)
    if value is None:
        word = next((w for w in text.lower().split() if w in TEENS_AND_TENS), None)
        value = float(TEENS_AND_TENS[word]) if word else None
    return value


@dataclass(frozen=True)
class Count:
    value: float
    low: float
    high: float
    expression: str
    nouns: frozenset[str]
    position: int

    def compatible(self, other: Count) -> bool:
        return self.low <= other.high and other.low <= self.high


def _nouns(view: SentenceView, position: int, label: str) -> frozenset[str]:
    if label == "PERCENT":
        return frozenset({"percent"})
    if label == "MONEY":
        return frozenset({"money"})
    if label == "QUANTITY":  # "170,000-square-foot": the measure, not the noun after it
        return frozenset(w.lower() for w in re.findall(r"[A-Za-z]{2,}", view.tokens[position].text + " "))
    found: set[str] = set()
    part = ""
    for tok in view.tokens[position + 1 : position + 8]:
        if tok.pos == "NOUN" or (tok.ent == "NORP" and tok.text.endswith("s")):  # "100 million Americans"
            found.add(tok.lemma.lower())
        elif found:
            break  # the first run of nouns: "three boats" of "three boats of the pirates"
        elif tok.text.lower() in PARTIAL:
            part = "+"  # "two other victims", "200 million more doses": part of a count
        elif not (tok.pos in ("ADJ", "PROPN", "NUM", "DET") or tok.text.lower() in BRIDGE):
            break
    return frozenset(part + noun for noun in found)


_COUNTS: WeakKeyDictionary[SentenceView, list[Count]] = WeakKeyDictionary()


def counts(view: SentenceView, text: str) -> list[Count]:
    """The counts of one sentence; ``text`` is its article's text (for the words before a number).
    Read once per sentence: the number and date checks ask for every pair it is in."""
    if view not in _COUNTS:
        _COUNTS[view] = _read_counts(view, text)
    return _COUNTS[view]


def _read_counts(view: SentenceView, text: str) -> list[Count]:
    result = []
    for position, m in view.numbers:
        value = number_value(m.text)
        if not value or m.label not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        if value.is_integer() and 1800 <= value <= 2100 and not re.search(r"[,.$%]|\d\s*[a-z]", m.text):
            continue  # a year
        end = position + len(m.text.split()) - 1
        words = m.text.split()
        first = next((i for i, w in enumerate(words) if re.search(r"\d", w) or w.lower() in NUMBER_WORDS), 0)
        inside = words[:first]  # "more than" in "more than 80 percent"
        before = " ".join([text[max(0, m.start - 24) : m.start].rstrip(), *inside]) + " "
        low, high = value, value
        if LOWER_BOUND.search(before.rstrip()):
            high = math.inf
        elif UPPER_BOUND.search(before.rstrip()):
            low = 0.0
        elif ABOUT.search(before.rstrip()):
            low, high = value * (1 - APPROX_SPREAD), value * (1 + APPROX_SPREAD)
        nouns = _nouns(view, end, m.label)
        if ADDED.search(before.rstrip()):  # "an additional 200 million doses"
            nouns = frozenset(n if n.startswith("+") else "+" + n for n in nouns)
        result.append(Count(value, low, high, m.text, nouns, position))
    return result
