"""Resolve entity mentions of many articles into one entity per referent.

Stages, in order:
1. full names group by a spelling-folded key (``names.name_key``), type by majority;
2. acronyms join the entity whose initials they spell ("NIS" / "National Intelligence Service");
3. partial names join a full name: an ordered subset ("George Bush" / "George W. Bush") or a
   single token such as a surname ("Ri", "Easley") or an outlet's first word ("Chosun"),
   preferring a candidate in the same article, then the clearly dominant one in the story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.entities.names import (
    clean_surface,
    initials,
    is_acronym,
    name_key,
    phonetic,
    tokens_of,
)
from storyline.records import Entity, Mention, content_id

#: Labels whose single-token mentions may be a short form of a longer name.
SHORTENABLE = {"PERSON", "ORG"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: A story-wide candidate for a short form must have this many times the mentions of the
#: runner-up (tuned on the seeds: "Kim" -> Kim Jong Un, not Kim Yo Jong).
DOMINANCE = 2.0


def type_group(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else "AGENT" if label in SHORTENABLE else label


@dataclass
class _Cluster:
    key: str
    group: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def token_keys(self) -> set[str]:
        return {phonetic(t) for m in self.mentions for t in tokens_of(m.text)}

    def full_tokens(self) -> tuple[str, ...]:
        longest = max(self.mentions, key=lambda m: len(tokens_of(m.text)))
        return tuple(phonetic(t) for t in tokens_of(longest.text))

    def count_in(self, article_id: str) -> int:
        return sum(1 for m in self.mentions if m.article_id == article_id)


@dataclass
class EntityIndex:
    """Entities and, for every mention, the id of the entity it refers to."""

    entities: list[Entity]
    by_mention: dict[tuple[str, int], str]

    def entity_of(self, mention: Mention) -> Entity | None:
        eid = self.by_mention.get((mention.article_id, mention.start))
        return self._by_id.get(eid) if eid else None

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.entities}

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)


def _usable(mention: Mention) -> bool:
    surface = clean_surface(mention.text)
    return len(surface) >= 2 and any(c.isalpha() for c in surface) and bool(tokens_of(surface))


def _group_full_names(mentions: list[Mention]) -> tuple[dict[str, _Cluster], list[Mention]]:
    clusters: dict[str, _Cluster] = {}
    short: list[Mention] = []
    for m in mentions:
        if len(tokens_of(m.text)) == 1 and m.label in SHORTENABLE and not is_acronym(m.text):
            short.append(m)
            continue
        group = type_group(m.label)
        key = f"{group}:{name_key(m.text, m.label)}"
        clusters.setdefault(key, _Cluster(key, group)).mentions.append(m)
    return clusters, short


def _merge_acronyms(clusters: dict[str, _Cluster]) -> None:
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, c in clusters.items():
        name = max((m.text for m in c.mentions), key=len)
        if c.group == "AGENT" and len(tokens_of(name)) >= 2:
            by_initials[initials(name)].append(key)
    for key in list(clusters):
        c = clusters[key]
        acronym = clean_surface(c.mentions[0].text)
        if is_acronym(acronym) and len(by_initials.get(acronym, [])) == 1:
            target = by_initials[acronym][0]
            if target != key:
                clusters[target].mentions += clusters.pop(key).mentions


def _merge_subsets(clusters: dict[str, _Cluster]) -> None:
    """'George Bush' joins 'George W. Bush' when that is its only ordered superset."""
    keys = sorted(clusters, key=lambda k: len(clusters[k].full_tokens()))
    for key in keys:
        small = clusters.get(key)
        if small is None or small.group != "AGENT" or len(small.full_tokens()) < 2:
            continue
        supersets = [k for k in clusters if k != key and clusters[k].group == "AGENT"
                     and _ordered_subset(small.full_tokens(), clusters[k].full_tokens())]
        if len(supersets) == 1:
            clusters[supersets[0]].mentions += clusters.pop(key).mentions


def _ordered_subset(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    if len(small) >= len(big) or small[0] != big[0] or small[-1] != big[-1]:
        return False
    it = iter(big)
    return all(tok in it for tok in small)


def _pick_for_short(m: Mention, candidates: list[_Cluster]) -> _Cluster | None:
    local = [c for c in candidates if c.count_in(m.article_id)]
    if local:
        return max(local, key=lambda c: (c.count_in(m.article_id), -min(
            x.start for x in c.mentions if x.article_id == m.article_id)))
    ranked = sorted(candidates, key=lambda c: len(c.mentions), reverse=True)
    if not ranked:
        return None
    if len(ranked) == 1 or len(ranked[0].mentions) >= DOMINANCE * len(ranked[1].mentions):
        return ranked[0]
    return None


def _attach_short(clusters: dict[str, _Cluster], short: list[Mention]) -> None:
    multi = [c for c in clusters.values() if c.group == "AGENT" and len(c.full_tokens()) >= 2]
    index: dict[str, list[_Cluster]] = defaultdict(list)
    for c in multi:
        for tok in set(c.full_tokens()):
            index[tok].append(c)
    for m in short:
        target = _pick_for_short(m, index.get(phonetic(tokens_of(m.text)[0]), []))
        if target is None:
            key = f"AGENT:{name_key(m.text)}"
            target = clusters.setdefault(key, _Cluster(key, "AGENT"))
        target.mentions.append(m)


def _to_entity(c: _Cluster) -> Entity:
    by_form: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for m in c.mentions:
        form = clean_surface(m.text)
        by_form[form].add(m.article_id)
        counts[form] += 1
    longest = max(len(tokens_of(f)) for f in by_form)
    full_forms = [f for f in by_form if len(tokens_of(f)) == longest] or list(by_form)
    name = max(full_forms, key=lambda f: (len(by_form[f]), counts[f], f[:1].isupper(), f))
    label = Counter(m.label for m in c.mentions).most_common(1)[0][0]
    variants = sorted((f for f in by_form if f != name), key=lambda f: (-len(by_form[f]), f))
    mentions = sorted(c.mentions, key=lambda m: (m.article_id, m.start))
    return Entity(content_id("e", label, name_key(name, label)), name, label, variants, mentions)


def resolve_entities(mentions: Iterable[Mention]) -> EntityIndex:
    """Group the mentions of one story (many articles) into entities."""
    usable = sorted((m for m in mentions if _usable(m)), key=lambda m: (m.article_id, m.start))
    clusters, short = _group_full_names(usable)
    _merge_acronyms(clusters)
    _merge_subsets(clusters)
    _attach_short(clusters, short)
    entities = [_to_entity(c) for c in clusters.values() if c.mentions]
    entities.sort(key=lambda e: (-len(e.sources), -len(e.mentions), e.name))
    by_mention = {(m.article_id, m.start): e.id for e in entities for m in e.mentions}
    return EntityIndex(entities, by_mention)
