"""Periods: one figure dated to two periods by different articles ("added 250,000 jobs in
September" / "added 250,000 jobs in October"; "about 200,000 arrests in July" / "in August").
The same exact value of the same thing is one figure, so the month or year its clause gives is
the period it covers. A bound ("since May") or a range of dates in the clause is not a period.
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.claims.conflicts import Disagreement, Evidence
from storyline.claims.counts import Count, counts
from storyline.claims.facts import Fact
from storyline.claims.slots import DATE_BOUNDS, DateParts, SentenceView, date_parts

#: Figures at least this large (or with decimals) are specific enough that two equal ones are one
#: figure; small counts ("two in March", "two in April") repeat by chance. Chosen by hand.
MIN_VALUE = 100


def _periods(view: SentenceView, text: str) -> list[tuple[Count, DateParts, str]]:
    """Each specific count with the one month/year period its clause gives."""
    by_clause: dict[int, list[tuple[DateParts, str]]] = {}
    for position, expression in view.times:
        parts = date_parts(expression)
        before = view.tokens[position - 1].text.lower() if position > 0 else ""
        if (parts is None or parts.month is None and parts.year is None or parts.weekday is not None
                or parts.day is not None or before in DATE_BOUNDS):
            continue
        by_clause.setdefault(view.clause_of[position], []).append((parts, expression))
    found = []
    for count in counts(view, text):
        if count.value < MIN_VALUE and float(count.value).is_integer():
            continue
        periods = by_clause.get(view.clause_of[count.position], [])
        if len(periods) == 1:
            found.append((count, *periods[0]))
    return found


def check(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    texts = evidence.texts
    for a, b, _ in fact.pairs():
        if not a.numbers or not b.numbers or not a.times or not b.times:
            continue
        for f, parts_a, expr_a in _periods(a, texts[a.article_id]):
            for g, parts_b, expr_b in _periods(b, texts[b.article_id]):
                same = f.value == g.value and f.low == g.low and f.high == g.high
                if same and f.nouns & g.nouns and parts_a.clashes(parts_b):
                    noun = sorted(f.nouns & g.nouns)[0].lstrip("+")
                    yield Disagreement("date", f"the period of the {f.expression} {noun}", expr_a, a, expr_b, b)
