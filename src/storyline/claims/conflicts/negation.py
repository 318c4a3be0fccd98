"""Negation: one article negates the predicate another affirms, compared per verb and clause
("the city has not paid" / "the city has paid"), not per sentence, so a second "not" elsewhere
neither hides a change nor makes one. Questions, and "not ... until" (a time, not a denial),
are not compared.

A copula or "have" is compared by what follows it ("was not the target of a hate crime" / "was
the target of a hate crime"), since "be" and "have" carry no fact of their own. A verb is compared
only when both sentences assert it (not a condition, a claim reported, a gerund, an infinitive
unless both share its modal or one is "a bill to X" and the other "a bill that would not X"), of
the same doer, with a plain yes or no (a negative quantifier subject or a hedge gives neither).
Sentences the grouping left apart are compared in ``negation_apart``.
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.claims.conflicts import Disagreement, Evidence
from storyline.claims.facts import Fact
from storyline.claims.slots import (
    ACTOR_TYPES,
    LIGHT_VERBS,
    NEGATING_VERBS,
    NEGATORS,
    QUOTE_MARKS,
    SPEECH_VERBS,
    SUBORDINATORS,
    SentenceView,
)

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
#: How many content words after a copula name what it predicates ("the target of a hate crime");
#: all must match. Tuned on ECB+ dev and NeuS val injections and unchanged-story false alarms.
PREDICATE_WORDS = 3
MODALS = {"may", "might", "could", "should", "can", "would", "'d", "’d"}
COPULAS = {"be", "have"}
#: Nouns whose "that" clause is a claim reported, not a fact stated.
CLAIM_NOUNS = {"allegation", "claim", "accusation", "rumor", "rumour", "speculation", "suggestion", "theory",
               "assertion", "suspicion"}
CONTENT = ("NOUN", "VERB", "PROPN", "ADJ")
#: "Almost not" and "ever" (superlatives, questions): no plain yes or no to compare.
HEDGES = {"barely", "hardly", "scarcely", "rarely", "seldom", "ever"}
#: Negative quantifiers heading a subject ("no one", "none of the victims", "no suspects").
QUANTIFIERS = {"no", "none", "nobody", "nothing", "no-one", "noone", "neither"}
#: What may stand between such a quantifier and its verb: the rest of the subject, auxiliaries.
SUBJECT_WORDS = ("NOUN", "PROPN", "ADJ", "NUM", "DET", "AUX", "ADV")
OBJECT = ("NOUN", "PROPN", "ADJ")


def _verbs(view: SentenceView) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, tok in enumerate(view.tokens):
        if tok.pos == "VERB" and tok.lemma not in LIGHT_VERBS and len(tok.lemma) > 2:
            found.setdefault(tok.lemma, []).append(i)
    return found


def _negated(view: SentenceView, position: int) -> bool | None:
    """Whether the verb is negated: by "not", "never", "refused to", "found no"
    (``SentenceView.negated``; "No. 5 seed" after it is a number, not "no"). ``None`` when a
    negative quantifier heads its subject ("no suspects have been taken", "none of those offers
    are believed"): that says who, not whether, and matches neither polarity; so does a hedge
    (``HEDGES``)."""
    tokens = view.tokens
    near = {t.text.lower() for t in tokens[max(0, position - 2) : position]}
    if near & HEDGES:
        return None  # "barely landed a blow", "the greatest I've ever seen": neither yes nor no
    if _number_sign(view, position + 1):
        before = {t.text.lower() for t in tokens[max(0, position - 3) : position]}
        return bool(before & NEGATORS)
    if any(t.text.lower() in NEGATORS for t in tokens[max(0, position - 3) : position]):
        return view.negated(position)
    for j in range(position - 1, -1, -1):
        tok = tokens[j]
        if tok.text.lower() in QUANTIFIERS and not _number_sign(view, j):
            return None
        if tok.pos not in SUBJECT_WORDS and tok.text.lower() not in ("of", "-"):
            break
    return view.negated(position)


def _number_sign(view: SentenceView, position: int) -> bool:
    """ "No. 5", "No 5": a number sign."""
    if position + 1 >= len(view.tokens) or view.tokens[position].text != "No":
        return False
    following = view.tokens[position + 1].text
    return following == "." or following[:1].isdigit()


def _conditional(view: SentenceView, position: int) -> bool:
    """A condition on the verb: an "if" clause before it ("if the team were still in contention,
    it would place him"), or a condition word after it before any other verb or "that" takes
    over ("would not have placed him if"; but "warned it could sever ties if" conditions the
    severing, and "argued that if the courts found" conditions what was argued)."""
    clause = view.clause_of[position]
    before = any(t.text.lower() == "if" for j, t in enumerate(view.tokens[:position])
                 if clause - 1 <= view.clause_of[j] <= clause)
    if before:
        return True
    for j in range(position + 1, min(len(view.tokens), position + 13)):
        tok, word = view.tokens[j], view.tokens[j].text.lower()
        if word in CONDITIONS:
            return True
        if word == "that" or (tok.pos == "VERB" and _finite(view, j)):
            return False
    return False


def _finite(view: SentenceView, position: int) -> bool:
    """A verb with its own subject, modal or "to" ("could sever", "he left", "to pay"), not a
    participle inside a noun phrase ("on injured reserve")."""
    previous = view.tokens[position - 1]
    return previous.pos in ("PRON", "AUX", "PART") or previous.text.lower() in MODALS | {"to"}


def _modal(view: SentenceView, position: int, coordinated: bool = True) -> str | None:
    """The modal over the verb: just before it ("could not put"), or before the verb it is
    coordinated with ("could cost trillions and put millions at risk")."""
    words = [t.text.lower() for t in view.tokens[max(0, position - 3) : position]]
    found = next((w for w in words if w in MODALS), None)
    if found or not coordinated:
        return found
    clause, joined = view.clause_of[position], False
    for j in range(position - 1, -1, -1):
        tok = view.tokens[j]
        if view.clause_of[j] != clause:
            break
        if tok.text.lower() in ("and", "or"):
            joined = True
        elif tok.pos == "VERB":
            return _modal(view, j, False) if joined else None
    return None


def _same_modal(a: SentenceView, pa: int, b: SentenceView, pb: int) -> bool:
    """Both verbs under one modal: "could put millions at risk" / "could not put millions at risk"."""
    modal = _modal(a, pa)
    return modal is not None and modal == _modal(b, pb)


def _purpose(view: SentenceView, position: int) -> bool:
    """A thing's infinitive says what it does: "legislation (on Monday) to raise the age" is
    legislation that would raise it."""
    if position < 2 or view.tokens[position - 1].text.lower() != "to":
        return False
    j = position - 2
    while j > 0 and (view.tokens[j].ent in ("DATE", "TIME") or view.tokens[j].text.lower() == "on"):
        j -= 1
    return view.tokens[j].pos == "NOUN"


def _refused(view: SentenceView, position: int) -> bool:
    """ "declined to take up", "failed to pass": the infinitive is asserted, as negated."""
    return (position > 1 and view.tokens[position - 1].text.lower() == "to"
            and view.tokens[position - 2].lemma in NEGATING_VERBS and view.asserted(position - 2))


def _claimed(view: SentenceView, position: int) -> bool:
    """The verb is the content of a claim the sentence reports, not states ("contest police
    allegations that Gray pointed a gun")."""
    for j in range(position - 1, max(0, position - 8), -1):
        if view.tokens[j].text.lower() == "that":
            noun = view.tokens[j - 1]
            return noun.pos == "NOUN" and noun.lemma.lower() in CLAIM_NOUNS
    return False


def _prepositional(view: SentenceView, position: int) -> bool:
    """A gerund after a preposition names an activity, it does not state it ("negotiating about
    returning for the sequel")."""
    return (position > 0 and view.tokens[position].text.lower().endswith("ing")
            and view.tokens[position - 1].pos == "ADP")


def _asserted(a: SentenceView, pa: int, b: SentenceView, pb: int) -> bool:
    """Both sentences state the verb as a fact, or under one modal, or one says what a thing
    would do and the other what it is for ("a bill that would not raise" / "a bill to raise")."""
    if _claimed(a, pa) or _claimed(b, pb) or _prepositional(a, pa) or _prepositional(b, pb):
        return False
    if (a.asserted(pa) or _refused(a, pa)) and (b.asserted(pb) or _refused(b, pb)):
        return True
    would_a, would_b = _modal(a, pa) in ("would", "'d", "’d"), _modal(b, pb) in ("would", "'d", "’d")
    return _same_modal(a, pa, b, pb) or (would_a and _purpose(b, pb)) or (would_b and _purpose(a, pa))


def _context(view: SentenceView, position: int) -> set[str]:
    """The content words and numbers of the verb's clause; a subordinate clause of one or two
    words ("since he was sworn in") is read with the clause before it."""
    clause = view.clause_of[position] if view.tokens else -1
    words = view.clause_lemmas(position) | {t.text for i, t in enumerate(view.tokens)
                                            if view.clause_of[i] == clause and t.pos == "NUM"}
    start = next((i for i, c in enumerate(view.clause_of) if c == clause), 0)
    if len(words) < 3 and clause > 0 and view.tokens[start].text.lower() in SUBORDINATORS:
        words |= {t.lemma for i, t in enumerate(view.tokens)
                  if view.clause_of[i] == clause - 1 and t.pos in CONTENT and not t.is_stop}
    return words


def _doer(view: SentenceView, position: int) -> tuple[str, str] | None:
    """(entity id, type) of the last actor named before the verb in its clause, unless it is
    the speaker ("Mr Campbell said police told him the man was not wearing crampons"); for a
    clause that opens on its auxiliary or verb after an apposition, the sentence's first actor
    ("Klitschko, who was coming off a knockout, | landed 178 punches")."""
    def speaks(at: int) -> bool:
        after = view.tokens[at + 1 : at + 4]
        return any(t.lemma in SPEECH_VERBS for t in after)
    clause = view.clause_of[position]
    actors = [e for e in view.entities if e[0] < position and e[2] in ACTOR_TYPES and not speaks(e[0])]
    before = [e for e in actors if view.clause_of[e[0]] == clause]
    if before:
        return max(before, key=lambda e: e[0])[1:3]
    start = view.clause_of.index(clause)
    opening = start + (view.tokens[start].pos == "PUNCT")
    finite = opening == position and not view.tokens[position].text.lower().endswith("ing")
    if actors and (view.tokens[opening].pos == "AUX" or finite):  # not a participle: "..., pointing a gun"
        return min(actors, key=lambda e: e[0])[1:3]  # "Mark Vinar, 43, | is not presumed dead"
    return None


def _other_doer(a: SentenceView, pa: int, b: SentenceView, pb: int) -> bool:
    """Two doers of one kind ("the House did not" / "the Senate did"; "Klitschko landed 178
    punches" / "Rahman didn't land a clean punch", though each sentence names both), neither
    among the other's joint doers ("McConnell" / "McConnell and Kaine"); a country and a person
    are no two doers ("Turkey's president" / "Erdogan")."""
    mine, theirs = _doer(a, pa), _doer(b, pb)
    return (mine is not None and theirs is not None and mine[1] == theirs[1]
            and not _joined(a, mine[0], pa) & _joined(b, theirs[0], pb))


def _joined(view: SentenceView, doer: str, position: int) -> set[str]:
    """The doer and the actors named with it ("Mitch McConnell (R-Ky.) and Sen. Tim Kaine")."""
    starts = sorted((e[0], e[1]) for e in view.entities if e[0] < position and e[2] in ACTOR_TYPES)
    found = {doer}
    last = max((i for i, eid in starts if eid == doer), default=None)
    if last is None:
        return found
    for i, eid in reversed([s for s in starts if s[0] < last]):
        if any(t.pos not in ("PROPN", "PUNCT", "CCONJ", "NUM") or t.text in (",", ";") for t in view.tokens[i:last]):
            break
        found.add(eid)
        last = i
    return found


def _comparable(a: SentenceView, pa: int, b: SentenceView, pb: int, lemma: str) -> bool:
    """Both asserted, unconditional, done by the same doer, and their clauses share a word."""
    return (_asserted(a, pa, b, pb) and not _conditional(a, pa) and not _conditional(b, pb)
            and not _other_doer(a, pa, b, pb) and bool((_context(a, pa) & _context(b, pb)) - {lemma}))


def _flips(a: SentenceView, b: SentenceView) -> list[tuple[str, bool, bool]]:
    """(verb, negated in ``a``, comparable) for each verb both sentences share once, negated in
    only one."""
    verbs_a, verbs_b = _verbs(a), _verbs(b)
    flips = []
    for lemma in sorted(set(verbs_a) & set(verbs_b)):
        if len(verbs_a[lemma]) != 1 or len(verbs_b[lemma]) != 1:
            continue
        pa, pb = verbs_a[lemma][0], verbs_b[lemma][0]
        neg_a, neg_b = _negated(a, pa), _negated(b, pb)
        if neg_a is not None and neg_b is not None and neg_a != neg_b:
            flips.append((lemma, neg_a, _comparable(a, pa, b, pb, lemma)))
    return flips


def _object_run(view: SentenceView, position: int) -> list[str]:
    """The first run of nouns, names or adjectives just after the verb, past a time or a
    preposition: what it acts on ("find actions" / "find evidence"; "increasing immigration
    fees"; "presumed dead"; "brokered a day earlier by Vice President Mike Pence"; "take up
    Boise's appeal")."""
    found: list[str] = []
    for tok in view.tokens[position + 1 : position + 9]:
        if tok.pos in OBJECT and tok.ent not in ("DATE", "TIME"):
            found.append(tok.lemma.lower())
        elif found and (tok.text.lower() in ("'s", "’s") or tok.text in QUOTE_MARKS):
            continue
        elif found or tok.pos in ("VERB", "AUX") or tok.text.lower() == "that":
            break  # what another verb acts on ("explained that officers shot")
    return found


def _objects(view: SentenceView, position: int) -> set[str]:
    return set(_object_run(view, position))


def _same_clause(a: SentenceView, b: SentenceView, lemma: str) -> bool:
    """The verb's clauses share words besides it, and the verb acts on the same thing."""
    pa, pb = _verbs(a)[lemma][0], _verbs(b)[lemma][0]
    if _modifier(a, pa) or _modifier(b, pb):
        return False
    shared = (a.clause_lemmas(pa) & b.clause_lemmas(pb)) - {lemma}
    return len(shared) + _same_doer(a, pa, b, pb) >= CLAUSE_WORDS and bool(_objects(a, pa) & _objects(b, pb))


def _same_doer(a: SentenceView, pa: int, b: SentenceView, pb: int) -> bool:
    """One actor does both (counts as a shared word even when named outside the clause)."""
    doer = _doer(a, pa)
    return doer is not None and doer == _doer(b, pb)


def _modifier(view: SentenceView, position: int) -> bool:
    """A participle inside a noun phrase ("a service affecting outage"), not a predicate (but "a
    ceasefire brokered by Pence" says who brokered it)."""
    following = view.tokens[position + 1].pos if position + 1 < len(view.tokens) else ""
    return position > 0 and view.tokens[position - 1].pos in ("NOUN", "ADJ") and following in OBJECT


def _copula_not(view: SentenceView, position: int) -> bool:
    """ "was not the target", "wasn't", "did not have"."""
    after = view.tokens[position + 1].text.lower() if position + 1 < len(view.tokens) else ""
    return after in NEGATORS or bool(_negated(view, position))


def _predicate(view: SentenceView, position: int) -> tuple[str, ...]:
    """The first content words and numbers after a copula, in its clause ("target hate crime");
    empty when a verb follows (the verb is compared itself: "is not expected")."""
    clause, words = view.clause_of[position], list[str]()
    for i in range(position + 1, len(view.tokens)):
        tok = view.tokens[i]
        if view.clause_of[i] != clause or len(words) == PREDICATE_WORDS:
            break
        if tok.pos in ("VERB", "AUX") and not words:
            return ()
        if tok.pos in CONTENT + ("NUM",) and tok.text.lower() not in NEGATORS:
            words.append(tok.lemma.lower())
    return tuple(words) if len(words) == PREDICATE_WORDS else ()


def _copula_flips(a: SentenceView, b: SentenceView) -> Iterator[tuple[str, bool]]:
    """(predicate, negated in ``a``) for a copula or "have" with the same predicate in both
    sentences, negated in one; unconditional and not under different modals."""
    def copulas(view: SentenceView) -> dict[tuple[str, ...], int]:
        found = [(_predicate(view, i), i) for i, t in enumerate(view.tokens) if t.lemma in COPULAS]
        return {p: i for p, i in found if p and sum(q == p for q, _ in found) == 1}
    mine, theirs = copulas(a), copulas(b)
    for predicate in sorted(set(mine) & set(theirs)):
        pa, pb = mine[predicate], theirs[predicate]
        neg_a = _copula_not(a, pa)
        if (neg_a != _copula_not(b, pb) and _modal(a, pa, False) == _modal(b, pb, False)
                and not _conditional(a, pa) and not _conditional(b, pb) and not _other_doer(a, pa, b, pb)):
            yield " ".join(predicate), neg_a


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
            yield _disagreement(lemma, neg_a, a, b)
        if not flips and similarity >= NEGATION_MIN_SIMILARITY:
            for predicate, neg_a in _copula_flips(a, b):
                yield _disagreement(predicate, neg_a, a, b)


def _disagreement(what: str, neg_a: bool, a: SentenceView, b: SentenceView) -> Disagreement:
    value_a, value_b = ("not " + what, what) if neg_a else (what, "not " + what)
    return Disagreement("negation", f"whether it happened ({what})", value_a, a, value_b, b)
