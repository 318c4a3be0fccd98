"""Actors: one fact credited to two different bodies of the same kind ("the House Oversight
Committee voted Tuesday to subpoena" / "the House Judiciary Committee voted Tuesday to subpoena").
Only bodies whose names end in the same kind word (committee, court, department...) are compared:
two people doing one thing ("Pelosi said" / "Schumer said") is common and no disagreement; a
sentence naming both bodies, or two of one kind, tells them apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.claims.conflicts import Disagreement, Evidence
from storyline.claims.facts import Fact
from storyline.claims.slots import SentenceView

#: Two sentences must be this close (sentence cosine) to credit one fact to one body. On NeuS val
#: and ECB+ dev no conflict is flagged on the unchanged stories down to 0.3; actor injections found
#: on NeuS val: 11/35 at 0.3, 9/35 at 0.4 (kept, for margin).
ACTOR_MIN_SIMILARITY = 0.4
#: Kinds of bodies whose names two outlets may confuse.
BODIES = {"committee", "subcommittee", "court", "department", "agency", "ministry", "commission", "council",
          "panel", "board", "office", "bureau", "service", "administration", "university", "party"}


def _bodies(view: SentenceView) -> dict[str, tuple[str, str]]:
    """Kind word -> (entity id, name) of the one body of that kind the sentence names (kinds
    named twice with different bodies are left out: the sentence tells them apart)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for _, eid, etype, mention in view.entities:
        words = mention.text.lower().split()
        if etype == "ORG" and len(words) >= 2 and words[-1] in BODIES:
            found.setdefault(words[-1], set()).add((eid, mention.text))
    return {kind: min(named) for kind, named in found.items() if len({e for e, _ in named}) == 1}


def _qualifier(name: str) -> str:
    """The word before the kind word: "Judiciary" of "the House Judiciary Committee"."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return words[-2] if len(words) >= 2 else ""


def check(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    for a, b, similarity in fact.pairs():
        if similarity < ACTOR_MIN_SIMILARITY:
            continue
        bodies_a, bodies_b = _bodies(a), _bodies(b)
        for kind in sorted(set(bodies_a) & set(bodies_b)):
            (first, name_a), (second, name_b) = bodies_a[kind], bodies_b[kind]
            if _qualifier(name_a) == _qualifier(name_b):
                continue  # "(CNN)The Supreme Court" / "U.S. Supreme Court": one body, two mentions
            if first != second and first not in b.entity_ids and second not in a.entity_ids:
                yield Disagreement("actor", f"which {kind} acted", name_a, a, name_b, b)
