"""Dates of two leads: the main event of two articles' first sentences that the fact grouping
left apart (paraphrased: "Former Governor Hale on Monday joined the race" / "Hale entered the race
on Saturday"), dated differently by one named doer doing the same kind of thing: two acts, or
one verb of saying. Uses the date check's reading of which verb a date belongs to.
"""

from __future__ import annotations

import numpy as np

from storyline.claims.conflicts import Disagreement, Evidence, fact_of, merge
from storyline.claims.conflicts.date import (
    MAIN_EVENT,
    _dated,
    _later_stage,
    _named_years,
    _other_counts,
    _overnight,
    _sequenced,
    saying,
    shared_doer,
)
from storyline.claims.facts import EMBED_ZERO, Fact, is_lead
from storyline.claims.slots import SentenceView
from storyline.records import Conflict

#: Leads the grouping left apart are compared from this cosine on (word or rescaled embedding cosine).
#: Tuned on NeuS val weekday injections against flags on unchanged NeuS val and ECB+ stories and on
#: ECB+ topics whose two sub-topics (two similar events) were merged into one story: none at 0.0-0.18;
#: 0.1 keeps a topical link between the leads.
LEAD_PAIR_MIN_SIMILARITY = 0.1
#: Who can be the doer of a lead's main event.
DOER_TYPES = {"PERSON", "ORG", "NORP"}
#: Leads compared pairwise at most (a story of thousands of articles compares its first leads).
MAX_LEADS = 300


def check(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    """Date conflicts between the dated leads of the story that no fact holds together."""
    views = sorted({v.sentence.id: v for f in facts for v in f.views if is_lead(v) and _dated(v)}.values(),
                   key=lambda v: v.sentence.id)[:MAX_LEADS]
    if len(views) < 2:
        return []
    holder = fact_of(facts)
    sims = lead_similarity(views, evidence)
    found = []
    for i, j in zip(*np.nonzero(np.triu(sims >= LEAD_PAIR_MIN_SIMILARITY, 1))):
        a, b = views[int(i)], views[int(j)]
        if a.article_id == b.article_id or holder[a.sentence.id] == holder[b.sentence.id]:
            continue
        if (d := _main_events(a, b, evidence)) is not None:
            found.append(d)
    return merge(found, evidence.outlet_of)


def lead_similarity(views: list[SentenceView], evidence: Evidence) -> np.ndarray:
    """As ``facts.fact_similarity``: word cosine or rescaled embedding cosine, the larger."""
    from storyline.claims.embed import cosine_matrix

    rows = np.array([evidence.row_of.get(v.sentence.id, -1) for v in views])
    known = rows >= 0
    words = np.zeros((len(views), len(views)))
    if known.any():
        words[np.ix_(known, known)] = evidence.sims[np.ix_(rows[known], rows[known])]
    embedded = np.clip((cosine_matrix([v.text for v in views]) - EMBED_ZERO) / (1 - EMBED_ZERO), 0, 1)
    return np.maximum(words, embedded)


def _main_events(a: SentenceView, b: SentenceView, evidence: Evidence) -> Disagreement | None:
    dated_a, dated_b = _dated(a), _dated(b)
    if not dated_a or not dated_b or _other_counts(a, b, evidence.texts):
        return None
    (verb_a, parts_a, expr_a, pa), (verb_b, parts_b, expr_b, pb) = dated_a[0], dated_b[0]
    doer = shared_doer(a, pa, b, pb)
    if doer is None:
        return None
    if not any(e[1] == doer and e[2] in DOER_TYPES for e in a.entities):
        return None  # "a party at a Vancouver business Friday": a place is where, not who
    if not parts_a.clashes(parts_b):
        return _named_year(a, b)  # one doer, one day: one event, whatever the verbs
    if (saying(a, verb_a) or saying(b, verb_b)) and verb_a != verb_b:
        return None  # "said on Friday" / "suggested Wednesday": two statements, or a statement of an act
    if (_overnight(a, expr_a, parts_a, b, expr_b, parts_b)
            or a.future(pa) != b.future(pb) or _later_stage(a) or _later_stage(b)
            or _sequenced(a, pa, b, verb_b) or _sequenced(b, pb, a, verb_a)):
        return None
    return Disagreement("date", MAIN_EVENT, expr_a, a, expr_b, b)


def _named_year(a: SentenceView, b: SentenceView) -> Disagreement | None:
    """One doer's act on one day naming its object with two years ("The 2017 federal budget that
    the White House unveiled Monday" / "The White House released its 2019 budget proposal Monday")."""
    years_a, years_b = _named_years(a), _named_years(b)
    for noun in sorted(set(years_a) & set(years_b)):
        if len(years_a[noun]) == 1 and len(years_b[noun]) == 1 and years_a[noun] != years_b[noun]:
            first, second = min(years_a[noun]), min(years_b[noun])
            return Disagreement("date", f"the year of the {noun}", f"{first} {noun}", a, f"{second} {noun}", b)
    return None
