"""Numbers: the same count of the same thing given two values ("three companies" / "four
companies"), and tallies of one outcome ("12 people were killed" / "the quake killed 15").

Compatible: approximations ("about", "at least", "more than"), ranges, a value the other article
also gives, and counts at explicitly different times ("on Monday" / "the previous night").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from storyline.claims.conflicts import Disagreement, Evidence, conflict_of
from storyline.claims.counts import DURATION, LENGTH_UNITS, NOT_A_LENGTH, Count, counts, number_value, unit_of
from storyline.claims.facts import Fact
from storyline.claims.figures import APPROX
from storyline.claims.slots import SPEECH_VERBS, SentenceView
from storyline.records import Conflict

#: A range of numbers ("between 10 and 20", "from $5 to", "10-12"); a range of dates ("between July
#: and October 2020") bounds no count.
RANGE = re.compile(r"\b(?:between|from)\s+\S*\d\S*\s+(?:and|to)\b|\d\s*(?:-|–|to)\s*\d", re.I)
#: A figure reported as superseded ("originally reported", "initial reports said").
SUPERSEDED = re.compile(r"\b(?:originally|initially|first|earlier|previously)\s+(?:reported|said|stated|put|"
                        r"estimated|thought|believed|announced)\b|\b(?:initial|earlier|early|first)\s+reports?\b", re.I)
#: Values that read as years are dates, not counts.
YEAR_LIKE = range(1800, 2101)
#: A sentence with more counts than this is a list. Chosen on ECB+ dev (weapons seized).
MAX_COUNTS = 2
#: Counts of one noun under different verbs are one count only in sentences at least this close.
#: Tuned on NeuS val false alarms and injections.
NUMBER_MIN_SIMILARITY = 0.5
#: ... or at least this close when one named doer gives both counts ("The Liberals took 156 seats" /
#: "the Liberal Party had won 157 of 338 seats"). Tuned on NeuS val false alarms and injections.
SAME_DOER_MIN_SIMILARITY = 0.3
#: ... when the two values are within this factor (ECB+ train: 23 points in a game vs a career total).
SAME_DOER_MAX_RATIO = 2.0
#: Two values this far apart count different things (a game's points and a career's), whatever the
#: sentences. Chosen on ECB+ train false alarms; injected changes stay well inside it.
MAX_RATIO = 10.0
#: A count without a noun and one with a noun on the same verb count one thing in sentences at
#: least this close. Tuned on NeuS val injections and false alarms.
SAME_VERB_MIN_SIMILARITY = 0.5
#: Tokens compared on each side of two numbers that may be one slot of one sentence rendered twice.
CONTEXT = 2
#: Tally sentences of two articles must share this much (sentence cosine) to count one outcome.
#: Tuned on ECB+ dev and NeuS val false alarms.
TALLY_MIN_SIMILARITY = 0.1


#: Time expressions that are ages, not points in time ("17-year-old", "aged 54").
AGE = re.compile(r"\b(?:old|age|ages|aged)\b", re.I)
#: Words left of a time expression once its lengths are taken out ("for", "about" of "for about
#: two weeks"): they name no point in time.
NO_POINT = {"", "a", "an", "the", "for", "about", "around", "nearly", "almost", "over", "under", "up", "to",
            "more", "than", "less", "just", "some", "within", "several", "few", "at", "least", "later", "after",
            "before", "of", "roughly", "approximately", "in"}
#: Words that place a unit or a length relative to now ("last month", "the past 24 hours").
RELATIVE = {"next", "first", "past", "last", "previous", "prior", "preceding", "this", "that"}
#: A unit alone ("for the month") refers back to a date named elsewhere: it names none itself.
BARE_UNITS = {"day", "week", "month", "year"}


def _times(view: SentenceView) -> set[str]:
    """The points in time a sentence names, normalised; lengths ("two weeks" of "Tuesday two
    weeks") and ages are left out (they are counts, compared as counts), and so is the day a
    thing was said."""
    points = set()
    for position, expression in view.times:
        if AGE.search(expression) or re.fullmatch(r"\d{1,3}", expression.strip()):
            continue  # "Gonsalves, 53,": an age
        if view.verb_of(position, speech=True) in SPEECH_VERBS - {"add"}:
            continue  # "the office said Tuesday": when it was said, not when the counted thing happened
            # ("added 250,000 jobs in September" is no saying)
        words = re.sub(r"\W+", " ", DURATION.sub(" ", expression).lower()).split()
        named = [w for w in words if w not in NO_POINT and w not in RELATIVE]
        if named and (len(named) > 1 or named[0] not in BARE_UNITS or RELATIVE & set(words)):
            points.add(re.sub(r"\b(?:previous|prior|preceding)\b", "last", " ".join(words)))
    return points


def _different_times(a: SentenceView, b: SentenceView) -> bool:
    times_a, times_b = _times(a), _times(b)
    return bool(times_a and times_b and not times_a & times_b)


def _one_doer(a: SentenceView, f: Count, b: SentenceView, g: Count) -> bool:
    """One named doer gives both counts, of the same order ("23 points" in a game and "2,129" in a
    career are two counts)."""
    doer = a.subject(f.position)
    return (doer is not None and doer == b.subject(g.position)
            and max(f.value, g.value) <= SAME_DOER_MAX_RATIO * min(f.value, g.value))


def _scale(expression: str) -> str:
    found = re.search(r"\b(thousand|million|billion|trillion|percent)\b|%", expression.lower())
    return found[0] if found else ""


def check(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    for a, b, similarity in fact.pairs():
        yield from compare(a, b, similarity, evidence)


def compare(a: SentenceView, b: SentenceView, similarity: float, evidence: Evidence,
            pair: tuple[Count, Count] | None = None) -> Iterator[Disagreement]:
    """The counts two sentences of one fact give one thing with incompatible values (``pair``:
    only these two counts, already known to count one thing)."""
    texts = evidence.texts
    if RANGE.search(a.text) or RANGE.search(b.text) or _different_times(a, b):
        return
    if SUPERSEDED.search(a.text) or SUPERSEDED.search(b.text):
        return  # "news originally reported that two of the three victims died": a figure since replaced
    counts_a, counts_b = counts(a, texts[a.article_id]), counts(b, texts[b.article_id])
    if not counts_a or not counts_b:
        return
    if (len(counts_a) > MAX_COUNTS or len(counts_b) > MAX_COUNTS) and not _parallel(counts_a, counts_b):
        return  # an inventory ("seven rifles, two other rifles, 13 magazines") lists, it does not count one thing
    for f, g in [pair] if pair else [(f, g) for f in counts_a for g in counts_b]:
        if f.compatible(g) or max(f.value, g.value) > MAX_RATIO * min(f.value, g.value):
            continue  # ... or far apart: "23 points" in a game, "2,129" in a career
        shared = set(f.nouns & g.nouns) if pair else _shared(a, f, b, g, similarity)
        if not shared or (f.is_length and not _same_length(a, f, b, g, similarity, evidence)):
            continue
        if not pair and _loose(a, f, b, g, similarity):
            continue  # "filed suits in five states" / "suffered setbacks in three states"
        if a.other_doer(f.position, b, g.position):
            continue  # "Trump imposed tariffs on $34 billion" / "China imposed tariffs on $60bn"
        if any(f.compatible(h) for h in counts_b) or any(g.compatible(h) for h in counts_a):
            continue  # each value is also given by the other article: two counts, not one
        noun = sorted(shared)[0]
        what = "additional " + noun[1:] if noun.startswith("+") else noun
        yield Disagreement("number", f"the number of {what}", f.expression, a, g.expression, b)


def _loose(a: SentenceView, f: Count, b: SentenceView, g: Count, similarity: float) -> bool:
    """Counts under different verbs of loosely related sentences, unless the words pin them to one
    slot (the same words around them; one event or thing a length measures)."""
    if a.verb_of(f.position) == b.verb_of(g.position) or similarity >= NUMBER_MIN_SIMILARITY:
        return False
    if _one_doer(a, f, b, g) and similarity >= SAME_DOER_MIN_SIMILARITY:
        return False
    measured = _complement(a, f)[1] if f.is_length else None
    return not (_same_context(a, f, b, g) or (measured is not None and measured == _complement(b, g)[1]))


def _shared(a: SentenceView, f: Count, b: SentenceView, g: Count, similarity: float) -> set[str]:
    """What both counts count: a shared noun; or, when a noun is missing, the same scale in one
    clause ("revised upward to 6.8 million" / "a revised 6.9 million"), the same words around the
    number (one quote rendered twice), or one verb of two close sentences ("payrolls increased by
    943,000 for the month" / "payrolls increased by 1,225,900 workers")."""
    if f.nouns and g.nouns:
        return set(f.nouns & g.nouns)
    scale = _scale(f.expression)
    if not f.nouns and not g.nouns and scale and scale == _scale(g.expression):
        return (a.clause_lemmas(f.position) & b.clause_lemmas(g.position)) - {"million", "billion"}
    named = sorted(f.nouns | g.nouns)
    if _same_context(a, f, b, g):
        return set(named) or {_noun_after(a, f.last)}
    verb = a.verb_of(f.position)
    if (named and verb and verb == b.verb_of(g.position) and similarity >= SAME_VERB_MIN_SIMILARITY
            and _scale(f.expression) == _scale(g.expression)
            and max(f.value, g.value) <= SAME_DOER_MAX_RATIO * min(f.value, g.value)):
        return set(named)
    return set()


#: Words after a length that make it an offset from an event ("two weeks after his death") or the
#: measure of a thing ("ten years of tax returns", "a 12-year sentence").
OFFSET_AFTER = {"after", "later", "from", "since"}
OFFSET_BEFORE = {"before", "earlier", "prior"}


def _complement(view: SentenceView, c: Count) -> tuple[str, str | None]:
    """What a length measures: ("after", "death") for "six weeks after his death", ("of", "return")
    for "ten years of tax returns", ("", "sentence") for "a 12-year sentence", ("", None) for a span."""
    tokens = view.tokens[c.last + 1 : c.last + 6]
    if not tokens:
        return "", None
    word = tokens[0].text.lower()
    role = "after" if word in OFFSET_AFTER else "before" if word in OFFSET_BEFORE else "of" if word == "of" else ""
    if not role:
        return "", tokens[0].lemma.lower() if tokens[0].pos == "NOUN" else None
    if word in ("later", "earlier"):
        return role, None
    noun = next((t.lemma.lower() for t in tokens[1:] if t.pos in ("NOUN", "PROPN")), None)
    return role, noun


def _same_length(a: SentenceView, f: Count, b: SentenceView, g: Count, similarity: float,
                 evidence: Evidence) -> bool:
    """Two lengths of one thing: sentences naming a common participant or worded alike (the prison
    terms of two people in loosely related sentences are two lengths), the same role (an offset
    from an event is no span), the same event or thing measured when both name one, and articles
    that each give one length in this unit (an article giving two, "a five-year sentence" in 1959
    and "a 15-year sentence", tells several apart)."""
    (role_a, noun_a), (role_b, noun_b) = _complement(a, f), _complement(b, g)
    unit = sorted(f.nouns & LENGTH_UNITS)[0]
    spans = ("", "of")
    return ((bool(a.entity_ids & b.entity_ids) or similarity >= NUMBER_MIN_SIMILARITY)
            and (role_a == role_b or (role_a in spans and role_b in spans))
            and (noun_a is None or noun_b is None or noun_a == noun_b)
            and len(_lengths_in(evidence, a.article_id, unit)) == 1
            and len(_lengths_in(evidence, b.article_id, unit)) == 1)


def _lengths_in(evidence: Evidence, article_id: str, unit: str) -> set[float]:
    """The values an article gives lengths of time in ``unit``."""
    return _lengths_of(tuple(m.text for m in evidence.doc_of[article_id].dates)).get(unit, set())


@lru_cache(maxsize=4096)
def _lengths_of(expressions: tuple[str, ...]) -> dict[str, set[float]]:
    """Unit -> values of the lengths in an article's time expressions (read once per article)."""
    found: dict[str, set[float]] = defaultdict(set)
    for expression in expressions:
        if NOT_A_LENGTH.search(expression):
            continue
        for match in DURATION.finditer(expression):
            value = number_value(match["n"])
            if value:
                found[unit_of(match["unit"])].add(value)
    return dict(found)


def _same_context(a: SentenceView, f: Count, b: SentenceView, g: Count) -> bool:
    """The same words on both sides of the number: one sentence (a quote) rendered twice."""
    def around(view: SentenceView, c: Count) -> list[str]:
        words = view.tokens[max(0, c.position - CONTEXT) : c.position] + view.tokens[c.last + 1 : c.last + 1 + CONTEXT]
        return [t.text.lower() for t in words]
    left, right = around(a, f), around(b, g)
    return len(left) == 2 * CONTEXT and left == right and all(w.isalpha() for w in left)


def _noun_after(view: SentenceView, position: int) -> str:
    return next((t.lemma.lower() for t in view.tokens[position + 1 : position + 12] if t.pos == "NOUN"), "figure")


def _parallel(xs: list[Count], ys: list[Count]) -> bool:
    """Two lists that count the same things ("78 catches for 1,098 yards and seven touchdowns" /
    "59 catches for 1,098 yards and seven touchdowns"): each counted noun once per list, every
    item of the shorter one found in the other (by noun, or by value when it has none), and at
    least one item agreeing; an item "other" or "more" makes a list a sum of parts."""
    for items in (xs, ys):
        nouns = [n for c in items for n in c.nouns]
        if len(nouns) != len(set(nouns)) or any(n.startswith("+") for n in nouns):
            return False
    shorter, longer = sorted((xs, ys), key=len)
    agree = 0
    for c in shorter:
        partners = [d for d in longer if c.nouns & d.nouns] if c.nouns else [d for d in longer if d.value == c.value]
        if not partners:
            return False
        agree += any(d.value == c.value and c.nouns & d.nouns for d in partners)
    return agree >= 1


_NUM = r"(?P<n>\d[\d,]*(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
_WHO = r"(?:(?:people|persons|civilians|residents|workers|soldiers|officers|children|students|victims|" \
       r"protesters|passengers|others|more)\s+)?"
_AUX = r"(?:(?:were|was|have|has|had|been|are|now|reportedly)\s+)*"
TALLY = [
    re.compile(rf"\b{_NUM}\s+{_WHO}{_AUX}(?P<o>killed|dead|died|injured|wounded|hurt|arrested|detained)\b", re.I),
    re.compile(rf"\b(?P<o>killed|killing|injured|injuring|wounded|wounding|arrested|detained)\s+{_NUM}\b", re.I),
    re.compile(rf"\b{_NUM}\s+(?P<o>deaths|fatalities|injuries|arrests)\b", re.I),
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?{_NUM}\b", re.I),
]
OUTCOME = {"killed": "killed", "killing": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
           "fatalities": "killed", "injured": "injured", "injuring": "injured", "wounded": "injured",
           "wounding": "injured", "hurt": "injured", "injuries": "injured", "arrested": "arrested",
           "detained": "arrested", "arrests": "arrested"}


def _tallies(view: SentenceView) -> Iterator[tuple[str, float, str]]:
    for pattern in TALLY:
        for match in pattern.finditer(view.text):
            before = view.text[max(0, match.start() - 16) : match.start()]
            if APPROX.search(before) or APPROX.search(match[0]):
                continue
            value = number_value(match["n"])
            outcome = OUTCOME.get((match.groupdict().get("o") or "deaths").lower(), "killed")
            if value is not None and value >= 1:
                yield outcome, value, match["n"]


def tallies(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    """Each article's count of one outcome, when the article gives exactly one value for it and
    the sentences name the same places (a toll of another country is another tally)."""
    found: dict[str, dict[str, dict[float, list[SentenceView]]]] = defaultdict(lambda: defaultdict(dict))
    for fact in facts:
        for view in fact.views:
            for outcome, value, _ in _tallies(view):
                found[outcome][view.article_id].setdefault(value, []).append(view)
    conflicts = []
    for outcome, per_article in sorted(found.items()):
        single = {a: next(iter(v.items())) for a, v in per_article.items() if len(v) == 1}
        values: dict[str, list[tuple[str, str]]] = defaultdict(list)
        places = {a: _places(views) for a, (_, views) in single.items()}
        for article, (value, views) in sorted(single.items()):
            values[f"{value:g}"] += [(article, views[0].text)]
        if len(values) < 2 or _different_places(places) or not _related(single, evidence):
            continue
        conflicts.append(conflict_of("number", f"the number {outcome}", values, evidence.outlet_of))
    return conflicts


def _related(single: dict[str, tuple[float, list[SentenceView]]], evidence: Evidence) -> bool:
    """Some two articles with different values state them in related sentences at the same time."""
    items = sorted(single.items())
    for i, (_, (value_a, views_a)) in enumerate(items):
        for _, (value_b, views_b) in items[i + 1 :]:
            for a in views_a:
                for b in views_b:
                    if value_a != value_b and evidence.similarity(a, b) >= TALLY_MIN_SIMILARITY and not (
                            _different_times(a, b)):
                        return True
    return False


def _places(views: list[SentenceView]) -> set[str]:
    return {e[1] for v in views for e in v.entities if e[2] in ("GPE", "LOC", "FAC")}


def _different_places(places: dict[str, set[str]]) -> bool:
    named = [p for p in places.values() if p]
    return any(not (x & y) for i, x in enumerate(named) for y in named[i + 1 :])
