"""Numbers across facts: two articles counting the same noun phrase in sentences the grouping
left apart ("submitted more than 10,402 fraudulent voter registration applications" / "allegedly
submitted 8,000 fraudulent voter registration applications on behalf of homeless people").

The grouping keeps paraphrases with different verbs or extra clauses apart, so the number check
of a fact never sees them. This finder pairs counts of one specific noun in sentences of two
articles only when the words pin them to one thing: the noun phrase shares a second word (a
modifier, "articles of impeachment"; a noun it is the complement of, "the deaths of seven
women"), or a place or body named right after it ("delegates from
American Samoa"), and the counts hang on the same verb or the same named doer. Every gate of the
number check of a fact then applies (other times, ranges, inventories, another doer, values the
other article also gives).
"""

from __future__ import annotations

from collections import defaultdict

from storyline.claims.conflicts import Disagreement, Evidence, fact_of, merge
from storyline.claims.conflicts.number import compare
from storyline.claims.counts import Count, counts
from storyline.claims.facts import Fact
from storyline.claims.slots import SentenceView
from storyline.records import Conflict

#: Nouns that count too many different things to pin a slot on their own, and measures (miles
#: from where?). Chosen by hand.
GENERIC = {"people", "person", "percent", "money", "time", "other", "thing", "way", "number", "case",
           "member", "official", "one", "figure", "part", "point", "report", "state", "country",
           "miles", "feet", "yards", "km", "mph", "pounds", "kg"}
#: A noun counted more often than this in one story counts many things (a sports season's "games").
MAX_PER_NOUN = 12
#: Tokens after a count searched for a named place or body that modifies the counted noun.
MODIFIER_WINDOW = 7
#: Prepositions of a complement that names what a noun is of ("articles of impeachment").
OF = {"of", "for"}


def across(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    """Number conflicts between sentences of different facts that count one noun phrase."""
    holder = fact_of(facts)
    by_noun: dict[str, list[tuple[SentenceView, Count]]] = defaultdict(list)
    for fact in facts:
        for view in fact.views:
            for count in counts(view, evidence.texts[view.article_id]):
                if count.is_length:
                    continue
                for noun in sorted(count.nouns):
                    if noun not in GENERIC and not noun.startswith("+"):
                        by_noun[noun].append((view, count))
    conflicts: list[Conflict] = []
    seen: set[tuple[str, int, str, int]] = set()  # a pair counted under two shared nouns is compared once
    for _, items in sorted(by_noun.items()):
        if len(items) > MAX_PER_NOUN or len({v.article_id for v, _ in items}) < 2:
            continue
        found: list[Disagreement] = []
        for i, (a, f) in enumerate(items):
            for b, g in items[i + 1 :]:
                key = (a.sentence.id, f.position, b.sentence.id, g.position)
                if a.article_id == b.article_id or holder[a.sentence.id] == holder[b.sentence.id] or key in seen:
                    continue
                seen.add(key)
                if _one_phrase(a, f, b, g):
                    found += compare(a, b, evidence.similarity(a, b), evidence, (f, g))
        conflicts += merge(found, evidence.outlet_of)
    return conflicts


def _one_phrase(a: SentenceView, f: Count, b: SentenceView, g: Count) -> bool:
    """The same noun phrase (a second shared word, a shared complement or a shared name right
    after it) counted under the same verb or by the same named doer."""
    by_name = bool(_names_after(a, f) & _names_after(b, g))
    of, governor = _of_noun(a, f), _governor(a, f)
    modified = (len(f.nouns & g.nouns) >= 2 or by_name or (of is not None and of == _of_noun(b, g))
                or (governor is not None and governor == _governor(b, g)))
    verb = a.verb_of(f.position)
    doer = a.subject(f.position)
    same_verb = verb is not None and verb == b.verb_of(g.position)
    same_doer = doer is not None and doer == b.subject(g.position)
    return modified and (same_verb or same_doer or by_name)


def _names_after(view: SentenceView, c: Count) -> set[str]:
    """Places and bodies named just after a count ("two delegates in the caucuses in American Samoa")."""
    return {e[1] for e in view.entities if c.last < e[0] <= c.last + MODIFIER_WINDOW and e[2] in ("GPE", "LOC", "ORG")}


def _governor(view: SentenceView, c: Count) -> str | None:
    """The noun a count is the complement of ("the deaths of seven women" -> "death")."""
    before = view.tokens[max(0, c.position - 2) : c.position]
    if len(before) == 2 and before[1].text.lower() == "of" and before[0].pos == "NOUN":
        return before[0].lemma.lower()
    return None


def _of_noun(view: SentenceView, c: Count) -> str | None:
    """The noun of an "of" complement of the counted noun ("five articles of impeachment")."""
    tokens = view.tokens[c.last + 1 : c.last + MODIFIER_WINDOW]
    for i, tok in enumerate(tokens[:-1]):
        if tok.pos == "NOUN":
            continue
        if tok.text.lower() in OF:
            return next((t.lemma.lower() for t in tokens[i + 1 :] if t.pos in ("NOUN", "PROPN")), None)
        if i > 0:
            break
    return None
