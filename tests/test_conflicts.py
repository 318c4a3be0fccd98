"""Conflict detectors on small two-outlet stories, with controls that must stay quiet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import Options, run

BASE_A = ("A powerful earthquake struck the coastal city of Valdoria on Monday, officials said. "
          "Rescue teams from the national guard searched collapsed buildings through the night. "
          "Governor Maria Esteban said the regional hospital was overwhelmed. ")
BASE_B = ("A strong earthquake hit the coastal city of Valdoria on Monday, according to officials. "
          "National guard rescue teams searched through collapsed buildings overnight. "
          "Governor Maria Esteban said the regional hospital could not cope. ")

CASES = {
    "tally": ("At least 12 people were killed and 40 injured in the quake, police said.",
              "The quake killed 15 people and injured 40 others, police said.", "tally", {"12", "15"}),
    "age": ("The governor, 54-year-old Maria Esteban, visited the site.",
            "Maria Esteban, the 57-year-old governor, toured the damage.", "age", {"54", "57"}),
    "date": ("The first aftershock came on March 3, 2024, officials said.",
             "The first aftershock came on March 4, 2024, officials said.", "date", {"2024-03-03", "2024-03-04"}),
    "kin": ("The governor's husband and two sons were safe.",
            "The governor's husband and daughter were safe.", "kin", {"sons", "daughter"}),
}
CONTROLS = {
    "same tally": ("At least 12 people were killed, police said.", "Police said 12 people were killed."),
    "same age": ("The governor, 54-year-old Maria Esteban, visited.", "Maria Esteban, 54-year-old governor, toured."),
}


def _story(tmp_path: Path, extra_a: str, extra_b: str) -> dict:
    lines = [json.dumps({"text": BASE_A + extra_a, "outlet": "Wire A", "published": "2024-03-05"}),
             json.dumps({"text": BASE_B + extra_b, "outlet": "Wire B", "published": "2024-03-05"})]
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(lines) + "\n")
    brief = run([str(path)], Options())
    assert len(brief.stories) == 1
    return {"conflicts": brief.stories[0].conflicts}


@pytest.mark.parametrize("name", list(CASES))
def test_detects(tmp_path: Path, name: str) -> None:
    a, b, kind, values = CASES[name]
    conflicts = [c for c in _story(tmp_path, a, b)["conflicts"] if c.kind == kind]
    assert conflicts, f"no {kind} conflict found"
    assert values <= {p.value for p in conflicts[0].positions}
    assert all(len(p.sources) == 1 for p in conflicts[0].positions)


@pytest.mark.parametrize("name", list(CONTROLS))
def test_agreement_is_not_a_conflict(tmp_path: Path, name: str) -> None:
    a, b = CONTROLS[name]
    assert _story(tmp_path, a, b)["conflicts"] == []
