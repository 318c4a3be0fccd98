"""Quality gate: quote attribution scored on PolNeAR dev (84 articles, every attribution
annotated; definitions in ``storyline.polnear``). Floors pinned a little below what we measure
(benchmarks/RESULTS.md, "Attribution: PolNeAR dev")."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.nlp import load_model
from storyline.polnear import Score, predict, read_polnear, score

FOUND_FLOOR = 0.87
SPEAKER_FLOOR = 0.86
NAME_SPEAKER_FLOOR = 0.93
PRONOUN_SPEAKER_FLOOR = 0.73


@pytest.fixture(scope="module")
def dev_score(shared_data: Path) -> Score:
    root = shared_data / "polnear"
    if not (root / "dev").is_dir():
        pytest.skip("PolNeAR dev is not present")
    docs = read_polnear(root, "dev")
    assert len(docs) == 84
    return score(docs, predict(docs, load_model()), "direct")


def test_direct_quotes_found(dev_score: Score) -> None:
    assert sum(dev_score.gold.values()) > 450
    assert dev_score.found_rate >= FOUND_FLOOR


def test_speaker_accuracy(dev_score: Score) -> None:
    assert dev_score.speaker_accuracy >= SPEAKER_FLOOR


def test_speaker_accuracy_on_named_sources(dev_score: Score) -> None:
    assert dev_score.rate(dev_score.right, dev_score.found, ("name",)) >= NAME_SPEAKER_FLOOR


def test_speaker_accuracy_on_pronoun_and_description_sources(dev_score: Score) -> None:
    assert dev_score.rate(dev_score.right, dev_score.found, ("pronoun/description",)) >= PRONOUN_SPEAKER_FLOOR


def test_reader_never_reads_test(shared_data: Path) -> None:
    with pytest.raises(ValueError):
        read_polnear(shared_data / "polnear", "test")
