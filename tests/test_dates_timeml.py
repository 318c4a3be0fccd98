"""Quality gate: dates on TimeML news (TempEval-3 train: TimeBank + AQUAINT, 256 documents).
Calendar dates found and their value accuracy (definitions in ``storyline.timeml``), with
floors pinned a little below what was measured (found 0.988, value accuracy 0.945; the weakest
part, tune half, 0.943; found on AQUAINT 0.976)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.nlp import annotate, load_model
from storyline.timeml import evaluate, read_timeml_folder

FOUND_FLOOR = 0.975
ACCURACY_FLOOR = 0.935
#: Each corpus and each half of the name-hash split stays above this (overfitting check).
PART_FLOOR = 0.93


@pytest.fixture(scope="module")
def scores(shared_data: Path) -> dict:
    folder = shared_data / "tempeval3_train"
    if not folder.is_dir():
        pytest.skip("tempeval3_train is not present")
    docs = read_timeml_folder(folder)
    assert len(docs) == 256
    annotations = annotate([d.article for d in docs], load_model())
    return evaluate(docs, annotations)


def test_calendar_dates_found(scores: dict) -> None:
    assert scores["all"].found_rate >= FOUND_FLOOR


def test_value_accuracy(scores: dict) -> None:
    assert scores["all"].accuracy >= ACCURACY_FLOOR


@pytest.mark.parametrize("part", ["TimeBank", "AQUAINT", "tune", "check"])
def test_every_part_holds(scores: dict, part: str) -> None:
    assert scores[part].found_rate >= FOUND_FLOOR - 0.015
    assert scores[part].accuracy >= PART_FLOOR
