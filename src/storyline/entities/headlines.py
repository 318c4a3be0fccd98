"""Role words in headlines: "Teen Killed By Police", "Swimmer And Actress Dies Aged 91",
"Deputy's Alleged Killer Held" name the story's people by a capitalised common noun.

In a headline (a line of its own among an article's first lines, followed by more text, in
title case or capitals or without a closing stop, not a URL), a singular person noun ("Teen",
"Actress", "Inmate", "Man", "Killer") becomes a mention of (the ingest readers usually take a
headline out of the body as the title; this serves texts that keep it, as ECB+ does):
1. the person named right after it ("Actress Esther Williams");
2. else the one person the story gave that title ("Deputy" -> the deputy, see ``titles``);
3. else the one person the headline names ("Esther Williams , Swimming Champion , Actress");
4. else the story's clearly dominant person (DOMINANCE times the runner-up's mentions), else
   the article's (in that order: the other way round did worse on ECB+ training topics).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from storyline.entities.resolve import DOMINANCE, EntityIndex
from storyline.entities.titles import TITLE_NOUNS
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Entity, Mention, Sentence

_PERSON_WORDS = """
man woman boy girl teen teenager youth child kid mother mom father dad son daughter wife husband
brother sister inmate prisoner escapee convict fugitive lifer killer gunman shooter murderer
robber thief attacker worker employee star icon legend champion swimmer boxer mobster mafioso
"""
#: Singular nouns for a person a headline may use instead of the name (with the titles).
GENERIC_ROLES = frozenset(_PERSON_WORDS.split())
PERSON_NOUNS = GENERIC_ROLES | TITLE_NOUNS
#: Headlines are on an article's first lines (ECB+ training topics: a URL line, then the title).
HEADLINE_LINES = 2
#: Share of the words longer than three letters that start with a capital in a headline.
TITLE_CASE_SHARE = 0.6
SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s*$")
URL = re.compile(r"https?\b|www\s?\.|\w\s?/\s?\w")
ROLE_WORD = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{3,})\b(?![’'-])")


def is_headline(text: str) -> bool:
    """Title case or capitals ("Teen Killed By Police"), or a line with no closing stop
    ("Millom double murder : Man charged with killing mother and sister"); not a URL."""
    if URL.search(text):
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    title_case = sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)
    return len(words) >= 2 and (title_case or not SENTENCE_END.search(text))


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the first HEADLINE_LINES non-empty lines that are headlines with text after them."""
    out = []
    for match in itertools.islice(re.finditer(r"[^\n]*\S[^\n]*", text), HEADLINE_LINES):
        if text[match.end() :].strip() and is_headline(match[0]):
            out.append(match.span())
    return out


def headline_sentences(doc: AnnotatedArticle) -> list[Sentence]:
    """The sentences of ``doc`` on a headline line (``is_headline``, one of the first
    HEADLINE_LINES lines, with more text after it; the model may cut it at "U . S .")."""
    lines = _headline_lines(doc.article.text)
    return [s for s in doc.sentences if any(a <= s.start < b for a, b in lines)]


def split_headline_roles(docs: list[AnnotatedArticle]) -> None:
    """Free the role words the model tagged in headlines, before resolution (in place): a
    tagged role word alone ("MAN", "Teen") is dropped, one at the edge of a longer run ("Texas
    Prison Escapee", "Teen Killed By Police") is cut off; ``attach_headline_roles`` then gives
    them to their person. Titles stay in runs ("Burger King")."""
    for doc in docs:
        lines = {s.index for s in headline_sentences(doc)}
        out: list[Mention] = []
        for m in doc.mentions:
            words = m.text.split()
            if m.sentence not in lines or not words:
                out.append(m)
            elif len(words) == 1:
                if words[0].lower() not in PERSON_NOUNS:
                    out.append(m)
            else:
                out.append(_cut_role_edges(m, words))
        doc.mentions = out


def _cut_role_edges(m: Mention, words: list[str]) -> Mention:
    start, end = m.start, m.end
    if words[0].lower() in GENERIC_ROLES and len(words) > 1:
        start = m.start + m.text.index(words[1], len(words[0]))
        words = words[1:]
    if words[-1].lower() in GENERIC_ROLES and len(words) > 1:
        end = m.start + m.text.rindex(words[-1]) - 1
        while end > start and m.text[end - m.start - 1].isspace():
            end -= 1
    if (start, end) == (m.start, m.end):
        return m
    return Mention(m.article_id, m.sentence, start, end, m.text[start - m.start : end - m.start], m.label)


def _dominant(mentions: list[Mention], index: EntityIndex, people: dict[str, Entity]) -> Entity | None:
    """The clearly dominant person of ``mentions``: DOMINANCE times the runner-up's mentions."""
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        eid = index.by_mention.get((m.article_id, m.start))
        if eid in people:
            counts[eid] += 1
    ranked = sorted(counts, key=lambda eid: (-counts[eid], eid))
    if len(ranked) == 1 or ranked and counts[ranked[0]] >= DOMINANCE * counts[ranked[1]]:
        return people[ranked[0]]
    return None


def _target(word: str, after: Entity | None, holders: list[Entity], named: list[Entity],
            dominant: Entity | None) -> Entity | None:
    if after is not None:
        return after
    if word in TITLE_NOUNS and holders:
        return holders[0] if len(holders) == 1 else None
    if len(named) == 1:
        return named[0]
    return dominant


def attach_headline_roles(docs: list[AnnotatedArticle], index: EntityIndex) -> None:
    """Add headline role-word mentions to the articles and their people (in place)."""
    people = [e for e in index.entities if e.type == "PERSON"]
    person_ids = {e.id: e for e in people}
    holders: dict[str, list[Entity]] = defaultdict(list)
    for e in people:
        for title in e.titles:
            holders[title].append(e)
    in_story = _dominant([m for d in docs for m in d.mentions], index, person_ids)
    for doc in docs:
        added: list[Mention] = []
        dominant = in_story or _dominant(doc.mentions, index, person_ids)
        for sentence in headline_sentences(doc):
            here = [m for m in doc.mentions if m.sentence == sentence.index]
            found = {m.start: person_ids.get(index.by_mention.get((doc.id, m.start), "")) for m in here}
            named = list({e.id: e for e in found.values() if e is not None}.values())
            for match in ROLE_WORD.finditer(sentence.text):
                word = match[0].lower()
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if word not in PERSON_NOUNS or any(m.start < end and start < m.end for m in here):
                    continue
                after = next((found[m.start] for m in here if 0 < m.start - end <= 1), None)
                target = _target(word, after, holders.get(word, []), named, dominant)
                if target is None:
                    continue
                mention = Mention(doc.id, sentence.index, start, end, match[0], "TITLE")
                added.append(mention)
                target.mentions.append(mention)
                index.by_mention[(doc.id, start)] = target.id
        if added:
            doc.mentions = sorted(doc.mentions + added, key=lambda m: (m.start, m.end))
