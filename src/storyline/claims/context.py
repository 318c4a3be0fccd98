"""One article prepared for attribution: flat tokens, their sentences, quoted spans and the
mentions that start or end at each character (built once per article)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle, Token
from storyline.records import Entity, Mention

#: A quotation: straight or curly marks; an unclosed quote runs to the end of its paragraph.
QUOTE_SPAN = re.compile(r"[\"“]([^\"“”\n]+?)(?:[\"”]|(?=\n)|$)")
OPENING = "\"“"
CLOSING = "\"”"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the opening mark
    end: int  # after the closing mark
    text: str  # the words inside, trimmed

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Context:
    doc: AnnotatedArticle
    index: EntityIndex
    tokens: list[Token] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)  # token -> sentence index
    first_token: list[int] = field(default_factory=list)  # sentence -> first token
    quotes: list[QuoteSpan] = field(default_factory=list)
    starts: dict[int, Mention] = field(default_factory=dict)  # mention start char -> mention
    ends: dict[int, Mention] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)  # entity id -> "m" / "f"

    @property
    def text(self) -> str:
        return self.doc.article.text

    def entity(self, mention: Mention) -> Entity | None:
        return self.index.entity_of(mention)

    def quoted(self, offset: int) -> bool:
        """Whether the character at ``offset`` is inside a quotation (marks included)."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i].end

    def token_at(self, offset: int) -> int:
        """The index of the token that starts at or contains ``offset`` (or the next one)."""
        return bisect.bisect_left(self._token_ends, offset + 1)

    def sentence_tokens(self, sentence: int) -> range:
        lo = self.first_token[sentence]
        hi = self.first_token[sentence + 1] if sentence + 1 < len(self.first_token) else len(self.tokens)
        return range(lo, hi)

    def mention_in(self, start: int, end: int) -> list[Mention]:
        return [m for s, m in sorted(self.starts.items()) if start <= s and m.end <= end]

    def build(self) -> Context:
        for sentence, toks in enumerate(self.doc.tokens):
            self.first_token.append(len(self.tokens))
            self.tokens += toks
            self.sentence_of += [sentence] * len(toks)
        self._token_ends = [t.idx + len(t.text) for t in self.tokens]
        self.quotes = list(quote_spans(self.text))
        self._quote_starts = [q.start for q in self.quotes]
        titles = [m for e in self.index.entities for m in e.mentions
                  if m.label == "TITLE" and m.article_id == self.doc.id]
        for m in sorted([*self.doc.mentions, *titles], key=lambda m: (m.start, -m.end)):
            self.starts.setdefault(m.start, m)
            self.ends.setdefault(m.end, m)
        return self


def quote_spans(text: str) -> list[QuoteSpan]:
    spans = []
    for match in QUOTE_SPAN.finditer(text):
        body = match[1].strip(" ,")
        if any(c.isalpha() for c in body):
            spans.append(QuoteSpan(match.start(), match.end(), body))
    return spans


def build_context(doc: AnnotatedArticle, index: EntityIndex) -> Context:
    return Context(doc, index).build()
