"""Resolve entity mentions of many articles (one story) into one entity per referent.

Stages, in order:
1. mentions group by a spelling-folded key (``names.name_key``) whatever spaCy labelled them
   ("Colts" as ORG, PRODUCT and LOC is one team; a president tagged NORP once is one person);
   an entity's type is the majority label of its mentions;
2. acronyms join the entity whose initials they spell ("NIS" / "National Intelligence Service",
   "THR" / "The Hollywood Reporter");
3. multi-word names join a longer compatible name: a person with the same surname and matching
   given names ("Fred LaRue" / "Frederick Cheney LaRue", "Mark Felt" / "W. Mark Felt"), other
   names as a run of words ("Red Sox" / "Boston Red Sox");
4. a rare headline run holding exactly one known name ("Explorer Microsoft") joins it;
5. one-word names ("Bush", "Colts", "Creighton") join a longer name holding that word,
   preferring the candidate named last before it in the same article, then the clearly
   dominant one in the story;
6. a team joins its place and its nickname ("New Orleans Saints", ``teams``).

Entities are per story: nothing here links two stories.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from storyline.entities.matching import contiguous_in, person_compatible, same_token
from storyline.entities.names import (
    QUOTED,
    STOP_IN_INITIALS,
    clean_surface,
    core_tokens,
    initials,
    is_acronym,
    name_key,
    phonetic,
    tokens_of,
)
from storyline.entities.teams import merge_compound_names
from storyline.nlp.spans import is_junk
from storyline.records import Entity, Mention, content_id

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels of longer names a one-word name may stand for.
SHORT_TARGETS = frozenset({"PERSON", "ORG", "FAC", "NORP"})
#: Labels of one-word mentions that may stand for a longer name (places stay places).
SHORT_LABELS = frozenset({"PERSON", "ORG", "FAC", "NORP", "PRODUCT"})
#: Labels whose names legitimately contain another entity's name ("Apple TV", "Bush v. Gore").
CONTAINER_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
#: A story-wide candidate for a short form must have this many times the mentions of the
#: runner-up (tuned on the seeds: "Kim" -> Kim Jong Un, not Kim Yo Jong).
DOMINANCE = 2.0
#: A headline run ("Lindsay Lohan Checks") with at most this many mentions joins the one known
#: name it holds when that name has DOMINANCE times its mentions (ECB+ training topics).
RUN_MAX_MENTIONS = 2
#: A multi-word form names a non-person entity unless its usual form is this many times as
#: frequent (NeuS val: "Department of Justice", not "Department"; ECB+: "Microsoft").
RARE_FULL_NAME = 4
#: Letters of a word that decide whether two names are the same words ("election" /
#: "elections", "referendum" / "referenda"; ECB+ training topics).
STEM = 6
#: A name in capitals longer than this is a headline's ("WASHINGTON"), not an acronym ("NATO").
SHOUTED_NAME = 5


def type_group(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else "AGENT"


#: Ties of the majority vote go to the label earlier here (a person tagged once PERSON and
#: once NORP is a person).
LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")


def majority_label(mentions: Iterable[Mention]) -> str:
    """The most frequent label; ties go by ``LABEL_PRIORITY``."""
    counts = Counter(m.label for m in mentions if m.label != "TITLE")
    rank = {lab: i for i, lab in enumerate(LABEL_PRIORITY)}
    return min(counts, key=lambda lab: (-counts[lab], rank.get(lab, len(rank)), lab)) if counts else "PERSON"


@dataclass
class _Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    def add(self, mentions: list[Mention]) -> None:
        self.mentions.extend(mentions)
        self._cache.clear()

    def take_all(self) -> list[Mention]:
        taken, self.mentions = self.mentions, []
        self._cache.clear()
        return taken

    def _forms(self) -> Counter[tuple[str, ...]]:
        if "forms" not in self._cache:
            self._cache["forms"] = Counter(core_tokens(m.text) for m in self.mentions)
        return self._cache["forms"]  # type: ignore[return-value]

    @property
    def label(self) -> str:
        if "label" not in self._cache:
            self._cache["label"] = majority_label(self.mentions)
        return self._cache["label"]  # type: ignore[return-value]

    @property
    def tokens(self) -> tuple[str, ...]:
        """Core tokens of the longest form (ties: most frequent, then alphabetical)."""
        forms = self._forms()
        return min(forms, key=lambda f: (-len(f), -forms[f], f))

    @property
    def usual(self) -> tuple[str, ...]:
        """Core tokens of the most frequent form (ties: longest, then alphabetical)."""
        forms = self._forms()
        return min(forms, key=lambda f: (-forms[f], -len(f), f))

    def forms(self) -> set[tuple[str, ...]]:
        return set(self._forms())

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

    def move(self, mention: Mention, target: Entity) -> None:
        """Give ``mention`` to ``target``; an entity left without mentions goes."""
        old = self.entity_of(mention)
        if old is target:
            return
        if old is not None:
            old.mentions = [m for m in old.mentions if m != mention]
            if not old.mentions:
                self.entities.remove(old)
                del self._by_id[old.id]
        target.mentions.append(mention)
        self.by_mention[(mention.article_id, mention.start)] = target.id


def _usable(mention: Mention) -> bool:
    surface = clean_surface(mention.text)
    return len(surface) >= 2 and bool(core_tokens(surface)) and not is_junk(surface, mention.label)


def _group_by_key(mentions: list[Mention]) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    for m in mentions:
        key = name_key(m.text, m.label)
        clusters.setdefault(key, _Cluster(key)).add([m])
    return [clusters[k] for k in sorted(clusters)]


def _merge_into(target: _Cluster, source: _Cluster) -> None:
    target.add(source.take_all())


def _spellings(name: str) -> set[str]:
    """Acronyms a name may go by: 'NIS', 'THR' (The Hollywood Reporter), 'HHS' (Department
    of Health and Human Services: the first word dropped), 'CDC' (Centers for Disease Control
    and Prevention: the last word dropped)."""
    base = initials(name)
    out = {base, "T" + base, "".join(t[0] for t in tokens_of(name)).upper()}
    return out | {base[1:], base[:-1]} if len(base) >= 4 else out


def _merge_reordered(clusters: list[_Cluster]) -> None:
    """Non-person names made of the same words in another order or number join ("Central
    Election and Referendum Commission" / "Central Commission for Elections and Referenda",
    "Justice Department" / "Department of Justice"): words compared by their first STEM letters."""
    groups: dict[tuple[str, ...], list[_Cluster]] = defaultdict(list)
    for c in clusters:
        words = [t for t in c.tokens if t not in STOP_IN_INITIALS]
        if c.mentions and c.label != "PERSON" and len(words) >= 2:
            groups[(type_group(c.label), *sorted({t[:STEM] for t in words}))].append(c)
    for _, group in sorted(groups.items()):
        target = max(group, key=lambda c: (len(c.mentions), c.key))
        for c in group:
            if c is not target:
                _merge_into(target, c)


def _merge_acronyms(clusters: list[_Cluster]) -> None:
    by_initials: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        if c.mentions and c.label != "PERSON" and len(c.tokens) >= 2:
            spelled = {a for m in c.mentions if len(core_tokens(m.text)) >= 2 for a in _spellings(m.text)}
            for form in sorted(spelled):
                by_initials[form].append(c)
    for c in clusters:
        acronym = clean_surface(c.mentions[0].text) if c.mentions else ""
        targets = by_initials.get(acronym, []) if is_acronym(acronym) else []
        targets = [t for i, t in enumerate(targets) if t not in targets[:i] and t is not c
                   and t.mentions and type_group(t.label) == type_group(c.label)]
        if len(targets) == 1:
            _merge_into(targets[0], c)


def _compatible(small: _Cluster, big: _Cluster, agent_forms: set[tuple[str, ...]]) -> bool:
    """``small`` (a multi-word name) may name what ``big`` names."""
    s_label, b_label = small.label, big.label
    if type_group(s_label) != type_group(b_label):
        return False
    if "PERSON" in (s_label, b_label) and person_compatible(small.tokens, big.tokens):
        return True
    if s_label == "PERSON" == b_label:
        return big.tokens[: len(small.tokens)] == small.tokens  # "Sharron Diane" / "... Smith"
    if s_label != b_label and len(big.mentions) < len(small.mentions):
        return False  # "Barack Obama" (50) does not join "Barack Obama Foundation" (2)
    if len(small.tokens) == len(big.tokens):  # one spelling with a typo ("Matanuska Maid Creamery")
        return all(same_token(x, y) for x, y in zip(small.tokens, big.tokens))
    return contiguous_in(small.tokens, big.tokens) and not _other_name_in(small.tokens, big.tokens, agent_forms)


def _other_name_in(small: tuple[str, ...], big: tuple[str, ...], agent_forms: set[tuple[str, ...]]) -> bool:
    """The words of ``big`` around ``small`` are a name of their own: 'Jaguars' in the run
    'Jaguars Indianapolis Colts' (a place such as 'Boston' in 'Boston Red Sox' is no obstacle)."""
    n = len(small)
    for i in range(len(big) - n + 1):
        if big[i : i + n] == small:
            return big[:i] in agent_forms or big[i + n :] in agent_forms
    return False


def _distance(c: _Cluster, article_id: str, start: int) -> tuple[int, int]:
    """How far back (else ahead) the nearest mention of ``c`` is from ``start`` in an article."""
    before = [start - x.start for x in c.mentions if x.article_id == article_id and x.start < start]
    after = [x.start - start for x in c.mentions if x.article_id == article_id and x.start > start]
    return (0, min(before)) if before else (1, min(after))


def _pick(candidates: list[_Cluster], article_id: str | None = None, start: int = 0) -> _Cluster | None:
    """The candidate named last before ``start`` in the same article (else first after it),
    else the dominant one in the story."""
    if article_id is not None:
        local = [c for c in candidates if c.count_in(article_id)]
        if local:
            return min(local, key=lambda c: (_distance(c, article_id, start), c.key))
    ranked = sorted(candidates, key=lambda c: (-len(c.mentions), c.key))
    if len(ranked) == 1 or ranked and len(ranked[0].mentions) >= DOMINANCE * len(ranked[1].mentions):
        return ranked[0]
    return None


def _blocks(tokens: tuple[str, ...]) -> list[str]:
    """Blocking keys of a name: folded words and their first three letters (typos)."""
    return list(dict.fromkeys([phonetic(t) for t in tokens] + [f"{t[:3]}~" for t in tokens]))


def _merge_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """Longer names first; each multi-word name joins a compatible longer one (see stage 3)."""
    order = sorted((c for c in clusters if c.mentions and len(c.tokens) >= 2),
                   key=lambda c: (-len(c.tokens), -len(c.mentions), c.key))
    agent_forms = {f for c in clusters if c.mentions and type_group(c.label) == "AGENT" for f in c.forms()}
    heads: list[_Cluster] = []
    by_block: dict[str, list[_Cluster]] = defaultdict(list)
    for c in order:
        seen: list[_Cluster] = []
        for block in _blocks(c.tokens):
            seen += [h for h in by_block.get(block, []) if h not in seen]
        target = _pick([h for h in seen if _compatible(c, h, agent_forms)])
        if target is not None:
            _merge_into(target, c)
            continue
        heads.append(c)
        for block in _blocks(c.tokens):
            by_block[block].append(c)
    return heads


def _short_index(heads: list[_Cluster], agent_forms: set[tuple[str, ...]]) -> dict[str, list[_Cluster]]:
    """Which one-word forms may stand for each longer name: a person's first or last name or
    quoted nickname, any word of an organisation's name other than 'of', 'the', ... A rare
    name whose other words are a name of their own ("Explorer Microsoft") stands for neither."""
    index: dict[str, list[_Cluster]] = defaultdict(list)
    for h in heads:
        label, usual = h.label, h.usual
        if label not in SHORT_TARGETS:
            continue
        words = [usual[0], usual[-1]] if label == "PERSON" else list(usual)
        words += [t for m in h.mentions for q in QUOTED.findall(f" {m.text} ") for t in core_tokens(q)]
        for tok in dict.fromkeys(t for t in words if t not in STOP_IN_INITIALS):
            rest = tuple(t for t in usual if t != tok)
            if len(h.mentions) <= RUN_MAX_MENTIONS and rest in agent_forms:
                continue
            index[phonetic(tok)].append(h)
    return index


def _misspelt(index: dict[str, list[_Cluster]], key: str) -> list[_Cluster]:
    """People whose one-word form is ``key`` with one typo ("Klistchko" / "Klitschko")."""
    found = [h for k in sorted(index) if same_token(k, key) for h in index[k] if h.label == "PERSON"]
    return list({id(h): h for h in found}.values())


def _attach_short(clusters: list[_Cluster], heads: list[_Cluster]) -> None:
    agent_forms = {f for c in clusters if c.mentions and type_group(c.label) == "AGENT" for f in c.forms()}
    index = _short_index(heads, agent_forms)
    head_ids = {id(h) for h in heads}
    shorts = [c for c in clusters if c.mentions and id(c) not in head_ids and len(c.usual) == 1
              and not is_acronym(c.mentions[0].text)]
    for c in shorts:
        candidates = index.get(phonetic(c.usual[0]), []) or _misspelt(index, phonetic(c.usual[0]))
        if c.label not in SHORT_LABELS:
            # a surname spaCy mostly calls a place ("Hansbrough" as GPE) but once a person
            candidates = [h for h in candidates if h.label == "PERSON"] if any(
                m.label == "PERSON" for m in c.mentions) else []
        moves: dict[int, list[Mention]] = defaultdict(list)
        for m in c.mentions:
            target = _pick(candidates, m.article_id, m.start)
            moves[id(target) if target else 0].append(m)
        for target in candidates:
            if id(target) in moves:
                target.add(moves[id(target)])
        c.take_all()
        c.add(moves.get(0, []))


def _absorb_runs(clusters: list[_Cluster]) -> None:
    """A rare run such as 'Lindsay Lohan Checks' joins the known name it holds (the one with
    the longest form inside it, when that is one name)."""
    live = [c for c in clusters if c.mentions]
    holders: dict[tuple[str, ...], list[_Cluster]] = defaultdict(list)
    for d in live:
        for f in sorted(d.forms()):
            if f and not set(f) <= STOP_IN_INITIALS:
                holders[f].append(d)
    for c in live:
        if not c.mentions or len(c.mentions) > RUN_MAX_MENTIONS or len(c.tokens) < 2 or c.label in CONTAINER_LABELS:
            continue
        toks, group = c.tokens, type_group(c.label)
        for n in range(len(toks) - 1, (len(toks) - 1) // 2, -1):  # the name is half the run or more
            found: list[_Cluster] = []
            for i in range(len(toks) - n + 1):
                found += [d for d in holders.get(toks[i : i + n], []) if d is not c and d not in found
                          and d.mentions and type_group(d.label) == group]
            if found:
                if len(found) == 1 and len(found[0].mentions) >= DOMINANCE * len(c.mentions):
                    _merge_into(found[0], c)
                break


def _to_entity(c: _Cluster) -> Entity:
    by_form: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for m in c.mentions:
        form = clean_surface(m.text)
        by_form[form].add(m.article_id)
        counts[form] += 1
    label = majority_label(c.mentions)
    # a person by full name ("Barack Obama", not "Obama"); anything else by its usual
    # multi-word form unless that is rare ("Microsoft", not a headline run "Explorer Microsoft")
    multi = [f for f in by_form if len(core_tokens(f)) >= 2]
    if label != "PERSON":
        multi = [f for f in multi if counts[f] * RARE_FULL_NAME > max(counts.values())]
    name = max(multi or list(by_form), key=lambda f: (
        f[:1].isupper(), not (f.isupper() and len(f) > SHOUTED_NAME), len(by_form[f]), counts[f],
        len(core_tokens(f)), f))
    variants = sorted((f for f in by_form if f != name), key=lambda f: (-len(by_form[f]), f))
    mentions = sorted(c.mentions, key=lambda m: (m.article_id, m.start))
    return Entity(content_id("e", label, name_key(name, label)), name, label, variants, mentions)


def resolve_entities(mentions: Iterable[Mention], located: Collection[tuple[str, int]] = ()) -> EntityIndex:
    """Group the mentions of one story (many articles) into entities (``located``: mentions
    after a locative preposition, which stay places; see ``teams``)."""
    usable = sorted((m for m in mentions if _usable(m)), key=lambda m: (m.article_id, m.start, m.end))
    clusters = _group_by_key(usable)
    _merge_reordered(clusters)
    _merge_acronyms(clusters)
    heads = _merge_names(clusters)
    _absorb_runs(clusters)
    _attach_short(clusters, [h for h in heads if h.mentions])
    merge_compound_names(clusters, located)
    entities = [_to_entity(c) for c in clusters if c.mentions]
    entities.sort(key=lambda e: (-len(e.sources), -len(e.mentions), e.name, e.id))
    by_mention = {(m.article_id, m.start): e.id for e in entities for m in e.mentions}
    return EntityIndex(entities, by_mention)
