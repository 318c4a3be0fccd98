"""Direct quotes and who said them.

Attribution, in order: a speech verb next to the quote in the same sentence ("..., said
Leif-Eric Easley", "Ri explained"); a pronoun subject ("he told the newspaper") resolved to the
person most recently named; the next sentence when it is an attribution ("Ri added."); else the
speaker of a quote that runs on from the sentence before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Mention, Quote, QuoteGroup

SPEECH_VERBS = ("said", "says", "told", "tells", "explained", "added", "adds", "stated",
                "concluded", "noted", "wrote", "asked", "argued", "insisted", "warned",
                "claimed", "recalled", "continued", "according to", "reported", "declared",
                "stressed", "emphasized", "emphasised", "acknowledged", "admitted", "replied")
_VERBS = "|".join(SPEECH_VERBS)
QUOTE_SPAN = re.compile(r"[\"“]([^\"“”\n]{3,}?)(?:[\"”]|(?=\n)|$)")
#: Quotes shorter than this many words are scare quotes ("terrorist"), not statements.
MIN_QUOTE_WORDS = 5
UNATTRIBUTED_MIN_WORDS = 10


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


@lru_cache(maxsize=256)
def _quote_spans(text: str) -> tuple[_Span, ...]:
    """Quotes of an article (cached: attribution asks again for every pronoun)."""
    spans = []
    for match in QUOTE_SPAN.finditer(text):
        body = match[1].strip(" ,")
        if len(body.split()) >= MIN_QUOTE_WORDS:
            spans.append(_Span(match.start(), match.end(), body))
    return tuple(spans)


def _sentence_of(doc: AnnotatedArticle, offset: int) -> int:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.index
    return max(0, len(doc.sentences) - 1)


def _persons_before(doc: AnnotatedArticle, index: EntityIndex, offset: int) -> list[Mention]:
    """PERSON mentions before ``offset`` that are not inside a quote (antecedents of 'he')."""
    quoted = [(q.start, q.end) for q in _quote_spans(doc.article.text)]
    return [m for m in doc.mentions if m.end <= offset and _is_person(index, m)
            and not any(a <= m.start < b for a, b in quoted)]


def _is_person(index: EntityIndex, mention: Mention) -> bool:
    entity = index.entity_of(mention)
    return entity is not None and entity.type == "PERSON"


#: A pronoun's antecedent is the most-mentioned person among those named this many sentences back.
ANTECEDENT_WINDOW = 4


def _named_speaker(doc: AnnotatedArticle, index: EntityIndex, lo: int, hi: int,
                  labels: tuple[str, ...] = ("PERSON",)) -> str | None:
    """A mention with one of ``labels`` in text[lo:hi] next to a speech verb."""
    window = doc.article.text[lo:hi]
    if not re.search(rf"\b({_VERBS})\b", window):
        return None
    persons = [m for m in doc.mentions if lo <= m.start < hi and m.label in labels
               and (labels != ("PERSON",) or _is_person(index, m))]
    if not persons:
        return None
    entity = index.entity_of(persons[0])
    return entity.name if entity else persons[0].text


def _pronoun_speaker(doc: AnnotatedArticle, index: EntityIndex, lo: int, hi: int,
                     before: int) -> str | None:
    window = doc.article.text[lo:hi]
    if not re.search(rf"\b(he|she)\s+(?:\w+ly\s+)?({_VERBS})\b|\b({_VERBS})\s+(he|she)\b", window, re.I):
        return None
    persons = _persons_before(doc, index, before)
    if not persons:
        return None
    recent = {index.by_mention[(m.article_id, m.start)] for m in persons
              if m.sentence >= persons[-1].sentence - ANTECEDENT_WINDOW}
    counts = {eid: sum(1 for m in persons if index.by_mention[(m.article_id, m.start)] == eid)
              for eid in recent}
    best = max(counts, key=lambda eid: counts[eid])
    entity = index.get(best)
    return entity.name if entity else None


def _attribute(doc: AnnotatedArticle, index: EntityIndex, span: _Span, previous: str | None) -> str | None:
    text = doc.article.text
    sentence = doc.sentences[_sentence_of(doc, span.start)]
    end_sentence = doc.sentences[_sentence_of(doc, max(span.start, span.end - 1))]
    after = (span.end, end_sentence.end)
    before = (sentence.start, span.start)
    for lo, hi in (after, before):
        who = _named_speaker(doc, index, lo, hi) or _pronoun_speaker(doc, index, lo, hi, span.start)
        if who:
            return who
    for lo, hi in (after, before):
        who = _named_speaker(doc, index, lo, hi, ("ORG",))
        if who:
            return who
    nxt = end_sentence.index + 1
    if nxt < len(doc.sentences) and not QUOTE_SPAN.search(doc.sentences[nxt].text):
        s = doc.sentences[nxt]
        if len(s.text.split()) <= 12:
            who = _named_speaker(doc, index, s.start, s.end) or _pronoun_speaker(
                doc, index, s.start, s.end, s.start)
            if who:
                return who
    if previous and text[max(0, span.start - 3) : span.start].strip() == "":
        return previous
    return previous if sentence.start == span.start or text[sentence.start] in "\"“" else None


def extract_quotes(doc: AnnotatedArticle, index: EntityIndex) -> list[Quote]:
    quotes: list[Quote] = []
    previous: str | None = None
    for span in _quote_spans(doc.article.text):
        speaker = _attribute(doc, index, span, previous)
        if speaker is None and len(span.text.split()) < UNATTRIBUTED_MIN_WORDS:
            continue  # a short unattributed phrase in quotes is a scare quote, not speech
        quotes.append(Quote(doc.id, _sentence_of(doc, span.start), speaker, span.text))
        previous = speaker
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
        result.append(QuoteGroup(speaker, text, sorted({q.article_id for q in members})))
    result.sort(key=lambda g: (-len(g.sources), g.speaker or "~"))
    return result
