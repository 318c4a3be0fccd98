"""Direct, partial and mixed quotes and who said them (the rules are in ``attribution``), and
the grouping of the same words quoted by several outlets."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from storyline.claims.attribution import attribute
from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Quote, QuoteGroup


def extract_quotes(doc: AnnotatedArticle, index: EntityIndex) -> list[Quote]:
    """The quotes of one article, each with its speaker (or None) and on whose behalf."""
    quotes = []
    for item in attribute(doc, index):
        speaker = item.speaker
        quotes.append(Quote(doc.id, item.sentence, speaker.name if speaker else None, item.text,
                            speaker.on_behalf_of if speaker else None))
    return quotes


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower().replace("’", "'"))


#: rapidfuzz partial_ratio at which two quotes are the same words (one may be an excerpt).
SAME_QUOTE = 88


def group_quotes(quotes: list[Quote]) -> list[QuoteGroup]:
    """The same words quoted by several outlets become one quote citing them all."""
    from rapidfuzz import fuzz

    groups: list[list[Quote]] = []
    for quote in sorted(quotes, key=lambda q: -len(q.text)):  # excerpts find their full quote
        for members in groups:
            speakers = {m.speaker for m in members if m.speaker}
            same_words = any(fuzz.partial_ratio(_norm(m.text), _norm(quote.text)) >= SAME_QUOTE
                             for m in members)
            if same_words and (not speakers or not quote.speaker or quote.speaker in speakers):
                members.append(quote)
                break
        else:
            groups.append([quote])
    result = []
    for members in groups:
        named = [q.speaker for q in members if q.speaker]
        speaker = Counter(named).most_common(1)[0][0] if named else None  # ties: the first seen
        text = max((q.text for q in members), key=len)
        behalf = next((q.on_behalf_of for q in members if q.speaker == speaker and q.on_behalf_of), None)
        result.append(QuoteGroup(speaker, text, sorted({q.article_id for q in members}), behalf))
    result.sort(key=lambda g: (-len(g.sources), g.speaker or "~"))
    return result
