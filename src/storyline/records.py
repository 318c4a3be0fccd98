"""The typed records that flow through the pipeline, one per stage.

Ids are derived from content so that the same article, read twice or from two places,
gets the same id, and a story's id follows from the articles in it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any


def content_id(prefix: str, *parts: str, length: int = 8) -> str:
    """A short stable id: ``prefix`` plus the first hex digits of a SHA-1 of ``parts``."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return prefix + digest[:length]


def text_key(text: str) -> str:
    """Whitespace- and case-folded text, so trivial re-encodings hash alike."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Article:
    """One news report as read from a file, feed item, URL or JSON line."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    published: date | None = None
    author: str | None = None

    @cached_property
    def id(self) -> str:
        return content_id("a", text_key(self.text))


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with character offsets into ``Article.text``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass(frozen=True)
class Mention:
    """A named-entity mention: a span of one sentence with a label."""

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str


@dataclass
class Entity:
    """One referent across articles: every spelling and every mention of it."""

    id: str
    name: str
    type: str
    variants: list[str]
    mentions: list[Mention]
    titles: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({m.article_id for m in self.mentions})


@dataclass(frozen=True)
class TimeRef:
    """A date expression resolved against its article's publication date."""

    article_id: str
    sentence: int
    expression: str
    date: str
    precision: str
    qualifier: str | None = None
    approximate: bool = False
    anchor: str = "published"
    event: bool = True  # dates an action of the story (a timeline entry), not a passing mention
    end: str | None = None  # the last period of a range ("2009-2010"), same precision


@dataclass(frozen=True)
class Figure:
    """A number in the text with what it counts."""

    article_id: str
    sentence: int
    value: float
    unit: str
    expression: str
    approximate: bool = False


@dataclass(frozen=True)
class Quote:
    """Direct speech with its (resolved) speaker."""

    article_id: str
    sentence: int
    speaker: str | None
    text: str
    on_behalf_of: str | None = None  # whom a spokesperson speaks for


@dataclass
class Claim:
    """One fact, said by one or more articles, possibly in different words."""

    id: str
    text: str
    status: str
    sources: list[str]
    sentences: list[Sentence]


@dataclass
class Position:
    value: str
    text: str
    sources: list[str]


@dataclass
class Conflict:
    topic: str
    kind: str
    positions: list[Position]
    reason: str = ""


@dataclass
class TimelineEvent:
    date: str
    precision: str
    text: str
    sources: list[str]
    qualifier: str | None = None
    expression: str = ""
    end: str | None = None  # the last period of a range ("2009-2010": date 2009, end 2010)


@dataclass
class FigureGroup:
    value: float
    unit: str
    text: str
    sources: list[str]
    approximate: bool = False


@dataclass
class QuoteGroup:
    speaker: str | None
    text: str
    sources: list[str]
    on_behalf_of: str | None = None


@dataclass
class SummaryLine:
    text: str
    sources: list[str]


@dataclass
class Story:
    """A group of articles on one seminal event, with everything storyline found in it."""

    articles: list[str]
    headline: str = ""
    summary: list[SummaryLine] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    figures: list[FigureGroup] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    thread: str | None = None  # the id of the earliest story of the thread this one belongs to
    related: list[str] = field(default_factory=list)  # stories linked to this one in its thread

    @property
    def id(self) -> str:
        return content_id("s", *sorted(self.articles))


@dataclass
class Brief:
    """What ``storyline brief`` writes: the articles read and the stories found."""

    articles: list[Article]
    stories: list[Story]
    errors: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
