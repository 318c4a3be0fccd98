"""The NLP stage: articles in, sentences, tokens and entity mentions out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from storyline.records import Article, Mention, Sentence

#: Entity labels kept as named-entity mentions (numbers and dates go to other stages).
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                          "WORK_OF_ART", "LAW"})


class Token(NamedTuple):
    text: str
    lemma: str
    pos: str
    idx: int  # character offset into the article text
    ent: str  # entity label or ""
    is_stop: bool


@dataclass
class AnnotatedArticle:
    """An article with everything the NLP pass found in it."""

    article: Article
    sentences: list[Sentence]
    tokens: list[list[Token]]  # per sentence
    mentions: list[Mention]
    dates: list[Mention]  # DATE entities, resolved later by the timeline stage
    numbers: list[Mention]  # CARDINAL/QUANTITY/MONEY/PERCENT entities

    @property
    def id(self) -> str:
        return self.article.id

    def offset_of(self, sentence: int, expression: str) -> int:
        """Where ``expression`` starts in the text, looked for inside sentence ``sentence``."""
        span = self.sentences[sentence]
        found = self.article.text.find(expression, span.start, span.end)
        return found if found >= 0 else span.start


def _sentence_spans(doc: Any) -> Iterator[tuple[int, int]]:
    """Token ranges of sentences, also split at line breaks (paragraphs never merge)."""
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if "\n" in token.text and token.i > start:
                yield start, token.i
                start = token.i + 1
            elif "\n" in token.text:
                start = token.i + 1
        if start < sent.end:
            yield start, sent.end


def _convert(article: Article, doc: Any) -> AnnotatedArticle:
    aid = article.id
    sentences: list[Sentence] = []
    tokens: list[list[Token]] = []
    token_sentence: dict[int, int] = {}
    paragraph = 0
    last_end = 0
    for start, end in _sentence_spans(doc):
        span = doc[start:end]
        text = span.text.strip()
        if not text:
            continue
        paragraph += article.text.count("\n\n", last_end, span.start_char)
        last_end = span.end_char
        index = len(sentences)
        sentences.append(Sentence(aid, index, span.start_char, span.end_char, text, paragraph))
        tokens.append([Token(t.text, t.lemma_.lower(), t.pos_, t.idx, t.ent_type_, t.is_stop)
                       for t in span if not t.is_space])
        for i in range(start, end):
            token_sentence[i] = index
    named: list[Mention] = []
    dates: list[Mention] = []
    numbers: list[Mention] = []
    for ent in doc.ents:
        if ent.start not in token_sentence:
            continue
        mention = Mention(aid, token_sentence[ent.start], ent.start_char, ent.end_char,
                          ent.text, ent.label_)
        if ent.label_ in NAMED_LABELS:
            named.append(mention)
        elif ent.label_ in ("DATE", "TIME"):
            dates.append(mention)
        elif ent.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            numbers.append(mention)
    return AnnotatedArticle(article, sentences, tokens, named, dates, numbers)


def annotate(articles: Iterable[Article], nlp: Any, batch_size: int = 16,
             progress: bool = False) -> list[AnnotatedArticle]:
    """Run spaCy over the articles (in batches) and keep what later stages need."""
    items = list(articles)
    docs = nlp.pipe((a.text for a in items), batch_size=batch_size)
    if progress:
        from tqdm import tqdm

        docs = tqdm(docs, total=len(items), desc="reading", unit="article", leave=False)
    return [_convert(article, doc) for article, doc in zip(items, docs)]
