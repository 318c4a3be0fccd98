"""Scoring story summaries against NeuS human roundups (used by the benchmark and the test).

Each line of ``val.source`` is one story (three outlets' articles); the same line of
``val.target`` is a neutral roundup written by hand, ``TITLE=> ... ARTICLE=> ...``. We score
against the ARTICLE part only (the reference title is left out) and the candidate is the
summary's lines joined in order (the story headline is left out), cut to ``SUMMARY_WORDS``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from storyline.brief.rouge import rouge_n
from storyline.evaluation import read_neus_triplets
from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Article

#: The issue's budget: summaries are scored on their first 66 words.
SUMMARY_WORDS = 66
REFERENCE = re.compile(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.S)


@dataclass(frozen=True)
class Roundup:
    line: int
    articles: list[Article]
    reference: str  # the ARTICLE part of the human roundup


def read_roundups(source: Path, target: Path) -> list[Roundup]:
    """The stories of a NeuS split with their human roundups, in line order."""
    articles, gold = read_neus_triplets(source)
    by_line: dict[int, list[Article]] = defaultdict(list)
    for article in articles:
        by_line[gold[article.id]].append(article)
    references = target.read_text(encoding="utf-8").splitlines()
    roundups = []
    for line in sorted(by_line):
        match = REFERENCE.match(references[line])
        reference = match[2].strip() if match else references[line].strip()
        roundups.append(Roundup(line, by_line[line], reference))
    return roundups


def rouge2(summary: str, reference: str, words: int = SUMMARY_WORDS) -> float:
    """ROUGE-2 F1 (Porter-stemmed, 0-100) of ``summary`` cut to ``words`` words."""
    return rouge_n(summary, reference, n=2, words=words).f1


def lead_interleaved(docs: list[AnnotatedArticle]) -> str:
    """The baseline: sentence 1 of each article in input order, then sentence 2 of each, ..."""
    depth = max((len(d.sentences) for d in docs), default=0)
    return " ".join(d.sentences[i].text for i in range(depth) for d in docs if i < len(d.sentences))
