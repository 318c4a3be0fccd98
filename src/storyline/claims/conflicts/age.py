"""Ages: one person given different ages by different articles.

Read one sentence at a time (ECB+ texts space their punctuation: "Smith , 45 ," reads too):

- next to the name (``strong``): "Smith, 45," / "Smith (45)" / "Smith, aged 45" / "Smith, a 45-year-old
  nurse" / "the 45-year-old [former counselor] Smith" / "Smith, who is 45," / "Smith was 45.";
- the age at death: "Smith died Friday at 87" / "passed away at age 87" / "succumbed ... at the age of 87" /
  "died yesterday aged 97";
- "the 45-year-old" as the subject of its sentence ("the 44-year-old will serve time"), and "He was 87.":
  bound to the one person the sentence names, or when it names nobody, the one person the previous
  sentence of the article names (a weak binding: an article's age next to the name wins over it);
- a role with no name ("a 61-year-old man was charged"): compared only between two sentences of
  different articles that state one fact (close words, one verb) and give one age each.

An age of another time is not the person's age in the story: "who was 17 at the time", "then 17",
"now 19", "was 17 when ...", "at age 17" (outside a death). A person given such an age anywhere is
left out (the story spans that person's years); an age in a sentence naming a year before the
article's own (or any year, when the article's header names none: "In 1999, Comeaux, 35, ...") is
dropped. A demonym read as a person ("the
41-year-old American") is no one's name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from storyline.claims.conflicts import Evidence, cite, conflict_of, in_reading_order
from storyline.claims.facts import Fact
from storyline.claims.slots import SentenceView
from storyline.records import Conflict

_YEAR_OLD = r"(\d{1,3}) ?[-‑]? ?year ?[-‑]? ?old\b"
#: "45-year-old", "45 - year - old", "45 year-old": an age used as an adjective.
ADJECTIVE = re.compile(rf"\b{_YEAR_OLD}")
#: Right after a name: "Smith, 45," / "Smith (45)" / "Smith, aged 45" / "Smith, a 45-year-old ...".
AFTER_NAME = re.compile(r"^(?: (?:Jr|Sr|II|III|IV)\.?)? ?(?:, ?|\( ?)(?:(?:aged|age) )?(\d{1,3})"
                        r"(?: ?[,);:](?! ?\d)| ?\.(?!\d)| ?$| years old\b| and from\b)")
#: "Smith, who is 45," / "Smith was 45." / "Smith, who was 45 years old,".
NAME_IS = re.compile(r"^ ?(?:, ?who )?(?:is|was) (\d{1,3})(?: years old)?(?= ?[,;.]|$| when\b| at the time\b)")
#: "Smith, a 45-year-old nurse": the name, then the adjective age.
APPOSITIVE = re.compile(r"^ ?[,(] ?(?:(?:an?|the) )?$")
#: The age at death, bound to the one person of the sentence.
AT_DEATH = re.compile(r"\b(?:(?:died|dies|passed away)(?: [a-z]+){0,3},? aged |(?:died|dies|passed away|succumbed|"
                      r"was killed)\b(?:(?![.;]).){0,80}?\bat (?:the )?(?:age )?(?:of )?)(\d{1,3})"
                      r"(?! ?(?:and|or|to|-) ?\d)(?!\d|:| ?[ap]\.? ?m\b|%| percent|st\b|nd\b|rd\b|th\b)")
#: "He was 87." / "She is 45 years old." (bound like a description).
PRONOUN_IS = re.compile(r"\b(?:[Hh]e|[Ss]he) (?:is|was) (\d{1,3})(?: years old)?(?= ?[,;.]|$| when\b| at the time\b)")
#: Marks of another time right before or after an age.
TIME_BEFORE = re.compile(r"\b(?:now|then|then-|at age|at the age of|under age|under|over|about|nearly|almost|"
                         r"ages|aged between)\s?-?\s?$", re.I)
TIME_AFTER = re.compile(r"^(?: ?- ?year ?- ?old| years old)?,? (?:at the time|then|when|in \d{4})\b")
#: An article's header (address, title, dateline) ends within this many characters; the latest year
#: named there dates the article (ECB+ texts open with their address: ".../2005/06/..."). NeuS texts
#: have no header and then no year: 14 of 300 name a year there, all of the story's own events.
HEADER_CHARS = 200
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
#: Tokens that may stand between an adjective age and the name it describes ("45-year-old former
#: counselor Ed Smith", "64-year-old Vancouver man - Eric Kirkpatrick").
MODIFIER_POS = {"ADJ", "NOUN", "PROPN"}
MAX_MODIFIERS = 6
#: Two sentences giving a role ("a 61-year-old man") different ages must be at least this close
#: (word cosine) and share a content verb. Set by hand, checked on ECB+ train/dev age injections and
#: the unchanged stories (no role conflict flagged on them).
ROLE_MIN_SIMILARITY = 0.35


@dataclass(frozen=True)
class Age:
    value: str
    person: str | None  # entity id, or None for a role
    role: str  # the noun of a role ("man"), or "" when bound to a person
    strong: bool  # sits next to the name
    other_time: bool  # "then 17", "now 19", "at the time": not the person's age in the story


def _persons(view: SentenceView, names: dict[str, str]) -> list[tuple[str, int, int]]:
    """(entity id, start, end) of the people (``names``) the sentence names, offsets into the sentence. A
    mention is left out when its first name is not the first name of the person it was resolved to
    ("Kathryn Gomes" taken for "Gary Gomes": the age would go to the wrong person)."""
    base = view.sentence.start
    return [(eid, m.start - base, m.end - base) for _, eid, _, m in view.entities
            if eid in names and m.label != "NORP" and _same_first_name(m.text, names[eid])]


#: Words before a name that are no first name ("Mr. Smith", "Sen. Cruz", "Dr Benjamin").
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "lt", "capt", "col", "sgt", "judge",
              "justice", "president", "senator", "governor", "officer", "deputy", "detective", "constable"}


def _same_first_name(mention: str, name: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", mention)
    known = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", name)}
    if len(words) < 2 or len(known) < 2 or words[0].lower() in known or words[0].lower() in HONORIFICS:
        return True
    return any(k.startswith(words[0].lower()) or words[0].lower().startswith(k) for k in known if len(k) > 1)


def _only_person(view: SentenceView, previous: SentenceView | None, names: dict[str, str]) -> str | None:
    for candidate in (view, previous):
        if candidate is None:
            continue
        people = {eid for eid, _, _ in _persons(candidate, names)}
        if people:
            return next(iter(people)) if len(people) == 1 else None
    return None


def _other_time(text: str, start: int, end: int) -> bool:
    return bool(TIME_BEFORE.search(text[max(0, start - 16) : start]) or TIME_AFTER.match(text[end : end + 20]))


def _after_adjective(view: SentenceView, end: int) -> tuple[list[str], int]:
    """The modifier tokens after an adjective age ending at ``end`` (sentence offset): the lemma of
    each noun ("" for others), and the offset where the last one ends (a dash or comma may stand
    between two: "64-year-old Vancouver man - Eric Kirkpatrick", "a 17-year-old boy, Alexis G.")."""
    base = view.sentence.start
    pos: list[str] = []
    stop = end
    for tok in view.tokens:
        offset = tok.idx - base
        if offset < end:
            continue
        if tok.pos in MODIFIER_POS and len(pos) < MAX_MODIFIERS and tok.text not in ("-", "–", "—"):
            pos.append(tok.lemma.lower() if tok.pos == "NOUN" else "")
            stop = offset + len(tok.text)
        elif not (tok.text in ("-", "–", "—", ",") and pos):
            break
    return pos, stop


def _next_pos(view: SentenceView, offset: int) -> str:
    base = view.sentence.start
    return next((t.pos for t in view.tokens if t.idx - base >= offset), "")


def ages_of(view: SentenceView, previous: SentenceView | None, names: dict[str, str]) -> list[Age]:
    """Every age the sentence gives, with whose it is (``names``: entity id -> name)."""
    text = view.text
    people = _persons(view, names)
    found: list[Age] = []
    for eid, _, end in people:
        after = text[end : end + 40]
        for pattern in (AFTER_NAME, NAME_IS):
            match = pattern.match(after)
            if match:
                found.append(Age(match[1], eid, "", True, _other_time(text, end + match.start(1), end + match.end(1))))
    for match in ADJECTIVE.finditer(text):
        start, end = match.span()
        other = _other_time(text, start, end)
        named_before = [eid for eid, _, e in people if e <= start and APPOSITIVE.match(text[e:start])]
        words, stop = _after_adjective(view, end)
        named_after = [eid for eid, s, e in people if end <= s <= stop + 3 and e >= stop - 1]  # not "Troy man"
        if named_before or named_after:
            found.append(Age(match[1], (named_before or named_after)[0], "", True, other))
        elif not words and text[max(0, start - 4) : start].lower().endswith("the ") and \
                _next_pos(view, end) in ("VERB", "AUX") and len(ADJECTIVE.findall(text)) == 1:
            # "the 44-year-old will serve time"; not when the previous sentence gives a role an age
            # ("The 13-year-old girl is from D.C. and the 15-year-old is from Maryland")
            person = _only_person(view, previous if previous and not ADJECTIVE.search(previous.text) else None,
                                  names)
            if person:
                found.append(Age(match[1], person, "", False, other))
        elif words and words[-1]:
            found.append(Age(match[1], None, words[-1], False, other))
    for pattern in (AT_DEATH, PRONOUN_IS):
        for match in pattern.finditer(text):
            person = _only_person(view, previous, names)
            if person and not any(a.person == person and a.value == match[1] for a in found):
                at_death = pattern is AT_DEATH  # bound to the one person named: as good as next to the name
                found.append(Age(match[1], person, "", at_death, _other_time(text, *match.span(1)) and not at_death))
    return [a for a in found if 0 < int(a.value) < 120]


def _dated(view: SentenceView, latest: int) -> bool:
    """The sentence names a year before the article's latest, or any year when the article's
    header names none: it may tell an earlier time ("Felt, 92, told CNN in 2006")."""
    years = [int(y) for _, expression in view.times for y in YEAR.findall(expression)]  # not "his 2008 Bentley"
    return bool(years) and (not latest or min(years) < latest)


def people(evidence: Evidence) -> dict[str, str]:
    """Entity id -> name of every person: typed PERSON, or named in full as a person at least once
    ("Anthony Phillip LaSalle" whose "LaSalle" the tagger mostly takes for a place)."""
    return {e.id: e.name for e in evidence.index.entities
            if e.type == "PERSON" or any(m.label == "PERSON" and " " in m.text.strip() for m in e.mentions)}


def _header_years(evidence: Evidence) -> dict[str, int]:
    """Article id -> the latest year its header names (0 when none)."""
    return {a: max((int(y) for y in YEAR.findall(t[:HEADER_CHARS])), default=0) for a, t in evidence.texts.items()}


def _read(facts: list[Fact], evidence: Evidence, latest: dict[str, int]) -> list[tuple[SentenceView, list[Age]]]:
    names = people(evidence)
    result = []
    for view, previous in in_reading_order(evidence.views or [v for f in facts for v in f.views]):
        if not DIGIT.search(view.text):
            continue
        ages = ages_of(view, previous, names)
        if ages and not _dated(view, latest.get(view.article_id, 0)):
            result.append((view, ages))
    return result


def _apart(a: tuple[str, str], b: tuple[str, str], latest: dict[str, int]) -> bool:
    """Two (article, age) that disagree: different ages in different articles, more years apart
    than the articles may have been written apart (``latest``: the latest year of each article's
    header; one with none may be from any year the others' headers name): a report of the trial
    two years after the shooting gives the suspect two more years."""
    if a[0] == b[0] or a[1] == b[1]:
        return False
    known = {y for y in latest.values() if y}
    years_a = {latest[a[0]]} if latest.get(a[0]) else known
    years_b = {latest[b[0]]} if latest.get(b[0]) else known
    gap = max((abs(x - y) for x in years_a for y in years_b), default=0)
    return abs(int(a[1]) - int(b[1])) > gap


def _person_conflicts(read: list[tuple[SentenceView, list[Age]]], evidence: Evidence,
                      latest: dict[str, int]) -> list[Conflict]:
    """One person's ages across articles; an article's weak ages count only when it has no strong one."""
    spans_time = {a.person for _, ages in read for a in ages if a.other_time}
    given: dict[str, dict[str, dict[bool, dict[str, str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(dict)))
    for view, ages in read:
        for age in ages:
            if age.person and age.person not in spans_time and not age.other_time:
                given[age.person][view.article_id][age.strong].setdefault(age.value, view.text)
    conflicts = []
    for person, per_article in sorted(given.items()):
        values: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for article, by_strength in sorted(per_article.items()):
            for value, text in sorted((by_strength.get(True) or by_strength.get(False) or {}).items()):
                values[value].append((article, text))
        given_by = [(a, v) for v, hits in values.items() for a, _ in hits]
        if any(_apart(x, y, latest) for x in given_by for y in given_by):
            entity = evidence.index.get(person)
            conflicts.append(conflict_of("age", f"the age of {entity.name if entity else person}", values,
                                         evidence.outlet_of))
    return conflicts


def _role_conflicts(read: list[tuple[SentenceView, list[Age]]], evidence: Evidence) -> list[Conflict]:
    """"A 61-year-old man was charged" / "A 65-year-old man was charged": one role, one fact."""
    single = [(v, ages[0]) for v, ages in read if len(ages) == 1 and ages[0].role and not ages[0].other_time]
    found: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for i, (a, age_a) in enumerate(single):
        for b, age_b in single[i + 1 :]:
            if a.article_id == b.article_id or age_a.role != age_b.role or age_a.value == age_b.value:
                continue
            if evidence.similarity(a, b) < ROLE_MIN_SIMILARITY or not (a.predicates & b.predicates):
                continue
            values = found[age_a.role]
            for age, view in ((age_a, a), (age_b, b)):
                cite(values, age.value, view.article_id, view.text)
    return [conflict_of("age", f"the age of the {role}", values, evidence.outlet_of)
            for role, values in sorted(found.items())]


def check(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    latest = _header_years(evidence)
    read = _read(facts, evidence, latest)
    return _person_conflicts(read, evidence, latest) + _role_conflicts(read, evidence)
