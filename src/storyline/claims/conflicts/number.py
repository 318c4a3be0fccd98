"""Numbers: the same count of the same thing given two values ("three companies" / "four
companies"), and tallies of one outcome ("12 people were killed" / "the quake killed 15").

Compatible: approximations ("about", "at least", "more than"), ranges, a value the other article
also gives, and counts at explicitly different times ("on Monday" / "the previous night").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from storyline.claims.conflicts import Disagreement, Evidence, conflict_of
from storyline.claims.counts import Count, counts, number_value
from storyline.claims.facts import Fact
from storyline.claims.figures import APPROX
from storyline.claims.slots import SentenceView
from storyline.records import Conflict

RANGE = re.compile(r"\b(?:between|from)\s+\S+\s+(?:and|to)\b|\d\s*(?:-|–|to)\s*\d", re.I)
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
#: Tally sentences of two articles must share this much (sentence cosine) to count one outcome.
#: Tuned on ECB+ dev and NeuS val false alarms.
TALLY_MIN_SIMILARITY = 0.1


#: Time expressions that are lengths or ages, not points in time ("two years", "17-year-old").
DURATION = re.compile(r"\b(?:old|age|aged)\b|^(?:for\s+|the\s+past\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|"
                      r"eight|nine|ten|several|few)\s+(?:years?|months?|weeks?|days?|hours?)$", re.I)


def _times(view: SentenceView) -> set[str]:
    return {re.sub(r"\b(?:previous|prior|preceding)\b", "last", re.sub(r"\W+", " ", t.lower())).strip()
            for _, t in view.times if not DURATION.search(re.sub(r"\W+", " ", t).strip())}


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
    texts = evidence.texts
    for a, b, similarity in fact.pairs():
        if not a.numbers or not b.numbers or RANGE.search(a.text) or RANGE.search(b.text) or _different_times(a, b):
            continue
        counts_a, counts_b = counts(a, texts[a.article_id]), counts(b, texts[b.article_id])
        if len(counts_a) > MAX_COUNTS or len(counts_b) > MAX_COUNTS:
            continue  # an inventory ("seven rifles, two other rifles, 13 magazines") lists, it does not count one thing
        for f in counts_a:
            for g in counts_b:
                shared: set[str] = set(f.nouns & g.nouns)
                scale = _scale(f.expression)
                if not f.nouns and not g.nouns and scale and scale == _scale(g.expression):
                    # "revised upward to 6.8 million" / "a revised 6.9 million": the same scale, the same clause
                    shared = (a.clause_lemmas(f.position) & b.clause_lemmas(g.position)) - {"million", "billion"}
                if not shared or f.compatible(g) or max(f.value, g.value) > MAX_RATIO * min(f.value, g.value):
                    continue  # ... or far apart: "23 points" in a game, "2,129" in a career
                if a.verb_of(f.position) != b.verb_of(g.position) and similarity < NUMBER_MIN_SIMILARITY and not (
                        _one_doer(a, f, b, g) and similarity >= SAME_DOER_MIN_SIMILARITY):
                    continue  # "filed suits in five states" / "suffered setbacks in three states"
                if a.other_doer(f.position, b, g.position):
                    continue  # "Trump imposed tariffs on $34 billion" / "China imposed tariffs on $60bn"
                if any(f.compatible(h) for h in counts_b) or any(g.compatible(h) for h in counts_a):
                    continue  # each value is also given by the other article: two counts, not one
                noun = sorted(shared)[0]
                what = "additional " + noun[1:] if noun.startswith("+") else noun
                yield Disagreement("number", f"the number of {what}", f.expression, a, g.expression, b)


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
