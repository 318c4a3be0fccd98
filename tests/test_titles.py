"""Title mentions ("the diplomat") resolve to the one person holding that title."""

from __future__ import annotations

import json
from pathlib import Path

from storyline import Options, run
from tests.conftest import EXAMPLE


def test_seed_title_mentions() -> None:
    story = run([str(EXAMPLE)], Options()).stories[0]
    ri = next(e for e in story.entities if "Ri Il-gyu" in e.variants or e.name == "Ri Il-gyu")
    assert {"diplomat", "counselor"} <= set(ri.titles)
    title_texts = {m.text.lower() for m in ri.mentions if m.label == "TITLE"}
    assert "the former diplomat" in title_texts
    assert any("counselor" in t for t in title_texts)  # "the 52-year-old former counselor"


def test_ambiguous_title_is_not_attached(tmp_path: Path) -> None:
    text = ("Senator Ann Kowalski met Senator Brian Oduya in the capital on Monday to discuss the budget bill. "
            "The senator said the talks were productive and that a vote could come within weeks.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": text, "published": "2024-05-06"}) + "\n")
    story = run([str(tmp_path / "a.jsonl")], Options()).stories[0]
    attached = [m for e in story.entities for m in e.mentions if m.label == "TITLE"]
    assert attached == []
