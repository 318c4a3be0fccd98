"""Negation: one article negates the predicate another affirms, compared per verb and clause
("the city has not paid" / "the city has paid"), not per sentence, so a second "not" elsewhere
neither hides a change nor makes one. Questions, and "not ... until" (a time, not a denial),
are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.claims.conflicts import Disagreement, Evidence
from storyline.claims.facts import Fact
from storyline.claims.slots import LIGHT_VERBS, SentenceView

#: Two sentences must be this close (sentence cosine) for a negated verb to contradict.
#: Tuned on NeuS val and ECB+ dev false alarms.
NEGATION_MIN_SIMILARITY = 0.4
#: ... or this close when the two clauses of the verb share ``CLAUSE_WORDS`` content words besides
#: it ("is not increasing immigration fees" / "is dramatically increasing fees for immigration").
#: Tuned on NeuS val injections and false alarms on unchanged NeuS val and ECB+ dev stories.
CLAUSE_MIN_SIMILARITY = 0.25
CLAUSE_WORDS = 2
#: Words after a negated verb that turn the negation into a condition or a time.
CONDITIONS = {"until", "unless", "without", "only", "till", "if"}


def _verbs(view: SentenceView) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, tok in enumerate(view.tokens):
        if tok.pos == "VERB" and tok.lemma not in LIGHT_VERBS and len(tok.lemma) > 2:
            found.setdefault(tok.lemma, []).append(i)
    return found


def _conditional(view: SentenceView, position: int) -> bool:
    """A condition after the verb ("would not have placed him if"), or an "if" clause before it
    ("if the team were still in contention, it would place him")."""
    clause = view.clause_of[position]
    before = any(t.text.lower() == "if" for j, t in enumerate(view.tokens[:position])
                 if clause - 1 <= view.clause_of[j] <= clause)
    return before or any(t.text.lower() in CONDITIONS for t in view.tokens[position : position + 12])


MODALS = {"may", "might", "could", "should", "can", "would"}


def _modal(view: SentenceView, position: int) -> str | None:
    words = [t.text.lower() for t in view.tokens[max(0, position - 3) : position]]
    return next((w for w in words if w in MODALS), None)


def _same_modal(a: SentenceView, pa: int, b: SentenceView, pb: int) -> bool:
    """Both verbs under one modal: "could put millions at risk" / "could not put millions at risk"."""
    modal = _modal(a, pa)
    return modal is not None and modal == _modal(b, pb)


def _flips(a: SentenceView, b: SentenceView) -> list[tuple[str, bool, bool]]:
    """(verb, negated in ``a``, comparable) for each verb both sentences share once, negated in
    only one; comparable when both are asserted, unconditional and share a word in their clauses."""
    verbs_a, verbs_b = _verbs(a), _verbs(b)
    flips = []
    for lemma in sorted(set(verbs_a) & set(verbs_b)):
        if len(verbs_a[lemma]) != 1 or len(verbs_b[lemma]) != 1:
            continue
        pa, pb = verbs_a[lemma][0], verbs_b[lemma][0]
        neg_a, neg_b = a.negated(pa), b.negated(pb)
        if neg_a == neg_b:
            continue
        asserted = (a.asserted(pa) and b.asserted(pb)) or _same_modal(a, pa, b, pb)
        comparable = (asserted and not _conditional(a, pa) and not _conditional(b, pb)
                      and bool((a.clause_lemmas(pa) & b.clause_lemmas(pb)) - {lemma}))
        flips.append((lemma, neg_a, comparable))
    return flips


def _objects(view: SentenceView, position: int) -> set[str]:
    """The first run of nouns just after the verb: what it acts on ("find actions" / "find
    evidence"; "increasing immigration fees")."""
    found: set[str] = set()
    for tok in view.tokens[position + 1 : position + 6]:
        if tok.pos == "NOUN":
            found.add(tok.lemma)
        elif found:
            break
    return found


def _same_clause(a: SentenceView, b: SentenceView, lemma: str) -> bool:
    """The verb's clauses share words besides it, and the verb acts on the same thing."""
    pa, pb = _verbs(a)[lemma][0], _verbs(b)[lemma][0]
    if _modifier(a, pa) or _modifier(b, pb):
        return False
    shared = (a.clause_lemmas(pa) & b.clause_lemmas(pb)) - {lemma}
    return len(shared) >= CLAUSE_WORDS and bool(_objects(a, pa) & _objects(b, pb))


def _modifier(view: SentenceView, position: int) -> bool:
    """A participle inside a noun phrase ("a service affecting outage"), not a predicate."""
    return position > 0 and view.tokens[position - 1].pos in ("NOUN", "ADJ")


def check(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    for a, b, similarity in fact.pairs():
        if similarity < CLAUSE_MIN_SIMILARITY or a.is_question() or b.is_question():
            continue
        flips = _flips(a, b)
        if len({negated for _, negated, _ in flips}) > 1:
            continue  # the "not" moved to another verb ("I didn't feel we were" / "I feel we weren't")
        for lemma, neg_a, comparable in flips:
            if not comparable or (similarity < NEGATION_MIN_SIMILARITY and not _same_clause(a, b, lemma)):
                continue
            value_a, value_b = ("not " + lemma, lemma) if neg_a else (lemma, "not " + lemma)
            yield Disagreement("negation", f"whether it happened ({lemma})", value_a, a, value_b, b)
