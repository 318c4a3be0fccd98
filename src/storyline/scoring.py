"""Scoring flagged conflicts against hand-labelled disagreements (NeuS val triplets).

The gold file (``tests/data/neus_disagreements.jsonl``) holds, per labelled triplet, every genuine
factual disagreement between its articles: the shared fact, its kind, and each article's value
with the sentence that states it (see ``tests/data/NEUS_DISAGREEMENTS.md``).

**When a flagged conflict matches a gold disagreement.** Two different positions of the flagged
conflict must each *cover* a gold position, the two gold positions being in different articles
and on different sides (a position's ``side`` is its value unless the annotator gave one, so that
"188,829" and "more than 188,000" can agree); and each flagged position's value must be
*compatible* with the gold position it covers. A flagged position covers a gold position when it
cites that article and its sentence is the gold sentence (one contains the other after whitespace
is normalised, or at least ``SENTENCE_OVERLAP`` of the shorter one's words are in the other); a
position citing several articles shows one sentence only, so for its other articles the sentence
is not checked. A value is compatible when it shares a word or number that tells the gold value
apart from the other side's (``"157 seats"`` for gold ``157`` against ``156``); for quote,
negation, actor and other disagreements the flagged value is not checked when the flagged
conflict is of one of those kinds too (their values are phrasings, not slots).

A flagged conflict is *real* when it matches a gold disagreement of its triplet (clear or
borderline); precision is real / flagged. Recall is gold disagreements matched by at least one
flagged conflict / gold disagreements (reported for the clear ones and for all).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import InputError
from storyline.options import Options
from storyline.records import Conflict, Position

#: Share of the shorter sentence's words that must appear in the other for the two to count as the
#: same sentence (spaCy and the annotator split a few sentences differently, e.g. after "Sen.").
SENTENCE_OVERLAP = 0.6
#: Kinds whose values are phrasings rather than slot values (not compared word for word).
PHRASING_KINDS = frozenset({"quote", "negation", "actor", "other"})
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
STOPWORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "at", "by", "for", "with", "is",
                       "was", "be", "has", "had", "have", "it", "its", "that", "this", "as", "from"})
WORD = re.compile(r"\$?\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class GoldPosition:
    article: int  # index of the article within its triplet (reader order)
    value: str
    sentence: str
    side: str = ""  # positions with the same side agree though worded differently ("188,829" / "more than 188,000")

    @property
    def key(self) -> str:
        return _normal(self.side or self.value)


@dataclass(frozen=True)
class GoldDisagreement:
    kind: str
    fact: str
    positions: tuple[GoldPosition, ...]
    clear: bool = True


@dataclass(frozen=True)
class GoldTriplet:
    line: int  # 0-based line of val.source
    articles: int
    disagreements: tuple[GoldDisagreement, ...]
    near_misses: tuple[GoldDisagreement, ...] = ()


def _disagreement(raw: dict) -> GoldDisagreement:
    positions = tuple(GoldPosition(int(p["article"]), str(p["value"]), str(p["sentence"]), str(p.get("side", "")))
                      for p in raw["positions"])
    return GoldDisagreement(str(raw["kind"]), str(raw.get("fact") or raw.get("why", "")), positions,
                            bool(raw.get("clear", True)))


def read_gold(path: Path) -> list[GoldTriplet]:
    """The labelled triplets of a gold JSON Lines file, in file order."""
    triplets = []
    for text in path.read_text(encoding="utf-8").splitlines():
        if not text.strip():
            continue
        raw = json.loads(text)
        triplets.append(GoldTriplet(int(raw["line"]), int(raw["articles"]),
                                    tuple(_disagreement(d) for d in raw["disagreements"]),
                                    tuple(_disagreement(d) for d in raw.get("near_misses", []))))
    return triplets


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower().replace("’", "'")


def _words(text: str) -> list[str]:
    return WORD.findall(_normal(text))


def same_sentence(a: str, b: str) -> bool:
    """The same sentence, allowing for a different split or trimmed quotation marks."""
    na, nb = _normal(a), _normal(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    wa, wb = _words(na), _words(nb)
    short, other = (wa, set(wb)) if len(wa) <= len(wb) else (wb, set(wa))
    return bool(short) and sum(w in other for w in short) / len(short) >= SENTENCE_OVERLAP


def value_tokens(value: str) -> set[str]:
    """Content words and numbers of a value, numbers in one canonical form ("Thirty-five" -> "35",
    "$1.2 trillion" and "1,200,000,000,000" -> "1.2e+12", "1,500" -> "1500"). Dates stay words: a
    flagged value must say "Thursday" to match a gold "Thursday" (a resolved "2019-10-17" does not)."""
    tokens: set[str] = set()
    words = _words(value)
    for i, word in enumerate(words):
        number = _number(word)
        if number is None:
            if word not in STOPWORDS and word not in SCALES:
                tokens.add(word)
            continue
        scale = SCALES.get(words[i + 1], 1.0) if i + 1 < len(words) else 1.0
        tokens.add(f"{number * scale:g}")
    return tokens


def _number(word: str) -> float | None:
    digits = word.lstrip("$").replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    parts = word.replace("’", "-").split("-")
    if parts and all(p in NUMBER_WORDS for p in parts):
        return float(sum(NUMBER_WORDS[p] for p in parts))
    return None


def value_compatible(flagged: str, gold: str, other_side: Iterable[str]) -> bool:
    """The flagged value names what tells ``gold`` apart from the values on the other side."""
    mine = value_tokens(gold)
    theirs = set().union(*(value_tokens(v) for v in other_side)) if other_side else set()
    distinct = (mine - theirs) or mine
    return bool(distinct & value_tokens(flagged))


def covers(position: Position, gold: GoldPosition, article_ids: Sequence[str],
           texts: dict[str, str]) -> bool:
    """``position`` cites the gold position's article, with its sentence when it shows that article's."""
    if gold.article >= len(article_ids):
        return False
    aid = article_ids[gold.article]
    if aid not in position.sources:
        return False
    if _normal(position.text) in _normal(texts.get(aid, "")) or len(position.sources) == 1:
        return same_sentence(position.text, gold.sentence)
    return True  # the sentence shown is another cited article's


def matches(conflict: Conflict, gold: GoldDisagreement, article_ids: Sequence[str],
            texts: dict[str, str], check_values: bool = True) -> bool:
    """The flagged conflict sets two different gold values (of two articles) against each other."""
    skip_values = not check_values or (gold.kind in PHRASING_KINDS and conflict.kind in PHRASING_KINDS)
    for i, p in enumerate(conflict.positions):
        for j, q in enumerate(conflict.positions):
            if i == j:
                continue
            for g in gold.positions:
                for h in gold.positions:
                    if g.article == h.article or g.key == h.key:
                        continue
                    if not (covers(p, g, article_ids, texts) and covers(q, h, article_ids, texts)):
                        continue
                    if skip_values or (value_compatible(p.value, g.value, [h.value])
                                       and value_compatible(q.value, h.value, [g.value])):
                        return True
    return False


@dataclass
class TripletResult:
    line: int
    flagged: list[Conflict]
    real: list[bool]  # per flagged conflict: matches a gold disagreement
    near_miss: list[bool]  # per flagged conflict: matches a labelled near miss instead
    found: list[bool]  # per gold disagreement: matched by a flagged conflict
    gold: tuple[GoldDisagreement, ...]
    stories: int = 1  # stories the clustering makes of the triplet's articles


def score_triplet(triplet: GoldTriplet, conflicts: list[Conflict], article_ids: Sequence[str],
                  texts: dict[str, str], stories: int = 1) -> TripletResult:
    real = [any(matches(c, d, article_ids, texts) for d in triplet.disagreements) for c in conflicts]
    near = [not r and any(matches(c, d, article_ids, texts, check_values=False)
                          for d in triplet.near_misses) for c, r in zip(conflicts, real)]
    found = [any(matches(c, d, article_ids, texts) for c in conflicts) for d in triplet.disagreements]
    return TripletResult(triplet.line, conflicts, real, near, found, triplet.disagreements, stories)


@dataclass
class ConflictScore:
    triplets: int = 0
    flagged: int = 0
    real: int = 0
    near_miss: int = 0
    gold: int = 0
    found: int = 0
    gold_clear: int = 0
    found_clear: int = 0
    split: int = 0  # triplets the clustering does not keep in one story
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)
    flagged_by_kind: Counter[str] = field(default_factory=Counter)
    real_by_kind: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.real / self.flagged if self.flagged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def recall_clear(self) -> float:
        return self.found_clear / self.gold_clear if self.gold_clear else 0.0

    @property
    def false_alarms_per_100(self) -> float:
        return 100 * (self.flagged - self.real) / self.triplets if self.triplets else 0.0


def aggregate(results: Iterable[TripletResult]) -> ConflictScore:
    score = ConflictScore()
    for r in results:
        score.triplets += 1
        score.split += r.stories != 1
        score.flagged += len(r.flagged)
        score.real += sum(r.real)
        score.near_miss += sum(r.near_miss)
        for conflict, real in zip(r.flagged, r.real):
            score.flagged_by_kind[conflict.kind] += 1
            score.real_by_kind[conflict.kind] += real
        for gold, found in zip(r.gold, r.found):
            score.gold += 1
            score.found += found
            score.gold_clear += gold.clear
            score.found_clear += found and gold.clear
            score.gold_by_kind[gold.kind] += 1
            score.found_by_kind[gold.kind] += found
    return score


def run_gold(gold_path: Path, source_path: Path, options: Options | None = None) -> list[TripletResult]:
    """Brief each labelled triplet's articles as one story and score its conflicts.

    The articles of a triplet are built into one story directly (``build_story``) so that the
    clustering cannot hide a conflict by splitting them; how many stories the clustering would
    have made is recorded in ``TripletResult.stories``.
    """
    from storyline.cluster import cluster_articles
    from storyline.evaluation import read_neus_triplets
    from storyline.nlp import annotate, load_model
    from storyline.pipeline import build_story

    options = options or Options()
    triplets = read_gold(gold_path)
    articles, line_of = read_neus_triplets(source_path)
    wanted = {t.line for t in triplets}
    chosen = [a for a in articles if line_of[a.id] in wanted]
    docs = annotate(chosen, load_model(options.model), options.batch_size)
    results = []
    for triplet in triplets:
        group = [d for d in docs if line_of[d.id] == triplet.line]
        if len(group) != triplet.articles:
            raise InputError(str(gold_path), f"line {triplet.line} has {len(group)} articles in "
                             f"{source_path}, the gold file says {triplet.articles}: check the paths")
        story = build_story(group, options)
        stories = len(cluster_articles(group, options.cluster_threshold))
        texts = {d.id: d.article.text for d in group}
        results.append(score_triplet(triplet, story.conflicts, [d.id for d in group], texts, stories))
    return results
