"""Citations that reach the sentence: every (text, sources) item of a brief becomes a list of
links, one per source, to the cited sentence of that article (``/article/ID#s-N`` in the desk,
an in-page anchor in ``brief --format html``), labelled by outlet name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

#: A paraphrase cites the sentence sharing at least this share of its words (Jaccard); below it the
#: link opens the article at the top. Checked by hand on the seed story's summary lines.
MIN_OVERLAP = 0.5
#: A sentence holding the item's key (its year, month or figure) needs only this share of its
#: words: other outlets say the same date or number in other words. On the desk's NeuS dev store
#: (seed story + val events 0-249) it sends 73 of 160 timeline and figure citations left at the
#: article's top to a sentence; 12 of 14 sampled were the same fact (0.1: more, but wrong ones).
MIN_KEYED_OVERLAP = 0.15
#: Longest citation label before it is shortened (at a word boundary).
LABEL_CHARS = 32
_WORD = re.compile(r"\w+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).casefold().strip(" \"'")


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut at a word boundary (never inside a word) with an ellipsis when too long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0].rstrip(",;:-–— ") if " " in head else text.split(" ", 1)[0]
    return cut if cut == text else cut + "…"


def outlet_name(article: dict[str, Any]) -> str:
    """What a reader calls the source: its outlet, else its web site, else its title."""
    if article.get("outlet"):
        return str(article["outlet"])
    host = urlsplit(article.get("url") or "").hostname or ""
    if host:
        return host.removeprefix("www.")
    return shorten(article.get("title") or "Untitled article")


def labels_for(articles: list[dict[str, Any]]) -> dict[str, str]:
    """A short citation label per article: its outlet, numbered when an outlet has several."""
    labels: dict[str, str] = {}
    taken: dict[str, int] = {}
    for a in articles:
        base = shorten(outlet_name(a))
        taken[base] = taken.get(base, 0) + 1
        labels[a["id"]] = base if taken[base] == 1 else f"{base} {taken[base]}"
    return labels


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _best(sentences: list[str], words: set[str], floor: float, keys: tuple[str, ...] = ()) -> int | None:
    best, best_score = None, floor
    for i, s in enumerate(sentences):
        if keys and not any(k in s.casefold() for k in keys):
            continue
        other = _words(s)
        score = len(words & other) / len(words | other) if words and other else 0.0
        if score >= best_score and (best is None or score > best_score):
            best, best_score = i, score
    return best


def locate(sentences: list[str], text: str, keys: tuple[str, ...] = ()) -> int | None:
    """The index of the sentence that says ``text``: equal, containing it (a quote), contained
    in it (a multi-sentence item), else the best word overlap of at least MIN_OVERLAP, else the
    best of at least MIN_KEYED_OVERLAP among sentences holding one of ``keys`` (a year, a number)."""
    target = norm(text)
    if not target:
        return None
    normed = [norm(s) for s in sentences]
    for test in (lambda s: s == target, lambda s: target in s, lambda s: bool(s) and s in target):
        hit = next((i for i, s in enumerate(normed) if test(s)), None)
        if hit is not None:
            return hit
    words = _words(target)
    found = _best(sentences, words, MIN_OVERLAP)
    keys = tuple(k.casefold() for k in keys if k)
    return found if found is not None or not keys else _best(sentences, words, MIN_KEYED_OVERLAP, keys)


@dataclass
class Citer:
    """Turns an item's sources into links. ``href(article, index)`` builds the address of a
    sentence (``index`` None: the article itself); ``sentences`` holds each article's sentences."""

    labels: dict[str, str]
    sentences: dict[str, list[str]]
    href: Callable[[str, int | None], str]
    known: dict[str, dict[str, int]] = field(default_factory=dict)
    _cache: dict[tuple[str, str, tuple[str, ...]], int | None] = field(default_factory=dict)

    def learn_claims(self, claims: Iterable[dict[str, Any]]) -> None:
        """A claim knows each source's sentence: its text and its sentences' texts cite them."""
        for claim in claims:
            where = {s["article"]: int(s["index"]) for s in claim.get("sentences", [])}
            for text in [claim.get("text", "")] + [s.get("text", "") for s in claim.get("sentences", [])]:
                self.known.setdefault(norm(text), {}).update(where)

    def index(self, article: str, text: str, keys: tuple[str, ...] = ()) -> int | None:
        key = (article, text, keys)
        if key not in self._cache:
            found = self.known.get(norm(text), {}).get(article)
            if found is None and text:
                found = locate(self.sentences.get(article, []), text, keys)
            self._cache[key] = found
        return self._cache[key]

    def mentions(self, sources: Iterable[str], names: list[str]) -> list[dict[str, Any]]:
        """Links to the first sentence of each source that names the entity (any spelling)."""
        out = []
        for source in sources:
            sentences = self.sentences.get(source, [])
            index = next((i for i, s in enumerate(sentences) if any(n and n in s for n in names)), None)
            out.append(self.ref(source, index))
        return out

    def ref(self, source: str, index: int | None) -> dict[str, Any]:
        return {"article": source, "label": self.labels.get(source, source), "sentence": index,
                "href": self.href(source, index)}

    def refs(self, sources: Iterable[str], text: str = "", keys: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        out = []
        for source in sources:
            out.append(self.ref(source, self.index(source, text, keys)))
        return out
