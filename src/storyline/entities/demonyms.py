"""Nationalities standing for people: "the 40-year-old American never recovered", "before the
Ukrainian emerged triumphant" refer to the person the story introduced by that nationality
("American challenger Tony Thompson", "Ukrainian Wladimir Klitschko").

A nationality (NORP) right before a person's name, with at most INTRO_WORDS lower-case words
between, says that person has it. A later "the ... <nationality>" used as a noun (not followed
by a noun: "the Ukrainian champion" is an adjective) becomes a mention of that person: the one
introduced in the same article, else the one of the story's holders named in the article
(never a holder the article does not name: two Americans box in ECB+ topic 7).
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.entities.names import clean_surface
from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Entity, Mention

#: Lower-case words allowed between a nationality and the name it introduces ("American
#: challenger Tony Thompson"; ECB+ training topics).
INTRO_WORDS = 2
INTRO_GAP = re.compile(rf"\s+(?:[a-z-]+\s+){{0,{INTRO_WORDS}}}$")
#: "the" and up to six modifier tokens before a nationality used as a noun ("the 40 - year - old").
THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z0-9-]+\s+){0,6}$")
NOUN_POS = frozenset({"NOUN", "PROPN"})


def _person(index: EntityIndex, m: Mention) -> Entity | None:
    """The entity of a person's mention (tagged PERSON: a boxer spaCy mostly calls ORG counts)."""
    entity = index.entity_of(m)
    return entity if entity is not None and "PERSON" in (entity.type, m.label) else None


def _introductions(docs: list[AnnotatedArticle], index: EntityIndex) -> dict[str, list[tuple[str, Entity]]]:
    """Nationality -> (article, person) for every "NORP <name>" introduction, in order."""
    out: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for doc in docs:
        for m, n in zip(doc.mentions, doc.mentions[1:]):
            person = _person(index, n)
            if m.label == "NORP" and person is not None and INTRO_GAP.match(doc.article.text[m.end : n.start] + " "):
                out[clean_surface(m.text)].append((doc.id, person))
    return out


def _noun_use(doc: AnnotatedArticle, m: Mention) -> bool:
    text = doc.article.text
    if not THE_BEFORE.search(text[max(0, m.start - 40) : m.start]):
        return False
    toks = doc.tokens[m.sentence] if m.sentence < len(doc.tokens) else []
    after = [t for t in toks if t.idx >= m.end and t.text not in ("'s", "’s", "'", "’")]
    return not after or after[0].pos not in NOUN_POS


def _holder(found: list[tuple[str, Entity]], doc: AnnotatedArticle, index: EntityIndex) -> Entity | None:
    local = list({e.id: e for a, e in found if a == doc.id}.values())
    if len(local) == 1:
        return local[0]
    people = list({e.id: e for _, e in found}.values())
    named = [e for e in people if any(index.by_mention.get((doc.id, m.start)) == e.id for m in doc.mentions)]
    return named[0] if len(named) == 1 else None


def attach_demonyms(docs: list[AnnotatedArticle], index: EntityIndex) -> None:
    """Give each nationality used as a noun for a person to that person (in place)."""
    intros = _introductions(docs, index)
    for doc in docs:
        for m in [m for m in doc.mentions if m.label == "NORP"]:
            found = intros.get(clean_surface(m.text))
            if found and _noun_use(doc, m):
                target = _holder(found, doc, index)
                if target is not None:
                    index.move(m, target)
