"""ROUGE-N for scoring summaries against a human reference (Lin 2004), our own code.

Standard settings: lowercase, tokens are runs of ASCII letters and digits, no stop-word removal,
optional stemming with the Porter (1980) stemmer (``storyline.brief.porter``). The candidate is
truncated to its first ``words`` whitespace words before scoring (ROUGE-1.5.5's ``-l``); the
reference is used whole. Scores are on a 0-100 scale.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storyline.brief.porter import stem

TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Rouge:
    precision: float
    recall: float
    f1: float


def tokens(text: str, stemming: bool = True) -> list[str]:
    """Lowercased alphanumeric tokens, Porter-stemmed when ``stemming``."""
    found = TOKEN.findall(text.lower())
    return [stem(t) for t in found] if stemming else found


def truncate(text: str, words: int | None) -> str:
    """The first ``words`` whitespace-separated words of ``text`` (all of it when None)."""
    return text if words is None else " ".join(text.split()[:words])


def ngrams(items: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(items[i:i + n]) for i in range(len(items) - n + 1))


def rouge_n(candidate: str, reference: str, n: int = 2, words: int | None = None,
            stemming: bool = True) -> Rouge:
    """ROUGE-N of ``candidate`` (truncated to ``words`` words) against one ``reference``."""
    cand = ngrams(tokens(truncate(candidate, words), stemming), n)
    ref = ngrams(tokens(reference, stemming), n)
    overlap = sum((cand & ref).values())
    p = overlap / sum(cand.values()) if cand else 0.0
    r = overlap / sum(ref.values()) if ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Rouge(100 * p, 100 * r, 100 * f)
