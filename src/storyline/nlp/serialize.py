"""Annotations to and from compact JSON, so a stored article never needs spaCy again."""

from __future__ import annotations

import json
from datetime import date

from storyline.nlp.annotate import AnnotatedArticle, Token
from storyline.records import Article, Mention, Sentence


def dumps(doc: AnnotatedArticle) -> str:
    def mentions(items: list[Mention]) -> list[list[object]]:
        return [[m.sentence, m.start, m.end, m.text, m.label] for m in items]

    return json.dumps({
        "s": [[s.start, s.end, s.text, s.paragraph] for s in doc.sentences],
        "t": [[list(t) for t in tokens] for tokens in doc.tokens],
        "m": mentions(doc.mentions), "d": mentions(doc.dates), "n": mentions(doc.numbers),
    }, ensure_ascii=False, separators=(",", ":"))


def loads(article: Article, data: str) -> AnnotatedArticle:
    raw = json.loads(data)
    aid = article.id

    def mentions(items: list[list[object]]) -> list[Mention]:
        return [Mention(aid, int(s), int(a), int(b), str(t), str(label))  # type: ignore[call-overload]
                for s, a, b, t, label in items]

    sentences = [Sentence(aid, i, start, end, text, paragraph)
                 for i, (start, end, text, paragraph) in enumerate(raw["s"])]
    tokens = [[Token(*t) for t in sent] for sent in raw["t"]]
    return AnnotatedArticle(article, sentences, tokens, mentions(raw["m"]), mentions(raw["d"]),
                            mentions(raw["n"]))


def article_from_row(row: dict[str, object]) -> Article:
    published = row.get("published")
    return Article(text=str(row["text"]), title=row.get("title"), outlet=row.get("outlet"),  # type: ignore[arg-type]
                   url=row.get("url"), path=row.get("path"),  # type: ignore[arg-type]
                   published=date.fromisoformat(str(published)) if published else None,
                   author=row.get("author"))  # type: ignore[arg-type]
