"""Hand-labelled quotes of NeuS val (``tests/data/neus_quotes.jsonl``): a reader and a scorer for
storyline's quotes on three-outlet coverage (quotes found, speaker accuracy, named vs unnamed).

Choices, so that a number means one thing (the labelling rules are in ``tests/data/NEUS_QUOTES.md``):
- **Articles:** a gold row names a line of ``val.source`` and the 0-based index of its
  ``[SEP]``-separated part. Every article of a line with a gold quote is annotated, and the line is one
  story: quotes come from ``extract_quotes(doc, resolve_story(docs of the line))``, as in
  ``pipeline.build_story``.
- **Found:** a storyline quote of that article overlaps the gold quote's characters (the quote's text
  is located in the article, in article order).
- **Right speaker:** for a named gold speaker (or any named alternative), its surname (the last word
  of the name, titles dropped: ``storyline.polnear.surname``) is a word of the predicted speaker or of
  one of its entity's spellings; for an unnamed one ("a YouTube spokesperson"), the predicted
  speaker holds the description's head noun. A found quote without a speaker is wrong. Speaker
  accuracy is over found quotes, split ``named`` / ``unnamed``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.polnear import Predicted, Score, _head_noun, _singular, _words, fold, surname
from storyline.records import Article

KINDS = ("named", "unnamed")


@dataclass(frozen=True)
class GoldQuote:
    """One labelled quote: where it is, its exact text and who said it."""

    line: int
    article: int
    quote: str
    speaker: str
    named: bool
    alternatives: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return "named" if self.named else "unnamed"


def read_gold(path: Path) -> list[GoldQuote]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [GoldQuote(r["line"], r["article"], r["quote"], r["speaker"], r["named"],
                      tuple(r.get("alternatives", ()))) for r in rows]


def read_line_articles(source: Path, lines: Iterable[int]) -> dict[int, list[Article | None]]:
    """The articles of the given lines of ``val.source``, by their ``[SEP]`` position (None for
    a part without article text)."""
    wanted = set(lines)
    out: dict[int, list[Article | None]] = {}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines()):
        if number not in wanted:
            continue
        parts: list[Article | None] = []
        for part in line.split("[SEP]"):
            match = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", part, re.S)
            ok = match is not None and bool(match[2].strip())
            parts.append(Article(text=match[2].strip(), title=match[1].strip() or None) if match and ok else None)
        out[number] = parts
    return out


def speaker_right(gold: GoldQuote, predicted: str | None, variants: Iterable[str] = ()) -> bool:
    """Surname match for a named speaker, head-noun match for a description (see module doc)."""
    if not predicted:
        return False
    words = {w.rstrip(".") for v in (predicted, *variants) for w in _words(fold(v))}
    words |= {w.removesuffix("'s") for w in words}
    for i, name in enumerate((gold.speaker, *gold.alternatives)):
        last = surname(name) if gold.named or i > 0 else None
        if last:
            if last in words:
                return True
            continue
        head = _singular(_head_noun(name))
        if head and any(_singular(w) == head for w in words):
            return True
    return False


def _spans(text: str, quotes: list[tuple[str, str | None, tuple[str, ...]]]) -> list[Predicted]:
    """Each predicted quote located in the article (searching on from the previous one)."""
    out, cursor = [], 0
    for quote_text, speaker, variants in quotes:
        at = text.find(quote_text, cursor)
        at = text.find(quote_text) if at < 0 else at
        if at < 0 or not quote_text:
            continue
        cursor = at + len(quote_text)
        out.append(Predicted(at, cursor, speaker, variants))
    return out


def predict(source: Path, gold: list[GoldQuote], nlp: Any) -> dict[tuple[int, int], list[Predicted]]:
    """Storyline's quotes for every article of every line with a gold quote, each line one story."""
    from storyline.claims.quotes import extract_quotes
    from storyline.entities import resolve_story
    from storyline.nlp import annotate

    lines = read_line_articles(source, {g.line for g in gold})
    unique: dict[str, Article] = {}
    for number in sorted(lines):
        for article in lines[number]:
            if article is not None:
                unique.setdefault(article.id, article)
    annotated = {d.id: d for d in annotate(list(unique.values()), nlp)}
    out: dict[tuple[int, int], list[Predicted]] = {}
    for number in sorted(lines):
        ids = list(dict.fromkeys(a.id for a in lines[number] if a is not None))
        docs = [annotated[i] for i in ids]
        index = resolve_story(docs)
        spellings = {e.name: tuple(e.variants) for e in sorted(index.entities, key=lambda e: e.id)}
        by_id = {d.id: [(q.text, q.speaker, spellings.get(q.speaker or "", ()))
                        for q in extract_quotes(d, index)] for d in docs}
        for position, article in enumerate(lines[number]):
            if article is not None:
                out[(number, position)] = _spans(article.text, by_id[article.id])
    return out


def score(gold: list[GoldQuote], source: Path, predictions: dict[tuple[int, int], list[Predicted]]) -> Score:
    """Quotes found and right speakers by kind (named / unnamed); errors as (where, gold speaker,
    predicted speaker, quote), a quote not found marked ``missed`` in where."""
    lines = read_line_articles(source, {g.line for g in gold})
    result = Score()
    for item in gold:
        article = lines[item.line][item.article]
        result.gold[item.kind] += 1
        start = article.text.find(item.quote) if article else -1
        if start < 0:
            continue
        end = start + len(item.quote)
        predicted = predictions.get((item.line, item.article), [])
        best = max(predicted, key=lambda p: (min(p.end, end) - max(p.start, start), -p.start), default=None)
        if best is None or min(best.end, end) <= max(best.start, start):
            result.errors.append((f"{item.line}/{item.article} missed", item.speaker, None, item.quote[:80]))
            continue
        result.found[item.kind] += 1
        if best.speaker is None:
            result.no_speaker += 1
        if speaker_right(item, best.speaker, best.variants):
            result.right[item.kind] += 1
        else:
            result.errors.append((f"{item.line}/{item.article}", item.speaker, best.speaker, item.quote[:80]))
    return result
