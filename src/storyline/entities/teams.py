"""Compound names made of two names the story also uses alone: a team is its place and its
nickname ("Creighton Bluejays" = "Creighton" = "Bluejays", "New Orleans Saints" = "New
Orleans" = "Saints").

A name "A B" that is not a place (any other label: spaCy calls "Creighton Bluejays" a person)
whose tail B is a plural nickname ("Saints", "Bluejays", "Tar Heels") used alone in the story
with a non-person, non-NORP label, and whose head A is also used alone, makes one entity of
all three.
When A is a place, only its mentions that do not follow a locative preposition ("in New
Orleans", "to Indianapolis") move: those stay the place. A head or tail claimed by two
compounds ("New York Yankees", "New York Mets") stays where it is. Nationalities and parties
("Senate Democrats") are not nicknames, a nationality is no head ("North Korean Ministry of Foreign
Affairs"), and a tail with "of", "for", "and"... is a body's name, not a nickname.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Protocol

from storyline.records import Mention

#: Labels a nickname tail may carry (not NORP: "Democrats"; not PERSON).
NICKNAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"})
#: Words no nickname holds: "North Korean Ministry of Foreign Affairs" is a body, not "North
#: Korean" + a nickname.
NOT_IN_NICKNAMES = frozenset({"of", "for", "and", "the", "on"})
#: Labels of places whose non-locative mentions a compound takes.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words before a mention that make it a location, not the team ("in Boston").
LOCATIVES = frozenset({"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "of"})


class Cluster(Protocol):
    key: str
    mentions: list[Mention]

    @property
    def label(self) -> str: ...

    def forms(self) -> set[tuple[str, ...]]: ...

    def add(self, mentions: list[Mention]) -> None: ...

    def take_all(self) -> list[Mention]: ...


def _owners(clusters: Sequence[Cluster]) -> dict[tuple[str, ...], Cluster]:
    """Each form used in the story -> the cluster holding it (the largest on a tie, then by key)."""
    owner: dict[tuple[str, ...], Cluster] = {}
    for c in sorted(clusters, key=lambda c: (-len(c.mentions), c.key)):
        for form in sorted(c.forms()):
            owner.setdefault(form, c)
    return owner


def _parts(c: Cluster, owner: dict[tuple[str, ...], Cluster]) -> list[tuple[Cluster, Cluster]]:
    """(head owner, tail owner) for each split of a form of ``c`` into two standalone names."""
    out = []
    for form in sorted(f for f in c.forms() if len(f) >= 2):
        for i in range(1, len(form)):
            head, tail = owner.get(form[:i]), owner.get(form[i:])
            if (head is None or tail is None or head is tail or head is c or head.label == "NORP"
                    or not form[-1].endswith("s") or tail.label not in NICKNAME_LABELS
                    or NOT_IN_NICKNAMES & set(form[i:])):
                continue  # a nationality is no team's place; "Ministry of Foreign Affairs" no nickname
            out.append((head, tail))
    return out


def merge_compound_names(clusters: Sequence[Cluster], located: Collection[tuple[str, int]]) -> None:
    """Join each compound "place/school + nickname" with its two parts (in place)."""
    live = [c for c in clusters if c.mentions]
    owner = _owners(live)
    claims: dict[int, list[Cluster]] = defaultdict(list)
    pairs: list[tuple[Cluster, Cluster, Cluster]] = []
    for c in live:
        if c.label in PLACE_LABELS:
            continue
        for head, tail in _parts(c, owner):
            pairs.append((c, head, tail))
            for part in (head, tail):
                if c not in claims[id(part)]:
                    claims[id(part)].append(c)
    for c, head, tail in pairs:
        if len(claims[id(head)]) > 1 or len(claims[id(tail)]) > 1 or not c.mentions:
            continue
        if tail is not c and tail.mentions:
            c.add(tail.take_all())
        if head.label in PLACE_LABELS:
            moved = [m for m in head.mentions if (m.article_id, m.start) not in located]
            if moved:
                kept = [m for m in head.take_all() if (m.article_id, m.start) in located]
                head.add(kept)
                c.add(moved)
        elif head.mentions:
            c.add(head.take_all())


def located_mentions(texts: dict[str, str], mentions: Sequence[Mention]) -> set[tuple[str, int]]:
    """Mentions right after a locative preposition ("in Boston")."""
    out = set()
    for m in mentions:
        text = texts.get(m.article_id, "")
        before = text[max(0, m.start - 12) : m.start].split()
        if before and before[-1].lower() in LOCATIVES:
            out.add((m.article_id, m.start))
    return out
