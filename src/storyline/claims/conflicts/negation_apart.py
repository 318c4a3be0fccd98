"""Negation across sentences the fact grouping left apart (see ``negation`` for the rules): a
verb negated in one article and affirmed in another, compared only when the test is strict
enough for two sentences never grouped as one fact. Indexed by verb lemma, so only sentences
sharing a verb are compared (no pass over all sentence pairs of a big story).
"""

from __future__ import annotations

from storyline.claims.conflicts import Evidence, fact_of, merge
from storyline.claims.conflicts.negation import (
    CLAUSE_WORDS,
    _comparable,
    _disagreement,
    _flips,
    _modifier,
    _negated,
    _object_run,
    _same_doer,
    _verbs,
)
from storyline.claims.facts import Fact
from storyline.claims.slots import SentenceView
from storyline.records import Conflict


def _participants(view: SentenceView, position: int) -> set[str]:
    """Names in the verb's clause (lower-cased lemmas of proper nouns)."""
    clause = view.clause_of[position]
    return {t.lemma.lower() for i, t in enumerate(view.tokens) if view.clause_of[i] == clause and t.pos == "PROPN"}


def _negated_verbs(view: SentenceView) -> dict[str, tuple[int, bool | None]]:
    """Content verbs said once in the sentence: lemma -> (position, negated)."""
    return {lemma: (spots[0], _negated(view, spots[0])) for lemma, spots in _verbs(view).items() if len(spots) == 1}


def unpaired(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    """Negation across sentences the grouping left apart: the same verb, negated in one article
    only, on the same thing (its clauses share ``CLAUSE_WORDS`` words, a name among them, and
    what it acts on), by the same doer ("the court declined to take up Boise's appeal" / "the
    Supreme Court will take up Boise's appeal"). Indexed by verb, so only sentences sharing a
    verb are compared."""
    holder = fact_of(facts)
    by_verb: dict[str, list[tuple[SentenceView, int, bool | None]]] = {}
    for view in (v for f in facts for v in f.views):
        if not view.is_question():
            for lemma, (position, negated) in _negated_verbs(view).items():
                by_verb.setdefault(lemma, []).append((view, position, negated))
    conflicts: list[Conflict] = []
    for lemma, spots in sorted(by_verb.items()):
        denials = [s for s in spots if s[2] is True]
        for a, pa, _ in denials:
            for b, pb, neg_b in spots:
                if neg_b is not False or a.article_id == b.article_id or holder[a.sentence.id] == holder[b.sentence.id]:
                    continue
                if _apart_flip(a, pa, b, pb, lemma):
                    conflicts += merge([_disagreement(lemma, True, a, b)], evidence.outlet_of)
    return conflicts


def _bare_participle(view: SentenceView, position: int) -> bool:
    """An "-ing" form with no "be" before it ("the stiffs playing QB leading a drive"): a
    participle describing someone, not what the sentence asserts."""
    before = {t.lemma for t in view.tokens[max(0, position - 3) : position]}
    return view.tokens[position].text.lower().endswith("ing") and "be" not in before


def _apart_flip(a: SentenceView, pa: int, b: SentenceView, pb: int, lemma: str) -> bool:
    """The strict test for two sentences never grouped as one fact: the verb acts on the same
    head noun ("directed The Hunger Games" is no "won't direct the Hunger Games sequel")."""
    if any(_modifier(v, p) or _bare_participle(v, p) for v, p in ((a, pa), (b, pb))):
        return False
    if not _comparable(a, pa, b, pb, lemma):
        return False
    if len({negated for _, negated, _ in _flips(a, b)}) > 1:
        return False
    shared = (a.clause_lemmas(pa) & b.clause_lemmas(pb)) - {lemma}
    run_a, run_b = _object_run(a, pa), _object_run(b, pb)
    doer = _same_doer(a, pa, b, pb)
    named = doer or bool(shared & (_participants(a, pa) | _participants(b, pb)))
    words = len(shared) + doer
    return ((words >= CLAUSE_WORDS and named) or words > CLAUSE_WORDS) and bool(run_a) and bool(
        run_b) and run_a[-1] == run_b[-1]
