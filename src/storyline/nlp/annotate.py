"""The NLP stage: articles in, sentences, tokens and entity mentions out."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

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


#: Below this many articles one process annotates: a forked worker costs more than it saves.
MIN_PARALLEL = 128
#: Articles a worker annotates per task (results come back in input order).
CHUNK = 64

T = TypeVar("T")
_WORKER: dict[str, Any] = {}


def keep(doc: AnnotatedArticle) -> AnnotatedArticle:
    """The annotated article itself (``annotate_map`` with this is ``annotate``)."""
    return doc


def _work(task: tuple[list[Article], Callable[[AnnotatedArticle], Any]]) -> list[Any]:
    """One chunk in a worker process (the model was inherited from the parent by fork)."""
    articles, fn = task
    docs = _WORKER["nlp"].pipe((a.text for a in articles), batch_size=_WORKER["batch_size"])
    return [fn(_convert(article, doc)) for article, doc in zip(articles, docs)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def annotate_map(articles: Iterable[Article], nlp: Any, fn: Callable[[AnnotatedArticle], T],
                 batch_size: int = 16, processes: int | None = 1) -> Iterator[T]:
    """``fn`` of every annotated article, in input order, streaming: the articles may be a
    generator and nothing but ``fn``'s results leaves the NLP pass. With ``processes`` > 1,
    worker processes forked from this one (sharing the loaded model) annotate chunks and
    apply ``fn`` (a module-level function) themselves; None: as many as ``processes_for``
    gives once the first MIN_PARALLEL articles are read."""
    if processes is None:
        stream = iter(articles)
        head = list(itertools.islice(stream, MIN_PARALLEL))
        processes = processes_for(len(head))
        articles = itertools.chain(head, stream)
    if processes <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in _chunks(articles, CHUNK):
            docs = nlp.pipe((a.text for a in chunk), batch_size=batch_size)
            yield from (fn(_convert(article, doc)) for article, doc in zip(chunk, docs))
        return
    _WORKER.update(nlp=nlp, batch_size=batch_size)
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for results in pool.imap(_work, ((chunk, fn) for chunk in _chunks(articles, CHUNK))):
            yield from results


def processes_for(count: int, requested: int | None = None) -> int:
    """How many processes annotate ``count`` articles: ``requested``, or every core (at most
    two) when there are at least MIN_PARALLEL articles."""
    if requested:
        return requested
    return min(2, os.cpu_count() or 1) if count >= MIN_PARALLEL else 1


def annotate(articles: Iterable[Article], nlp: Any, batch_size: int = 16,
             progress: bool = False, processes: int | None = 1) -> list[AnnotatedArticle]:
    """Run spaCy over the articles (in batches) and keep what later stages need."""
    items = list(articles)
    docs: Iterable[AnnotatedArticle] = annotate_map(items, nlp, keep, batch_size,
                                                    processes_for(len(items), processes))
    if progress:
        from tqdm import tqdm

        docs = tqdm(docs, total=len(items), desc="reading", unit="article", leave=False)
    return list(docs)
