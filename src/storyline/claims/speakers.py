"""Who a speaker phrase names: a person or organisation mention, a pronoun resolved to the nearest
compatible person named before it, or a description ("the senator", "a Clinton spokesman")
resolved through the story's titles or kept as written.

Spokespeople are credited with their own words and note on whose behalf they speak.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storyline.claims.context import Context
from storyline.claims.speech import FEMALE_WORDS, MALE_WORDS, PRONOUNS, SPOKESPERSON, word_set
from storyline.entities.titles import TITLE_NOUNS, compound_title
from storyline.records import Entity, Mention

#: Mention labels that cannot speak even as the subject of a speech verb (buildings, dates).
NOT_AGENT_LABELS = frozenset({"FAC", "DATE", "TIME", "LAW", "LANGUAGE"})
#: Last words of a place named after a person ("Trump Tower"): it never speaks for them.
BUILDING_WORDS = word_set("""tower towers building plaza hotel center centre stadium arena airport hall
bridge street avenue park library museum school tower""")
#: A pronoun's antecedent is looked for this many sentences back (tuned on PolNeAR train).
ANTECEDENT_SENTENCES = 8
#: A he/she antecedent of at least this salience (``_salience`` plus one for an unknown gender) is
#: weak: the person of that gender named PROTAGONIST_SHARE times as often before it wins (tuned
#: on PolNeAR train: share 2 -> train 0.852 dev 0.863, 3 -> 0.851 / 0.865, 5 -> 0.850 / 0.863).
WEAK_SALIENCE = 2
PROTAGONIST_SHARE = 3
#: Definite descriptions of an outlet or body ("the newspaper said") resolve to the nearest ORG.
ORG_NOUNS = word_set("""newspaper paper daily magazine network broadcaster agency outlet
publication campaign committee ministry department company firm group organization
organisation administration government party council commission board union court""")


#: Heads of definite descriptions of a person ("the Texas senator said").
PERSON_TITLES = TITLE_NOUNS | word_set("""candidate nominee congressman congresswoman billionaire businessman
republican democrat""")
FEMALE_GENDER = "f"


@dataclass(frozen=True)
class Speaker:
    name: str
    entity: Entity | None = None
    on_behalf_of: str | None = None


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]


#: A name the tagger called a person in at least 1/PERSON_SHARE of its mentions is a person.
PERSON_SHARE = 3
#: ... unless the entity is a place: then more than 1/PLACE_PERSON_SHARE (PolNeAR train: +5 found
#: quotes right, none lost; "he said" went to Clarkston and Berlin).
PLACE_PERSON_SHARE = 2


def is_person(entity: Entity) -> bool:
    """A person, a name the tagger often called a person ("Trump", often an ORG), or one whose full
    name it called a person ("Brent Bozell III" PERSON, then "Bozell" ORG ten times; "Norman Ham"
    PERSON once, the entity named "Ham"); a place only when mostly called a person."""
    people = sum(1 for m in entity.mentions if m.label == "PERSON")
    full_name = any(m.label == "PERSON" and " " in m.text.strip() for m in entity.mentions)
    if entity.type == "GPE" and people * PLACE_PERSON_SHARE <= len(entity.mentions):
        return False  # "Clarkston" once tagged a person is still a place
    return entity.type == "PERSON" or people * PERSON_SHARE >= len(entity.mentions) or full_name


def _type(ctx: Context, mention: Mention) -> str:
    entity = ctx.entity(mention)
    return entity.type if entity is not None else mention.label


def _agent(ctx: Context, mention: Mention) -> Entity | None | bool:
    """The entity of a mention that can speak; False when it cannot speak."""
    entity = ctx.entity(mention)
    last = _words(entity.name if entity else mention.text)[-1:]
    if _type(ctx, mention) in NOT_AGENT_LABELS or (last and last[0] in BUILDING_WORDS):
        return False
    return entity


def _named(ctx: Context, mention: Mention) -> Speaker | None:
    entity = _agent(ctx, mention)
    if entity is False:
        return None
    if isinstance(entity, Entity):
        return Speaker(entity.name, entity)
    return Speaker(mention.text)


def _behalf(ctx: Context, mentions: list[Mention], words: list[str]) -> str | None:
    """The person or body a spokesperson phrase names ("a Trump spokeswoman")."""
    if not any(w in SPOKESPERSON for w in words):
        return None
    for m in mentions:
        named = _named(ctx, m)
        if named is not None:
            return named.name
    return None


def apposition_behalf(ctx: Context, end: int) -> str | None:
    """'Hope Hicks, a spokeswoman for Trump,': whom the apposition after ``end`` says she speaks for."""
    match = re.match(r",\s+([^,.;:\"“”]{3,80})", ctx.text[end : end + 90])
    if not match:
        return None
    lo = end + match.start(1)
    return _behalf(ctx, ctx.mention_in(lo, end + match.end(1)), _words(match[1]))


def phrase_speaker(ctx: Context, start: int, end: int) -> Speaker | None:
    """The speaker a noun phrase text[start:end] names."""
    phrase = ctx.text[start:end].strip().rstrip(".,;:")
    mentions = ctx.mention_in(start, end)
    head = _head_mention(ctx, start, end, mentions)
    if head is not None and head.label == "NORP" and re.match(r"the\s", phrase, re.I):
        head = None  # "the Wisconsin Republican", "The Democrat": a person described by party
    if head is not None and head.start >= start:
        speaker = _named(ctx, head)
        if speaker is None:
            return None
        others = [m for m in mentions if m is not head]
        behalf = _behalf(ctx, others, _words(ctx.text[start:head.start])) or apposition_behalf(ctx, end)
        return Speaker(speaker.name, speaker.entity, behalf)
    words = _words(phrase)
    if not words or words in (["him"], ["her"], ["them"], ["me"], ["us"]):
        return None
    noun = _head_noun(words)
    if words[0] in ("the", "this", "that") and noun not in SPOKESPERSON:
        resolved = describe(ctx, start, noun)
        if resolved is not None:
            return resolved
    behalf = _behalf(ctx, mentions, words)
    return Speaker(re.sub(r"^The\b", "the", phrase), None, behalf)


def _head_noun(words: list[str]) -> str:
    """The head of a description: its last word before a preposition ("the senator from Vermont"),
    with a prefix that makes it another office ("the former vice president")."""
    cut = next((i for i, w in enumerate(words) if i and w in ("of", "from", "for", "at", "in", "with")), len(words))
    return compound_title(words[: cut - 1], words[cut - 1])


def _head_mention(ctx: Context, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The person or body a phrase names: the last person not after "of"/"for" and not a
    modifier ("Rep. Cummings of Maryland", "Trump spokeswoman Hope Hicks"; not "a spokesman for
    Trump", not "a Trump spokesman"), else a name ending the phrase ("the New York Times")."""
    free = [m for m in mentions if not re.search(
        r"\b(?:of|for|at|from|with|to)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}$", ctx.text[start : m.start])]
    people = [m for m in free if _type(ctx, m) == "PERSON"
              and re.match(r"[\s.;:!?]*$|\s*(?:[,(]|of\b|from\b|in\b|at\b)", ctx.text[m.end : end])]
    if people:
        return people[-1]
    last = ctx.ends.get(end)
    return last if last is not None and last in free else None


def describe(ctx: Context, start: int, noun: str) -> Speaker | None:
    """A definite description: a title the story gave one person, or the nearest outlet or body."""
    title = ctx.starts.get(start)
    if title is not None and title.label == "TITLE":
        return _named(ctx, title)
    before = [m for s, m in sorted(ctx.starts.items()) if s < start and not ctx.quoted(s)]
    if noun.split()[-1] in PERSON_TITLES:  # the nearest person the story gave that title, else the nearest person
        near = ctx.doc.sentences[max(0, ctx.sentence_of[ctx.token_at(start)] - ANTECEDENT_SENTENCES)].start
        titled = next((e for m in reversed(before) if m.start >= near and (e := ctx.entity(m)) is not None
                       and is_person(e) and noun in e.titles), None)
        if titled is not None:
            return Speaker(titled.name, titled)
        return _antecedent(ctx, ctx.token_at(start), FEMALE_GENDER if noun in FEMALE_WORDS else "")
    orgs = []
    for m in reversed(before):
        entity = ctx.entity(m)
        if entity is None:
            continue
        if entity.type == "PERSON" and noun in entity.titles:
            return Speaker(entity.name, entity)
        if noun in ORG_NOUNS and entity.type == "ORG":
            orgs.append(entity)
    if not orgs:
        return None
    words = [_words(e.name) for e in orgs]
    named = next((e for e, w in zip(orgs, words) if set(w) & OUTLET_WORDS), None) if noun in OUTLET_NOUNS else None
    if named is None:
        named = next((e for e, w in zip(orgs, words) if w[-1:] == [noun] or w[:1] == [noun]), None)
    best = named or orgs[0]
    return Speaker(best.name, best)


#: Descriptions of a news outlet, and words that name one ("the newspaper" is the Daily News, not the NRA).
OUTLET_NOUNS = word_set("newspaper paper daily magazine network broadcaster outlet publication")
OUTLET_WORDS = word_set("""news times post journal herald tribune gazette register magazine daily review
globe chronicle sun star telegraph guardian cnn fox nbc abc cbs msnbc npr pbs bbc reuters press""")


def pronoun_speaker(ctx: Context, token: int, previous: Speaker | None) -> Speaker | None:
    """He/she: the person of a compatible gender it most likely refers to (``_antecedent``).
    It/they: the previous quote's body or outlet, else the nearest organisation, else the nearest
    place (a country, a city)."""
    word = ctx.tokens[token].text.lower()
    gender = PRONOUNS.get(word)
    offset = ctx.tokens[token].idx
    here = ctx.sentence_of[token]
    if gender in ("n", "p"):
        if previous is not None and previous.entity is not None and previous.entity.type in ("ORG", "GPE"):
            return previous
        lo = ctx.tokens[ctx.first_token[max(0, here - ANTECEDENT_SENTENCES)]].idx
        orgs = [m for s, m in sorted(ctx.starts.items()) if lo <= s < offset and not ctx.quoted(s)
                and _type(ctx, m) in ("ORG", "GPE")]
        bodies = [m for m in orgs if _type(ctx, m) == "ORG"]  # "it said" is a body more often than a place
        orgs = bodies or orgs
        return _named(ctx, orgs[-1]) if orgs else None
    if gender not in ("m", "f"):
        return None
    return _antecedent(ctx, token, gender)


def _antecedent(ctx: Context, token: int, gender: str) -> Speaker | None:
    """The person named before ``token``, outside quotes: sentence by sentence backwards (first the
    words before it); within a sentence the most salient (a speech verb's subject, then a person
    outside prepositional phrases, a known gender first), ties to the earliest. A known gender
    must match ``gender`` when one is given. A weak candidate (inside a prepositional phrase or a
    possessive, or of unknown gender) gives way to the article's protagonist of that gender when
    the protagonist is named PROTAGONIST_SHARE times as often. Deterministic: no set or dict order
    involved."""
    offset = ctx.tokens[token].idx
    here = ctx.sentence_of[token]
    for sentence in range(here, max(-1, here - ANTECEDENT_SENTENCES - 1), -1):
        span = ctx.doc.sentences[sentence]
        ranked = []
        for s, m in sorted(ctx.starts.items()):
            if s < span.start or s >= min(span.end, offset) or ctx.quoted(s):
                continue
            entity = ctx.entity(m)
            if entity is not None and is_person(entity) and (not gender or ctx.gender.get(entity.id, gender) == gender):
                unknown = int(entity.id not in ctx.gender)  # a known gender is stronger evidence
                ranked.append((_salience(ctx, m) + unknown, s, entity))
        if ranked:
            salience, _, best = min(ranked, key=lambda r: (r[0], r[1]))
            if salience >= WEAK_SALIENCE and gender:
                lead = _protagonist(ctx, offset, gender)
                if lead is not None and _count(ctx, lead, offset) >= PROTAGONIST_SHARE * _count(ctx, best, offset):
                    best = lead  # "she" after "... to Hillary Clinton" in a story about Loretta Lynch
            return Speaker(best.name, best)
    return None


def _count(ctx: Context, entity: Entity, offset: int) -> int:
    """How often the article names ``entity`` before ``offset``."""
    return sum(1 for m in entity.mentions if m.article_id == ctx.doc.id and m.start < offset)


def _protagonist(ctx: Context, offset: int, gender: str) -> Entity | None:
    """The person of ``gender`` named most often before ``offset`` (ties: the first named)."""
    seen: dict[str, tuple[int, int, Entity]] = {}
    for s, m in sorted(ctx.starts.items()):
        if s >= offset:
            break
        entity = ctx.entity(m)
        if entity is None or not is_person(entity) or ctx.gender.get(entity.id) != gender:
            continue
        count, first, _ = seen.get(entity.id, (0, s, entity))
        seen[entity.id] = (count + 1, first, entity)
    if not seen:
        return None
    return min(seen.values(), key=lambda r: (-r[0], r[1]))[2]


def _salience(ctx: Context, mention: Mention) -> int:
    """0: the subject of a speech verb ("Woolson said", "said Woolson"); 1: not inside a
    prepositional phrase or a possessive; 2: "for Cruz", "Cruz's campaign"."""
    after = ctx.text[mention.end : mention.end + 40]
    before = ctx.text[max(0, mention.start - 25) : mention.start]
    if re.match(r"(?:,[^,]{0,30},)?\s*(?:\w+ly\s+)?(?:said|says|told|added|explained|wrote|argued)\b", after) \
            or re.search(r"\b(?:said|says|added|wrote)\s+$", before):
        return 0
    if re.search(r"\b(?:for|of|to|with|by|about|against|from|on|in|at)\s+(?:\w+\s+)?$", before) \
            or after.startswith(("'s", "’s")) or _modifier(ctx, mention):
        return 2
    return 1


#: A name modifies a title when another person's name starts within this many tokens after it, past
#: nouns only ("Obama consultant Cornell Belcher").
MODIFIER_NOUNS = 3


def _modifier(ctx: Context, mention: Mention) -> bool:
    """'McConnell spokesman Don Stewart', 'Obama consultant Cornell Belcher': the first name
    modifies a title whose person is the second."""
    k = ctx.token_at(mention.end)
    for j in range(k, min(len(ctx.tokens), k + MODIFIER_NOUNS)):
        token = ctx.tokens[j]
        if token.pos not in ("NOUN", "PROPN") or ctx.starts.get(token.idx) is not None:
            other = ctx.starts.get(token.idx)
            entity = ctx.entity(other) if other is not None else None
            return j > k and entity is not None and is_person(entity)
    return False


#: Votes for a person's gender: a pronoun or honorific in the text, a first name's usual gender
#: (gender-guesser), an unsure one ("mostly_female" for Bernie).
TEXT_VOTE = 2
NAME_PRIOR = 3
UNSURE_NAME_PRIOR = 1


@lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        import gender_guesser.detector as detector
    except ImportError:  # the text's own evidence still decides
        return None
    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def name_gender(name: str) -> tuple[str, int] | None:
    """The usual gender of a full name's first name, with its weight (None: unknown)."""
    words = name.split()
    detector = _detector()
    if len(words) < 2 or detector is None:
        return None
    guess = detector.get_gender(words[0].strip(".,"))
    weights = {"male": ("m", NAME_PRIOR), "female": ("f", NAME_PRIOR),
               "mostly_male": ("m", UNSURE_NAME_PRIOR), "mostly_female": ("f", UNSURE_NAME_PRIOR)}
    return weights.get(guess)


def infer_gender(ctx: Context) -> dict[str, str]:
    """Each person's gender from honorifics, gendered titles and the pronoun that follows a
    mention in the same sentence with no other person between (majority, ties unknown)."""
    votes: dict[str, Counter[str]] = {}
    people = sorted((m for m in ctx.starts.values() if (e := ctx.entity(m)) is not None
                     and is_person(e)), key=lambda m: m.start)
    for i, m in enumerate(people):
        entity = ctx.entity(m)
        assert entity is not None
        stop = min(people[i + 1].start if i + 1 < len(people) else len(ctx.text), m.end + 120)
        before = _words(ctx.text[max(0, m.start - 30) : m.start])[-2:]
        after = _words(ctx.text[m.end : stop].split(".")[0])
        cues = before + next(([w] for w in after if w in ("he", "his", "him", "she", "her")), [])
        for w in cues:
            if w in MALE_WORDS or w in FEMALE_WORDS:
                votes.setdefault(entity.id, Counter())["m" if w in MALE_WORDS else "f"] += TEXT_VOTE
    for entity in {e.id: e for m in people if (e := ctx.entity(m)) is not None}.values():
        prior = name_gender(entity.name)
        if prior:
            votes.setdefault(entity.id, Counter())[prior[0]] += prior[1]
    gender = {}
    for eid, count in sorted(votes.items()):
        ranked = count.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            gender[eid] = ranked[0][0]
    return gender
