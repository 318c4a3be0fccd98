"""Title mentions: "the diplomat", "the 52-year-old former counselor" refer to the person the
story gave that title ("North Korean diplomat Ri Il Kyu", "Ri Il Kyu, a counselor of ...").

Titles are learnt per story from appositions next to a resolved PERSON mention; a definite
"the ... <title>" then counts as a mention of the one person holding that title (preferring
people named in the same article). Ambiguous titles are left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Entity, Mention

_TITLE_WORDS = """
diplomat president minister ambassador counselor counsellor envoy spokesman spokeswoman
spokesperson leader official professor governor senator congressman congresswoman mayor
chairman chairwoman chair chief director secretary general commander judge lawyer attorney
prosecutor actor actress singer defector suspect victim ceo founder coach player premier
chancellor king queen prince princess pope bishop cardinal mp lawmaker legislator activist
journalist reporter author analyst economist researcher scientist doctor surgeon officer
sheriff captain colonel lieutenant sergeant dissident candidate nominee justice
"""
TITLE_NOUNS = frozenset(_TITLE_WORDS.split())
#: An apposition ("Ri Il Kyu, a former North Korean deputy ambassador") names the title
#: within this many words, before any of these words.
APPOSITION_WORDS = 6
VERBS_ENDING_APPOSITION = {"said", "says", "who", "which", "is", "was", "has", "had", "told", "added"}
#: Words that may stand between "the" and a title ("the 52-year-old former counselor").
_TITLES = "|".join(sorted(TITLE_NOUNS))
TITLE_BEFORE = re.compile(rf"\b(?:[Tt]he)\s+((?:[\w-]+\s+){{0,3}}?)({_TITLES})\b(?!\s+[A-Z])")


#: Words that make a title another office: a vice president is not the president.
TITLE_PREFIXES = {"vice", "deputy", "prime", "assistant", "associate", "attorney", "lieutenant"}


def compound_title(before: list[str], word: str) -> str:
    """The title ``word`` with the prefix that makes it another office ("vice president")."""
    return f"{before[-1]} {word}" if before and before[-1] in TITLE_PREFIXES else word


def _learn_titles(docs: list[AnnotatedArticle], index: EntityIndex) -> dict[str, set[str]]:
    titles: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        text = doc.article.text
        for m in doc.mentions:
            entity = index.entity_of(m)
            if entity is None or entity.type != "PERSON":
                continue
            before = [w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, m.start - 40) : m.start])[-3:]]
            if before and before[-1] in TITLE_NOUNS:
                titles[entity.id].add(compound_title(before[:-1], before[-1]))
            if text[m.end : m.end + 2] == ", ":
                apposition = re.split(r"[,.;:(]", text[m.end + 2 : m.end + 80])[0]
                words = [w.lower() for w in re.findall(r"[A-Za-z]+", apposition)][:APPOSITION_WORDS]
                for i, word in enumerate(words):
                    if word in VERBS_ENDING_APPOSITION:
                        break
                    if word in TITLE_NOUNS:
                        titles[entity.id].add(compound_title(words[:i], word))
                        break
    return titles


def attach_title_mentions(docs: list[AnnotatedArticle], index: EntityIndex) -> None:
    """Add "the <title>" mentions to the entities they refer to (in place) and record titles."""
    titles = _learn_titles(docs, index)
    holders: dict[str, list[str]] = defaultdict(list)
    for eid, words in titles.items():
        for word in words:
            holders[word].append(eid)
    by_id = {e.id: e for e in index.entities}
    for eid, words in titles.items():
        by_id[eid].titles = sorted(words)
    for doc in docs:
        named_here = {index.by_mention.get((m.article_id, m.start)) for m in doc.mentions}
        for sentence in doc.sentences:
            for match in TITLE_BEFORE.finditer(sentence.text):
                title = compound_title(match[1].lower().split(), match[2].lower())
                target = _holder(holders.get(title, []), named_here, by_id)
                if target is None:
                    continue
                start = sentence.start + match.start()
                if (doc.id, start) in index.by_mention:
                    continue
                mention = Mention(doc.id, sentence.index, start, sentence.start + match.end(), match[0], "TITLE")
                target.mentions.append(mention)
                index.by_mention[(doc.id, start)] = target.id


def _holder(candidates: list[str], named_here: set[str | None], by_id: dict[str, Entity]) -> Entity | None:
    local = [c for c in candidates if c in named_here]
    pool = local or candidates
    return by_id[pool[0]] if len(pool) == 1 else None
