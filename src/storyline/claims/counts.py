"""Counts: a number with the nouns it counts and the interval its words allow ("at least 12
people" is 12 or more, "about 40" is 32-48, "up to 5" is 5 or fewer, "800 or more"), so that
approximations and bounds are compatible with exact values inside them.

Lengths of time are counts too ("ten years of tax returns", "for 30 days", "about 15 minutes"):
the tagger labels them DATE, so they are read from the time expressions; ages ("17-year-old",
"at age 87") and windows reckoned back from the day of writing ("two years ago", "the past 24
hours") are not counts of the fact.
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
PARTIAL = {"other", "more", "additional", "remaining", "further", "others", "extra"}
#: Words after a number that bound it ("800 or more troops", "a dozen or so").
LOWER_AFTER = re.compile(r"^\s*(?:or more|or higher|plus)\b|^\+", re.I)
UPPER_AFTER = re.compile(r"^\s*(?:or fewer|or less|or under)\b", re.I)
ABOUT_AFTER = re.compile(r"^\s*or so\b", re.I)
#: "the 12000 block of": a street address, not a count.
ADDRESS = re.compile(r"^\s*blocks?\b", re.I)
#: Nouns that name one counted thing with different words ("two different kinds of tests" /
#: "twelve different types of tests", "grandkids" / "grandchildren"). Chosen by hand: general
#: English synonyms, nothing of one story.
SYNONYMS = {"kind": "type", "sort": "type", "variety": "type", "grandkid": "grandchild", "kid": "child",
            "reception": "catch", "youngster": "child", "automobile": "car", "vehicle": "car",
            "thief": "robber"}
_NUMERAL = (r"\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
            r"seventy|eighty|ninety|hundred|dozen")
#: "two of the three victims": the number after "of (the)" counts the whole a part is taken from.
WHOLE = re.compile(rf"\b(?:{_NUMERAL})\s+of(?:\s+the)?\s*$", re.I)
#: A length of time inside a time expression: "ten years", "30 days", "four nights", "three-hour".
DURATION = re.compile(rf"\b(?P<n>{_NUMERAL})(?:\s*-\s*|\s+)(?P<unit>seconds?|minutes?|hours?|days?|nights?|"
                      r"weeks?|months?|years?|decades?|centuries|century)\b(?!\s*-?\s*old)", re.I)
#: The units a length of time is counted in (the nouns of ``DURATION`` counts).
LENGTH_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century"})
#: Time expressions that are ages or windows back from the day of writing, not lengths of the fact.
NOT_A_LENGTH = re.compile(r"\b(?:old|age|ages|aged|ago|past|last|previous|prior|earlier)\b", re.I)


TEENS_AND_TENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                  "seventeen": 17, "eighteen": 18, "nineteen": 19, "forty": 40, "sixty": 60, "seventy": 70,
                  "eighty": 80, "ninety": 90, "dozen": 12}


#: Whole numbers written from this size on are read as rounded to their last non-zero digit
#: ("15,300"); smaller ones are exact ("300 rounds", "$100 million"). Chosen by hand.
ROUNDED_FROM = 1000


def rounding(expression: str, value: float) -> float:
    """Half the unit of the last digit an expression gives: 0.05e12 for "$1.4 trillion", 50 for
    "15,300", 0 for "300" and "$100 million" (small whole numbers are exact)."""
    found = re.search(r"\d[\d,]*(?:\.(\d+))?", expression)
    if not found:
        return 0.0
    written = float(found[0].replace(",", ""))
    scale = value / written if written else 1.0
    if found[1]:
        return 0.5 * 10 ** -len(found[1]) * scale
    digits = found[0].replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**zeros * scale if written >= ROUNDED_FROM and zeros else 0.0


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
    approximate: bool = False
    end: int = -1  # token position of the number's last word (``position`` when unknown)

    @property
    def is_length(self) -> bool:
        return bool(self.nouns & LENGTH_UNITS)

    @property
    def last(self) -> int:
        return self.end if self.end >= 0 else self.position

    def compatible(self, other: Count) -> bool:
        """Their intervals meet; two approximations must each fall in the other's interval
        ("about 40" / "about 45" agree, "about 300 rounds" / "about 391 rounds" do not); a value
        rounded agrees with the precise one ("$1.4 trillion" / "$1.37 trillion", "15,300" /
        "15,299")."""
        if abs(self.value - other.value) <= max(rounding(self.expression, self.value),
                                                rounding(other.expression, other.value)):
            return True
        if self.approximate and other.approximate:
            return self.low <= other.value <= self.high and other.low <= self.value <= other.high
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
            found.add(SYNONYMS.get(tok.lemma.lower(), tok.lemma.lower()))
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
        if ADDRESS.match(text[m.end : m.end + 12]) and text[max(0, m.start - 4) : m.start].lower().strip() == "the":
            continue  # "the 12000 block of East 223rd Street": an address
        end = position + len(m.text.split()) - 1
        words = m.text.split()
        first = next((i for i, w in enumerate(words) if re.search(r"\d", w) or w.lower() in NUMBER_WORDS), 0)
        before = " ".join([text[max(0, m.start - 24) : m.start].rstrip(), *words[:first]])  # "more than 80 percent"
        nouns = _nouns(view, end, m.label)
        if WHOLE.search(before):
            nouns = frozenset("all " + n for n in nouns)  # "two of the three victims": the whole, not what died
        result.append(_count(value, m.text, before, text[m.end : m.end + 12], nouns, position, end))
    return result + _untagged(view, text) + _lengths(view, text)


#: A number of thousands the tagger left unlabelled ("increased by 1,225,900 workers").
GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def _untagged(view: SentenceView, text: str) -> list[Count]:
    result = []
    for position, tok in enumerate(view.tokens):
        if tok.ent or not GROUPED.match(tok.text):
            continue
        value = float(tok.text.replace(",", ""))
        before = text[max(0, tok.idx - 24) : tok.idx]
        after = text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 12]
        result.append(_count(value, tok.text, before, after, _nouns(view, position, "CARDINAL"), position, position))
    return result


def _count(value: float, expression: str, before: str, after: str, nouns: frozenset[str], position: int,
           end: int) -> Count:
    """A count with the interval the words before and after it allow."""
    low, high, approximate = value, value, False
    if LOWER_BOUND.search(before.rstrip()) or LOWER_AFTER.search(after):
        high = math.inf
    elif UPPER_BOUND.search(before.rstrip()) or UPPER_AFTER.search(after):
        low = 0.0
    elif ABOUT.search(before.rstrip()) or ABOUT_AFTER.search(after):
        low, high, approximate = value * (1 - APPROX_SPREAD), value * (1 + APPROX_SPREAD), True
    if ADDED.search(before.rstrip()):  # "an additional 200 million doses"
        nouns = frozenset(n if n.startswith("+") else "+" + n for n in nouns)
    return Count(value, low, high, expression, nouns, position, approximate, end)


def unit_of(word: str) -> str:
    """"Years" -> "year", "centuries" -> "century"."""
    return word.lower().rstrip("s").replace("centurie", "century")


def _lengths(view: SentenceView, text: str) -> list[Count]:
    """Lengths of time in the sentence's time expressions ("ten years", "about 15 minutes"),
    counted in their unit."""
    result = []
    for position, expression in view.times:
        if NOT_A_LENGTH.search(expression) or not view.tokens:
            continue
        start = view.tokens[position].idx
        for match in DURATION.finditer(expression):
            value = number_value(match["n"])
            if not value:
                continue
            at = start + match.start()
            before = text[max(0, at - 24) : at]
            after = text[start + match.end() : start + match.end() + 12]
            unit = unit_of(match["unit"])
            result.append(_count(value, expression[match.start() : match.end()], before, after,
                                 frozenset({unit}), view.position_of(at), view.position_of(start + match.end() - 1)))
    return result
