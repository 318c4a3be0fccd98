"""Quality gate: quote attribution on three-outlet coverage, scored on the hand-labelled quotes of
NeuS val lines 0-149 (``tests/data/neus_quotes.jsonl``; labelling rules in ``NEUS_QUOTES.md``,
definitions in ``storyline.quotes_gold``). Floors pinned a little below what we measure
(benchmarks/RESULTS.md, "Attribution: NeuS val quotes")."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.nlp import load_model
from storyline.polnear import Score
from storyline.quotes_gold import GoldQuote, predict, read_gold, read_line_articles, score, speaker_right

GOLD = Path(__file__).parent / "data" / "neus_quotes.jsonl"
FOUND_FLOOR = 0.92  # measured 0.943
SPEAKER_FLOOR = 0.86  # measured 0.888
NAMED_SPEAKER_FLOOR = 0.86  # measured 0.883


def _source(shared_data: Path) -> Path:
    source = shared_data / "neus_roundups" / "val.source"
    if not source.is_file():
        pytest.skip("NeuS val is not present")
    return source


@pytest.fixture(scope="module")
def neus_score(shared_data: Path) -> Score:
    source, gold = _source(shared_data), read_gold(GOLD)
    return score(gold, source, predict(source, gold, load_model()))


def test_gold_file_is_sorted_and_in_lines_0_to_149() -> None:
    gold = read_gold(GOLD)
    assert len(gold) > 100
    assert all(0 <= g.line < 150 for g in gold)
    assert [(g.line, g.article) for g in gold] == sorted((g.line, g.article) for g in gold)
    assert {g.kind for g in gold} == {"named", "unnamed"}


def test_every_gold_quote_is_in_its_article(shared_data: Path) -> None:
    gold = read_gold(GOLD)
    lines = read_line_articles(_source(shared_data), {g.line for g in gold})
    for g in gold:
        article = lines[g.line][g.article]
        assert article is not None and g.quote in article.text, (g.line, g.article, g.quote)


def test_quotes_found(neus_score: Score) -> None:
    assert neus_score.found_rate >= FOUND_FLOOR


def test_speaker_accuracy(neus_score: Score) -> None:
    assert neus_score.speaker_accuracy >= SPEAKER_FLOOR


def test_speaker_accuracy_on_named_speakers(neus_score: Score) -> None:
    assert neus_score.rate(neus_score.right, neus_score.found, ("named",)) >= NAMED_SPEAKER_FLOOR


def _gold(speaker: str, named: bool = True, alternatives: tuple[str, ...] = ()) -> GoldQuote:
    return GoldQuote(0, 0, "a quote of words", speaker, named, alternatives)


@pytest.mark.parametrize(("gold", "predicted", "variants", "right"), [
    (_gold("John Roberts"), "Chief Justice John Roberts", (), True),
    (_gold("John Roberts"), "Roberts", (), True),
    (_gold("Trump"), "the president", ("Donald Trump",), True),  # one of the entity's spellings
    (_gold("Bill de Blasio"), "de Blasio", (), True),
    (_gold("Mitch McConnell"), "Joe Biden", (), False),
    (_gold("Mitch McConnell"), None, (), False),  # found without a speaker is wrong
    (_gold("The Three Percenters"), "the paramilitary group", (), False),
    (_gold("a YouTube spokesperson", False), "YouTube spokesperson", (), True),  # head noun
    (_gold("a YouTube spokesperson", False, ("YouTube",)), "YouTube", (), True),  # an alternative
    (_gold("a YouTube spokesperson", False), "Rand Paul", (), False),
    (_gold("three Justice Department lawyers", False), "the lawyer", (), True),  # singular head
    (_gold("the president", False), "Trump", (), False),
])
def test_speaker_right(gold: GoldQuote, predicted: str | None, variants: tuple[str, ...], right: bool) -> None:
    assert speaker_right(gold, predicted, variants) is right
