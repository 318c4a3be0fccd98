"""Role words in headlines: "Teen Killed By Police", "Swimmer And Actress Dies Aged 91",
"Deputy's Alleged Killer Held" name the story's people by a capitalised common noun.

In a headline (a line of its own among an article's first lines, followed by more text, in
title case or capitals), a
singular person noun ("Teen", "Actress", "Inmate", "Man", "Killer") becomes a mention of:
1. the person named right after it ("Actress Esther Williams");
2. else the one person the story gave that title ("Deputy" -> the deputy, see ``titles``);
3. else the one person the headline names ("Esther Williams , Swimming Champion , Actress");
4. else the story's clearly dominant person (DOMINANCE times the runner-up's mentions).
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.entities.resolve import DOMINANCE, EntityIndex
from storyline.entities.titles import TITLE_NOUNS
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Entity, Mention

_PERSON_WORDS = """
man woman boy girl teen teenager youth child kid mother mom father dad son daughter wife husband
brother sister inmate prisoner escapee convict fugitive lifer killer gunman shooter murderer
robber thief attacker worker employee star icon legend champion swimmer boxer mobster mafioso
"""
#: Singular nouns for a person a headline may use instead of the name (with the titles).
PERSON_NOUNS = frozenset(_PERSON_WORDS.split()) | TITLE_NOUNS
#: Headlines are on an article's first lines (ECB+ training topics: a URL line, then the title).
HEADLINE_LINES = 2
#: Share of the words longer than three letters that start with a capital in a headline.
TITLE_CASE_SHARE = 0.6
ROLE_WORD = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{3,})\b(?![’'-])")


def is_headline(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _lines_end(text: str, lines: int) -> int:
    """Where the first ``lines`` non-empty lines of ``text`` end."""
    end = 0
    for match in re.finditer(r"[^\n]*\S[^\n]*", text):
        end, lines = match.end(), lines - 1
        if not lines:
            break
    return end


def _dominant(people: list[Entity]) -> Entity | None:
    ranked = sorted(people, key=lambda e: (-len(e.mentions), e.id))
    if len(ranked) == 1 or ranked and len(ranked[0].mentions) >= DOMINANCE * len(ranked[1].mentions):
        return ranked[0]
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
    dominant = _dominant(people)
    for doc in docs:
        added: list[Mention] = []
        cutoff = _lines_end(doc.article.text, HEADLINE_LINES)
        for sentence in doc.sentences:
            if sentence.start >= cutoff:
                break
            line_end = doc.article.text.find("\n", sentence.start)
            own_line = line_end >= 0 and not doc.article.text[sentence.end : line_end].strip()
            if not own_line or not is_headline(sentence.text):
                continue
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
