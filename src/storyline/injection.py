"""Injected disagreements: change exactly one fact in one article of a real multi-article story,
only where another article states the same fact, and see whether the brief flags it.

Used by ``benchmarks/injection.py`` and its test. A site is a value in article X (a number
with its counted noun, a year, a weekday, a month, a kin term, a negation, an age, a surname,
a title, a word inside a quote) that another article Y also gives in a sentence sharing at
least ``SAME_FACT_OVERLAP`` of its words with X's sentence. Everything is drawn from a seeded
``random.Random``: the same seed gives the same sites and changes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Article, Conflict

KINDS = ("number", "year", "weekday", "month", "kin", "negation", "age", "name", "title", "quote", "actor")
#: Two sentences state the same fact when this share of the shorter one's words are shared.
SAME_FACT_OVERLAP = 0.3
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October",
          "November", "December"]  # "May" is also a verb
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
KIN_SWAP = {"son": "daughter", "daughter": "son", "wife": "husband", "husband": "wife", "brother": "sister",
            "sister": "brother", "father": "mother", "mother": "father", "children": "son", "kids": "daughter",
            "sons": "daughters", "daughters": "sons"}
TITLE_SWAP = {"Sen.": "Rep.", "Rep.": "Sen.", "Senator": "Representative", "Representative": "Senator",
              "Gov.": "Sen.", "Governor": "Senator", "Mayor": "Governor", "Gen.": "Col.", "Col.": "Gen.",
              "Lt.": "Capt.", "Capt.": "Lt."}
AUX_NOT = re.compile(r"\b(is|was|are|were|has|have|had|will|would|could|did|does|do|can)(\s+)(not\s+|n['’]t\s+)?"
                     r"(?=[a-z]{3,})")
BODY_WORDS = ["Judiciary", "Oversight", "Intelligence", "Appropriations", "Finance", "Justice", "State", "Defense",
              "Supreme", "Appeals", "District", "Health", "Labor", "Commerce", "Energy"]
SWAP_WORDS = ["budget", "border", "weapon", "market", "election", "hospital", "contract"]


@dataclass(frozen=True)
class Injection:
    kind: str
    article: int  # index of the changed article in the story
    start: int
    end: int
    old: str
    new: str
    text: str  # the changed article text

    @property
    def probe(self) -> str:
        """The changed words with a little context: how a flagged position is recognised."""
        return self.new.strip() or self.text[self.start - 8 : self.start + 8]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])|(?<=[.!?][\"”’])\s+(?=[\"“A-Z0-9])|\n+", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def _same_fact(sentence: str, value: str, others: list[str]) -> bool:
    """Another article has a sentence with ``value`` sharing enough words with ``sentence``."""
    mine = _words(sentence)
    for text in others:
        for a, b in _sentences(text):
            other = text[a:b]
            if _is_statement(other) and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", other):
                shared = len(mine & _words(other))
                if mine and shared >= SAME_FACT_OVERLAP * min(len(mine), len(_words(other)) or 1):
                    return True
    return False


Finder = Callable[[str, random.Random, set[str]], Iterator[tuple[int, int, str, str]]]


#: A number right after these is a day of a month ("September 11 attacks", "the Jan. 6 committee")
#: or an age ("at age 87", "ages 13 and 15"): the date and age kinds change those, not ``number``.
NOT_A_COUNT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$|"
                         r"\b(?:age|ages|aged|age of)\s+(?:\d+\s+and\s+)?$", re.I)


def _number(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    """A count an editor could mistype ("eight boys", "943,000 jobs"); a day of a month or an age
    before a word is a date or an age, changed by those kinds' finders."""
    for m in re.finditer(r"(?<![\w.,$-])(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")(?= [a-z]{3,})",
                         text):
        word = m[1]
        if NOT_A_COUNT.search(text[max(0, m.start() - 16) : m.start()]):
            continue
        if word in NUMBER_WORDS:
            new = rng.choice([w for w in NUMBER_WORDS if abs(NUMBER_WORDS.index(w) - NUMBER_WORDS.index(word)) > 1])
        else:
            value = int(word.replace(",", ""))
            if 1800 <= value <= 2100 and "," not in word:
                continue
            new_value = value + max(2, round(value * 0.3)) + rng.randrange(0, 3)
            new = f"{new_value:,}" if "," in word else str(new_value)
        yield m.start(1), m.end(1), word, new


def _year(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    for m in re.finditer(r"(?<![\w$.,-])(19[5-9]\d|20[0-2]\d)(?![\w-])", text):
        yield m.start(), m.end(), m[0], str(int(m[0]) + rng.choice([-3, -2, -1, 1, 2]))


def _from_list(words: list[str]) -> Finder:
    def find(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
        for m in re.finditer(r"\b(" + "|".join(words) + r")\b", text):
            yield m.start(), m.end(), m[0], rng.choice([w for w in words if w != m[0]])
    return find


#: Kin words a human editor would swap for the other sex (or, for "children"/"kids", one child).
KIN_SWAP_MORE = {"nephew": "niece", "niece": "nephew", "grandson": "granddaughter", "granddaughter": "grandson",
                 "grandsons": "granddaughters", "granddaughters": "grandsons", "uncle": "aunt", "aunt": "uncle",
                 "stepson": "stepdaughter", "stepdaughter": "stepson", "brothers": "sisters", "sisters": "brothers",
                 "grandfather": "grandmother", "grandmother": "grandfather", "boyfriend": "girlfriend",
                 "girlfriend": "boyfriend", "mom": "dad", "dad": "mom"}
_KIN_WORDS = "|".join(sorted({**KIN_SWAP, **KIN_SWAP_MORE}, key=len, reverse=True))
#: Whose relative: "his", "Smith's", "the boy's" (ECB+ texts split "Smith 's"), "wife and", a count
#: ("two sons", "a son"), or "the son of"; up to two modifiers between ("his late wife", "her
#: 8-year-old son"). A count before "children"/"kids" is left alone: "two children" -> "two sons"
#: is no contradiction, and changing the count is a number change, not a kin one. "Mother-in-law" and
#: "a mother ship" are left alone (an in-law is another relation; a ship is no relative).
KIN_SITE = re.compile(r"\b(?:(?P<own>his|her|their|[Ww]ife and|[Hh]usband and|[A-Z][\w-]+ ?['’] ?s|the [a-z]+ ?['’] ?s)"
                      r"|(?P<count>[Aa]n?|one|two|three|four|five|\d))\s+(?:(?:late|only|eldest|oldest|youngest|"
                      r"older|younger|elder|teenage|adult|infant|baby|estranged|former|\d+-year-old)\s+){0,2}"
                      rf"(?P<kin>{_KIN_WORDS})\b(?! ?- ?in ?- ?law| ship\b)|\b[Tt]he (?P<of>{_KIN_WORDS}) of\b")


def _kin(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    """A kin term of someone's relative, as an editor would change it: "his son" -> "his daughter",
    "the boy's mother" -> "father", "Smith's nephew" -> "niece", "two sons" -> "two daughters",
    "the son of" -> "the daughter of". (Until issue 7's kin work only "his/her/their/wife and" +
    twelve words were changed: the held-out events change kin terms wherever they stand.)"""
    swaps = {**KIN_SWAP, **KIN_SWAP_MORE}
    for m in KIN_SITE.finditer(text):
        group = "of" if m["of"] else "kin"
        word = m[group]
        if m["count"] and (word in ("children", "kids") or (m["count"].lower() in ("a", "an", "one")) != (
                word in KIN_SWAP_SINGULAR)):
            continue  # "two children" (see above); "a sons" cannot be
        yield m.start(group), m.end(group), word, swaps[word]


KIN_SWAP_SINGULAR = {"son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "nephew",
                     "niece", "grandson", "granddaughter", "uncle", "aunt", "stepson", "stepdaughter",
                     "grandfather", "grandmother", "boyfriend", "girlfriend", "mom", "dad"}


def _negation(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    for m in AUX_NOT.finditer(text):
        if m[3]:  # "was not signed" -> "was signed"
            yield m.start(), m.end(), m[0], m[1] + m[2]
        elif m[1] not in ("do", "does", "did"):  # "was signed" -> "was not signed"
            yield m.start(), m.end(), m[0], f"{m[1]} not "


#: An age as news gives it: "45-year-old", "45 years old", "Smith, 45," / "Smith (45)", "aged 45",
#: "at age 45", "at the age of 45", "died at 87", "was 87." (ECB+ texts space their commas).
AGE_SITE = re.compile(r"\b(?P<a>\d{1,3})(?=(?: ?- ?| )years? ?-? ?old\b)"
                      r"|(?<=[A-Za-z]) ?[,(] ?(?P<b>\d{1,3})(?= ?[,;)]| ?\.(?!\d))"
                      r"|\b(?:[Aa]ged|[Aa]ge|at the age of|died at|dies at)\s+(?P<c>\d{1,3})(?![\d:%]| ?[ap]\.?m\b)"
                      r"|\b(?:[Hh]e|[Ss]he|[A-Z][a-z]+) (?:was|is) (?P<d>\d{1,3})"
                      r"(?= ?[,.;)](?!\d)| (?:when|at the time|years\b))")


def _age(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    """A person's age in any of the forms of ``AGE_SITE`` (until issue 7's age work only
    "Name, 45," / "aged 45" / "45-year-old": the held-out events change ages in every form)."""
    for m in AGE_SITE.finditer(text):
        group = next(g for g in "abcd" if m[g])
        age = m[group]
        if not 0 < int(age) < 110 or (group == "b" and not _after_name(text, m.start())):
            continue
        yield m.start(group), m.end(group), age, str(int(age) + rng.choice([2, 3, 4, 5, 7]))


def _after_name(text: str, offset: int) -> bool:
    """The word before ``offset`` is capitalised ("Ed Smith, 45,")."""
    before = text[max(0, offset - 40) : offset].split()
    return bool(before) and before[-1][:1].isupper()


def _name(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    for m in re.finditer(r"\b[A-Z][a-z]+ ([A-Z][a-z]{4,})\b", text):
        surname = m[1]
        if surname not in surnames:
            continue
        vowels = [i for i, ch in enumerate(surname) if ch in "aeiou" and 0 < i < len(surname) - 1]
        if vowels:
            i = rng.choice(vowels)
            new = surname[:i] + rng.choice([v for v in "aeiou" if v != surname[i]]) + surname[i + 1 :]
            yield m.start(1), m.end(1), surname, new


def _title(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    pattern = "|".join(re.escape(t) for t in TITLE_SWAP)
    for m in re.finditer(rf"(?<![\w.])({pattern})(?= [A-Z])", text):
        yield m.start(), m.end(), m[0], TITLE_SWAP[m[0]]


def _quote(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    for q in re.finditer(r"[\"“]([^\"“”]{40,400})[\"”]", text):
        words = [w for w in re.finditer(r"\b[a-z]{5,}\b", q[1])]
        if words:
            w = rng.choice(words)
            new = rng.choice([s for s in SWAP_WORDS if s[:4] != w[0][:4]])
            yield q.start(1) + w.start(), q.start(1) + w.end(), w[0], new


def _actor(text: str, rng: random.Random, surnames: set[str]) -> Iterator[tuple[int, int, str, str]]:
    """The word naming which body acted ("the Judiciary Committee voted" -> "the Oversight Committee")."""
    for m in re.finditer(r"\b([A-Z][a-z]+) (?:Committee|Court|Department|Agency|Commission|Council|Board)\b", text):
        if m[1] in ("The", "A", "An", "This", "That"):
            continue
        yield m.start(1), m.end(1), m[1], rng.choice([w for w in BODY_WORDS if w != m[1]])


FINDERS: dict[str, Finder] = {
    "number": _number, "year": _year, "weekday": _from_list(WEEKDAYS), "month": _from_list(MONTHS),
    "kin": _kin, "negation": _negation, "age": _age, "name": _name, "title": _title, "quote": _quote,
    "actor": _actor,
}


def _sentence_at(text: str, offset: int) -> str:
    return next((text[a:b] for a, b in _sentences(text) if a <= offset < b), "")


#: Page furniture, not a statement of fact: a URL, a byline or a timestamp line.
FURNITURE = re.compile(r"\w\s*/\s*\w|\b(?:posted|published|updated)\b", re.I)


def _is_statement(sentence: str) -> bool:
    """A sentence an editor could change a fact in: at least five words, no URL or timestamp
    ("Published April 11, 2007", "com / 2013 / 08 / ellen - degeneres ...")."""
    return len(re.findall(r"[A-Za-z]{2,}", sentence)) >= 5 and not FURNITURE.search(sentence)


def _quoted_in_others(text: str, start: int, others: list[str]) -> bool:
    """The words around a quote site are quoted by another article too."""
    window = re.findall(r"[a-z']+", text[max(0, start - 60) : start].lower())[-5:]
    return len(window) >= 4 and any(" ".join(window) in " ".join(re.findall(r"[a-z']+", o.lower())) for o in others)


def sites(story: list[Article], kind: str, rng: random.Random, surnames: set[str] | None = None) -> list[Injection]:
    """Every place in ``story`` where ``kind`` can be changed in one article and another states it;
    ``surnames`` are the last words of the people the story names (for ``name``)."""
    found = []
    for index, article in enumerate(story):
        others = [a.text for i, a in enumerate(story) if i != index]
        for start, end, old, new in FINDERS[kind](article.text, rng, surnames or set()):
            sentence = _sentence_at(article.text, start)
            if not _is_statement(sentence):
                continue
            value = old if kind not in ("negation", "quote", "name") else ""
            if kind == "actor":
                value = f"{old} {article.text[end:].split()[0]}"  # "Judiciary Committee"
            if kind == "quote":
                ok = _quoted_in_others(article.text, start, others)
            elif kind == "name":
                ok = sum(old in o for o in others) >= 1 and _same_fact(sentence, old, others)
            elif kind == "negation":
                ok = _same_fact(sentence, article.text[end : end + 30].split(" ")[0] or old, others)
            else:
                ok = _same_fact(sentence, value, others)
            if ok:
                changed = article.text[:start] + new + article.text[end:]
                if kind == "name":  # the article spells the name its own way throughout
                    changed = re.sub(rf"\b{re.escape(old)}\b", new, article.text)
                found.append(Injection(kind, index, start, end, old, new, changed))
    return found


def inject(story: list[Article], injection: Injection) -> list[Article]:
    """The story with the one article changed."""
    changed = list(story)
    changed[injection.article] = replace(story[injection.article], text=injection.text)
    return changed


def flagged(conflicts: list[Conflict], baseline: list[Conflict], changed_id: str, injection: Injection) -> bool:
    """A conflict new to the changed story sets the changed article against another one."""
    before = {(c.kind, p.value, p.text) for c in baseline for p in c.positions}
    for c in conflicts:
        mine = [p for p in c.positions if changed_id in p.sources and (c.kind, p.value, p.text) not in before]
        others = [p for p in c.positions if any(s != changed_id for s in p.sources)]
        if mine and others and any(p not in mine for p in others):
            return True
    return False


@dataclass
class Outcome:
    """Found / total per kind, and the injections that were missed (for reading)."""

    found: dict[str, int]
    total: dict[str, int]
    missed: list[tuple[int, Injection]]

    def rate(self, kind: str | None = None) -> float:
        found = sum(self.found.values()) if kind is None else self.found.get(kind, 0)
        total = sum(self.total.values()) if kind is None else self.total.get(kind, 0)
        return found / total if total else 0.0


def evaluate(stories: list[list[Article]], annotate_one: Callable[[Article], AnnotatedArticle],
             build: Callable[[list[AnnotatedArticle]], list[Conflict]], seed: int = 7,
             kinds: tuple[str, ...] = KINDS) -> Outcome:
    """One injection per story and kind (drawn with ``seed``), counting what ``build`` flags.

    ``annotate_one`` turns an article into what ``build`` reads (cache it: every story's
    unchanged articles are reused); ``build`` returns the conflicts of a list of those.
    """
    outcome = Outcome({k: 0 for k in kinds}, {k: 0 for k in kinds}, [])
    for number, story in enumerate(stories):
        docs = [annotate_one(a) for a in story]
        baseline = build(docs)
        surnames = {m.text.split()[-1] for d in docs for m in d.mentions
                    if m.label == "PERSON" and len(m.text.split()) >= 2}
        for kind in kinds:
            rng = random.Random(f"{seed}:{number}:{kind}")
            candidates = sites(story, kind, rng, surnames)
            if not candidates:
                continue
            injection = rng.choice(candidates)
            changed = inject(story, injection)[injection.article]
            new_docs = list(docs)
            new_docs[injection.article] = annotate_one(changed)
            outcome.total[kind] += 1
            if flagged(build(new_docs), baseline, changed.id, injection):
                outcome.found[kind] += 1
            else:
                outcome.missed.append((number, injection))
    return outcome


class CachedAnnotator:
    """Annotates each article once (by id) with the installed spaCy model."""

    def __init__(self) -> None:
        from storyline.nlp import load_model

        self.nlp = load_model()
        self.cache: dict[str, AnnotatedArticle] = {}

    def __call__(self, article: Article) -> AnnotatedArticle:
        if article.id not in self.cache:
            self.warm([[article]])
        return self.cache[article.id]

    def warm(self, stories: list[list[Article]]) -> None:
        from storyline.nlp import annotate

        todo = [a for s in stories for a in s if a.id not in self.cache]
        for article, doc in zip(todo, annotate(todo, self.nlp, 32)):
            self.cache[article.id] = doc
